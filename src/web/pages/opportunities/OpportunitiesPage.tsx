// Opportunities as a table: search, filters, sortable columns, "load more".
import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconFilterOff, IconGitCompare, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMembers, useOpportunityList, type OpportunityListFilters } from '../../api/queries';
import { PageHeader } from '../../components/PageHeader';
import { OutcomeBadge, RiskBadge, riskOptions, useStageNames } from '../../components/domain';
import { EmptyView, ErrorView, ListSkeleton } from '../../components/states';
import { useLocale } from '../../i18n';
import { useLabels } from '../../lib/labels';
import { useFormat } from '../../lib/useFormat';

type SortKey = NonNullable<OpportunityListFilters['sort']>;

export default function OpportunitiesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const f = useFormat();
  const navigate = useNavigate();
  const names = useStageNames();
  const members = useMembers();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 300);

  const set = (k: string, v: string | null | undefined) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (!v) n.delete(k);
        else n.set(k, v);
        return n;
      },
      { replace: true },
    );

  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) set('q', debounced);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const sort = (params.get('sort') as SortKey | null) ?? 'updatedAt';
  const order = (params.get('order') as 'asc' | 'desc' | null) ?? 'desc';
  const filters: OpportunityListFilters = {
    q: params.get('q') || undefined,
    outcome: params.get('outcome') ?? 'open',
    ownerId: params.get('owner') || undefined,
    industry: params.get('industry') || undefined,
    risk: params.get('risk') || undefined,
    stage: params.get('stage') || undefined,
    accountId: params.get('account') || undefined,
    sort,
    order,
  };
  if (filters.outcome === 'all') delete filters.outcome;
  const list = useOpportunityList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const anyFilter = ['q', 'owner', 'industry', 'risk', 'stage', 'account'].some((k) => params.get(k)) || (params.get('outcome') ?? 'open') !== 'open';

  const toggleSort = (k: SortKey) => {
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (sort === k) n.set('order', order === 'asc' ? 'desc' : 'asc');
        else {
          n.set('sort', k);
          n.set('order', k === 'title' || k === 'expectedDecisionDate' ? 'asc' : 'desc');
        }
        return n;
      },
      { replace: true },
    );
  };

  const SortHeader = ({ k, children, align }: { k: SortKey; children: string; align?: 'right' }) => {
    const activeSort = sort === k;
    const Icon = !activeSort ? IconArrowsSort : order === 'asc' ? IconArrowUp : IconArrowDown;
    return (
      <Table.Th aria-sort={activeSort ? (order === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ textAlign: align }}>
        <UnstyledButton onClick={() => toggleSort(k)} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600, fontSize: 13 }}>
          {children}
          <Icon size={13} color={activeSort ? 'var(--mantine-color-brand-6)' : 'var(--mantine-color-gray-5)'} aria-hidden />
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <>
      <PageHeader
        title={t('opportunities.title')}
        actions={
          <Button component={Link} to="/opportunities/new" leftSection={<IconPlus size={16} />}>
            {t('opportunities.new')}
          </Button>
        }
      />
      <Group gap="xs" mb="md" align="flex-end" wrap="wrap">
        <TextInput
          size="xs"
          w={260}
          label={t('common.search')}
          placeholder={t('opportunities.searchPlaceholder')}
          leftSection={<IconSearch size={14} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select
          size="xs"
          w={170}
          label={t('opportunities.outcomeFilter')}
          data={[{ value: 'all', label: t('common.all') }, ...labels.options.outcome]}
          value={params.get('outcome') ?? 'open'}
          onChange={(v) => set('outcome', v === 'open' ? null : v)}
          allowDeselect={false}
        />
        <Select
          size="xs"
          w={170}
          label={t('pipeline.owner')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))}
          value={params.get('owner')}
          onChange={(v) => set('owner', v)}
        />
        <Select size="xs" w={150} label={t('pipeline.industry')} placeholder={t('common.all')} clearable data={labels.options.industry} value={params.get('industry')} onChange={(v) => set('industry', v)} />
        <Select size="xs" w={180} label={t('pipeline.risk')} placeholder={t('common.all')} clearable data={riskOptions(locale)} value={params.get('risk')} onChange={(v) => set('risk', v)} />
        {params.get('stage') ? (
          <Badge size="lg" variant="light" rightSection={<IconFilterOff size={12} />} style={{ cursor: 'pointer', textTransform: 'none' }} onClick={() => set('stage', null)}>
            {names.stageName('', params.get('stage'))}
          </Badge>
        ) : null}
        {anyFilter ? (
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            leftSection={<IconFilterOff size={14} />}
            onClick={() => {
              setSearch('');
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Group>

      {list.error ? (
        <ErrorView error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Paper withBorder p="md">
          <ListSkeleton rows={8} />
        </Paper>
      ) : items.length === 0 ? (
        anyFilter ? (
          <EmptyView title={t('opportunities.noMatch')} action={<Button variant="default" onClick={() => setParams(new URLSearchParams())}>{t('common.clearFilters')}</Button>} />
        ) : (
          <EmptyView
            title={t('opportunities.emptyTitle')}
            description={t('opportunities.emptyBody')}
            action={
              <Button component={Link} to="/opportunities/new" leftSection={<IconPlus size={16} />}>
                {t('opportunities.new')}
              </Button>
            }
          />
        )
      ) : (
        <Stack gap="sm">
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }} bg="white">
            <Table.ScrollContainer minWidth={980}>
              <Table verticalSpacing="sm" highlightOnHover={false} stickyHeader>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <SortHeader k="title">{t('opportunities.col.title')}</SortHeader>
                    <Table.Th>{t('opportunities.col.stage')}</Table.Th>
                    <SortHeader k="value" align="right">
                      {t('opportunities.col.value')}
                    </SortHeader>
                    <SortHeader k="stageEnteredAt">{t('opportunities.col.inStage')}</SortHeader>
                    <SortHeader k="expectedDecisionDate">{t('opportunities.col.decision')}</SortHeader>
                    <Table.Th>{t('opportunities.col.risks')}</Table.Th>
                    <Table.Th>{t('opportunities.col.owner')}</Table.Th>
                    <SortHeader k="updatedAt">{t('opportunities.col.updated')}</SortHeader>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((o) => (
                    <Table.Tr key={o.id} className="procura-row-link" onClick={(e) => !(e.target as HTMLElement).closest('a') && navigate(`/opportunities/${o.id}`)}>
                      <Table.Td maw={320}>
                        <Anchor component={Link} to={`/opportunities/${o.id}`} fw={600} size="sm" c="dark.8" lineClamp={1}>
                          {o.title}
                        </Anchor>
                        <Group gap={6} wrap="nowrap">
                          <Anchor component={Link} to={`/accounts/${o.accountId}`} size="xs" c="dimmed" lineClamp={1}>
                            {o.accountName}
                          </Anchor>
                          {o.outcome !== 'open' ? <OutcomeBadge outcome={o.outcome} size="xs" /> : null}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Text size="sm">{names.stageName(o.processModel, o.stage)}</Text>
                          {o.stageMismatch ? (
                            <Tooltip label={t('pipeline.mismatch', { stage: names.stageName(o.processModel, o.stageInferred) })}>
                              <IconGitCompare size={14} color="var(--mantine-color-violet-6)" aria-label={t('pipeline.mismatch', { stage: names.stageName(o.processModel, o.stageInferred) })} />
                            </Tooltip>
                          ) : null}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {names.modelName(o.processModel)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {f.money(o.value, o.currency)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={o.daysInStage > 60 ? 'orange.8' : undefined}>
                          {t('common.days', { count: o.daysInStage })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {f.date(o.expectedDecisionDate)}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={240}>
                        <Group gap={4}>
                          {o.riskCodes.length === 0 ? (
                            <Text size="xs" c="dimmed">
                              —
                            </Text>
                          ) : (
                            o.riskCodes.map((c) => <RiskBadge key={c} code={c} size="xs" />)
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={1}>
                          {o.ownerName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label={f.dateTime(o.updatedAt)}>
                          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {f.relative(o.updatedAt)}
                          </Text>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('opportunities.showing', { count: items.length })}
            </Text>
            {list.hasNextPage ? (
              <Button variant="default" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      )}
    </>
  );
}
