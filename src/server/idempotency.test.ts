// Idempotency-Key under a retry storm: for EVERY create (every POST a signed-in
// user sends), twenty identical requests sent at once with one key do the work
// once, and every one of them gets the same answer. An answer lost after the
// commit is answered again from what the transaction stored; a request that
// fails leaves its key unused.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../tests/api';
import { makeBuyWorld, makeWorld, type BuyWorld, type World } from '../../tests/fixtures';
import { DAY, ceremony, enrolHolder, handOver, mustAs, publish, sealBid, tenderBody, type Holder } from '../../tests/buy';
import { buildApp } from './app';

let env: TestEnv;
let a: TestUser;
let w: World;
let n = 0;
let bw: BuyWorld;

let holders: Holder[];
let seller: TestUser;

beforeAll(async () => {
  env = await createTestEnv();
  a = await env.signUp({ org: 'Idempotent Medical', kind: 'both' });
  w = await makeWorld(env, a, 'I');
  bw = await makeBuyWorld(env, a, 'I');
  holders = [await enrolHolder(env, await env.addMember(a, 'manager')), await enrolHolder(env, await env.addMember(a, 'manager'))];
  seller = await env.signUp({ org: 'Idempotent Supplier', kind: 'seller' });
});
afterAll(() => env.close());

