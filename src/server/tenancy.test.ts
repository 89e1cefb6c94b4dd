// Security as a feature: for EVERY operation in the OpenAPI document, another
// organization can neither read nor change organization A's data. The table
// below must name every operation; a new route without a case fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../tests/api';
import { makeBuyWorld, makeWorld, tableCounts, type BuyWorld, type World } from '../../tests/fixtures';

let env: TestEnv;
let a: TestUser;
let b: TestUser;
let w: World;
let aMemberId: string;
let aInvitationId: string;
let bw: BuyWorld;

beforeAll(async () => {
  env = await createTestEnv();
  a = await env.signUp({ org: 'A Medical', kind: 'both' });
  b = await env.signUp({ org: 'B Intruder', kind: 'both' });
  w = await makeWorld(env, a, 'A');
  await makeWorld(env, b, 'B');
  bw = await makeBuyWorld(env, a, 'A');
  await makeBuyWorld(env, b, 'B');
  const m = await env.addMember(a, 'member');
  aMemberId = (await env.request(a, 'GET', '/api/v1/organization/members')).body.items.find((x: { userId: string }) => x.userId === m.userId).id;
  aInvitationId = (await env.request(a, 'POST', '/api/v1/organization/invitations', { email: 'pending@example.test', role: 'member' })).body.id;
  const pm = await env.request(a, 'POST', '/api/v1/process-models', {
    key: 'a-private-model',
    name: { 'zh-CN': 'A 的流程', en: 'A process' },
    stages: [
      { key: 'need', name: { 'zh-CN': '需求', en: 'Need' }, backbone: 'need', milestones: [1, 2] },
      { key: 'decide', name: { 'zh-CN': '决策', en: 'Decide' }, backbone: 'decide', milestones: [3, 4, 5, 6, 7, 8, 9] },
    ],
  });
  expect(pm.status).toBe(201);
});
afterAll(() => env.close());

type Case = { method: string; url: () => string; body?: () => unknown; expect: number | 'list-without-a' | 'own-only' };
const aIds = () => [w.accountId, w.opportunityId, w.interactionId, w.taskId, w.competitorId, ...Object.values(w.contactIds), a.orgId, aMemberId, aInvitationId, bw.requisitionId, bw.projectId, bw.pendingRequisitionId, bw.requesterId];

