// The result (中标候选人): per lot, the recommended candidates in rank order with
// their evaluated total (comprehensive scoring) and price, exact amounts in the
// UI language; a tie at the last candidate's place is pointed out.
import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EvaluationState } from '../../api/evaluation';
import { Amount } from '../../components/buy';
import { EmptyText } from '../../components/states';
import { Card } from '../../components/tender-view';

export function ResultsPanel({ s }: { s: EvaluationState }) {
  const { t } = useTranslation();
  if (!s.results) return <EmptyText>{t('evaluation.results.none')}</EmptyText>;
  const comprehensive = s.method === 'comprehensive';
  return (
    <Stack gap="md">
      {s.results.map((lot) => (
        <Card key={lot.lotKey} title={t('evaluation.results.lot', { key: lot.lotKey, name: lot.name })} right={<IconTrophy size={18} color="var(--mantine-color-yellow-7)" />}>
          {lot.tiedAtCut.length ? (
            <Alert color="orange" variant="light" mb="sm">
              {t('evaluation.results.tied')}
            </Alert>
          ) : null}
          {lot.candidates.length === 0 ? (
            <EmptyText>{t('evaluation.results.noCandidates')}</EmptyText>
          ) : (
            <Table verticalSpacing="xs" data-testid="evaluation-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>{t('evaluation.results.rank')}</Table.Th>
                  <Table.Th>{t('evaluation.results.bidder')}</Table.Th>
                  {comprehensive ? <Table.Th ta="right">{t('evaluation.results.total')}</Table.Th> : null}
                  <Table.Th ta="right">{t('evaluation.results.price')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lot.candidates.map((c) => (
                  <Table.Tr key={c.bidId}>
                    <Table.Td>
                      <Badge color={c.rank === 1 ? 'yellow' : 'gray'} variant={c.rank === 1 ? 'filled' : 'light'} style={{ textTransform: 'none' }}>
                        {t('evaluation.results.rankN', { rank: c.rank })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>
                          {c.bidder}
                        </Text>
                        {lot.tiedAtCut.includes(c.bidId) ? (
                          <Badge size="xs" color="orange" variant="light" style={{ textTransform: 'none' }}>
                            {t('evaluation.results.tie')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    {comprehensive ? (
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        <Text size="sm" fw={700}>
                          {c.total ?? '—'}
                        </Text>
                      </Table.Td>
                    ) : null}
                    <Table.Td ta="right">
                      <Amount value={c.price} currency={s.currency} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      ))}
      {s.finalAt ? null : (
        <Text size="xs" c="dimmed">
          {t('evaluation.results.notFinal')}
        </Text>
      )}
    </Stack>
  );
}