const TABLES = ['experts', 'evaluations', 'committee_members', 'screening_results', 'score_sheets', 'award_lots', 'objections', 'bid_results', 'contracts', 'suppliers', 'certifications', 'certification_documents', 'tenders', 'tender_documents', 'tender_keys', 'tender_amendments', 'tender_questions', 'tender_clarifications', 'tender_invitations', 'bids', 'bid_versions', 'opening_shares', 'tender_openings', 'bid_openings', 'notifications', 'outbox', 'key_holders', 'tender_links', 'requisitions', 'requisition_items', 'requisition_steps', 'projects', 'audit_chain', 'accounts', 'contacts', 'competitors', 'opportunities', 'opportunity_facts', 'opportunity_competitors', 'interactions', 'evidence_items', 'tasks', 'stage_moves', 'activities', 'process_models', 'invitation', 'member'];
async function counts(): Promise<Record<string, number>> {
  const rows = await env.sql<{ t: string; n: number }>(TABLES.map((t) => `select '${t}' as t, count(*)::int as n from ${t}`).join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}
const delta = (before: Record<string, number>, after: Record<string, number>) => Object.fromEntries(TABLES.map((t) => [t, after[t]! - before[t]!]));

async function freshOpportunity(): Promise<string> {
  const r = await env.request(a, 'POST', '/api/v1/opportunities', { accountId: w.accountId, title: `重试项目 ${++n}`, value: 1_000_000, processModel: 'internal-8' });
  expect(r.status).toBe(201);
  return r.body.id;
}

interface Create {
  url: (opp: string) => string;
  /** A new request each call (unique names where the table wants them). */
  body: (opp: string) => unknown;
  /** Needs its own opportunity per run (stage moves and outcomes change it). */
  perOpportunity?: boolean;
  /** Needs its own requisition per run, in this state (raised by the world's requester). */
  perRequisition?: 'draft' | 'submitted';
  /** Who sends it (default: the organization's owner). */
  as?: () => TestUser;
}

async function freshRequisition(state: 'draft' | 'submitted'): Promise<string> {
  const r = await env.request(bw.requester, 'POST', '/api/v1/requisitions', { title: `重试 ${++n}`, department: '生产部', justification: 'x', items: [{ name: 'n', quantity: '1', unit: 'u', unitPrice: '5' }] });
  if (state === 'submitted') expect((await env.request(bw.requester, 'POST', `/api/v1/requisitions/${r.body.id}/submit`)).status).toBe(200);
  return r.body.id;
}

const creates: Record<string, Create> = {
  'POST /api/v1/me/organization': { url: () => '/api/v1/me/organization', body: () => ({ organizationId: a.orgId }) },
  'POST /api/v1/organization/invitations': { url: () => '/api/v1/organization/invitations', body: () => ({ email: `retry-${++n}@example.test`, role: 'member' }) },
  'POST /api/v1/process-models': {
    url: () => '/api/v1/process-models',
    body: () => ({
      key: `retry-model-${++n}`,
      name: { 'zh-CN': '重试流程', en: 'Retry process' },
      stages: [
        { key: 'need', name: { 'zh-CN': '需求', en: 'Need' }, backbone: 'need', milestones: [1, 2, 3, 4] },
        { key: 'buy', name: { 'zh-CN': '购买', en: 'Buy' }, backbone: 'buy', milestones: [5, 6, 7, 8, 9] },
      ],
    }),
  },
  'POST /api/v1/accounts': { url: () => '/api/v1/accounts', body: () => ({ name: `重试客户 ${++n}`, industry: 'medical' }) },
  'POST /api/v1/contacts': { url: () => '/api/v1/contacts', body: () => ({ accountId: w.accountId, name: `重试联系人 ${++n}`, buyingRoles: ['user'] }) },
  'POST /api/v1/competitors': { url: () => '/api/v1/competitors', body: () => ({ name: `重试对手 ${++n}` }) },
  'POST /api/v1/opportunities': { url: () => '/api/v1/opportunities', body: () => ({ accountId: w.accountId, title: `重试商机 ${++n}`, value: 500_000 }) },
  'POST /api/v1/opportunities/{id}/stage': { url: (o) => `/api/v1/opportunities/${o}/stage`, body: () => ({ stage: 'purchasing_criteria' }), perOpportunity: true },
  'POST /api/v1/opportunities/{id}/outcome': { url: (o) => `/api/v1/opportunities/${o}/outcome`, body: () => ({ outcome: 'lost', lostReason: `价格 ${++n}` }), perOpportunity: true },
  'POST /api/v1/interactions': {
    url: () => '/api/v1/interactions',
    body: (o) => ({ opportunityId: o, type: 'call', summary: `重试电话 ${++n}`, contactIds: [w.contactIds.engineer], evidence: [{ type: 'budget_known', value: '1,000,000 CNY', sourceContactId: w.contactIds.engineer }] }),
    perOpportunity: true,
  },
  'POST /api/v1/tasks': { url: () => '/api/v1/tasks', body: () => ({ opportunityId: w.opportunityId, title: `重试待办 ${++n}` }) },
  'POST /api/v1/requisitions': { url: () => '/api/v1/requisitions', body: () => ({ title: `重试申请 ${++n}`, department: '生产部', justification: '扩产', items: [{ name: '阀门', quantity: '2', unit: '个', unitPrice: '10' }] }) },
  'POST /api/v1/requisitions/{id}/submit': { url: (r) => `/api/v1/requisitions/${r}/submit`, body: () => undefined, perRequisition: 'draft', as: () => bw.requester },
  'POST /api/v1/requisitions/{id}/decision': { url: (r) => `/api/v1/requisitions/${r}/decision`, body: () => ({ decision: 'approve' }), perRequisition: 'submitted' },
  'POST /api/v1/requisitions/{id}/withdraw': { url: (r) => `/api/v1/requisitions/${r}/withdraw`, body: () => undefined, perRequisition: 'submitted', as: () => bw.requester },
};

/** Buy-side creates: each run prepares its own target (a draft to publish, a tender with a bid to withdraw…). */
interface Prepared {
  id: string;
  id2?: string;
  as?: TestUser;
  body?: unknown;
}
interface BuyCreate {
  prepare: () => Promise<Prepared>;
  url: (p: Prepared) => string;
  body: (p: Prepared) => unknown;
}
const must = (u: TestUser, method: string, url: string, body?: unknown) => mustAs(env)(u, method, url, body);
const draft = async (o: Parameters<typeof tenderBody>[3] = {}) => (await must(a, 'POST', '/api/v1/tenders', tenderBody(bw.projectId, holders, env.clock.now(), o))).id as string;
const published = async (o: Parameters<typeof tenderBody>[3] = {}) => {
  const id = await draft(o);
  await publish(env, a, id);
  return id;
};
const withBid = async (o: Parameters<typeof tenderBody>[3] = {}) => {
  const id = await published(o);
  const pub = await must(seller, 'GET', `/api/v1/market/tenders/${id}`);
  await must(seller, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, seller.orgId, '100.00'));
  return id;
};
const invitedSupplier = async () => (await must(a, 'POST', '/api/v1/suppliers', { name: `重试供应商 ${++n}`, contactEmail: `s${++n}@example.test` })) as { id: string; inviteUrl: string };
const openCert = async () => {
  const s = await invitedSupplier();
  return (await must(a, 'POST', `/api/v1/suppliers/${s.id}/certifications`, { category: 'goods' })).certifications[0].id as string;
};
const file = () => ({ name: `文件${++n}.txt`, mediaType: 'text/plain', data: Buffer.from(`content ${n}`).toString('base64') });

