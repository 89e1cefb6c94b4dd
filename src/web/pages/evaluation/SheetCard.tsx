// One member's score sheet for one bid, generated from the frozen criteria:
// each technical and commercial criterion scored from 0 to its full marks (two
// decimals at most), the price criterion computed by the system, never typed.
// The preview of the weighted non-price points is exact (fractions, rounded
// half up only for display), as the server computes it.
import Fraction from 'fraction.js';
import { Badge, Button, Group, Paper, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconCalculator, IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { checkSheet, roundHalfUp, type SheetIssueCode } from '../../../domain/buy/scoring';
import type { EvaluationCriterion, ScoreSheets } from '../../api/evaluation';
import { useBuyLabels } from '../../lib/buyLabels';

export type SheetDraft = { scores: Record<string, string>; remarks: string };

/** The scores typed so far (blank ones left out, as the server wants them). */
export const filled = (scores: Record<string, string>) => Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));

/** The problems of each criterion's score, by criterion key ('missing' only when asked). */
export function sheetIssues(criteria: readonly EvaluationCriterion[], scores: Record<string, string>, withMissing = false): Record<string, SheetIssueCode> {
  const out: Record<string, SheetIssueCode> = {};
  for (const i of checkSheet(criteria, filled(scores))) if (withMissing || i.code !== 'missing') out[i.criterion] = i.code;
  return out;
}

/** What a valid score adds to the total: score / full marks × weight (points out of 100), exact. */
const points = (c: EvaluationCriterion, score: string) => new Fraction(score).div(new Fraction(String(c.maxScore))).mul(new Fraction(String(c.weight)));

/** The non-price points of a sheet, exact, and the most they could be. */
export function nonPricePoints(criteria: readonly EvaluationCriterion[], scores: Record<string, string>): { sum: Fraction; max: Fraction } {
  const issues = sheetIssues(criteria, scores, true);
  let sum = new Fraction(0);
  let max = new Fraction(0);
  for (const c of criteria) {
    if (c.part === 'price') continue;
    max = max.add(new Fraction(String(c.weight)));
    const v = scores[c.key]?.trim();
    if (v && !issues[c.key]) sum = sum.add(points(c, v));
  }
  return { sum, max };
}

/** The mean of members' scores for a criterion, exact, shown to two decimals. */
export function meanScore(values: readonly string[]): string {
  if (!values.length) return '—';
  return roundHalfUp(values.reduce((s, v) => s.add(new Fraction(v)), new Fraction(0)).div(values.length), 2);
}

export function SheetCard({
  criteria,
  bid,
  draft,
  editable,
  dirty,
  saving,
  serverErrors,
  decimals,
  onChange,
  onSave,
}: {
  criteria: readonly EvaluationCriterion[];
  bid: ScoreSheets['bids'][number];
  draft: SheetDraft;
  editable: boolean;
  dirty: boolean;
  saving: boolean;
  serverErrors: Record<string, string>;
  decimals: number;
  onChange: (d: SheetDraft) => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  const l = useBuyLabels();
  const issues = sheetIssues(criteria, draft.scores);
  const { sum, max } = nonPricePoints(criteria, draft.scores);
  const typed = criteria.filter((c) => c.part !== 'price' && draft.scores[c.key]?.trim()).length;
  const toScore = criteria.filter((c) => c.part !== 'price').length;
  return (
    <Paper withBorder p="md" radius="md" data-testid="score-sheet">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{bid.bidderName}</Text>
        <Group gap="xs">
          {dirty ? (
            <Badge color="yellow" variant="light" style={{ textTransform: 'none' }}>
              {t('evaluation.sheet.unsaved')}
            </Badge>
          ) : null}
          <Badge color={typed === toScore ? 'teal' : 'gray'} variant="light" style={{ textTransform: 'none' }}>
            {t('evaluation.sheet.scoredOf', { typed, total: toScore })}
          </Badge>
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluation.sheet.criterion')}</Table.Th>
              <Table.Th ta="right">{t('evaluation.sheet.weight')}</Table.Th>
              <Table.Th ta="right">{t('evaluation.sheet.maxScore')}</Table.Th>
              <Table.Th w={160}>{t('evaluation.sheet.score')}</Table.Th>
              <Table.Th ta="right">{t('evaluation.sheet.points')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {criteria.map((c) => {
              const v = draft.scores[c.key] ?? '';
              const issue = issues[c.key];
              const error = serverErrors[c.key] ?? (issue ? t(`evaluation.sheet.issue.${issue}`, { max: c.maxScore }) : undefined);
              return (
                <Table.Tr key={c.key}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Badge size="xs" variant="light" color={c.part === 'price' ? 'orange' : c.part === 'technical' ? 'blue' : 'grape'} style={{ textTransform: 'none' }}>
                        {l.part(c.part)}
                      </Badge>
                      <Text size="sm">{c.name}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{c.weight}%</Table.Td>
                  <Table.Td ta="right">{c.maxScore}</Table.Td>
                  <Table.Td>
                    {c.part === 'price' ? (
                      <Group gap={4} wrap="nowrap">
                        <IconCalculator size={14} color="var(--mantine-color-dimmed)" />
                        <Text size="xs" c="dimmed">
                          {t('evaluation.sheet.priceComputed')}
                        </Text>
                      </Group>
                    ) : editable ? (
                      <TextInput
                        size="xs"
                        inputMode="decimal"
                        value={v}
                        onChange={(e) => onChange({ ...draft, scores: { ...draft.scores, [c.key]: e.currentTarget.value } })}
                        error={error}
                        placeholder={`0 – ${c.maxScore}`}
                        aria-label={t('evaluation.sheet.scoreFor', { criterion: c.name, bidder: bid.bidderName })}
                        data-testid={`score-${c.key}`}
                      />
                    ) : (
                      <Text size="sm" fw={600}>
                        {v || '—'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {c.part !== 'price' && v.trim() && !issue ? roundHalfUp(points(c, v.trim()), 2) : '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" align="flex-end" mt="sm" gap="md">
        <Textarea
          style={{ flex: 1 }}
          size="xs"
          label={t('evaluation.sheet.remarks')}
          value={draft.remarks}
          onChange={(e) => onChange({ ...draft, remarks: e.currentTarget.value })}
          readOnly={!editable}
          autosize
          minRows={1}
          maxLength={4000}
        />
        <Text size="sm" data-testid="sheet-preview">
          {t('evaluation.sheet.preview', { points: roundHalfUp(sum, decimals), max: max.toString() })}
        </Text>
        {editable ? (
          <Button size="xs" variant={dirty ? 'filled' : 'light'} leftSection={<IconDeviceFloppy size={14} />} onClick={onSave} loading={saving} disabled={!dirty || Object.keys(issues).length > 0} data-testid="sheet-save">
            {t('evaluation.sheet.save')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
