// The pipeline board (home): the customer's procurement stages of one process
// model as columns, opportunities as cards. Drag a card (or use its "Move to…"
// menu) to set the stage; moving back asks for the reason.
import { useCallback, useMemo, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Menu,
  NumberInput,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { IconArrowsMove, IconCheck, IconDots, IconFilterOff, IconGitCompare, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useBoard, useMe, useMembers, useProcessModels, type Board, type BoardFilters, type OpportunitySummary } from '../../api/queries';
import { PageHeader } from '../../components/PageHeader';
import { RiskBadge, riskOptions } from '../../components/domain';
import { EmptyView, ErrorView } from '../../components/states';
import { useStageMove, type MoveRequest } from '../../components/StageMove';
import { useLocale } from '../../i18n';
import { textOf, useLabels } from '../../lib/labels';
import { useFormat } from '../../lib/useFormat';

type Column = Board['columns'][number];

function useBoardParams() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const num = (k: string) => {
    const v = params.get(k);
    return v === null || v === '' || Number.isNaN(Number(v)) ? undefined : Number(v);
  };
  const filters: BoardFilters = {
    processModel: get('model'),
    ownerId: get('owner'),
    industry: get('industry'),
    risk: get('risk'),
    minValue: num('min'),
    maxValue: num('max'),
  };
  const set = (k: string, v: string | number | null | undefined) => {
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (v === null || v === undefined || v === '') n.delete(k);
        else n.set(k, String(v));
        return n;
      },
      { replace: true },
    );
  };
  const clear = () =>
    setParams(
      (p) => {
        const n = new URLSearchParams();
        const m = p.get('model');
        if (m) n.set('model', m);
        return n;
      },
      { replace: true },
    );
  const active = ['owner', 'industry', 'risk', 'min', 'max'].filter((k) => params.get(k)).length;
  return { filters, set, clear, active };
}

