// `npm run procura -- <command>`: the command line, on the same generated,
// typed API client as the web app (src/web/api). Signs in with email and
// password and keeps a bearer session token in ~/.config/procura/session.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApiClient } from '../web/api/client';
import { RISK_TITLES, type RiskCode } from '../domain/risks';
import { getBuiltInModel } from '../domain/process-models';
import { formatMoney } from '../domain/format';
import { auditVerifyCommand, bidCommand, priceTemplateCommand, verifyReceiptCommand } from './buy';

const HELP = `procura — the command line of Procura

  procura login --email you@example.com --password … [--url http://localhost:3000]
  procura whoami
  procura opportunities [--stage KEY] [--risk CODE] [--owner ID] [--limit N] [--sort value|updatedAt|…]
  procura opportunity ID
  procura log ID --type call|visit|meeting|… --summary "…" [--contact ID]… [--evidence TYPE[=VALUE]]…
  procura accounts [--q TEXT]
  procura tenders                                  open tenders and those inviting you
  procura price-template TENDER --out prices.csv   the price schedule to fill in
  procura bid TENDER --prices prices.csv [--fingerprint "…"] [--statement TEXT] [--document FILE]…
                                                   seal on this machine and submit; keeps the sealed copy and the receipt
  procura verify-receipt RECEIPT.json [--bid SEALED.json] [--public-key BASE64]
                                                   check a receipt offline (no sign-in needed)
  procura audit verify                             check every audit chain and stored bid (on the server's machine)

  --lang zh-CN|en   language of labels (default: from $LANG)`;

const file = path.join(os.homedir(), '.config/procura/session.json');
type Session = { url: string; token: string };

