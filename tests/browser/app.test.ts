// The sell side end to end in Chromium against a real server: sign up, create an
// account, a contact and an opportunity, log an interaction with evidence and
// watch the inferred stage and the risks change, switch to Chinese; the board
// (the card in its column, a backward drag asks for a reason), tasks and settings
// on the same new organization; then the README screenshots from the demo data.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newPage, settle, signIn } from './browser';

const baseUrl = inject('baseUrl');
const localhostUrl = inject('localhostUrl');
const ipv6Url = inject('ipv6Url');
const shots = path.resolve(import.meta.dirname, '../../docs/screenshots');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});


/** Drags with real pointer events (dnd-kit's pointer sensor needs a few moves). */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 20);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + 25, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + 60, { steps: 12 });
  await page.mouse.move(b.x + b.width / 2, b.y + 64, { steps: 2 });
  await page.mouse.up();
}

describe('signing in on a local server', () => {
  const addresses: [string, string][] = [['127.0.0.1', baseUrl], ['localhost', localhostUrl], ...(ipv6Url ? ([['[::1]', ipv6Url]] as [string, string][]) : [])];
  for (const [name, url] of addresses) {
    it(`signs in at ${name} (the server was started without PROCURA_BASE_URL) and the pages pass the content security policy`, async () => {
      const page = await newPage(browser, url, 'en');
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      page.on('pageerror', (e) => violations.push(e.message));
      await signIn(page, 'li.na@medequip.demo');
      expect(new URL(page.url()).host).toBe(new URL(url).host);
      await page.getByRole('link', { name: 'Opportunities' }).click();
      await page.getByRole('table').waitFor();
      await page.goto('/api/docs');
      await page.locator('.swagger-ui').first().waitFor();
      expect(violations).toEqual([]);
      await page.context().close();
    });
  }

  it('says why when the address is wrong, and slows repeated wrong passwords down', async () => {
    const page = await newPage(browser, baseUrl, 'en');
    await page.goto('/sign-in');
    for (let i = 0; i < 6; i++) {
      await page.getByRole('textbox', { name: /^(work email|email)$/i }).fill('wang.lei@autoline.demo');
      await page.getByRole('textbox', { name: /^password$/i }).fill(`not-it-${i}`);
      await page.getByRole('button', { name: /^sign in$/i }).click();
      await page.getByRole('alert').waitFor();
      if (i < 5) await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/email or password/i);
    }
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Too many sign-in attempts\. Try again in \d+ seconds?\./);
    await page.context().close();
  });
});

