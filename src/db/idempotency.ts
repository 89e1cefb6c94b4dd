// Idempotency-Key, claimed inside the write's own transaction.
//
// A request that carries a key (src/server/idempotency.ts) has an
// IdempotencyClaim on its tenant context. The first read-write transaction of
// that request (withTenant) begins by inserting the key; it ends, just before
// COMMIT, by storing the answer it produced. So:
// - a concurrent request with the same key blocks on the key's unique index
//   until the first commits, then finds the stored answer and replays it
//   (IdempotentReplay); it never writes. If the first rolled back, the second
//   goes ahead as if it were first;
// - the write and its stored answer commit together: a process killed between
//   the commit and the answer leaves an answer to replay, and one killed before
//   the commit leaves neither.
// Keys are per organization and user and live 24 hours; an expired key is
// claimed afresh.
import type pg from 'pg';

export interface IdempotencyClaim {
  key: string;
  /** SHA-256 of method, route, params and body: the same key with another request is refused. */
  hash: string;
  method: string;
  path: string;
  /** The status code the route answers a success with (its one 2xx response). */
  status: number;
  /** Set once a transaction of the request holds the key. */
  claimed?: boolean;
}

/** The key was used before for this very request: send its stored answer again. */
export class IdempotentReplay extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('idempotent replay');
  }
}

/** The key was used before for a different request. */
export class IdempotencyKeyReused extends Error {
  constructor() {
    super('Idempotency-Key reused with a different request');
  }
}

/** Claims the key inside the open transaction, or throws what the earlier use of it calls for. */
export async function claimKey(client: pg.PoolClient, ctx: { orgId: string; userId: string }, claim: IdempotencyClaim): Promise<void> {
  const won = await client.query(
    `insert into idempotency_keys as k (organization_id, user_id, key, method, path, request_hash, status_code, response, created_at)
     values ($1, $2, $3, $4, $5, $6, null, null, now())
     on conflict (organization_id, user_id, key) do update
       set method = excluded.method, path = excluded.path, request_hash = excluded.request_hash, status_code = null, response = null, created_at = now()
       where k.created_at <= now() - interval '24 hours'
     returning 1`,
    [ctx.orgId, ctx.userId, claim.key, claim.method, claim.path, claim.hash],
  );
  if (won.rowCount === 1) {
    claim.claimed = true;
    return;
  }
  // Held by a committed use (a concurrent one has committed by now: the insert waited for it).
  const r = await client.query<{ request_hash: string; status_code: number | null; response: unknown }>(
    'select request_hash, status_code, response from idempotency_keys where organization_id = $1 and user_id = $2 and key = $3',
    [ctx.orgId, ctx.userId, claim.key],
  );
  const found = r.rows[0];
  if (!found || found.request_hash !== claim.hash) throw new IdempotencyKeyReused();
  throw new IdempotentReplay(found.status_code ?? claim.status, found.response);
}

/** Stores the answer of the transaction that claimed the key, before it commits. */
export async function storeAnswer(client: pg.PoolClient, ctx: { orgId: string; userId: string }, claim: IdempotencyClaim, answer: unknown): Promise<void> {
  await client.query('update idempotency_keys set status_code = $4, response = $5::jsonb where organization_id = $1 and user_id = $2 and key = $3', [
    ctx.orgId,
    ctx.userId,
    claim.key,
    claim.status,
    JSON.stringify(answer ?? null),
  ]);
}
