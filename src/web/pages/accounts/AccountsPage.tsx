// Accounts: the customer organizations whose procurement you follow.
import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconBuilding, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAccountList, type AccountListFilters } from '../../api/queries';
import { AccountFormModal } from '../../components/AccountForm';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView, ErrorView, ListSkeleton } from '../../components/states';
import { useLabels } from '../../lib/labels';
import { useFormat } from '../../lib/useFormat';

export default function AccountsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  const [createOpen, createCtl] = useDisclosure(false);

  useEffect(() => {
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (debounced) n.set('q', debounced);
        else n.delete('q');
        return n;
      },
      { replace: true },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const sortValue = params.get('sort') ?? 'name';
  const filters: AccountListFilters = {
    q: params.get('q') || undefined,
    industry: params.get('industry') || undefined,
    sort: (sortValue as AccountListFilters['sort']) ?? 'name',
    order: sortValue === 'name' ? 'asc' : 'desc',
  };
  const list = useAccountList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const anyFilter = !!(params.get('q') || params.get('industry'));

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={createCtl.open}>
      {t('accounts.new')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('accounts.title')} actions={newButton} />
      <Group gap="xs" mb="md" align="flex-end">
        <TextInput size="xs" w={260} label={t('common.search')} placeholder={t('accounts.searchPlaceholder')} leftSection={<IconSearch size={14} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select
          size="xs"
          w={170}
          label={t('pipeline.industry')}
          placeholder={t('common.all')}
          clearable
          data={labels.options.industry}
          value={params.get('industry')}
          onChange={(v) =>
            setParams(
              (p) => {
                const n = new URLSearchParams(p);
                if (v) n.set('industry', v);
                else n.delete('industry');
                return n;
              },
              { replace: true },
            )
          }
        />
        <Select
          size="xs"
          w={170}
          label={t('opportunities.sortBy')}
          data={[
            { value: 'name', label: t('accounts.col.name') },
            { value: 'updatedAt', label: t('opportunities.sort.updatedAt') },
            { value: 'createdAt', label: t('accounts.sortCreated') },
          ]}
          value={sortValue}
          allowDeselect={false}
          onChange={(v) =>
            setParams(
              (p) => {
                const n = new URLSearchParams(p);
                if (v && v !== 'name') n.set('sort', v);
                else n.delete('sort');
                return n;
              },
              { replace: true },
            )
          }
        />
      </Group>
      {list.error ? (
        <ErrorView error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Paper withBorder p="md">
          <ListSkeleton rows={8} />
        </Paper>
      ) : items.length === 0 ? (
        anyFilter ? (
          <EmptyView title={t('accounts.noMatch')} />
        ) : (
          <EmptyView icon={<IconBuilding size={28} stroke={1.5} />} title={t('accounts.emptyTitle')} description={t('accounts.emptyBody')} action={newButton} />
        )
      ) : (
        <Stack gap="sm">
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }} bg="white">
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm">
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th>{t('accounts.col.name')}</Table.Th>
                    <Table.Th>{t('accounts.col.industry')}</Table.Th>
                    <Table.Th>{t('accounts.col.size')}</Table.Th>
                    <Table.Th>{t('accounts.col.region')}</Table.Th>
                    <Table.Th ta="right">{t('accounts.col.openOpportunities')}</Table.Th>
                    <Table.Th ta="right">{t('accounts.col.contacts')}</Table.Th>
                    <Table.Th>{t('accounts.col.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((a) => (
                    <Table.Tr key={a.id} className="procura-row-link" onClick={(e) => !(e.target as HTMLElement).closest('a') && navigate(`/accounts/${a.id}`)}>
                      <Table.Td>
                        <Anchor component={Link} to={`/accounts/${a.id}`} fw={600} size="sm" c="dark.8">
                          {a.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                          {labels.industry(a.industry)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{a.size ? labels.size(a.size) : '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{a.region || '—'}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" fw={600}>
                          {a.openOpportunities}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm">{a.contacts}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label={f.dateTime(a.updatedAt)}>
                          <Text size="sm" c="dimmed">
                            {f.relative(a.updatedAt)}
                          </Text>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {list.hasNextPage ? (
            <Group justify="flex-end">
              <Button variant="default" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      )}
      <AccountFormModal opened={createOpen} onClose={createCtl.close} onSaved={(a) => navigate(`/accounts/${a.id}`)} />
    </>
  );
}
