// Every tenant read and write runs inside withTenant() or readTenant(), whose
// settings app.org_id / app.user_id drive the row-level security policies
// (src/db/schema/tenant.ts). Code checks come on top of this, never instead.
//
// Round trips are the cost that matters on the hot paths, so:
// - On the dedicated tenant pool (src/db/client.ts) a connection keeps the tenant
//   of its last use as session settings, tracked here; they are sent again only
//   when the next use is for another organization or user. Connections of that
//   pool are read-only by default, and nothing else uses them.
// - withTenant() is one read-write transaction: `begin read write` (plus the
//   settings when they change) is one simple-protocol round trip; the ids are
//   checked to be UUIDs first, so inlining them is safe.
// - readTenant() runs reads without a transaction: a page or a detail that is one
//   statement costs one round trip. Writes there fail (read-only connection).
// On any other pool (the owner's, in tools) the settings are transaction-local.
import type pg from 'pg';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres/session';
import { tenantPoolOf, type Db, type Tx } from './client';
import { claimKey, storeAnswer, type IdempotencyClaim } from './idempotency';

export type OrgRole = 'owner' | 'admin' | 'manager' | 'member';
/** seller: the sell side; buyer: the buy side; both: both, switched in the header. */
export type OrgKind = 'seller' | 'buyer' | 'both';

export interface TenantContext {
  orgId: string;
  userId: string;
  role: OrgRole;
  /** The organization's kind: which side of Procura it uses (absent in tools that act for no request). */
  kind?: OrgKind;
  /** The request's Idempotency-Key: the first withTenant() claims it and stores its answer (src/db/idempotency.ts). */
  idempotency?: IdempotencyClaim;
}

type TenantIds = Pick<TenantContext, 'orgId' | 'userId' | 'idempotency'>;

/** The user id of work the platform does on its own (the clock's tick): recorded with no actor. */
export const SYSTEM_USER = '00000000-0000-0000-0000-000000000000';
export const actorOf = (userId: string): string | null => (userId === SYSTEM_USER ? null : userId);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface DbInternals {
  $client: pg.Pool;
  dialect: ConstructorParameters<typeof NodePgSession>[1];
  session: { schema: ConstructorParameters<typeof NodePgSession>[2]; options: ConstructorParameters<typeof NodePgSession>[3] };
}

/** The tenant whose session settings a tenant-pool connection carries. */
const sessionTenant = new WeakMap<pg.PoolClient, string>();

function settings(ctx: Pick<TenantContext, 'orgId' | 'userId'>, local: boolean): string {
  if (!UUID.test(ctx.orgId) || !UUID.test(ctx.userId)) throw new Error('withTenant: organization and user ids must be UUIDs');
  return `select set_config('app.org_id', '${ctx.orgId}', ${local}), set_config('app.user_id', '${ctx.userId}', ${local})`;
}

function txOn(db: Db, client: pg.PoolClient): Tx {
  const d = db as unknown as DbInternals;
  const session = new NodePgSession(client, d.dialect, d.session.schema, d.session.options);
  return new NodePgTransaction(d.dialect, session, d.session.schema as never) as unknown as Tx;
}

/**
 * One read-write transaction as the tenant. The first one of a request with an
 * Idempotency-Key claims the key before `fn` and stores `fn`'s result as the
 * answer before committing: `fn` returns what the route sends.
 */
export async function withTenant<T>(db: Db, ctx: TenantIds, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const dedicated = tenantPoolOf(db);
  const key = `${ctx.orgId}:${ctx.userId}`;
  const client = await (dedicated ?? (db as unknown as DbInternals).$client).connect();
  let broken: Error | undefined;
  const claim = ctx.idempotency && !ctx.idempotency.claimed ? ctx.idempotency : undefined;
  try {
    if (!dedicated) await client.query(`begin read write; ${settings(ctx, true)}`);
    else if (sessionTenant.get(client) === key) await client.query('begin read write');
    else {
      // Session settings made inside a transaction are undone by its rollback.
      sessionTenant.delete(client);
      await client.query(`begin read write; ${settings(ctx, false)}`);
    }
    if (claim) await claimKey(client, ctx, claim);
    const result = await fn(txOn(db, client));
    if (claim) await storeAnswer(client, ctx, claim, result);
    await client.query('commit');
    if (dedicated) sessionTenant.set(client, key);
    return result;
  } catch (e) {
    // Rolled back: the key is free again (a later transaction of the request may claim it).
    if (claim) claim.claimed = false;
    sessionTenant.delete(client);
    await client.query('rollback').catch((err: Error) => {
      broken = err;
    });
    throw e;
  } finally {
    client.release(broken);
  }
}

/**
 * Reads as the tenant, without a transaction: each statement sees its own
 * snapshot, so use it where one statement answers (or slight skew between
 * statements does no harm). On a pool without session tracking it is withTenant().
 */
export async function readTenant<T>(db: Db, ctx: Pick<TenantContext, 'orgId' | 'userId'>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const dedicated = tenantPoolOf(db);
  if (!dedicated) return withTenant(db, ctx, fn);
  const key = `${ctx.orgId}:${ctx.userId}`;
  const client = await dedicated.connect();
  try {
    if (sessionTenant.get(client) !== key) {
      sessionTenant.delete(client);
      await client.query(settings(ctx, false));
      sessionTenant.set(client, key);
    }
    return await fn(txOn(db, client));
  } finally {
    // A failed statement outside a transaction leaves the connection usable; the
    // pool drops one that is no longer queryable.
    client.release();
  }
}
