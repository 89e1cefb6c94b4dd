// Small widgets of the buy side and the supplier portal: status badges, exact
// amounts, hashes and fingerprints people can read and copy.
import { ActionIcon, Badge, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatExactAmount } from '../../domain/format';
import { useLocale } from '../i18n';
import { useBuyLabels } from '../lib/buyLabels';

const TENDER_COLORS: Record<string, string> = {
  draft: 'gray',
  published: 'blue',
  questions_closed: 'indigo',
  bidding_closed: 'violet',
  opened: 'teal',
  failed: 'orange',
  cancelled: 'red',
};
const CERT_COLORS: Record<string, string> = { applied: 'blue', certified: 'teal', rejected: 'gray', suspended: 'yellow', blacklisted: 'red', expired: 'orange' };
const REQ_COLORS: Record<string, string> = { draft: 'gray', submitted: 'blue', approved: 'teal', rejected: 'red', returned: 'yellow', withdrawn: 'gray' };
const OUTCOME_COLORS: Record<string, string> = { opened: 'teal', withdrawn: 'orange', revoked: 'red', unconfirmed: 'gray' };

export function TenderStatusBadge({ status }: { status: string }) {
  const l = useBuyLabels();
  return (
    <Badge variant="light" color={TENDER_COLORS[status] ?? 'gray'} style={{ textTransform: 'none' }} data-testid="tender-status">
      {l.tenderStatus(status)}
    </Badge>
  );
}

export function CertStatusBadge({ status }: { status: string }) {
  const l = useBuyLabels();
  return (
    <Badge variant="light" color={CERT_COLORS[status] ?? 'gray'} style={{ textTransform: 'none' }}>
      {l.certStatus(status)}
    </Badge>
  );
}

export function RequisitionStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={REQ_COLORS[status] ?? 'gray'} style={{ textTransform: 'none' }}>
      {t(`buy.requisitionStatus.${status}` as never)}
    </Badge>
  );
}

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const l = useBuyLabels();
  return (
    <Badge variant="light" color={OUTCOME_COLORS[outcome] ?? 'gray'} style={{ textTransform: 'none' }} miw="max-content">
      {l.outcome(outcome)}
    </Badge>
  );
}

/** An exact amount (a decimal string) as documents write it: ¥6,975,000.00 / 6,975,000.00元. */
export function Amount({ value, currency, fw, size = 'sm' }: { value: string | null | undefined; currency?: string | null; fw?: number; size?: string }) {
  const locale = useLocale();
  return (
    <Text component="span" size={size} fw={fw} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatExactAmount(value, currency, locale)}
    </Text>
  );
}

/** A hash or fingerprint: shortened, the whole of it in a tooltip, one click to copy. */
export function Hash({ value, short = 16, label }: { value: string | null | undefined; short?: number; label?: string }) {
  const { t } = useTranslation();
  if (!value) return <Text span c="dimmed">—</Text>;
  return (
    <Group gap={4} wrap="nowrap" component="span" style={{ display: 'inline-flex' }}>
      <Tooltip label={value} multiline maw={420} style={{ wordBreak: 'break-all' }}>
        <Code aria-label={label} style={{ whiteSpace: 'nowrap' }}>
          {value.length > short ? `${value.slice(0, short)}…` : value}
        </Code>
      </Tooltip>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <ActionIcon size="xs" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={copied ? t('common.copied') : t('common.copy')}>
            {copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
          </ActionIcon>
        )}
      </CopyButton>
    </Group>
  );
}

/** A key's fingerprint as the tender notice prints it, in full. */
export function Fingerprint({ value }: { value: string }) {
  return (
    <Code data-testid="fingerprint" style={{ fontSize: 13, letterSpacing: 0.5 }}>
      {value}
    </Code>
  );
}

/** Saves a JSON value as a file in the browser. */
export function downloadJson(name: string, value: unknown) {
  downloadBlob(name, new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
}

export function downloadBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A File as base64 (for uploads in JSON). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A file's size for people: bytes, KB or MB. */
export function fileSize(bytes: number, locale: string): string {
  const n = (v: number, d: number) => v.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: d });
  if (bytes < 1024) return `${n(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${n(bytes / 1024, 1)} KB`;
  return `${n(bytes / 1024 / 1024, 1)} MB`;
}
