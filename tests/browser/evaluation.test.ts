// The buy side after the opening, in Chromium against a real server (issue 8):
// declare → screen → score → the shortlist → sign → publish the candidates →
// award → the notices → the seller's opportunity updated, in English, on a
// tender set up and opened over the API (bids sealed as a browser seals them,
// shares opened as a key holder's browser opens them). Then, in Chinese, the
// demo's expert scores the Bidding-Law tender waiting for their sheet. Then the
// evaluation and award screenshots from the demo data, in both languages.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHolderKey, unlockHolderKey } from '../../src/domain/sealing/holder-key';
import { createTenderKey, openShare, type TenderKey } from '../../src/domain/sealing/tender-key';
import { toBase64 } from '../../src/domain/sealing/bytes';
import { sealBid } from '../buy';
import { launch, newPage, settle, signIn } from './browser';
import { client, type HttpUser } from './http';

const baseUrl = inject('baseUrl');
const shots = path.resolve(import.meta.dirname, '../../docs/screenshots');
const api = client(baseUrl);
const PASS = 'browser evaluation passphrase';
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});



/** Clicks a confirming button and its confirmation. */
async function confirm(page: Page, testId: string) {
  await page.getByTestId(testId).click();
  await page.getByTestId(`${testId}-confirm`).click();
}

