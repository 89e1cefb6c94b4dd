// The buy side's commands: check a receipt offline, verify the audit chain and
// the stored bids, and seal and submit a bid from the command line exactly as
// the bidder's browser does (domain/sealing): the prices never leave the machine
// unsealed, and a copy of what was sealed is kept beside the receipt.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { verifyAudit } from '../modules/audit/service';
import { loadPlatformKey } from '../server/platform-key';
import { parseSchedule, SCHEDULE_COLUMNS, SCHEDULE_HEADERS } from '../domain/buy/price-schedule';
import { sealEnvelope, submissionDigest, type BidSubmission, type EnvelopeContent } from '../domain/sealing/bid';
import { fromBase64, toBase64 } from '../domain/sealing/bytes';
import { verifyReceipt } from '../domain/sealing/receipt';
import type { createApiClient } from '../web/api/client';
import { withOwnerDatabase } from './local-db';

type Lang = 'zh-CN' | 'en';
type Api = ReturnType<typeof createApiClient>;
const out = (m: string) => process.stdout.write(`${m}\n`);

/**
 * `procura verify-receipt FILE [--bid SEALED.json] [--public-key BASE64]`: checks
 * the platform's signature offline. The key is the one given, else the local
 * platform's (when run beside it), else the one in the receipt file, whose key id
 * is printed to compare with the published one. Exit code 0 when valid.
 */
export function verifyReceiptCommand(file: string, opts: { bid?: string; publicKey?: string; lang: Lang }): number {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { receipt?: unknown; platformKey?: { publicKey?: string; keyId?: string } };
  const receipt = parsed.receipt ?? parsed;
  let key = opts.publicKey ? fromBase64(opts.publicKey) : null;
  let source = 'given with --public-key';
  if (!key) {
    const local = localPlatformKey();
    if (local) {
      key = local;
      source = 'of this Procura installation';
    } else if (parsed.platformKey?.publicKey) {
      key = fromBase64(parsed.platformKey.publicKey);
      source = `in the receipt file (key id ${parsed.platformKey.keyId}: compare it with the platform's published key)`;
    }
  }
  if (!key || key.length !== 32) {
    out(opts.lang === 'zh-CN' ? '没有可用的平台公钥：请用 --public-key 提供。' : 'No platform public key to check against: give one with --public-key.');
    return 2;
  }
  const digest = opts.bid ? submissionDigest(JSON.parse(fs.readFileSync(opts.bid, 'utf8')) as BidSubmission) : undefined;
  const v = verifyReceipt(receipt, key, digest);
  out(v.message.text[opts.lang]);
  out(opts.lang === 'zh-CN' ? `所用平台公钥：${source}` : `Platform key used: the one ${source}`);
  return v.ok ? 0 : 1;
}

function localPlatformKey(): Uint8Array | null {
  const config = loadConfig();
  if (!process.env.PROCURA_PLATFORM_KEY && !fs.existsSync(path.join(config.dataDir, 'platform-key.json'))) return null;
  return loadPlatformKey({ dataDir: config.dataDir }).publicKey;
}

/** `procura audit verify`: every audit chain and every stored bid against its hash and receipt; names the first broken link. */
export async function auditVerifyCommand(lang: Lang): Promise<number> {
  const config = loadConfig();
  const key = localPlatformKey();
  const report = await withOwnerDatabase(config, (url) => verifyAudit(url, key));
  if (report.ok) {
    out(lang === 'zh-CN' ? `审计链完好：${report.chains} 条链，${report.entries} 条记录，${report.bids} 份投标与其哈希和回执相符。` : `The audit holds: ${report.chains} chains, ${report.entries} entries, ${report.bids} stored bids match their hashes and receipts.`);
    return 0;
  }
  out(lang === 'zh-CN' ? `审计链被破坏：${report.broken}` : `The audit is broken: ${report.broken}`);
  return 1;
}

