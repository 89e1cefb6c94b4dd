// The buyer's tenders: drafts, those taking bids, closed, opened, failed.
import { Anchor, Button, Table, Text } from '@mantine/core';
import { IconGavel, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useTenders } from '../../api/buy';
import { TenderStatusBadge } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView, Loaded } from '../../components/states';
import { rowLink, TableCard } from '../../components/TableCard';
import { useBuyLabels } from '../../lib/buyLabels';
import { useFormat } from '../../lib/useFormat';

export default function TendersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const l = useBuyLabels();
  const navigate = useNavigate();
  const list = useTenders();
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} component={Link} to="/buy/tenders/new">
      {t('buy.tenders.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('buy.tenders.title')} subtitle={t('buy.tenders.subtitle')} actions={newButton} />
      <Loaded query={list} empty={(d) => (d.items.length ? null : <EmptyView icon={<IconGavel size={28} stroke={1.5} />} title={t('buy.tenders.empty')} description={t('buy.tenders.emptyBody')} action={newButton} />)}>
        {(d) => (
          <TableCard
            minWidth={900}
            head={[{ label: t('buy.tenders.number') }, { label: t('buy.tenders.tenderTitle') }, { label: t('buy.tenders.regimeMethod') }, { label: t('buy.tenders.estimatedValue'), right: true }, { label: t('buy.tenders.status') }, { label: t('buy.tenders.deadline') }]}
          >
            {d.items.map((x) => (
              <Table.Tr key={x.id} className="procura-row-link" onClick={rowLink(() => navigate(`/buy/tenders/${x.id}`))}>
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
          </TableCard>
        )}
      </Loaded>
    </>
  );
}
