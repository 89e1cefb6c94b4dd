// Sealed bids (tendering.md "Receiving bids" 1–4, 8, 9): the bidder's browser
// seals; the server checks the form against the tender's published keys, stores
// the ciphertext, and signs a receipt with the server time taken inside the
// write's transaction. Replace and withdraw until the deadline, every version
// kept; at or after it the database refuses (trigger bid_versions_guard). The
// buyer sees how many bids arrived (where the tender shows it) and nothing else
// until the opening; suppliers never see who else was invited or bid.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { barred, type CertStatus } from '../../domain/buy/certification';
import { canBid } from '../../domain/buy/tender-status';
import { checkSubmission, type BidSubmission } from '../../domain/sealing/bid';
import { canonicalJson, utf8 } from '../../domain/sealing/bytes';
import { signReceipt, type PlatformKey, type Receipt } from '../../domain/sealing/receipt';
import type { Envelope } from '../../domain/sealing/tender-key';
import { text } from '../../domain/i18n';
import { AppError, issuesError, notFound } from '../../server/errors';
import type { Clock } from '../../server/clock';
import type { Events } from '../../server/events';
import { publicPlatformKey } from '../../server/platform-key';
import { recordAudit } from '../audit/service';
import { notificationService } from '../notifications/service';
import { openingService } from '../opening/service';
import { supplierService } from '../suppliers/service';
import { organizationService } from '../organizations/service';
import { tenderLinkService } from '../tender-link/service';
import { recordActivity } from '../shared/activity';
import { CursorKey, decodeCursor, encodeCursor } from '../shared/http';
import { requireSupplier } from '../shared/sides';
import { orgName } from '../tenders/service';
import { publicView, summaryOf } from '../tenders/present';
import { tenderRepo, type TenderRow } from '../tenders/repository';
import { bidRepo, type BidRow } from './repository';
import type { MarketListQuery } from '../tenders/schema';

export type BidDeps = { db: Db; clock: Clock; events: Events; platformKey: PlatformKey; config: { baseUrl: string } };

/** The largest sealed bid taken (canonical JSON bytes): documents ride in the technical envelope. */
export const MAX_BID_BYTES = 30 * 1024 * 1024;

const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function refused(code: string, message: { 'zh-CN': string; en: string }): AppError {
  return new AppError('state', code, message);
}

/** The tender this supplier may bid in, or why not. */
async function biddable(tx: Tx, ctx: TenantContext, tenderId: string, now: Date): Promise<TenderRow> {
  const t = await tenderRepo.get(tx, tenderId);
  if (!t || t.status === 'draft') throw notFound('tender');
  if (t.organizationId === ctx.orgId) throw refused('bid.own_tender', text('不能在自己的招标中投标。', 'An organization does not bid in its own tender.'));
  const can = canBid(t.status as never, { questionsUntil: t.questionsUntil, deadline: t.deadline }, now);
  if (!can.ok) throw refused(can.code, can.message.text);
  const standing = await supplierService.standing(tx, t.organizationId, ctx.orgId);
  if (standing && barred(standing.certs.map((c) => ({ status: c.status as CertStatus })))) throw refused('bid.blacklisted', text('贵组织已被该采购方列入黑名单，不能投标。', 'This buyer has blacklisted your organization: it cannot bid.'));
  if (t.method === 'invited' && !(await tenderRepo.invitationOf(tx, tenderId, ctx.orgId))) throw notFound('tender');
  return t;
}

/** A trigger's refusal (bid_versions_guard) as the problem it is. */
function fromGuard(e: unknown, t: TenderRow, at: Date): never {
  const hint = (e as { hint?: string }).hint;
  if (hint === 'deadline_passed') {
    throw refused('tender.status.deadline_passed', text(`投标截止时间 ${t.deadline.toISOString()} 已过（服务器时间 ${at.toISOString()}），不再接受投标或修改`, `the deadline ${t.deadline.toISOString()} has passed (server time ${at.toISOString()}): no more bids or changes`));
  }
  if (hint === 'tender_not_open') throw refused('tender.status.closed', text('招标不再接受投标。', 'The tender no longer takes bids.'));
  throw e;
}

function presentBid(b: BidRow, versions: Awaited<ReturnType<typeof bidRepo.versions>>, t: TenderRow) {
  const sealedAt = versions.filter((v) => v.kind !== 'withdraw').at(-1)?.receivedAt ?? null;
  return {
    id: b.id,
    tenderId: b.tenderId,
    status: b.status as 'active' | 'withdrawn',
    version: b.version,
    needsConfirmation: b.status === 'active' && !!t.materialAmendedAt && !!sealedAt && sealedAt < t.materialAmendedAt,
    versions: versions.map((v) => ({ version: v.version, kind: v.kind as 'submit' | 'confirm' | 'withdraw', confirms: v.confirms, sha256: v.sha256, size: v.size, receivedAt: v.receivedAt.toISOString(), receipt: v.receipt as unknown as Receipt })),
  };
}

