// Idempotency-Key on creates (POST): a retried request with the same key gets the
// first response back instead of creating a duplicate; the same key with a
// different body is refused (422). Keys are kept 24 hours, per organization and user.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/schema/index';
import { withTenant } from '../db/tenant';
import { AppError } from './errors';
import { text } from '../domain/i18n';

const KEY = /^[\x21-\x7e]{1,200}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { key: string; hash: string };
  }
}

function requestHash(request: FastifyRequest) {
  return createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url}\n${JSON.stringify(request.params ?? {})}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
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
    const rows = await withTenant(db, request.tenant, (tx) =>
      tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.organizationId, orgId), eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), sql`${idempotencyKeys.createdAt} > now() - interval '24 hours'`))
        .limit(1),
    );
    const found = rows[0];
    if (found) {
      if (found.requestHash !== hash) {
        throw new AppError('idempotency_mismatch', 'idempotency.key_reused', text('这个 Idempotency-Key 已用于另一个请求。', 'This Idempotency-Key was used for a different request.'));
      }
      reply.header('idempotent-replayed', 'true');
      return reply.status(found.statusCode).send(found.response);
    }
    request.idempotency = { key, hash };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const idem = request.idempotency;
    if (!idem || reply.statusCode >= 300 || reply.getHeader('idempotent-replayed')) return payload;
    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    if (text === null) return payload;
    await withTenant(db, request.tenant, (tx) =>
      tx
        .insert(idempotencyKeys)
        .values({
          organizationId: request.tenant.orgId,
          userId: request.tenant.userId,
          key: idem.key,
          method: request.method,
          path: request.routeOptions.url ?? request.url,
          requestHash: idem.hash,
          statusCode: reply.statusCode,
          response: JSON.parse(text),
        })
        .onConflictDoNothing(),
    );
    return payload;
  });
}