export default function PipelinePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const me = useMe();
  const models = useProcessModels();
  const members = useMembers();
  const { filters, set, clear, active } = useBoardParams();
  const processModel = filters.processModel ?? me.data?.settings.defaultProcessModel;
  const query = { ...filters, processModel };
  const board = useBoard(query, !!processModel);
  const qc = useQueryClient();

  const modelOptions = (models.data?.items ?? []).map((m) => ({ value: m.key, label: textOf(m.name, locale, m.key) }));

  // Optimistic move: the card jumps to its new column at once.
  const onOptimistic = useCallback(
    (r: MoveRequest) => {
      qc.setQueryData<Board>(['board', query], (old) => {
        if (!old) return old;
        let card: OpportunitySummary | undefined;
        const cols = old.columns.map((c) => {
          const found = c.items.find((i) => i.id === r.id);
          if (!found) return c;
          card = found;
          return { ...c, count: c.count - 1, totalValue: c.totalValue - found.value, items: c.items.filter((i) => i.id !== r.id) };
        });
        if (!card) return old;
        const moved: OpportunitySummary = { ...card, stage: r.toStage, stageSet: r.toStage, daysInStage: 0, stageMismatch: card.stageInferred !== r.toStage };
        return {
          ...old,
          columns: cols.map((c) => (c.stage.key === r.toStage ? { ...c, count: c.count + 1, totalValue: c.totalValue + moved.value, items: [moved, ...c.items] } : c)),
        };
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [qc, JSON.stringify(query)],
  );
  const mover = useStageMove({ onOptimistic });

  const columns = board.data?.columns ?? [];
  const total = columns.reduce((s, c) => s + c.count, 0);

  return (
    <>
      <PageHeader
        title={t('pipeline.title')}
        subtitle={t('pipeline.subtitle')}
        actions={
          <Button component={Link} to="/opportunities/new" leftSection={<IconPlus size={16} />}>
            {t('opportunities.new')}
          </Button>
        }
      />
      <Stack gap="sm" mb="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          {models.isPending ? (
            <Skeleton h={36} w={420} />
          ) : modelOptions.length ? (
            <ScrollArea type="never" maw="100%">
              <SegmentedControl
                aria-label={t('pipeline.processModel')}
                data={modelOptions}
                value={processModel ?? ''}
                onChange={(v) => set('model', v)}
              />
            </ScrollArea>
          ) : null}
          <Text size="xs" c="dimmed" visibleFrom="md">
            {t('pipeline.dragHint')}
          </Text>
        </Group>
        <Group gap="xs" wrap="wrap" align="flex-end">
          <Select
            size="xs"
            w={180}
            label={t('pipeline.owner')}
            placeholder={t('common.all')}
            clearable
            searchable
            data={(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))}
            value={filters.ownerId ?? null}
            onChange={(v) => set('owner', v)}
          />
          <Select
            size="xs"
            w={160}
            label={t('pipeline.industry')}
            placeholder={t('common.all')}
            clearable
            data={labels.options.industry}
            value={filters.industry ?? null}
            onChange={(v) => set('industry', v)}
          />
          <Select
            size="xs"
            w={190}
            label={t('pipeline.risk')}
            placeholder={t('common.all')}
            clearable
            data={riskOptions(locale)}
            value={filters.risk ?? null}
            onChange={(v) => set('risk', v)}
          />
          <NumberInput
            size="xs"
            w={130}
            label={t('pipeline.minValue')}
            min={0}
            thousandSeparator=","
            hideControls
            value={filters.minValue ?? ''}
            onChange={(v) => set('min', v === '' ? null : v)}
          />
          <NumberInput
            size="xs"
            w={130}
            label={t('pipeline.maxValue')}
            min={0}
            thousandSeparator=","
            hideControls
            value={filters.maxValue ?? ''}
            error={filters.minValue !== undefined && filters.maxValue !== undefined && filters.maxValue < filters.minValue ? t('validation.maxBelowMin') : undefined}
            onChange={(v) => set('max', v === '' ? null : v)}
          />
          {active ? (
            <Button size="xs" variant="subtle" color="gray" leftSection={<IconFilterOff size={14} />} onClick={clear}>
              {t('common.clearFilters')} ({t('pipeline.filtersActive', { count: active })})
            </Button>
          ) : null}
        </Group>
      </Stack>

      {board.error ? (
        <ErrorView error={board.error} onRetry={() => void board.refetch()} />
      ) : board.isPending || !processModel ? (
        <BoardSkeleton />
      ) : total === 0 && active === 0 ? (
        <EmptyView
          title={t('pipeline.emptyTitle')}
          description={t('pipeline.emptyBody')}
          action={
            <Button component={Link} to="/opportunities/new" leftSection={<IconPlus size={16} />}>
              {t('opportunities.new')}
            </Button>
          }
        />
      ) : (
        <BoardView columns={columns} onMove={mover.request} />
      )}
      {mover.modal}
    </>
  );
}

function BoardSkeleton() {
  return (
    <div className="procura-board" aria-busy="true">
      {Array.from({ length: 6 }, (_, i) => (
        <div className="procura-column" key={i} style={{ padding: 10 }}>
          <Skeleton h={20} w="70%" mb={8} />
          <Skeleton h={14} w="40%" mb={12} />
          <Stack gap={8}>
            <Skeleton h={96} />
            <Skeleton h={96} />
          </Stack>
        </div>
      ))}
    </div>
  );
}

