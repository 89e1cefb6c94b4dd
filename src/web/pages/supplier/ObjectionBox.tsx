// A bidder's objections to the published candidates (异议) with the buyer's
// answers (答复), and the form to file one while the publication period runs:
// grounds of at least 10 characters; the award waits for the answer.
import { useState } from 'react';
import { Badge, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconMessageExclamation } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { awardActions, awardKeys, type SupplierResult } from '../../api/award';
import { useLocale } from '../../i18n';
import { notifySuccess, reportFormError } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';
import { ConfirmButton } from '../evaluation/shared';

const MIN_GROUNDS = 10;

function ObjectionForm({ tenderId }: { tenderId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const [grounds, setGrounds] = useState('');
  const [error, setError] = useState<string>();
  const length = grounds.trim().length;
  const file = useMutation({
    mutationFn: () => awardActions.object(tenderId, grounds.trim()),
    onSuccess: (d) => {
      qc.setQueryData(awardKeys.result(tenderId), d);
      setGrounds('');
      notifySuccess(t('evaluation.award.supplier.objectDone'));
    },
    onError: (e) => reportFormError(t, locale, e, (p, m) => p === 'grounds' && setError(m)),
  });
  return (
    <Stack gap="xs">
      <Textarea
        label={t('evaluation.award.supplier.object')}
        description={t('evaluation.award.supplier.objectHint')}
        placeholder={t('evaluation.award.supplier.grounds')}
        value={grounds}
        onChange={(e) => {
          setGrounds(e.currentTarget.value);
          setError(undefined);
        }}
        error={error}
        autosize
        minRows={3}
        data-testid="objection-grounds"
      />
      <Group justify="space-between">
        <Text size="xs" c={length >= MIN_GROUNDS ? 'dimmed' : 'orange'}>
          {t('evaluation.award.supplier.groundsMin', { count: MIN_GROUNDS })} · {length}
        </Text>
        <ConfirmButton
          label={t('evaluation.award.supplier.objectSubmit')}
          title={t('evaluation.award.supplier.object')}
          message={t('evaluation.award.supplier.objectConfirm')}
          onConfirm={() => file.mutate()}
          loading={file.isPending}
          disabled={length < MIN_GROUNDS}
          color="orange"
          variant="light"
          leftSection={<IconMessageExclamation size={16} />}
          testId="objection-submit"
        />
      </Group>
    </Stack>
  );
}

export function ObjectionBox({ r }: { r: SupplierResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!r.objections.length && !r.canObject) return null;
  return (
    <Stack gap="xs">
      {r.objections.length ? (
        <Text size="sm" fw={700}>
          {t('evaluation.award.supplier.objections')}
        </Text>
      ) : null}
      {r.objections.map((o) => (
        <Paper key={o.id} withBorder p="xs" radius="sm" data-testid="my-objection">
          <Group justify="space-between" mb={4}>
            <Text size="xs" c="dimmed">
              {t('evaluation.award.supplier.filedAt', { when: f.dateTime(o.filedAt) })}
            </Text>
            {o.answeredAt ? null : (
              <Badge size="xs" variant="light" color="orange" style={{ textTransform: 'none' }}>
                {t('evaluation.award.supplier.awaiting')}
              </Badge>
            )}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {o.grounds}
          </Text>
          {o.answeredAt ? (
            <Paper p="xs" mt="xs" radius="sm" bg="gray.0">
              <Text size="xs" c="dimmed">
                {t('evaluation.award.supplier.answer', { when: f.dateTime(o.answeredAt) })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {o.answer}
              </Text>
            </Paper>
          ) : null}
        </Paper>
      ))}
      {r.canObject ? <ObjectionForm tenderId={r.tenderId} /> : null}
    </Stack>
  );
}
