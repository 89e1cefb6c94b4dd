import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';

let env: TestEnv;
let a: TestUser;
beforeAll(async () => {
  env = await createTestEnv();
  a = await env.signUp();
});
afterAll(() => env.close());

describe('accounts', () => {
  it('creates, reads, changes (with a timeline entry per change) and lists with counts', async () => {
    const c = await env.request(a, 'POST', '/api/v1/accounts', { name: '华东第一医院', industry: 'medical', size: 'large', region: '上海', procurementPolicies: ['lowest_price', 'local_supplier_preference'], budgetCycle: 'annual', orgStructure: '院长—设备科—采购部' });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ name: '华东第一医院', industry: 'medical', openOpportunities: 0, contacts: 0, procurementPolicies: ['lowest_price', 'local_supplier_preference'] });
    const p = await env.request(a, 'PATCH', `/api/v1/accounts/${c.body.id}`, { region: '江苏', budgetCycle: 'quarterly' });
    expect(p.body.region).toBe('江苏');
    await env.request(a, 'POST', '/api/v1/contacts', { accountId: c.body.id, name: '陈科长' });
    await env.request(a, 'POST', '/api/v1/opportunities', { accountId: c.body.id, title: 'CT 采购' });
    const g = await env.request(a, 'GET', `/api/v1/accounts/${c.body.id}`);
    expect(g.body).toMatchObject({ openOpportunities: 1, contacts: 1 });
    const t = (await env.request(a, 'GET', `/api/v1/accounts/${c.body.id}/timeline`)).body.items;
    const upd = t.find((e: { action: string }) => e.action === 'account.updated');
    expect(upd.data.changes).toEqual({ region: ['上海', '江苏'], budgetCycle: ['annual', 'quarterly'] });
  });

  it('searches and filters, pages by cursor', async () => {
    for (const n of ['阿尔法制造', '贝塔制造', '伽马保险']) await env.request(a, 'POST', '/api/v1/accounts', { name: n, industry: n.includes('保险') ? 'insurance' : 'manufacturing' });
    const m = await env.request(a, 'GET', '/api/v1/accounts?industry=manufacturing');
    expect(m.body.items.map((x: { name: string }) => x.name).sort()).toEqual(['贝塔制造', '阿尔法制造'].sort());
    const q = await env.request(a, 'GET', '/api/v1/accounts?q=保险');
    expect(q.body.items.map((x: { name: string }) => x.name)).toEqual(['伽马保险']);
    const p1 = await env.request(a, 'GET', '/api/v1/accounts?limit=2');
    const p2 = await env.request(a, 'GET', `/api/v1/accounts?limit=2&cursor=${p1.body.nextCursor}`);
    const ids = [...p1.body.items, ...p2.body.items].map((x: { id: string }) => x.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('refuses to delete an account with opportunities; members may not delete', async () => {
    const acc = (await env.request(a, 'POST', '/api/v1/accounts', { name: '有商机的客户' })).body;
    await env.request(a, 'POST', '/api/v1/opportunities', { accountId: acc.id, title: 'x' });
    const r = await env.request(a, 'DELETE', `/api/v1/accounts/${acc.id}`);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('account.has_opportunities');
    const empty = (await env.request(a, 'POST', '/api/v1/accounts', { name: '空客户' })).body;
    const member = await env.addMember(a, 'member');
    expect((await env.request(member, 'DELETE', `/api/v1/accounts/${empty.id}`)).status).toBe(403);
    expect((await env.request(a, 'DELETE', `/api/v1/accounts/${empty.id}`)).status).toBe(204);
    expect((await env.request(a, 'GET', `/api/v1/accounts/${empty.id}`)).status).toBe(404);
  });

  it('names each bad field', async () => {
    const r = await env.request(a, 'POST', '/api/v1/accounts', { name: '', industry: 'farming', procurementPolicies: ['bribes'] });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.industry', 'body.name', 'body.procurementPolicies.0'].sort());
  });
});