/** An opened tender (one bid, the seller's), its evaluation taken by the buyer's chair alone (enterprise) up to a step. */
type Step = 'opened' | 'convened' | 'declared' | 'screened' | 'scoring' | 'submitted' | 'report' | 'final' | 'published';
const STEPS: Step[] = ['opened', 'convened', 'declared', 'screened', 'scoring', 'submitted', 'report', 'final', 'published'];
async function evaluatedTo(step: Step, days = 2): Promise<string> {
  const id = await withBid({ minValidBids: 1, deadlineDays: 2, questionsDays: 1 });
  env.clock.advance(3 * DAY);
  await handOver(env, holders[0]!, id);
  await handOver(env, holders[1]!, id);
  const ev = `/api/v1/evaluations/${id}`;
  const at = (s: Step) => STEPS.indexOf(step) >= STEPS.indexOf(s);
  if (at('convened')) {
    await must(a, 'PUT', `${ev}/committee`, { staff: [{ userId: a.userId, chair: true }] });
    await must(a, 'POST', `${ev}/convene`);
  }
  if (at('declared')) await must(a, 'POST', `${ev}/declaration`, { declarations: [{ bidderOrgId: seller.orgId, conflict: false }] });
  const bidId = at('declared') ? ((await must(a, 'GET', `${ev}/bids`)).items[0].bidId as string) : '';
  if (at('screened')) await must(a, 'PUT', `${ev}/screening`, { results: ['Q1', 'Q2'].map((q) => ({ bidId, requirementKey: q, passed: true })) });
  if (at('scoring')) {
    await must(a, 'POST', `${ev}/screening/close`);
    await must(a, 'PUT', `${ev}/sheets/${bidId}`, { scores: { C1: '80', C2: '70' } });
  }
  if (at('submitted')) await must(a, 'POST', `${ev}/sheets/submit`);
  if (at('report')) await must(a, 'POST', `${ev}/scoring/close`);
  if (at('final')) await must(a, 'POST', `${ev}/sign`, {});
  if (at('published')) await must(a, 'POST', `/api/v1/tenders/${id}/candidates/publish`, { days });
  return id;
}
const bidOf = async (id: string) => (await must(a, 'GET', `/api/v1/evaluations/${id}/bids`)).items[0].bidId as string;
const poolExpert = async (field: string) => {
  const x = await env.signUp({ kind: 'buyer' });
  await must(a, 'POST', '/api/v1/experts', { email: x.email, fields: [field], title: '工程师', years: 5 });
};

