// Tasks: the next actions on opportunities, grouped overdue / today / upcoming,
// mine or everybody's; done ones on their own tab. Completing is one click.
import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/http';
import { invalidateOpportunity, useMe, useTasks, type Task } from '../../api/queries';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView, ErrorView, ListSkeleton } from '../../components/states';
import { notifyError, notifySuccess } from '../../lib/problems';
import { todayIso } from '../../../domain/format';
import { useFormat } from '../../lib/useFormat';

type Scope = 'mine' | 'all' | 'done';

export default function TasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [scope, setScope] = useState<Scope>('mine');
  const userId = me.data?.user.id;
  const tasks = useTasks({ status: scope === 'done' ? 'done' : 'open', ownerId: scope === 'mine' ? userId : undefined }, !!userId);
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? [];

  const today = todayIso();
  const groups: { key: string; title: string; color?: string; items: Task[] }[] =
    scope === 'done'
      ? [{ key: 'done', title: t('tasks.done'), items }]
      : [
          { key: 'overdue', title: t('tasks.overdue'), color: 'red', items: items.filter((x) => x.dueDate && x.dueDate < today) },
          { key: 'today', title: t('tasks.dueToday'), color: 'orange', items: items.filter((x) => x.dueDate === today) },
          { key: 'upcoming', title: t('tasks.upcoming'), items: items.filter((x) => x.dueDate && x.dueDate > today) },
          { key: 'none', title: t('tasks.noDueDate'), items: items.filter((x) => !x.dueDate) },
        ];

  return (
    <>
      <PageHeader title={t('tasks.title')} subtitle={t('tasks.subtitle')} />
      <SegmentedControl
        mb="md"
        value={scope}
        onChange={(v) => setScope(v as Scope)}
        aria-label={t('tasks.title')}
        data={[
          { value: 'mine', label: t('tasks.mine') },
          { value: 'all', label: t('tasks.all') },
          { value: 'done', label: t('tasks.done') },
        ]}
      />
      {tasks.isPending ? (
        <ListSkeleton rows={8} />
      ) : tasks.error ? (
        <ErrorView error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : items.length === 0 ? (
        <EmptyView icon={<IconChecklist size={32} />} title={t('tasks.emptyTitle')} description={t('tasks.emptyBody')} />
      ) : (
        <Stack gap="lg">
          {groups
            .filter((g) => g.items.length)
            .map((g) => (
              <TaskGroup key={g.key} title={g.title} color={g.color} items={g.items} showOwner={scope !== 'mine'} />
            ))}
          {tasks.hasNextPage && (
            <Group justify="center">
              <Button variant="default" loading={tasks.isFetchingNextPage} onClick={() => void tasks.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}

function TaskGroup({ title, color, items, showOwner }: { title: string; color?: string; items: Task[]; showOwner: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  // Ticked boxes show at once; the task leaves its list when the refetch lands.
  const [flipped, setFlipped] = useState<ReadonlySet<string>>(new Set());
  const flip = (id: string, on: boolean) =>
    setFlipped((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  const toggle = useMutation({
    mutationFn: (task: Task) => call(api.PATCH('/api/v1/tasks/{id}', { params: { path: { id: task.id } }, body: { status: task.status === 'open' ? 'done' : 'open' } })),
    onMutate: (task) => flip(task.id, true),
    onSuccess: (_r, task) => {
      notifySuccess(task.status === 'open' ? t('opportunity.actions.done') : t('tasks.reopened'));
      invalidateOpportunity(qc, task.opportunityId);
    },
    onError: (e, task) => {
      flip(task.id, false);
      notifyError(t, e);
    },
  });
  return (
    <Paper withBorder radius="md" p={0}>
      <Group px="md" py="xs" gap="xs">
        <Title order={2} size="h5" c={color}>
          {title}
        </Title>
        <Badge size="sm" variant="light" color={color ?? 'gray'}>
          {items.length}
        </Badge>
      </Group>
      <Table verticalSpacing="xs" highlightOnHover layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44} />
            <Table.Th w="44%">{t('tasks.col.task')}</Table.Th>
            <Table.Th>{t('tasks.col.opportunity')}</Table.Th>
            {showOwner && <Table.Th w={140}>{t('tasks.col.owner')}</Table.Th>}
            <Table.Th w={140}>{t('tasks.col.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td>
                <Checkbox
                  aria-label={`${task.status === 'open' ? t('tasks.done') : t('tasks.reopen')}: ${task.title}`}
                  checked={(task.status === 'done') !== flipped.has(task.id)}
                  disabled={flipped.has(task.id)}
                  onChange={() => toggle.mutate(task)}
                />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" td={task.status === 'done' ? 'line-through' : undefined}>
                    {task.title}
                  </Text>
                  {task.origin === 'playbook' && (
                    <Badge size="xs" variant="light" color="grape">
                      {t('tasks.fromPlaybook')}
                    </Badge>
                  )}
                </Group>
                {task.completedAt && (
                  <Text size="xs" c="dimmed">
                    {t('tasks.completed', { when: f.relative(task.completedAt) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/opportunities/${task.opportunityId}`} size="sm">
                  {task.opportunityTitle}
                </Anchor>
              </Table.Td>
              {showOwner && (
                <Table.Td>
                  <Text size="sm">{task.ownerName}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" c={task.overdue ? 'red' : undefined} fw={task.overdue ? 600 : undefined}>
                  {task.dueDate ? f.date(task.dueDate) : '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
