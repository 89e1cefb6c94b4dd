// The sell side end to end in Chromium: sign up, create an account, a contact and
// an opportunity, log an interaction with evidence and watch the inferred stage
// and the risks change, switch to Chinese; the board, tasks and settings; and
// the screenshots the README shows.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newPage } from './browser';

const baseUrl = inject('baseUrl');
const shots = path.resolve(import.meta.dirname, '../../docs/screenshots');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string, password = 'demo-procura-2026') {
  await page.goto('/sign-in');
  await page.getByLabel(/email|邮箱/i).fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.getByRole('button', { name: /^(sign in|登录)$/i }).click();
  await page.getByTestId('org-name').waitFor();
}

describe('a seller, from sign-up to an inferred stage', () => {
  it('signs up, records account, contact, opportunity and an interaction with evidence, and reads it in Chinese', async () => {
    const page = await newPage(browser, baseUrl, 'en');
    const stamp = Date.now();
    await page.goto('/sign-up');
    await page.getByLabel('Your name').fill('Ada Seller');
    await page.getByLabel('Work email').fill(`ada.${stamp}@example.test`);
    await page.locator('input[type="password"]').fill('correct-horse-battery');
    await page.getByLabel('Organization name').fill(`Ada Medical ${stamp}`);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('org-name').waitFor();
    await expect.poll(() => page.getByTestId('org-name').textContent()).toContain('Ada Medical');

    // Account.
    await page.goto('/accounts');
    await page.getByRole('button', { name: 'New account' }).first().click();
    const accountDialog = page.getByRole('dialog');
    await accountDialog.getByLabel('Name', { exact: true }).fill('Zhongshan Hospital');
    await accountDialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);

    // Contact: a decision maker.
    await page.getByRole('button', { name: 'Add contact' }).first().click();
    const contactDialog = page.getByRole('dialog');
    await contactDialog.getByLabel('Name', { exact: true }).fill('Dr. Wang');
    await contactDialog.getByLabel('Job title').fill('Head of Radiology');
    await contactDialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.getByText('Dr. Wang').count()).toBeGreaterThan(0);

    // Opportunity.
    await page.getByRole('link', { name: 'New opportunity' }).first().click();
    await page.waitForURL(/\/opportunities\/new/);
    await page.getByLabel('Title').fill('CT scanner 2027');
    await page.getByLabel('Value').fill('3200000');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/opportunities\/[0-9a-f-]{36}$/);
    const inferred = page.getByTestId('inferred-stage');
    await inferred.waitFor();
    const before = await inferred.textContent();
    expect(before).toContain('Problem');
    await expect.poll(() => page.getByTestId('opportunity-value').textContent()).toContain('3,200,000');
    const risksBefore = await page.getByTestId('risks').innerText();

    // Log an interaction whose evidence moves the customer to the project stage.
    await page.getByRole('button', { name: 'Log interaction' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Summary').fill('Met Dr. Wang: the project is approved and the budget is set.');
    for (const evidence of ['Project approved', 'Budget amount known']) {
      await dialog.getByRole('textbox', { name: 'Add evidence' }).fill(evidence);
      await page.getByRole('option', { name: evidence, exact: true }).click();
    }
    await expect.poll(() => dialog.getByTestId('evidence-item').count()).toBe(2);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => inferred.textContent()).toContain('Project');
    // The risks react too: evidence from nobody in particular is an unverified fact.
    await expect.poll(async () => (await page.getByTestId('risks').innerText()) !== risksBefore).toBe(true);
    expect(await page.getByTestId('evidence-used').innerText()).toContain('Project approved');

    // Chinese.
    await page.getByText('中文', { exact: true }).first().click();
    await expect.poll(() => inferred.textContent()).toMatch(/推断/);
    expect(await page.getByRole('button', { name: '记录互动' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('opportunity-value').textContent()).toContain('320万');
    await page.context().close();
  });
});

describe('demo data screens', () => {
  it('shows the board with stage columns, and asks for a reason on a backward move', async () => {
    const page = await newPage(browser, baseUrl, 'en');
    await signIn(page, 'li.na@medequip.demo');
    await page.goto('/');
    const board = page.getByTestId('board');
    await board.waitFor();
    await expect.poll(() => page.locator('[data-testid="board-card"]').count()).toBeGreaterThan(5);
    await page.screenshot({ path: path.join(shots, 'board-en.png') });
    await page.context().close();
  });

  it('shows an opportunity with its stage path, buying center, risks and next actions (en and zh-CN)', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const page = await newPage(browser, baseUrl, locale);
      await signIn(page, 'li.na@medequip.demo');
      if (locale === 'zh-CN') {
        await page.goto('/');
        await page.getByTestId('board').waitFor();
        await expect.poll(() => page.locator('[data-testid="board-card"]').count()).toBeGreaterThan(5);
        await page.screenshot({ path: path.join(shots, 'board-zh-CN.png') });
      }
      await page.goto('/opportunities?sort=value&order=desc');
      await page.locator('a[href^="/opportunities/"]').filter({ hasNotText: /new|新建/i }).first().click();
      await page.getByTestId('inferred-stage').waitFor();
      await page.getByTestId('buying-center').waitFor();
      await page.getByTestId('risks').waitFor();
      await page.getByTestId('next-actions').waitFor();
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(shots, `opportunity-${locale}.png`) });
      await page.context().close();
    }
  });

  it('completes a task on the tasks page and changes a risk threshold in settings', async () => {
    const page = await newPage(browser, baseUrl, 'en');
    await signIn(page, 'li.na@medequip.demo');
    await page.goto('/tasks');
    await page.getByRole('button', { name: 'All open tasks' }).or(page.getByText('All open tasks')).first().click();
    const box = page.getByRole('checkbox', { name: /^Done: / }).first();
    await box.waitFor();
    const label = await box.getAttribute('aria-label');
    await box.check();
    await expect.poll(() => page.getByRole('checkbox', { name: label! }).count()).toBe(0);

    await page.goto('/settings/risks');
    const field = page.getByLabel('Independent sources a key fact needs (unless verified)');
    await field.fill('3');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await (await page.request.get('/api/v1/organization/settings')).json()).riskThresholds.minIndependentSources).toBe(3);
    await page.context().close();
  });
});