function BoardView({ columns, onMove }: { columns: Column[]; onMove: (r: MoveRequest) => void }) {
  const locale = useLocale();
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    // Keyboard: Space picks a card up, ← → go column by column, Space drops, Escape cancels.
    useSensor(KeyboardSensor, { keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] }, coordinateGetter: nextColumn }),
  );
  const [dragging, setDragging] = useState<OpportunitySummary | null>(null);
  const stageIndex = useMemo(() => new Map(columns.map((c, i) => [c.stage.key, i])), [columns]);
  const stageNames = useMemo(() => new Map(columns.map((c) => [c.stage.key, textOf(c.stage.name, locale, c.stage.key)])), [columns, locale]);

  const move = (o: OpportunitySummary, toStage: string) => {
    onMove({
      id: o.id,
      accountId: o.accountId,
      title: o.title,
      fromIndex: stageIndex.get(o.stage) ?? -1,
      toIndex: stageIndex.get(toStage) ?? -1,
      toStage,
      toStageName: stageNames.get(toStage) ?? toStage,
    });
  };

  const onDragStart = (e: DragStartEvent) => setDragging((e.active.data.current as { opp: OpportunitySummary }).opp);
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    const opp = (e.active.data.current as { opp: OpportunitySummary } | undefined)?.opp;
    const to = e.over?.id;
    if (!opp || typeof to !== 'string' || to === opp.stage) return;
    move(opp, to);
  };

  const stages = columns.map((c) => ({ key: c.stage.key, name: stageNames.get(c.stage.key) ?? c.stage.key }));

  // What a screen reader hears while a card moves, in the UI language.
  const titleOf = (active: { data: { current?: unknown } }) => (active.data.current as { opp?: OpportunitySummary } | undefined)?.opp?.title ?? '';
  const stageOf = (id: unknown) => stageNames.get(String(id)) ?? String(id);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('pipeline.dnd.picked', { title: titleOf(active), stage: stageOf((active.data.current as { opp: OpportunitySummary }).opp.stage) }),
    onDragOver: ({ active, over }) => (over ? t('pipeline.dnd.over', { title: titleOf(active), stage: stageOf(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('pipeline.dnd.dropped', { title: titleOf(active), stage: stageOf(over.id) }) : t('pipeline.dnd.cancelled', { title: titleOf(active) })),
    onDragCancel: ({ active }) => t('pipeline.dnd.cancelled', { title: titleOf(active) }),
  };

  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('pipeline.dnd.instructions') } }}
    >
      <div className="procura-board" data-testid="board">
        {columns.map((c) => (
          <BoardColumn key={c.stage.key} column={c} name={stageNames.get(c.stage.key) ?? c.stage.key} stages={stages} stageNames={stageNames} onMove={move} />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging ? <CardBody opp={dragging} stageNames={stageNames} overlay /> : null}
      </DragOverlay>
    </DndContext>
  );
}

