// The stage path: the customer's procurement stages, the stage set by the
// owner and the stage inferred from evidence, and why.
import { Alert, Badge, Box, Card, Group, List, Progress, RingProgress, SimpleGrid, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCircleCheck, IconGitCompare, IconShieldCheck, IconSparkles, IconUser, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { getEvidenceType } from '../../../domain/evidence';
import type { OpportunityDetail } from '../../api/queries';
import { useStageMove } from '../../components/StageMove';
import { useLocale } from '../../i18n';
import { textOf } from '../../lib/labels';
import { useFormat } from '../../lib/useFormat';
import { EVIDENCE_KIND_COLORS } from '../../theme';

export function StagePanel({ opp }: { opp: OpportunityDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useFormat();
  const mover = useStageMove();
  const inf = opp.inference;
  const stages = opp.stages;
  const currentIndex = stages.findIndex((s) => s.key === opp.stage);
  const inferredIndex = stages.findIndex((s) => s.key === opp.stageInferred);
  const name = (key: string | null | undefined) => textOf(stages.find((s) => s.key === key)?.name, locale, key ?? '');
  const closed = opp.outcome !== 'open';
  const mismatch = inf.comparison.status === 'set_ahead' || inf.comparison.status === 'set_behind';
  const pct = Math.round(inf.confidence * 100);

  return (
    <Card>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Text fw={650}>{t('opportunity.stage.title')}</Text>
        <Group gap="md">
          <Group gap={6}>
            <Box w={12} h={12} style={{ borderRadius: 3, background: 'var(--mantine-color-brand-6)' }} aria-hidden />
            <Text size="xs" c="dimmed">
              {t('opportunity.stage.current')}
            </Text>
          </Group>
          <Group gap={6}>
            <Box w={12} h={12} style={{ borderRadius: 3, background: 'var(--mantine-color-violet-1)', boxShadow: 'inset 0 -3px 0 var(--mantine-color-violet-5)' }} aria-hidden />
            <Text size="xs" c="dimmed">
              {t('opportunity.stage.inferred')}
            </Text>
          </Group>
        </Group>
      </Group>

      <div className="procura-stage-path" role="list" aria-label={t('opportunity.stage.title')} data-testid="stage-path">
        {stages.map((s, i) => {
          const current = i === currentIndex;
          const inferred = i === inferredIndex;
          const label = textOf(s.name, locale, s.key);
          const state = current ? t('opportunity.stage.current') : i < currentIndex ? t('opportunity.stage.reached') : t('opportunity.stage.ahead');
          return (
            <Tooltip
              key={s.key}
              label={
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {label}
                  </Text>
                  <Text size="xs">
                    {state}
                    {inferred ? ` · ${t('opportunity.stage.inferred')}` : ''}
                  </Text>
                  {!closed && !current ? <Text size="xs">{t('opportunity.stage.setStageTo', { stage: label })}</Text> : null}
                </Stack>
              }
            >
              <button
                type="button"
                role="listitem"
                className="procura-stage-step"
                data-current={current}
                data-reached={i < currentIndex}
                data-inferred={inferred}
                data-clickable={!closed && !current}
                data-stage={s.key}
                aria-current={current ? 'step' : undefined}
                aria-label={`${i + 1}. ${label} — ${state}${inferred ? ` · ${t('opportunity.stage.inferred')}` : ''}`}
                disabled={closed}
                onClick={() =>
                  !current &&
                  mover.request({ id: opp.id, accountId: opp.accountId, title: opp.title, fromIndex: currentIndex, toIndex: i, toStage: s.key, toStageName: label })
                }
              >
                <Text span size="xs" fw={current ? 700 : 500} lineClamp={2} inherit>
                  {label}
                </Text>
                {inferred && !current ? (
                  <Text span size="10px" fw={600} display="block" inherit style={{ opacity: 0.85 }}>
                    ◆ {t('opportunity.stage.inferred')}
                  </Text>
                ) : null}
              </button>
            </Tooltip>
          );
        })}
      </div>

      {mismatch ? (
        <Alert mt="md" color="violet" variant="light" icon={<IconGitCompare size={18} />} data-testid="stage-comparison" p="sm">
          <Text size="sm">{inf.comparison.message.text[locale]}</Text>
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg" mt="md">
        <Stack gap={8}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('opportunity.stage.whyTitle')}
          </Text>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" color="violet" radius="xl" size={30}>
              <IconSparkles size={16} />
            </ThemeIcon>
            <Stack gap={2}>
              <Text size="sm" fw={600} data-testid="inferred-stage">
                {t('opportunity.stage.inferred')}{t('common.colon')}{name(opp.stageInferred)}
              </Text>
              <Text size="sm" c="dimmed" data-testid="inference-summary">
                {inf.summary.text[locale]}
              </Text>
            </Stack>
          </Group>
          {opp.stageSet ? (
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon variant="light" color="brand" radius="xl" size={30}>
                <IconUser size={16} />
              </ThemeIcon>
              <Text size="sm">
                {t('opportunity.stage.setBy')}{t('common.colon')}<b>{name(opp.stageSet)}</b>
              </Text>
            </Group>
          ) : null}
          {!mismatch && inf.comparison.status === 'agree' ? (
            <Group gap={6}>
              <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" />
              <Text size="sm" c="dimmed">
                {inf.comparison.message.text[locale]}
              </Text>
            </Group>
          ) : null}
        </Stack>

        <Stack gap={8}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('opportunity.stage.confidence')}
          </Text>
          <Group gap="md" wrap="nowrap">
            <RingProgress
              size={74}
              thickness={7}
              roundCaps
              sections={[{ value: pct, color: pct >= 70 ? 'teal' : pct >= 40 ? 'yellow' : 'orange' }]}
              label={
                <Text ta="center" fw={700} size="sm" data-testid="confidence">
                  {f.percent(inf.confidence)}
                </Text>
              }
              aria-label={t('opportunity.stage.confidenceValue', { value: f.percent(inf.confidence) })}
            />
            <Stack gap={4}>
              <Group gap={6} wrap="nowrap">
                <IconUsers size={15} color="var(--mantine-color-gray-6)" />
                <Text size="sm">{t('opportunity.stage.independentContacts', { count: inf.independentContacts })}</Text>
              </Group>
              <Progress value={Math.min(100, inf.independentContacts * 34)} size="sm" color="brand" w={160} aria-hidden />
              {inf.strength ? (
                <Badge size="sm" variant="light" color={inf.strength === 'documented' ? 'teal' : inf.strength === 'observed' ? 'indigo' : 'gray'} style={{ textTransform: 'none' }} data-testid="evidence-strength">
                  {t(`opportunity.stage.strength.${inf.strength}`)}
                </Badge>
              ) : null}
            </Stack>
          </Group>
          {inf.stepBack ? (
            <Alert color="orange" variant="light" p="xs" icon={<IconArrowBackUp size={16} />}>
              <Text size="xs">
                {t('opportunity.stage.stepBack', {
                  type: textOf(getEvidenceType(inf.stepBack.type)?.label, locale, inf.stepBack.type),
                  date: f.date(inf.stepBack.at),
                  stage: name(inf.stepBack.toStageKey),
                })}
              </Text>
            </Alert>
          ) : null}
        </Stack>

        <Stack gap={8}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('opportunity.stage.evidenceUsed')}
          </Text>
          {inf.evidence.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('opportunity.stage.noEvidence')}
            </Text>
          ) : (
            <List spacing={6} size="sm" listStyleType="none" data-testid="evidence-used">
              {inf.evidence.map((e) => (
                <List.Item key={e.id}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    {e.verified ? (
                      <Tooltip label={t('opportunity.stage.verified')}>
                        <IconShieldCheck size={16} color="var(--mantine-color-teal-6)" aria-label={t('opportunity.stage.verified')} style={{ flexShrink: 0, marginTop: 2 }} />
                      </Tooltip>
                    ) : (
                      <Tooltip label={t('opportunity.stage.unverified')}>
                        <IconAlertTriangle size={16} color="var(--mantine-color-gray-5)" aria-label={t('opportunity.stage.unverified')} style={{ flexShrink: 0, marginTop: 2 }} />
                      </Tooltip>
                    )}
                    <div>
                      <Group gap={6} wrap="wrap">
                        <Text size="sm" fw={500}>
                          {e.label[locale]}
                        </Text>
                        <Badge size="xs" variant="light" color={EVIDENCE_KIND_COLORS[e.kind]} style={{ textTransform: 'none' }} data-evidence-kind={e.kind}>
                          {e.kindLabel[locale]}
                        </Badge>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {e.sourceContactName ?? t('opportunity.stage.noSource')} · {f.date(e.occurredAt)}
                      </Text>
                    </div>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </SimpleGrid>
      {mover.modal}
      {closed ? (
        <Badge mt="sm" variant="light" color="gray" style={{ textTransform: 'none' }}>
          {t('opportunity.outcome.closedOn', { date: f.date(opp.closedAt) })}
        </Badge>
      ) : null}
    </Card>
  );
}