describe('a new seller organization, end to end', () => {
  const stamp = Date.now();
  const email = `ada.${stamp}@example.test`;
  const password = 'correct-horse-battery';
  let opportunityUrl = '';
  let page: Page;

  beforeAll(async () => {
    page = await newPage(browser, baseUrl, 'en');
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('signs up, records account, contact, opportunity and an interaction with evidence, and reads it in Chinese', async () => {
    await page.goto('/sign-up');
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ada Seller');
    await page.getByRole('textbox', { name: 'Work email' }).fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('textbox', { name: 'Organization name' }).fill(`Ada Medical ${stamp}`);
    await page.getByRole('radio', { name: 'We sell' }).check({ force: true });
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByTestId('org-name').textContent()).toContain('Ada Medical');
    // A new organization starts with an empty board that says what to do.
    await expect.poll(() => page.getByRole('heading', { name: 'No opportunities yet' }).count()).toBe(1);

    // Account.
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('button', { name: 'New account' }).first().click();
    const accountDialog = page.getByRole('dialog', { name: 'New account' });
    await accountDialog.getByRole('textbox', { name: 'Name' }).fill('Zhongshan Hospital');
    await accountDialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);

    // Contact: the head of radiology.
    await page.getByRole('button', { name: 'Add contact' }).first().click();
    const contactDialog = page.getByRole('dialog');
    await contactDialog.getByRole('textbox', { name: 'Name' }).fill('Dr. Wang');
    await contactDialog.getByRole('textbox', { name: 'Job title' }).fill('Head of Radiology');
    await contactDialog.getByRole('button', { name: 'Add', exact: true }).click();
    await contactDialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('contacts-table').getByText('Dr. Wang').count()).toBeGreaterThan(0);

    // Opportunity, from the account page (the account is preselected).
    await page.getByRole('link', { name: 'New opportunity' }).first().click();
    await page.waitForURL(/\/opportunities\/new/);
    await page.getByRole('textbox', { name: 'Title' }).fill('CT scanner 2027');
    await page.getByRole('textbox', { name: 'Value' }).fill('3200000');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/opportunities\/[0-9a-f-]{36}$/);
    opportunityUrl = new URL(page.url()).pathname;
    const inferred = page.getByTestId('inferred-stage');
    await inferred.waitFor();
    const before = (await inferred.textContent())!;
    expect(before).toMatch(/^Inferred: /);
    await expect.poll(() => page.getByTestId('opportunity-value').textContent()).toBe('¥3,200,000');
    const risksBefore = await page.getByTestId('risks').innerText();

    // Log an interaction whose evidence moves the customer to the project stage.
    await page.getByRole('button', { name: 'Log interaction' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Summary' }).fill('Met Dr. Wang: the project is approved and the budget is set.');
    const picker = dialog.getByRole('combobox', { name: 'Add evidence' });
    const rows = dialog.getByTestId('evidence-row');
    for (const [i, evidence] of ['Project approved', 'Budget amount known'].entries()) {
      await expect.poll(() => picker.inputValue()).toBe('');
      await picker.click();
      await picker.pressSequentially(evidence.slice(0, 12));
      await page.getByRole('option', { name: evidence, exact: true }).click();
      await expect.poll(() => rows.count()).toBe(i + 1);
      await expect.poll(() => rows.nth(i).innerText()).toContain(evidence);
    }
    await dialog.getByRole('textbox', { name: 'Budget amount known: Detail' }).fill('¥3.2M');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => inferred.textContent()).not.toBe(before);
    expect(await page.getByTestId('evidence-used').innerText()).toContain('Project approved');
    // The risks react too: a budget known from nobody in particular is an unverified fact.
    await expect.poll(() => page.getByTestId('risks').innerText()).not.toBe(risksBefore);
    expect(await page.getByTestId('risks').innerText()).toContain('Unverified facts');

    // Chinese: the switch in the header translates the page at once, and is remembered.
    await page.getByText('中文', { exact: true }).first().click();
    await expect.poll(() => inferred.textContent()).toMatch(/^推断：/);
    await expect.poll(() => page.getByRole('button', { name: '记录互动' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('opportunity-value').textContent()).toBe('320万元');
    expect(await page.getByTestId('risks').innerText()).toContain('风险');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: '销售看板' }).count()).toBe(1);
    await page.getByText('English', { exact: true }).first().click();
    await expect.poll(() => page.getByRole('link', { name: 'Pipeline' }).count()).toBe(1);
  });

  it('shows the opportunity on the board in its column, and a backward drag asks for a reason', async () => {
    await page.getByRole('link', { name: 'Pipeline' }).click();
    const board = page.getByTestId('board');
    await board.waitFor();
    const card = page.getByTestId('board-card').filter({ hasText: 'CT scanner 2027' });
    await card.waitFor();
    const column = board.locator('section.procura-column').filter({ has: card });
    const stageKey = await column.getAttribute('data-stage');
    // Column header: the count and the total value.
    expect(await column.innerText()).toContain('¥3,200,000');
    const columns = board.locator('section.procura-column');
    const keys = await columns.evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')));
    const index = keys.indexOf(stageKey);
    expect(index).toBeGreaterThan(0);
    const target = columns.nth(0);

    await drag(page, card, target);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/Move back to/);
    // No reason, no move.
    await dialog.getByRole('button', { name: 'Move back' }).click();
    await expect.poll(() => dialog.getByText('Give a reason for moving back').count()).toBe(1);
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Budget cut by the finance committee');
    await dialog.getByRole('button', { name: 'Move back' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => target.getByTestId('board-card').filter({ hasText: 'CT scanner 2027' }).count()).toBe(1);
    // The set stage now differs from the evidence: the card says so.
    await expect.poll(() => target.getByTestId('board-card').filter({ hasText: 'CT scanner 2027' }).getByTestId('stage-mismatch').count()).toBe(1);
  });

  it('moves a card with the keyboard alone (Space, →, Space) and opens it with Enter', async () => {
    const board = page.getByTestId('board');
    const columns = board.locator('section.procura-column');
    const card = () => page.getByTestId('board-card').filter({ hasText: 'CT scanner 2027' });
    const keys = await columns.evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')));
    const from = await board.locator('section.procura-column').filter({ has: card() }).getAttribute('data-stage');
    const index = keys.indexOf(from);
    expect(index).toBeLessThan(keys.length - 1);
    await card().focus();
    expect(await card().getAttribute('aria-describedby')).toBeTruthy();
    await page.keyboard.press('Space');
    // Picked up: the card says so, and the screen reader hears where it is.
    await expect.poll(() => card().getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('[aria-live]').allInnerTexts().then((x) => x.join(' '))).toMatch(/CT scanner 2027/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => columns.nth(index + 1).getAttribute('data-over')).toBe('true');
    await page.keyboard.press('Space');
    // Forward: no reason asked; the card lands in the next column.
    await expect.poll(() => columns.nth(index + 1).getByTestId('board-card').filter({ hasText: 'CT scanner 2027' }).count()).toBe(1);
    await expect.poll(async () => (await (await page.request.get(`/api/v1/opportunities?q=${encodeURIComponent('CT scanner 2027')}`)).json()).items[0].stage).toBe(keys[index + 1]);
    // Enter on the focused card opens it (once the board has settled after the move).
    await page.waitForLoadState('networkidle');
    await card().focus();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('board-card');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/opportunities\/[0-9a-f-]{36}$/);
  });

  it('adds a suggested next action as a task and completes it on the tasks page', async () => {
    await page.goto(opportunityUrl);
    const actions = page.getByTestId('next-actions');
    await actions.waitFor();
    const add = actions.getByRole('button', { name: /^Add as task: / }).first();
    const title = (await add.getAttribute('aria-label'))!.replace(/^Add as task: /, '');
    await add.click();
    await expect.poll(() => actions.getByRole('checkbox', { name: `Mark “${title}” done` }).count()).toBe(1);

    await page.getByRole('link', { name: 'Tasks' }).click();
    const box = page.getByRole('checkbox', { name: `Done: ${title}` });
    await box.waitFor();
    await box.click();
    await expect.poll(() => box.count()).toBe(0);
    await page.getByText('Done', { exact: true }).first().click();
    await expect.poll(() => page.getByRole('checkbox', { name: `Reopen: ${title}` }).count()).toBe(1);
  });

  it('changes a risk threshold, defines a process model and invites a colleague in settings', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Risk thresholds' }).click();
    await page.waitForURL(/\/settings\/risks$/);
    const field = page.getByRole('textbox', { name: 'Independent sources a key fact needs (unless verified)' });
    await expect.poll(() => field.inputValue()).toBe('2');
    await field.fill('3');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await (await page.request.get('/api/v1/organization/settings')).json()).riskThresholds.minIndependentSources).toBe(3);
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Independent sources a key fact needs (unless verified)' }).inputValue()).toBe('3');

    // Process models: the built-in ones are listed; the organization defines its own.
    await page.getByRole('tab', { name: 'Process models' }).click();
    await expect.poll(() => page.getByText('Internal procurement process (“Eight stages”)').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'New process model' }).click();
    const editor = page.getByRole('dialog', { name: 'New process model' });
    await editor.getByRole('textbox', { name: 'Name (Chinese)' }).first().fill('医院设备采购');
    await editor.getByRole('textbox', { name: 'Name (English)' }).first().fill('Hospital equipment');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('heading', { name: 'Hospital equipment' }).count()).toBe(1);

    // Members: the owner is listed, and an invitation gives a link to copy.
    await page.getByRole('tab', { name: 'Members' }).click();
    await expect.poll(() => page.getByRole('cell', { name: email }).count()).toBe(1);
    await page.getByRole('button', { name: 'Invite' }).click();
    const invite = page.getByRole('dialog', { name: 'Invite a colleague' });
    await invite.getByRole('textbox', { name: 'Email' }).fill(`bo.${stamp}@example.test`);
    await invite.getByRole('button', { name: 'Invite' }).click();
    await expect.poll(() => invite.getByRole('link', { name: /\/invite\// }).count()).toBe(1);
    await invite.getByRole('button', { name: 'Close' }).last().click();
    await expect.poll(() => page.getByText(`bo.${stamp}@example.test`).count()).toBeGreaterThan(0);
  });
});

