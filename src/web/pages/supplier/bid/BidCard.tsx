// The bid: its price schedule (typed here, or filled in a spreadsheet and read
// back in this browser), documents and a cover statement; sealed here with
// visible progress; then its versions with their signed receipts, each checked
// here against the platform's published key; replace, confirm or withdraw
// until the deadline.
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Checkbox, FileButton, Group, List, Stack, Table, Text, TextInput, Textarea, ThemeIcon } from '@mantine/core';
import { IconCheck, IconDownload, IconFileSpreadsheet, IconLoader2, IconLock, IconShieldCheck, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isMoney, isQuantity, lineTotal, sumMoney } from '../../../../domain/buy/money';
import { fromBase64 } from '../../../../domain/sealing/bytes';
import { verifyReceipt } from '../../../../domain/sealing/receipt';
import type { BidDocument, PriceLine } from '../../../../domain/sealing/bid';
import type { ScheduleError } from '../../../../domain/buy/price-schedule';
import { invalidateTender, type MarketTender } from '../../../api/buy';
import { api, call, newIdempotencyKey } from '../../../api/http';
import { useMe } from '../../../api/queries';
import { Amount, downloadJson, Fingerprint, Hash } from '../../../components/buy';
import { Card } from '../../../components/tender-view';
import { useLocale } from '../../../i18n';
import { notifyError } from '../../../lib/problems';
import { useFormat } from '../../../lib/useFormat';
import { downloadTemplate, readScheduleFile } from '../../../lib/xlsx';
import { documentOf, keepLocalCopy, localCopy, seal, submissionDigest } from './sealing';

