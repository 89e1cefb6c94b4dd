// Every tenant read and write runs inside withTenant(): one transaction whose
// settings app.org_id / app.user_id drive the row-level security policies
// (src/db/schema/tenant.ts). Code checks come on top of this, never instead.
//
// BEGIN and the two set_config calls go to the server as one simple-protocol
// round trip (the ids are checked to be UUIDs first, so inlining them is safe);
// drizzle's own db.transaction() would spend two.
import type pg from 'pg';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres/session';
import type { Db, Tx } from './client';

export type OrgRole = 'owner' | 'admin' | 'manager' | 'member';

export interface TenantContext {
  orgId: string;
  userId: string;
  role: OrgRole;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface DbInternals {
  $client: pg.Pool;
  dialect: ConstructorParameters<typeof NodePgSession>[1];
  session: { schema: ConstructorParameters<typeof NodePgSession>[2]; options: ConstructorParameters<typeof NodePgSession>[3] };
}

export async function withTenant<T>(db: Db, ctx: Pick<TenantContext, 'orgId' | 'userId'>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!UUID.test(ctx.orgId) || !UUID.test(ctx.userId)) throw new Error('withTenant: organization and user ids must be UUIDs');
  const d = db as unknown as DbInternals;
  const client = await d.$client.connect();
  const session = new NodePgSession(client, d.dialect, d.session.schema, d.session.options);
  const tx = new NodePgTransaction(d.dialect, session, d.session.schema as never) as unknown as Tx;
  let broken: Error | undefined;
  try {
    await client.query(`begin; select set_config('app.org_id', '${ctx.orgId}', true), set_config('app.user_id', '${ctx.userId}', true)`);
    const result = await fn(tx);
    await client.query('commit');
    return result;
  } catch (e) {
    await client.query('rollback').catch((err: Error) => {
      broken = err;
    });
    throw e;
  } finally {
    client.release(broken);
  }
}
