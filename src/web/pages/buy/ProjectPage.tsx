// One procurement project: where it stands, its purchasing team (the buying
// center's roles), its tenders, and what happened, newest first.
import { useEffect, useState } from 'react';
import { Anchor, Button, Grid, Group, MultiSelect, Paper, Select, Stack, Stepper, Table, Text, Timeline } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useProject, useProjectTimeline } from '../../api/buy';
import { api, call } from '../../api/http';
import { useMembers } from '../../api/queries';
import { TenderStatusBadge } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { CardsSkeleton, EmptyText, ErrorView } from '../../components/states';
import { useLocale } from '../../i18n';
import { useBuyLabels } from '../../lib/buyLabels';
import { notifyError, notifySuccess } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';

type Role = 'decision_maker' | 'user' | 'influencer' | 'purchaser' | 'supervisor';

export default function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useFormat();
  const l = useBuyLabels();
  const qc = useQueryClient();
  const p = useProject(id);
  const timeline = useProjectTimeline(id);
  const members = useMembers();
  const [team, setTeam] = useState<{ userId: string; roles: Role[] }[]>([]);
  useEffect(() => {
    if (p.data) setTeam(p.data.team.map((m) => ({ userId: m.userId, roles: m.roles as Role[] })));
  }, [p.data]);
  const saveTeam = useMutation({
    mutationFn: () => call(api.PUT('/api/v1/projects/{id}/team', { params: { path: { id } }, body: { members: team.filter((m) => m.userId && m.roles.length) } })),
    onSuccess: (data) => {
      qc.setQueryData(['project', id], data);
      void qc.invalidateQueries({ queryKey: ['project', id, 'timeline'] });
      notifySuccess(t('common.saved'));
    },
    onError: (e) => notifyError(t, e),
  });
  if (p.error) return <ErrorView error={p.error} onRetry={() => void p.refetch()} />;
  if (!p.data) return <CardsSkeleton />;
  const d = p.data;
  const active = d.stages.findIndex((s) => s.key === d.stage);
  const memberOptions = (members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }));
  return (
    <>
      <PageHeader
        back={{ to: '/buy/projects', label: t('buy.projects.title') }}
        title={d.title}
        subtitle={`${d.number} · ${t('buy.projects.budget')} ${f.money(Number(d.budget), d.currency)}`}
        actions={
          <Button component={Link} to={`/buy/tenders/new?projectId=${d.id}`} leftSection={<IconPlus size={16} />}>
            {t('buy.tenders.new')}
          </Button>
        }
      />
      <Paper withBorder p="md" radius="md" mb="md">
        <Stepper active={active} size="xs" allowNextStepsSelect={false} iconSize={24}>
          {d.stages.map((s) => (
            <Stepper.Step key={s.key} label={s.name[locale]} />
          ))}
        </Stepper>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Group justify="space-between" mb="xs">
                <Text fw={600}>{t('buy.projects.team')}</Text>
                <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setTeam([...team, { userId: '', roles: [] }])}>
                  {t('buy.projects.addMember')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed" mb="sm">
                {t('buy.projects.teamHint')}
              </Text>
              {team.length === 0 ? <EmptyText>{t('buy.projects.noTeam')}</EmptyText> : null}
              <Stack gap="xs">
                {team.map((m, i) => (
                  <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                    <Select w={200} size="xs" placeholder={t('buy.projects.member')} data={memberOptions} value={m.userId || null} onChange={(v) => setTeam(team.map((x, j) => (j === i ? { ...x, userId: v ?? '' } : x)))} searchable aria-label={t('buy.projects.member')} />
                    <MultiSelect style={{ flex: 1 }} size="xs" placeholder={t('buy.projects.roles')} data={l.options.teamRole} value={m.roles} onChange={(v) => setTeam(team.map((x, j) => (j === i ? { ...x, roles: v as Role[] } : x)))} aria-label={t('buy.projects.roles')} />
                    <Button size="xs" variant="subtle" color="gray" onClick={() => setTeam(team.filter((_, j) => j !== i))} aria-label={t('common.remove')}>
                      <IconTrash size={14} />
                    </Button>
                  </Group>
                ))}
              </Stack>
              <Group justify="flex-end" mt="sm">
                <Button size="xs" onClick={() => saveTeam.mutate()} loading={saveTeam.isPending}>
                  {t('buy.projects.saveTeam')}
                </Button>
              </Group>
            </Paper>
            <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
              <Text fw={600} p="md" pb="xs">
                {t('buy.tenders.title')}
              </Text>
              {d.tenderList.length === 0 ? (
                <Text px="md" pb="md" size="sm" c="dimmed">
                  {t('buy.projects.noTenders')}
                </Text>
              ) : (
                <Table verticalSpacing="xs">
                  <Table.Tbody>
                    {d.tenderList.map((x) => (
                      <Table.Tr key={x.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/buy/tenders/${x.id}`} size="sm" fw={600}>
                            {x.number} {x.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">{l.regime(x.regime)} · {l.method(x.method)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <TenderStatusBadge status={x.status} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            {t('buy.tenders.deadlineAt', { when: f.dateTime(x.deadline) })}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" radius="md">
            <Text fw={600} mb="sm">
              {t('buy.projects.timeline')}
            </Text>
            {timeline.data?.items.length ? (
              <Timeline bulletSize={12} lineWidth={2}>
                {timeline.data.items.map((e) => {
                  const label = (e.data as { label?: { 'zh-CN': string; en: string } }).label;
                  return (
                    <Timeline.Item key={e.id} title={<Text size="sm">{label ? label[locale] : t(`buy.activity.${e.action.replace(/\./g, '_')}` as never, { defaultValue: e.action })}</Text>}>
                      <Text size="xs" c="dimmed">
                        {f.dateTime(e.at)}
                        {e.actorName ? ` · ${e.actorName}` : ''}
                      </Text>
                    </Timeline.Item>
                  );
                })}
              </Timeline>
            ) : (
              <EmptyText>{t('buy.projects.noEvents')}</EmptyText>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