interface Summary {
  id: string;
  title: string;
}
interface Detail {
  title: string;
  stageMismatch: boolean;
  risks: unknown[];
  competitors: unknown[];
  inferenceConfidence: number;
  buyingCenter: { hasCoach: boolean; members: unknown[]; missingRoles: unknown[] };
  stages: { key: string }[];
  stage: string;
}

/** The demo opportunity that shows the most: a full buying center, risks, competitors, a stage mismatch. */
async function showcase(page: Page, script: 'latin' | 'han'): Promise<string> {
  const list = (await (await page.request.get('/api/v1/opportunities?outcome=open&limit=100&sort=value&order=desc')).json()) as { items: Summary[] };
  const candidates = list.items.filter((o) => (script === 'han' ? /[\u4e00-\u9fff]/.test(o.title) : !/[\u4e00-\u9fff]/.test(o.title))).slice(0, 40);
  let best = { id: candidates[0]?.id ?? list.items[0]!.id, score: -1 };
  for (const o of candidates) {
    const d = (await (await page.request.get(`/api/v1/opportunities/${o.id}`)).json()) as Detail;
    const stageIndex = d.stages.findIndex((s) => s.key === d.stage);
    const score =
      Math.min(d.buyingCenter.members.length, 6) * 2 +
      (d.buyingCenter.hasCoach ? 2 : 0) +
      Math.min(d.risks.length, 3) * 2 +
      Math.min(d.competitors.length, 3) +
      (d.stageMismatch ? 3 : 0) +
      d.inferenceConfidence * 4 +
      (stageIndex >= 2 ? 2 : 0);
    if (score > best.score) best = { id: o.id, score };
  }
  return best.id;
}