const evaluationCreates: Record<string, BuyCreate> = {
  'POST /api/v1/experts': { prepare: async () => ({ id: (await env.signUp({ kind: 'buyer' })).email }), url: () => '/api/v1/experts', body: (p) => ({ email: p.id, fields: ['机电'], title: '教授', years: 10 }) },
  'POST /api/v1/evaluations/{id}/draws': {
    prepare: async () => {
      const field = `领域${++n}`;
      await poolExpert(field);
      return { id: await evaluatedTo('opened'), id2: field };
    },
    url: (p) => `/api/v1/evaluations/${p.id}/draws`,
    body: (p) => ({ field: p.id2, count: 1 }),
  },
  'POST /api/v1/evaluations/{id}/members/{memberId}/replace': {
    prepare: async () => {
      const field = `领域${++n}`;
      await poolExpert(field);
      await poolExpert(field);
      const id = await evaluatedTo('opened');
      const s = await must(a, 'POST', `/api/v1/evaluations/${id}/draws`, { field, count: 1 });
      return { id, id2: s.members[0].id };
    },
    url: (p) => `/api/v1/evaluations/${p.id}/members/${p.id2}/replace`,
    body: () => ({ reason: '出差无法到场' }),
  },
  'POST /api/v1/evaluations/{id}/convene': {
    prepare: async () => {
      const id = await evaluatedTo('opened');
      await must(a, 'PUT', `/api/v1/evaluations/${id}/committee`, { staff: [{ userId: a.userId, chair: true }] });
      return { id };
    },
    url: (p) => `/api/v1/evaluations/${p.id}/convene`,
    body: () => undefined,
  },
  'POST /api/v1/evaluations/{id}/declaration': { prepare: async () => ({ id: await evaluatedTo('convened') }), url: (p) => `/api/v1/evaluations/${p.id}/declaration`, body: () => ({ declarations: [{ bidderOrgId: seller.orgId, conflict: false }] }) },
  'POST /api/v1/evaluations/{id}/screening/close': { prepare: async () => ({ id: await evaluatedTo('screened') }), url: (p) => `/api/v1/evaluations/${p.id}/screening/close`, body: () => undefined },
  'POST /api/v1/evaluations/{id}/sheets/submit': { prepare: async () => ({ id: await evaluatedTo('scoring') }), url: (p) => `/api/v1/evaluations/${p.id}/sheets/submit`, body: () => undefined },
  'POST /api/v1/evaluations/{id}/scoring/close': { prepare: async () => ({ id: await evaluatedTo('submitted') }), url: (p) => `/api/v1/evaluations/${p.id}/scoring/close`, body: () => undefined },
  'POST /api/v1/evaluations/{id}/sign': { prepare: async () => ({ id: await evaluatedTo('report') }), url: (p) => `/api/v1/evaluations/${p.id}/sign`, body: () => ({}) },
  'POST /api/v1/tenders/{id}/candidates/publish': { prepare: async () => ({ id: await evaluatedTo('final') }), url: (p) => `/api/v1/tenders/${p.id}/candidates/publish`, body: () => ({ days: 2 }) },
  'POST /api/v1/market/tenders/{id}/objections': { prepare: async () => ({ id: await evaluatedTo('published'), as: seller }), url: (p) => `/api/v1/market/tenders/${p.id}/objections`, body: () => ({ grounds: '评分依据不充分，请复核。' }) },
  'POST /api/v1/tenders/{id}/objections/{objectionId}/answer': {
    prepare: async () => {
      const id = await evaluatedTo('published');
      await must(seller, 'POST', `/api/v1/market/tenders/${id}/objections`, { grounds: '评分依据不充分，请复核。' });
      return { id, id2: (await must(a, 'GET', `/api/v1/tenders/${id}/award`)).objections[0].id };
    },
    url: (p) => `/api/v1/tenders/${p.id}/objections/${p.id2}/answer`,
    body: () => ({ answer: '经复核，评分符合招标文件。' }),
  },
  'POST /api/v1/tenders/{id}/lots/{lotKey}/award': { prepare: async () => ({ id: await evaluatedTo('published', 0) }), url: (p) => `/api/v1/tenders/${p.id}/lots/L1/award`, body: () => ({}) },
  'POST /api/v1/tenders/{id}/lots/{lotKey}/out': {
    prepare: async () => {
      const id = await evaluatedTo('published', 0);
      return { id, id2: await bidOf(id) };
    },
    url: (p) => `/api/v1/tenders/${p.id}/lots/L1/out`,
    body: (p) => ({ bidId: p.id2, reason: '放弃中标' }),
  },
  'POST /api/v1/tenders/{id}/lots/{lotKey}/retender': {
    prepare: async () => {
      const id = await evaluatedTo('published', 0);
      await must(a, 'POST', `/api/v1/tenders/${id}/lots/L1/out`, { bidId: await bidOf(id), reason: '放弃中标' });
      return { id };
    },
    url: (p) => `/api/v1/tenders/${p.id}/lots/L1/retender`,
    body: () => ({ reason: '候选人均已放弃' }),
  },
};

