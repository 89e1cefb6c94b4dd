// The supplier portal's tenders: those inviting this organization and the open
// ones on Procura, with its own bid's state. Who else was invited or bid is
// never shown.
import { Anchor, Badge, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconGavel, IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMarket } from '../../api/buy';
import { TenderStatusBadge } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView, Loaded } from '../../components/states';
import { rowLink, TableCard } from '../../components/TableCard';
import { useBuyLabels } from '../../lib/buyLabels';
import { useFormat } from '../../lib/useFormat';

export default function MarketPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const l = useBuyLabels();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as 'all' | 'invited' | 'bid') || 'all';
  const list = useMarket({ view });
  return (
    <>
      <PageHeader title={t('buy.market.title')} subtitle={t('buy.market.subtitle')} />
      <SegmentedControl
        mb="md"
        value={view}
        onChange={(v) => setParams({ view: v }, { replace: true })}
        data={[
          { value: 'all', label: t('buy.market.all') },
          { value: 'invited', label: t('buy.market.invited') },
          { value: 'bid', label: t('buy.market.myBids') },
        ]}
      />
      <Loaded query={list} empty={(d) => (d.items.length ? null : <EmptyView icon={<IconGavel size={28} stroke={1.5} />} title={t('buy.market.empty')} description={t('buy.market.emptyBody')} />)}>
        {(d) => (
          <TableCard minWidth={900} head={[{ label: t('buy.tenders.tenderTitle') }, { label: t('buy.tenders.buyer') }, { label: t('buy.tenders.regimeMethod') }, { label: t('buy.tenders.status') }, { label: t('buy.tenders.deadline') }, { label: t('buy.market.myBid') }]}>
                {d.items.map((x) => (
                  <Table.Tr key={x.id} className="procura-row-link" onClick={rowLink(() => navigate(`/supplier/tenders/${x.id}`))}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {x.invited ? <IconMail size={14} color="var(--mantine-color-blue-6)" aria-label={t('buy.market.invitedAria')} /> : null}
                        <Anchor component={Link} to={`/supplier/tenders/${x.id}`} fw={600} size="sm" c="dark.8">
                          {x.title}
                        </Anchor>
                      </Group>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {x.number}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{x.buyerName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {l.method(x.method)} · {l.category(x.category)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <TenderStatusBadge status={x.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.dateTime(x.deadline)}</Text>
                      <Text size="xs" c="dimmed">
                        {f.relative(x.deadline)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{x.myBid === 'none' ? <Text size="sm" c="dimmed">—</Text> : <Badge color={x.myBid === 'active' ? 'teal' : 'gray'} variant="light">{t(`buy.market.bid.${x.myBid}` as never)}</Badge>}</Table.Td>
                  </Table.Tr>
                ))}
          </TableCard>
        )}
      </Loaded>
    </>
  );
}
