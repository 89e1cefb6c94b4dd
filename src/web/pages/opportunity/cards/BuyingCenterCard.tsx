// The buying center: roles × attitude, coach marked, missing roles flagged, and
// who we have actually met (engaged: in an interaction) versus who is only on
// file (seed 003: contacting only part of the buying center).
import { Badge, Box, Button, Card, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconStarFilled, IconUserPlus, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../../../api/queries';
import { AttitudeBadge } from '../../../components/domain';
import { EmptyText } from '../../../components/states';
import { ATTITUDES, BUYING_ROLES, useLabels } from '../../../lib/labels';
import { useFormat } from '../../../lib/useFormat';
import { ATTITUDE_COLORS } from '../../../theme';
import { CardTitle } from './CardTitle';

export function BuyingCenterCard({ opp, onAddContact }: { opp: OpportunityDetail; onAddContact: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = useFormat();
  const bc = opp.buyingCenter;
  const missing = new Set<string>(bc.missingRoles);
  const noRole = bc.members.filter((m) => m.buyingRoles.length === 0);

  return (
    <Card data-testid="buying-center">
      <CardTitle
        right={
          <Group gap="xs">
            {bc.hasCoach ? (
              <Badge color="grape" variant="light" leftSection={<IconStarFilled size={10} />} style={{ textTransform: 'none' }}>
                {t('opportunity.buyingCenter.hasCoach')}
              </Badge>
            ) : (
              <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={11} />} style={{ textTransform: 'none' }}>
                {t('opportunity.buyingCenter.noCoach')}
              </Badge>
            )}
            <Button size="xs" variant="subtle" leftSection={<IconUserPlus size={14} />} onClick={onAddContact}>
              {t('opportunity.buyingCenter.addContact')}
            </Button>
          </Group>
        }
      >
        {t('opportunity.buyingCenter.title')}
      </CardTitle>
      {bc.members.length === 0 && bc.missingRoles.length === 0 ? (
        <EmptyText>{t('opportunity.buyingCenter.empty')}</EmptyText>
      ) : (
        <Box style={{ overflowX: 'auto' }}>
          <Box
            role="table"
            aria-label={t('opportunity.buyingCenter.title')}
            style={{ display: 'grid', gridTemplateColumns: `92px repeat(${BUYING_ROLES.length}, minmax(110px, 1fr))`, gap: 6, minWidth: 680 }}
          >
            <div role="row" style={{ display: 'contents' }}>
              <div role="columnheader" />
              {BUYING_ROLES.map((r) => (
                <div role="columnheader" key={r}>
                  {missing.has(r) ? (
                    <Tooltip label={t('opportunity.buyingCenter.missing', { role: labels.buyingRole(r) })}>
                      <Group gap={4} wrap="nowrap" data-missing-role={r}>
                        <IconAlertTriangle size={13} color="var(--mantine-color-yellow-8)" aria-hidden />
                        <Text size="xs" fw={700} c="yellow.9">
                          {labels.buyingRole(r)}
                        </Text>
                      </Group>
                    </Tooltip>
                  ) : (
                    <Text size="xs" fw={700} c="dimmed">
                      {labels.buyingRole(r)}
                    </Text>
                  )}
                </div>
              ))}
            </div>
            {ATTITUDES.map((a) => (
              <div role="row" key={a} style={{ display: 'contents' }}>
                <div role="rowheader" style={{ display: 'flex', alignItems: 'center' }}>
                  <Badge variant="dot" color={ATTITUDE_COLORS[a]} size="sm" style={{ textTransform: 'none' }}>
                    {labels.attitude(a)}
                  </Badge>
                </div>
                {BUYING_ROLES.map((r) => {
                  const people = bc.members.filter((m) => m.attitude === a && m.buyingRoles.includes(r));
                  return (
                    <div role="cell" key={r} className="procura-grid-cell" data-missing={missing.has(r) && a === 'neutral' ? undefined : undefined}>
                      <Stack gap={4}>
                        {people.map((m) => (
                          <Tooltip
                            key={m.contactId}
                            label={
                              <Stack gap={0}>
                                <Text size="sm" fw={600}>
                                  {m.name}
                                </Text>
                                {m.title ? <Text size="xs">{m.title}</Text> : null}
                                <Text size="xs">{t('opportunity.buyingCenter.influence', { value: m.influence })}</Text>
                                <Text size="xs">
                                  {m.engaged ? t('opportunity.buyingCenter.interactions', { count: m.interactions }) : t('opportunity.buyingCenter.neverMet')}
                                  {m.lastContactAt ? ` · ${f.relative(m.lastContactAt)}` : ''}
                                </Text>
                              </Stack>
                            }
                          >
                            <Paper
                              px={6}
                              py={3}
                              radius="sm"
                              withBorder
                              bg={m.engaged ? 'white' : 'gray.0'}
                              data-engaged={m.engaged}
                              aria-label={`${m.name}, ${m.engaged ? t('opportunity.buyingCenter.engaged') : t('opportunity.buyingCenter.knownOnly')}`}
                              style={{ borderColor: `var(--mantine-color-${ATTITUDE_COLORS[a]}-${m.engaged ? 4 : 3})`, borderStyle: m.engaged ? 'solid' : 'dashed' }}
                              tabIndex={0}
                            >
                              <Group gap={4} wrap="nowrap">
                                {m.isCoach ? <IconStarFilled size={11} color="var(--mantine-color-grape-6)" aria-label={labels.coach} /> : null}
                                {m.engaged ? null : <IconCircleDashed size={11} color="var(--mantine-color-gray-6)" aria-hidden />}
                                <Text size="xs" fw={600} lineClamp={1} c={m.engaged ? undefined : 'dimmed'}>
                                  {m.name}
                                </Text>
                                <Text size="10px" c="dimmed" ml="auto">
                                  {m.influence}/5
                                </Text>
                              </Group>
                            </Paper>
                          </Tooltip>
                        ))}
                      </Stack>
                    </div>
                  );
                })}
              </div>
            ))}
          </Box>
          <Group gap="md" mt="sm" wrap="wrap" data-testid="needed-roles">
            {bc.neededRoles.length ? (
              <>
                <Text size="xs" fw={600} c="dimmed">
                  {t('opportunity.buyingCenter.neededNow')}
                  {t('common.colon').trimEnd()}
                </Text>
                {bc.neededRoles.map((n) => (
                  <Badge
                    key={n.role}
                    variant="light"
                    size="sm"
                    color={n.status === 'engaged' ? 'teal' : n.status === 'not_met' ? 'orange' : 'red'}
                    leftSection={n.status === 'engaged' ? <IconCircleCheck size={11} /> : n.status === 'not_met' ? <IconCircleDashed size={11} /> : <IconUserQuestion size={11} />}
                    style={{ textTransform: 'none' }}
                    data-role-status={n.status}
                  >
                    {labels.buyingRole(n.role)} · {t(`opportunity.buyingCenter.status.${n.status}`)}
                  </Badge>
                ))}
              </>
            ) : null}
            <Group gap={8} ml="auto" wrap="nowrap">
              <LegendSwatch dashed={false} label={t('opportunity.buyingCenter.engaged')} />
              <LegendSwatch dashed label={t('opportunity.buyingCenter.knownOnly')} />
            </Group>
          </Group>
          {bc.missingRoles.length ? (
            <Group gap={6} mt="sm">
              <Text size="xs" c="yellow.9" fw={600}>
                {t('opportunity.buyingCenter.missingRoles')}
                {t('common.colon').trimEnd()}
              </Text>
              {bc.missingRoles.map((r) => (
                <Badge key={r} color="yellow" variant="light" size="sm" style={{ textTransform: 'none' }} leftSection={<IconAlertTriangle size={10} />}>
                  {labels.buyingRole(r)}
                </Badge>
              ))}
            </Group>
          ) : null}
          {noRole.length ? (
            <Group gap={6} mt="xs">
              <Text size="xs" c="dimmed">
                {t('opportunity.buyingCenter.noRoleAssigned')}
                {t('common.colon').trimEnd()}
              </Text>
              {noRole.map((m) => (
                <AttitudeBadge key={m.contactId} attitude={m.attitude} />
              ))}
              <Text size="xs">{noRole.map((m) => m.name).join(labels.locale === 'zh-CN' ? '、' : ', ')}</Text>
            </Group>
          ) : null}
        </Box>
      )}
    </Card>
  );
}

// ---------------------------------------------------------------------------
// Risks

/** A chip as the map draws it: solid for contacts we have met, dashed for those only on file. */
function LegendSwatch({ dashed, label }: { dashed: boolean; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Box w={14} h={10} style={{ border: `1px ${dashed ? 'dashed' : 'solid'} var(--mantine-color-gray-5)`, borderRadius: 2, background: dashed ? 'var(--mantine-color-gray-0)' : 'white' }} />
      <Text size="10px" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
