// What a bidder learns after the evaluation: the candidates published per lot
// (rank, name, price; objections until the window ends), its own result once a
// lot is awarded (awarded or not, its screening with the reasons, its price,
// scores and rank, the winner and the winning price), its objections with the
// buyer's answers. Having lost a tender linked to one of its opportunities, it
// closes that opportunity as lost in one step.
import { Badge, Divider, Group, List, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconThumbDown, IconTrophy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSupplierResult, type SupplierLotResult, type SupplierResult } from '../../api/award';
import type { MarketTender } from '../../api/buy';
import { api, call } from '../../api/http';
import { invalidateOpportunity, useOpportunity } from '../../api/queries';
import { Amount } from '../../components/buy';
import { ErrorView } from '../../components/states';
import { Card } from '../../components/tender-view';
import { notifyError, notifySuccess } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';
import { ConfirmButton, Figure } from '../evaluation/shared';
import { LotStatusBadge } from '../buy/award/parts';
import { ObjectionBox } from './ObjectionBox';

function Candidates({ r, currency }: { r: SupplierResult; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = Date.now();
  return (
    <Stack gap="sm">
      <Text size="sm" fw={700}>
        {t('evaluation.award.supplier.candidates')}
      </Text>
      {r.candidates.map((lot) => (
        <div key={lot.lotKey}>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              {t('evaluation.award.lot.title', { key: lot.lotKey, name: lot.name })}
            </Text>
            <LotStatusBadge status={lot.status} />
          </Group>
          {lot.objectionUntil ? (
            <Text size="xs" c="dimmed" mb={4}>
              {new Date(lot.objectionUntil).getTime() > now ? t('evaluation.award.supplier.until', { until: f.dateTime(lot.objectionUntil) }) : t('evaluation.award.supplier.windowOver', { until: f.dateTime(lot.objectionUntil) })}
            </Text>
          ) : null}
          <Table verticalSpacing={4} data-testid="published-candidates">
            <Table.Tbody>
              {lot.candidates.map((c) => (
                <Table.Tr key={`${c.rank}-${c.bidder}`}>
                  <Table.Td w={80}>
                    <Badge size="sm" color={c.rank === 1 ? 'yellow' : 'gray'} variant={c.rank === 1 ? 'filled' : 'light'} style={{ textTransform: 'none' }}>
                      {t('evaluation.award.lot.rankN', { rank: c.rank })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.bidder}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount value={c.price} currency={currency} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}
    </Stack>
  );
}

function MyResult({ res, name, currency }: { res: SupplierLotResult; name: string; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const won = res.outcome === 'awarded';
  const { screening, mine, winner } = res;
  return (
    <Paper withBorder p="sm" radius="md" bg={won ? 'green.0' : undefined} data-testid="my-result">
      <Group justify="space-between" mb="xs">
        <Text size="sm" fw={700}>
          {t('evaluation.award.lot.title', { key: res.lotKey, name })}
        </Text>
        <Badge color={won ? 'green' : 'gray'} variant={won ? 'filled' : 'light'} leftSection={won ? <IconTrophy size={12} /> : undefined} style={{ textTransform: 'none' }}>
          {t(`evaluation.award.supplier.outcome.${res.outcome}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('evaluation.award.supplier.issuedAt', { when: f.dateTime(res.issuedAt) })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mb="xs">
        <Figure label={t('evaluation.award.supplier.screening')}>
          <Badge size="sm" variant="light" color={screening.passed ? 'teal' : 'red'} style={{ textTransform: 'none' }}>
            {t(screening.passed ? 'evaluation.award.supplier.passed' : 'evaluation.award.supplier.failed')}
          </Badge>
        </Figure>
        <Figure label={t('evaluation.award.supplier.myPrice')}>{mine.price ? <Amount value={mine.price} currency={currency} fw={600} /> : '—'}</Figure>
        <Figure label={t('evaluation.award.supplier.myTotal')}>{mine.total ?? '—'}</Figure>
        <Figure label={t('evaluation.award.supplier.myRank')}>{mine.rank ? t('evaluation.award.lot.rankN', { rank: mine.rank }) : '—'}</Figure>
      </SimpleGrid>
      {screening.failed.length ? (
        <List size="sm" mb="xs" c="red.8">
          {screening.failed.map((x) => (
            <List.Item key={x.key}>{t('evaluation.report.failedReason', { key: x.key, text: x.text, reason: x.reason })}</List.Item>
          ))}
        </List>
      ) : null}
      {mine.criteria.length ? (
        <Table verticalSpacing={4} mb="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluation.award.supplier.criterion')}</Table.Th>
              <Table.Th ta="right">{t('evaluation.award.supplier.score')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mine.criteria.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td>
                  <Text size="sm">{c.name}</Text>
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {c.score}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <SimpleGrid cols={2} spacing="xs">
        <Figure label={t('evaluation.award.supplier.winner')}>{winner.name}</Figure>
        <Figure label={t('evaluation.award.supplier.winnerPrice')}>
          <Amount value={winner.price} currency={currency} fw={600} />
        </Figure>
      </SimpleGrid>
    </Paper>
  );
}

/** Closes the linked opportunity as lost, the winner named in the reason, then opens it. */
function CloseLost({ link, winners }: { link: NonNullable<MarketTender['link']>; winners: string[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const opp = useOpportunity(link.opportunityId);
  const reason = t('evaluation.award.supplier.lostReason', { winner: winners.join(t('evaluation.listSeparator')) });
  const close = useMutation({
    mutationFn: () => call(api.POST('/api/v1/opportunities/{id}/outcome', { params: { path: { id: link.opportunityId } }, body: { outcome: 'lost', lostReason: reason } })),
    onSuccess: (d) => {
      qc.setQueryData(['opportunity', link.opportunityId], d);
      invalidateOpportunity(qc, link.opportunityId, d.accountId);
      notifySuccess(t('evaluation.award.supplier.closeLostDone'));
      void navigate(`/opportunities/${link.opportunityId}`);
    },
    onError: (e) => notifyError(t, e),
  });
  // Only while the opportunity is still open.
  if (opp.data?.outcome !== 'open') return null;
  return (
    <ConfirmButton
      label={t('evaluation.award.supplier.closeLost')}
      title={t('evaluation.award.supplier.closeLost')}
      message={t('evaluation.award.supplier.closeLostConfirm', { title: link.opportunityTitle, reason })}
      onConfirm={() => close.mutate()}
      loading={close.isPending}
      color="red"
      variant="light"
      leftSection={<IconThumbDown size={16} />}
      testId="close-lost"
    />
  );
}

export function ResultCard({ x }: { x: MarketTender }) {
  const { t } = useTranslation();
  const q = useSupplierResult(x.id, x.status === 'opened');
  if (q.error) return <ErrorView error={q.error} onRetry={() => void q.refetch()} compact />;
  const r = q.data;
  if (!r || (!r.candidates.length && !r.results.length && !r.objections.length)) return null;
  const lotName = (key: string) => r.candidates.find((c) => c.lotKey === key)?.name ?? x.lots.find((l) => l.key === key)?.name ?? key;
  const lost = r.results.length > 0 && r.results.every((res) => res.outcome === 'not_awarded');
  const winners = [...new Set(r.results.map((res) => res.winner.name))];
  return (
    <Card title={t('evaluation.award.supplier.title')} right={lost && x.link ? <CloseLost link={x.link} winners={winners} /> : null}>
      <Stack gap="md" data-testid="supplier-result">
        {r.results.length ? (
          <Stack gap="sm">
            <Text size="sm" fw={700}>
              {t('evaluation.award.supplier.myResult')}
            </Text>
            {r.results.map((res) => (
              <MyResult key={res.lotKey} res={res} name={lotName(res.lotKey)} currency={x.currency} />
            ))}
          </Stack>
        ) : null}
        {r.candidates.length ? (
          <>
            {r.results.length ? <Divider /> : null}
            <Candidates r={r} currency={x.currency} />
          </>
        ) : null}
        <ObjectionBox r={r} />
      </Stack>
    </Card>
  );
}