const cases: Record<string, Case> = {
  'GET /api/v1/me': { method: 'GET', url: () => '/api/v1/me', expect: 'own-only' },
  'POST /api/v1/me/organization': { method: 'POST', url: () => '/api/v1/me/organization', body: () => ({ organizationId: a.orgId }), expect: 404 },
  'GET /api/v1/organization/settings': { method: 'GET', url: () => '/api/v1/organization/settings', expect: 'own-only' },
  'PATCH /api/v1/organization/settings': { method: 'PATCH', url: () => '/api/v1/organization/settings', body: () => ({ defaultProcessModel: 'a-private-model' }), expect: 400 },
  'GET /api/v1/organization/members': { method: 'GET', url: () => '/api/v1/organization/members', expect: 'list-without-a' },
  'PATCH /api/v1/organization/members/{id}': { method: 'PATCH', url: () => `/api/v1/organization/members/${aMemberId}`, body: () => ({ role: 'admin' }), expect: 404 },
  'DELETE /api/v1/organization/members/{id}': { method: 'DELETE', url: () => `/api/v1/organization/members/${aMemberId}`, expect: 404 },
  'GET /api/v1/organization/invitations': { method: 'GET', url: () => '/api/v1/organization/invitations', expect: 'list-without-a' },
  'POST /api/v1/organization/invitations': { method: 'POST', url: () => '/api/v1/organization/invitations', body: () => ({ email: 'pending@example.test' }), expect: 'own-only' },
  'DELETE /api/v1/organization/invitations/{id}': { method: 'DELETE', url: () => `/api/v1/organization/invitations/${aInvitationId}`, expect: 404 },
  'POST /api/v1/invitations/{id}/accept': { method: 'POST', url: () => `/api/v1/invitations/${aInvitationId}/accept`, expect: 403 },
  'GET /api/v1/process-models': { method: 'GET', url: () => '/api/v1/process-models', expect: 'list-without-a' },
  'POST /api/v1/process-models': {
    method: 'POST',
    url: () => '/api/v1/process-models',
    body: () => ({ key: 'a-private-model', name: { 'zh-CN': 'B', en: 'B' }, stages: [{ key: 'x1', name: { 'zh-CN': '一', en: 'One' }, backbone: 'need', milestones: [1, 2, 3, 4] }, { key: 'x2', name: { 'zh-CN': '二', en: 'Two' }, backbone: 'use', milestones: [5, 6, 7, 8, 9] }] }),
    expect: 'own-only',
  },
  'PATCH /api/v1/process-models/{key}': { method: 'PATCH', url: () => '/api/v1/process-models/a-private-model-nope', body: () => ({ name: { 'zh-CN': '改', en: 'Changed' } }), expect: 404 },
  'GET /api/v1/accounts': { method: 'GET', url: () => '/api/v1/accounts', expect: 'list-without-a' },
  'POST /api/v1/accounts': { method: 'POST', url: () => '/api/v1/accounts', body: () => ({ name: 'B new', industry: 'other' }), expect: 'own-only' },
  'GET /api/v1/accounts/{id}': { method: 'GET', url: () => `/api/v1/accounts/${w.accountId}`, expect: 404 },
  'PATCH /api/v1/accounts/{id}': { method: 'PATCH', url: () => `/api/v1/accounts/${w.accountId}`, body: () => ({ name: 'hijacked' }), expect: 404 },
  'DELETE /api/v1/accounts/{id}': { method: 'DELETE', url: () => `/api/v1/accounts/${w.accountId}`, expect: 404 },
  'GET /api/v1/accounts/{id}/timeline': { method: 'GET', url: () => `/api/v1/accounts/${w.accountId}/timeline`, expect: 404 },
  'GET /api/v1/contacts': { method: 'GET', url: () => `/api/v1/contacts?accountId=${w.accountId}`, expect: 'list-without-a' },
  'POST /api/v1/contacts': { method: 'POST', url: () => '/api/v1/contacts', body: () => ({ accountId: w.accountId, name: 'spy' }), expect: 404 },
  'GET /api/v1/contacts/{id}': { method: 'GET', url: () => `/api/v1/contacts/${w.contactIds.director}`, expect: 404 },
  'PATCH /api/v1/contacts/{id}': { method: 'PATCH', url: () => `/api/v1/contacts/${w.contactIds.director}`, body: () => ({ attitude: 'opponent' }), expect: 404 },
  'DELETE /api/v1/contacts/{id}': { method: 'DELETE', url: () => `/api/v1/contacts/${w.contactIds.director}`, expect: 404 },
  'GET /api/v1/competitors': { method: 'GET', url: () => '/api/v1/competitors', expect: 'list-without-a' },
  'POST /api/v1/competitors': { method: 'POST', url: () => '/api/v1/competitors', body: () => ({ name: 'A 迈瑞医疗' }), expect: 'own-only' },
  'PATCH /api/v1/competitors/{id}': { method: 'PATCH', url: () => `/api/v1/competitors/${w.competitorId}`, body: () => ({ notes: 'x' }), expect: 404 },
  'GET /api/v1/opportunities': { method: 'GET', url: () => '/api/v1/opportunities', expect: 'list-without-a' },
  'GET /api/v1/opportunities/board': { method: 'GET', url: () => '/api/v1/opportunities/board?processModel=internal-8', expect: 'list-without-a' },
  'POST /api/v1/opportunities': { method: 'POST', url: () => '/api/v1/opportunities', body: () => ({ accountId: w.accountId, title: 'steal' }), expect: 404 },
  'GET /api/v1/opportunities/{id}': { method: 'GET', url: () => `/api/v1/opportunities/${w.opportunityId}`, expect: 404 },
  'PATCH /api/v1/opportunities/{id}': { method: 'PATCH', url: () => `/api/v1/opportunities/${w.opportunityId}`, body: () => ({ value: 1 }), expect: 404 },
  'POST /api/v1/opportunities/{id}/stage': { method: 'POST', url: () => `/api/v1/opportunities/${w.opportunityId}/stage`, body: () => ({ stage: 'contract_signing' }), expect: 404 },
  'POST /api/v1/opportunities/{id}/outcome': { method: 'POST', url: () => `/api/v1/opportunities/${w.opportunityId}/outcome`, body: () => ({ outcome: 'abandoned' }), expect: 404 },
  'PUT /api/v1/opportunities/{id}/facts': { method: 'PUT', url: () => `/api/v1/opportunities/${w.opportunityId}/facts`, body: () => ({ kind: 'budget', value: '1' }), expect: 404 },
  'PUT /api/v1/opportunities/{id}/competitors': { method: 'PUT', url: () => `/api/v1/opportunities/${w.opportunityId}/competitors`, body: () => ({ competitorId: w.competitorId, position: 'won' }), expect: 404 },
  'DELETE /api/v1/opportunities/{id}/competitors/{competitorId}': { method: 'DELETE', url: () => `/api/v1/opportunities/${w.opportunityId}/competitors/${w.competitorId}`, expect: 404 },
  'GET /api/v1/opportunities/{id}/stage-history': { method: 'GET', url: () => `/api/v1/opportunities/${w.opportunityId}/stage-history`, expect: 404 },
  'GET /api/v1/opportunities/{id}/timeline': { method: 'GET', url: () => `/api/v1/opportunities/${w.opportunityId}/timeline`, expect: 404 },
  'GET /api/v1/interactions': { method: 'GET', url: () => `/api/v1/interactions?opportunityId=${w.opportunityId}`, expect: 404 },
  'POST /api/v1/interactions': { method: 'POST', url: () => '/api/v1/interactions', body: () => ({ opportunityId: w.opportunityId, type: 'call', summary: 'x' }), expect: 404 },
  'GET /api/v1/evidence/{id}': { method: 'GET', url: () => `/api/v1/evidence/${w.evidenceId}`, expect: 404 },
  'PATCH /api/v1/evidence/{id}': { method: 'PATCH', url: () => `/api/v1/evidence/${w.evidenceId}`, body: () => ({ verified: true }), expect: 404 },
  'GET /api/v1/tasks': { method: 'GET', url: () => '/api/v1/tasks', expect: 'list-without-a' },
  'POST /api/v1/tasks': { method: 'POST', url: () => '/api/v1/tasks', body: () => ({ opportunityId: w.opportunityId, title: 'x' }), expect: 404 },
  'PATCH /api/v1/tasks/{id}': { method: 'PATCH', url: () => `/api/v1/tasks/${w.taskId}`, body: () => ({ status: 'done' }), expect: 404 },
  'GET /api/v1/requisitions': { method: 'GET', url: () => '/api/v1/requisitions', expect: 'list-without-a' },
  'POST /api/v1/requisitions': { method: 'POST', url: () => '/api/v1/requisitions', body: () => ({ title: 'B need', department: 'x', justification: 'y', items: [{ name: 'n', quantity: '1', unit: 'u', unitPrice: '1' }] }), expect: 'own-only' },
  'GET /api/v1/requisitions/{id}': { method: 'GET', url: () => `/api/v1/requisitions/${bw.requisitionId}`, expect: 404 },
  'PATCH /api/v1/requisitions/{id}': { method: 'PATCH', url: () => `/api/v1/requisitions/${bw.pendingRequisitionId}`, body: () => ({ title: 'hijacked' }), expect: 404 },
  'POST /api/v1/requisitions/{id}/submit': { method: 'POST', url: () => `/api/v1/requisitions/${bw.pendingRequisitionId}/submit`, expect: 404 },
  'POST /api/v1/requisitions/{id}/decision': { method: 'POST', url: () => `/api/v1/requisitions/${bw.pendingRequisitionId}/decision`, body: () => ({ decision: 'approve' }), expect: 404 },
  'POST /api/v1/requisitions/{id}/withdraw': { method: 'POST', url: () => `/api/v1/requisitions/${bw.pendingRequisitionId}/withdraw`, expect: 404 },
  'GET /api/v1/approval-rules': { method: 'GET', url: () => '/api/v1/approval-rules', expect: 'own-only' },
  'PUT /api/v1/approval-rules': { method: 'PUT', url: () => '/api/v1/approval-rules', body: () => ({ rules: [{ key: 'xx', name: 'x', approverIds: [a.userId] }] }), expect: 404 },
  'GET /api/v1/projects': { method: 'GET', url: () => '/api/v1/projects', expect: 'list-without-a' },
  'GET /api/v1/projects/{id}': { method: 'GET', url: () => `/api/v1/projects/${bw.projectId}`, expect: 404 },
  'PUT /api/v1/projects/{id}/team': { method: 'PUT', url: () => `/api/v1/projects/${bw.projectId}/team`, body: () => ({ members: [] }), expect: 404 },
  'GET /api/v1/projects/{id}/timeline': { method: 'GET', url: () => `/api/v1/projects/${bw.projectId}/timeline`, expect: 404 },
};

