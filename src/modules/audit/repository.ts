// The hash-chained audit log's tables (src/db/schema/tender.ts): one chain per
// organization; the head row and the new entry are written in one statement,
// so two appends to one chain serialize on the head row and never fork it.
import { sha256 } from '@noble/hashes/sha2.js';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Tx } from '../../db/client';
import { canonicalJson, concatBytes, utf8 } from '../../domain/sealing/bytes';

export const GENESIS = new Uint8Array(32);

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  action: string;
  tenderId: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
}

/** The digest of an entry's content: SHA-256 of its canonical JSON. */
export function entryDigest(e: AuditEntry): Uint8Array {
  return sha256(utf8(canonicalJson({ at: e.at.toISOString(), actorId: e.actorId, action: e.action, tenderId: e.tenderId, subjectId: e.subjectId, data: e.data })));
}

/** A link of the chain: SHA-256(previous hash ‖ entry digest). */
export function linkHash(prev: Uint8Array, digest: Uint8Array): Uint8Array {
  return sha256(concatBytes(prev, digest));
}

export const auditRepo = {
  /** Appends to the organization's chain inside the caller's transaction (the statement, unsent). */
  append(tx: Tx, orgId: string, e: AuditEntry) {
    const digest = Buffer.from(entryDigest(e));
    const genesis = Buffer.from(GENESIS);
    return sql`with head as (
        insert into audit_heads as h (organization_id, seq, prev_hash, hash)
        values (${orgId}, 1, ${genesis}, sha256(${genesis}::bytea || ${digest}::bytea))
        on conflict (organization_id) do update
          set seq = h.seq + 1, prev_hash = h.hash, hash = sha256(h.hash || ${digest}::bytea)
        returning seq, prev_hash, hash)
      insert into audit_chain (organization_id, seq, at, actor_id, action, tender_id, subject_id, data, prev_hash, hash)
      select ${orgId}, head.seq, ${e.at.toISOString()}::timestamptz, ${e.actorId}, ${e.action}, ${e.tenderId}, ${e.subjectId}, ${JSON.stringify(e.data)}::jsonb, head.prev_hash, head.hash
      from head`;
  },

  /** The entries of one chain from `afterSeq` on, oldest first (for the verifier; owner connection). */
  async chainPage(client: pg.Pool | pg.Client, orgId: string, afterSeq: number, limit: number) {
    const r = await client.query<{ seq: string; at: Date; actor_id: string | null; action: string; tender_id: string | null; subject_id: string | null; data: Record<string, unknown>; prev_hash: Buffer; hash: Buffer }>(
      'select seq, at, actor_id, action, tender_id, subject_id, data, prev_hash, hash from audit_chain where organization_id = $1 and seq > $2 order by seq limit $3',
      [orgId, afterSeq, limit],
    );
    return r.rows;
  },

  async chains(client: pg.Pool | pg.Client) {
    const r = await client.query<{ organization_id: string; seq: string; hash: Buffer }>('select organization_id, seq, hash from audit_heads order by organization_id');
    return r.rows;
  },

  /** A tender's entries in one chain, newest first (the audit view). */
  async forTender(tx: Tx, orgId: string, tenderId: string, limit: number) {
    const r = await tx.execute(sql`select seq, at, actor_id as "actorId", action, subject_id as "subjectId", data, encode(hash, 'hex') as hash
      from audit_chain where organization_id = ${orgId} and tender_id = ${tenderId} order by seq desc limit ${limit}`);
    return r.rows as { seq: string; at: string; actorId: string | null; action: string; subjectId: string | null; data: Record<string, unknown>; hash: string }[];
  },
};
