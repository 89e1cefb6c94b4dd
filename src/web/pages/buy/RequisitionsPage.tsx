// Requisitions (采购申请): the approval inbox first, then one's own, then all.
import { Anchor, Badge, Button, Group, Table, Tabs, Text } from '@mantine/core';
import { IconFileInvoice, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useRequisitions } from '../../api/buy';
import { Amount, RequisitionStatusBadge } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView, Loaded } from '../../components/states';
import { rowLink, TableCard } from '../../components/TableCard';
import { useFormat } from '../../lib/useFormat';

type View = 'inbox' | 'mine' | 'all';

export default function RequisitionsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View) || 'inbox';
  const list = useRequisitions({ view });
  const pages = { ...list, data: list.data ? list.data.pages.flatMap((p) => p.items) : undefined };
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
      <Loaded
        query={pages}
        empty={(items) => (items.length ? null : <EmptyView icon={<IconFileInvoice size={28} stroke={1.5} />} title={t(view === 'inbox' ? 'buy.requisitions.emptyInbox' : 'buy.requisitions.empty')} description={t('buy.requisitions.emptyBody')} action={view === 'inbox' ? undefined : newButton} />)}
      >
        {(items) => (
          <TableCard
            minWidth={820}
            head={[{ label: t('buy.requisitions.col.number') }, { label: t('buy.requisitions.col.title') }, { label: t('buy.requisitions.col.department') }, { label: t('buy.requisitions.col.requester') }, { label: t('buy.requisitions.col.total'), right: true }, { label: t('buy.requisitions.col.status') }, { label: t('buy.requisitions.col.updated') }]}
          >
                {items.map((r) => (
                  <Table.Tr key={r.id} className="procura-row-link" onClick={rowLink(() => navigate(`/buy/requisitions/${r.id}`))}>
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
          </TableCard>
        )}
      </Loaded>
    </>
  );
}
