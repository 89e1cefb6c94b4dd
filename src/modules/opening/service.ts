// The opening (开标, tendering.md "Opening"): not before the opening time (the
// server clock), only when k of the n named key holders hand over their shares
// (each opened in the holder's own browser), and with too few valid bids
// nothing is decrypted and the tender fails. The key is rebuilt and checked
// against the published public key; every bid is opened; what cannot be is
// judged by its receipt (the platform's fault: withdrawn, 撤回; the bidder's:
// revoked, 撤销); the opening record goes to every bidder at once and the key
// is published so that anyone can re-check. Two envelopes: only the technical
// ones open here; the price envelopes wait for the end of technical evaluation.
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { priceTotals } from '../../domain/buy/price-schedule';
import { canOpen, judgeUnopenable, openingVerdict } from '../../domain/buy/tender-status';
import { openEnvelope, type BidSubmission, type EnvelopeContent } from '../../domain/sealing/bid';
import { fromBase64 } from '../../domain/sealing/bytes';
import { rebuildFromAny, type Envelope, type TenderKey } from '../../domain/sealing/tender-key';
import { text } from '../../domain/i18n';
import { AppError, forbidden, issuesError, notFound } from '../../server/errors';
import type { Clock } from '../../server/clock';
import type { Events } from '../../server/events';
import { recordAudit, recordAuditMany, type AuditInput } from '../audit/service';
import { nodePrimitives, sha256Hex } from '../../server/sealing-node';
import type { OpenPrimitives } from '../../domain/sealing/box';
import { organizationService } from '../organizations/service';
import { advance } from '../projects/service';
import { recordActivity } from '../shared/activity';
import { requireBuyer } from '../shared/sides';
import { tenderLinkService } from '../tender-link/service';
import { effectiveStatus, setupOf } from '../tenders/present';
import { tenderPolicy } from '../tenders/policy';
import { tenderRepo, type TenderRow } from '../tenders/repository';
import { emitTender, orgName, ownTender, requireManager, stateError, tellConcerned } from '../tenders/service';
import { evaluationService } from '../evaluation/service';
import { openingRepo } from './repository';
import { handOverPrice } from './prices';
import type { PostponeBody, ShareBody } from './schema';

export type OpeningDeps = { db: Db; clock: Clock; events: Events; config: { baseUrl: string } };

/** The envelopes the opening of part 1 opens: the single one, or the technical one of two. */
const FIRST: Record<string, Envelope> = { one: 'single', two: 'technical' };

interface RecordBid {
  bidderOrgId: string;
  bidderName: string;
  outcome: 'opened' | 'withdrawn' | 'revoked' | 'unconfirmed';
  version: number;
  receivedAt: string | null;
  total: string | null;
  lots: { lotKey: string; total: string }[];
  statement: string | null;
  documents: { name: string; sha256: string }[];
}


/** Moves a tender the clock has closed into bidding_closed (the tick does the same; this keeps the opening exact between ticks). */
async function closeIfDue(tx: Tx, t: TenderRow, now: Date): Promise<TenderRow> {
  if ((t.status === 'published' || t.status === 'questions_closed') && now.getTime() >= t.deadline.getTime()) {
    await tenderRepo.transition(tx, t.id, ['published', 'questions_closed'], { status: 'bidding_closed', statusChangedAt: t.deadline, updatedAt: now });
    return { ...t, status: 'bidding_closed', statusChangedAt: t.deadline };
  }
  return t;
}

/**
 * Fails a tender with too few valid bids: nothing decrypted, the project back
 * to re-tendering, every bidder told. Inside the caller's transaction (the
 * opening, or the clock's tick as owner).
 */
