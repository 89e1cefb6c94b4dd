// Helpers for API integration tests: a Procura instance on its own database
// (cloned from the migrated template), and signed-in users of organizations.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../src/config';
import { createRuntime, type Runtime } from '../src/server/runtime';
import { appUrlFrom } from '../src/db/bootstrap';
import { TestClock } from '../src/server/clock';
import { newPlatformKey, type PlatformKey } from '../src/domain/sealing/receipt';

export interface TestUser {
  userId: string;
  orgId: string;
  email: string;
  cookie: string;
  headers: Record<string, string>;
}

export interface TestEnv {
  rt: Runtime;
  /** The clock every buy-side rule reads: tests move it (time-shifted tests). */
  clock: TestClock;
  platformKey: PlatformKey;
  ownerUrl: string;
  /** A new user with a new organization. */
  signUp(opts?: { org?: string; kind?: 'seller' | 'buyer' | 'both'; name?: string }): Promise<TestUser>;
  /** A new user joining `owner`'s organization with the given role. */
  addMember(owner: TestUser, role: 'admin' | 'manager' | 'member'): Promise<TestUser>;
  request(user: TestUser | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  /** Runs SQL as the owner (bypasses RLS): to look at what a test wrote. */
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function createTestEnv(opts: { now?: Date } = {}): Promise<TestEnv> {
  const serverUrl = inject('pgOwnerUrl');
  const dbName = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${dbName} template procura_template`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  const ownerUrl = u.toString();
  const config = { ...loadConfig({}), baseUrl: 'http://localhost:3000', poolSize: 5 };
  const clock = new TestClock(opts.now ?? new Date());
  const platformKey = newPlatformKey();
  const rt = await createRuntime(config, { ownerUrl, appUrl: appUrlFrom(ownerUrl, 'procura_app_test') }, { webDist: null, logger: { level: 'error' }, clock, platformKey });
  const owner = new pg.Pool({ connectionString: ownerUrl, max: 2 });

  const request: TestEnv['request'] = async (user, method, url, body, headers = {}) => {
    const res = await rt.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(user?.headers ?? {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    let parsed: unknown = res.body;
    try {
      parsed = res.body ? JSON.parse(res.body) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body: parsed as any, headers: res.headers as Record<string, unknown> };
  };

  let n = 0;
  const signUp: TestEnv['signUp'] = async (opts = {}) => {
    n += 1;
    const email = `u${n}-${randomUUID().slice(0, 6)}@example.test`;
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      payload: { name: opts.name ?? `User ${n}`, email, password: 'correct-horse-battery', organizationName: opts.org ?? `Org ${n}`, organizationKind: opts.kind ?? 'seller' },
    });
    if (res.statusCode !== 201) throw new Error(`sign-up failed ${res.statusCode} ${res.body}`);
    const body = JSON.parse(res.body);
    const setCookie = res.headers['set-cookie'];
    const cookies = (Array.isArray(setCookie) ? setCookie : [String(setCookie)]).map((c) => c.split(';')[0]).join('; ');
    return { userId: body.userId, orgId: body.organizationId, email, cookie: cookies, headers: { cookie: cookies } };
  };

  const addMember: TestEnv['addMember'] = async (ownerUser, role) => {
    n += 1;
    const email = `m${n}-${randomUUID().slice(0, 6)}@example.test`;
    const inv = await request(ownerUser, 'POST', '/api/v1/organization/invitations', { email, role });
    if (inv.status !== 201) throw new Error(`invite failed ${inv.status} ${JSON.stringify(inv.body)}`);
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      payload: { name: `Member ${n}`, email, password: 'correct-horse-battery', invitationId: inv.body.id },
    });
    if (res.statusCode !== 201) throw new Error(`join failed ${res.statusCode} ${res.body}`);
    const body = JSON.parse(res.body);
    const setCookie = res.headers['set-cookie'];
    const cookies = (Array.isArray(setCookie) ? setCookie : [String(setCookie)]).map((c) => c.split(';')[0]).join('; ');
    return { userId: body.userId, orgId: body.organizationId, email, cookie: cookies, headers: { cookie: cookies } };
  };

  return {
    rt,
    clock,
    platformKey,
    ownerUrl,
    signUp,
    addMember,
    request,
    async sql(text, params) {
      return (await owner.query(text, params as unknown[])).rows;
    },
    async close() {
      await rt.close();
      await owner.end();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${dbName} with (force)`);
      await a.end();
    },
  };
}

/** Listens to a user's live updates (/api/v1/events) over a real connection; `stop()` returns what arrived. */
export async function listenEvents(env: TestEnv, user: TestUser): Promise<{ stop(): Promise<string> }> {
  const address = await env.rt.app.listen({ port: 0, host: '127.0.0.1' }).catch(() => {
    const a = env.rt.app.server.address() as { port: number };
    return `http://127.0.0.1:${a.port}`;
  });
  const ctrl = new AbortController();
  const res = await fetch(`${address}/api/v1/events`, { headers: user.headers, signal: ctrl.signal });
  if (res.status !== 200) throw new Error(`events: ${res.status}`);
  const reader = res.body!.getReader();
  let received = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        received += new TextDecoder().decode(value);
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    async stop() {
      await new Promise((r) => setTimeout(r, 300));
      ctrl.abort();
      await pump;
      return received;
    },
  };
}
