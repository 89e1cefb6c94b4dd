// The bids and their screening (初步评审): each opened bid — its statement,
// documents with their SHA-256, prices once their envelope is open — judged on
// each published qualification requirement, pass or fail with the reason. Any
// declared member records decisions while screening is open; the chair closes
// it once every bid is judged on every requirement.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Radio, Spoiler, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconLockCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyEvaluationState, evaluationActions, useEvaluationBids, type EvaluationBid, type EvaluationState } from '../../api/evaluation';
import { Amount, Hash } from '../../components/buy';
import { EmptyView, Loaded } from '../../components/states';
import { useLocale } from '../../i18n';
import { applyFieldErrors, notifyError, notifySuccess } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';
import { ConfirmButton } from './shared';

type Decision = { passed: boolean | null; reason: string };
type Drafts = Record<string, Decision>;
const cell = (bidId: string, requirementKey: string) => `${bidId}/${requirementKey}`;

function initial(bids: readonly EvaluationBid[]): Drafts {
  const out: Drafts = {};
  for (const b of bids) for (const r of b.screening) out[cell(b.bidId, r.requirementKey)] = { passed: r.passed, reason: r.reason };
  return out;
}

function ComplianceBadge({ decisions }: { decisions: Decision[] }) {
  const { t } = useTranslation();
  const failed = decisions.filter((d) => d.passed === false).length;
  const open = decisions.filter((d) => d.passed === null).length;
  const [color, label] = failed ? ['red', t('evaluation.screening.failed', { count: failed })] : open ? ['gray', t('evaluation.screening.open', { count: open })] : ['teal', t('evaluation.screening.compliant')];
  return (
    <Badge color={color} variant="light" style={{ textTransform: 'none' }}>
      {label}
    </Badge>
  );
}

