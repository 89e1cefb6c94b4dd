// Signing in as a user and as an attacker would: password guessing is slowed
// with 429 (per account and per client address, also when the guesses come all
// at once), nothing tells whether an account exists, every loopback name of a
// local server may sign in, and a refused origin is named with the setting that
// admits it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../tests/api';
import { loadConfig, trustedOrigins } from '../config';
import { accountKey, SIGN_IN_RULES } from './sign-in-throttle';
import { buildApp } from './app';

let env: TestEnv;
let u: TestUser;
let ipSeq = 10;
/** A client address of its own per test, so address limits do not spill over. */
const nextIp = () => `198.51.100.${ipSeq++}`;

beforeAll(async () => {
  env = await createTestEnv();
  u = await env.signUp({ org: 'Throttle Medical' });
});
afterAll(() => env.close());

function signIn(email: string, password: string, opts: { ip?: string; origin?: string; lang?: string } = {}) {
  return env.rt.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    remoteAddress: opts.ip ?? '203.0.113.7',
    headers: { 'content-type': 'application/json', ...(opts.origin ? { origin: opts.origin } : {}), ...(opts.lang ? { 'accept-language': opts.lang } : {}) },
    payload: JSON.stringify({ email, password }),
  });
}

const limit = SIGN_IN_RULES.account.limit;

