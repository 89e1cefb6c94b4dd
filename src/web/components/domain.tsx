// Small domain widgets used on several screens: risk badges, stage names,
// outcome badges, attitude dots, buying-role badges.
import { useMemo } from 'react';
import { Badge, Group, Text, ThemeIcon, Tooltip, type BadgeProps } from '@mantine/core';
import {
  IconClockExclamation,
  IconCrown,
  IconEyeOff,
  IconHourglass,
  IconMessageOff,
  IconPlugConnected,
  IconShieldQuestion,
  IconUserQuestion,
  IconAlertTriangle,
  IconStarFilled,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RISK_CODES, RISK_TITLES, type RiskCode } from '../../domain/risks';
import { useProcessModels, type ProcessModel } from '../api/queries';
import { useLocale } from '../i18n';
import { useLabels, textOf } from '../lib/labels';
import { ATTITUDE_COLORS, OUTCOME_COLORS, SEVERITY_COLORS } from '../theme';

export { RISK_CODES };
export type { RiskCode };

const RISK_ICONS: Record<RiskCode, typeof IconAlertTriangle> = {
  unverified_facts: IconShieldQuestion,
  single_channel: IconPlugConnected,
  no_overall_view: IconEyeOff,
  no_coach: IconUserQuestion,
  information_island: IconMessageOff,
  entered_late: IconClockExclamation,
  incumbent_entrenched: IconCrown,
  decision_delayed: IconHourglass,
};

/** Default severity when only the code is known (board cards, lists). */
const RISK_DEFAULT_SEVERITY: Record<RiskCode, 'high' | 'medium' | 'low'> = {
  unverified_facts: 'medium',
  single_channel: 'medium',
  no_overall_view: 'high',
  no_coach: 'medium',
  information_island: 'high',
  entered_late: 'medium',
  incumbent_entrenched: 'high',
  decision_delayed: 'medium',
};

export function riskIcon(code: string) {
  return RISK_ICONS[code as RiskCode] ?? IconAlertTriangle;
}

export function useRiskTitle() {
  const locale = useLocale();
  return (code: string) => textOf(RISK_TITLES[code as RiskCode], locale, code);
}

export function riskOptions(locale: 'zh-CN' | 'en') {
  return RISK_CODES.map((c) => ({ value: c, label: RISK_TITLES[c][locale] }));
}

/** Icon + short label; the tooltip says why. */
export function RiskBadge({ code, severity, reason, size = 'sm' }: { code: string; severity?: string; reason?: string; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  const title = useRiskTitle();
  const Icon = riskIcon(code);
  const sev = severity ?? RISK_DEFAULT_SEVERITY[code as RiskCode] ?? 'medium';
  const why = reason ?? t(`risk.${code}` as never, { defaultValue: '' });
  return (
    <Tooltip label={why || title(code)} disabled={!why && !title(code)}>
      <Badge
        size={size}
        variant="light"
        color={SEVERITY_COLORS[sev] ?? 'orange'}
        leftSection={<Icon size={12} stroke={2} aria-hidden />}
        style={{ textTransform: 'none', fontWeight: 600 }}
        data-risk={code}
      >
        {title(code)}
      </Badge>
    </Tooltip>
  );
}

export function RiskIcon({ code, severity }: { code: string; severity: string }) {
  const Icon = riskIcon(code);
  return (
    <ThemeIcon variant="light" color={SEVERITY_COLORS[severity] ?? 'orange'} size={32} radius="md">
      <Icon size={18} />
    </ThemeIcon>
  );
}

/** Stage names of every process model, for screens that only have a stage key. */
export function useStageNames() {
  const models = useProcessModels();
  const locale = useLocale();
  return useMemo(() => {
    const byModel = new Map<string, ProcessModel>();
    for (const m of models.data?.items ?? []) byModel.set(m.key, m);
    return {
      models: models.data?.items ?? [],
      model: (key: string) => byModel.get(key),
      modelName: (key: string) => textOf(byModel.get(key)?.name, locale, key),
      stageName: (modelKey: string, stageKey: string | null | undefined) => {
        if (!stageKey) return '';
        const st = byModel.get(modelKey)?.stages.find((s) => s.key === stageKey);
        if (st) return textOf(st.name, locale, stageKey);
        for (const m of byModel.values()) {
          const s = m.stages.find((x) => x.key === stageKey);
          if (s) return textOf(s.name, locale, stageKey);
        }
        return stageKey;
      },
      stageIndex: (modelKey: string, stageKey: string) => byModel.get(modelKey)?.stages.findIndex((s) => s.key === stageKey) ?? -1,
    };
  }, [models.data, locale]);
}

export function OutcomeBadge({ outcome, size = 'sm' }: { outcome: string; size?: BadgeProps['size'] }) {
  const labels = useLabels();
  return (
    <Badge size={size} variant={outcome === 'open' ? 'outline' : 'filled'} color={OUTCOME_COLORS[outcome] ?? 'gray'} style={{ textTransform: 'none' }}>
      {labels.outcome(outcome)}
    </Badge>
  );
}

export function AttitudeBadge({ attitude, size = 'sm' }: { attitude: string; size?: BadgeProps['size'] }) {
  const labels = useLabels();
  return (
    <Badge size={size} variant="dot" color={ATTITUDE_COLORS[attitude] ?? 'gray'} style={{ textTransform: 'none', minWidth: 'max-content' }}>
      {labels.attitude(attitude)}
    </Badge>
  );
}

export function RoleBadges({ roles, isCoach }: { roles: string[]; isCoach?: boolean }) {
  const labels = useLabels();
  return (
    <Group gap={4} wrap="wrap">
      {roles.map((r) => (
        <Badge key={r} size="sm" variant="light" color="gray" style={{ textTransform: 'none', minWidth: 'max-content' }}>
          {labels.buyingRole(r)}
        </Badge>
      ))}
      {isCoach ? <CoachBadge /> : null}
    </Group>
  );
}

export function CoachBadge() {
  const labels = useLabels();
  return (
    <Badge size="sm" variant="light" color="grape" leftSection={<IconStarFilled size={10} aria-hidden />} style={{ textTransform: 'none', minWidth: 'max-content' }}>
      {labels.coach}
    </Badge>
  );
}

export function InfluenceDots({ value }: { value: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('opportunity.buyingCenter.influence', { value })}>
      <Group gap={3} wrap="nowrap" aria-label={t('opportunity.buyingCenter.influence', { value })} role="img">
        {[1, 2, 3, 4, 5].map((i) => (
          <span
            key={i}
            style={{ width: 6, height: 6, borderRadius: 3, background: i <= value ? 'var(--mantine-color-brand-6)' : 'var(--mantine-color-gray-3)', display: 'inline-block' }}
          />
        ))}
      </Group>
    </Tooltip>
  );
}

export function Labeled({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500} mb={2}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
