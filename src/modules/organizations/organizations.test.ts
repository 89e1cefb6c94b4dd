import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';

let env: TestEnv;
let a: TestUser;
let b: TestUser;

beforeAll(async () => {
  env = await createTestEnv();
  a = await env.signUp({ org: 'Alpha Medical', kind: 'seller' });
  b = await env.signUp({ org: 'Beta Automation', kind: 'both' });
});
afterAll(() => env.close());

describe('sign-up', () => {
  it('creates a user, an organization it owns, default settings, and signs in', async () => {
    const me = await env.request(a, 'GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.organization.name).toBe('Alpha Medical');
    expect(me.body.organization.kind).toBe('seller');
    expect(me.body.role).toBe('owner');
    expect(me.body.settings.opportunityVisibility).toBe('all');
    const hashes = await env.sql(`select password from account where user_id = $1`, [a.userId]);
    expect(hashes[0].password).toMatch(/^\$argon2id\$/);
  });

  it('refuses malformed input naming each field, and writes nothing', async () => {
    const before = await env.sql(`select count(*)::int n from "user"`);
    const res = await env.request(null, 'POST', '/api/v1/auth/sign-up', { name: '', email: 'not-an-email', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.email', 'body.password', 'body.organizationName']));
    const after = await env.sql(`select count(*)::int n from "user"`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses a taken email with 409', async () => {
    const res = await env.request(null, 'POST', '/api/v1/auth/sign-up', { name: 'X', email: a.email, password: 'long-enough-pw', organizationName: 'Dup' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('auth.email_taken');
  });

  it('needs a session for the API', async () => {
    const res = await env.request(null, 'GET', '/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.required');
  });
});

describe('members, roles and invitations', () => {
  it('invites by link; the invitee joins with the role; another organization sees none of it', async () => {
    const m = await env.addMember(a, 'manager');
    expect(m.orgId).toBe(a.orgId);
    const me = await env.request(m, 'GET', '/api/v1/me');
    expect(me.body.role).toBe('manager');
    const list = await env.request(a, 'GET', '/api/v1/organization/members');
    expect(list.body.items.map((x: { email: string }) => x.email)).toContain(m.email);
    const foreign = await env.request(b, 'GET', '/api/v1/organization/members');
    expect(foreign.body.items.map((x: { email: string }) => x.email)).not.toContain(m.email);
  });

  it('only owners and admins invite; members cannot', async () => {
    const m = await env.addMember(a, 'member');
    const res = await env.request(m, 'POST', '/api/v1/organization/invitations', { email: 'x@example.test' });
    expect(res.status).toBe(403);
  });

  it('another organization cannot change or remove our members or cancel our invitations (404)', async () => {
    const m = await env.addMember(a, 'member');
    const list = await env.request(a, 'GET', '/api/v1/organization/members');
    const memberId = list.body.items.find((x: { email: string }) => x.email === m.email).id;
    expect((await env.request(b, 'PATCH', `/api/v1/organization/members/${memberId}`, { role: 'admin' })).status).toBe(404);
    expect((await env.request(b, 'DELETE', `/api/v1/organization/members/${memberId}`)).status).toBe(404);
    const inv = await env.request(a, 'POST', '/api/v1/organization/invitations', { email: 'later@example.test', role: 'member' });
    expect((await env.request(b, 'DELETE', `/api/v1/organization/invitations/${inv.body.id}`)).status).toBe(404);
    expect((await env.request(a, 'GET', '/api/v1/organization/invitations')).body.items.find((i: { id: string }) => i.id === inv.body.id).status).toBe('pending');
  });

  it('keeps the last owner', async () => {
    const list = await env.request(a, 'GET', '/api/v1/organization/members');
    const self = list.body.items.find((x: { userId: string }) => x.userId === a.userId);
    const res = await env.request(a, 'PATCH', `/api/v1/organization/members/${self.id}`, { role: 'admin' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('member.last_owner');
  });

  it('a role change takes effect at once', async () => {
    const m = await env.addMember(a, 'member');
    expect((await env.request(m, 'PATCH', '/api/v1/organization/settings', { opportunityVisibility: 'own' })).status).toBe(403);
    const list = await env.request(a, 'GET', '/api/v1/organization/members');
    const id = list.body.items.find((x: { email: string }) => x.email === m.email).id;
    expect((await env.request(a, 'PATCH', `/api/v1/organization/members/${id}`, { role: 'admin' })).status).toBe(200);
    expect((await env.request(m, 'GET', '/api/v1/me')).body.role).toBe('admin');
  });

  it('a member removed loses access at once', async () => {
    const m = await env.addMember(a, 'member');
    expect((await env.request(m, 'GET', '/api/v1/me')).status).toBe(200);
    const list = await env.request(a, 'GET', '/api/v1/organization/members');
    const id = list.body.items.find((x: { email: string }) => x.email === m.email).id;
    expect((await env.request(a, 'DELETE', `/api/v1/organization/members/${id}`)).status).toBe(204);
    expect((await env.request(m, 'GET', '/api/v1/me')).status).toBe(403);
  });

  it('X-Organization-Id naming a foreign organization is refused', async () => {
    const res = await env.request(a, 'GET', '/api/v1/me', undefined, { 'x-organization-id': b.orgId });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.not_a_member');
  });
});

describe('settings', () => {
  it('admins change visibility and risk thresholds; bad thresholds are named', async () => {
    const ok = await env.request(a, 'PATCH', '/api/v1/organization/settings', { opportunityVisibility: 'own' });
    expect(ok.status).toBe(200);
    expect(ok.body.opportunityVisibility).toBe('own');
    const bad = await env.request(a, 'PATCH', '/api/v1/organization/settings', { opportunityVisibility: 'nobody' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.opportunityVisibility');
    const unknown = await env.request(a, 'PATCH', '/api/v1/organization/settings', { defaultProcessModel: 'no-such-model' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('body.defaultProcessModel');
    // b's settings are untouched by a's change
    expect((await env.request(b, 'GET', '/api/v1/organization/settings')).body.opportunityVisibility).toBe('all');
    await env.request(a, 'PATCH', '/api/v1/organization/settings', { opportunityVisibility: 'all' });
  });
});

describe('row-level security', () => {
  it('the application role sees no tenant rows without an organization set, and only its own with one', async () => {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: env.rt.deps ? (env.rt.appDb.pool as any).options.connectionString : '' });
    await client.connect();
    try {
      const none = await client.query('select count(*)::int n from org_settings');
      expect(none.rows[0].n).toBe(0);
      await client.query('begin');
      await client.query(`select set_config('app.org_id', $1, true)`, [a.orgId]);
      const own = await client.query('select organization_id from org_settings');
      expect(own.rows.map((r) => r.organization_id)).toEqual([a.orgId]);
      await expect(client.query(`insert into org_settings (organization_id) values ($1)`, [b.orgId])).rejects.toThrow(/row-level security/);
      await client.query('rollback');
      const role = await client.query(`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`);
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    } finally {
      await client.end();
    }
  });
});