describe('demo data screens (the README screenshots)', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`shows the board and an opportunity in ${locale}`, async () => {
      const page = await newPage(browser, baseUrl, locale, { width: 1600, height: 1000 });
      await signIn(page, 'li.na@medequip.demo');
      await page.goto('/');
      await page.getByTestId('board').waitFor();
      await expect.poll(() => page.getByTestId('board-card').count()).toBeGreaterThan(5);
      await settle(page);
      await page.screenshot({ path: path.join(shots, `board-${locale}.png`) });

      const id = await showcase(page, locale === 'en' ? 'latin' : 'han');
      await page.goto(`/opportunities/${id}`);
      await page.getByTestId('inferred-stage').waitFor();
      await page.getByTestId('buying-center').waitFor();
      await page.getByTestId('risks').waitFor();
      await page.getByTestId('next-actions').waitFor();
      await expect.poll(() => page.getByTestId('stage-path').getByRole('listitem').count()).toBeGreaterThan(3);
      // Every piece of evidence says how it is known; the map tells met from only known.
      const kinds = await page.getByTestId('evidence-used').locator('[data-evidence-kind]').count();
      expect(kinds).toBe(await page.getByTestId('evidence-used').getByRole('listitem').count());
      expect(await page.getByTestId('buying-center').locator('[data-engaged]').count()).toBeGreaterThan(0);
      await page.getByTestId('needed-roles').waitFor();
      await settle(page);
      await page.screenshot({ path: path.join(shots, `opportunity-${locale}.png`) });
      await page.context().close();
    });
  }
});
