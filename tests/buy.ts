// Helpers for buy-side API tests: a buying organization with key holders, a
// tender set up and published through a real key ceremony, bids sealed the way
// the bidder's browser seals them, shares opened the way a key holder's browser
// opens them. Everything goes through the public API.
import { createTenderKey, openShare, type TenderKey } from '../src/domain/sealing/tender-key';
import { createHolderKey, unlockHolderKey } from '../src/domain/sealing/holder-key';
import { sealEnvelope, type BidSubmission, type EnvelopeContent } from '../src/domain/sealing/bid';
import { toBase64, utf8 } from '../src/domain/sealing/bytes';
import type { TestEnv, TestUser } from './api';

/** The least scrypt cost the server takes (tests stay quick; the browser uses more). */
export const TEST_SCRYPT = { N: 2 ** 15, r: 8, p: 1 };
export const DAY = 86_400_000;

export interface Holder {
  user: TestUser;
  passphrase: string;
  secret: Uint8Array;
}

export const mustAs = (env: TestEnv) => async (u: TestUser, method: string, url: string, body?: unknown, headers?: Record<string, string>) => {
  const r = await env.request(u, method, url, body, headers);
  if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

export async function enrolHolder(env: TestEnv, user: TestUser, passphrase = `holder passphrase ${user.userId.slice(0, 8)}`): Promise<Holder> {
  const record = createHolderKey(passphrase, TEST_SCRYPT);
  await mustAs(env)(user, 'PUT', '/api/v1/key-holders/me', record);
  return { user, passphrase, secret: unlockHolderKey(passphrase, record)! };
}

export interface TenderOptions {
  regime?: 'enterprise' | 'tender_law' | 'gov_procurement';
  method?: 'open' | 'invited';
  envelopes?: 'one' | 'two';
  minValidBids?: number;
  threshold?: number;
  /** Days from now: deadline (and opening). */
  deadlineDays?: number;
  questionsDays?: number;
  showBidCount?: boolean;
}

export function tenderBody(projectId: string, holders: Holder[], now: Date, o: TenderOptions = {}) {
  const deadline = new Date(now.getTime() + (o.deadlineDays ?? 25) * DAY);
  return {
    projectId,
    title: '变频压缩机年度采购',
    regime: o.regime ?? 'enterprise',
    method: o.method ?? 'open',
    category: 'goods',
    currency: 'CNY',
    estimatedValue: '3200000.00',
    bidBond: '50000.00',
    lots: [
      { name: '压缩机', items: [{ name: '变频压缩机', specification: '1.5 匹', quantity: '2000', unit: '台' }, { name: '安装支架', quantity: '2000', unit: '套' }] },
      { name: '备件', items: [{ name: '阀门', quantity: '500', unit: '个' }] },
    ],
    qualification: [{ text: 'ISO 9001 质量体系认证' }, { text: '近三年无重大质量事故' }],
    evaluation: {
      method: 'comprehensive',
      criteria: [
        { part: 'technical', name: '技术方案', weight: 50, maxScore: 100 },
        { part: 'commercial', name: '交货与售后', weight: 20, maxScore: 100 },
        { part: 'price', name: '价格', weight: 30, maxScore: 100 },
      ],
    },
    envelopes: o.envelopes ?? 'one',
    timeline: {
      questionsUntil: new Date(now.getTime() + (o.questionsDays ?? 5) * DAY).toISOString(),
      deadline: deadline.toISOString(),
      openingAt: deadline.toISOString(),
    },
    minValidBids: o.minValidBids ?? 2,
    showBidCount: o.showBidCount ?? true,
    keyThreshold: o.threshold ?? 2,
    keyHolderIds: holders.map((h) => h.user.userId),
  };
}

/** The key holders' ceremony as the publishing browser runs it: one key per envelope, shares sealed to each holder's key. */
export async function ceremony(env: TestEnv, buyer: TestUser, tenderId: string, envelopes: ('single' | 'technical' | 'price')[], threshold: number): Promise<TenderKey[]> {
  const holders = (await mustAs(env)(buyer, 'GET', '/api/v1/key-holders')).items as { userId: string; record: { publicKey: string } | null }[];
  const tender = await mustAs(env)(buyer, 'GET', `/api/v1/tenders/${tenderId}`);
  const named = tender.keyHolders.map((h: { userId: string }) => ({ userId: h.userId, publicKey: holders.find((x) => x.userId === h.userId)!.record!.publicKey }));
  return Promise.all(envelopes.map((envelope) => createTenderKey({ tenderId, envelope, holders: named, threshold })));
}

export async function publish(env: TestEnv, buyer: TestUser, tenderId: string) {
  const t = await mustAs(env)(buyer, 'GET', `/api/v1/tenders/${tenderId}`);
  const keys = await ceremony(env, buyer, tenderId, t.envelopes === 'one' ? ['single'] : ['technical', 'price'], t.keyThreshold);
  return mustAs(env)(buyer, 'POST', `/api/v1/tenders/${tenderId}/publish`, { keys });
}

export interface PublicTender {
  id: string;
  lots: { key: string; items: { key: string; quantity: string }[] }[];
  keys: { envelope: 'single' | 'technical' | 'price'; publicKey: string; fingerprint: string }[];
}

/** A bid sealed as the bidder's browser seals it: every item priced at `unitPrice` (or per item). */
export function sealBid(t: PublicTender, bidderOrgId: string, unitPrice: string | ((item: string) => string), opts: { statement?: string; documents?: EnvelopeContent['documents'] } = {}): BidSubmission {
  const prices = t.lots.flatMap((l) => l.items.map((i) => ({ lotId: l.key, itemId: i.key, unitPrice: typeof unitPrice === 'string' ? unitPrice : unitPrice(i.key), quantity: i.quantity })));
  const envelopes = t.keys.map((k) =>
    sealEnvelope(
      {
        format: 'procura-bid/1',
        tenderId: t.id,
        envelope: k.envelope,
        bidderOrgId,
        prices: k.envelope === 'technical' ? [] : prices,
        documents: k.envelope === 'price' ? [] : opts.documents ?? [{ name: '技术方案.txt', mediaType: 'text/plain', sha256: '0'.repeat(64), data: toBase64(utf8('方案')) }],
        statement: opts.statement ?? `报价 ${bidderOrgId.slice(0, 4)}`,
      },
      k,
      k.fingerprint,
    ),
  );
  return { format: 'procura-bid-submission/1', tenderId: t.id, envelopes };
}

/** A key holder opens their own share (in the browser) and hands it over. */
export async function handOver(env: TestEnv, h: Holder, tenderId: string) {
  const state = await mustAs(env)(h.user, 'GET', `/api/v1/tenders/${tenderId}/opening`);
  const share = openShare(state.key, h.user.userId, h.secret)!;
  return env.request(h.user, 'POST', `/api/v1/tenders/${tenderId}/opening/shares`, { envelope: state.envelope, share: toBase64(share) });
}

export interface TenderWorld {
  holders: Holder[];
  /** A seller registered, certified for goods and invited by the buyer, with a bid in the published tender. */
  bidder: TestUser;
  supplierId: string;
  certificationId: string;
  certDocumentId: string;
  /** An invited tender, published, with a document, a question and a bid. */
  tenderId: string;
  draftTenderId: string;
  documentId: string;
  questionId: string;
}

/** A buying organization's tender world: key holders, a certified supplier invited to a published tender that it bid in. */
export async function makeTenderWorld(env: TestEnv, buyer: TestUser, projectId: string, tag = 'A'): Promise<TenderWorld> {
  const must = mustAs(env);
  const now = env.clock.now();
  const holders = [await enrolHolder(env, await env.addMember(buyer, 'manager')), await enrolHolder(env, await env.addMember(buyer, 'manager'))];
  const bidder = await env.signUp({ org: `${tag} 供应商`, kind: 'seller' });
  const supplier = await must(buyer, 'POST', '/api/v1/suppliers', { supplierOrgId: bidder.orgId });
  const withCert = await must(buyer, 'POST', `/api/v1/suppliers/${supplier.id}/certifications`, { category: 'goods' });
  const certificationId = withCert.certifications[0].id;
  await must(buyer, 'POST', `/api/v1/certifications/${certificationId}/decision`, { to: 'certified', scores: { quality: 90, delivery: 80, credit: 75 }, validUntil: new Date(now.getTime() + 365 * DAY).toISOString() });
  await must(bidder, 'POST', `/api/v1/certifications/${certificationId}/documents`, { name: '营业执照.txt', mediaType: 'text/plain', data: Buffer.from('licence').toString('base64') });
  const certDocumentId = (await must(buyer, 'GET', `/api/v1/suppliers/${supplier.id}`)).certifications[0].documents[0].id;
  const t = await must(buyer, 'POST', '/api/v1/tenders', tenderBody(projectId, holders, now, { method: 'invited' }));
  const draft = await must(buyer, 'POST', '/api/v1/tenders', tenderBody(projectId, holders, now));
  const doc = await must(buyer, 'POST', `/api/v1/tenders/${t.id}/documents`, { name: `${tag} 招标文件.txt`, mediaType: 'text/plain', data: Buffer.from('spec').toString('base64') });
  await must(buyer, 'PUT', `/api/v1/tenders/${t.id}/invitations`, { supplierIds: [supplier.id] });
  await publish(env, buyer, t.id);
  const pub = await must(bidder, 'GET', `/api/v1/market/tenders/${t.id}`);
  await must(bidder, 'POST', `/api/v1/tenders/${t.id}/questions`, { question: `${tag} 交货地点？` });
  await must(bidder, 'POST', `/api/v1/market/tenders/${t.id}/bid`, sealBid(pub, bidder.orgId, '1500.00', { statement: `${tag} SECRET-PRICE-MARKER` }));
  const questionId = (await must(buyer, 'GET', `/api/v1/tenders/${t.id}`)).questions[0].id;
  return { holders, bidder, supplierId: supplier.id, certificationId, certDocumentId, tenderId: t.id, draftTenderId: draft.id, documentId: doc.id, questionId };
}
