// The comparison table on screen: the bids as columns; the screening, the mean
// score of each criterion, each lot's total and rank, the prices item by item
// (unit price, line total, a flag where an item is missing, short, over or
// quoted twice) and the lot and grand totals as rows. The best value of a row
// is highlighted; exact amounts in the UI language.
import type { CSSProperties, ReactNode } from 'react';
import { Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComparisonTable } from '../../api/evaluation';
import { Amount } from '../../components/buy';
import { useBuyLabels } from '../../lib/buyLabels';

type Flag = 'missing' | 'short' | 'over' | 'duplicate';
const FLAG_COLORS: Record<Flag, string> = { missing: 'red', duplicate: 'red', short: 'orange', over: 'orange' };

const STICKY: CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)', minWidth: 220 };
const BEST: CSSProperties = { background: 'var(--mantine-color-teal-0)', boxShadow: 'inset 3px 0 0 var(--mantine-color-teal-5)' };
const NUM: CSSProperties = { fontVariantNumeric: 'tabular-nums' };

/** A cell of a bid's column: highlighted when it holds the best value of the row. */
function Td({ best, children }: { best?: boolean; children: ReactNode }) {
  return (
    <Table.Td ta="right" style={best ? { ...NUM, ...BEST } : NUM} data-best={best ? 'true' : undefined}>
      {children}
    </Table.Td>
  );
}

function Label({ title, detail, strong }: { title: ReactNode; detail?: ReactNode; strong?: boolean }) {
  return (
    <Table.Td style={STICKY}>
      <Text size="sm" fw={strong ? 700 : 500}>
        {title}
      </Text>
      {detail ? (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      ) : null}
    </Table.Td>
  );
}