export const bidService = {
  /**
   * Takes a sealed bid (or its replacement): the form checked against the
   * tender's keys, the ciphertext stored as received, a receipt signed with the
   * time of the server clock inside the transaction, the bidder's audit chain
   * and its notification in the same transaction.
   */
  async submit(deps: BidDeps, ctx: TenantContext, tenderId: string, body: unknown) {
    return bidService.record(deps, ctx, tenderId, 'submit', body);
  },

  async withdraw(deps: BidDeps, ctx: TenantContext, tenderId: string) {
    return bidService.record(deps, ctx, tenderId, 'withdraw', null);
  },

  /** Keeps a bid sealed before a material amendment as it is (a new version pointing at the same sealed content). */
  async confirm(deps: BidDeps, ctx: TenantContext, tenderId: string) {
    return bidService.record(deps, ctx, tenderId, 'confirm', null);
  },

  async record(deps: BidDeps, ctx: TenantContext, tenderId: string, kind: 'submit' | 'confirm' | 'withdraw', body: unknown) {
    requireSupplier(ctx);
    let t: TenderRow | null = null;
    const result = await withTenant(deps.db, ctx, async (tx) => {
      const tender = (t = await biddable(tx, ctx, tenderId, deps.clock.now()));
      let bytes: Buffer | null = null;
      let digest: string;
      let confirms: number | null = null;
      if (kind === 'submit') {
        const keys = await tenderRepo.keys(tx, tenderId);
        const checked = checkSubmission(body, { tenderId, keys: keys.map((k) => ({ envelope: k.envelope as Envelope, fingerprint: k.fingerprint })), maxBytes: MAX_BID_BYTES });
        if (!checked.ok) throw issuesError(checked.issues.map((i) => ({ field: i.path ? `body.${i.path}` : 'body', message: i.message.text, code: 'sealed_bid' })));
        bytes = Buffer.from(utf8(canonicalJson(checked.submission satisfies BidSubmission)));
        digest = sha256Hex(bytes);
      } else {
        const mine = await bidRepo.mine(tx, tenderId, ctx.orgId);
        if (!mine || mine.status !== 'active') throw refused('bid.none', text('贵组织在本招标中没有有效投标。', 'Your organization has no active bid in this tender.'));
        const last = await bidRepo.latestSubmission(tx, mine.id);
        if (kind === 'confirm') {
          if (!tender.materialAmendedAt) throw refused('bid.nothing_to_confirm', text('招标没有实质性修改，无需确认。', 'The tender has no material amendment: nothing to confirm.'));
          confirms = last!.version;
          digest = last!.sha256!;
        } else {
          digest = sha256Hex(utf8(canonicalJson({ format: 'procura-withdrawal/1', tenderId, bidId: mine.id, version: mine.version + 1 })));
        }
      }
      await supplierService.ensureRegistered(tx, ctx, tender.organizationId, deps.clock.now());
      const { id: bidId, version } = await bidRepo.nextVersion(tx, { orgId: ctx.orgId, buyerOrgId: tender.organizationId, tenderId, status: kind === 'withdraw' ? 'withdrawn' : 'active', at: deps.clock.now() });
      // The receipt time: the server clock, read as late as the transaction allows.
      const receivedAt = deps.clock.now();
      const receipt = signReceipt({ tenderId, bidId, version, sha256: digest, receivedAt: receivedAt.toISOString() }, deps.platformKey);
      try {
        await bidRepo.insertVersion(tx, { organizationId: ctx.orgId, buyerOrgId: tender.organizationId, tenderId, bidId, version, kind, confirms, submission: bytes, sha256: digest, size: bytes?.length ?? 0, receivedAt, receipt: receipt as never });
      } catch (e) {
        fromGuard(e, tender, receivedAt);
      }
      await recordAudit(tx, ctx, { at: receivedAt, action: `bid.${kind}`, tenderId, subjectId: bidId, data: { version, sha256: digest, size: bytes?.length ?? 0, buyerOrgId: tender.organizationId } });
      await recordActivity(tx, ctx, { entityType: 'bid', entityId: bidId, action: `bid.${kind}`, data: { tender: tender.number, version, sha256: digest } });
      const words = { submit: text('已收到投标', 'Bid received'), confirm: text('已确认投标', 'Bid confirmed'), withdraw: text('已撤回投标', 'Bid withdrawn') }[kind];
      await notificationService.notifySelf(tx, ctx, {
        kind: 'receipt',
        tenderId,
        title: text(`${words['zh-CN']}：${tender.number} 第 ${version} 版`, `${words.en}: ${tender.number} version ${version}`),
        body: text(`服务器于 ${receivedAt.toISOString()} 收到，内容摘要 SHA-256 ${digest}。回执已签名，可在投标页面下载并离线验证。`, `Received by the server at ${receivedAt.toISOString()}, SHA-256 ${digest}. The signed receipt can be downloaded from the bid page and checked offline.`),
        link: `/supplier/tenders/${tenderId}`,
      }, receivedAt);
      const mine = (await bidRepo.mine(tx, tenderId, ctx.orgId))!;
      return { bid: presentBid(mine, await bidRepo.versions(tx, bidId), tender), receipt: { receipt, platformKey: publicPlatformKey(deps.platformKey) } };
    });
    if (t) {
      const tender = t as TenderRow;
      deps.events.emit(ctx.orgId, 'tender.changed', { id: tenderId });
      if (tender.showBidCount) deps.events.emit(tender.organizationId, 'tender.changed', { id: tenderId });
      await tenderLinkService.syncAfter(deps, ctx.orgId, tenderId);
    }
    return result;
  },

  async mine(deps: BidDeps, ctx: TenantContext, tenderId: string) {
    requireSupplier(ctx);
    return readTenant(deps.db, ctx, async (tx) => {
      const t = await tenderRepo.get(tx, tenderId);
      const b = t ? await bidRepo.mine(tx, tenderId, ctx.orgId) : null;
      if (!t || !b) throw notFound('bid');
      return presentBid(b, await bidRepo.versions(tx, b.id), t);
    });
  },

  /** The receipt of one version with the platform key that signed it: the file a bidder keeps and checks offline. */
  async receipt(deps: BidDeps, ctx: TenantContext, tenderId: string, version: number) {
    requireSupplier(ctx);
    return readTenant(deps.db, ctx, async (tx) => {
      const b = await bidRepo.mine(tx, tenderId, ctx.orgId);
      const v = b ? await bidRepo.version(tx, b.id, version) : null;
      if (!v) throw notFound('bid');
      return { receipt: v.receipt as unknown as Receipt, platformKey: publicPlatformKey(deps.platformKey) };
    });
  },

  /** Tenders of other organizations this one may see and bid in (open ones, and those inviting it). */
  async market(deps: BidDeps, ctx: TenantContext, q: z.infer<typeof MarketListQuery>) {
    requireSupplier(ctx);
    const after = decodeCursor(q.cursor, [CursorKey.isoTime, CursorKey.id]);
    const now = deps.clock.now();
    const rows = await readTenant(deps.db, ctx, (tx) => tenderRepo.listMarket(tx, ctx.orgId, { ...q, after }));
    const page = rows.slice(0, q.limit);
    const names = await organizationService.names(deps.db, page.map((r) => r.t.organizationId));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => summaryOf(r.t, names.get(r.t.organizationId)?.name ?? '', now, { invited: Boolean(r.invited), myBid: r.myBid, buyer: false })),
      nextCursor: rows.length > q.limit && last ? encodeCursor([last.t.deadline.toISOString(), last.t.id]) : null,
    };
  },

  /** One tender as a supplier sees it. */
  async marketTender(deps: BidDeps, ctx: TenantContext, tenderId: string) {
    requireSupplier(ctx);
    const now = deps.clock.now();
    return readTenant(deps.db, ctx, async (tx) => {
      const t = await tenderRepo.get(tx, tenderId);
      if (!t || t.status === 'draft' || t.organizationId === ctx.orgId) throw notFound('tender');
      const pub = await publicView(tx, t, await orgName(deps.db, t.organizationId), now);
      const invited = !!(await tenderRepo.invitationOf(tx, tenderId, ctx.orgId));
      const standing = await supplierService.standing(tx, t.organizationId, ctx.orgId);
      const isBarred = standing ? barred(standing.certs.map((c) => ({ status: c.status as CertStatus }))) : false;
      const b = await bidRepo.mine(tx, tenderId, ctx.orgId);
      return {
        ...pub,
        invited,
        registered: !!standing,
        barredReason: isBarred ? text('贵组织已被该采购方列入黑名单，不能投标。', 'This buyer has blacklisted your organization: it cannot bid.') : null,
        myBid: b ? presentBid(b, await bidRepo.versions(tx, b.id), t) : null,
        openingRecords: b ? await openingService.recordsFor(tx, deps.db, t) : [],
        link: await tenderLinkService.linkOf(tx, tenderId),
      };
    });
  },
};