/** Operations whose access rule is tested elsewhere (public by design, or a stream). */
const elsewhere: Record<string, string> = {
  'POST /api/v1/auth/sign-up': 'public: creates a new user and organization (organizations.test.ts)',
  'GET /api/v1/invitations/{id}': 'public by design: the link is the secret; shows only the inviting organization name (organizations.test.ts)',
  'GET /api/v1/events': 'stream: tested below with a real connection',
};

describe('tenant isolation: every operation', () => {
  it('the table covers every operation in the OpenAPI document', async () => {
    const doc = (await env.request(null, 'GET', '/api/openapi.json')).body;
    const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, o]) => Object.keys(o).map((m) => `${m.toUpperCase()} ${p}`));
    const missing = ops.filter((op) => !cases[op] && !elsewhere[op]);
    expect(missing).toEqual([]);
  });

  for (const [op, c] of Object.entries(cases)) {
    it(`${op}: organization B cannot read or change A's data`, async () => {
      const before = await tableCounts(env);
      const aView = await env.request(a, 'GET', `/api/v1/opportunities/${w.opportunityId}`);
      const res = await env.request(b, c.method, c.url(), c.body?.());
      const text = JSON.stringify(res.body ?? '');
      if (typeof c.expect === 'number') {
        expect(res.status, text).toBe(c.expect);
        expect(res.headers['content-type']).toContain('application/problem+json');
      } else {
        expect(res.status, text).toBeLessThan(300);
      }
      // Nothing of A's appears in what B gets back.
      for (const id of aIds()) expect(text).not.toContain(id);
      expect(text).not.toContain('A 第一人民医院');
      expect(text).not.toContain('A Medical');
      if (typeof c.expect === 'number') {
        expect(await tableCounts(env)).toEqual(before);
      }
      // A's data is unchanged either way.
      const aAfter = await env.request(a, 'GET', `/api/v1/opportunities/${w.opportunityId}`);
      expect(aAfter.body.value).toBe(aView.body.value);
      expect(aAfter.body.outcome).toBe(aView.body.outcome);
      expect(aAfter.body.stage).toBe(aView.body.stage);
    });
  }

  it('GET /api/v1/events: B receives none of A\'s live updates, and its own', async () => {
    const address = await env.rt.app.listen({ port: 0, host: '127.0.0.1' });
    const ctrl = new AbortController();
    const res = await fetch(`${address}/api/v1/events`, { headers: b.headers, signal: ctrl.signal });
    expect(res.status).toBe(200);
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
    await env.request(a, 'PATCH', `/api/v1/opportunities/${w.opportunityId}`, { value: 3_300_000 });
    const bOpp = (await env.request(b, 'GET', '/api/v1/opportunities')).body.items[0].id;
    await env.request(b, 'PATCH', `/api/v1/opportunities/${bOpp}`, { value: 123 });
    await new Promise((r) => setTimeout(r, 300));
    ctrl.abort();
    await pump;
    expect(received).toContain(bOpp);
    expect(received).not.toContain(w.opportunityId);
  });
});