function Section({ label, span }: { label: string; span: number }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={span} bg="gray.1" style={{ position: 'sticky', left: 0 }}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {label}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function Note({ children, span }: { children: ReactNode; span: number }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={span}>
        <Text size="sm" c="dimmed" fs="italic">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function FlagBadge({ flag, quantity }: { flag: Flag; quantity: string | null }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={`${t(`evaluation.comparison.flagHint.${flag}`)}${quantity && (flag === 'short' || flag === 'over') ? ` ${t('evaluation.comparison.quoted', { quantity })}` : ''}`} multiline maw={280}>
      <Badge size="xs" color={FLAG_COLORS[flag]} variant="light" style={{ textTransform: 'none' }} data-testid="comparison-flag">
        {t(`evaluation.comparison.flag.${flag}`)}
      </Badge>
    </Tooltip>
  );
}

type TotalCell = { bidId: string; total: string | null; complete: boolean; best: boolean };

/** `pricesNote`: why no price shows (the price envelopes still sealed, or no comparison possible). */
export function ComparisonGrid({ c, pricesNote }: { c: ComparisonTable; pricesNote: string }) {
  const { t } = useTranslation();
  const l = useBuyLabels();
  const span = c.bids.length + 1;
  const by = <T extends { bidId: string }>(cells: readonly T[]) => c.bids.map((b) => ({ bidId: b.bidId, cell: cells.find((x) => x.bidId === b.bidId) ?? null }));
  const currency = c.prices?.currency ?? c.currency;
  const totalsRow = (key: string, label: string, cells: readonly TotalCell[], strong: boolean) => (
    <Table.Tr key={key}>
      <Label title={label} strong={strong} />
      {by(cells).map(({ bidId, cell }) => (
        <Td key={bidId} best={cell?.best}>
          <Stack gap={2} align="flex-end">
            <Amount value={cell?.total} currency={currency} fw={strong || cell?.best ? 700 : 500} />
            {cell && !cell.complete ? (
              <Badge size="xs" color="orange" variant="outline" style={{ textTransform: 'none' }}>
                {t('evaluation.comparison.incomplete')}
              </Badge>
            ) : null}
          </Stack>
        </Td>
      ))}
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={260 + c.bids.length * 180}>
      <Table verticalSpacing="xs" withColumnBorders withTableBorder data-testid="comparison-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={STICKY}>{t('evaluation.comparison.bidder')}</Table.Th>
            {c.bids.map((b) => (
              <Table.Th key={b.bidId} ta="right" miw={170}>
                <Text size="sm" fw={700}>
                  {b.bidder}
                </Text>
                {b.compliant === null ? null : (
                  <Badge size="xs" variant="light" color={b.compliant ? 'teal' : 'red'} style={{ textTransform: 'none' }}>
                    {t('evaluation.comparison.screening')}
                    {t('common.colon')}
                    {t(b.compliant ? 'evaluation.comparison.passed' : 'evaluation.comparison.failed')}
                  </Badge>
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.criteria.length ? <Section label={t('evaluation.comparison.scores')} span={span} /> : null}
          {c.criteria.length && !c.scoresVisible ? <Note span={span}>{t('evaluation.comparison.scoresHidden')}</Note> : null}
          {c.scoresVisible
            ? c.criteria.map((cr) => (
                <Table.Tr key={cr.key}>
                  <Label title={cr.name} detail={`${l.part(cr.part)} · ${t('evaluation.comparison.weightMax', { weight: cr.weight, max: cr.maxScore })}`} />
                  {by(cr.cells).map(({ bidId, cell }) => (
                    <Td key={bidId} best={cell?.best}>
                      <Text size="sm" fw={cell?.best ? 700 : 400}>
                        {cell?.score ?? '—'}
                      </Text>
                    </Td>
                  ))}
                </Table.Tr>
              ))
            : null}
          {c.ranking.length ? <Section label={t('evaluation.comparison.ranking')} span={span} /> : null}
          {c.ranking.map((lot) => (
            <Table.Tr key={lot.lotKey}>
              <Label title={t('evaluation.comparison.lot', { key: lot.lotKey, name: lot.name })} />
              {by(lot.cells).map(({ bidId, cell }) => (
                <Td key={bidId} best={cell?.best}>
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    <Text size="sm" fw={cell?.best ? 700 : 400}>
                      {cell?.total ?? '—'}
                    </Text>
                    {cell?.rank ? (
                      <Badge size="sm" color={cell.rank === 1 ? 'yellow' : 'gray'} variant={cell.rank === 1 ? 'filled' : 'light'} style={{ textTransform: 'none' }}>
                        {t('evaluation.comparison.rankN', { rank: cell.rank })}
                      </Badge>
                    ) : null}
                  </Group>
                </Td>
              ))}
            </Table.Tr>
          ))}
          <Section label={t('evaluation.comparison.prices', { currency })} span={span} />
          {!c.prices ? <Note span={span}>{pricesNote}</Note> : null}
          {c.prices?.lots.map((lot) => [
            ...c.prices!.rows
              .filter((r) => r.lotId === lot.lotId)
              .map((r) => (
                <Table.Tr key={`${lot.lotId}-${r.itemId}`}>
                  <Label title={r.name} detail={`${lot.name} · ${r.quantity} ${r.unit}`} />
                  {by(r.cells).map(({ bidId, cell }) => (
                    <Td key={bidId} best={cell?.best}>
                      <Stack gap={2} align="flex-end">
                        {cell?.unitPrice ? <Amount value={cell.unitPrice} currency={currency} fw={cell.best ? 700 : 400} /> : <Text size="sm">—</Text>}
                        {cell?.lineTotal ? (
                          <Text size="xs" c="dimmed">
                            {t('evaluation.comparison.lineTotal')}
                            {t('common.colon')}
                            <Amount value={cell.lineTotal} currency={currency} size="xs" />
                          </Text>
                        ) : null}
                        {cell?.flag ? <FlagBadge flag={cell.flag} quantity={cell.quantity} /> : null}
                      </Stack>
                    </Td>
                  ))}
                </Table.Tr>
              )),
            totalsRow(`total-${lot.lotId}`, t('evaluation.comparison.lotTotal', { name: lot.name }), lot.cells, false),
          ])}
          {c.prices ? totalsRow('grand-total', t('evaluation.comparison.grandTotal'), c.prices.totals, true) : null}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
