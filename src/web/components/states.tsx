// Loading, empty and error states: every list and page uses these, so they look
// and behave the same everywhere.
import type { ReactNode } from 'react';
import { Alert, Button, Center, Code, EmptyState, Group, Loader, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInbox, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../lib/problems';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="60vh" role="status" aria-live="polite">
      <Loader size="md" aria-label={t('common.loading')} />
    </Center>
  );
}

/** Rows of skeleton for a table or a list. */
export function ListSkeleton({ rows = 6, height = 36 }: { rows?: number; height?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={height} radius="sm" />
      ))}
    </Stack>
  );
}

/** Skeleton for a page made of cards. */
export function CardsSkeleton({ cards = 3 }: { cards?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton height={28} width="40%" />
      <Skeleton height={16} width="25%" />
      {Array.from({ length: cards }, (_, i) => (
        <Skeleton key={i} height={140} radius="md" />
      ))}
    </Stack>
  );
}

export function EmptyView({ icon, title, description, action }: { icon?: ReactNode; title: string; description?: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md" bg="white">
      <EmptyState icon={icon ?? <IconInbox size={28} stroke={1.5} />} variant="light" size="md">
        <EmptyState.Title order={2}>{title}</EmptyState.Title>
        {description ? <EmptyState.Description>{description}</EmptyState.Description> : null}
        {action ? <EmptyState.Actions>{action}</EmptyState.Actions> : null}
      </EmptyState>
    </Paper>
  );
}

/** Small inline empty text inside a card. */
export function EmptyText({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" size="sm" py="xs">
      {children}
    </Text>
  );
}

export function ErrorView({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  const p = problemOf(error);
  const notAvailable = p?.code === 'route.not_found';
  const message = notAvailable ? t('state.notAvailable') : problemMessage(t, error);
  return (
    <Alert
      role="alert"
      color={notAvailable ? 'gray' : 'red'}
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t('state.errorTitle')}
      p={compact ? 'sm' : 'md'}
    >
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {p && p.code !== 'network' ? (
          <Text size="xs" c="dimmed">
            {p.status ? `HTTP ${p.status} · ` : ''}
            <Code>{p.code}</Code>
            {p.detail && message !== p.detail ? ` · ${p.detail}` : ''}
          </Text>
        ) : null}
        {onRetry ? (
          <Group>
            <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}

/**
 * One query's states in one place: its error (with retry), its loading skeleton,
 * what to show when it holds nothing, and the content once it does.
 */
export function Loaded<T>({
  query,
  empty,
  skeleton,
  children,
}: {
  query: { data?: T; error: unknown; isPending: boolean; refetch: () => unknown };
  empty?: (data: T) => ReactNode | null;
  skeleton?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.error) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <>{skeleton ?? <ListSkeleton rows={6} />}</>;
  return <>{empty?.(query.data) ?? children(query.data)}</>;
}
