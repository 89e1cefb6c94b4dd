// The declaration of conflicts of interest (利益冲突申报), before any bid is
// seen: for every bidder by name, a conflict or none. A conflict takes the member
// off the committee and out of sight of the evaluation (the buyer replaces
// them), so it is confirmed first, and the member then goes back to their list.
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, List, Modal, Stack, Switch, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyEvaluationState, evaluationActions, forgetEvaluation, type EvaluationState } from '../../api/evaluation';
import { EmptyText } from '../../components/states';
import { Card } from '../../components/tender-view';
import { useLocale } from '../../i18n';
import { applyFieldErrors, notifyError, notifySuccess } from '../../lib/problems';

export function DeclarationPanel({ s }: { s: EvaluationState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [conflicts, setConflicts] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const [truthful, setTruthful] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const conflicted = s.bidders.filter((b) => conflicts[b.orgId]);
  const declare = useMutation({
    mutationFn: () =>
      evaluationActions.declare(s.tenderId, {
        declarations: s.bidders.map((b) => ({ bidderOrgId: b.orgId, conflict: !!conflicts[b.orgId] })),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: (r) => {
      setConfirming(false);
      if (r.conflicted || !r.state) {
        // Away first: the workspace's queries would ask again for what is now out of sight.
        navigate('/evaluations', { replace: true });
        forgetEvaluation(qc, s.tenderId);
        notifications.show({ color: 'orange', title: t('evaluation.declaration.leftTitle'), message: t('evaluation.declaration.left', { number: s.number }), autoClose: 8000 });
        return;
      }
      applyEvaluationState(qc, s.tenderId, r.state);
      notifySuccess(t('evaluation.declaration.done'));
    },
    onError: (e) => {
      setConfirming(false);
      const found: Record<string, string> = {};
      const { unmatched } = applyFieldErrors(e, (field, message) => {
        const i = /^declarations\.(\d+)/.exec(field)?.[1];
        const bidder = i !== undefined ? s.bidders[Number(i)] : undefined;
        if (bidder) found[bidder.orgId] = message;
        else found._ = message;
      }, locale);
      setErrors(found);
      if (!Object.keys(found).length || unmatched.length) notifyError(t, e);
    },
  });
  const submit = () => (conflicted.length ? setConfirming(true) : declare.mutate());
  return (
    <Card title={t('evaluation.declaration.title')}>
      <Stack gap="md">
        <Alert color="blue" variant="light" icon={<IconShieldCheck size={18} />}>
          <Text size="sm">{t('evaluation.declaration.intro')}</Text>
        </Alert>
        {s.bidders.length === 0 ? (
          <EmptyText>{t('evaluation.declaration.noBidders')}</EmptyText>
        ) : (
          <Table verticalSpacing="sm" data-testid="declaration-bidders">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluation.declaration.bidder')}</Table.Th>
                <Table.Th>{t('evaluation.declaration.conflict')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.bidders.map((b) => (
                <Table.Tr key={b.orgId} bg={conflicts[b.orgId] ? 'red.0' : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {b.name}
                    </Text>
                    {errors[b.orgId] ? (
                      <Text size="xs" c="red">
                        {errors[b.orgId]}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      color="red"
                      checked={!!conflicts[b.orgId]}
                      onChange={(e) => setConflicts({ ...conflicts, [b.orgId]: e.currentTarget.checked })}
                      label={conflicts[b.orgId] ? t('evaluation.declaration.hasConflict') : t('evaluation.declaration.noConflict')}
                      aria-label={t('evaluation.declaration.conflictWith', { name: b.name })}
                      data-testid="declaration-conflict"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {errors._ ? (
          <Text size="sm" c="red">
            {errors._}
          </Text>
        ) : null}
        <Textarea label={t('evaluation.declaration.note')} description={t('evaluation.declaration.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        <Checkbox label={t('evaluation.declaration.truthful')} checked={truthful} onChange={(e) => setTruthful(e.currentTarget.checked)} data-testid="declaration-truthful" />
        <Group justify="flex-end">
          <Button color={conflicted.length ? 'red' : undefined} onClick={submit} loading={declare.isPending} disabled={!truthful} data-testid="declaration-submit">
            {conflicted.length ? t('evaluation.declaration.submitConflict') : t('evaluation.declaration.submit')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('evaluation.declaration.confirmTitle')}>
        <Stack>
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            <Text size="sm">{t('evaluation.declaration.confirmBody')}</Text>
          </Alert>
          <List size="sm">
            {conflicted.map((b) => (
              <List.Item key={b.orgId}>{b.name}</List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => declare.mutate()} loading={declare.isPending} data-testid="declaration-confirm-conflict">
              {t('evaluation.declaration.confirmLeave')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
