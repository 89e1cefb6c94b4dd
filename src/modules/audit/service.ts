// The audit you can verify (issue 7, 8): every buy-side action, and every
// refused attempt to read sealed data, is appended to the acting organization's
// hash chain in the same transaction as the action. `procura audit verify`
// walks every chain and every stored bid and names the first broken link.
import { sha256 } from '@noble/hashes/sha2.js';
import pg from 'pg';
import type { Tx } from '../../db/client';
import { actorOf, type TenantContext } from '../../db/tenant';
import { equalBytes, toHex } from '../../domain/sealing/bytes';
import { verifyReceipt } from '../../domain/sealing/receipt';
import { sql } from 'drizzle-orm';
import { auditRepo, entryDigest, GENESIS, linkHash, type AuditEntry } from './repository';

export type AuditInput = Omit<AuditEntry, 'actorId' | 'tenderId' | 'subjectId' | 'data'> & Partial<Pick<AuditEntry, 'tenderId' | 'subjectId' | 'data'>>;

/** The append of one audit entry for the acting organization, unsent (to go out with the action's other writes). */
export function auditWrite(tx: Tx, ctx: Pick<TenantContext, 'orgId' | 'userId'>, e: AuditInput) {
  return auditRepo.append(tx, ctx.orgId, { actorId: actorOf(ctx.userId), tenderId: null, subjectId: null, data: {}, ...e });
}

/** The append as parts to send with the action's other writes in one statement (db/batch). */
export function auditParts(ctx: Pick<TenantContext, 'orgId' | 'userId'>, e: AuditInput) {
  return auditRepo.appendParts(ctx.orgId, { actorId: actorOf(ctx.userId), tenderId: null, subjectId: null, data: {}, ...e });
}

/** Many entries of one organization at once (the opening's entry per bid). */
export async function recordAuditMany(tx: Tx, ctx: Pick<TenantContext, 'orgId' | 'userId'>, entries: AuditInput[]): Promise<void> {
  await auditRepo.appendMany(
    tx,
    ctx.orgId,
    entries.map((e) => ({ actorId: actorOf(ctx.userId), tenderId: null, subjectId: null, data: {}, ...e })),
  );
}

export async function recordAudit(tx: Tx, ctx: Pick<TenantContext, 'orgId' | 'userId'>, e: AuditInput): Promise<void> {
  await tx.execute(auditWrite(tx, ctx, e));
}

/**
 * An act about a tender, in the chain of the tender's organization: directly
 * when the actor acts in that organization, else (a committee member from
 * outside, e.g. an expert) through append_committee_audit(), which checks the
 * seat (migration 0006).
 */
export async function recordTenderAudit(tx: Tx, ctx: Pick<TenantContext, 'orgId' | 'userId'>, ownerOrgId: string, e: AuditInput & { tenderId: string }): Promise<void> {
  if (ctx.orgId === ownerOrgId) return recordAudit(tx, { orgId: ownerOrgId, userId: ctx.userId }, e);
  const entry = { at: e.at, actorId: actorOf(ctx.userId), action: e.action, tenderId: e.tenderId, subjectId: e.subjectId ?? null, data: e.data ?? {} };
  await tx.execute(
    sql`select append_committee_audit(${ownerOrgId}, ${e.tenderId}, ${e.at.toISOString()}::timestamptz, ${e.action}, ${entry.subjectId}, ${JSON.stringify(entry.data)}::jsonb, ${Buffer.from(entryDigest(entry))})`,
  );
}

export interface VerifyReport {
  ok: boolean;
  chains: number;
  entries: number;
  bids: number;
  /** The first broken link, said in words; null when everything holds. */
  broken: string | null;
}

/**
 * Checks, as the database owner: every chain from its first entry (each link's
 * previous hash, each entry's content against its hash, the head), and every
 * stored bid version (its bytes against its SHA-256 and its receipt, the
 * receipt's signature against the platform key).
 */
export async function verifyAudit(ownerUrl: string, platformPublicKey: Uint8Array | null): Promise<VerifyReport> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  let entries = 0;
  let bids = 0;
  try {
    const heads = await auditRepo.chains(client);
    for (const head of heads) {
      let prev: Uint8Array = GENESIS;
      let seq = 0;
      for (;;) {
        const rows = await auditRepo.chainPage(client, head.organization_id, seq, 5000);
        if (!rows.length) break;
        for (const r of rows) {
          const n = Number(r.seq);
          const where = `organization ${head.organization_id}, entry ${n} (${r.action})`;
          if (n !== seq + 1) return { ok: false, chains: heads.length, entries, bids, broken: `${where}: entry ${seq + 1} is missing` };
          if (!equalBytes(r.prev_hash, prev)) return { ok: false, chains: heads.length, entries, bids, broken: `${where}: it does not follow the entry before it` };
          const digest = entryDigest({ at: r.at, actorId: r.actor_id, action: r.action, tenderId: r.tender_id, subjectId: r.subject_id, data: r.data });
          if (!equalBytes(linkHash(prev, digest), r.hash)) return { ok: false, chains: heads.length, entries, bids, broken: `${where}: its content was changed after it was written` };
          prev = r.hash;
          seq = n;
          entries++;
        }
      }
      if (seq !== Number(head.seq) || !equalBytes(prev, head.hash)) {
        return { ok: false, chains: heads.length, entries, bids, broken: `organization ${head.organization_id}: the chain ends at entry ${seq}, its head says ${head.seq}` };
      }
    }
    const versions = await client.query<{ id: string; bid_id: string; version: number; submission: string | null; sha256: string | null; receipt: Record<string, unknown> }>(
      `select id, bid_id, version, submission, sha256, receipt from bid_versions where kind = 'submit' order by tender_id, bid_id, version`,
    );
    for (const v of versions.rows) {
      const where = `bid ${v.bid_id} version ${v.version}`;
      const actual = v.submission !== null ? toHex(sha256(Buffer.from(v.submission, 'utf8'))) : null;
      if (actual !== v.sha256) return { ok: false, chains: heads.length, entries, bids, broken: `${where}: the stored bid does not match its SHA-256` };
      if (v.receipt.sha256 !== v.sha256) return { ok: false, chains: heads.length, entries, bids, broken: `${where}: the stored bid is not what its receipt says was received` };
      if (platformPublicKey && !verifyReceipt(v.receipt, platformPublicKey).ok) return { ok: false, chains: heads.length, entries, bids, broken: `${where}: its receipt is not signed by the platform key` };
      bids++;
    }
    return { ok: true, chains: heads.length, entries, bids, broken: null };
  } finally {
    await client.end();
  }
}