function BoardColumn({
  column,
  name,
  stages,
  stageNames,
  onMove,
}: {
  column: Column;
  name: string;
  stages: Array<{ key: string; name: string }>;
  stageNames: Map<string, string>;
  onMove: (o: OpportunitySummary, to: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { setNodeRef, isOver } = useDroppable({ id: column.stage.key });
  const currency = column.items[0]?.currency ?? 'CNY';
  const headingId = `col-${column.stage.key}`;
  return (
    <section ref={setNodeRef} className="procura-column" data-over={isOver} data-stage={column.stage.key} aria-labelledby={headingId}>
      <Box px={12} pt={10} pb={8}>
        <Group justify="space-between" wrap="nowrap" gap={6}>
          <Text id={headingId} fw={650} size="sm" lineClamp={1} title={name}>
            {name}
          </Text>
          <Badge size="sm" variant="white" color="gray" radius="xl" aria-label={t('pipeline.columnSummary', { count: column.count, value: f.money(column.totalValue, currency) })}>
            {column.count}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" fw={500}>
          {f.money(column.totalValue, currency)}
        </Text>
      </Box>
      <div className="procura-column-body">
        {column.items.length === 0 ? (
          <Paper p="sm" radius="md" style={{ border: '1px dashed var(--mantine-color-gray-4)', background: 'transparent' }}>
            <Text size="xs" c="dimmed" ta="center">
              {t('pipeline.emptyColumn')}
            </Text>
          </Paper>
        ) : (
          column.items.map((o) => <BoardCard key={o.id} opp={o} stages={stages} stageNames={stageNames} onMove={onMove} />)
        )}
        {column.count > column.items.length ? (
          <Button component={Link} to={`/opportunities?stage=${column.stage.key}`} size="xs" variant="subtle">
            {t('pipeline.more', { count: column.count - column.items.length })}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

function BoardCard({
  opp,
  stages,
  stageNames,
  onMove,
}: {
  opp: OpportunitySummary;
  stages: Array<{ key: string; name: string }>;
  stageNames: Map<string, string>;
  onMove: (o: OpportunitySummary, to: string) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: opp.id, data: { opp } });
  return (
    <div
      ref={setNodeRef}
      className="procura-card"
      data-dragging={isDragging}
      data-testid="board-card"
      data-opportunity={opp.id}
      {...listeners}
      {...attributes}
      aria-roledescription={t('pipeline.cardRole')}
      aria-label={opp.title}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('button,a,[role="menu"]')) return;
        navigate(`/opportunities/${opp.id}`);
      }}
      onKeyDown={(e) => {
        listeners?.onKeyDown?.(e);
        // Enter opens the opportunity unless it is being moved (then Enter drops it).
        if (e.key === 'Enter' && !isDragging && e.target === e.currentTarget) navigate(`/opportunities/${opp.id}`);
      }}
    >
      <CardBody
        opp={opp}
        stageNames={stageNames}
        menu={
          <Menu position="bottom-end" withinPortal shadow="md" width={220}>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('pipeline.moveCard', { title: opp.title })}
                onPointerDown={(e) => e.stopPropagation()}
                onKeyDown={(e) => e.stopPropagation()}
              >
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('pipeline.moveTo')}</Menu.Label>
              {stages.map((s) => (
                <Menu.Item
                  key={s.key}
                  disabled={s.key === opp.stage}
                  leftSection={s.key === opp.stage ? <IconCheck size={14} /> : <IconArrowsMove size={14} />}
                  onClick={() => onMove(opp, s.key)}
                >
                  {s.name}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        }
      />
    </div>
  );
}

function CardBody({ opp, stageNames, menu, overlay }: { opp: OpportunitySummary; stageNames: Map<string, string>; menu?: React.ReactNode; overlay?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const inferredName = stageNames.get(opp.stageInferred) ?? opp.stageInferred;
  return (
    <Box className={overlay ? 'procura-card procura-card-overlay' : undefined} w={overlay ? 256 : undefined}>
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <Text size="xs" c="dimmed" fw={500} lineClamp={1}>
          {opp.accountName}
        </Text>
        {menu}
      </Group>
      <Text
        component={Link}
        to={`/opportunities/${opp.id}`}
        fw={600}
        size="sm"
        lineClamp={2}
        className="procura-link"
        onPointerDown={(e: React.PointerEvent) => e.stopPropagation()}
        mt={2}
        style={{ display: '-webkit-box' }}
      >
        {opp.title}
      </Text>
      <Group justify="space-between" mt={6} wrap="nowrap">
        <Text size="sm" fw={600} c="dark.6">
          {f.money(opp.value, opp.currency)}
        </Text>
        <Tooltip label={t('pipeline.daysInStage', { count: opp.daysInStage })}>
          <Text size="xs" c={opp.daysInStage > 60 ? 'orange.8' : 'dimmed'} aria-label={t('pipeline.daysInStage', { count: opp.daysInStage })}>
            {t('common.daysShort', { count: opp.daysInStage })}
          </Text>
        </Tooltip>
      </Group>
      {opp.stageMismatch ? (
        <Tooltip label={t('pipeline.mismatch', { stage: inferredName })}>
          <Badge
            mt={6}
            size="sm"
            variant="light"
            color="violet"
            leftSection={<IconGitCompare size={11} aria-hidden />}
            style={{ textTransform: 'none', maxWidth: '100%' }}
            data-testid="stage-mismatch"
          >
            {t('pipeline.mismatchShort', { stage: inferredName })}
          </Badge>
        </Tooltip>
      ) : null}
      {opp.riskCodes.length ? (
        <Group gap={4} mt={6}>
          {opp.riskCodes.slice(0, 3).map((c) => (
            <RiskBadge key={c} code={c} size="xs" />
          ))}
          {opp.riskCodes.length > 3 ? (
            <Badge size="xs" variant="default">
              +{opp.riskCodes.length - 3}
            </Badge>
          ) : null}
        </Group>
      ) : null}
      <Text size="xs" c="dimmed" mt={6} lineClamp={1}>
        {opp.ownerName}
      </Text>
    </Box>
  );
}

/**
 * Arrow keys move a picked-up card a whole column left or right (and not by a
 * few pixels, the keyboard sensor's default): to the middle of the neighbouring
 * column, at the card's height.
 */
const nextColumn: KeyboardCoordinateGetter = (event, { context: { collisionRect, droppableRects } }) => {
  if (!collisionRect || (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft')) return undefined;
  event.preventDefault();
  const centre = collisionRect.left + collisionRect.width / 2;
  const rects = [...droppableRects.values()].sort((a, b) => a.left - b.left);
  const target = event.code === 'ArrowRight' ? rects.find((r) => r.left > centre) : [...rects].reverse().find((r) => r.left + r.width < centre);
  if (!target) return undefined;
  return { x: target.left + target.width / 2 - collisionRect.width / 2, y: collisionRect.top };
};
