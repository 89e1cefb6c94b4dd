// Debian's Chromium driven by playwright-core, with the flags CI needs.
import { chromium, type Browser, type Page } from 'playwright-core';
import fs from 'node:fs';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export async function newPage(browser: Browser, baseUrl: string, locale: 'en' | 'zh-CN' = 'en', viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale, viewport, deviceScaleFactor: 1 });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Signs in through the sign-in page (either language) and waits for the app. */
export async function signIn(page: Page, email: string, password = 'demo-procura-2026') {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: /^(work email|email|工作邮箱|邮箱)$/i }).fill(email);
  await page.getByRole('textbox', { name: /^(password|密码)$/i }).fill(password);
  await page.getByRole('button', { name: /^(sign in|登录)$/i }).click();
  await page.getByTestId('org-name').waitFor();
}

/** Before a screenshot: no hover tooltips, no focus rings, no running transitions. */
export async function settle(page: Page) {
  await page.mouse.move(1, 899);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(700);
}
