// One lot on the award page: its status, the candidates in rank order (the out
// ones with their reasons), the publication window on the server's clock, what
// holds the award back, what comes next and, once awarded, the award and the
// contract draft made from it.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconFileText, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AwardCandidate, AwardLot, AwardState } from '../../../api/award';
import { Amount } from '../../../components/buy';
import { EmptyText } from '../../../components/states';
import { Card } from '../../../components/tender-view';
import { useLocale } from '../../../i18n';
import { useFormat } from '../../../lib/useFormat';
import { Figure } from '../../evaluation/shared';
import { AwardLotButton, OutModal, RetenderButton } from './LotActions';
import { LotStatusBadge } from './parts';

function CandidatesTable({ a, lot, manage, onOut }: { a: AwardState; lot: AwardLot; manage: boolean; onOut: (c: AwardCandidate) => void }) {
  const { t } = useTranslation();
  const out = new Set(lot.out.map((o) => o.bidId));
  const scored = lot.candidates.some((c) => c.total !== null);
  const mayOut = manage && lot.status === 'publicized';
  if (!lot.candidates.length) return <EmptyText>{t('evaluation.award.lot.noCandidates')}</EmptyText>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" data-testid="award-candidates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('evaluation.award.lot.rank')}</Table.Th>
            <Table.Th>{t('evaluation.award.lot.bidder')}</Table.Th>
            {scored ? <Table.Th ta="right">{t('evaluation.award.lot.total')}</Table.Th> : null}
            <Table.Th ta="right">{t('evaluation.award.lot.price')}</Table.Th>
            {mayOut ? <Table.Th /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lot.candidates.map((c) => {
            const isOut = out.has(c.bidId);
            const won = lot.award?.bidId === c.bidId;
            return (
              <Table.Tr key={c.bidId} style={isOut ? { opacity: 0.55 } : undefined}>
                <Table.Td>
                  <Badge color={c.rank === 1 ? 'yellow' : 'gray'} variant={c.rank === 1 ? 'filled' : 'light'} style={{ textTransform: 'none' }}>
                    {t('evaluation.award.lot.rankN', { rank: c.rank })}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" fw={600} td={isOut ? 'line-through' : undefined}>
                      {c.bidder}
                    </Text>
                    {won ? (
                      <Badge size="xs" color="green" leftSection={<IconTrophy size={10} />} style={{ textTransform: 'none' }}>
                        {t('evaluation.award.lot.winner')}
                      </Badge>
                    ) : null}
                    {isOut ? (
                      <Badge size="xs" color="red" variant="light" style={{ textTransform: 'none' }}>
                        {t('evaluation.award.lot.out')}
                      </Badge>
                    ) : null}
                    {lot.tiedAtCut.includes(c.bidId) ? (
                      <Badge size="xs" color="orange" variant="light" style={{ textTransform: 'none' }}>
                        {t('evaluation.award.lot.tie')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                {scored ? (
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {c.total ?? '—'}
                  </Table.Td>
                ) : null}
                <Table.Td ta="right">
                  <Amount value={c.price} currency={a.currency} fw={won ? 700 : undefined} />
                </Table.Td>
                {mayOut ? (
                  <Table.Td ta="right">
                    {isOut ? null : (
                      <Button size="compact-xs" variant="subtle" color="orange" onClick={() => onOut(c)} data-testid="candidate-out">
                        {t('evaluation.award.action.out')}
                      </Button>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Publication({ a, lot }: { a: AwardState; lot: AwardLot }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!lot.publishedAt) {
    return (
      <Text size="sm" c="dimmed">
        {t('evaluation.award.lot.notPublished')}
      </Text>
    );
  }
  const open = !!lot.objectionUntil && new Date(a.serverTime) < new Date(lot.objectionUntil);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {t('evaluation.award.lot.window', { from: f.dateTime(lot.publishedAt), until: f.dateTime(lot.objectionUntil) })}
      </Text>
      <Text size="xs" c={open ? 'cyan.8' : 'dimmed'}>
        {open ? t('evaluation.award.lot.windowOpen', { until: f.dateTime(lot.objectionUntil) }) : t('evaluation.award.lot.windowClosed')}
      </Text>
    </Stack>
  );
}

/** The award made, and the contract draft it produced. */
function Outcome({ a, lot }: { a: AwardState; lot: AwardLot }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!lot.award) return null;
  const status = lot.contract?.status ?? '';
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <Paper withBorder p="sm" radius="md" bg="green.0" data-testid="lot-award">
        <Group gap={6} mb={6}>
          <IconTrophy size={16} color="var(--mantine-color-green-7)" />
          <Text size="sm" fw={700}>
            {t('evaluation.award.result.title')}
          </Text>
        </Group>
        <SimpleGrid cols={2} spacing="xs">
          <Figure label={t('evaluation.award.result.winner')}>{lot.award.bidder}</Figure>
          <Figure label={t('evaluation.award.result.amount')}>
            <Amount value={lot.award.amount} currency={a.currency} fw={700} />
          </Figure>
          <Figure label={t('evaluation.award.result.awardedAt')}>{f.dateTime(lot.award.awardedAt)}</Figure>
          <Figure label={t('evaluation.award.result.rank')}>{t('evaluation.award.lot.rankN', { rank: lot.award.rank })}</Figure>
        </SimpleGrid>
      </Paper>
      {lot.contract ? (
        <Paper withBorder p="sm" radius="md" data-testid="lot-contract">
          <Group gap={6} mb={6}>
            <IconFileText size={16} />
            <Text size="sm" fw={700}>
              {t('evaluation.award.contract.title')}
            </Text>
          </Group>
          <SimpleGrid cols={2} spacing="xs">
            <Figure label={t('evaluation.award.contract.number')}>
              <Text span ff="monospace" size="sm">
                {lot.contract.number}
              </Text>
            </Figure>
            <Figure label={t('evaluation.award.contract.amount')}>
              <Amount value={lot.contract.amount} currency={a.currency} fw={600} />
            </Figure>
            <Figure label={t('evaluation.award.contract.status')}>
              <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                {status === 'draft' ? t('evaluation.award.contract.statuses.draft') : status}
              </Badge>
            </Figure>
          </SimpleGrid>
        </Paper>
      ) : null}
    </SimpleGrid>
  );
}

/** What comes next for a published lot, and (for a manager) the step itself. */
function Next({ a, lot, manage }: { a: AwardState; lot: AwardLot; manage: boolean }) {
  const { t } = useTranslation();
  if (lot.status !== 'publicized') return null;
  const next = lot.candidates.find((c) => c.bidId === lot.next.bidIds[0]);
  const text =
    lot.next.kind === 'award' && next
      ? t('evaluation.award.next.award', { bidder: next.bidder, rank: next.rank })
      : lot.next.kind === 'tie'
        ? t('evaluation.award.next.tie')
        : lot.next.kind === 'retender'
          ? t('evaluation.award.next.retender')
          : null;
  // Once a candidate is out, the buyer may re-tender instead of going down the list.
  const mayRetender = lot.next.kind === 'retender' || lot.out.length > 0;
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <Group justify="space-between" align="flex-end" gap="sm">
        {text ? (
          <Group gap={6} wrap="nowrap" style={{ flex: 1, minWidth: 240 }}>
            <IconArrowRight size={16} />
            <Text size="sm" fw={600} data-testid="lot-next">
              {text}
            </Text>
          </Group>
        ) : null}
        {manage ? (
          <Group gap="xs" align="flex-end">
            {mayRetender ? <RetenderButton a={a} lot={lot} /> : null}
            {lot.next.kind === 'award' || lot.next.kind === 'tie' ? <AwardLotButton a={a} lot={lot} blocked={!!lot.blockedBy} /> : null}
          </Group>
        ) : null}
      </Group>
    </Paper>
  );
}

export function LotCard({ a, lot, manage }: { a: AwardState; lot: AwardLot; manage: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useFormat();
  const [out, setOut] = useState<AwardCandidate | null>(null);
  return (
    <Card title={t('evaluation.award.lot.title', { key: lot.lotKey, name: lot.name })} right={<LotStatusBadge status={lot.status} />}>
      <Stack gap="sm" data-testid={`award-lot-${lot.lotKey}`}>
        <Figure label={t('evaluation.award.lot.publication')}>
          <Publication a={a} lot={lot} />
        </Figure>
        <CandidatesTable a={a} lot={lot} manage={manage} onOut={setOut} />
        {lot.out.length ? (
          <Figure label={t('evaluation.award.lot.outTitle')}>
            <Stack gap={2}>
              {lot.out.map((o) => (
                <Text key={o.bidId} size="sm" fw={400}>
                  {t('evaluation.award.lot.outLine', { bidder: o.bidder, reason: o.reason })}{' '}
                  <Text span size="xs" c="dimmed">
                    {f.dateTime(o.at)}
                  </Text>
                </Text>
              ))}
            </Stack>
          </Figure>
        ) : null}
        {lot.blockedBy ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="lot-blocked">
            {/* The rule's sentence names instants as ISO strings: shown in the UI language. */}
            {lot.blockedBy[locale].replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, (iso) => f.dateTime(iso))}
          </Alert>
        ) : null}
        <Next a={a} lot={lot} manage={manage} />
        <Outcome a={a} lot={lot} />
      </Stack>
      {out ? <OutModal a={a} lot={lot} candidate={out} onClose={() => setOut(null)} /> : null}
    </Card>
  );
}
