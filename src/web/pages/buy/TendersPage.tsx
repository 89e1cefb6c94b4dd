// The buyer's tenders: drafts, those taking bids, closed, opened, failed.
import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { IconGavel, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useTenders } from '../../api/buy';
import { TenderStatusBadge } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView, ErrorView, ListSkeleton } from '../../components/states';
import { useBuyLabels } from '../../lib/buyLabels';
import { useFormat } from '../../lib/useFormat';

export default function TendersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const l = useBuyLabels();
  const navigate = useNavigate();
  const list = useTenders();
  const items = list.data?.items ?? [];
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} component={Link} to="/buy/tenders/new">
      {t('buy.tenders.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('buy.tenders.title')} subtitle={t('buy.tenders.subtitle')} actions={newButton} />
      {list.error ? (
        <ErrorView error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <ListSkeleton rows={6} />
      ) : items.length === 0 ? (
        <EmptyView icon={<IconGavel size={28} stroke={1.5} />} title={t('buy.tenders.empty')} description={t('buy.tenders.emptyBody')} action={newButton} />
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }} bg="white">
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('buy.tenders.number')}</Table.Th>
                  <Table.Th>{t('buy.tenders.tenderTitle')}</Table.Th>
                  <Table.Th>{t('buy.tenders.regimeMethod')}</Table.Th>
                  <Table.Th ta="right">{t('buy.tenders.estimatedValue')}</Table.Th>
                  <Table.Th>{t('buy.tenders.status')}</Table.Th>
                  <Table.Th>{t('buy.tenders.deadline')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((x) => (
                  <Table.Tr key={x.id} className="procura-row-link" onClick={(e) => !(e.target as HTMLElement).closest('a') && navigate(`/buy/tenders/${x.id}`)}>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {x.number}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/buy/tenders/${x.id}`} fw={600} size="sm" c="dark.8">
                        {x.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {l.regime(x.regime)} · {l.method(x.method)} · {l.category(x.category)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{f.money(Number(x.estimatedValue), x.currency)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <TenderStatusBadge status={x.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.dateTime(x.deadline)}</Text>
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