const buyCreates: Record<string, BuyCreate> = {
  ...evaluationCreates,
  'POST /api/v1/suppliers': { prepare: async () => ({ id: '' }), url: () => '/api/v1/suppliers', body: () => ({ name: `重试供应商 ${++n}`, contactEmail: `retry-s${++n}@example.test` }) },
  'POST /api/v1/suppliers/{id}/certifications': { prepare: async () => ({ id: (await invitedSupplier()).id }), url: (p) => `/api/v1/suppliers/${p.id}/certifications`, body: () => ({ category: 'goods' }) },
  'POST /api/v1/certifications/{id}/decision': { prepare: async () => ({ id: await openCert() }), url: (p) => `/api/v1/certifications/${p.id}/decision`, body: () => ({ to: 'rejected', reason: '资质不全' }) },
  'POST /api/v1/certifications/{id}/documents': { prepare: async () => ({ id: await openCert() }), url: (p) => `/api/v1/certifications/${p.id}/documents`, body: () => file() },
  'POST /api/v1/registrations': { prepare: async () => ({ id: (await env.signUp({ kind: 'buyer' })).orgId, as: seller }), url: () => '/api/v1/registrations', body: (p) => ({ buyerOrgId: p.id }) },
  'POST /api/v1/registrations/applications': { prepare: async () => ({ id: (await env.signUp({ kind: 'buyer' })).orgId, as: seller }), url: () => '/api/v1/registrations/applications', body: (p) => ({ buyerOrgId: p.id, category: 'services' }) },
  'POST /api/v1/registrations/accept-invite': {
    prepare: async () => ({ id: (await invitedSupplier()).inviteUrl.split('/').pop()!, as: await env.signUp({ kind: 'seller' }) }),
    url: () => '/api/v1/registrations/accept-invite',
    body: (p) => ({ token: p.id }),
  },
  'POST /api/v1/tenders': { prepare: async () => ({ id: '' }), url: () => '/api/v1/tenders', body: () => tenderBody(bw.projectId, holders, env.clock.now()) },
  'POST /api/v1/tenders/{id}/publish': {
    prepare: async () => {
      const id = await draft();
      return { id, body: { keys: await ceremony(env, a, id, ['single'], 2) } };
    },
    url: (p) => `/api/v1/tenders/${p.id}/publish`,
    body: (p) => p.body,
  },
  'POST /api/v1/tenders/{id}/amendments': { prepare: async () => ({ id: await published() }), url: (p) => `/api/v1/tenders/${p.id}/amendments`, body: () => ({ reason: '交货期调整', material: true, deadline: new Date(env.clock.now().getTime() + 40 * DAY).toISOString() }) },
  'POST /api/v1/tenders/{id}/cancel': { prepare: async () => ({ id: await published() }), url: (p) => `/api/v1/tenders/${p.id}/cancel`, body: () => ({ reason: '需求变更' }) },
  'POST /api/v1/tenders/{id}/documents': { prepare: async () => ({ id: await draft() }), url: (p) => `/api/v1/tenders/${p.id}/documents`, body: () => file() },
  'POST /api/v1/tenders/{id}/questions': { prepare: async () => ({ id: await published(), as: seller }), url: (p) => `/api/v1/tenders/${p.id}/questions`, body: () => ({ question: `问题 ${++n}` }) },
  'POST /api/v1/tenders/{id}/questions/{questionId}/answer': {
    prepare: async () => {
      const id = await published();
      await must(seller, 'POST', `/api/v1/tenders/${id}/questions`, { question: '包装要求？' });
      return { id, id2: (await must(a, 'GET', `/api/v1/tenders/${id}`)).questions[0].id };
    },
    url: (p) => `/api/v1/tenders/${p.id}/questions/${p.id2}/answer`,
    body: () => ({ answer: '木箱包装。' }),
  },
  'POST /api/v1/tenders/{id}/clarifications': { prepare: async () => ({ id: await published() }), url: (p) => `/api/v1/tenders/${p.id}/clarifications`, body: () => ({ question: '付款方式', answer: '验收后 30 天' }) },
  'POST /api/v1/tenders/{id}/opening/shares': {
    prepare: async () => {
      const id = await withBid({ minValidBids: 1, deadlineDays: 2, questionsDays: 1 });
      env.clock.advance(3 * DAY);
      const state = await must(holders[0]!.user, 'GET', `/api/v1/tenders/${id}/opening`);
      const { openShare } = await import('../domain/sealing/tender-key');
      const { toBase64 } = await import('../domain/sealing/bytes');
      return { id, as: holders[0]!.user, body: { envelope: state.envelope, share: toBase64(openShare(state.key, holders[0]!.user.userId, holders[0]!.secret)!) } };
    },
    url: (p) => `/api/v1/tenders/${p.id}/opening/shares`,
    body: (p) => p.body,
  },
  'POST /api/v1/tenders/{id}/opening/postpone': {
    prepare: async () => {
      const id = await withBid({ minValidBids: 1, deadlineDays: 2, questionsDays: 1 });
      env.clock.advance(3 * DAY);
      return { id };
    },
    url: (p) => `/api/v1/tenders/${p.id}/opening/postpone`,
    body: () => ({ reason: '密钥持有人出差', openingAt: new Date(env.clock.now().getTime() + DAY).toISOString() }),
  },
  'POST /api/v1/market/tenders/{id}/bid': {
    prepare: async () => {
      const id = await published();
      return { id, as: seller, body: sealBid(await must(seller, 'GET', `/api/v1/market/tenders/${id}`), seller.orgId, '99.00') };
    },
    url: (p) => `/api/v1/market/tenders/${p.id}/bid`,
    body: (p) => p.body,
  },
  'POST /api/v1/market/tenders/{id}/bid/withdraw': { prepare: async () => ({ id: await withBid(), as: seller }), url: (p) => `/api/v1/market/tenders/${p.id}/bid/withdraw`, body: () => undefined },
  'POST /api/v1/market/tenders/{id}/bid/confirm': {
    prepare: async () => {
      const id = await withBid();
      await must(a, 'POST', `/api/v1/tenders/${id}/amendments`, { reason: '数量调整', material: true });
      return { id, as: seller };
    },
    url: (p) => `/api/v1/market/tenders/${p.id}/bid/confirm`,
    body: () => undefined,
  },
  'POST /api/v1/notifications/{id}/read': {
    prepare: async () => {
      await withBid();
      return { id: (await must(seller, 'GET', '/api/v1/notifications?unread=true')).items[0].id, as: seller };
    },
    url: (p) => `/api/v1/notifications/${p.id}/read`,
    body: () => undefined,
  },
  'POST /api/v1/notifications/read-all': { prepare: async () => ({ id: '', as: seller }), url: () => '/api/v1/notifications/read-all', body: () => undefined },
};

