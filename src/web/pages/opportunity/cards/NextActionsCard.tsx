// Next actions: the playbook's suggestions and the open tasks.
import { useState } from 'react';
import { ActionIcon, Card, Checkbox, Group, Paper, Stack, Text, TextInput, ThemeIcon, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call, newIdempotencyKey } from '../../../api/http';
import { invalidateOpportunity, useTasks, type OpportunityDetail, type Task } from '../../../api/queries';
import { EmptyText, ErrorView, ListSkeleton } from '../../../components/states';
import { useLocale } from '../../../i18n';
import { notifyError, notifySuccess } from '../../../lib/problems';
import { useFormat } from '../../../lib/useFormat';
import { CardTitle } from './CardTitle';

export function NextActionsCard({ opp }: { opp: OpportunityDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useFormat();
  const qc = useQueryClient();
  const tasks = useTasks({ opportunityId: opp.id, status: 'open' });
  const [newTitle, setNewTitle] = useState('');
  const [newDue, setNewDue] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (b: { title: string; playbookKey?: string; dueDate?: string | null }) =>
      call(api.POST('/api/v1/tasks', { body: { opportunityId: opp.id, title: b.title, dueDate: b.dueDate ?? null, ...(b.playbookKey ? { playbookKey: b.playbookKey } : {}) }, headers: { 'Idempotency-Key': newIdempotencyKey() } })),
    onMutate: (b) => setAdding(b.playbookKey ?? '__manual'),
    onSuccess: () => {
      notifySuccess(t('opportunity.actions.taskAdded'));
      setNewTitle('');
      setNewDue(null);
    },
    onError: (e) => notifyError(t, e),
    onSettled: () => {
      setAdding(null);
      invalidateOpportunity(qc, opp.id);
    },
  });

  const complete = useMutation({
    mutationFn: (task: Task) => call(api.PATCH('/api/v1/tasks/{id}', { params: { path: { id: task.id } }, body: { status: 'done' } })),
    onMutate: async (task) => {
      // Check it off at once.
      qc.setQueriesData<{ pages: Array<{ items: Task[]; nextCursor: string | null }> }>({ queryKey: ['tasks', { opportunityId: opp.id, status: 'open' }] }, (old) =>
        old ? { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.filter((x) => x.id !== task.id) })) } : old,
      );
    },
    onSuccess: () => notifySuccess(t('opportunity.actions.done')),
    onError: (e) => notifyError(t, e),
    onSettled: () => invalidateOpportunity(qc, opp.id),
  });

  const open = tasks.data?.pages.flatMap((p) => p.items) ?? [];
  const closed = opp.outcome !== 'open' && opp.outcome !== 'won';

  return (
    <Card data-testid="next-actions">
      <CardTitle>{t('opportunity.actions.title')}</CardTitle>
      <Stack gap="md">
        <Stack gap={6}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {t('opportunity.actions.suggested')}
          </Text>
          {opp.suggestions.length === 0 ? (
            <EmptyText>{t('opportunity.actions.noSuggestions')}</EmptyText>
          ) : (
            opp.suggestions.map((s) => (
              <Paper key={s.key} withBorder p="xs" radius="md" data-suggestion={s.key}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <ThemeIcon size={24} variant="light" color={s.priority <= 1 ? 'orange' : 'brand'} radius="xl">
                    <IconBulb size={14} />
                  </ThemeIcon>
                  <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {s.title[locale]}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {s.reason.text[locale]}
                    </Text>
                  </Stack>
                  <Tooltip label={t('opportunity.actions.addAsTask')}>
                    <ActionIcon
                      variant="light"
                      aria-label={`${t('opportunity.actions.addAsTask')}: ${s.title[locale]}`}
                      loading={adding === s.key}
                      disabled={closed}
                      onClick={() => create.mutate({ title: s.title[locale], playbookKey: s.key })}
                    >
                      <IconPlus size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Paper>
            ))
          )}
        </Stack>

        <Stack gap={6}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {t('opportunity.actions.openTasks')}
          </Text>
          {tasks.error ? (
            <ErrorView error={tasks.error} onRetry={() => void tasks.refetch()} compact />
          ) : tasks.isPending ? (
            <ListSkeleton rows={2} height={28} />
          ) : open.length === 0 ? (
            <EmptyText>{t('opportunity.actions.noTasks')}</EmptyText>
          ) : (
            open.map((task) => (
              <Group key={task.id} gap="xs" wrap="nowrap" align="flex-start" data-task={task.id}>
                <Checkbox
                  mt={2}
                  aria-label={t('opportunity.actions.markDone', { title: task.title })}
                  checked={false}
                  onChange={() => complete.mutate(task)}
                />
                <Stack gap={0} style={{ flex: 1 }}>
                  <Text size="sm">{task.title}</Text>
                  <Group gap={6}>
                    {task.dueDate ? (
                      <Text size="xs" c={task.overdue ? 'red.7' : 'dimmed'} fw={task.overdue ? 600 : undefined}>
                        {task.overdue ? `${t('opportunity.actions.overdue')} · ` : ''}
                        {t('opportunity.actions.due', { date: f.date(task.dueDate) })}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {task.ownerName}
                    </Text>
                  </Group>
                </Stack>
              </Group>
            ))
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (newTitle.trim()) create.mutate({ title: newTitle.trim(), dueDate: newDue });
            }}
          >
            <Group gap={6} wrap="nowrap" mt={4}>
              <TextInput size="xs" style={{ flex: 1 }} placeholder={t('opportunity.actions.newTask')} aria-label={t('opportunity.actions.newTask')} value={newTitle} onChange={(e) => setNewTitle(e.currentTarget.value)} />
              <DateInput
                size="xs"
                w={130}
                placeholder={t('opportunity.actions.dueDate')}
                aria-label={t('opportunity.actions.dueDate')}
                value={newDue}
                onChange={(v) => setNewDue(v)}
                clearable
                valueFormat={locale === 'zh-CN' ? 'M月D日' : 'MMM D'}
              />
              <ActionIcon type="submit" variant="filled" size="md" aria-label={t('common.add')} loading={adding === '__manual'} disabled={!newTitle.trim()}>
                <IconPlus size={14} />
              </ActionIcon>
            </Group>
          </form>
        </Stack>
      </Stack>
    </Card>
  );
}

// ---------------------------------------------------------------------------
// Key facts
