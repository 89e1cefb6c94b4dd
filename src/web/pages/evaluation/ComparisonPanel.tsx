// The comparison table tab (比较表): the bids side by side (ComparisonGrid), the
// committee's remarks on each bid under it, and the same table as an Excel file
// in the UI language. Each read of the table by a member is audited: it is read
// once per phase (and once the member's sheets are in), or when asked again.
import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconFileSpreadsheet, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useComparison, type ComparisonTable, type EvaluationState } from '../../api/evaluation';
import { EmptyText, ListSkeleton, Loaded } from '../../components/states';
import { Card } from '../../components/tender-view';
import { useBuyLabels } from '../../lib/buyLabels';
import { notifyError } from '../../lib/problems';
import { downloadComparison, type ComparisonLabels } from '../../lib/xlsxComparison';
import { ComparisonGrid } from './ComparisonGrid';
import { reached } from './shared';

function useComparisonLabels(): ComparisonLabels {
  const { t } = useTranslation();
  const l = useBuyLabels();
  return {
    row: t('evaluation.comparison.row'),
    detail: t('evaluation.comparison.detail'),
    screening: t('evaluation.comparison.screening'),
    passed: t('evaluation.comparison.passed'),
    failed: t('evaluation.comparison.failed'),
    scores: t('evaluation.comparison.scores'),
    scoresHidden: t('evaluation.comparison.scoresHidden'),
    criterion: (c) => `${l.part(c.part)} · ${t('evaluation.comparison.weightMax', { weight: c.weight, max: c.maxScore })}`,
    ranking: t('evaluation.comparison.ranking'),
    lot: (key, name) => t('evaluation.comparison.lot', { key, name }),
    total: t('evaluation.comparison.total'),
    rank: t('evaluation.comparison.rank'),
    prices: (currency) => t('evaluation.comparison.prices', { currency }),
    noPrices: t('evaluation.comparison.noPrices'),
    unitPrice: t('evaluation.comparison.unitPrice'),
    lineTotal: t('evaluation.comparison.lineTotal'),
    flags: t('evaluation.comparison.flags'),
    flag: (flag, quantity) => `${t(`evaluation.comparison.flag.${flag}`)}${quantity && (flag === 'short' || flag === 'over') ? ` (${t('evaluation.comparison.quoted', { quantity })})` : ''}`,
    lotTotal: (name) => t('evaluation.comparison.lotTotal', { name }),
    grandTotal: t('evaluation.comparison.grandTotal'),
    complete: t('evaluation.comparison.complete'),
    yes: t('common.yes'),
    no: t('common.no'),
    remarks: t('evaluation.comparison.remarks'),
  };
}

function ExportButton({ c, number, pricesNote }: { c: ComparisonTable; number: string; pricesNote: string }) {
  const { t } = useTranslation();
  const labels = { ...useComparisonLabels(), noPrices: pricesNote };
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadComparison(`${number}-${t('evaluation.comparison.fileName')}.xlsx`, c, labels);
    } catch (e) {
      notifyError(t, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="xs" variant="light" leftSection={<IconFileSpreadsheet size={14} />} onClick={() => void run()} loading={busy} data-testid="comparison-export">
      {t('evaluation.comparison.export')}
    </Button>
  );
}

/** Strengths and weaknesses from the members' sheets, per bid. */
function Remarks({ c }: { c: ComparisonTable }) {
  const { t } = useTranslation();
  if (!c.scoresVisible) return null;
  return (
    <Card title={t('evaluation.comparison.remarks')} right={<Text size="xs" c="dimmed">{t('evaluation.comparison.remarksHint')}</Text>}>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="sm" data-testid="comparison-remarks">
        {c.bids.map((b) => {
          const items = c.remarks.find((r) => r.bidId === b.bidId)?.items ?? [];
          return (
            <Paper key={b.bidId} withBorder p="sm" radius="md">
              <Text size="sm" fw={700} mb={4}>
                {b.bidder}
              </Text>
              {items.length ? (
                <Stack gap={6}>
                  {items.map((r, i) => (
                    <div key={i}>
                      <Text size="xs" c="dimmed">
                        {r.member}
                      </Text>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {r.text}
                      </Text>
                    </div>
                  ))}
                </Stack>
              ) : (
                <EmptyText>{t('evaluation.comparison.noRemarks')}</EmptyText>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
    </Card>
  );
}

function ComparisonView({ c, number, pricesNote, refetch, fetching }: { c: ComparisonTable; number: string; pricesNote: string; refetch: () => void; fetching: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Card
        title={t('evaluation.comparison.title')}
        right={
          <Group gap="xs">
            <Tooltip label={t('evaluation.comparison.refresh')}>
              <ActionIcon variant="subtle" color="gray" onClick={refetch} loading={fetching} aria-label={t('evaluation.comparison.refresh')}>
                <IconRefresh size={16} />
              </ActionIcon>
            </Tooltip>
            <ExportButton c={c} number={number} pricesNote={pricesNote} />
          </Group>
        }
      >
        <Text size="xs" c="dimmed" mb="sm">
          {t('evaluation.comparison.legend')}
        </Text>
        <ComparisonGrid c={c} pricesNote={pricesNote} />
      </Card>
      <Remarks c={c} />
    </Stack>
  );
}

export function ComparisonPanel({ s }: { s: EvaluationState }) {
  const { t } = useTranslation();
  const q = useComparison(s.tenderId, s.phase, !!s.me?.sheetsSubmitted, true);
  // With two envelopes the prices open after technical scoring (the result follows at once): until then every item would read "missing".
  const sealed = s.envelopes === 'two' && !reached(s.phase, 'report');
  const pricesNote = t(sealed ? 'evaluation.comparison.pricesSealed' : 'evaluation.comparison.noPrices');
  return (
    <Loaded query={q} skeleton={<ListSkeleton rows={8} height={40} />} empty={(c) => (c.bids.length ? null : <EmptyText>{t('evaluation.comparison.none')}</EmptyText>)}>
      {(c) => <ComparisonView c={sealed ? { ...c, prices: null } : c} number={s.number} pricesNote={pricesNote} refetch={() => void q.refetch()} fetching={q.isFetching} />}
    </Loaded>
  );
}