describe('password guessing', () => {
  it('thirty wrong passwords in a row: the first few are checked, the rest refused with 429 and Retry-After', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 30; i++) {
      last = await signIn(u.email, `wrong-${i}`, { ip });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(401));
    expect(statuses.slice(limit)).toEqual(Array(30 - limit).fill(429));
    expect(last!.headers['content-type']).toContain('application/problem+json');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(last!.headers['retry-after'])).toBeLessThanOrEqual(SIGN_IN_RULES.account.baseBlockSeconds);
    expect(JSON.parse(last!.body)).toMatchObject({ status: 429, code: 'auth.too_many_attempts', detail: expect.stringMatching(/^Too many sign-in attempts\. Try again in \d+ seconds?\.$/) });
    // In Chinese when asked; the right password is not even checked during the pause.
    const zh = await signIn(u.email, 'correct-horse-battery', { ip, lang: 'zh-CN' });
    expect(zh.statusCode).toBe(429);
    expect(JSON.parse(zh.body).detail).toMatch(/^登录失败次数过多，请 \d+ 秒后再试。$/);
    expect(zh.headers['content-language']).toBe('zh-CN');
  });

  it('after the pause one more password is checked and the next pause is twice as long; a right password then starts the account afresh', async () => {
    const other = await env.signUp({ org: 'Backoff Medical' });
    const ip = nextIp();
    for (let i = 0; i < limit; i++) expect((await signIn(other.email, 'wrong', { ip })).statusCode).toBe(401);
    expect((await signIn(other.email, 'correct-horse-battery', { ip })).statusCode).toBe(429);
    const key = (await env.sql(`select key from sign_in_attempts where key like 'account:%' order by blocked_until desc nulls last limit 1`))[0].key;
    const pause = async () => Number((await env.sql(`select extract(epoch from blocked_until - now()) s from sign_in_attempts where key = $1`, [key]))[0].s);
    const endPause = () => env.sql(`update sign_in_attempts set blocked_until = now() - interval '1 second' where key = $1`, [key]);
    expect(await pause()).toBeGreaterThan(SIGN_IN_RULES.account.baseBlockSeconds - 5);
    expect(await pause()).toBeLessThanOrEqual(SIGN_IN_RULES.account.baseBlockSeconds);
    // The pause is over (time shifted): one more guess is checked, and the next pause is twice as long.
    await endPause();
    expect((await signIn(other.email, 'wrong', { ip })).statusCode).toBe(401);
    expect(await pause()).toBeGreaterThan(2 * SIGN_IN_RULES.account.baseBlockSeconds - 5);
    expect((await signIn(other.email, 'wrong', { ip })).statusCode).toBe(429);
    // "Try again in … seconds" means it: after the pause the right password signs in, and the account starts afresh.
    await endPause();
    expect((await signIn(other.email, 'correct-horse-battery', { ip })).statusCode).toBe(200);
    for (let i = 0; i < limit; i++) expect((await signIn(other.email, 'wrong', { ip })).statusCode).toBe(401);
    expect((await signIn(other.email, 'wrong', { ip })).statusCode).toBe(429);
  });

  it('thirty guesses sent at once get no more checks than thirty in a row', async () => {
    const victim = await env.signUp({ org: 'Burst Medical' });
    const ip = nextIp();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(victim.email, `burst-${i}`, { ip })));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - limit);
  });

  it('an address that does not exist is answered exactly like one that does', async () => {
    const ip1 = nextIp();
    const ip2 = nextIp();
    const known = await env.signUp({ org: 'Known Medical' });
    const run = async (email: string, ip: string) => {
      const out: { status: number; body: unknown }[] = [];
      for (let i = 0; i < limit + 2; i++) {
        const r = await signIn(email, 'not-the-password', { ip });
        const body = JSON.parse(r.body);
        out.push({ status: r.statusCode, body: r.statusCode === 429 ? { ...body, detail: body.detail.replace(/\d+/, 'N') } : body });
      }
      return out;
    };
    expect(await run(`nobody-${Date.now()}@example.test`, ip1)).toEqual(await run(known.email, ip2));
  });

  it('one client address guessing across many accounts is refused past its own limit; other addresses are not', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_RULES.address.limit + 3; i++) statuses.push((await signIn(`spray-${i}-${Date.now()}@example.test`, 'Winter2026!', { ip })).statusCode);
    expect(statuses.slice(0, SIGN_IN_RULES.address.limit)).toEqual(Array(SIGN_IN_RULES.address.limit).fill(401));
    expect(statuses.slice(SIGN_IN_RULES.address.limit)).toEqual([429, 429, 429]);
    const fresh = await env.signUp({ org: 'Elsewhere Medical' });
    expect((await signIn(fresh.email, 'correct-horse-battery', { ip: nextIp() })).statusCode).toBe(200);
  });

  it('while an address is paused, its users\' own accounts are not counted down; a right password after the pause lifts the pause it started', async () => {
    const ip = nextIp();
    const office = await env.signUp({ org: 'Paused Address Medical' });
    for (let i = 0; i < SIGN_IN_RULES.address.limit; i++) expect((await signIn(`spray2-${i}-${Date.now()}@example.test`, 'x', { ip })).statusCode).toBe(401);
    // The address is paused: ten tries of a right password from it are refused and not counted for the account…
    for (let i = 0; i < 10; i++) expect((await signIn(office.email, 'correct-horse-battery', { ip })).statusCode).toBe(429);
    expect(await env.sql(`select attempts from sign_in_attempts where key = $1`, [accountKey(office.email)])).toEqual([]);
    // …so from elsewhere the account signs in at once.
    expect((await signIn(office.email, 'correct-horse-battery', { ip: nextIp() })).statusCode).toBe(200);
    // After the pause, a right password from the address is checked and signs in, and it leaves no pause behind for the next colleague.
    await env.sql(`update sign_in_attempts set blocked_until = now() - interval '1 second' where key = $1`, [`ip:${ip}`]);
    expect((await signIn(office.email, 'correct-horse-battery', { ip })).statusCode).toBe(200);
    const colleague = await env.signUp({ org: 'Paused Address Partner' });
    expect((await signIn(colleague.email, 'correct-horse-battery', { ip })).statusCode).toBe(200);
    // Its failures still count: the next wrong password pauses it again.
    expect((await signIn(`spray2-late-${Date.now()}@example.test`, 'x', { ip })).statusCode).toBe(401);
    expect((await signIn(colleague.email, 'correct-horse-battery', { ip })).statusCode).toBe(429);
  });

  it('counts failures, not sign-ins: a whole office signing in from one address is never refused', async () => {
    const ip = nextIp();
    const office = await env.signUp({ org: 'One Address Medical' });
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_RULES.address.limit + 5; i++) statuses.push((await signIn(office.email, 'correct-horse-battery', { ip })).statusCode);
    expect(statuses).toEqual(Array(SIGN_IN_RULES.address.limit + 5).fill(200));
    // Its failures still count: the limit is reached after exactly `limit` of them.
    for (let i = 0; i < SIGN_IN_RULES.address.limit; i++) expect((await signIn(`typo-${i}-${Date.now()}@example.test`, 'x', { ip })).statusCode).toBe(401);
    expect((await signIn(office.email, 'correct-horse-battery', { ip })).statusCode).toBe(429);
  });
});

