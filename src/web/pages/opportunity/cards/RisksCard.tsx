// The risks of the opportunity, with their reasons, and the checks that wait
// for more data before they judge (e.g. single channel: how many interactions).
import { Badge, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconHourglassLow, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../../../api/queries';
import { RiskIcon } from '../../../components/domain';
import { useLocale } from '../../../i18n';
import { SEVERITY_COLORS } from '../../../theme';
import { CardTitle } from './CardTitle';

export function RisksCard({ opp }: { opp: OpportunityDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card data-testid="risks">
      <CardTitle right={opp.risks.length ? <Badge color="red" variant="light">{opp.risks.length}</Badge> : null}>{t('opportunity.risks.title')}</CardTitle>
      {opp.risks.length === 0 ? (
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon color="teal" variant="light" radius="xl">
            <IconShieldCheck size={16} />
          </ThemeIcon>
          <Text size="sm" c="dimmed">
            {t('opportunity.risks.none')}
          </Text>
        </Group>
      ) : (
        <Stack gap="sm">
          {opp.risks.map((r) => (
            <Group key={r.code} gap="sm" wrap="nowrap" align="flex-start" data-risk={r.code}>
              <RiskIcon code={r.code} severity={r.severity} />
              <Stack gap={2} style={{ flex: 1 }}>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {r.title[locale]}
                  </Text>
                  <Badge size="xs" color={SEVERITY_COLORS[r.severity]} variant="outline">
                    {t(`opportunity.risks.severity.${r.severity}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {r.message.text[locale]}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
      {opp.risksPending.length ? (
        <Stack gap={4} mt="sm" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} data-testid="risks-pending">
          {opp.risksPending.map((m) => (
            <Group key={m.code} gap={6} wrap="nowrap" align="flex-start">
              <IconHourglassLow size={14} color="var(--mantine-color-gray-6)" style={{ marginTop: 2, flexShrink: 0 }} aria-label={t('opportunity.risks.pending')} />
              <Text size="xs" c="dimmed">
                {m.text[locale]}
              </Text>
            </Group>
          ))}
        </Stack>
      ) : null}
    </Card>
  );
}

// ---------------------------------------------------------------------------
// Next actions: suggestions and open tasks
