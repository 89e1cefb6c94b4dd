// Requisitions (采购申请): the approval inbox first, then one's own, then all.
import { Anchor, Badge, Button, Group, Paper, Table, Tabs, Text } from '@mantine/core';
import { IconFileInvoice, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useRequisitions } from '../../api/buy';
import { Amount, RequisitionStatusBadge } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView, ErrorView, ListSkeleton } from '../../components/states';
import { useFormat } from '../../lib/useFormat';

type View = 'inbox' | 'mine' | 'all';

export default function RequisitionsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View) || 'inbox';
  const list = useRequisitions({ view });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} component={Link} to="/buy/requisitions/new">
      {t('buy.requisitions.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('buy.requisitions.title')} subtitle={t('buy.requisitions.subtitle')} actions={newButton} />
      <Tabs value={view} onChange={(v) => setParams({ view: v ?? 'inbox' }, { replace: true })} mb="md">
        <Tabs.List>
          <Tabs.Tab value="inbox">{t('buy.requisitions.inbox')}</Tabs.Tab>
          <Tabs.Tab value="mine">{t('buy.requisitions.mine')}</Tabs.Tab>
          <Tabs.Tab value="all">{t('common.all')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {list.error ? (
        <ErrorView error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Paper withBorder p="md">
          <ListSkeleton rows={6} />
        </Paper>
      ) : items.length === 0 ? (
        <EmptyView icon={<IconFileInvoice size={28} stroke={1.5} />} title={t(view === 'inbox' ? 'buy.requisitions.emptyInbox' : 'buy.requisitions.empty')} description={t('buy.requisitions.emptyBody')} action={view === 'inbox' ? undefined : newButton} />
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }} bg="white">
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('buy.requisitions.col.number')}</Table.Th>
                  <Table.Th>{t('buy.requisitions.col.title')}</Table.Th>
                  <Table.Th>{t('buy.requisitions.col.department')}</Table.Th>
                  <Table.Th>{t('buy.requisitions.col.requester')}</Table.Th>
                  <Table.Th ta="right">{t('buy.requisitions.col.total')}</Table.Th>
                  <Table.Th>{t('buy.requisitions.col.status')}</Table.Th>
                  <Table.Th>{t('buy.requisitions.col.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id} className="procura-row-link" onClick={(e) => !(e.target as HTMLElement).closest('a') && navigate(`/buy/requisitions/${r.id}`)}>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {r.number}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/buy/requisitions/${r.id}`} fw={600} size="sm" c="dark.8">
                        {r.title}
                      </Anchor>
                      {r.awaitingMe ? (
                        <Badge ml="xs" size="xs" color="orange" variant="filled">
                          {t('buy.requisitions.awaitingMe')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.department}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.requesterName}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount value={r.total} currency={r.currency} fw={600} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <RequisitionStatusBadge status={r.status} />
                        {r.waitingStep ? (
                          <Text size="xs" c="dimmed">
                            {t('buy.requisitions.waitingFor', { step: r.waitingStep })}
                          </Text>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {f.relative(r.updatedAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