describe('origins', () => {
  it('in local use every loopback name of the server is admitted; a public base URL admits its own origin', () => {
    expect(trustedOrigins('http://localhost:3000', false, 3000)).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']);
    expect(trustedOrigins('https://procura.example.com', true, 3000, ['http://10.0.0.5:3000'])).toEqual(['https://procura.example.com', 'http://10.0.0.5:3000']);
    const c = loadConfig({ PORT: '3100', PROCURA_TRUSTED_ORIGINS: 'http://192.168.1.20:3100/ , ' });
    expect(c.trustedOrigins).toEqual(['http://localhost:3100', 'http://127.0.0.1:3100', 'http://[::1]:3100', 'http://192.168.1.20:3100']);
    expect(loadConfig({ PROCURA_BASE_URL: 'https://p.example.com/' }).baseUrl).toBe('https://p.example.com');
  });

  it('signs in from localhost, 127.0.0.1 and [::1]; a LAN origin is refused, naming it and the setting', async () => {
    const u = await env.signUp({ org: 'Origins Medical' });
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      const r = await signIn(u.email, 'correct-horse-battery', { origin, ip: nextIp() });
      expect(r.statusCode, `${origin}: ${r.body}`).toBe(200);
      expect(String(r.headers['set-cookie'])).toContain('better-auth.session_token=');
    }
    const lan = await signIn(u.email, 'correct-horse-battery', { origin: 'http://192.168.1.20:3000', ip: nextIp() });
    expect(lan.statusCode).toBe(403);
    expect(JSON.parse(lan.body)).toMatchObject({
      code: 'auth.origin_refused',
      detail: 'Sign-in from http://192.168.1.20:3000 was refused: this server admits http://localhost:3000, http://127.0.0.1:3000, http://[::1]:3000. Open Procura at http://localhost:3000, or add http://192.168.1.20:3000 to PROCURA_TRUSTED_ORIGINS.',
    });
    const zh = await signIn(u.email, 'correct-horse-battery', { origin: 'http://192.168.1.20:3000', ip: nextIp(), lang: 'zh' });
    expect(JSON.parse(zh.body).detail).toContain('PROCURA_TRUSTED_ORIGINS');
    expect(JSON.parse(zh.body).detail).toMatch(/^拒绝来自 http:\/\/192\.168\.1\.20:3000 的登录/);
  });
});

describe('security headers on every response', () => {
  let web: string;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    web = fs.mkdtempSync(path.join(os.tmpdir(), 'procura-web-'));
    fs.mkdirSync(path.join(web, 'assets'));
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>');
    fs.writeFileSync(path.join(web, 'assets/app.js'), 'console.log(1)');
    app = await buildApp(env.rt.deps, { webDist: web });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(web, { recursive: true, force: true });
  });

  const requests: { method: 'GET' | 'HEAD' | 'POST'; url: string; status: number; signedIn?: boolean; body?: unknown }[] = [
    { method: 'GET', url: '/', status: 200 },
    { method: 'HEAD', url: '/', status: 200 },
    { method: 'GET', url: '/pipeline', status: 200 },
    { method: 'HEAD', url: '/opportunities/123', status: 200 },
    { method: 'GET', url: '/assets/app.js', status: 200 },
    { method: 'GET', url: '/api/health', status: 200 },
    { method: 'HEAD', url: '/api/health', status: 200 },
    { method: 'GET', url: '/api/openapi.json', status: 200 },
    { method: 'GET', url: '/api/v1/accounts', status: 401 },
    { method: 'GET', url: '/api/v1/accounts', status: 200, signedIn: true },
    { method: 'POST', url: '/api/v1/accounts', status: 400, signedIn: true, body: { name: '' } },
    { method: 'GET', url: '/api/v1/no-such-route', status: 404 },
    { method: 'POST', url: '/api/auth/sign-in/email', status: 401, body: { email: 'x@example.test', password: 'wrong-password' } },
  ];
  for (const r of requests) {
    it(`${r.method} ${r.url}${r.signedIn ? ' (signed in)' : ''} → ${r.status}, with the security headers`, async () => {
      const res = await app.inject({
        method: r.method,
        url: r.url,
        remoteAddress: nextIp(),
        headers: { ...(r.signedIn ? u.headers : {}), ...(r.body ? { 'content-type': 'application/json' } : {}) },
        payload: r.body ? JSON.stringify(r.body) : undefined,
      });
      expect(res.statusCode).toBe(r.status);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      if (r.method === 'HEAD') {
        expect(res.body).toBe('');
        const get = await app.inject({ method: 'GET', url: r.url });
        expect(res.headers['content-type']).toBe(get.headers['content-type']);
      }
    });
  }

  it('the API docs keep their own policy, without an upgrade to https on a plain-http server', async () => {
    const redirect = await app.inject({ method: 'GET', url: '/api/docs' });
    const res = redirect.statusCode === 302 ? await app.inject({ method: 'GET', url: new URL(String(redirect.headers.location), 'http://x/api/docs/').pathname }) : redirect;
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
    expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('housekeeping', () => {
  it('drops expired Idempotency-Keys and sign-in counts whose window and pause are over, and nothing else', async () => {
    const { housekeeping } = await import('./jobs');
    await env.sql(`insert into sign_in_attempts (key, attempts, window_start, blocked_until) values
      ('ip:old', 3, now() - interval '2 hours', null),
      ('ip:paused', 9, now() - interval '2 hours', now() + interval '5 minutes'),
      ('ip:current', 2, now() - interval '10 minutes', null)`);
    const out = await housekeeping(env.ownerUrl);
    expect(out.signInAttempts).toBeGreaterThanOrEqual(1);
    const left = (await env.sql(`select key from sign_in_attempts where key in ('ip:old', 'ip:paused', 'ip:current') order by key`)).map((r) => r.key);
    expect(left).toEqual(['ip:current', 'ip:paused']);
  });
});
