// The tenant pool keeps each connection's last tenant as session settings. These
// tests pin one connection (pool of 1) and switch tenants on it through every
// path: reads, writes, a rolled-back write, and a write attempted in a read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { appUrlFrom } from './bootstrap';
import { createDatabase, type Database } from './client';
import { readTenant, withTenant } from './tenant';
import { accounts } from './schema/index';
import { createTestEnv, type TestEnv, type TestUser } from '../../tests/api';

let env: TestEnv;
let a: TestUser;
let b: TestUser;
let one: Database;

beforeAll(async () => {
  env = await createTestEnv();
  a = await env.signUp();
  b = await env.signUp();
  await env.request(a, 'POST', '/api/v1/accounts', { name: 'A 客户' });
  await env.request(b, 'POST', '/api/v1/accounts', { name: 'B 客户' });
  one = createDatabase(appUrlFrom(env.ownerUrl, 'procura_app_test'), 1);
});
afterAll(async () => {
  await one.close();
  await env.close();
});

/** The PostgreSQL message under drizzle's "Failed query" wrapper. */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { cause?: Error };
    return err.cause?.message ?? err.message;
  }
  throw new Error('expected a failure');
}

const names = (db: Database, u: TestUser) => readTenant(db.db, { orgId: u.orgId, userId: u.userId }, async (tx) => (await tx.select({ name: accounts.name }).from(accounts)).map((r) => r.name));

describe('tenant settings on a reused connection', () => {
  it('a read as B right after a read as A on the same connection sees only B', async () => {
    expect(await names(one, a)).toEqual(['A 客户']);
    expect(await names(one, b)).toEqual(['B 客户']);
    expect(await names(one, a)).toEqual(['A 客户']);
  });

  it('a rolled-back write as B does not leave B on the connection for the next read', async () => {
    expect(await names(one, a)).toEqual(['A 客户']);
    await expect(
      withTenant(one.db, { orgId: b.orgId, userId: b.userId }, async (tx) => {
        await tx.insert(accounts).values({ organizationId: b.orgId, name: 'B 回滚' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await names(one, a)).toEqual(['A 客户']);
    expect(await names(one, b)).toEqual(['B 客户']);
  });

  it('a committed write switches the connection to its tenant, and a write cannot land in another tenant', async () => {
    await withTenant(one.db, { orgId: b.orgId, userId: b.userId }, async (tx) => {
      await tx.insert(accounts).values({ organizationId: b.orgId, name: 'B 新客户' });
    });
    expect((await names(one, b)).sort()).toEqual(['B 客户', 'B 新客户']);
    expect(
      await failure(
        withTenant(one.db, { orgId: a.orgId, userId: a.userId }, async (tx) => {
          await tx.insert(accounts).values({ organizationId: b.orgId, name: 'A 写入 B' });
        }),
      ),
    ).toMatch(/row-level security/);
    expect(await names(one, a)).toEqual(['A 客户']);
  });

  it('reads run on a read-only connection: a write there fails and writes nothing', async () => {
    expect(
      await failure(readTenant(one.db, { orgId: a.orgId, userId: a.userId }, (tx) => tx.execute(sql`insert into accounts (organization_id, name) values (${a.orgId}, 'sneaky')`))),
    ).toMatch(/read-only transaction/);
    expect(await names(one, a)).toEqual(['A 客户']);
  });

  it('refuses ids that are not UUIDs before anything reaches the database', async () => {
    await expect(names(one, { ...a, orgId: "x'; drop table accounts; --" })).rejects.toThrow(/UUID/);
  });
});
