// My evaluations (我的评标): the signed-in user's seats on evaluation committees,
// in every buyer that appointed them or drew them from its expert pool, with
// what each asks of them now (declare, screen, score, sign).
import { Anchor, Table, Text } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMyEvaluations } from '../../api/evaluation';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView, Loaded } from '../../components/states';
import { rowLink, TableCard } from '../../components/TableCard';
import { PhaseBadge, RoleBadges, toDo, ToDoBadge } from './shared';

export default function MyEvaluationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useMyEvaluations();
  return (
    <>
      <PageHeader title={t('evaluation.mine.title')} subtitle={t('evaluation.mine.subtitle')} />
      <Loaded
        query={list}
        empty={(d) => (d.items.length ? null : <EmptyView icon={<IconScale size={28} stroke={1.5} />} title={t('evaluation.mine.empty')} description={t('evaluation.mine.emptyBody')} />)}
      >
        {(d) => (
          <TableCard
            minWidth={900}
            head={[
              { label: t('evaluation.mine.number') },
              { label: t('evaluation.mine.tender') },
              { label: t('evaluation.mine.buyer') },
              { label: t('evaluation.mine.role') },
              { label: t('evaluation.mine.phase') },
              { label: t('evaluation.mine.todo') },
            ]}
          >
            {d.items.map((x) => (
              <Table.Tr key={x.tenderId} className="procura-row-link" onClick={rowLink(() => navigate(`/evaluations/${x.tenderId}`))} data-testid="my-evaluation">
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {x.number}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/evaluations/${x.tenderId}`} fw={600} size="sm" c="dark.8">
                    {x.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{x.buyerName}</Text>
                </Table.Td>
                <Table.Td>
                  <RoleBadges kind={x.kind} chair={x.chair} />
                </Table.Td>
                <Table.Td>
                  <PhaseBadge phase={x.phase} />
                </Table.Td>
                <Table.Td>
                  <ToDoBadge todo={toDo(x, x.phase)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </TableCard>
        )}
      </Loaded>
    </>
  );
}
