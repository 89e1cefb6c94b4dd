// The cards of the opportunity page: buying center, risks, next actions, key
// facts, competitors.
import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import {
  IconAlertTriangle,
  IconBulb,
  IconCheck,
  IconPencil,
  IconPlus,
  IconShieldCheck,
  IconStarFilled,
  IconTrash,
  IconUserPlus,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call, newIdempotencyKey } from '../../api/http';
import { invalidateOpportunity, useCompetitors, useTasks, type Contact, type OpportunityDetail, type Task } from '../../api/queries';
import { AttitudeBadge, RiskIcon } from '../../components/domain';
import { EmptyText, ErrorView, ListSkeleton } from '../../components/states';
import { useLocale } from '../../i18n';
import { ATTITUDES, BUYING_ROLES, FACT_KINDS, useLabels, type CompetitorPositionKey, type FactKind } from '../../lib/labels';
import { applyFieldErrors, notifyError, notifySuccess } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';
import { ATTITUDE_COLORS, SEVERITY_COLORS } from '../../theme';

function CardTitle({ children, right, id }: { children: React.ReactNode; right?: React.ReactNode; id?: string }) {
  return (
    <Group justify="space-between" mb="sm" wrap="nowrap">
      <Text fw={650} id={id} component="h2" size="md" m={0}>
        {children}
      </Text>
      {right}
    </Group>
  );
}

// ---------------------------------------------------------------------------
// Buying center: roles × attitude

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
                                  {t('opportunity.buyingCenter.interactions', { count: m.interactions })}
                                  {m.lastContactAt ? ` · ${f.relative(m.lastContactAt)}` : ''}
                                </Text>
                              </Stack>
                            }
                          >
                            <Paper px={6} py={3} radius="sm" withBorder bg="white" style={{ borderColor: `var(--mantine-color-${ATTITUDE_COLORS[a]}-3)` }} tabIndex={0}>
                              <Group gap={4} wrap="nowrap">
                                {m.isCoach ? <IconStarFilled size={11} color="var(--mantine-color-grape-6)" aria-label={labels.coach} /> : null}
                                <Text size="xs" fw={600} lineClamp={1}>
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
    </Card>
  );
}

// ---------------------------------------------------------------------------
// Next actions: suggestions and open tasks

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

export function FactsCard({ opp, contacts }: { opp: OpportunityDetail; contacts: Contact[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = useFormat();
  const [editing, setEditing] = useState<FactKind | null>(null);
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  const sep = labels.locale === 'zh-CN' ? '、' : ', ';
  return (
    <Card data-testid="facts">
      <CardTitle>{t('opportunity.facts.title')}</CardTitle>
      <Stack gap="xs">
        {FACT_KINDS.map((kind) => {
          const fact = opp.facts.find((x) => x.kind === kind);
          const sources = fact?.sourceContactIds.map((id) => names.get(id) ?? '?') ?? [];
          return (
            <Group key={kind} justify="space-between" wrap="nowrap" align="flex-start" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-fact={kind}>
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Text size="xs" c="dimmed" fw={600}>
                  {labels.factKind(kind)}
                </Text>
                {fact ? (
                  <>
                    <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }}>
                      {fact.value}
                    </Text>
                    <Group gap={6}>
                      {fact.verified ? (
                        <Badge size="xs" color="teal" variant="light" leftSection={<IconShieldCheck size={10} />} style={{ textTransform: 'none' }}>
                          {t('opportunity.facts.verified')}
                        </Badge>
                      ) : (
                        <Badge size="xs" color="gray" variant="light" style={{ textTransform: 'none' }}>
                          {t('opportunity.facts.unverified')}
                        </Badge>
                      )}
                      <Text size="xs" c={sources.length < 2 && !fact.verified ? 'orange.8' : 'dimmed'}>
                        {sources.length ? `${t('opportunity.facts.sources')}${t('common.colon')}${sources.join(sep)}` : t('opportunity.stage.noSource')}
                        {sources.length === 1 && !fact.verified ? ` · ${t('opportunity.facts.singleSource')}` : ''}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {f.relative(fact.updatedAt)}
                      </Text>
                    </Group>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('opportunity.facts.notKnown')}
                  </Text>
                )}
              </Stack>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={fact ? t('opportunity.facts.edit', { kind: labels.factKind(kind) }) : t('opportunity.facts.add', { kind: labels.factKind(kind) })}
                onClick={() => setEditing(kind)}
              >
                {fact ? <IconPencil size={15} /> : <IconPlus size={15} />}
              </ActionIcon>
            </Group>
          );
        })}
      </Stack>
      <FactModal opp={opp} kind={editing} contacts={contacts} onClose={() => setEditing(null)} />
    </Card>
  );
}