export async function failTender(tx: Tx, db: Db, ctx: Pick<TenantContext, 'orgId' | 'userId'>, t: TenderRow, validBids: number, now: Date, baseUrl: string): Promise<string[]> {
  if (!(await tenderRepo.transition(tx, t.id, ['bidding_closed'], { status: 'failed', statusChangedAt: now, updatedAt: now }))) return [];
  const envelope = FIRST[t.envelopes]!;
  const record = { validBids, minValidBids: t.minValidBids, bids: [], note: `fewer than ${t.minValidBids} valid bids: nothing was decrypted` };
  await openingRepo.upsertOpening(tx, { organizationId: t.organizationId, tenderId: t.id, envelope, status: 'failed', record, openedAt: now, updatedAt: now });
  await advance(tx, ctx, t.projectId, 'tender_failed', now, { tender: t.number, validBids });
  await recordAudit(tx, ctx, { at: now, action: 'tender.failed', tenderId: t.id, data: { validBids, minValidBids: t.minValidBids } });
  const buyerName = await orgName(db, t.organizationId);
  return tellConcerned(tx, ctx, { db, config: { baseUrl } }, t.id, {
      kind: 'tender_failed',
      tenderId: t.id,
      title: text(`流标：${t.number} ${t.title}`, `Tender failed: ${t.number} ${t.title}`),
      body: text(`${buyerName} 的招标 ${t.number} 有效投标 ${validBids} 家，少于 ${t.minValidBids} 家，未开启任何投标，将重新招标。`, `${buyerName}'s tender ${t.number} had ${validBids} valid bids, fewer than ${t.minValidBids}: no bid was opened, and it will be re-tendered.`),
      link: `/supplier/tenders/${t.id}`,
    }, now);
}

/** Opens every bid of an envelope with the rebuilt secret; writes what it found and the record. Inside the opening's transaction, after the tender became 'opened'. */
export async function openAll(tx: Tx, db: Db, ctx: TenantContext, t: TenderRow, envelope: Envelope, secret: Uint8Array, now: Date, only?: ReadonlySet<string>) {
  const lots = setupOf(t).lots;
  const all = await openingRepo.bidsForOpening(tx, t.id);
  const names = await organizationService.names(db, all.map((b) => b.orgId));
  const primitives = nodePrimitives();
  const audits: AuditInput[] = [];
  const found: RecordBid[] = [];
  const rows = [];
  for (let i = 0; i < all.length; i += 100) {
    const batch = all.slice(i, i + 100);
    const versions = await openingRepo.versionsOf(tx, batch.map((b) => b.id));
    for (const b of batch) {
      const mine = versions.filter((v) => v.bidId === b.id);
      if (b.status !== 'active' || (only && !only.has(b.id))) continue;
      const latest = mine.at(-1)!;
      const sealedVersion = latest.kind === 'confirm' ? mine.find((v) => v.version === latest.confirms)! : latest;
      const base = { bidderOrgId: b.orgId, bidderName: names.get(b.orgId)?.name ?? '', version: latest.version, receivedAt: latest.receivedAt.toISOString() };
      let outcome: RecordBid['outcome'];
      let content: EnvelopeContent | null = null;
      if (t.materialAmendedAt && latest.receivedAt < t.materialAmendedAt) outcome = 'unconfirmed';
      else {
        const stored = sealedVersion.submission!;
        content = openStored(stored, envelope, secret, b.orgId, primitives);
        outcome = content ? 'opened' : judgeUnopenable(sha256Hex(Buffer.from(stored, 'utf8')), String((sealedVersion.receipt as { sha256: string }).sha256)) === 'revoked' ? 'revoked' : 'withdrawn';
      }
      const totals = content && content.prices.length ? totalsOrNone(content.prices, lots) : null;
      found.push({ ...base, outcome, total: totals?.total ?? null, lots: totals?.lots ?? [], statement: content?.statement?.slice(0, 2000) ?? null, documents: (content?.documents ?? []).map((d) => ({ name: d.name, sha256: d.sha256 })) });
      rows.push({ organizationId: t.organizationId, tenderId: t.id, envelope, bidId: b.id, bidderOrgId: b.orgId, version: latest.version, outcome, content: content as never, total: totals?.total ?? null, openedAt: now });
      audits.push({ at: now, action: `bid.${outcome}`, tenderId: t.id, subjectId: b.id, data: { envelope, version: latest.version, sha256: sealedVersion.sha256 } });
    }
  }
  await openingRepo.insertBidOpenings(tx, rows);
  await recordAuditMany(tx, ctx, audits);
  return found;
}

/** A bid's totals for the record; none when an amount is beyond what a price may be (the evaluation leaves such a bid unranked). */
function totalsOrNone(prices: EnvelopeContent['prices'], lots: Parameters<typeof priceTotals>[1]) {
  try {
    return priceTotals(prices, lots);
  } catch {
    return null;
  }
}

