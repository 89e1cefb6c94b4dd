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

  /**
   * The same append as two writes for db/batch's writeTogether (data-modifying
   * CTEs cannot nest): the head's move, named, and the entry read from it.
   */
  appendParts(orgId: string, e: AuditEntry, name = 'audit_head') {
    const digest = Buffer.from(entryDigest(e));
    const genesis = Buffer.from(GENESIS);
    return [
      {
        name,
        sql: sql`insert into audit_heads as h (organization_id, seq, prev_hash, hash)
          values (${orgId}, 1, ${genesis}, sha256(${genesis}::bytea || ${digest}::bytea))
          on conflict (organization_id) do update set seq = h.seq + 1, prev_hash = h.hash, hash = sha256(h.hash || ${digest}::bytea)
          returning seq, prev_hash, hash`,
      },
      sql`insert into audit_chain (organization_id, seq, at, actor_id, action, tender_id, subject_id, data, prev_hash, hash)
        select ${orgId}, ${sql.raw(name)}.seq, ${e.at.toISOString()}::timestamptz, ${e.actorId}, ${e.action}, ${e.tenderId}, ${e.subjectId}, ${JSON.stringify(e.data)}::jsonb, ${sql.raw(name)}.prev_hash, ${sql.raw(name)}.hash
        from ${sql.raw(name)}`,
    ] as const;
  },

  /**
   * Appends many entries to one chain in two statements: the head locked and
   * read, the links computed here, the entries and the new head written together
   * (the opening's one entry per bid).
   */
  async appendMany(tx: Tx, orgId: string, entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    const head = (await tx.execute(sql`select seq, hash from audit_heads where organization_id = ${orgId} for update`)).rows[0] as { seq: string; hash: Buffer } | undefined;
    let seq = head ? Number(head.seq) : 0;
    let prev: Uint8Array = head ? new Uint8Array(head.hash) : GENESIS;
    const rows = entries.map((e) => {
      const hash = linkHash(prev, entryDigest(e));
      const row = { seq: ++seq, e, prev, hash };
      prev = hash;
      return row;
    });
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await tx.execute(sql`insert into audit_chain (organization_id, seq, at, actor_id, action, tender_id, subject_id, data, prev_hash, hash) values ${sql.join(
        chunk.map((r) => sql`(${orgId}, ${r.seq}, ${r.e.at.toISOString()}::timestamptz, ${r.e.actorId}, ${r.e.action}, ${r.e.tenderId}, ${r.e.subjectId}, ${JSON.stringify(r.e.data)}::jsonb, ${Buffer.from(r.prev)}, ${Buffer.from(r.hash)})`),
        sql`, `,
      )}`);
    }
    const last = rows[rows.length - 1]!;
    await tx.execute(sql`insert into audit_heads (organization_id, seq, prev_hash, hash) values (${orgId}, ${last.seq}, ${Buffer.from(last.prev)}, ${Buffer.from(last.hash)})
      on conflict (organization_id) do update set seq = excluded.seq, prev_hash = excluded.prev_hash, hash = excluded.hash`);
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
