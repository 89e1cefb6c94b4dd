// Idempotency-Key on POST: a retried request with the same key gets the first
// answer back instead of doing the work twice; the same key with a different
// request is refused (422). Keys are kept 24 hours, per organization and user.
//
// This hook only checks the key and answers retries of completed requests
// early. The guarantee itself lives in the write's transaction
// (src/db/idempotency.ts): the first withTenant() of the request claims the key
// and stores its answer before it commits, so concurrent retries wait for the
// first and replay its answer, and a crash after the commit still leaves the
// answer to replay.
import { createHash } from 'node:crypto';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { IdempotencyKeyReused } from '../db/idempotency';
import { idempotencyKeys } from '../db/schema/index';
import { readTenant } from '../db/tenant';
import { AppError } from './errors';
import { text } from '../domain/i18n';

const KEY = /^[\x21-\x7e]{1,200}$/;

function requestHash(request: FastifyRequest) {
  return createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url}\n${JSON.stringify(request.params ?? {})}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/** The status a route answers a success with: the lowest 2xx of its response schema (201 for creates). */
function successStatus(request: FastifyRequest): number {
  const response = (request.routeOptions.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {};
  const codes = Object.keys(response).map(Number).filter((c) => c >= 200 && c < 300);
  return codes.length ? Math.min(...codes) : 200;
}


export function registerIdempotency(app: FastifyInstance, db: Db) {
  app.addHook('preHandler', async (request, reply) => {
    const raw = request.headers['idempotency-key'];
    if (request.method !== 'POST' || raw === undefined || !request.tenant) return;
    const key = Array.isArray(raw) ? raw[0] ?? '' : raw;
    if (!KEY.test(key)) {
      throw new AppError('invalid', 'validation_failed', text('Idempotency-Key 必须是 1 到 200 个可见 ASCII 字符。', 'Idempotency-Key must be 1 to 200 visible ASCII characters.'), [
        { field: 'header.idempotency-key', message: text('必须是 1 到 200 个可见 ASCII 字符', 'must be 1 to 200 visible ASCII characters'), code: 'invalid_string' },
      ]);
    }
    const hash = requestHash(request);
    const { orgId, userId } = request.tenant;
    // A retry of a completed request is answered before any work.
    const rows = await readTenant(db, request.tenant, (tx) =>
      tx
        .select({ requestHash: idempotencyKeys.requestHash, statusCode: idempotencyKeys.statusCode, response: idempotencyKeys.response })
        .from(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.organizationId, orgId),
            eq(idempotencyKeys.userId, userId),
            eq(idempotencyKeys.key, key),
            isNotNull(idempotencyKeys.statusCode),
            sql`${idempotencyKeys.createdAt} > now() - interval '24 hours'`,
          ),
        )
        .limit(1),
    );
    const found = rows[0];
    if (found) {
      if (found.requestHash !== hash) throw new IdempotencyKeyReused();
      return reply.status(found.statusCode!).header('idempotent-replayed', 'true').send(found.response);
    }
    request.tenant.idempotency = { key, hash, method: request.method, path: request.routeOptions.url ?? request.url, status: successStatus(request) };
  });
}
