// Bad input, for EVERY write operation in the OpenAPI document: a clear 4xx
// application/problem+json naming the field and the reason, and nothing written.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../tests/api';
import { makeWorld, tableCounts, type World } from '../../tests/fixtures';

let env: TestEnv;
let a: TestUser;
let ops: { method: string; path: string; hasBody: boolean }[] = [];
let lists: string[] = [];
let gets: { path: string; query: string[] }[] = [];
let w: World;

beforeAll(async () => {
  env = await createTestEnv();
  a = await env.signUp({ kind: 'both' });
  w = await makeWorld(env, a);
  const doc = (await env.request(null, 'GET', '/api/openapi.json')).body;
  lists = Object.entries(doc.paths as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>)
    .filter(([, o]) => o.get?.parameters?.some((x) => x.name === 'cursor' && x.in === 'query'))
    .map(([p]) => p);
  gets = Object.entries(doc.paths as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>)
    .filter(([, o]) => o.get)
    .map(([p, o]) => ({ path: p, query: (o.get!.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name) }));
  ops = Object.entries(doc.paths as Record<string, Record<string, { requestBody?: unknown }>>).flatMap(([p, o]) =>
    Object.entries(o)
      .filter(([m]) => ['post', 'put', 'patch', 'delete'].includes(m))
      .map(([m, def]) => ({ method: m.toUpperCase(), path: p, hasBody: !!def.requestBody })),
  );
});
afterAll(() => env.close());

const fill = (p: string) => p.replace(/\{[^}]+\}/g, (m) => (m === '{key}' ? 'some-model' : randomUUID()));
const badBodies: [string, string][] = [
  ['an array instead of an object', '[]'],
  ['an unknown field and missing required ones', '{"__bogus": 1}'],
  ['malformed JSON', '{"name": '],
];