/** One stored submission's envelope, opened; null when it does not open or is not this bidder's. */
export function openStored(stored: string, envelope: Envelope, secret: Uint8Array, bidderOrgId: string, primitives: OpenPrimitives = nodePrimitives()): EnvelopeContent | null {
  let submission: BidSubmission;
  try {
    submission = JSON.parse(stored) as BidSubmission;
  } catch {
    return null;
  }
  const sealed = submission.envelopes?.find((e) => e.envelope === envelope);
  if (!sealed) return null;
  const opened = openEnvelope(secret, sealed, primitives);
  return opened.ok && opened.content.bidderOrgId === bidderOrgId ? opened.content : null;
}

/** A holder's share taken in (validated, stored once; again only while the shares in do not rebuild the key), audited. */
export async function takeShare(tx: Tx, ctx: TenantContext, t: TenderRow, envelope: Envelope, encoded: string, now: Date): Promise<void> {
  const share = fromBase64(encoded);
  if (!share || share.length !== 33) throw issuesError([{ field: 'body.share', message: text('必须是 33 字节的密钥分片（base64）', 'must be a 33-byte key share in base64'), code: 'invalid' }]);
  const given = { organizationId: ctx.orgId, tenderId: t.id, envelope, holderUserId: ctx.userId, share: Buffer.from(share), submittedAt: now };
  let action = 'opening.share_handed_over';
  if (!(await openingRepo.insertShare(tx, given))) {
    // Handed over already. While k shares or more are in and none of k rebuild the key (one is
    // wrong), a holder may hand theirs over again; otherwise there is nothing to replace.
    if ((await openingRepo.shares(tx, t.id, envelope)).length < t.keyThreshold) throw new AppError('conflict', 'opening.share_given', text('你已经提交过密钥分片。', 'You handed over your share already.'));
    await openingRepo.replaceShare(tx, given);
    action = 'opening.share_replaced';
  }
  await recordAudit(tx, ctx, { at: now, action, tenderId: t.id, subjectId: ctx.userId, data: { envelope } });
}

/** The envelope the opening screen is about: the first one, or — two envelopes, technical evaluation closed — the price one. */
async function currentEnvelope(tx: Tx, t: TenderRow): Promise<Envelope> {
  if (t.envelopes === 'two' && t.status === 'opened' && (await evaluationService.evaluationOf(tx, t.id))?.phase === 'prices') return 'price';
  return FIRST[t.envelopes]!;
}

