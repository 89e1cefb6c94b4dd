// The deterministic demo-data generator. Default: the three demo sellers of
// content.ts (medical equipment, industrial automation, property insurance),
// ~40 customer accounts, ~150 contacts and ~120 opportunities with 18 months of
// history. Scale mode adds a "bench" organization with N opportunities and ~M
// interactions, written in streaming batches (bounded memory).
//
// Histories are simulated the way the API would have written them: each
// interaction's evidence is fed to the real domain rules (src/domain), stage
// moves are recorded when the inferred stage changes, and the stored stage,
// confidence and risk codes are what `analyse` (the opportunity detail) computes.
import pg from 'pg';
import { EVIDENCE_TYPES, getEvidenceType, type EvidenceFact } from '../domain/evidence';
import { inferStage } from '../domain/inference';
import { getBuiltInModel, moveDirection, type ProcessModel } from '../domain/process-models';
import type { AnalysisRow, OpportunityRow } from '../modules/opportunities/repository';
import { analyse } from '../modules/opportunities/analysis';
import { hashPassword } from '../server/auth';
import {
  ABANDON_REASONS,
  ACCOUNT_TEMPLATES,
  CITIES,
  COMPETITOR_RESPONSES,
  CUSTOMER_RESPONSES,
  DEMO_ORGS,
  DEMO_PASSWORD,
  EN_FIRST,
  EN_LAST,
  EVIDENCE_TEMPLATES,
  FILLER_TEMPLATES,
  GIVEN_NAMES,
  INTL_PLACES,
  LOST_REASONS,
  MANUAL_TASKS,
  PACKS,
  SET_AHEAD_REASONS,
  SET_BACK_REASONS,
  SURNAMES,
  type Bi,
  type DemoAccount,
  type DemoOrg,
  type EvidenceTemplate,
  type Lang,
  type Pack,
  type RoleNode,
} from './content';
import { deriveSeed, Rng } from './random';
import { Buffers } from './tables';
import { Pipeline } from './writer';

export interface SeedOptions {
  /** Scale mode: opportunities of the bench organization. */
  opportunities?: number;
  /** Scale mode: interactions of the bench organization (about). */
  interactions?: number;
  seed?: number;
  /** The end of the generated histories; default today 09:00 UTC. */
  now?: Date;
  log?: (m: string) => void;
}

export interface SeedSummary {
  organizations: number;
  accounts: number;
  contacts: number;
  opportunities: number;
  interactions: number;
}

export const DEFAULT_SEED = 20_261_122;
export const BENCH_EMAIL = 'bench@procura.demo';
const DAY = 86_400_000;
const FLUSH_ROWS = 40_000;

export async function hasAnyOrganization(ownerUrl: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    return (await c.query('select exists (select 1 from organization) as e')).rows[0].e === true;
  } finally {
    await c.end();
  }
}

