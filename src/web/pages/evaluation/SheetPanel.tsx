// My score sheet (评分表, detailed evaluation under comprehensive scoring): one
// sheet per bid that passed screening, saved bid by bid, then submitted all at
// once (they no longer change). Each member scores alone: the others' sheets
// show only once mine is submitted (the buyer's staff: once scoring closed).
// The chair closes scoring when every member has submitted.
import { useState } from 'react';
import { Alert, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconLock, IconLockCheck, IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyEvaluationState, evaluationActions, evaluationKeys, useScoreSheets, type EvaluationState, type ScoreSheets } from '../../api/evaluation';
import { Hash } from '../../components/buy';
import { Loaded } from '../../components/states';
import { Card } from '../../components/tender-view';
import { useLocale } from '../../i18n';
import { applyFieldErrors, notifyError, notifySuccess } from '../../lib/problems';
import { filled, meanScore, SheetCard, sheetIssues, type SheetDraft } from './SheetCard';
import { ConfirmButton } from './shared';

const same = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Everyone's sheets for each bid, with the mean of each criterion (exact, shown to two decimals). */
function OthersSheets({ data }: { data: ScoreSheets }) {
  const { t } = useTranslation();
  const criteria = data.criteria.filter((c) => c.part !== 'price');
  return (
    <Card title={t('evaluation.sheet.others')}>
      <Stack gap="md">
        {data.bids.map((b) => {
          const rows = data.items.filter((x) => x.bidId === b.bidId);
          return (
            <div key={b.bidId}>
              <Text fw={600} size="sm" mb={4}>
                {b.bidderName}
              </Text>
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing={4} data-testid="others-sheets">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('evaluation.sheet.member')}</Table.Th>
                      {criteria.map((c) => (
                        <Table.Th key={c.key} ta="right">
                          {c.name}
                        </Table.Th>
                      ))}
                      <Table.Th>{t('evaluation.sheet.remarks')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={r.userId}>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Text size="sm">{r.memberName}</Text>
                            {r.mine ? <Badge size="xs" variant="light">{t('evaluation.member.you')}</Badge> : null}
                            {!r.submitted ? <Badge size="xs" color="gray" variant="light">{t('evaluation.sheet.draft')}</Badge> : null}
                          </Group>
                        </Table.Td>
                        {criteria.map((c) => (
                          <Table.Td key={c.key} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            {r.scores[c.key] ?? '—'}
                          </Table.Td>
                        ))}
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            {r.remarks}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                    <Table.Tr bg="gray.0">
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {t('evaluation.sheet.mean')}
                        </Text>
                      </Table.Td>
                      {criteria.map((c) => (
                        <Table.Td key={c.key} ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {meanScore(rows.map((r) => r.scores[c.key]).filter((v): v is string => !!v && !sheetIssues([c], { [c.key]: v })[c.key]))}
                        </Table.Td>
                      ))}
                      <Table.Td />
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </div>
          );
        })}
      </Stack>
    </Card>
  );
}