describe('malformed input: every write operation', () => {
  it('finds the write operations', () => {
    expect(ops.length).toBeGreaterThan(20);
  });

  it('each write operation with a body refuses bad bodies with 400 problem+json naming a field, and writes nothing', async () => {
    const checked: string[] = [];
    for (const op of ops.filter((o) => o.hasBody && o.path !== '/api/v1/auth/sign-up')) {
      for (const [what, body] of badBodies) {
        const before = await tableCounts(env);
        const res = await env.request(a, op.method, fill(op.path), body);
        const label = `${op.method} ${op.path} with ${what}: ${JSON.stringify(res.body)}`;
        expect(res.status, label).toBe(400);
        expect(res.headers['content-type'], label).toContain('application/problem+json');
        expect(res.body.errors?.length, label).toBeGreaterThan(0);
        for (const e of res.body.errors) {
          expect(e.field, label).toMatch(/^(body|query|params|header)/);
          expect(e.message, label).toBeTruthy();
        }
        expect(await tableCounts(env), label).toEqual(before);
      }
      checked.push(`${op.method} ${op.path}`);
    }
    expect(checked.length).toBeGreaterThan(15);
  });

  it('each operation with an id in the path refuses a malformed id naming params.id', async () => {
    for (const op of ops.filter((o) => o.path.includes('{id}'))) {
      const res = await env.request(a, op.method, op.path.replace('{id}', 'not-a-uuid').replace(/\{[^}]+\}/g, randomUUID()), op.hasBody ? {} : undefined);
      expect(res.status, `${op.method} ${op.path}`).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('params.id');
    }
  });

  it('unknown ids in the path are 404 problem+json', async () => {
    for (const op of ops.filter((o) => o.path.includes('{id}') && !o.path.startsWith('/api/v1/invitations'))) {
      const res = await env.request(a, op.method, fill(op.path), op.hasBody ? validBodyFor(op.path) : undefined);
      expect([404], `${op.method} ${op.path}: ${JSON.stringify(res.body)}`).toContain(res.status);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('malformed input: every list', () => {
  const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const url = (p: string) => p.replace('/opportunities/{id}', `/opportunities/${w.opportunityId}`).replace('/accounts/{id}', `/accounts/${w.accountId}`);

  it('refuses a tampered cursor, or one from another list or sort, with 400 naming query.cursor', async () => {
    expect(lists.length).toBeGreaterThanOrEqual(7);
    // A real cursor of each list, to hand to the others.
    const real: string[] = [];
    for (const p of lists) {
      const page = await env.request(a, 'GET', `${url(p)}${p.includes('?') ? '&' : '?'}limit=1`);
      expect(page.status, p).toBe(200);
      if (page.body.nextCursor) real.push(page.body.nextCursor);
    }
    const sorts = (await env.request(a, 'GET', '/api/v1/opportunities?limit=1&sort=value')).body.nextCursor;
    const forged = ['!!!', cursor(['x', 'y']), cursor([1]), cursor(['2026-01-01', "'; drop table accounts; --"]), cursor({ a: 1 }), cursor([null, null]), ...real];
    for (const p of lists) {
      const own = (await env.request(a, 'GET', `${url(p)}?limit=1`)).body.nextCursor;
      for (const c of forged.filter((x) => x !== own)) {
        const res = await env.request(a, 'GET', `${url(p)}?cursor=${encodeURIComponent(c)}`);
        // Another list's cursor may happen to have this list's shape (two lists keyed by a name and an id); it must then just work.
        if (res.status === 200) continue;
        const label = `${p} with cursor ${c}: ${JSON.stringify(res.body)}`;
        expect(res.status, label).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field), label).toContain('query.cursor');
      }
    }
    // A cursor of one sort given to another.
    const cross = await env.request(a, 'GET', `/api/v1/opportunities?sort=updatedAt&cursor=${sorts}`);
    expect(cross.status).toBe(400);
    expect(cross.body.errors[0].field).toBe('query.cursor');
  });
});

describe('odd input anywhere', () => {
  it('no query value on any read makes the server fail (no 5xx)', async () => {
    const values = ['abc', '-1', '1e309', '99999999999999999999999', '', '\u0000', 'x'.repeat(3000), 'null', '[]', '2026-13-45', "'; select 1; --", '%', '_', '\\'];
    let tried = 0;
    for (const g of gets.filter((x) => x.query.length)) {
      const path = g.path.replace('/opportunities/{id}', `/opportunities/${w.opportunityId}`).replace('/accounts/{id}', `/accounts/${w.accountId}`).replace(/\{[^}]+\}/g, randomUUID());
      for (const name of g.query) {
        for (const v of values) {
          const res = await env.request(a, 'GET', `${path}?${name}=${encodeURIComponent(v)}`);
          expect(res.status, `${g.path}?${name}=${JSON.stringify(v).slice(0, 30)}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
  });

  it('refuses the NUL character, which PostgreSQL text cannot hold, naming the field, and writes nothing', async () => {
    const before = await tableCounts(env);
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/v1/accounts', { name: 'a\u0000b' }, 'body.name'],
      ['POST', '/api/v1/interactions', { opportunityId: w.opportunityId, type: 'call', summary: 'ok', evidence: [{ type: 'budget_known', value: '1\u00002' }] }, 'body.evidence.0.value'],
      ['GET', '/api/v1/opportunities?q=%00', undefined, 'query.q'],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await env.request(a, method, url, body);
      expect(res.status, url).toBe(400);
      expect(res.body.errors[0].field, url).toBe(field);
    }
    expect(await tableCounts(env)).toEqual(before);
  });
});

describe('errors in both languages', () => {
  const zh = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
  const CJK = /[\u4e00-\u9fff]/;
  const expectChinese = (res: { status: number; body: any; headers: Record<string, unknown> }, label: string) => {
    expect(res.status, label).toBeGreaterThanOrEqual(400);
    expect(res.headers['content-language'], label).toBe('zh-CN');
    expect(res.body.title, label).toMatch(CJK);
    expect(res.body.detail, label).toMatch(CJK);
    for (const e of res.body.errors ?? []) {
      expect(e.message, `${label}: ${e.field}`).toMatch(CJK);
      // Not the last-resort text: zod's own messages come through its zh-CN locale.
      expect(e.message, `${label}: ${e.field}`).not.toBe('无效的值');
    }
  };

  it('every write operation answers bad bodies in Chinese when the request asks for it', async () => {
    let n = 0;
    for (const op of ops.filter((o) => o.hasBody && o.path !== '/api/v1/auth/sign-up')) {
      for (const [what, body] of [...badBodies, ['wrong types', '{"name": 5, "title": [], "value": "x", "stage": 1, "email": "no"}'] as [string, string]]) {
        const res = await env.request(a, op.method, fill(op.path), body, zh);
        expectChinese(res, `${op.method} ${op.path} with ${what}: ${JSON.stringify(res.body)}`);
        n++;
      }
    }
    expect(n).toBeGreaterThan(40);
  });

  it('so do the rules in code: unknown references, bad values, permissions, missing records, state, domain issues, headers', async () => {
    const member = await env.addMember(a, 'member');
    const cases: [TestUser, string, string, unknown, Record<string, string>?][] = [
      [a, 'POST', '/api/v1/interactions', { opportunityId: w.opportunityId, type: 'call', summary: 'x', contactIds: [randomUUID()] }],
      [a, 'POST', '/api/v1/interactions', { opportunityId: w.opportunityId, type: 'call', summary: 'x', occurredAt: '2099-01-01T00:00:00Z' }],
      [a, 'GET', `/api/v1/opportunities/${randomUUID()}`, undefined],
      [a, 'GET', '/api/v1/nowhere', undefined],
      [member, 'POST', '/api/v1/process-models', { key: 'mine', name: { 'zh-CN': '我的', en: 'Mine' }, stages: [] }],
      [a, 'POST', '/api/v1/process-models', { key: 'mine', name: { 'zh-CN': '我的', en: 'Mine' }, stages: [] }],
      [a, 'POST', '/api/v1/accounts', { name: 'x' }, { 'idempotency-key': 'é' }],
      [a, 'POST', '/api/v1/accounts', '{"name": '],
      [null as unknown as TestUser, 'GET', '/api/v1/opportunities', undefined],
    ];
    for (const [u, method, url, body, headers] of cases) {
      const res = await env.request(u, method, url, body, { ...zh, ...headers });
      expectChinese(res, `${method} ${url}: ${JSON.stringify(res.body)}`);
    }
  });

  it('answers in English otherwise, and says which language it used', async () => {
    const res = await env.request(a, 'POST', '/api/v1/accounts', '{}');
    expect(res.headers['content-language']).toBe('en');
    expect(res.body.errors[0].message).not.toMatch(CJK);
    const fr = await env.request(a, 'POST', '/api/v1/accounts', '{}', { 'accept-language': 'fr-FR,fr' });
    expect(fr.headers['content-language']).toBe('en');
  });
});

function validBodyFor(path: string): unknown {
  const box = { ephemeralPublicKey: 'AAAA', nonce: 'AAAA', ciphertext: 'AAAA' };
  const id = randomUUID();
  if (path.endsWith('/candidates/publish')) return { days: 3 };
  if (path.endsWith('/publish')) return { keys: [{ format: 'procura-tender-key/1', tenderId: id, envelope: 'single', publicKey: 'x', fingerprint: 'x', threshold: 2, shares: [{ holderUserId: id, box }, { holderUserId: id, box }] }] };
  if (path.endsWith('/amendments')) return { reason: 'x', material: false };
  if (path.endsWith('/cancel')) return { reason: 'x' };
  if (path.endsWith('/invitations')) return { supplierIds: [] };
  if (path.endsWith('/documents')) return { name: 'x.txt', mediaType: 'text/plain', data: 'eA==' };
  if (path.endsWith('/questions')) return { question: 'x' };
  if (path.endsWith('/answer')) return { answer: 'x' };
  if (path.endsWith('/clarifications')) return { question: 'q', answer: 'x' };
  if (path.endsWith('/opening/shares')) return { envelope: 'single', share: 'AAAA' };
  if (path.endsWith('/opening/postpone')) return { reason: 'x', openingAt: '2030-01-01T00:00:00Z' };
  if (path.endsWith('/committee')) return { staff: [] };
  if (path.endsWith('/draws')) return { field: 'x', count: 1 };
  if (path.endsWith('/replace')) return { reason: 'x' };
  if (path.endsWith('/declaration')) return { declarations: [] };
  if (path.endsWith('/screening')) return { results: [{ bidId: id, requirementKey: 'Q1', passed: true }] };
  if (path.includes('/sheets/') && !path.endsWith('/submit')) return { scores: {} };
  if (path.endsWith('/sign')) return {};
  if (path.endsWith('/lots/{lotKey}/award')) return {};
  if (path.endsWith('/out')) return { bidId: id, reason: 'x' };
  if (path.endsWith('/retender')) return { reason: 'x' };
  if (path.endsWith('/objections')) return { grounds: 'grounds long enough' };
  if (path.endsWith('/bid')) return { format: 'procura-bid-submission/1', tenderId: id, envelopes: [{ format: 'procura-sealed-bid/1', tenderId: id, envelope: 'single', keyFingerprint: 'x', wrappedKey: box, nonce: 'AAAA', ciphertext: 'AAAA' }] };
  if (path.endsWith('/link')) return { opportunityId: id };
  if (path.endsWith('/certifications')) return { category: 'goods' };
  if (path.startsWith('/api/v1/certifications') && path.endsWith('/decision')) return { to: 'blacklisted', reason: 'x' };
  if (path.startsWith('/api/v1/tenders')) return { title: 'x' };
  if (path.endsWith('/stage')) return { stage: 'problem_and_need' };
  if (path.endsWith('/team')) return { members: [] };
  if (path.endsWith('/decision')) return { decision: 'approve' };
  if (path.endsWith('/outcome')) return { outcome: 'abandoned' };
  if (path.endsWith('/facts')) return { kind: 'budget', value: '1' };
  if (path.endsWith('/competitors')) return { competitorId: randomUUID(), position: 'active' };
  if (path.startsWith('/api/v1/organization/members')) return { role: 'member' };
  if (path.startsWith('/api/v1/evidence')) return { verified: true };
  if (path.startsWith('/api/v1/tasks')) return { status: 'done' };
  if (path.startsWith('/api/v1/contacts')) return { name: 'x' };
  if (path.startsWith('/api/v1/accounts')) return { name: 'x' };
  if (path.startsWith('/api/v1/competitors')) return { name: 'x' };
  return { title: 'x' };
}
