import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';

let env: TestEnv;
let a: TestUser;
let accountId: string;
beforeAll(async () => {
  env = await createTestEnv();
  a = await env.signUp();
  accountId = (await env.request(a, 'POST', '/api/v1/accounts', { name: '客户' })).body.id;
});
afterAll(() => env.close());

describe('contacts', () => {
  it('keeps a reports-to hierarchy within the account and refuses cycles', async () => {
    const boss = (await env.request(a, 'POST', '/api/v1/contacts', { accountId, name: '院长', buyingRoles: ['decision_maker'], influence: 5 })).body;
    const mid = (await env.request(a, 'POST', '/api/v1/contacts', { accountId, name: '科长', reportsToId: boss.id })).body;
    const low = (await env.request(a, 'POST', '/api/v1/contacts', { accountId, name: '工程师', reportsToId: mid.id, isCoach: true })).body;
    expect(low.reportsToId).toBe(mid.id);
    const cycle = await env.request(a, 'PATCH', `/api/v1/contacts/${boss.id}`, { reportsToId: low.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors[0]).toMatchObject({ field: 'body.reportsToId', code: 'cycle' });
    const self = await env.request(a, 'PATCH', `/api/v1/contacts/${boss.id}`, { reportsToId: boss.id });
    expect(self.status).toBe(400);
    const other = (await env.request(a, 'POST', '/api/v1/accounts', { name: '别的客户' })).body;
    const stranger = (await env.request(a, 'POST', '/api/v1/contacts', { accountId: other.id, name: '外人' })).body;
    const cross = await env.request(a, 'PATCH', `/api/v1/contacts/${low.id}`, { reportsToId: stranger.id });
    expect(cross.status).toBe(404);
    expect(cross.body.errors[0].field).toBe('body.reportsToId');
    // Deleting a manager re-attaches the reports to the next level up.
    expect((await env.request(a, 'DELETE', `/api/v1/contacts/${mid.id}`)).status).toBe(204);
    expect((await env.request(a, 'GET', `/api/v1/contacts/${low.id}`)).body.reportsToId).toBe(boss.id);
  });

  it('validates influence and roles, and filters by role', async () => {
    const bad = await env.request(a, 'POST', '/api/v1/contacts', { accountId, name: 'x', influence: 9, buyingRoles: ['king'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.buyingRoles.0', 'body.influence']);
    const dm = await env.request(a, 'GET', `/api/v1/contacts?accountId=${accountId}&role=decision_maker`);
    expect(dm.body.items.map((c: { name: string }) => c.name)).toEqual(['院长']);
  });

  it('shows when we last met a contact', async () => {
    const c = (await env.request(a, 'POST', '/api/v1/contacts', { accountId, name: '采购员' })).body;
    expect(c.lastContactAt).toBeNull();
    await env.request(a, 'POST', '/api/v1/interactions', { accountId, type: 'visit', summary: '拜访', contactIds: [c.id], occurredAt: '2026-01-05T08:00:00Z' });
    expect((await env.request(a, 'GET', `/api/v1/contacts/${c.id}`)).body.lastContactAt).toBe('2026-01-05T08:00:00.000Z');
    // A change answers with the contact as a read shows it.
    const changed = await env.request(a, 'PATCH', `/api/v1/contacts/${c.id}`, { title: '采购科长' });
    expect(changed.body).toMatchObject({ title: '采购科长', lastContactAt: '2026-01-05T08:00:00.000Z' });
    expect((await env.request(a, 'PATCH', `/api/v1/contacts/${c.id}`, { title: '采购科长' })).body.lastContactAt).toBe('2026-01-05T08:00:00.000Z');
  });
});