function SheetWork({ s, data }: { s: EvaluationState; data: ScoreSheets }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const me = s.me;
  const editable = !!me && !me.sheetsSubmitted && s.phase === 'scoring';
  const saved = (bidId: string): SheetDraft => {
    const r = data.items.find((x) => x.mine && x.bidId === bidId);
    return { scores: { ...(r?.scores ?? {}) }, remarks: r?.remarks ?? '' };
  };
  const [drafts, setDrafts] = useState<Record<string, SheetDraft>>({});
  const [errors, setErrors] = useState<Record<string, Record<string, string>>>({});
  const draftOf = (bidId: string) => (editable ? drafts[bidId] : undefined) ?? saved(bidId);
  const dirty = (bidId: string) => {
    const d = draftOf(bidId);
    const v = saved(bidId);
    return !same(filled(d.scores), v.scores) || d.remarks !== v.remarks;
  };
  /** Field errors of the server, by bid and criterion ('' for the bid as a whole). */
  const collect = (e: unknown, bidOf: (field: string) => [string, string] | null) => {
    const found: Record<string, Record<string, string>> = {};
    applyFieldErrors(e, (field, message) => {
      const at = bidOf(field);
      if (at) found[at[0]] = { ...found[at[0]], [at[1]]: message };
    }, locale);
    setErrors((x) => ({ ...x, ...found }));
    notifyError(t, e);
  };
  const save = useMutation({
    mutationFn: (bidId: string) => evaluationActions.saveSheet(s.tenderId, bidId, { scores: filled(draftOf(bidId).scores), remarks: draftOf(bidId).remarks }),
    onSuccess: (d, bidId) => {
      qc.setQueryData(evaluationKeys.sheets(s.tenderId), d);
      setErrors((x) => ({ ...x, [bidId]: {} }));
      notifySuccess(t('evaluation.sheet.saved'));
    },
    onError: (e, bidId) => collect(e, (field) => (field.startsWith('scores.') ? [bidId, field.slice('scores.'.length)] : null)),
  });
  const submit = useMutation({
    mutationFn: () => evaluationActions.submitSheets(s.tenderId),
    onSuccess: (d) => {
      qc.setQueryData(evaluationKeys.sheets(s.tenderId), d);
      void qc.invalidateQueries({ queryKey: evaluationKeys.state(s.tenderId), exact: true });
      void qc.invalidateQueries({ queryKey: evaluationKeys.mine });
      notifySuccess(t('evaluation.sheet.submitted'));
    },
    onError: (e) =>
      collect(e, (field) => {
        const m = /^sheets\.([^.]+)(?:\.(.+))?$/.exec(field);
        return m ? [m[1]!, m[2] ?? ''] : null;
      }),
  });
  const close = useMutation({
    mutationFn: () => evaluationActions.closeScoring(s.tenderId),
    onSuccess: (d) => {
      applyEvaluationState(qc, s.tenderId, d);
      notifySuccess(t('evaluation.sheet.scoringClosed'));
    },
    onError: (e) => notifyError(t, e),
  });
  const complete = (bidId: string) => !dirty(bidId) && Object.keys(sheetIssues(data.criteria, saved(bidId).scores, true)).length === 0;
  const ready = data.bids.every((b) => complete(b.bidId));
  const allSubmitted = s.progress.sheetsSubmitted === s.progress.active;
  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="md" style={{ position: 'sticky', top: 64, zIndex: 2 }} bg="white">
        <Group justify="space-between">
          <Group gap="xs">
            <IconLock size={16} />
            <Text size="sm">{t('evaluation.sheet.frozen')}</Text>
            <Hash value={data.criteriaHash} label={t('evaluation.sheet.frozen')} />
            {data.criteriaHash && s.freezeHash ? (
              <Badge color={data.criteriaHash === s.freezeHash ? 'teal' : 'red'} variant="light" style={{ textTransform: 'none' }}>
                {data.criteriaHash === s.freezeHash ? t('evaluation.sheet.hashMatches') : t('evaluation.sheet.hashDiffers')}
              </Badge>
            ) : null}
          </Group>
          <Group gap="xs">
            {editable ? (
              <ConfirmButton
                label={t('evaluation.sheet.submit')}
                title={t('evaluation.sheet.submit')}
                message={t('evaluation.sheet.submitConfirm')}
                onConfirm={() => submit.mutate()}
                loading={submit.isPending}
                disabled={!ready}
                leftSection={<IconSend size={16} />}
                testId="sheets-submit"
              />
            ) : me?.sheetsSubmitted ? (
              <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
                {t('evaluation.sheet.youSubmitted')}
              </Badge>
            ) : null}
            {me?.chair && s.phase === 'scoring' ? (
              <ConfirmButton
                label={t('evaluation.sheet.closeScoring')}
                title={t('evaluation.sheet.closeScoring')}
                message={t('evaluation.sheet.closeScoringConfirm')}
                onConfirm={() => close.mutate()}
                loading={close.isPending}
                disabled={!allSubmitted}
                color="grape"
                leftSection={<IconLockCheck size={16} />}
                testId="scoring-close"
              />
            ) : null}
          </Group>
        </Group>
        {editable && !ready ? (
          <Text size="xs" c="dimmed" mt={4}>
            {t('evaluation.sheet.submitHint')}
          </Text>
        ) : null}
      </Paper>
      {data.bids.length === 0 ? <Alert color="gray" variant="light">{t('evaluation.sheet.noCompliantBids')}</Alert> : null}
      {me
        ? data.bids.map((b) => (
            <div key={b.bidId}>
              {errors[b.bidId]?.[''] ? (
                <Text size="sm" c="red" mb={4}>
                  {errors[b.bidId]?.['']}
                </Text>
              ) : null}
              <SheetCard
                criteria={data.criteria}
                bid={b}
                draft={draftOf(b.bidId)}
                editable={editable}
                dirty={editable && dirty(b.bidId)}
                saving={save.isPending && save.variables === b.bidId}
                serverErrors={errors[b.bidId] ?? {}}
                decimals={s.rounding.decimals}
                onChange={(d) => {
                  setDrafts((x) => ({ ...x, [b.bidId]: d }));
                  if (errors[b.bidId]) setErrors((x) => ({ ...x, [b.bidId]: {} }));
                }}
                onSave={() => save.mutate(b.bidId)}
              />
            </div>
          ))
        : null}
      {data.othersVisible ? <OthersSheets data={data} /> : <Alert color="gray" variant="light">{me ? t('evaluation.sheet.othersHidden') : t('evaluation.sheet.othersHiddenBuyer')}</Alert>}
    </Stack>
  );
}

export function SheetPanel({ s }: { s: EvaluationState }) {
  const sheets = useScoreSheets(s.tenderId, true);
  return <Loaded query={sheets}>{(d) => <SheetWork s={s} data={d} />}</Loaded>;
}
