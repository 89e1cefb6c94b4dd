// Procurement projects on the stage board of the buyer's process model: the
// stage is what the buyer did (approved, team formed, criteria set, tender
// published, opened…), not a guess. Above it, the savings on awarded tenders.
import { Anchor, Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getBuiltInModel } from '../../../domain/process-models';
import { useProjects } from '../../api/buy';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView, ErrorView, ListSkeleton } from '../../components/states';
import { useLocale } from '../../i18n';
import { useFormat } from '../../lib/useFormat';
import { SavingsStrip } from './SavingsStrip';

export default function ProjectsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useFormat();
  const list = useProjects();
  const model = getBuiltInModel('internal-8')!;
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('buy.projects.title')} subtitle={t('buy.projects.subtitle')} />
      <SavingsStrip />
      {list.error ? (
        <ErrorView error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <ListSkeleton rows={4} height={80} />
      ) : items.length === 0 ? (
        <EmptyView icon={<IconTargetArrow size={28} stroke={1.5} />} title={t('buy.projects.empty')} description={t('buy.projects.emptyBody')} />
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" gap="sm" wrap="nowrap" pb="sm" data-testid="project-board">
            {model.stages.map((s) => {
              const inStage = items.filter((p) => p.stage === s.key);
              return (
                <Paper key={s.key} w={250} miw={250} p="xs" radius="md" bg="gray.0" withBorder>
                  <Group justify="space-between" mb="xs" px={4}>
                    <Text fw={600} size="sm">
                      {s.name[locale]}
                    </Text>
                    <Badge size="sm" variant="light" color="gray">
                      {inStage.length}
                    </Badge>
                  </Group>
                  <Stack gap="xs">
                    {inStage.map((p) => (
                      <Paper key={p.id} withBorder p="sm" radius="md" bg="white" component={Link} to={`/buy/projects/${p.id}`} style={{ textDecoration: 'none', color: 'inherit' }}>
                        <Text size="sm" fw={600} lineClamp={2}>
                          {p.title}
                        </Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {p.number}
                        </Text>
                        <Group justify="space-between" mt={6}>
                          <Text size="sm" fw={600}>
                            {f.money(Number(p.budget), p.currency)}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t('buy.projects.tenders', { count: p.tenders })}
                          </Text>
                        </Group>
                        <Text size="xs" c="dimmed" mt={4}>
                          {t('buy.projects.inStageSince', { when: f.relative(p.stageEnteredAt) })}
                        </Text>
                      </Paper>
                    ))}
                    {inStage.length === 0 ? (
                      <Text size="xs" c="dimmed" ta="center" py="md">
                        {t('buy.projects.noneInStage')}
                      </Text>
                    ) : null}
                  </Stack>
                </Paper>
              );
            })}
          </Group>
        </ScrollArea>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        <Anchor component={Link} to="/buy/requisitions">
          {t('buy.projects.fromRequisitions')}
        </Anchor>
      </Text>
    </>
  );
}
