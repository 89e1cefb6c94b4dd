// The activity timeline of an opportunity or an account: interactions, stage
// moves (set and inferred), outcome, facts, competitors, tasks, field changes.
import { Anchor, Badge, Box, Button, Group, Stack, Text, ThemeIcon, Timeline, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import {
  IconArrowBackUp,
  IconArrowRight,
  IconCheckbox,
  IconCirclePlus,
  IconFileText,
  IconFlag,
  IconMessageCircle,
  IconPencil,
  IconShieldCheck,
  IconSparkles,
  IconSwords,
  IconTrash,
  IconUser,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { getEvidenceType } from '../../domain/evidence';
import type { Interaction, TimelineEntry } from '../api/queries';
import { useLabels } from '../lib/labels';
import { useFormat } from '../lib/useFormat';
import { useStageNames } from './domain';
import { EmptyText, ErrorView, ListSkeleton } from './states';

type Page = { items: TimelineEntry[]; nextCursor: string | null };

/** The parts of an infinite query the timeline uses. */
export interface TimelineQuery {
  data: { pages: Page[] } | undefined;
  error: unknown;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

const ICONS: Record<string, { icon: typeof IconPencil; color: string }> = {
  'interaction.logged': { icon: IconMessageCircle, color: 'brand' },
  'stage.moved': { icon: IconArrowRight, color: 'blue' },
  'stage.inferred': { icon: IconSparkles, color: 'violet' },
  'opportunity.created': { icon: IconCirclePlus, color: 'teal' },
  'opportunity.updated': { icon: IconPencil, color: 'gray' },
  'opportunity.closed': { icon: IconFlag, color: 'dark' },
  'opportunity.reopened': { icon: IconArrowBackUp, color: 'gray' },
  'fact.updated': { icon: IconFileText, color: 'cyan' },
  'competitor.positioned': { icon: IconSwords, color: 'orange' },
  'competitor.removed': { icon: IconSwords, color: 'gray' },
  'task.created': { icon: IconCheckbox, color: 'gray' },
  'task.completed': { icon: IconCheckbox, color: 'teal' },
  'task.updated': { icon: IconCheckbox, color: 'gray' },
  'evidence.verified': { icon: IconShieldCheck, color: 'teal' },
  'account.created': { icon: IconCirclePlus, color: 'teal' },
  'account.updated': { icon: IconPencil, color: 'gray' },
  'contact.created': { icon: IconUser, color: 'teal' },
  'contact.updated': { icon: IconUser, color: 'gray' },
  'contact.deleted': { icon: IconTrash, color: 'red' },
};

export function ActivityTimeline({
  query,
  processModel,
  interactions,
  contactNames,
  showOpportunity,
}: {
  query: TimelineQuery;
  processModel?: string;
  interactions?: Map<string, Interaction>;
  contactNames?: Map<string, string>;
  showOpportunity?: Map<string, string>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const names = useStageNames();
  if (query.error) return <ErrorView error={query.error} onRetry={() => void query.refetch()} compact />;
  if (query.isPending || !query.data) return <ListSkeleton rows={4} height={44} />;
  const items = query.data.pages.flatMap((p) => p.items);
  if (!items.length) return <EmptyText>{t('opportunity.timeline.empty')}</EmptyText>;

  const stage = (k: unknown) => names.stageName(processModel ?? '', typeof k === 'string' ? k : '');
  const fieldsOf = (changes: unknown) =>
    Object.keys((changes as Record<string, unknown>) ?? {})
      .map((k) => t(`fields.${k}` as never, { defaultValue: k }) as string)
      .join(locSep(f.locale));

  const describe = (e: TimelineEntry): { text: string; body?: React.ReactNode } => {
    const d = e.data as Record<string, unknown>;
    const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
    switch (e.action) {
      case 'opportunity.created':
        return { text: t('activity.opportunityCreated') };
      case 'opportunity.updated':
        return { text: t('activity.updated', { fields: fieldsOf(d.changes) }) };
      case 'stage.moved':
        return {
          text: t('activity.stageMoved', { from: stage(d.from), to: stage(d.to) }),
          body: s('reason') ? (
            <Text size="sm" c="dimmed" fs="italic">
              “{s('reason')}”
            </Text>
          ) : undefined,
        };
      case 'stage.inferred':
        return { text: t('activity.stageInferred', { from: stage(d.from), to: stage(d.to) }) };
      case 'opportunity.closed':
        return {
          text: t('activity.closed', { outcome: labels.outcome(s('outcome')) }),
          body: s('lostReason') ? <Text size="sm" c="dimmed">“{s('lostReason')}”</Text> : undefined,
        };
      case 'opportunity.reopened':
        return { text: t('activity.reopened') };
      case 'fact.updated': {
        const ch = (d.changes as { value?: [unknown, unknown] } | undefined)?.value;
        return { text: t('activity.factUpdated', { kind: labels.factKind(s('kind')), value: ch ? String(ch[1] ?? '') : '' }) };
      }
      case 'competitor.positioned': {
        const pos = (d.changes as { position?: [unknown, unknown] } | undefined)?.position;
        return { text: t('activity.competitorPositioned', { name: s('competitor'), position: labels.position(String(pos?.[1] ?? '')) }) };
      }
      case 'competitor.removed':
        return { text: t('activity.competitorRemoved', { name: s('competitor') }) };
      case 'task.created':
        return { text: t('activity.taskCreated', { title: s('title') }) };
      case 'task.completed':
        return { text: t('activity.taskCompleted', { title: s('title') }) };
      case 'task.updated':
        return { text: t('activity.taskUpdated', { title: s('title') }) };
      case 'evidence.verified':
        return { text: t('activity.evidenceVerified', { type: labels.text(getEvidenceType(s('type'))?.label, s('type')) }) };
      case 'account.created':
        return { text: t('activity.accountCreated') };
      case 'account.updated':
        return { text: t('activity.updated', { fields: fieldsOf(d.changes) }) };
      case 'contact.created':
        return { text: t('activity.contactCreated', { name: s('name') }) };
      case 'contact.updated':
        return { text: t('activity.contactUpdated', { name: s('name') }) };
      case 'contact.deleted':
        return { text: t('activity.contactDeleted', { name: s('name') }) };
      case 'interaction.logged': {
        const full = interactions?.get(e.entityId);
        const evidence = (full?.evidence.map((x) => x.type) ?? (Array.isArray(d.evidence) ? (d.evidence as string[]) : [])) as string[];
        const summary = full?.summary ?? s('summary');
        const response = full?.customerResponse ?? s('customerResponse');
        const people = full?.contactIds.map((id) => contactNames?.get(id)).filter(Boolean) as string[] | undefined;
        return {
          text: t('activity.interactionLogged', { type: labels.interactionType(s('type') || full?.type) }),
          body: (
            <Stack gap={4} mt={2}>
              {summary ? <Text size="sm">{summary}</Text> : null}
              {response ? (
                <Text size="sm" c="dimmed">
                  <Text span fw={600} size="sm" c="dimmed">
                    {t('opportunity.timeline.customerResponse')}
                    {t('common.colon').trimEnd()}
                  </Text>
                  {f.locale === 'zh-CN' ? '' : ' '}
                  {response}
                </Text>
              ) : null}
              {people?.length ? (
                <Text size="xs" c="dimmed">
                  {t('opportunity.timeline.participants')}{t('common.colon')}{people.join(locSep(f.locale))}
                </Text>
              ) : null}
              {evidence.length ? (
                <Group gap={4}>
                  {evidence.map((type, i) => (
                    <Badge key={`${type}-${i}`} size="sm" variant="light" color="violet" style={{ textTransform: 'none' }}>
                      {labels.text(getEvidenceType(type)?.label, type)}
                    </Badge>
                  ))}
                </Group>
              ) : null}
            </Stack>
          ),
        };
      }
      default:
        return { text: e.action };
    }
  };

  return (
    <Stack gap="sm">
      <Timeline bulletSize={26} lineWidth={2}>
        {items.map((e) => {
          const meta = ICONS[e.action] ?? { icon: IconPencil, color: 'gray' };
          const Icon = meta.icon;
          const { text, body } = describe(e);
          const system = e.action === 'stage.inferred';
          return (
            <Timeline.Item
              key={e.id}
              bullet={
                <ThemeIcon size={26} radius="xl" variant="light" color={meta.color}>
                  <Icon size={14} />
                </ThemeIcon>
              }
            >
              <Group gap={6} wrap="wrap" align="baseline">
                <Text size="sm" fw={600}>
                  {system ? t('activity.system') : (e.actorName ?? t('activity.system'))}
                </Text>
                <Text size="sm">{text}</Text>
              </Group>
              {body ? <Box mt={2}>{body}</Box> : null}
              <Group gap={6} mt={2} wrap="nowrap">
                <Tooltip label={f.dateTime(e.at)}>
                  <Text size="xs" c="dimmed" w="fit-content" style={{ whiteSpace: 'nowrap' }}>
                    {f.relative(e.at)}
                  </Text>
                </Tooltip>
                {showOpportunity && e.opportunityId && showOpportunity.get(e.opportunityId) ? (
                  <Text size="xs" c="dimmed" truncate>
                    ·{' '}
                    <Anchor component={Link} to={`/opportunities/${e.opportunityId}`} size="xs" c="dimmed" underline="hover">
                      {showOpportunity.get(e.opportunityId)}
                    </Anchor>
                  </Text>
                ) : null}
              </Group>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {query.hasNextPage ? (
        <Group>
          <Button size="xs" variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function locSep(locale: string) {
  return locale === 'zh-CN' ? '、' : ', ';
}
