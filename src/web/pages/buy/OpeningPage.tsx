// The opening (开标): not before the opening time by the server's clock; each
// named key holder opens their own share here, in the browser, with their
// passphrase, and hands it over; the k-th hand-over rebuilds the key, opens every
// bid and publishes the record, which appears live to everyone watching.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, PasswordInput, Progress, SimpleGrid, Stack, Table, Text, Textarea, TextInput, ThemeIcon } from '@mantine/core';
import { IconCheck, IconClock, IconKey, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { toBase64 } from '../../../domain/sealing/bytes';
import { unlockHolderKeyAsync } from '../../../domain/sealing/holder-key';
import { openShare, type TenderKey } from '../../../domain/sealing/tender-key';
import { invalidateTender, useKeyHolders, useOpening, useTender, type OpeningRecord } from '../../api/buy';
import { api, call, newIdempotencyKey } from '../../api/http';
import { useMe } from '../../api/queries';
import { Amount, OutcomeBadge, TenderStatusBadge } from '../../components/buy';
import { PageHeader } from '../../components/PageHeader';
import { CardsSkeleton, EmptyText, ErrorView } from '../../components/states';
import { Card } from '../../components/tender-view';
import { useLocale } from '../../i18n';
import { notifyError } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';
import { toIso } from './tender-form';

export function OpeningRecordTable({ record, currency }: { record: OpeningRecord; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (record.status === 'failed') return <Alert color="orange" title={t('buy.opening.failedTitle')}>{t('buy.opening.failedBody', { valid: record.validBids, min: record.minValidBids })}</Alert>;
  if (record.status === 'postponed') return <Alert color="yellow" title={t('buy.opening.postponedTitle')}>{record.note}</Alert>;
  if (record.status !== 'opened') return <EmptyText>{t('buy.opening.noRecord')}</EmptyText>;
  return (
    <Table verticalSpacing="xs" data-testid="opening-record">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('buy.opening.bidder')}</Table.Th>
          <Table.Th>{t('buy.opening.outcome')}</Table.Th>
          <Table.Th ta="right">{t('buy.opening.total')}</Table.Th>
          <Table.Th>{t('buy.opening.lots')}</Table.Th>
          <Table.Th>{t('buy.opening.received')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {record.bids.map((b) => (
          <Table.Tr key={b.bidderOrgId}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {b.bidderName}
              </Text>
              {b.statement ? (
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {b.statement}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <OutcomeBadge outcome={b.outcome} />
            </Table.Td>
            <Table.Td ta="right">{b.total ? <Amount value={b.total} currency={currency} fw={700} /> : '—'}</Table.Td>
            <Table.Td>
              {b.lots.map((l) => (
                <Text key={l.lotKey} size="xs">
                  {l.lotKey}: <Amount value={l.total} currency={currency} size="xs" />
                </Text>
              ))}
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed">
                {f.dateTime(b.receivedAt)} · v{b.version}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function OpeningPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useFormat();
  const me = useMe();
  const qc = useQueryClient();
  const tender = useTender(id);
  const opening = useOpening(id);
  const holders = useKeyHolders();
  const [passphrase, setPassphrase] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [postpone, setPostpone] = useState({ reason: '', at: '' });
  const handOver = useMutation({
    mutationFn: async () => {
      const o = opening.data!;
      const record = holders.data?.items.find((h) => h.userId === me.data?.user.id)?.record;
      if (!record) throw new Error(t('buy.opening.notEnrolled'));
      setProgress(0);
      const secret = await unlockHolderKeyAsync(passphrase, record, (p) => setProgress(p));
      setProgress(null);
      if (!secret) throw new Error(t('buy.opening.wrongPassphrase'));
      const share = openShare(o.key as TenderKey, me.data!.user.id, secret);
      secret.fill(0);
      if (!share) throw new Error(t('buy.opening.shareNotOpened'));
      return call(api.POST('/api/v1/tenders/{id}/opening/shares', { params: { path: { id } }, body: { envelope: o.envelope, share: toBase64(share) }, headers: { 'idempotency-key': newIdempotencyKey() } }));
    },
    onSuccess: (d) => {
      setPassphrase('');
      qc.setQueryData(['tender', id, 'opening'], d);
      invalidateTender(qc, id);
    },
    onError: (e) => {
      setProgress(null);
      notifyError(t, e);
    },
  });
  const doPostpone = useMutation({
    mutationFn: () => call(api.POST('/api/v1/tenders/{id}/opening/postpone', { params: { path: { id } }, body: { reason: postpone.reason, openingAt: toIso(postpone.at) }, headers: { 'idempotency-key': newIdempotencyKey() } })),
    onSuccess: (d) => {
      qc.setQueryData(['tender', id, 'opening'], d);
      invalidateTender(qc, id);
    },
    onError: (e) => notifyError(t, e),
  });
  if (tender.error || opening.error) return <ErrorView error={tender.error ?? opening.error} onRetry={() => void opening.refetch()} />;
  if (!tender.data || !opening.data) return <CardsSkeleton />;
  const x = tender.data;
  const o = opening.data;
  const handed = o.holders.filter((h) => h.handedOver).length;
  const iHold = o.holders.some((h) => h.userId === me.data?.user.id);
  const record = o.records.find((r) => r.envelope === o.envelope);
  return (
    <>
      <PageHeader
        back={{ to: `/buy/tenders/${id}`, label: <>{x.number} {x.title}</> }}
        title={t('buy.opening.title')}
        subtitle={
          <Group gap="xs">
            <TenderStatusBadge status={o.status} />
            <Text span>{t('buy.opening.at', { when: f.dateTime(o.openingAt) })}</Text>
            <Text span c="dimmed">
              {t('buy.tenders.serverTime', { when: f.dateTime(o.serverTime) })}
            </Text>
          </Group>
        }
      />
      <Stack gap="md">
        {o.waitingReason && o.status !== 'opened' && o.status !== 'failed' ? (
          <Alert color="blue" icon={<IconClock size={18} />} title={t('buy.opening.notYet')}>
            {o.waitingReason[locale]}
          </Alert>
        ) : null}
        {o.keyMismatch ? (
          <Alert color="orange" icon={<IconKey size={18} />} title={t('buy.opening.keyMismatch')} data-testid="key-mismatch">
            {t('buy.opening.keyMismatchHint', { count: handed, k: o.threshold })}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card title={t('buy.opening.holders', { k: o.threshold, n: o.holders.length })} right={<Badge>{t('buy.opening.handedCount', { handed, k: o.threshold })}</Badge>}>
            <Stack gap="xs">
              {o.holders.map((h) => (
                <Group key={h.userId} justify="space-between">
                  <Group gap="xs">
                    <ThemeIcon size={22} radius="xl" variant="light" color={h.handedOver ? 'teal' : 'gray'}>
                      {h.handedOver ? <IconCheck size={13} /> : <IconKey size={13} />}
                    </ThemeIcon>
                    <Text size="sm">{h.name}</Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {h.handedOver ? f.dateTime(h.submittedAt) : t('buy.opening.waiting')}
                  </Text>
                </Group>
              ))}
              <Progress value={(handed / o.threshold) * 100} color="teal" mt="xs" />
              <Text size="xs" c="dimmed">
                {t('buy.opening.validBids', { count: o.validBids ?? 0 })}
              </Text>
            </Stack>
          </Card>
          <Card title={o.status === 'opened' ? t('buy.opening.opened') : t('buy.opening.yourShare')} right={o.status === 'opened' ? <IconLockOpen size={18} /> : <IconLock size={18} />}>
            {o.status === 'opened' || o.status === 'failed' || o.status === 'cancelled' ? (
              <Text size="sm">{t('buy.opening.doneHint')}</Text>
            ) : !iHold ? (
              <Text size="sm" c="dimmed">
                {t('buy.opening.notAHolder')}
              </Text>
            ) : o.canHandOver ? (
              <Stack gap="xs">
                <PasswordInput label={t('buy.keyHolder.passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} data-testid="holder-passphrase" />
                {progress !== null ? <Progress value={progress * 100} animated /> : null}
                <Text size="xs" c="dimmed">
                  {t('buy.opening.localHint')}
                </Text>
                <Button onClick={() => handOver.mutate()} loading={handOver.isPending} disabled={passphrase.length < 12} leftSection={<IconKey size={16} />} data-testid="hand-over">
                  {t('buy.opening.handOver')}
                </Button>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {o.holders.find((h) => h.userId === me.data?.user.id)?.handedOver ? t('buy.opening.youHanded') : t('buy.opening.waitTime')}
              </Text>
            )}
          </Card>
        </SimpleGrid>
        <Card title={t('buy.opening.record')}>{record ? <OpeningRecordTable record={record} currency={x.currency} /> : <EmptyText>{t('buy.opening.noRecord')}</EmptyText>}</Card>
        {o.status === 'bidding_closed' ? (
          <Paper withBorder p="md" radius="md">
            <Text fw={600} mb={4}>
              {t('buy.opening.postpone')}
            </Text>
            <Text size="xs" c="dimmed" mb="sm">
              {t('buy.opening.postponeHint')}
            </Text>
            <Group align="flex-end">
              <Textarea style={{ flex: 1 }} size="xs" autosize minRows={1} label={t('buy.cancel.reason')} value={postpone.reason} onChange={(e) => setPostpone({ ...postpone, reason: e.currentTarget.value })} />
              <TextInput size="xs" type="datetime-local" label={t('buy.wizard.openingAt')} value={postpone.at} onChange={(e) => setPostpone({ ...postpone, at: e.currentTarget.value })} />
              <Button size="xs" variant="light" color="yellow" onClick={() => doPostpone.mutate()} loading={doPostpone.isPending} disabled={!postpone.reason || !postpone.at}>
                {t('buy.opening.postponeButton')}
              </Button>
            </Group>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