/** POSTs that take no Idempotency-Key because they have no signed-in tenant; their "only once" rule is tested with them. */
const publicPosts: Record<string, string> = {
  'POST /api/v1/auth/sign-up': 'one user per address: the unique address decides (below)',
  'POST /api/v1/invitations/{id}/accept': 'accepting twice is one membership (organizations.test.ts)',
};

describe('Idempotency-Key under concurrency: every create', () => {
  it('the table covers every POST operation in the OpenAPI document', async () => {
    const doc = (await env.request(null, 'GET', '/api/openapi.json')).body;
    const posts = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, o]) => (o.post ? [`POST ${p}`] : []));
    expect(posts.filter((op) => !creates[op] && !buyCreates[op] && !publicPosts[op])).toEqual([]);
  });

  for (const [op, c] of Object.entries(creates)) {
    it(`${op}: 20 identical requests at once with one key write once and all answer alike`, async () => {
      // What one request writes.
      const who = c.as?.() ?? a;
      const fresh = () => (c.perRequisition ? freshRequisition(c.perRequisition) : c.perOpportunity ? freshOpportunity() : Promise.resolve(w.opportunityId));
      const refOpp = await fresh();
      const before = await counts();
      const ref = await env.request(who, 'POST', c.url(refOpp), c.body(refOpp));
      expect(ref.status, JSON.stringify(ref.body)).toBeLessThan(300);
      const once = delta(before, await counts());

      const opp = await fresh();
      const body = c.body(opp);
      const key = randomUUID();
      const start = await counts();
      const answers = await Promise.all(Array.from({ length: 20 }, () => env.request(who, 'POST', c.url(opp), body, { 'idempotency-key': key })));
      expect(delta(start, await counts())).toEqual(once);
      const first = answers.find((r) => r.status < 300)!;
      expect(first.status).toBe(ref.status);
      for (const r of answers) {
        if (r.status === 409) continue;
        expect(r.status).toBe(first.status);
        expect(r.body).toEqual(first.body);
      }
      expect(answers.filter((r) => r.headers['idempotent-replayed'] === 'true').length).toBeGreaterThanOrEqual(c.url(opp) === '/api/v1/me/organization' ? 0 : 19);
      const keys = await env.sql('select status_code, response is not null as stored from idempotency_keys where key = $1', [key]);
      expect(keys.length).toBeLessThanOrEqual(1);
    });
  }
});