export const openingService = {
  /** The bidders whose first envelope was opened, without the contents. */
  openedBidders: (tx: Tx, tenderId: string) => openingRepo.openedBidders(tx, tenderId),

  /** The bids opened in an envelope (the first one by default), with what they contained; as the caller may read them (RLS). */
  async openedBids(tx: Tx, tenderId: string, envelope?: Envelope) {
    const rows = await openingRepo.bidOpenings(tx, tenderId, envelope);
    return rows
      .filter((r) => r.outcome === 'opened' && (envelope ? true : r.envelope !== 'price'))
      .map((r) => ({ bidId: r.bidId, bidderOrgId: r.bidderOrgId, envelope: r.envelope as Envelope, content: r.content as EnvelopeContent | null }));
  },

  /** The opening screen: the holders and who has handed over, the record once there is one. */
  async state(deps: OpeningDeps, ctx: TenantContext, id: string) {
    requireBuyer(ctx);
    return readTenant(deps.db, ctx, (tx) => openingService.stateIn(tx, deps, ctx, id));
  },

  async stateIn(tx: Tx, deps: OpeningDeps, ctx: TenantContext, id: string) {
    const now = deps.clock.now();
    const t = await ownTender(tx, ctx, id);
    const envelope = await currentEnvelope(tx, t);
    const prices = envelope === 'price';
    const [holders, shares, keys] = [await tenderRepo.keyHolders(tx, ctx.orgId), await openingRepo.shares(tx, id, envelope), await tenderRepo.keys(tx, id)];
    const can: { ok: true } | { ok: false; message: { text: ReturnType<typeof text> } } = prices ? { ok: true } : canOpen(t.status, { questionsUntil: t.questionsUntil, deadline: t.deadline, openingAt: t.openingAt }, now);
    return {
      tenderId: id,
      status: effectiveStatus(t, now),
      envelope,
      threshold: t.keyThreshold,
      openingAt: t.openingAt.toISOString(),
      serverTime: now.toISOString(),
      canHandOver: can.ok && tenderPolicy.holdsKey(t.keyHolderIds, ctx.userId) && !shares.some((s) => s.holderUserId === ctx.userId),
      waitingReason: can.ok ? null : can.message.text,
      holders: t.keyHolderIds.map((u) => ({ userId: u, name: holders.find((h) => h.userId === u)?.name ?? '', handedOver: shares.some((s) => s.holderUserId === u), submittedAt: shares.find((s) => s.holderUserId === u)?.submittedAt.toISOString() ?? null })),
      key: (keys.find((k) => k.envelope === envelope)?.key as unknown as TenderKey | undefined) ?? null,
      validBids: t.status === 'draft' ? null : await tenderRepo.validBidCount(tx, id),
      keyMismatch: (prices || t.status === 'bidding_closed') && shares.length >= t.keyThreshold,
      records: await openingService.recordsFor(tx, t),
    };
  },

  /**
   * A key holder hands over their share (opened in their browser). Before the
   * opening time it is refused and the attempt recorded. The first hand-over
   * finds too few valid bids: the tender fails, nothing is decrypted. From the
   * k-th on, any k of the shares handed over that rebuild the published key open
   * every bid in the same transaction; if none do, every share is kept and the
   * opening waits for another holder.
   */
  async handOver(deps: OpeningDeps, ctx: TenantContext, id: string, body: z.infer<typeof ShareBody>) {
    requireBuyer(ctx);
    if (body.envelope === 'price') return handOverPrice(deps, ctx, id, body);
    let now = deps.clock.now();
    let told: string[] = [];
    let refusedEarly: AppError | null = null;
    const out = await withTenant(deps.db, ctx, async (tx) => {
      let t = await ownTender(tx, ctx, id, { forUpdate: true });
      now = deps.clock.now(); // read once the tender is locked
      if (!tenderPolicy.holdsKey(t.keyHolderIds, ctx.userId)) throw forbidden('opening.not_key_holder', text('只有本招标指定的密钥持有人可以提交开标密钥分片。', "Only the tender's named key holders hand over shares."));
      const envelope = FIRST[t.envelopes]!;
      if (body.envelope !== envelope) throw issuesError([{ field: 'body.envelope', message: text(`本次开标开启的是 ${envelope} 信封；报价信封在技术评审结束后开启`, `this opening opens the ${envelope} envelope; price envelopes open after technical evaluation`), code: 'envelope' }]);
      t = await closeIfDue(tx, t, now);
      const can = canOpen(t.status, { questionsUntil: t.questionsUntil, deadline: t.deadline, openingAt: t.openingAt }, now);
      if (!can.ok) {
        refusedEarly = stateError(can.code, can.message.text);
        return null;
      }
      const valid = (await tenderRepo.validBidCount(tx, id)) ?? 0;
      if (openingVerdict(valid, t.minValidBids) === 'failed') {
        told = await failTender(tx, deps.db, ctx, t, valid, now, deps.config.baseUrl);
        return openingService.stateIn(tx, deps, ctx, id);
      }
      await takeShare(tx, ctx, t, envelope, body.share, now);
      const shares = await openingRepo.shares(tx, id, envelope);
      if (shares.length < t.keyThreshold) {
        await openingRepo.upsertOpening(tx, { organizationId: ctx.orgId, tenderId: id, envelope, status: 'waiting', record: null, openedAt: null, updatedAt: now });
        return openingService.stateIn(tx, deps, ctx, id);
      }
      const key = (await tenderRepo.keys(tx, id)).find((k) => k.envelope === envelope)!;
      const rebuilt = await rebuildFromAny({ publicKey: key.publicKey }, shares.map((s) => new Uint8Array(s.share)), t.keyThreshold);
      if (!rebuilt) {
        // No k of the shares rebuild the published key: at least one is wrong. Every share is kept (a
        // wrong one cannot push a right one out), and the opening waits for another holder's share.
        await openingRepo.upsertOpening(tx, { organizationId: ctx.orgId, tenderId: id, envelope, status: 'waiting', record: null, openedAt: null, updatedAt: now });
        await recordAudit(tx, ctx, { at: now, action: 'opening.key_mismatch', tenderId: id, subjectId: ctx.userId, data: { envelope, shares: shares.length } });
        return openingService.stateIn(tx, deps, ctx, id);
      }
      const { secret } = rebuilt;
      const usedHolders = rebuilt.used.map((i) => shares[i]!.holderUserId);
      if (!(await tenderRepo.transition(tx, id, ['bidding_closed'], { status: 'opened', statusChangedAt: now, updatedAt: now }))) throw stateError('opening.done', text('已经开标了。', 'The tender is opened already.'));
      const found = await openAll(tx, deps.db, ctx, t, envelope, secret, now);
      const record = { validBids: valid, minValidBids: t.minValidBids, bids: found, note: null };
      await openingRepo.upsertOpening(tx, { organizationId: ctx.orgId, tenderId: id, envelope, status: 'opened', record, openedAt: now, updatedAt: now });
      await evaluationService.begin(tx, deps, t, now);
      await tenderRepo.publishSecret(tx, id, envelope, Buffer.from(secret));
      secret.fill(0);
      await openingRepo.clearShares(tx, id, envelope);
      await advance(tx, ctx, t.projectId, 'bids_opened', now, { tender: t.number, bids: found.length });
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: id, projectId: t.projectId, action: 'tender.opened', data: { bids: found.length, opened: found.filter((b) => b.outcome === 'opened').length } });
      await recordAudit(tx, ctx, { at: now, action: 'tender.opened', tenderId: id, data: { envelope, recordSha256: sha256Hex(new TextEncoder().encode(JSON.stringify(record))), holders: usedHolders, sharesHandedOver: shares.length } });
      const buyerName = await orgName(deps.db, ctx.orgId);
      told = await tellConcerned(tx, ctx, deps, id, { kind: 'opening_record', tenderId: id, title: text(`开标记录：${t.number}`, `Opening record: ${t.number}`), body: text(`${buyerName} 已于 ${now.toISOString()} 开标，共 ${found.length} 份投标。开标记录可在招标页面查看。`, `${buyerName} opened ${found.length} bids at ${now.toISOString()}. The opening record is on the tender page.`), link: `/supplier/tenders/${id}` }, now);
      return openingService.stateIn(tx, deps, ctx, id);
    });
    if (refusedEarly) {
      // The refused attempt is recorded in its own transaction: it stays even though the request fails.
      await withTenant(deps.db, { orgId: ctx.orgId, userId: ctx.userId }, (tx) => recordAudit(tx, ctx, { at: now, action: 'opening.refused_early', tenderId: id, subjectId: ctx.userId, data: { reason: (refusedEarly as AppError).detail.en } }));
      throw refusedEarly;
    }
    emitTender(deps.events, [ctx.orgId, ...told], id);
    if (told.length) await tenderLinkService.syncOrgs(deps, told, id);
    return out!;
  },


  /** Fewer than k holders came: the opening moves to a new time, recorded, and everyone concerned is told. */
  async postpone(deps: OpeningDeps, ctx: TenantContext, id: string, body: z.infer<typeof PostponeBody>) {
    requireBuyer(ctx);
    requireManager(ctx);
    const to = new Date(body.openingAt);
    let told: string[] = [];
    const out = await withTenant(deps.db, ctx, async (tx) => {
      let t = await ownTender(tx, ctx, id, { forUpdate: true });
      const now = deps.clock.now(); // read once the tender is locked
      t = await closeIfDue(tx, t, now);
      if (t.status !== 'bidding_closed') throw stateError('opening.not_waiting', text('只有截止后、开标前的招标可以推迟开标。', 'Only a tender past its deadline and not yet opened has its opening postponed.'));
      if (to.getTime() <= now.getTime() || to.getTime() < t.openingAt.getTime()) throw issuesError([{ field: 'body.openingAt', message: text('新的开标时间必须晚于现在和原定时间', 'the new opening time must be after now and after the one set'), code: 'invalid' }]);
      const envelope = FIRST[t.envelopes]!;
      await tenderRepo.update(tx, id, { openingAt: to, updatedAt: now });
      await openingRepo.upsertOpening(tx, { organizationId: ctx.orgId, tenderId: id, envelope, status: 'postponed', record: { note: body.reason, from: t.openingAt.toISOString(), to: to.toISOString(), validBids: 0, minValidBids: t.minValidBids, bids: [] }, openedAt: null, updatedAt: now });
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: id, projectId: t.projectId, action: 'tender.opening_postponed', data: { reason: body.reason, from: t.openingAt.toISOString(), to: to.toISOString() } });
      await recordAudit(tx, ctx, { at: now, action: 'opening.postponed', tenderId: id, data: { reason: body.reason, from: t.openingAt.toISOString(), to: to.toISOString() } });
      told = await tellConcerned(tx, ctx, deps, id, { kind: 'opening_postponed', tenderId: id, title: text(`开标推迟：${t.number}`, `Opening postponed: ${t.number}`), body: text(`开标推迟至 ${to.toISOString()}。原因：${body.reason}`, `The opening moves to ${to.toISOString()}. Reason: ${body.reason}`), link: `/supplier/tenders/${id}` }, now);
      return openingService.stateIn(tx, deps, ctx, id);
    });
    emitTender(deps.events, [ctx.orgId, ...told], id);
    return out;
  },

  /** The opening records of a tender as the caller may see them (the buyer; a bidder, by RLS). */
  async recordsFor(tx: Tx, t: TenderRow) {
    return (await openingRepo.openings(tx, t.id)).map((o) => {
      const r = (o.record ?? {}) as { validBids?: number; minValidBids?: number; bids?: RecordBid[]; note?: string | null };
      return { envelope: o.envelope as Envelope, status: o.status as 'waiting' | 'opened' | 'failed' | 'postponed', openedAt: o.openedAt?.toISOString() ?? null, validBids: r.validBids ?? 0, minValidBids: r.minValidBids ?? t.minValidBids, bids: r.bids ?? [], note: r.note ?? null };
    });
  },

  /** The buyer's read of the bids: refused (and recorded) before the opening; after it, what the opening found. */
  async bids(deps: OpeningDeps, ctx: TenantContext, id: string) {
    requireBuyer(ctx);
    const now = deps.clock.now();
    const t = await readTenant(deps.db, ctx, async (tx) => {
      const tender = await ownTender(tx, ctx, id);
      // A member who left the committee on a conflict of interest reads no bid, here either.
      if (await evaluationService.barredFromBids(tx, id, ctx.userId)) throw forbidden('evaluation.not_cleared', text('你在本项目的评标委员会中尚未申报利益冲突，或已因利益冲突退出，不能查看投标。', "You sit on this tender's committee without a declaration, or left it on a conflict of interest: you cannot read its bids."));
      return tender;
    });
    if (t.status !== 'opened') {
      await withTenant(deps.db, ctx, (tx) => recordAudit(tx, ctx, { at: now, action: 'sealed.read_refused', tenderId: id, subjectId: ctx.userId, data: { what: 'bids', status: t.status } }));
      throw stateError('bids.sealed', text('开标前投标内容是密封的，任何人都无法查看；这次尝试已记入审计日志。', 'Bids stay sealed until the opening: nobody can read them, and this attempt was written to the audit log.'));
    }
    return readTenant(deps.db, ctx, async (tx) => {
      const rows = await openingRepo.bidOpenings(tx, id);
      const names = await organizationService.names(deps.db, rows.map((r) => r.bidderOrgId));
      await withTenant(deps.db, ctx, (w) => recordAudit(w, ctx, { at: now, action: 'bids.viewed', tenderId: id, subjectId: ctx.userId, data: { bids: rows.length } }));
      return {
        items: rows.map((r) => {
          const c = r.content as EnvelopeContent | null;
          return { bidId: r.bidId, bidderOrgId: r.bidderOrgId, bidderName: names.get(r.bidderOrgId)?.name ?? '', envelope: r.envelope as Envelope, version: r.version, outcome: r.outcome as RecordBid['outcome'], total: r.total === null ? null : String(r.total), prices: c?.prices ?? [], statement: c?.statement ?? null, documents: (c?.documents ?? []).map((d) => ({ name: d.name, mediaType: d.mediaType, sha256: d.sha256, size: Math.floor((d.data.length * 3) / 4) })) };
        }),
      };
    });
  },
};

