// One requisition: its items, the approval record of every round, and what the
// signed-in person may do now (submit, withdraw, approve, reject, return).
import { useState } from 'react';
import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Table, Text, Textarea, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconCircleDashed, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useRequisition } from '../../api/buy';
import { api, call, newIdempotencyKey } from '../../api/http';
import { useMe } from '../../api/queries';
import { Amount, RequisitionStatusBadge } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { CardsSkeleton, ErrorView } from '../../components/states';
import { notifyError } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';

export default function RequisitionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const qc = useQueryClient();
  const r = useRequisition(id);
  const [comment, setComment] = useState('');
  const act = useMutation({
    mutationFn: async (what: 'submit' | 'withdraw' | 'approve' | 'reject' | 'return') => {
      const headers = { 'idempotency-key': newIdempotencyKey() };
      if (what === 'submit') return call(api.POST('/api/v1/requisitions/{id}/submit', { params: { path: { id } }, headers }));
      if (what === 'withdraw') return call(api.POST('/api/v1/requisitions/{id}/withdraw', { params: { path: { id } }, headers }));
      return call(api.POST('/api/v1/requisitions/{id}/decision', { params: { path: { id } }, body: { decision: what, comment: comment || null }, headers }));
    },
    onSuccess: (data) => {
      qc.setQueryData(['requisition', id], data);
      void qc.invalidateQueries({ queryKey: ['requisitions'] });
      void qc.invalidateQueries({ queryKey: ['projects'] });
      setComment('');
    },
    onError: (e) => notifyError(t, e),
  });
  if (r.error) return <ErrorView error={r.error} onRetry={() => void r.refetch()} />;
  if (!r.data) return <CardsSkeleton />;
  const q = r.data;
  const mine = me.data?.user.id === q.requesterId;
  const rounds = [...new Set(q.steps.map((s) => s.round))];
  return (
    <>
      <PageHeader
        back={{ to: '/buy/requisitions', label: t('buy.requisitions.title') }}
        title={q.title}
        subtitle={
          <Group gap="xs">
            <Text span ff="monospace">
              {q.number}
            </Text>
            <RequisitionStatusBadge status={q.status} />
            <Text span>{t('buy.requisitions.raisedBy', { name: q.requesterName, department: q.department })}</Text>
          </Group>
        }
        actions={
          mine && ['draft', 'returned', 'withdrawn'].includes(q.status) ? (
            <Button onClick={() => act.mutate('submit')} loading={act.isPending}>
              {t('buy.requisitions.submit')}
            </Button>
          ) : mine && q.status === 'submitted' ? (
            <Button variant="default" onClick={() => act.mutate('withdraw')} loading={act.isPending}>
              {t('buy.requisitions.withdraw')}
            </Button>
          ) : null
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {q.projectId ? (
              <Alert color="teal" variant="light" title={t('buy.requisitions.approvedTitle')}>
                <Anchor component={Link} to={`/buy/projects/${q.projectId}`}>
                  {t('buy.requisitions.openProject')}
                </Anchor>
              </Alert>
            ) : null}
            {q.status === 'approved' ? (
              <Text size="sm" c="dimmed">
                {t('buy.requisitions.readOnly')}
              </Text>
            ) : null}
            <Paper withBorder p="md" radius="md">
              <Text fw={600} mb={4}>
                {t('buy.requisitions.justification')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {q.justification}
              </Text>
            </Paper>
            <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
              <Table.ScrollContainer minWidth={700}>
                <Table verticalSpacing="xs">
                  <Table.Thead bg="gray.0">
                    <Table.Tr>
                      <Table.Th>{t('buy.item.name')}</Table.Th>
                      <Table.Th>{t('buy.item.specification')}</Table.Th>
                      <Table.Th ta="right">{t('buy.item.quantity')}</Table.Th>
                      <Table.Th ta="right">{t('buy.item.unitPrice')}</Table.Th>
                      <Table.Th>{t('buy.item.neededBy')}</Table.Th>
                      <Table.Th ta="right">{t('buy.item.lineTotal')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {q.items.map((i) => (
                      <Table.Tr key={i.id}>
                        <Table.Td>{i.name}</Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed">
                            {i.specification || '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          {i.quantity} {i.unit}
                        </Table.Td>
                        <Table.Td ta="right">
                          <Amount value={i.unitPrice} currency={q.currency} />
                        </Table.Td>
                        <Table.Td>{i.neededBy ? f.date(i.neededBy) : '—'}</Table.Td>
                        <Table.Td ta="right">
                          <Amount value={i.lineTotal} currency={q.currency} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th colSpan={5} ta="right">
                        {t('buy.requisitions.col.total')}
                      </Table.Th>
                      <Table.Th ta="right">
                        <Amount value={q.total} currency={q.currency} fw={700} />
                      </Table.Th>
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {q.awaitingMe ? (
              <Paper withBorder p="md" radius="md" style={{ borderColor: 'var(--mantine-color-orange-4)' }}>
                <Text fw={600} mb="xs">
                  {t('buy.requisitions.yourDecision', { step: q.waitingStep })}
                </Text>
                <Textarea placeholder={t('buy.requisitions.commentPlaceholder')} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} mb="sm" />
                <Group gap="xs">
                  <Button color="teal" leftSection={<IconCheck size={14} />} onClick={() => act.mutate('approve')} loading={act.isPending && act.variables === 'approve'}>
                    {t('buy.requisitions.approve')}
                  </Button>
                  <Button variant="light" color="yellow" leftSection={<IconArrowBackUp size={14} />} onClick={() => act.mutate('return')} loading={act.isPending && act.variables === 'return'}>
                    {t('buy.requisitions.return')}
                  </Button>
                  <Button variant="light" color="red" leftSection={<IconX size={14} />} onClick={() => act.mutate('reject')} loading={act.isPending && act.variables === 'reject'}>
                    {t('buy.requisitions.reject')}
                  </Button>
                </Group>
              </Paper>
            ) : null}
            <Paper withBorder p="md" radius="md">
              <Text fw={600} mb="sm">
                {t('buy.requisitions.approvalRecord')}
              </Text>
              {q.steps.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('buy.requisitions.notSubmitted')}
                </Text>
              ) : (
                rounds.map((round) => (
                  <Stack key={round} gap={4} mb="sm">
                    {rounds.length > 1 ? (
                      <Text size="xs" c="dimmed">
                        {t('buy.requisitions.round', { n: round })}
                      </Text>
                    ) : null}
                    <Timeline bulletSize={20} lineWidth={2}>
                      {q.steps
                        .filter((s) => s.round === round)
                        .map((s) => (
                          <Timeline.Item
                            key={`${s.round}-${s.position}`}
                            color={s.decision === 'approve' ? 'teal' : s.decision === 'reject' ? 'red' : s.decision === 'return' ? 'yellow' : 'gray'}
                            bullet={s.decision === 'approve' ? <IconCheck size={12} /> : s.decision === 'reject' ? <IconX size={12} /> : s.decision === 'return' ? <IconArrowBackUp size={12} /> : <IconCircleDashed size={12} />}
                            title={s.name}
                          >
                            <Text size="xs" c="dimmed">
                              {s.decision ? `${t(`buy.decision.${s.decision}` as never)} · ${s.deciderName ?? ''} · ${f.dateTime(s.decidedAt)}` : t('buy.requisitions.waiting')}
                            </Text>
                            {s.comment ? <Text size="sm">“{s.comment}”</Text> : null}
                          </Timeline.Item>
                        ))}
                    </Timeline>
                  </Stack>
                ))
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
