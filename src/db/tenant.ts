// Every tenant read and write runs inside withTenant(): one transaction whose
// settings app.org_id / app.user_id drive the row-level security policies
// (src/db/schema/tenant.ts). Code checks come on top of this, never instead.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client';

export type OrgRole = 'owner' | 'admin' | 'manager' | 'member';

export interface TenantContext {
  orgId: string;
  userId: string;
  role: OrgRole;
}

export async function withTenant<T>(db: Db, ctx: Pick<TenantContext, 'orgId' | 'userId'>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.org_id', ${ctx.orgId}, true), set_config('app.user_id', ${ctx.userId}, true)`,
    );
    return fn(tx);
  });
}