/** Reads a price schedule file: CSV (the template's columns, comma-separated) or JSON [{ lotId, itemId, unitPrice, quantity }]. */
function readPrices(file: string, lots: Parameters<typeof parseSchedule>[1], lang: Lang) {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.json')) return JSON.parse(text) as EnvelopeContent['prices'];
  const rows = text.split(/\r?\n/).filter((l) => l.trim()).map((l) => l.split(',').map((c) => c.trim().replace(/^"|"$/g, '')));
  const { prices, errors } = parseSchedule(rows, lots);
  if (errors.length) throw new Error(errors.map((e) => `row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message.text[lang]}`).join('\n'));
  return prices;
}

/** `procura price-template TENDER --out FILE.csv`: the tender's price schedule to fill in. */
export async function priceTemplateCommand(api: Api, tenderId: string, outFile: string, lang: Lang) {
  const { data, error } = await api.GET('/api/v1/market/tenders/{id}', { params: { path: { id: tenderId } } });
  if (error) throw error;
  const header = SCHEDULE_COLUMNS.map((c) => SCHEDULE_HEADERS[c][lang]);
  const rows = data.lots.flatMap((l) => l.items.map((i) => [l.key, l.name, i.key, i.name, i.specification, i.unit, i.quantity, '']));
  fs.writeFileSync(outFile, [header, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n');
  out(lang === 'zh-CN' ? `已写出报价表模板：${outFile}` : `Wrote the price schedule template: ${outFile}`);
}

/**
 * `procura bid TENDER --prices FILE [--fingerprint "…"] [--statement TEXT] [--document FILE]…`:
 * seals on this machine to the tender's published key (checked against the
 * fingerprint of the notice when given), keeps the sealed copy and the receipt.
 */
export async function bidCommand(api: Api, tenderId: string, opts: { prices: string; fingerprint?: string; statement?: string; documents: string[]; lang: Lang }) {
  const { data: t, error } = await api.GET('/api/v1/market/tenders/{id}', { params: { path: { id: tenderId } } });
  if (error) throw error;
  const me = await api.GET('/api/v1/me');
  if (me.error) throw me.error;
  const prices = readPrices(opts.prices, t.lots, opts.lang);
  const documents = opts.documents.map((f) => {
    const bytes = fs.readFileSync(f);
    return { name: path.basename(f), mediaType: 'application/octet-stream', sha256: createHash('sha256').update(bytes).digest('hex'), data: toBase64(new Uint8Array(bytes)) };
  });
  const envelopes = t.keys
    .filter((k) => k.envelope !== 'price' || t.envelopes === 'two')
    .map((k) =>
      sealEnvelope(
        { format: 'procura-bid/1', tenderId, envelope: k.envelope, bidderOrgId: me.data.organization.id, prices: k.envelope === 'technical' ? [] : prices, documents: k.envelope === 'price' ? [] : documents, statement: opts.statement ?? '' },
        k,
        opts.fingerprint ?? k.fingerprint,
      ),
    );
  const submission: BidSubmission = { format: 'procura-bid-submission/1', tenderId, envelopes };
  const base = `bid-${t.number}-${Date.now()}`;
  fs.writeFileSync(`${base}.sealed.json`, JSON.stringify(submission));
  const r = await api.POST('/api/v1/market/tenders/{id}/bid', { params: { path: { id: tenderId } }, body: submission as never, headers: { 'idempotency-key': crypto.randomUUID() } });
  if (r.error) throw r.error;
  fs.writeFileSync(`${base}.receipt.json`, JSON.stringify(r.data.receipt, null, 2));
  out(opts.lang === 'zh-CN' ? `已提交第 ${r.data.bid.version} 版，收到时间 ${r.data.receipt.receipt.receivedAt}。密封副本：${base}.sealed.json；回执：${base}.receipt.json` : `Submitted version ${r.data.bid.version}, received at ${r.data.receipt.receipt.receivedAt}. Sealed copy: ${base}.sealed.json; receipt: ${base}.receipt.json`);
}