export function BidCard({ t: x }: { t: MarketTender }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useFormat();
  const me = useMe();
  const qc = useQueryClient();
  const items = useMemo(() => x.lots.flatMap((l) => l.items.map((i) => ({ lot: l, item: i }))), [x.lots]);
  const [prices, setPrices] = useState<Record<string, string>>({});
  const [documents, setDocuments] = useState<BidDocument[]>([]);
  const [statement, setStatement] = useState('');
  const [checked, setChecked] = useState(false);
  const [sheetErrors, setSheetErrors] = useState<ScheduleError[]>([]);
  const [step, setStep] = useState(0);
  const platformKey = useQuery({ queryKey: ['platform-key'], queryFn: () => call(api.GET('/api/v1/platform/receipt-key')), staleTime: Infinity });
  const lines: PriceLine[] = items.filter(({ lot, item }) => isMoney(prices[`${lot.key}/${item.key}`] ?? '')).map(({ lot, item }) => ({ lotId: lot.key, itemId: item.key, unitPrice: prices[`${lot.key}/${item.key}`]!, quantity: item.quantity }));
  const total = sumMoney(lines.filter((p) => isQuantity(p.quantity)).map((p) => lineTotal(p.unitPrice, p.quantity)));
  const canBid = (x.status === 'published' || x.status === 'questions_closed') && !x.barredReason;
  const fingerprints = Object.fromEntries(x.keys.map((k) => [k.envelope, k.fingerprint]));

  const submit = useMutation({
    mutationFn: async () => {
      setStep(1);
      await new Promise((r) => setTimeout(r, 30));
      const sealed = seal(x, me.data!.organization.id, { prices: lines, documents, statement }, fingerprints);
      setStep(2);
      const r = await call(api.POST('/api/v1/market/tenders/{id}/bid', { params: { path: { id: x.id } }, body: sealed as never, headers: { 'idempotency-key': newIdempotencyKey() } }));
      keepLocalCopy(x.id, r.bid.version, sealed);
      setStep(3);
      return { r, sealed };
    },
    onSuccess: () => invalidateTender(qc, x.id),
    onError: (e) => {
      setStep(0);
      notifyError(t, e);
    },
  });
  const change = useMutation({
    mutationFn: (what: 'withdraw' | 'confirm') =>
      what === 'withdraw'
        ? call(api.POST('/api/v1/market/tenders/{id}/bid/withdraw', { params: { path: { id: x.id } }, headers: { 'idempotency-key': newIdempotencyKey() } }))
        : call(api.POST('/api/v1/market/tenders/{id}/bid/confirm', { params: { path: { id: x.id } }, headers: { 'idempotency-key': newIdempotencyKey() } })),
    onSuccess: () => invalidateTender(qc, x.id),
    onError: (e) => notifyError(t, e),
  });
  const importSheet = async (file: File | null) => {
    if (!file) return;
    const { prices: read, errors } = await readScheduleFile(file, x.lots);
    setSheetErrors(errors);
    if (!errors.length) setPrices(Object.fromEntries(read.map((p) => [`${p.lotId}/${p.itemId}`, p.unitPrice])));
  };
  const verify = (receipt: unknown, version: number) => {
    const key = platformKey.data ? fromBase64(platformKey.data.publicKey) : null;
    const copy = localCopy(x.id, version);
    return key ? verifyReceipt(receipt, key, copy ? submissionDigest(copy) : undefined) : null;
  };
  const steps = [t('buy.bid.stepSeal'), t('buy.bid.stepUpload'), t('buy.bid.stepReceipt')];
  const bid = x.myBid;
  return (
    <Card title={t('buy.bid.title')} right={<IconLock size={16} />}>
      <Stack gap="sm">
        {x.barredReason ? <Alert color="red">{x.barredReason[locale]}</Alert> : null}
        {bid?.needsConfirmation ? (
          <Alert color="orange" title={t('buy.bid.confirmTitle')}>
            <Text size="sm" mb="xs">
              {t('buy.bid.confirmBody')}
            </Text>
            <Button size="xs" onClick={() => change.mutate('confirm')} loading={change.isPending && change.variables === 'confirm'}>
              {t('buy.bid.confirm')}
            </Button>
          </Alert>
        ) : null}
        {canBid ? (
          <>
            <Group gap="xs">
              <Button size="xs" variant="light" leftSection={<IconFileSpreadsheet size={14} />} onClick={() => void downloadTemplate(`${x.number}-${t('buy.bid.templateName')}.xlsx`, x.lots, locale)}>
                {t('buy.bid.downloadTemplate')}
              </Button>
              <FileButton onChange={(file) => void importSheet(file)} accept=".xlsx">
                {(props) => (
                  <Button size="xs" variant="light" leftSection={<IconUpload size={14} />} {...props} data-testid="import-schedule">
                    {t('buy.bid.importSchedule')}
                  </Button>
                )}
              </FileButton>
            </Group>
            {sheetErrors.length ? (
              <Alert color="red" title={t('buy.bid.sheetErrors', { count: sheetErrors.length })} data-testid="sheet-errors">
                {sheetErrors.slice(0, 12).map((e, i) => (
                  <Text key={i} size="sm">
                    {t('buy.bid.rowColumn', { row: e.row, column: e.column ?? '—' })} {e.message.text[locale]}
                  </Text>
                ))}
              </Alert>
            ) : null}
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('buy.wizard.lotItem')}</Table.Th>
                  <Table.Th ta="right">{t('buy.item.quantity')}</Table.Th>
                  <Table.Th w={150}>{t('buy.item.unitPrice')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map(({ lot, item }) => {
                  const k = `${lot.key}/${item.key}`;
                  const v = prices[k] ?? '';
                  return (
                    <Table.Tr key={k}>
                      <Table.Td>
                        <Text size="xs" ff="monospace">
                          {item.key}
                        </Text>
                        <Text size="sm">{item.name}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm">
                          {item.quantity} {item.unit}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <TextInput size="xs" aria-label={`${t('buy.item.unitPrice')} ${item.key}`} value={v} onChange={(e) => setPrices({ ...prices, [k]: e.currentTarget.value.trim() })} error={v && !isMoney(v) ? t('buy.bid.badPrice') : undefined} rightSection={<Text size="xs">{x.currency}</Text>} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('buy.bid.pricedItems', { n: lines.length, of: items.length })}
              </Text>
              <Text size="sm" fw={600}>
                {t('buy.bid.total')} <Amount value={total} currency={x.currency} fw={700} />
              </Text>
            </Group>
            <Textarea label={t('buy.bid.statement')} autosize minRows={2} value={statement} onChange={(e) => setStatement(e.currentTarget.value)} />
            <Group gap="xs">
              <FileButton multiple onChange={(files) => void Promise.all(files.map(documentOf)).then((d) => setDocuments([...documents, ...d]))}>
                {(props) => (
                  <Button size="xs" variant="subtle" leftSection={<IconUpload size={14} />} {...props}>
                    {t('buy.bid.attach')}
                  </Button>
                )}
              </FileButton>
              {documents.map((d) => (
                <Badge key={d.sha256} variant="light" color="gray" style={{ textTransform: 'none' }}>
                  {d.name}
                </Badge>
              ))}
            </Group>
            <Stack gap={4}>
              {x.keys.map((k) => (
                <Group key={k.envelope} gap="xs">
                  <Text size="xs" c="dimmed">
                    {t('buy.bid.sealTo')}
                  </Text>
                  <Fingerprint value={k.fingerprint} />
                </Group>
              ))}
              <Checkbox size="xs" checked={checked} onChange={(e) => setChecked(e.currentTarget.checked)} label={t('buy.bid.fingerprintChecked')} data-testid="fingerprint-checked" />
            </Stack>
            {step > 0 ? (
              <List spacing={4} size="sm" center>
                {steps.map((s, i) => (
                  <List.Item key={s} icon={<ThemeIcon size={20} radius="xl" variant="light" color={step > i + 1 || step === 3 ? 'teal' : step === i + 1 ? 'blue' : 'gray'}>{step > i + 1 || step === 3 ? <IconCheck size={12} /> : <IconLoader2 size={12} />}</ThemeIcon>}>
                    {s}
                  </List.Item>
                ))}
              </List>
            ) : null}
            <Button leftSection={<IconLock size={16} />} disabled={!checked || lines.length === 0} loading={submit.isPending} onClick={() => submit.mutate()} data-testid="seal-submit">
              {bid?.status === 'active' ? t('buy.bid.replace') : t('buy.bid.sealAndSubmit')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('buy.bid.sealHint')}
            </Text>
            {submit.data ? (
              <Alert color="teal" icon={<IconShieldCheck size={18} />} title={t('buy.bid.received', { version: submit.data.r.bid.version })} data-testid="receipt-alert">
                <Text size="sm">{t('buy.bid.receivedAt', { when: f.dateTime(submit.data.r.receipt.receipt.receivedAt) })}</Text>
                <Group gap="xs" mt="xs">
                  <Button size="xs" variant="white" leftSection={<IconDownload size={14} />} onClick={() => downloadJson(`${x.number}-v${submit.data.r.bid.version}-receipt.json`, submit.data.r.receipt)}>
                    {t('buy.bid.downloadReceipt')}
                  </Button>
                  <Button size="xs" variant="white" leftSection={<IconDownload size={14} />} onClick={() => downloadJson(`${x.number}-v${submit.data.r.bid.version}-sealed.json`, submit.data.sealed)}>
                    {t('buy.bid.downloadSealed')}
                  </Button>
                </Group>
              </Alert>
            ) : null}
          </>
        ) : null}
        {bid ? (
          <>
            <Group justify="space-between" mt="xs">
              <Text fw={600} size="sm">
                {t('buy.bid.versions')}
              </Text>
              <Badge color={bid.status === 'active' ? 'teal' : 'gray'} variant="light">
                {t(`buy.market.bid.${bid.status}` as never)}
              </Badge>
            </Group>
            <Stack gap={6} data-testid="bid-versions">
              {bid.versions.map((v) => {
                const check = verify(v.receipt, v.kind === 'confirm' ? v.confirms ?? v.version : v.version);
                return (
                  <Stack key={v.version} gap={2} pb={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                    <Group justify="space-between" wrap="nowrap">
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={600}>
                          v{v.version}
                        </Text>
                        <Text size="sm">{t(`buy.bid.kind.${v.kind}` as never)}</Text>
                        {check ? (
                          <Badge size="sm" color={check.ok ? 'teal' : 'red'} variant="light" title={check.message.text[locale]}>
                            {check.ok ? t('buy.bid.receiptValid') : t('buy.bid.receiptInvalid')}
                          </Badge>
                        ) : null}
                      </Group>
                      <Button size="compact-xs" variant="subtle" leftSection={<IconDownload size={12} />} onClick={() => downloadJson(`${x.number}-v${v.version}-receipt.json`, { receipt: v.receipt, platformKey: platformKey.data })}>
                        {t('buy.bid.receipt')}
                      </Button>
                    </Group>
                    <Group gap={6} wrap="nowrap">
                      <Text size="xs" c="dimmed">
                        {f.dateTime(v.receivedAt)}
                      </Text>
                      <Hash value={v.sha256} short={12} label="SHA-256" />
                    </Group>
                  </Stack>
                );
              })}
            </Stack>
            {canBid && bid.status === 'active' ? (
              <Button size="xs" variant="subtle" color="red" onClick={() => change.mutate('withdraw')} loading={change.isPending && change.variables === 'withdraw'} data-testid="withdraw">
                {t('buy.bid.withdraw')}
              </Button>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