function load(): Session {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Session;
  } catch {
    fail('Not signed in: run `procura login` first.');
  }
}
function fail(msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(1);
}
function problem(e: unknown): never {
  if (e instanceof Error) fail(e.message);
  const p = e as { detail?: string; errors?: { field: string; message: string }[] };
  fail([p.detail ?? JSON.stringify(e), ...(p.errors ?? []).map((x) => `  ${x.field}: ${x.message}`)].join('\n'));
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    stage: { type: 'string' },
    risk: { type: 'string' },
    owner: { type: 'string' },
    limit: { type: 'string' },
    sort: { type: 'string' },
    q: { type: 'string' },
    type: { type: 'string' },
    summary: { type: 'string' },
    contact: { type: 'string', multiple: true },
    evidence: { type: 'string', multiple: true },
    out: { type: 'string' },
    prices: { type: 'string' },
    fingerprint: { type: 'string' },
    statement: { type: 'string' },
    document: { type: 'string', multiple: true },
    bid: { type: 'string' },
    'public-key': { type: 'string' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const lang = (values.lang ?? process.env.LANG ?? '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
const [cmd, arg] = positionals;

function client() {
  const s = load();
  return createApiClient({ baseUrl: s.url, headers: { authorization: `Bearer ${s.token}` }, language: () => lang });
}
// The web app's formatting (pure, Intl only): ¥3,200,000 / 320万元 in both.
const money = (v: number, c: string) => formatMoney(v, c, lang);
const stageName = (model: string, key: string) => getBuiltInModel(model)?.stages.find((s) => s.key === key)?.name[lang] ?? key;

async function main() {
  if (!cmd || values.help) return void process.stdout.write(`${HELP}\n`);
  if (cmd === 'login') {
    const url = (values.url ?? 'http://localhost:3000').replace(/\/$/, '');
    if (!values.email || !values.password) fail('login needs --email and --password');
    const res = await fetch(`${url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ email: values.email, password: values.password }) });
    if (!res.ok) fail(`Sign-in failed (${res.status}).`);
    const token = res.headers.get('set-auth-token') ?? ((await res.json()) as { token?: string }).token;
    if (!token) fail('The server did not return a session token.');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ url, token }), { mode: 0o600 });
    return void process.stdout.write(`Signed in to ${url} as ${values.email}.\n`);
  }
  if (cmd === 'verify-receipt' && arg) return void (process.exitCode = verifyReceiptCommand(arg, { bid: values.bid, publicKey: values['public-key'], lang }));
  if (cmd === 'audit' && arg === 'verify') return void (process.exitCode = await auditVerifyCommand(lang));
  const api = client();
  if (cmd === 'tenders') {
    const { data, error } = await api.GET('/api/v1/market/tenders', { params: { query: { limit: 50 } as never } });
    if (error) problem(error);
    for (const t of data.items) process.stdout.write(`${t.id}  ${t.number}  ${t.statusLabel[lang].padEnd(12)}  ${t.deadline}  ${t.buyerName} · ${t.title}${t.invited ? ' ✉' : ''}${t.myBid !== 'none' ? ` [${t.myBid}]` : ''}\n`);
    return;
  }
  if (cmd === 'price-template' && arg) return priceTemplateCommand(api, arg, values.out ?? 'prices.csv', lang).catch(problem);
  if (cmd === 'bid' && arg) {
    if (!values.prices) fail('bid needs --prices FILE (from `procura price-template`)');
    return bidCommand(api, arg, { prices: values.prices, fingerprint: values.fingerprint, statement: values.statement, documents: values.document ?? [], lang }).catch(problem);
  }
  if (cmd === 'whoami') {
    const { data, error } = await api.GET('/api/v1/me');
    if (error) problem(error);
    return void process.stdout.write(`${data.user.name} <${data.user.email}> — ${data.organization.name} (${data.role})\n`);
  }
  if (cmd === 'opportunities') {
    const { data, error } = await api.GET('/api/v1/opportunities', {
      params: { query: { stage: values.stage, risk: values.risk, ownerId: values.owner, limit: Number(values.limit ?? 20), sort: (values.sort as 'value') ?? 'updatedAt', order: 'desc' } as never },
    });
    if (error) problem(error);
    for (const o of data.items) {
      const risks = o.riskCodes.map((c) => RISK_TITLES[c as RiskCode][lang]).join(', ');
      process.stdout.write(`${o.id}  ${money(o.value, o.currency).padStart(14)}  ${stageName(o.processModel, o.stage).padEnd(16)}  ${o.accountName} · ${o.title}${risks ? `  ⚠ ${risks}` : ''}\n`);
    }
    return;
  }
  if (cmd === 'opportunity' && arg) {
    const { data: o, error } = await api.GET('/api/v1/opportunities/{id}', { params: { path: { id: arg } } });
    if (error) problem(error);
    const out = [
      `${o.title} — ${o.accountName}  ${money(o.value, o.currency)}`,
      `${lang === 'zh-CN' ? '阶段' : 'Stage'}: ${o.stages.find((s) => s.key === o.stage)?.name[lang]}  (${Math.round(o.inference.confidence * 100)}%)`,
      `  ${o.inference.summary.text[lang]}`,
      `  ${o.inference.comparison.message.text[lang]}`,
      ...o.risks.map((r) => `⚠ ${r.title[lang]}: ${r.message.text[lang]}`),
      ...o.suggestions.map((s) => `→ ${s.title[lang]} (${s.reason.text[lang]})`),
    ];
    return void process.stdout.write(`${out.join('\n')}\n`);
  }
  if (cmd === 'log' && arg) {
    const evidence = (values.evidence ?? []).map((e) => {
      const [type, value] = e.split('=');
      return { type: type!, value: value ?? null, sourceContactId: values.contact?.[0] ?? null, verified: false };
    });
    const { data, error } = await api.POST('/api/v1/interactions', {
      body: { opportunityId: arg, type: (values.type ?? 'call') as 'call', summary: values.summary ?? '', contactIds: values.contact ?? [], evidence } as never,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    if (error) problem(error);
    return void process.stdout.write(`Logged ${data.id}.\n`);
  }
  if (cmd === 'accounts') {
    const { data, error } = await api.GET('/api/v1/accounts', { params: { query: { q: values.q, limit: 50 } as never } });
    if (error) problem(error);
    for (const a of data.items) process.stdout.write(`${a.id}  ${a.name}  (${a.industry}, ${a.openOpportunities} open)\n`);
    return;
  }
  fail(HELP);
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
