// Notifications of the organization: invitations, amendments, answers, deadline
// reminders, receipts, cancellations, opening records, certification decisions.
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotifications } from '../api/buy';
import { api, call } from '../api/http';
import { PageHeader } from '../components/PageHeader';
import { EmptyView, ErrorView, ListSkeleton } from '../components/states';
import { useLocale } from '../i18n';
import { useFormat } from '../lib/useFormat';

export default function NotificationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useFormat();
  const qc = useQueryClient();
  const list = useNotifications();
  const read = useMutation({
    mutationFn: (id: string | null) => (id ? call(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })) : call(api.POST('/api/v1/notifications/read-all'))),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('buy.notifications.title')}
        subtitle={t('buy.notifications.unread', { count: list.data?.unread ?? 0 })}
        actions={
          <Button variant="default" onClick={() => read.mutate(null)} disabled={!list.data?.unread}>
            {t('buy.notifications.readAll')}
          </Button>
        }
      />
      {list.error ? (
        <ErrorView error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <ListSkeleton rows={5} height={60} />
      ) : items.length === 0 ? (
        <EmptyView icon={<IconBell size={28} stroke={1.5} />} title={t('buy.notifications.empty')} />
      ) : (
        <Stack gap="xs" data-testid="notifications">
          {items.map((n) => (
            <Paper key={n.id} withBorder p="sm" radius="md" style={{ borderLeft: n.readAt ? undefined : '3px solid var(--mantine-color-brand-5)' }}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Badge size="xs" variant="light">
                      {t(`buy.notifications.kind.${n.kind}` as never)}
                    </Badge>
                    <Text fw={n.readAt ? 400 : 700} size="sm">
                      {n.link ? (
                        <Anchor component={Link} to={n.link} onClick={() => !n.readAt && read.mutate(n.id)} c="dark.8">
                          {n.title[locale]}
                        </Anchor>
                      ) : (
                        n.title[locale]
                      )}
                    </Text>
                  </Group>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {n.body[locale]}
                  </Text>
                </Stack>
                <Stack gap={2} align="flex-end">
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {f.relative(n.createdAt)}
                  </Text>
                  {!n.readAt ? (
                    <Button size="compact-xs" variant="subtle" onClick={() => read.mutate(n.id)}>
                      {t('buy.notifications.markRead')}
                    </Button>
                  ) : null}
                </Stack>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}
