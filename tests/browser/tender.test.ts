// The buy side end to end in Chromium against a real server (issue 7, 12):
// publish with the key holders' ceremony in the browser → two suppliers seal and
// submit bids in their browsers (one typed, one from the XLSX price schedule) →
// one withdraws → the deadline passes (real time) → two of three key holders
// open their shares in their browsers and open the tender → the record appears
// for a supplier → the supplier's linked opportunity has moved. Then the
// buy-side screenshots from the demo data, in both languages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHolderKey } from '../../src/domain/sealing/holder-key';
import { templateSheet } from '../../src/web/lib/xlsx';
import { launch, newPage, settle, signIn } from './browser';
import { client, type HttpUser } from './http';

const baseUrl = inject('baseUrl');
const shots = path.resolve(import.meta.dirname, '../../docs/screenshots');
const api = client(baseUrl);
const PASS = 'browser key holder passphrase';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});



describe('a tender from publication to the opening, in the browser', () => {
  it('publishes, takes two sealed bids, a withdrawal, opens with 2 of 3 key holders, and moves the bidder’s opportunity', async () => {
    // The buyer's world, set up over the API: an approved requisition (a project), three members.
    const buyer = await api.signUp('浏览器采购方', 'buyer', '采购经理');
    const requester = await api.addMember(buyer, 'member', '申请人');
    const holder2 = await api.addMember(buyer, 'manager', '财务');
    const holder3 = await api.addMember(buyer, 'admin', '总经理');
    await api.call(buyer, 'PUT', '/api/v1/approval-rules', { rules: [{ key: 'head', name: '部门负责人', minAmount: '0', approverIds: [buyer.userId] }] });
    const req = await api.call(requester, 'POST', '/api/v1/requisitions', { title: '压缩机采购', department: '生产部', justification: '扩产', items: [{ name: '压缩机', quantity: '100', unit: '台', unitPrice: '500' }] });
    await api.call(requester, 'POST', `/api/v1/requisitions/${req.id}/submit`);
    const projectId = (await api.call(buyer, 'POST', `/api/v1/requisitions/${req.id}/decision`, { decision: 'approve' })).projectId;
    for (const h of [holder2, holder3]) await api.call(h, 'PUT', '/api/v1/key-holders/me', createHolderKey(PASS, { N: 2 ** 15, r: 8, p: 1 }));
    const [s1, s2] = [await api.signUp('浏览器供应商甲', 'seller', '甲'), await api.signUp('浏览器供应商乙', 'seller', '乙')];

    // The buyer sets up its own key in the browser.
    const b = await newPage(browser, baseUrl, 'en');
    await signIn(b, buyer.email, buyer.password);
    await b.goto('/buy/key-holder');
    await b.getByTestId('enrol-passphrase').fill(PASS);
    await b.getByTestId('enrol-passphrase-repeat').fill(PASS);
    await b.getByTestId('enrol').click();
    await b.getByText('Set up', { exact: true }).first().waitFor({ timeout: 60_000 });

    // A draft whose deadline comes in two and a half minutes (enterprise purchasing sets its own periods).
    const now = Date.now();
    const deadline = new Date(now + 150_000).toISOString();
    const draft = await api.call(buyer, 'POST', '/api/v1/tenders', {
      projectId,
      title: '浏览器测试：压缩机',
      regime: 'enterprise',
      method: 'open',
      category: 'goods',
      estimatedValue: '50000.00',
      lots: [{ name: '压缩机', items: [{ name: '变频压缩机', quantity: '100', unit: '台' }, { name: '支架', quantity: '100', unit: '套' }] }],
      evaluation: { method: 'lowest_price' },
      timeline: { questionsUntil: new Date(now + 60_000).toISOString(), deadline, openingAt: deadline },
      minValidBids: 1,
      keyThreshold: 2,
      keyHolderIds: [buyer.userId, holder2.userId, holder3.userId],
    });
    await api.call(buyer, 'POST', `/api/v1/tenders/${draft.id}/documents`, { name: 'spec.txt', mediaType: 'text/plain', data: Buffer.from('specification').toString('base64') });

    // Publication: the ceremony runs in the buyer's browser.
    await b.goto(`/buy/tenders/${draft.id}`);
    await b.getByTestId('publish').click();
    await b.getByTestId('confirm-publish').click();
    await b.getByText('Published. The key’s fingerprint:').waitFor({ timeout: 30_000 });
    const fingerprint = (await api.call(buyer, 'GET', `/api/v1/tenders/${draft.id}`)).keys[0].fingerprint as string;
    await b.keyboard.press('Escape');
    await expect.poll(() => b.getByTestId('tender-status').first().textContent()).toBe('Published, taking bids');

    // Supplier 1: links the tender to a new opportunity, types its prices, checks the fingerprint, seals, gets its receipt.
    const p1 = await newPage(browser, baseUrl, 'en');
    await signIn(p1, s1.email, s1.password);
    await p1.goto('/supplier/tenders');
    await p1.getByRole('link', { name: '浏览器测试：压缩机' }).click();
    await p1.getByTestId('link-select').click();
    await p1.getByRole('option', { name: 'A new opportunity for this tender' }).click();
    await p1.getByTestId('link-save').click();
    await p1.getByTestId('linked-opportunity').waitFor();
    await expect.poll(() => p1.getByTestId('fingerprint').first().textContent()).toBe(fingerprint);
    await p1.getByRole('textbox', { name: 'Unit price L1.1' }).fill('450.00');
    await p1.getByRole('textbox', { name: 'Unit price L1.2' }).fill('30.50');
    await p1.getByTestId('fingerprint-checked').check();
    await p1.getByTestId('seal-submit').click();
    await p1.getByTestId('receipt-alert').waitFor({ timeout: 30_000 });
    await expect.poll(() => p1.getByTestId('bid-versions').textContent()).toContain('Signature valid');
    await settle(p1);
    await p1.screenshot({ path: path.join(shots, 'supplier-bid-en.png'), fullPage: true });

    // Supplier 2: fills the price schedule in a spreadsheet, loads it in the browser, seals; then withdraws.
    const t = await api.call(s2, 'GET', `/api/v1/market/tenders/${draft.id}`);
    const sheet = templateSheet(t.lots, 'en');
    sheet[1]![7] = { value: '470', type: String };
    sheet[2]![7] = { value: '29', type: String };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-')), 'schedule.xlsx');
    fs.writeFileSync(file, await writeXlsxFile(sheet as never).toBuffer());
    const p2 = await newPage(browser, baseUrl, 'en');
    await signIn(p2, s2.email, s2.password);
    await p2.goto(`/supplier/tenders/${draft.id}`);
    await p2.locator('input[type=file][accept=".xlsx"]').setInputFiles(file);
    await expect.poll(() => p2.getByRole('textbox', { name: 'Unit price L1.1' }).inputValue()).toBe('470');
    await p2.getByTestId('fingerprint-checked').check();
    await p2.getByTestId('seal-submit').click();
    await p2.getByTestId('receipt-alert').waitFor({ timeout: 30_000 });
    await p2.getByTestId('withdraw').click();
    await expect.poll(() => p2.getByTestId('bid-versions').textContent()).toContain('Withdrawn');
    expect((await api.call(buyer, 'GET', `/api/v1/tenders/${draft.id}`)).bidCount).toBe(1);

    // The deadline passes.
    const wait = new Date(deadline).getTime() - Date.now() + 1500;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));

    // Two of the three key holders open their shares in their browsers.
    await b.goto(`/buy/tenders/${draft.id}/opening`);
    await b.getByTestId('holder-passphrase').fill(PASS);
    await b.getByTestId('hand-over').click();
    await b.getByText('1 / 2').waitFor({ timeout: 60_000 });
    const h2 = await newPage(browser, baseUrl, 'en');
    await signIn(h2, holder2.email, holder2.password);
    await h2.goto(`/buy/tenders/${draft.id}/opening`);
    await h2.getByTestId('holder-passphrase').fill(PASS);
    await h2.getByTestId('hand-over').click();
    await h2.getByTestId('opening-record').waitFor({ timeout: 60_000 });
    expect(await h2.getByTestId('opening-record').textContent()).toContain('¥48,050.00');
    // The record appears on the other holder's screen too.
    await b.getByTestId('opening-record').waitFor({ timeout: 30_000 });
    await settle(b);
    await b.screenshot({ path: path.join(shots, 'opening-en.png'), fullPage: true });

    // The supplier sees the record, and its opportunity has moved.
    await p1.goto(`/supplier/tenders/${draft.id}`);
    await p1.getByTestId('opening-record').waitFor();
    expect(await p1.getByTestId('opening-record').textContent()).toContain('浏览器供应商甲');
    // Without a mail server, what would have been e-mailed waits in the outbox its owner reads in settings.
    await p1.goto('/settings/outbox');
    await p1.getByTestId('outbox-row').first().waitFor();
    await p1.getByTestId('outbox-row').filter({ hasText: /Opening record|开标记录/ }).first().click();
    await expect.poll(() => p1.getByRole('dialog').textContent()).toMatch(/opened|开标/);
    await p1.keyboard.press('Escape');
    const link = await api.call(s1, 'GET', `/api/v1/market/tenders/${draft.id}`);
    const opp = await api.call(s1, 'GET', `/api/v1/opportunities/${link.link.opportunityId}`);
    expect(opp.stageInferred).toBe('tender_and_screening');
    const ints = await api.call(s1, 'GET', `/api/v1/interactions?opportunityId=${link.link.opportunityId}`);
    expect(ints.items.flatMap((i: { evidence: { type: string; origin: string }[] }) => i.evidence.filter((e) => e.origin === 'tender').map((e) => e.type))).toEqual(expect.arrayContaining(['tender_notice_published', 'bid_submitted']));
    for (const p of [b, p1, p2, h2]) await p.context().close();
  }, 300_000);
});

