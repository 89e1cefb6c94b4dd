// Settings › risk thresholds: when Procura warns, per organization.
import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BACKBONES, BACKBONE_LABELS } from '../../../domain/process-models';
import { DEFAULT_RISK_THRESHOLDS } from '../../../domain/risks';
import { useSettings } from '../../api/queries';
import { ErrorView, ListSkeleton } from '../../components/states';
import { textOf, useLabels } from '../../lib/labels';
import { notifyError } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';
import { fieldErrors, useSaveSettings } from './shared';

type NumericThreshold = 'minIndependentSources' | 'singleChannelMinInteractions' | 'singleChannelShare' | 'coachMilestone' | 'enteredLateMilestone' | 'decisionDelayedPercentile' | 'influentialSupporterMin';
const THRESHOLDS: { key: NumericThreshold; label: { 'zh-CN': string; en: string }; min: number; max: number; step: number }[] = [
  { key: 'minIndependentSources', label: { 'zh-CN': '关键事实需要的独立信息来源数（未核实时）', en: 'Independent sources a key fact needs (unless verified)' }, min: 1, max: 5, step: 1 },
  { key: 'singleChannelMinInteractions', label: { 'zh-CN': '判断单一渠道所需的最少互动次数', en: 'Interactions before single channel is judged' }, min: 1, max: 20, step: 1 },
  { key: 'singleChannelShare', label: { 'zh-CN': '与同一联系人互动占比达到此值即为单一渠道', en: 'Share of interactions with one contact that makes a single channel' }, min: 0.5, max: 1, step: 0.05 },
  { key: 'coachMilestone', label: { 'zh-CN': '从第几个里程碑起需要内部教练', en: 'Milestone from which a coach is needed' }, min: 1, max: 9, step: 1 },
  { key: 'enteredLateMilestone', label: { 'zh-CN': '首次接触晚于此里程碑即为介入过晚', en: 'First contact at or after this milestone is late' }, min: 1, max: 9, step: 1 },
  { key: 'decisionDelayedPercentile', label: { 'zh-CN': '阶段停留超过本组织历史的此分位数即为决策拖延', en: 'Stage duration percentile beyond which a decision is dragging' }, min: 0.5, max: 0.99, step: 0.05 },
  { key: 'influentialSupporterMin', label: { 'zh-CN': '对抗强势在位供应商所需支持者的影响力', en: 'Influence a supporter needs against an entrenched incumbent' }, min: 1, max: 5, step: 1 },
];

export function RisksTab({ canAdmin }: { canAdmin: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = useFormat();
  const settings = useSettings();
  const save = useSaveSettings();
  const [draft, setDraft] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (settings.data) setDraft({ ...DEFAULT_RISK_THRESHOLDS, ...settings.data.riskThresholds });
  }, [settings.data]);
  if (settings.isPending) return <ListSkeleton rows={8} />;
  if (settings.error) return <ErrorView error={settings.error} onRetry={() => void settings.refetch()} />;
  const days = (draft.informationIslandDays ?? DEFAULT_RISK_THRESHOLDS.informationIslandDays) as Record<string, number>;
  const submit = (body: Record<string, unknown>) =>
    save.mutate(
      { riskThresholds: body },
      {
        onSuccess: () => setErrors({}),
        onError: (e) => {
          const fields = fieldErrors(labels.locale, e, /^body\.riskThresholds\./);
          if (!fields) notifyError(t, e);
          setErrors(fields ?? {});
        },
      },
    );
  return (
    <Paper withBorder radius="md" p="lg" maw={860}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit(draft);
        }}
      >
        <Stack>
          <Text c="dimmed" size="sm">
            {t('settings.risks.subtitle')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {THRESHOLDS.map((th) => (
              <NumberInput
                key={th.key}
                label={textOf(th.label, labels.locale)}
                description={t('settings.risks.defaultValue', { value: f.number(DEFAULT_RISK_THRESHOLDS[th.key]) })}
                min={th.min}
                max={th.max}
                step={th.step}
                decimalScale={th.step < 1 ? 2 : 0}
                disabled={!canAdmin}
                value={draft[th.key] as number}
                error={errors[th.key]}
                onChange={(v) => setDraft((d) => ({ ...d, [th.key]: typeof v === 'number' ? v : Number(v) }))}
              />
            ))}
            <Select
              label={t('settings.risks.decisionMakerBackbone')}
              description={t('settings.risks.defaultValue', { value: textOf(BACKBONE_LABELS[DEFAULT_RISK_THRESHOLDS.decisionMakerBackbone], labels.locale) })}
              disabled={!canAdmin}
              allowDeselect={false}
              data={BACKBONES.map((b) => ({ value: b, label: textOf(BACKBONE_LABELS[b], labels.locale) }))}
              value={draft.decisionMakerBackbone as string}
              error={errors.decisionMakerBackbone}
              onChange={(v) => v && setDraft((d) => ({ ...d, decisionMakerBackbone: v }))}
            />
          </SimpleGrid>
          <Title order={3} size="h6" mt="sm">
            {t('settings.risks.islandDays')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            {BACKBONES.map((b) => (
              <NumberInput
                key={b}
                label={textOf(BACKBONE_LABELS[b], labels.locale)}
                min={1}
                max={365}
                disabled={!canAdmin}
                value={days[b]}
                error={errors[`informationIslandDays.${b}`]}
                onChange={(v) => setDraft((d) => ({ ...d, informationIslandDays: { ...days, [b]: typeof v === 'number' ? v : Number(v) } }))}
              />
            ))}
          </SimpleGrid>
          {canAdmin && (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => submit({})}>
                {t('settings.risks.reset')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.saveChanges')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

// --- members and invitations --------------------------------------------------