function BidFacts({ b, s }: { b: EvaluationBid; s: EvaluationState }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      {b.pricesOpened ? (
        <Group gap="md">
          <Text size="sm">
            {t('evaluation.bids.total')} <Amount value={b.total} currency={s.currency} fw={700} />
          </Text>
          {b.lotTotals.length > 1
            ? b.lotTotals.map((l) => (
                <Text key={l.lotKey} size="xs" c="dimmed">
                  {l.lotKey}: <Amount value={l.total} currency={s.currency} size="xs" />
                </Text>
              ))
            : null}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('evaluation.bids.priceSealed')}
        </Text>
      )}
      {b.missing.length ? (
        <Text size="xs" c="orange">
          {t('evaluation.bids.missing', { items: b.missing.join(t('evaluation.listSeparator')) })}
        </Text>
      ) : null}
      {b.statement ? (
        <Spoiler maxHeight={44} showLabel={t('common.showAll')} hideLabel={t('common.showLess')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {b.statement}
          </Text>
        </Spoiler>
      ) : null}
      {b.documents.length ? (
        <Stack gap={2}>
          {b.documents.map((d) => (
            <Group key={d.sha256 + d.name} gap="xs" wrap="nowrap">
              <Text size="xs">{d.name}</Text>
              <Hash value={d.sha256} label={t('evaluation.bids.sha256')} />
            </Group>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

function ScreeningForm({ s, bids }: { s: EvaluationState; bids: EvaluationBid[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useFormat();
  const qc = useQueryClient();
  const editable = !!s.me?.declared && s.phase === 'screening';
  const saved = initial(bids);
  const [drafts, setDrafts] = useState<Drafts>(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const get = (bidId: string, key: string): Decision => drafts[cell(bidId, key)] ?? { passed: null, reason: '' };
  const set = (bidId: string, key: string, d: Partial<Decision>) => setDrafts((x) => ({ ...x, [cell(bidId, key)]: { ...get(bidId, key), ...d } }));
  const changed = Object.entries(drafts).filter(([k, d]) => d.passed !== null && (saved[k]?.passed !== d.passed || saved[k]?.reason !== d.reason));
  const reasonMissing = (d: Decision) => d.passed === false && !d.reason.trim();
  const rows = changed.map(([k, d]) => {
    const at = k.indexOf('/');
    return { key: k, bidId: k.slice(0, at), requirementKey: k.slice(at + 1), passed: d.passed === true, reason: d.reason.trim() };
  });
  const save = useMutation({
    mutationFn: () => evaluationActions.screen(s.tenderId, { results: rows.map(({ key: _key, ...r }) => r) }),
    onSuccess: (d) => {
      setErrors({});
      applyEvaluationState(qc, s.tenderId, d);
      void qc.invalidateQueries({ queryKey: ['evaluation-bids', s.tenderId] });
      notifySuccess(t('evaluation.screening.saved'));
    },
    onError: (e) => {
      const found: Record<string, string> = {};
      applyFieldErrors(e, (field, message) => {
        const i = /^results\.(\d+)/.exec(field)?.[1];
        const row = i !== undefined ? rows[Number(i)] : undefined;
        if (row) found[row.key] = message;
      }, locale);
      setErrors(found);
      notifyError(t, e);
    },
  });
  const close = useMutation({
    mutationFn: () => evaluationActions.closeScreening(s.tenderId),
    onSuccess: (d) => {
      applyEvaluationState(qc, s.tenderId, d);
      notifySuccess(t('evaluation.screening.closed'));
    },
    onError: (e) => notifyError(t, e),
  });
  const invalid = rows.some((r) => !r.passed && !r.reason);
  return (
    <Stack gap="md">
      {!s.requirements.length ? <Alert color="gray" variant="light">{t('evaluation.screening.noRequirements')}</Alert> : null}
      {editable || (s.me?.chair && s.phase === 'screening') ? (
        <Paper withBorder p="sm" radius="md" style={{ position: 'sticky', top: 64, zIndex: 2 }} bg="white">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('evaluation.screening.missing', { count: s.progress.screeningMissing })}
              {changed.length ? ` · ${t('evaluation.screening.unsaved', { count: changed.length })}` : ''}
            </Text>
            <Group gap="xs">
              {editable ? (
                <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!changed.length || invalid} data-testid="screening-save">
                  {t('evaluation.screening.save')}
                </Button>
              ) : null}
              {s.me?.chair ? (
                <ConfirmButton
                  label={t('evaluation.screening.close')}
                  title={t('evaluation.screening.close')}
                  message={t('evaluation.screening.closeConfirm')}
                  onConfirm={() => close.mutate()}
                  loading={close.isPending}
                  disabled={s.progress.screeningMissing > 0 || changed.length > 0}
                  color="grape"
                  leftSection={<IconLockCheck size={16} />}
                  testId="screening-close"
                />
              ) : null}
            </Group>
          </Group>
        </Paper>
      ) : null}
      {bids.map((b) => (
        <Paper key={b.bidId} withBorder p="md" radius="md" data-testid="screening-bid">
          <Group justify="space-between" mb="xs">
            <Text fw={700}>{b.bidderName}</Text>
            {s.requirements.length ? <ComplianceBadge decisions={s.requirements.map((r) => get(b.bidId, r.key))} /> : null}
          </Group>
          <BidFacts b={b} s={s} />
          {s.requirements.length ? (
            <Table verticalSpacing="xs" mt="sm">
              <Table.Tbody>
                {s.requirements.map((r) => {
                  const d = get(b.bidId, r.key);
                  const k = cell(b.bidId, r.key);
                  const decided = b.screening.find((x) => x.requirementKey === r.key);
                  return (
                    <Table.Tr key={r.key}>
                      <Table.Td w="40%">
                        <Text size="sm">
                          {r.key}. {r.text}
                        </Text>
                      </Table.Td>
                      <Table.Td w={220}>
                        {editable ? (
                          <Radio.Group value={d.passed === null ? null : d.passed ? 'pass' : 'fail'} onChange={(v) => set(b.bidId, r.key, { passed: v === 'pass' })} aria-label={r.text}>
                            <Group gap="md">
                              <Radio value="pass" color="teal" label={t('evaluation.screening.pass')} data-testid="screening-pass" />
                              <Radio value="fail" color="red" label={t('evaluation.screening.fail')} data-testid="screening-fail" />
                            </Group>
                          </Radio.Group>
                        ) : d.passed === null ? (
                          <Text size="xs" c="dimmed">
                            {t('evaluation.screening.undecided')}
                          </Text>
                        ) : (
                          <Badge color={d.passed ? 'teal' : 'red'} variant="light" style={{ textTransform: 'none' }}>
                            {d.passed ? t('evaluation.screening.pass') : t('evaluation.screening.fail')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {editable ? (
                          <TextInput
                            size="xs"
                            placeholder={d.passed === false ? t('evaluation.screening.reasonRequired') : t('evaluation.screening.reasonOptional')}
                            value={d.reason}
                            onChange={(e) => set(b.bidId, r.key, { reason: e.currentTarget.value })}
                            error={errors[k] ?? (reasonMissing(d) ? t('evaluation.screening.reasonRequired') : undefined)}
                            aria-label={t('evaluation.screening.reason')}
                            maxLength={2000}
                          />
                        ) : (
                          <Text size="sm">{d.reason}</Text>
                        )}
                        {decided ? (
                          <Text size="xs" c="dimmed" mt={2}>
                            {t('evaluation.screening.decidedAt', { when: f.dateTime(decided.decidedAt) })}
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

export function ScreeningPanel({ s }: { s: EvaluationState }) {
  const { t } = useTranslation();
  const bids = useEvaluationBids(s.tenderId, s.phase, true);
  return (
    <Loaded query={bids} empty={(d) => (d.items.length ? null : <EmptyView icon={<IconAlertTriangle size={28} stroke={1.5} />} title={t('evaluation.bids.none')} />)}>
      {/* A fresh form on each read of the bids (after a save, in a new phase). */}
      {(d) => <ScreeningForm key={bids.dataUpdatedAt} s={s} bids={d.items} />}
    </Loaded>
  );
}