/** A demo user signed in over HTTP (for the steps other people take). */
async function demoUser(email: string): Promise<HttpUser> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: baseUrl }, body: JSON.stringify({ email, password: 'demo-procura-2026' }) });
  if (!res.ok) throw new Error(`sign-in ${email}: ${res.status}`);
  const me = await (await fetch(`${baseUrl}/api/v1/me`, { headers: { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') } })).json();
  return { userId: me.user.id, orgId: me.organization.id, email, password: 'demo-procura-2026', cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

describe('from the opened bids to the award, in the browser', () => {
  it('declares, screens, scores, signs, publishes the candidates, awards; the winner is told and its opportunity moves', async () => {
    // Over the API: a buyer with two key holders, two suppliers, an enterprise tender opened a minute from now.
    const buyer = await api.signUp('评标浏览器采购方', 'buyer', 'Chair Chen');
    const holder = await api.addMember(buyer, 'manager', 'Holder Hu');
    const requester = await api.addMember(buyer, 'member', 'Requester');
    await api.call(buyer, 'PUT', '/api/v1/approval-rules', { rules: [{ key: 'head', name: 'Head', minAmount: '0', approverIds: [buyer.userId] }] });
    const req = await api.call(requester, 'POST', '/api/v1/requisitions', { title: 'Motors', department: 'Production', justification: 'New line', items: [{ name: 'Motor', quantity: '100', unit: 'pcs', unitPrice: '500' }] });
    await api.call(requester, 'POST', `/api/v1/requisitions/${req.id}/submit`);
    const projectId = (await api.call(buyer, 'POST', `/api/v1/requisitions/${req.id}/decision`, { decision: 'approve' })).projectId;
    const holders = [buyer, holder];
    const records = new Map<string, ReturnType<typeof createHolderKey>>();
    for (const h of holders) {
      const rec = createHolderKey(PASS, SCRYPT);
      records.set(h.userId, rec);
      await api.call(h, 'PUT', '/api/v1/key-holders/me', rec);
    }
    const [winner, loser] = [await api.signUp('Winner Motors', 'seller', 'Wendy'), await api.signUp('Loser Motors', 'seller', 'Larry')];
    const deadline = new Date(Date.now() + 45_000).toISOString();
    const t = await api.call(buyer, 'POST', '/api/v1/tenders', {
      projectId,
      title: 'Browser evaluation: motors',
      regime: 'enterprise',
      method: 'open',
      category: 'goods',
      estimatedValue: '60000.00',
      lots: [{ name: 'Motors', items: [{ name: 'DC motor', quantity: '100', unit: 'pcs' }] }],
      qualification: [{ text: 'ISO 9001' }],
      evaluation: { method: 'comprehensive', criteria: [{ part: 'technical', name: 'Technical', weight: 50, maxScore: 100 }, { part: 'commercial', name: 'Service', weight: 20, maxScore: 100 }, { part: 'price', name: 'Price', weight: 30, maxScore: 100 }] },
      timeline: { questionsUntil: new Date(Date.now() + 20_000).toISOString(), deadline, openingAt: deadline },
      minValidBids: 2,
      keyThreshold: 2,
      keyHolderIds: holders.map((h) => h.userId),
    });
    const keyHolders = (await api.call(buyer, 'GET', '/api/v1/key-holders')).items as { userId: string; record: { publicKey: string } }[];
    const key = await createTenderKey({ tenderId: t.id, envelope: 'single', holders: holders.map((h) => ({ userId: h.userId, publicKey: keyHolders.find((k) => k.userId === h.userId)!.record.publicKey })), threshold: 2 });
    await api.call(buyer, 'POST', `/api/v1/tenders/${t.id}/publish`, { keys: [key] });
    const pub = await api.call(winner, 'GET', `/api/v1/market/tenders/${t.id}`);
    const opportunityId = (await api.call(winner, 'PUT', `/api/v1/market/tenders/${t.id}/link`, { newOpportunity: {} })).opportunityId as string;
    await api.call(winner, 'POST', `/api/v1/market/tenders/${t.id}/bid`, sealBid(pub, winner.orgId, '480.00'));
    await api.call(loser, 'POST', `/api/v1/market/tenders/${t.id}/bid`, sealBid(pub, loser.orgId, '450.00'));
    const wait = new Date(deadline).getTime() - Date.now() + 1500;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    for (const h of holders) {
      const state = await api.call(h, 'GET', `/api/v1/tenders/${t.id}/opening`);
      const share = openShare(state.key as TenderKey, h.userId, unlockHolderKey(PASS, records.get(h.userId)!)!)!;
      await api.call(h, 'POST', `/api/v1/tenders/${t.id}/opening/shares`, { envelope: 'single', share: toBase64(share) });
    }
    // The committee: under enterprise purchasing the buyer's chair alone may evaluate.
    await api.call(buyer, 'PUT', `/api/v1/evaluations/${t.id}/committee`, { staff: [{ userId: buyer.userId, chair: true }] });
    await api.call(buyer, 'POST', `/api/v1/evaluations/${t.id}/convene`);

    // In the browser: the declaration, before any bid.
    const b = await newPage(browser, baseUrl, 'en');
    await signIn(b, buyer.email, buyer.password);
    await b.goto(`/evaluations/${t.id}`);
    await b.getByTestId('declaration-bidders').waitFor();
    expect(await b.getByTestId('declaration-bidders').textContent()).toContain('Winner Motors');
    await b.getByTestId('declaration-truthful').check();
    await b.getByTestId('declaration-submit').click();
    // Screening: both bids pass the requirement.
    await b.getByTestId('evaluation-tab-bids').click();
    await b.getByTestId('screening-bid').first().waitFor();
    for (const radio of await b.getByTestId('screening-pass').all()) await radio.check();
    await b.getByTestId('screening-save').click();
    await confirm(b, 'screening-close');
    await expect.poll(() => b.getByTestId('evaluation-phase').first().textContent(), { timeout: 15_000 }).toMatch(/Scoring/);
    // Scoring on the frozen criteria: the price is the system's.
    await b.getByTestId('evaluation-tab-sheets').click();
    const cards = b.getByTestId('score-sheet');
    await cards.first().waitFor();
    for (const card of await cards.all()) {
      const winnerCard = (await card.textContent())!.includes('Winner Motors');
      await card.getByTestId('score-C1').fill(winnerCard ? '90' : '70');
      await card.getByTestId('score-C2').fill(winnerCard ? '85' : '80');
      await card.getByTestId('sheet-save').click();
      await expect.poll(() => card.getByTestId('sheet-save').isDisabled()).toBe(true);
    }
    await confirm(b, 'sheets-submit');
    await confirm(b, 'scoring-close');
    // The shortlist, by hand: Winner 48,000 → 90 × 50 % + 85 × 20 % + 45,000 / 48,000 × 30 = 45 + 17 + 28.125 = 90.13 (half up);
    // Loser 45,000 (the base) → 35 + 16 + 30 = 81.00.
    await b.getByTestId('evaluation-tab-results').click();
    await expect.poll(() => b.getByTestId('evaluation-results').textContent()).toMatch(/Winner Motors.*90\.13.*Loser Motors.*81\.00/s);
    // The report, signed: final.
    await b.getByTestId('evaluation-tab-report').click();
    await confirm(b, 'report-sign');
    await expect.poll(() => b.getByTestId('report-status').textContent()).toMatch(/Final/i);

    // The award page: candidates published (enterprise: a window of 0 days is allowed), the lot awarded.
    await b.goto(`/buy/tenders/${t.id}/award`);
    await b.getByTestId('publish-days').fill('0');
    await confirm(b, 'publish-candidates');
    await b.getByTestId('award-lot').waitFor();
    await confirm(b, 'award-lot');
    await b.getByTestId('lot-award').waitFor();
    expect(await b.getByTestId('lot-award').textContent()).toContain('Winner Motors');
    expect(await b.getByTestId('lot-contract').textContent()).toContain('48,000.00');
    await b.getByTestId('savings').waitFor();

    // The winner reads its award and its own scores; the other bidder its result, with the winner.
    const w = await newPage(browser, baseUrl, 'en');
    await signIn(w, winner.email, winner.password);
    await w.goto(`/supplier/tenders/${t.id}`);
    await w.getByTestId('my-result').waitFor();
    expect(await w.getByTestId('my-result').textContent()).toMatch(/Awarded.*90\.13/s);
    const l = await newPage(browser, baseUrl, 'en');
    await signIn(l, loser.email, loser.password);
    await l.goto(`/supplier/tenders/${t.id}`);
    await l.getByTestId('my-result').waitFor();
    const lost = await l.getByTestId('my-result').textContent();
    expect(lost).toContain('Winner Motors');
    expect(lost).toContain('81.00');
    expect(lost).not.toContain('90.13');
    // The notices went out together; the winner's opportunity took the candidacy and the award as evidence.
    const notices = (await api.call(winner, 'GET', `/api/v1/notifications?tenderId=${t.id}`)).items.map((n: { kind: string }) => n.kind);
    expect(notices).toEqual(expect.arrayContaining(['candidates', 'award_notice']));
    const ints = await api.call(winner, 'GET', `/api/v1/interactions?opportunityId=${opportunityId}`);
    expect(ints.items.flatMap((i: { evidence: { type: string; origin: string }[] }) => i.evidence.filter((e) => e.origin === 'tender').map((e) => e.type))).toEqual(expect.arrayContaining(['shortlisted', 'preferred_supplier_notified']));
    const opp = await api.call(winner, 'GET', `/api/v1/opportunities/${opportunityId}`);
    expect(opp.stageInferred).toBe('preferred_supplier');
    for (const p of [b, w, l]) await p.context().close();
  }, 300_000);

  it('the demo expert scores the Bidding-Law tender in Chinese; the chair closes scoring once every member has submitted', async () => {
    const e = await newPage(browser, baseUrl, 'zh-CN', { width: 1440, height: 1000 });
    await signIn(e, 'liu.ming@experts.demo', 'demo-procura-2026');
    await e.goto('/evaluations');
    await e.getByTestId('my-evaluation').filter({ hasText: '风机电机' }).click();
    await e.getByTestId('score-sheet').first().waitFor();
    await settle(e);
    await e.screenshot({ path: path.join(shots, 'evaluation-sheet-zh-CN.png'), fullPage: true });
    for (const card of await e.getByTestId('score-sheet').all()) {
      await card.getByTestId('score-C1').fill('85.5');
      await card.getByTestId('score-C2').fill('80');
      await card.getByTestId('sheet-save').click();
      await expect.poll(() => card.getByTestId('sheet-save').isDisabled()).toBe(true);
    }
    await confirm(e, 'sheets-submit');
    await e.getByTestId('others-sheets').first().waitFor();
    await e.context().close();
    // The chair (the buyer's purchasing lead) closes scoring in the browser: the result and the report follow.
    const c = await newPage(browser, baseUrl, 'zh-CN');
    await signIn(c, 'zhou.ting@hailan.demo', 'demo-procura-2026');
    const motor = (await api.call(await demoUser('zhou.ting@hailan.demo'), 'GET', '/api/v1/tenders?limit=50')).items.find((x: { title: string }) => x.title.includes('风机电机'));
    await c.goto(`/evaluations/${motor.id}?tab=sheets`);
    await confirm(c, 'scoring-close');
    await expect.poll(() => c.getByTestId('evaluation-phase').first().textContent(), { timeout: 15_000 }).toMatch(/评标报告/);
    await c.context().close();
  }, 120_000);
});

describe('evaluation and award in the demo data (screenshots in both languages)', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`shows the comparison, the award and the supplier's result in ${locale}`, async () => {
      const page = await newPage(browser, baseUrl, locale, { width: 1440, height: 1000 });
      await signIn(page, 'chen.gang@hailan.demo', 'demo-procura-2026');
      const tenders = await page.evaluate(async () => (await (await fetch('/api/v1/tenders?limit=50')).json()) as { items: { id: string; title: string }[] });
      const robot = tenders.items.find((x) => x.title.includes('机器人'))!;
      await page.goto(`/evaluations/${robot.id}?tab=comparison`);
      await page.getByTestId('comparison-table').waitFor();
      await settle(page);
      await page.screenshot({ path: path.join(shots, `comparison-${locale}.png`), fullPage: true });
      await page.goto(`/buy/tenders/${robot.id}/award`);
      await page.getByTestId('lot-award').waitFor();
      await settle(page);
      await page.screenshot({ path: path.join(shots, `award-${locale}.png`), fullPage: true });
      await page.context().close();
      const seller = await newPage(browser, baseUrl, locale, { width: 1440, height: 1000 });
      await signIn(seller, 'wang.lei@autoline.demo', 'demo-procura-2026');
      await seller.goto(`/supplier/tenders/${robot.id}`);
      await seller.getByTestId('my-result').waitFor();
      await settle(seller);
      await seller.getByTestId('supplier-result').screenshot({ path: path.join(shots, `supplier-result-${locale}.png`) });
      await seller.context().close();
    });
  }
});
