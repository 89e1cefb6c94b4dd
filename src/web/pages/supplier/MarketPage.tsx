// The supplier portal's tenders: those inviting this organization and the open
// ones on Procura, with its own bid's state. Who else was invited or bid is
// never shown.
import { Anchor, Badge, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { IconGavel, IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMarket } from '../../api/buy';
import { TenderStatusBadge } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView, ErrorView, ListSkeleton } from '../../components/states';
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
  const items = list.data?.items ?? [];
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
      {list.error ? (
        <ErrorView error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <ListSkeleton rows={6} />
      ) : items.length === 0 ? (
        <EmptyView icon={<IconGavel size={28} stroke={1.5} />} title={t('buy.market.empty')} description={t('buy.market.emptyBody')} />
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }} bg="white">
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('buy.tenders.tenderTitle')}</Table.Th>
                  <Table.Th>{t('buy.tenders.buyer')}</Table.Th>
                  <Table.Th>{t('buy.tenders.regimeMethod')}</Table.Th>
                  <Table.Th>{t('buy.tenders.status')}</Table.Th>
                  <Table.Th>{t('buy.tenders.deadline')}</Table.Th>
                  <Table.Th>{t('buy.market.myBid')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((x) => (
                  <Table.Tr key={x.id} className="procura-row-link" onClick={(e) => !(e.target as HTMLElement).closest('a') && navigate(`/supplier/tenders/${x.id}`)}>
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
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