describe('Idempotency-Key under concurrency: every buy-side create', () => {
  for (const [op, c] of Object.entries(buyCreates)) {
    it(`${op}: 20 identical requests at once with one key write once and all answer alike`, async () => {
      const refP = await c.prepare();
      const before = await counts();
      const ref = await env.request(refP.as ?? a, 'POST', c.url(refP), c.body(refP));
      expect(ref.status, JSON.stringify(ref.body)).toBeLessThan(300);
      const once = delta(before, await counts());
      const p = await c.prepare();
      const body = c.body(p);
      const key = randomUUID();
      const start = await counts();
      const answers = await Promise.all(Array.from({ length: 20 }, () => env.request(p.as ?? a, 'POST', c.url(p), body, { 'idempotency-key': key })));
      expect(delta(start, await counts())).toEqual(once);
      const first = answers.find((r) => r.status < 300)!;
      expect(first?.status, JSON.stringify(answers.map((r) => r.body))).toBe(ref.status);
      for (const r of answers) {
        if (r.status === 409) continue;
        expect(r.status).toBe(first.status);
        expect(r.body).toEqual(first.body);
      }
    });
  }
});

describe('Idempotency-Key: answers lost and requests failed', () => {
  it('an answer lost after the commit is answered again from what the transaction stored', async () => {
    // A second app on the same runtime, whose first answer to this key never arrives.
    const app = await buildApp(env.rt.deps, { webDist: null });
    const key = randomUUID();
    let lose = true;
    app.addHook('onSend', async (request, _reply, payload) => {
      if (lose && request.headers['idempotency-key'] === key) {
        lose = false;
        throw new Error('connection lost before the answer was written');
      }
      return payload;
    });
    const send = () =>
      app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { ...a.headers, 'content-type': 'application/json', 'idempotency-key': key }, payload: JSON.stringify({ name: '断线客户', industry: 'medical' }) });
    const lost = await send();
    expect(lost.statusCode).toBe(500);
    // The write and its answer committed together.
    const stored = await env.sql('select status_code, response from idempotency_keys where key = $1', [key]);
    expect(stored).toHaveLength(1);
    expect(stored[0].status_code).toBe(201);
    const retry = await send();
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const created = JSON.parse(retry.body);
    expect(created).toEqual(stored[0].response);
    expect((await env.sql(`select count(*)::int n from accounts where name = '断线客户'`))[0].n).toBe(1);
    expect((await env.request(a, 'GET', `/api/v1/accounts/${created.id}`)).body).toEqual(created);
    await app.close();
  });

  it('a request that fails inside its transaction leaves its key unused and writes nothing', async () => {
    const key = randomUUID();
    const before = await counts();
    const bad = await env.request(a, 'POST', '/api/v1/contacts', { accountId: randomUUID(), name: '无主联系人' }, { 'idempotency-key': key });
    expect(bad.status).toBe(404);
    expect(await env.sql('select 1 from idempotency_keys where key = $1', [key])).toHaveLength(0);
    expect(delta(before, await counts())).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
    // The same key for the corrected request works once.
    const good = await env.request(a, 'POST', '/api/v1/contacts', { accountId: w.accountId, name: '有主联系人' }, { 'idempotency-key': key });
    expect(good.status).toBe(201);
    const again = await env.request(a, 'POST', '/api/v1/contacts', { accountId: w.accountId, name: '有主联系人' }, { 'idempotency-key': key });
    expect(again.body).toEqual(good.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('the same key with another request is refused with 422, also while the first is still running', async () => {
    const key = randomUUID();
    const [x, y] = await Promise.all([
      env.request(a, 'POST', '/api/v1/accounts', { name: '并发甲', industry: 'medical' }, { 'idempotency-key': key }),
      env.request(a, 'POST', '/api/v1/accounts', { name: '并发乙', industry: 'medical' }, { 'idempotency-key': key }),
    ]);
    expect([x.status, y.status].sort()).toEqual([201, 422]);
    const refused = x.status === 422 ? x : y;
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.code).toBe('idempotency.key_reused');
    expect((await env.sql(`select count(*)::int n from accounts where name in ('并发甲', '并发乙')`))[0].n).toBe(1);
  });

  it('a key older than 24 hours is claimed afresh', async () => {
    const key = randomUUID();
    const first = await env.request(a, 'POST', '/api/v1/competitors', { name: '过期对手一' }, { 'idempotency-key': key });
    await env.sql(`update idempotency_keys set created_at = now() - interval '25 hours' where key = $1`, [key]);
    const later = await env.request(a, 'POST', '/api/v1/competitors', { name: '过期对手二' }, { 'idempotency-key': key });
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('sign-up: one user per address', () => {
  it('ten sign-ups at once with one address create one user; the others are told it is taken', async () => {
    const email = `rush-${randomUUID().slice(0, 8)}@example.test`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        env.rt.app.inject({ method: 'POST', url: '/api/v1/auth/sign-up', payload: { name: `Rush ${i}`, email, password: 'correct-horse-battery', organizationName: `Rush Org ${i}`, organizationKind: 'seller' } }),
      ),
    );
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const s of statuses) expect([201, 409, 422]).toContain(s);
    expect((await env.sql('select count(*)::int n from "user" where email = $1', [email]))[0].n).toBe(1);
    expect((await env.sql(`select count(*)::int n from organization where name like 'Rush Org %'`))[0].n).toBe(1);
  });
});