export async function seedDemo(ownerUrl: string, opts: SeedOptions = {}): Promise<SeedSummary> {
  const now = opts.now ?? defaultNow();
  const seed = opts.seed ?? DEFAULT_SEED;
  const log = opts.log ?? (() => {});
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const summary: SeedSummary = { organizations: 0, accounts: 0, contacts: 0, opportunities: 0, interactions: 0 };
  try {
    await client.query('begin');
    const pipe = new Pipeline(client);
    const buf = new Buffers();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const flush = async (force = false) => {
      if (force || buf.pending >= FLUSH_ROWS) await pipe.flush(buf.ordered());
    };
    for (const org of DEMO_ORGS) {
      const g = new Generator(new Rng(deriveSeed(seed, org.slug)), buf, now, passwordHash, summary);
      g.demoOrganization(org);
      await flush(true);
    }
    if (opts.opportunities && opts.opportunities > 0) {
      const g = new Generator(new Rng(deriveSeed(seed, 'bench')), buf, now, passwordHash, summary);
      await g.benchOrganization(opts.opportunities, opts.interactions ?? opts.opportunities * 10, flush, log);
      await flush(true);
    }
    await pipe.drain();
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
  return summary;
}

function defaultNow(): Date {
  const d = new Date();
  d.setUTCHours(9, 0, 0, 0);
  return d;
}

// ---------------------------------------------------------------------------

interface Member {
  id: string;
  name: string;
  locale: 'zh-CN' | 'en';
  role: string;
}

interface Contact {
  id: string;
  name: string;
  title: string;
  roles: string[];
  isCoach: boolean;
  attitude: string;
  influence: number;
}

interface AccountCtx {
  id: string;
  name: string;
  short: string;
  lang: Lang;
  industry: string;
  contacts: Contact[];
}

interface OrgCtx {
  id: string;
  pack: Pack;
  mainModel: string;
  members: Member[];
  competitors: { id: string; name: string; strengths: string; weaknesses: string }[];
  riskThresholds: Record<string, unknown> | null;
}

const MODELS: Record<string, ProcessModel> = Object.fromEntries(['internal-8', 'procurement-6', 'purchasing-cycle-5'].map((k) => [k, getBuiltInModel(k)!]));
const CLIMB_TYPES: Record<number, string[]> = {};
for (const d of EVIDENCE_TYPES) if (!d.stepBack) (CLIMB_TYPES[d.milestone] ??= []).push(d.key);
const STEP_BACKS = EVIDENCE_TYPES.filter((d) => d.stepBack).map((d) => ({ key: d.key, to: d.stepBack! }));

const li = (lang: Lang) => (lang === 'zh' ? 0 : 1);
const pick2 = (b: Bi, lang: Lang) => b[li(lang)];
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

function money(v: number, lang: Lang): string {
  return lang === 'zh' ? `${(v / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 0 })}万元` : `CNY ${(v / 1_000_000).toFixed(1)} million`;
}

class Generator {
  constructor(
    private rng: Rng,
    private buf: Buffers,
    private now: Date,
    private passwordHash: string,
    private summary: SeedSummary,
  ) {}

  /** Titles given so far, with how often. */
  private titles = new Map<string, number>();

  private ago(days: number): Date {
    return new Date(this.now.getTime() - days * DAY);
  }

  // --- organizations and people -----------------------------------------------

  private organization(slug: string, name: string, kind: string, createdAt: Date, users: { email: string; name: string; role: string; locale: 'zh-CN' | 'en' }[], settings: { visibility: string; riskThresholds: Record<string, unknown> | null; model: string }): { id: string; members: Member[] } {
    const id = this.rng.uuid();
    this.buf.organization.add(id, name, slug, null, kind, createdAt);
    const members: Member[] = [];
    for (const u of users) {
      const uid = this.rng.uuid();
      this.buf.user.add(uid, u.name, u.email, true, u.locale, createdAt, createdAt);
      this.buf.authAccount.add(this.rng.uuid(), uid, 'credential', uid, this.passwordHash, createdAt, createdAt);
      this.buf.member.add(this.rng.uuid(), id, uid, u.role, createdAt);
      members.push({ id: uid, name: u.name, locale: u.locale, role: u.role });
    }
    this.buf.orgSettings.add(id, settings.visibility, settings.riskThresholds, settings.model, {}, createdAt);
    this.summary.organizations++;
    return { id, members };
  }

  private competitorsOf(orgId: string, pack: Pack, createdAt: Date): OrgCtx['competitors'] {
    return pack.competitors.map((c) => {
      const id = this.rng.uuid();
      this.buf.competitors.add(id, orgId, c.name, c.website, c.notes, createdAt);
      return { id, name: c.name, strengths: c.strengths.join('；'), weaknesses: c.weaknesses.join('；') };
    });
  }

  private personName(lang: Lang): { name: string; local: string } {
    if (lang === 'zh') {
      const [s, sp] = this.rng.pick(SURNAMES);
      const [g, gp] = this.rng.pick(GIVEN_NAMES);
      return { name: s + g, local: `${gp}.${sp}` };
    }
    const f = this.rng.pick(EN_FIRST);
    const l = this.rng.pick(EN_LAST);
    return { name: `${f} ${l}`, local: `${f}.${l}`.toLowerCase().replace(/[^a-z.]/g, '') };
  }

  private account(org: OrgCtx, a: DemoAccount, createdAt: Date, contactsPerAccount: number, actor: string): AccountCtx {
    const id = this.rng.uuid();
    const pack = org.pack;
    this.buf.accounts.add(id, org.id, a.name, a.industry, a.size, a.region, pick2(pack.vocab.orgStructure, a.lang), a.policies, a.budgetCycle, a.notes, actor, createdAt, createdAt);
    this.buf.activities.add(org.id, actor, 'account', id, id, null, 'account.created', { name: a.name }, createdAt);
    this.summary.accounts++;
    // Which positions of the buying-center tree we know: scaled to the wanted count.
    const totalP = pack.tree.reduce((n, r) => n + r.p, 0);
    const f = contactsPerAccount / totalP;
    const chosen = pack.tree.filter((r) => this.rng.chance(Math.min(1, r.p * f)));
    if (!chosen.length) chosen.push(pack.tree.reduce((best, r) => (r.p > best.p ? r : best)));
    const idOf = new Map<string, string>();
    for (const r of chosen) idOf.set(r.key, this.rng.uuid());
    const byKey = new Map(pack.tree.map((r) => [r.key, r]));
    const manager = (r: RoleNode): string | null => {
      let p = r.parent;
      while (p) {
        const id = idOf.get(p);
        if (id) return id;
        p = byKey.get(p)?.parent ?? null;
      }
      return null;
    };
    const coachIdx = this.rng.chance(0.65) ? this.rng.int(0, chosen.length - 1) : -1;
    const contacts: Contact[] = chosen.map((r, i) => {
      const cid = idOf.get(r.key)!;
      const p = this.personName(a.lang);
      const isCoach = i === coachIdx && !r.roles.includes('supervisor');
      const attitude = isCoach ? 'supporter' : this.rng.weighted([['supporter', 3], ['neutral', 5], ['opponent', 2]] as const);
      const title = pick2(r.title, a.lang);
      this.buf.contacts.add(
        cid, org.id, id, p.name, title, pick2(r.dept, a.lang), manager(r), `${p.local}@${a.domain}`,
        a.lang === 'zh' ? `1${this.rng.int(3, 9)}${String(this.rng.int(0, 999_999_999)).padStart(9, '0')}` : `+65 ${this.rng.int(6000, 9999)} ${this.rng.int(1000, 9999)}`,
        a.lang === 'zh' && this.rng.chance(0.5) ? `wx_${p.local.replace('.', '_')}` : null,
        [...r.roles], isCoach, attitude, r.influence, pick2(r.concerns, a.lang), createdAt, createdAt,
      );
      this.buf.activities.add(org.id, actor, 'contact', cid, id, null, 'contact.created', { name: p.name }, createdAt);
      this.summary.contacts++;
      return { id: cid, name: p.name, title, roles: [...r.roles], isCoach, attitude, influence: r.influence };
    });
    return { id, name: a.name, short: a.short, lang: a.lang, industry: a.industry, contacts };
  }

  demoOrganization(d: DemoOrg): void {
    const pack = PACKS[d.pack];
    const createdAt = this.ago(560);
    const { id, members } = this.organization(d.slug, d.name, 'seller', createdAt, [...d.users], { visibility: d.visibility, riskThresholds: d.riskThresholds, model: d.mainModel });
    const org: OrgCtx = { id, pack, mainModel: d.mainModel, members, competitors: this.competitorsOf(id, pack, createdAt), riskThresholds: d.riskThresholds };
    const accounts = pack.demoAccounts.map((a, i) => this.account(org, a, this.ago(550 - i * 3), 3.7, members[i % members.length]!.id));
    const models = Object.keys(MODELS).filter((k) => k !== d.mainModel);
    const total = 40;
    for (let i = 0; i < total; i++) {
      // Mostly the organization's main model; a few on the others so every board has cards.
      const model = MODELS[i % 8 === 7 ? models[(i >> 3) % models.length]! : d.mainModel]!;
      const account = accounts[i % accounts.length]!;
      this.opportunity(org, account, model, i, this.rng.int(4, 9));
    }
    // Keep-in-touch interactions on accounts (no opportunity).
    for (const a of accounts) {
      if (!this.rng.chance(0.5) || !a.contacts.length) continue;
      const c = this.rng.pick(a.contacts);
      const tpl = this.rng.pick(ACCOUNT_TEMPLATES);
      const at = this.ago(this.rng.int(3, 200));
      const actor = this.rng.pick(org.members).id;
      const vars = this.vars(org, a, null, c);
      this.interaction(org, a, null, actor, at, tpl.type, fill(pick2(tpl.summary, a.lang), vars), null, [], [c.id], []);
    }
  }

  async benchOrganization(n: number, m: number, flush: () => Promise<void>, log: (s: string) => void): Promise<void> {
    const pack = PACKS.automation;
    const createdAt = this.ago(560);
    const users = [
      { email: BENCH_EMAIL, name: 'Bench Owner', role: 'owner', locale: 'en' as const },
      ...Array.from({ length: 9 }, (_, i) => ({ email: `seller${i + 1}@procura.demo`, name: `Seller ${i + 1}`, role: i < 2 ? 'manager' : 'member', locale: (i % 2 ? 'zh-CN' : 'en') as 'zh-CN' | 'en' })),
    ];
    const { id, members } = this.organization('bench', 'Procura Bench 基准测试', 'seller', createdAt, users, { visibility: 'all', riskThresholds: null, model: 'internal-8' });
    const org: OrgCtx = { id, pack, mainModel: 'internal-8', members, competitors: this.competitorsOf(id, pack, createdAt), riskThresholds: null };
    const nAccounts = Math.max(1, Math.ceil(n / 25));
    const accounts: AccountCtx[] = [];
    for (let i = 0; i < nAccounts; i++) accounts.push(this.account(org, this.generatedAccount(pack, i), this.ago(this.rng.int(300, 550)), 5, members[i % members.length]!.id));
    await flush();
    const perOpp = m / n;
    const t0 = Date.now();
    for (let i = 0; i < n; i++) {
      const model = MODELS[i % 10 === 9 ? 'procurement-6' : 'internal-8']!;
      const want = Math.max(1, Math.round(perOpp * this.rng.float(0.5, 1.5)));
      this.opportunity(org, accounts[i % nAccounts]!, model, i, want);
      if (i % 500 === 499) await flush();
      if (i % 10_000 === 9_999) log(`  ${(i + 1).toLocaleString()} opportunities, ${this.summary.interactions.toLocaleString()} interactions (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }

  private generatedAccount(pack: Pack, i: number): DemoAccount {
    const lang: Lang = i % 5 === 4 ? 'en' : 'zh';
    const industry = this.rng.weighted(pack.industries);
    if (lang === 'zh') {
      const [city, province] = this.rng.pick(CITIES);
      return { name: `${city}${this.rng.pick(pack.nameParts.zh)}${this.rng.pick(pack.nameParts.zhSuffix)}（${i + 1}）`, short: city, lang, industry, size: this.rng.pick(['small', 'medium', 'large', 'enterprise'] as const), region: `${province} ${city}`, policies: ['value_for_money'], budgetCycle: 'annual', notes: '', domain: `c${i + 1}.example.cn` };
    }
    const place = this.rng.pick(INTL_PLACES);
    return { name: `${this.rng.pick(pack.nameParts.en)} ${this.rng.pick(pack.nameParts.enSuffix)} ${place} #${i + 1}`, short: place, lang, industry, size: 'medium', region: place, policies: ['quality_first'], budgetCycle: 'annual', notes: '', domain: `c${i + 1}.example.com` };
  }

  // --- one opportunity and its history ----------------------------------------

  private vars(org: OrgCtx, a: AccountCtx, product: { zh: string; en: string; site: Bi } | null, c: Contact | null): Record<string, string> {
    const pack = org.pack;
    const L = a.lang;
    return {
      contact: c?.name ?? pick2(pack.vocab.purchasing, L),
      title: c?.title ?? '',
      product: product ? (L === 'zh' ? product.zh : product.en) : pick2(['设备', 'equipment'], L),
      site: product ? pick2(product.site, L) : pick2(pack.vocab.dept, L),
      account: a.short,
      dept: pick2(pack.vocab.dept, L),
      purchasing: pick2(pack.vocab.purchasing, L),
      credentials: pick2(pack.vocab.credentials, L),
      criteria: pick2(this.rng.pick(pack.criteria), L),
      specPoint: pick2(this.rng.pick(pack.specPoints), L),
      n: String(this.rng.int(4, 9)),
      percent: String(this.rng.int(3, 15)),
      days: String(this.rng.pick([30, 45, 60, 90])),
      score: (this.rng.int(38, 50) / 10).toFixed(1),
      incumbent: this.rng.pick(org.competitors).name,
      competitor: this.rng.pick(org.competitors).name,
    };
  }

  /** The evidence path: milestones climbed in order, sometimes a step back and a climb again. */
  private evidencePath(target: number, ending: 'open' | 'won' | 'lost' | 'abandoned'): string[] {
    const climb = (from: number, to: number, out: string[]) => {
      for (let m = from; m <= to; m++) {
        if (m !== to && m !== from && this.rng.chance(0.2)) continue;
        const types = CLIMB_TYPES[m] ?? [];
        const k = m === 5 || m === 7 ? this.rng.int(1, 2) : 1;
        for (const t of this.rng.sample(types, k)) out.push(t);
      }
    };
    const out: string[] = [];
    const stepBack = ending !== 'won' && target >= 3 && this.rng.chance(0.15) ? this.rng.pick(STEP_BACKS.filter((s) => s.to < target && s.key !== 'project_suspended')) : undefined;
    if (stepBack) {
      const peak = this.rng.int(Math.max(stepBack.to, 2), target);
      climb(1, peak, out);
      out.push(stepBack.key);
      climb(stepBack.to, target, out);
    } else climb(1, target, out);
    if (ending === 'abandoned') out.push('project_suspended');
    return out;
  }

  private opportunity(org: OrgCtx, a: AccountCtx, model: ProcessModel, i: number, wantInteractions: number): void {
    const rng = this.rng;
    const pack = org.pack;
    const L = a.lang;
    const ownerM = org.members[i % org.members.length]!;
    const owner = ownerM.id;
    const product = rng.pick(pack.products);
    const value = Math.round((product.min + rng.next() * (product.max - product.min)) / 10_000) * 10_000;
    const ending = i % 10 === 3 ? 'won' : i % 10 === 6 ? 'lost' : i % 20 === 9 ? 'abandoned' : 'open';
    // Spread the open ones over every stage of the model: stage i mod n, then a milestone in it.
    const stages = model.stages;
    const stageDef = ending === 'won' ? stages[stages.length - 1]! : ending === 'lost' ? stages[Math.min(stages.length - 2, Math.max(0, Math.floor(stages.length / 2) + (i % 2)))]! : stages[i % (ending === 'abandoned' ? 3 : stages.length - 1)]!;
    const target = ending === 'won' ? rng.pick([8, 9]) : rng.pick(stageDef.milestones.filter((m) => m <= 9));
    const path = this.evidencePath(Math.max(1, target), ending);

    // Timeline: created ageDays ago (older the further the project has come, up to
    // 18 months), last contact `gap` days ago (closed ones earlier).
    const ageDays = rng.int(25, Math.min(540, 70 + path.length * 60));
    const start = this.ago(ageDays);
    const closed = ending !== 'open';
    const gap = closed ? rng.int(5, Math.max(6, Math.floor(ageDays / 3))) : rng.weighted([[rng.int(0, 9), 70], [rng.int(10, 30), 20], [rng.int(31, 80), 10]] as const);
    const end = new Date(Math.max(start.getTime() + DAY, this.ago(Math.min(gap, ageDays - 1)).getTime()));
    const nInteractions = Math.max(path.length, wantInteractions);
    // Which interactions carry the evidence: spread in order.
    const carriers = new Map<number, string[]>();
    for (let k = 0; k < path.length; k++) {
      const slot = Math.min(nInteractions - 1, Math.floor(((k + 0.5) * nInteractions) / path.length));
      carriers.set(slot, [...(carriers.get(slot) ?? []), path[k]!]);
    }
    const times: number[] = [];
    for (let k = 0; k < nInteractions; k++) times.push(start.getTime() + Math.round(((k + 1) / nInteractions) * (end.getTime() - start.getTime())) - rng.int(0, 6) * 3_600_000);
    times.sort((x, y) => x - y);

    const id = rng.uuid();
    const base = L === 'zh' ? `${a.short}${product.zh}项目` : `${a.short} ${product.en}`;
    // A customer buying the same thing again: a second phase, not a duplicate title.
    const phase = (this.titles.get(base) ?? 0) + 1;
    this.titles.set(base, phase);
    const title = phase === 1 ? base : L === 'zh' ? `${base}（${phase}期）` : `${base} (phase ${phase})`;
    const late = !closed && rng.chance(0.12) && stages.length > 3 ? stages[Math.min(stages.length - 2, 3)]!.key : null;
    const firstStage = stages[0]!.key;
    const st = { stageSet: late as string | null, stageInferred: firstStage, stage: late ?? firstStage, stageEnteredAt: start, updatedAt: start };
    const moves: { kind: string; from: string | null; to: string; reason: string | null; evidenceIds: string[]; at: Date }[] = [];
    if (late) moves.push({ kind: 'set', from: null, to: late, reason: 'set at creation', evidenceIds: [], at: start });
    this.buf.activities.add(org.id, owner, 'opportunity', id, a.id, id, 'opportunity.created', { title, value, currency: 'CNY', stage: st.stage }, start);

    // Contacts this opportunity goes through: a single channel for some.
    const reach = a.contacts.length ? (rng.chance(0.25) ? [rng.pick(a.contacts)] : rng.sample(a.contacts, rng.int(2, Math.max(2, a.contacts.length)))) : [];
    const competitors = rng.sample(org.competitors, rng.int(1, 3));
    const evidence: EvidenceFact[] = [];
    const facts = new Map<string, { value: string; sources: Set<string>; verified: boolean; at: Date }>();
    let firstInteractionStage: string | null = null;
    for (let k = 0; k < nInteractions; k++) {
      const at = new Date(times[k]!);
      const types = carriers.get(k) ?? [];
      const c = reach.length ? reach[k % reach.length]! : null;
      const contactIds = c ? (reach.length > 1 && rng.chance(0.3) ? [c.id, reach[(k + 1) % reach.length]!.id] : [c.id]) : [];
      const vars = this.vars(org, a, product, c);
      vars.budget = money(value * rng.float(0.9, 1.2), L);
      vars.price = money(value, L);
      vars.date = isoDate(new Date(at.getTime() + rng.int(20, 90) * DAY));
      const tpl: EvidenceTemplate = types.length ? rng.pick(pack.evidence[types[0]!] ?? EVIDENCE_TEMPLATES[types[0]!] ?? FILLER_TEMPLATES) : rng.pick(FILLER_TEMPLATES);
      const summary = fill(pick2(tpl.summary, L), vars);
      const response = tpl.response ? fill(pick2(tpl.response, L), vars) : rng.chance(0.5) ? pick2(rng.pick(CUSTOMER_RESPONSES), L) : null;
      const compResp = competitors.length && rng.chance(0.2) ? [{ competitorId: competitors[0]!.id, response: fill(pick2(rng.pick(COMPETITOR_RESPONSES), L), { ...vars, competitor: competitors[0]!.name }) }] : [];
      const users = rng.chance(0.15) ? [owner, rng.pick(org.members).id].filter((u, n, xs) => xs.indexOf(u) === n) : [owner];
      const interactionId = this.interaction(org, a, id, owner, at, tpl.type, summary, response, compResp, contactIds, users, types.length ? types : undefined);
      if (firstInteractionStage === null) firstInteractionStage = st.stage;
      if (!types.length) continue;
      const evIds: string[] = [];
      for (const type of types) {
        const eid = rng.uuid();
        const doc = tpl.type === 'tender_notice' || tpl.type === 'document_received' || tpl.type === 'bid_submitted';
        const source = c && !(doc && rng.chance(0.5)) ? c.id : null;
        const verified = rng.chance(0.55);
        const kind = getEvidenceType(type)?.fact ?? null;
        const v = kind === 'budget' ? vars.budget! : kind === 'decision_date' ? vars.date! : kind === 'decision_criteria' ? vars.criteria! : null;
        this.buf.evidence.add(eid, org.id, id, interactionId, type, v, source, verified, at, 'manual', at);
        evidence.push({ id: eid, type, occurredAt: at, sourceContactId: source, verified });
        evIds.push(eid);
        if (kind && v) {
          const f = facts.get(kind) ?? { value: v, sources: new Set<string>(), verified: false, at };
          f.value = v;
          if (source) f.sources.add(source);
          f.verified ||= verified;
          f.at = at;
          facts.set(kind, f);
        }
      }
      // What reanalyze() does after an interaction with evidence.
      const inferred = inferStage({ model, evidence, now: at }).stageKey;
      this.applyInference(st, inferred, moves, evIds, at, `${tpl.type}: ${summary.slice(0, 120)}`);
    }

    // A few owners set the stage by hand after the last interaction.
    let outcomeAt: Date | null = null;
    const lastAt = new Date(times[times.length - 1]!);
    if (!closed && rng.chance(0.1)) {
      const idx = stages.findIndex((s) => s.key === st.stage);
      const ahead = rng.chance(0.6) && idx < stages.length - 1;
      const to = stages[ahead ? idx + 1 : Math.max(0, idx - 1)]!.key;
      if (to !== st.stage) {
        const at = new Date(Math.min(this.now.getTime(), lastAt.getTime() + DAY));
        const reason = pick2(rng.pick(ahead ? SET_AHEAD_REASONS : SET_BACK_REASONS), L);
        moves.push({ kind: 'set', from: st.stage, to, reason, evidenceIds: [], at });
        this.buf.activities.add(org.id, owner, 'opportunity', id, a.id, id, 'stage.moved', { from: st.stage, to, direction: moveDirection(model, st.stage, to), reason }, at);
        st.stageSet = to === st.stageInferred ? null : to;
        st.stage = to;
        st.stageEnteredAt = at;
        st.updatedAt = at;
      }
    }
    let lostReason: string | null = null;
    let winner: string | null = null;
    if (closed) {
      outcomeAt = new Date(Math.min(this.now.getTime(), lastAt.getTime() + rng.int(1, 10) * DAY));
      if (ending === 'lost') {
        lostReason = fill(pick2(rng.pick(LOST_REASONS), L), { percent: String(rng.int(3, 12)) });
        winner = competitors[0]?.id ?? null;
      } else if (ending === 'abandoned') lostReason = pick2(rng.pick(ABANDON_REASONS), L);
      this.buf.activities.add(org.id, owner, 'opportunity', id, a.id, id, 'opportunity.closed', { outcome: ending, from: 'open', lostReason, winningCompetitorId: winner }, outcomeAt);
      st.updatedAt = outcomeAt;
    }

    // Competitors' positions.
    const positions: AnalysisRow['competitors'] = competitors.map((c, n) => {
      const position =
        c.id === winner ? 'won' : ending === 'won' ? 'eliminated' : n === 0 && path.includes('dissatisfaction_with_incumbent') ? 'incumbent' : st.stage === stages[stages.length - 1]!.key ? 'eliminated' : rng.weighted([['active', 5], ['shortlisted', 2], ['preferred', 1], ['incumbent', 1]] as const);
      const oc = { id: rng.uuid(), competitorId: c.id, name: c.name, position, strengths: c.strengths, weaknesses: c.weaknesses, updatedAt: lastAt.toISOString() };
      this.buf.oppCompetitors.add(oc.id, org.id, id, c.id, position, c.strengths, c.weaknesses, lastAt);
      this.buf.activities.add(org.id, owner, 'opportunity', id, a.id, id, 'competitor.positioned', { competitor: c.name, changes: { position: [null, position] } }, start);
      return oc;
    });

    const factRows: AnalysisRow['facts'] = [...facts].map(([kind, f]) => ({ kind, value: f.value, sourceContactIds: [...f.sources], verified: f.verified, updatedAt: f.at.toISOString() }));
    for (const f of factRows) this.buf.facts.add(org.id, id, f.kind, f.value, f.sourceContactIds, f.verified, new Date(f.updatedAt));

    // The stored analysis is what the detail route computes now.
    const opp = {
      id, organizationId: org.id, accountId: a.id, title, product: L === 'zh' ? product.zh : product.en, value, currency: 'CNY', processModel: model.key, ownerId: owner,
      expectedDecisionDate: closed ? null : isoDate(new Date(this.now.getTime() + rng.int(14, 180) * DAY)), source: rng.pick(['referral', 'inbound', 'outbound', 'existing_customer', 'event', 'tender_notice', 'partner']),
      stageSet: st.stageSet, stageInferred: st.stageInferred, inferenceConfidence: 0, stage: st.stage, stageEnteredAt: st.stageEnteredAt, outcome: ending, lostReason, winningCompetitorId: winner, closedAt: outcomeAt,
      riskCodes: [] as string[], firstInteractionAt: new Date(times[0]!), firstInteractionStage, lastInteractionAt: lastAt, interactionCount: nInteractions, createdBy: owner, createdAt: start, updatedAt: st.updatedAt,
    };
    const row: AnalysisRow = {
      opp: opp as unknown as OpportunityRow, accountName: a.name, industry: a.industry, ownerName: ownerM.name,
      evidence: evidence.map((e) => ({ id: e.id, type: e.type, occurredAt: e.occurredAt.toISOString(), sourceContactId: e.sourceContactId, verified: e.verified, value: null })),
      contacts: a.contacts.map((c) => ({ id: c.id, name: c.name, title: c.title, roles: c.roles, isCoach: c.isCoach, attitude: c.attitude, influence: c.influence })),
      interactions: [], facts: factRows, competitors: positions, openTaskKeys: [], riskThresholds: org.riskThresholds, stageDurationP75: {},
    };
    // Interactions as analyse() sees them (contact ids only matter for channels).
    row.interactions = this.lastInteractions.map((x) => ({ occurredAt: x.at.toISOString(), contactIds: x.contactIds }));
    let a1 = analyse(row, model, this.now);
    if (!closed && a1.inference.stageKey !== st.stageInferred) {
      this.applyInference(st, a1.inference.stageKey, moves, [], this.now, null);
      Object.assign(opp, { stageSet: st.stageSet, stageInferred: st.stageInferred, stage: st.stage, stageEnteredAt: st.stageEnteredAt, updatedAt: st.updatedAt });
      a1 = analyse(row, model, this.now);
    }
    opp.inferenceConfidence = a1.inference.confidence;
    opp.riskCodes = a1.risks.map((r) => r.code);
    this.lastInteractions = [];
    this.buf.opportunities.add(
      opp.id, opp.organizationId, opp.accountId, opp.title, opp.product, opp.value, opp.currency, opp.processModel, opp.ownerId, opp.expectedDecisionDate, opp.source,
      opp.stageSet, opp.stageInferred, opp.inferenceConfidence, opp.stage, opp.stageEnteredAt, opp.outcome, opp.lostReason, opp.winningCompetitorId, opp.closedAt,
      opp.riskCodes, opp.firstInteractionAt, opp.firstInteractionStage, opp.lastInteractionAt, opp.interactionCount, opp.createdBy, opp.createdAt, opp.updatedAt,
    );
    for (const mv of moves) {
      const direction = mv.from ? moveDirection(model, mv.from, mv.to) : 'forward';
      this.buf.stageMoves.add(rng.uuid(), org.id, id, mv.kind, mv.from, mv.to, direction, mv.reason, mv.evidenceIds, owner, mv.at);
      if (mv.kind === 'inferred') this.buf.activities.add(org.id, owner, 'opportunity', id, a.id, id, 'stage.inferred', { from: mv.from, to: mv.to, direction }, mv.at);
    }
    this.summary.opportunities++;

    // Next actions: the playbook's top suggestions as open tasks (some overdue), and done ones from the past.
    if (!closed) {
      for (const s of a1.suggestions.slice(0, rng.int(1, 2))) {
        const due = new Date(this.now.getTime() + rng.int(-4, 14) * DAY);
        const created = new Date(Math.min(this.now.getTime(), lastAt.getTime() + DAY));
        const t = s.title[ownerM.locale];
        this.buf.tasks.add(rng.uuid(), org.id, id, t, owner, isoDate(due), 'open', 'playbook', s.key, null, created);
        this.buf.activities.add(org.id, owner, 'opportunity', id, a.id, id, 'task.created', { title: t }, created);
      }
    }
    if (rng.chance(0.6)) {
      const t = pick2(rng.pick(MANUAL_TASKS), L);
      const created = new Date(start.getTime() + DAY);
      const done = new Date(Math.min(this.now.getTime(), created.getTime() + rng.int(2, 20) * DAY));
      this.buf.tasks.add(rng.uuid(), org.id, id, t, owner, isoDate(done), 'done', 'manual', null, done, created);
      this.buf.activities.add(org.id, owner, 'opportunity', id, a.id, id, 'task.completed', { title: t }, done);
    }
  }

  private lastInteractions: { at: Date; contactIds: string[] }[] = [];

  private applyInference(
    st: { stageSet: string | null; stageInferred: string; stage: string; stageEnteredAt: Date; updatedAt: Date },
    inferred: string,
    moves: { kind: string; from: string | null; to: string; reason: string | null; evidenceIds: string[]; at: Date }[],
    evidenceIds: string[],
    at: Date,
    reason: string | null,
  ): void {
    if (inferred !== st.stageInferred) {
      moves.push({ kind: 'inferred', from: st.stageInferred, to: inferred, reason, evidenceIds, at });
      if (st.stageSet === inferred) st.stageSet = null;
      st.stageInferred = inferred;
      st.updatedAt = at;
    }
    const effective = st.stageSet ?? inferred;
    if (effective !== st.stage) {
      st.stage = effective;
      st.stageEnteredAt = at;
    }
  }

  private interaction(
    org: OrgCtx, a: AccountCtx, oppId: string | null, actor: string, at: Date, type: string, summary: string, response: string | null,
    compResp: { competitorId: string; response: string }[], contactIds: string[], users: string[], evidenceTypes?: string[],
  ): string {
    const id = this.rng.uuid();
    this.buf.interactions.add(id, org.id, a.id, oppId, type, at, summary, response, compResp, contactIds, users.length ? users : [actor], actor, at);
    this.buf.activities.add(org.id, actor, 'interaction', id, a.id, oppId, 'interaction.logged', { type, summary: summary.slice(0, 500), customerResponse: response?.slice(0, 500) ?? null, evidence: evidenceTypes ?? [], contacts: contactIds.length }, at);
    if (oppId) this.lastInteractions.push({ at, contactIds });
    this.summary.interactions++;
    return id;
  }
}