function FactModal({ opp, kind, contacts, onClose }: { opp: OpportunityDetail; kind: FactKind | null; contacts: Contact[]; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const qc = useQueryClient();
  const fact = opp.facts.find((x) => x.kind === kind);
  const form = useForm({
    mode: 'controlled',
    initialValues: { value: '', sourceContactIds: [] as string[], verified: false },
    validate: { value: (v) => (v.trim() ? null : t('validation.required')) },
  });
  useEffect(() => {
    if (!kind) return;
    form.setValues({ value: fact?.value ?? '', sourceContactIds: fact?.sourceContactIds ?? [], verified: fact?.verified ?? false });
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind]);
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      call(api.PUT('/api/v1/opportunities/{id}/facts', { params: { path: { id: opp.id } }, body: { kind: kind!, value: v.value.trim(), sourceContactIds: v.sourceContactIds, verified: v.verified } })),
    onSuccess: (d) => {
      qc.setQueryData(['opportunity', opp.id], d);
      invalidateOpportunity(qc, opp.id);
      notifySuccess(t('opportunity.facts.saved'));
      onClose();
    },
    onError: (e) => {
      const { handled } = applyFieldErrors(e, form.setFieldError, t, locale);
      if (!handled) notifyError(t, e);
    },
  });
  return (
    <Modal opened={!!kind} onClose={onClose} title={kind ? labels.factKind(kind) : ''}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm">
          <Textarea label={t('opportunity.facts.value')} required autosize minRows={2} data-autofocus {...form.getInputProps('value')} />
          <MultiSelect label={t('opportunity.facts.sources')} data={contacts.map((c) => ({ value: c.id, label: c.name }))} searchable clearable {...form.getInputProps('sourceContactIds')} />
          <Switch label={t('opportunity.facts.verified')} description={t('opportunity.facts.verifiedHint')} {...form.getInputProps('verified', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------
// Competitors

type Position = OpportunityDetail['competitors'][number];

export function CompetitorsCard({ opp }: { opp: OpportunityDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Position | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (c: Position) => call(api.DELETE('/api/v1/opportunities/{id}/competitors/{competitorId}', { params: { path: { id: opp.id, competitorId: c.competitorId } } })),
    onSuccess: () => notifySuccess(t('opportunity.competitors.removed')),
    onError: (e) => notifyError(t, e),
    onSettled: () => invalidateOpportunity(qc, opp.id),
  });
  const posColor: Record<string, string> = { incumbent: 'orange', active: 'blue', shortlisted: 'cyan', preferred: 'red', eliminated: 'gray', won: 'dark' };
  return (
    <Card data-testid="competitors">
      <CardTitle
        right={
          <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            {t('opportunity.competitors.add')}
          </Button>
        }
      >
        {t('opportunity.competitors.title')}
      </CardTitle>
      {opp.competitors.length === 0 ? (
        <EmptyText>{t('opportunity.competitors.none')}</EmptyText>
      ) : (
        <Table verticalSpacing="xs" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">{t('opportunity.competitors.competitor')}</Table.Th>
              <Table.Th w="18%">{t('opportunity.competitors.position')}</Table.Th>
              <Table.Th>{t('opportunity.competitors.strengths')}</Table.Th>
              <Table.Th>{t('opportunity.competitors.weaknesses')}</Table.Th>
              <Table.Th w={72} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {opp.competitors.map((c) => (
              <Table.Tr key={c.competitorId}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {c.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={posColor[c.position] ?? 'gray'} style={{ textTransform: 'none' }}>
                    {labels.position(c.position)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={c.strengths ? undefined : 'dimmed'}>
                    {c.strengths || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={c.weaknesses ? undefined : 'dimmed'}>
                    {c.weaknesses || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" color="gray" aria-label={`${t('common.edit')}: ${c.name}`} onClick={() => setEditing(c)}>
                      <IconPencil size={14} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('common.remove')}: ${c.name}`}
                      onClick={() => window.confirm(t('opportunity.competitors.removeConfirm', { name: c.name })) && remove.mutate(c)}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CompetitorModal opp={opp} editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

function CompetitorModal({ opp, editing, onClose }: { opp: OpportunityDetail; editing: Position | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const qc = useQueryClient();
  const competitors = useCompetitors();
  const [search, setSearch] = useState('');
  const form = useForm({
    mode: 'controlled',
    initialValues: { competitorId: null as string | null, position: 'active' as CompetitorPositionKey, strengths: '', weaknesses: '' },
    validate: { competitorId: (v) => (v ? null : t('validation.required')) },
  });
  useEffect(() => {
    if (!editing) return;
    if (editing !== 'new') form.setValues({ competitorId: editing.competitorId, position: editing.position, strengths: editing.strengths ?? '', weaknesses: editing.weaknesses ?? '' });
    else form.setValues({ competitorId: null, position: 'active', strengths: '', weaknesses: '' });
    form.clearErrors();
    setSearch('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing]);
  const createCompetitor = useMutation({
    mutationFn: (name: string) => call(api.POST('/api/v1/competitors', { body: { name }, headers: { 'Idempotency-Key': newIdempotencyKey() } })),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['competitors'] });
      qc.setQueryData(['competitors'], (old: { items: unknown[] } | undefined) => (old ? { ...old, items: [...old.items, c] } : old));
      form.setFieldValue('competitorId', c.id);
    },
    onError: (e) => notifyError(t, e),
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      call(
        api.PUT('/api/v1/opportunities/{id}/competitors', {
          params: { path: { id: opp.id } },
          body: { competitorId: v.competitorId!, position: v.position, strengths: v.strengths.trim() || null, weaknesses: v.weaknesses.trim() || null },
        }),
      ),
    onSuccess: (d) => {
      qc.setQueryData(['opportunity', opp.id], d);
      invalidateOpportunity(qc, opp.id);
      notifySuccess(t('opportunity.competitors.saved'));
      onClose();
    },
    onError: (e) => {
      const { handled } = applyFieldErrors(e, form.setFieldError, t, locale);
      if (!handled) notifyError(t, e);
    },
  });
  const existing = new Set(opp.competitors.map((c) => c.competitorId));
  const options = (competitors.data?.items ?? [])
    .filter((c) => editing !== 'new' || !existing.has(c.id))
    .map((c) => ({ value: c.id, label: c.name }));
  const canCreate = search.trim() && !options.some((o) => o.label.toLowerCase() === search.trim().toLowerCase());
  return (
    <Modal opened={!!editing} onClose={onClose} title={t('opportunity.competitors.editTitle')}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm">
          <Select
            label={t('opportunity.competitors.competitor')}
            required
            searchable
            data={options}
            disabled={editing !== 'new'}
            searchValue={search}
            onSearchChange={setSearch}
            nothingFoundMessage={
              canCreate ? (
                <Anchor size="sm" component="button" type="button" onClick={() => createCompetitor.mutate(search.trim())}>
                  {t('opportunity.competitors.newCompetitor', { name: search.trim() })}
                </Anchor>
              ) : undefined
            }
            data-autofocus
            {...form.getInputProps('competitorId')}
          />
          {canCreate && options.length > 0 ? (
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => createCompetitor.mutate(search.trim())} loading={createCompetitor.isPending} w="fit-content">
              {t('opportunity.competitors.newCompetitor', { name: search.trim() })}
            </Button>
          ) : null}
          <Select label={t('opportunity.competitors.position')} data={labels.options.position} allowDeselect={false} {...form.getInputProps('position')} />
          <Textarea label={t('opportunity.competitors.strengths')} autosize minRows={2} {...form.getInputProps('strengths')} />
          <Textarea label={t('opportunity.competitors.weaknesses')} autosize minRows={2} {...form.getInputProps('weaknesses')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} leftSection={<IconCheck size={14} />}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