describe('the buy side in the demo data (screenshots in both languages)', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`shows the buyer's projects, a tender and the supplier's view in ${locale}`, async () => {
      const page = await newPage(browser, baseUrl, locale, { width: 1440, height: 1000 });
      await signIn(page, 'chen.gang@hailan.demo', 'demo-procura-2026');
      await page.goto('/buy/projects');
      await page.getByTestId('project-board').waitFor();
      await settle(page);
      await page.screenshot({ path: path.join(shots, `projects-${locale}.png`) });
      const tenders = await page.evaluate(async () => (await (await fetch('/api/v1/tenders?limit=50')).json()) as { items: { id: string; status: string; title: string }[] });
      const live = tenders.items.find((x) => x.title.includes('压缩机'))!;
      await page.goto(`/buy/tenders/${live.id}`);
      await page.getByTestId('bid-count').waitFor();
      expect(await page.getByTestId('bid-count').textContent()).toBe('2');
      await settle(page);
      await page.screenshot({ path: path.join(shots, `tender-${locale}.png`), fullPage: true });
      await page.context().close();

      const seller = await newPage(browser, baseUrl, locale, { width: 1440, height: 1000 });
      await signIn(seller, 'wang.lei@autoline.demo', 'demo-procura-2026');
      await seller.goto(`/supplier/tenders/${live.id}`);
      await seller.getByTestId('bid-versions').waitFor();
      await seller.getByTestId('linked-opportunity').waitFor();
      await settle(seller);
      await seller.screenshot({ path: path.join(shots, `supplier-tender-${locale}.png`), fullPage: true });
      await seller.context().close();
    });
  }
});
