// Sealed bids (tendering.md "Receiving bids" 1–4, 8, 9): the bidder's browser
// seals; the server checks the form against the tender's published keys, stores
// the ciphertext, and signs a receipt with the server time taken inside the
// write's transaction. Replace and withdraw until the deadline, every version
// kept; at or after it the database refuses (trigger bid_versions_guard). The
// buyer sees how many bids arrived (where the tender shows it) and nothing else
// until the opening; suppliers never see who else was invited or bid.
import { sha256Hex } from '../../server/sealing-node';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { barred, type CertStatus } from '../../domain/buy/certification';
import { canBid } from '../../domain/buy/tender-status';
import { checkSubmission, type BidSubmission } from '../../domain/sealing/bid';
import { canonicalJson, utf8 } from '../../domain/sealing/bytes';
import { signReceipt, type Receipt } from '../../domain/sealing/receipt';
import type { Envelope } from '../../domain/sealing/tender-key';
import { text } from '../../domain/i18n';
import { AppError, issuesError, notFound } from '../../server/errors';
import type { Clock } from '../../server/clock';
import type { Events } from '../../server/events';
import { publicPlatformKey, type ServerPlatformKey } from '../../server/platform-key';
import { auditParts } from '../audit/service';
import { notificationService } from '../notifications/service';
import { openingService } from '../opening/service';
import { supplierService } from '../suppliers/service';
import { organizationService } from '../organizations/service';
import { tenderLinkService } from '../tender-link/service';
import { activityInsert } from '../shared/activity';
import { writeTogether } from '../../db/batch';
import { CursorKey, decodeCursor, encodeCursor } from '../shared/http';
import { requireSupplier } from '../shared/sides';
import { orgName } from '../tenders/service';
import { publicView, summaryOf } from '../tenders/present';
import { tenderRepo, type TenderRow } from '../tenders/repository';
import { bidRepo, type BidRow } from './repository';
import type { MarketListQuery } from '../tenders/schema';

export type BidDeps = { db: Db; clock: Clock; events: Events; platformKey: ServerPlatformKey; config: { baseUrl: string } };

/** The largest sealed bid taken (canonical JSON bytes): documents ride in the technical envelope. */
export const MAX_BID_BYTES = 30 * 1024 * 1024;


function refused(code: string, message: { 'zh-CN': string; en: string }): AppError {
  return new AppError('state', code, message);
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

  /**
   * One version of the bidder's bid, in four round trips inside the
   * transaction: what the submission needs to know (one read), the bidder's
   * registration and the bid's next version (one statement, the bid row's lock
   * ordering its versions), then the version, its audit entry, the activity and
   * the receipt notification (one statement, which the deadline trigger guards).
   */
  async record(deps: BidDeps, ctx: TenantContext, tenderId: string, kind: 'submit' | 'confirm' | 'withdraw', body: unknown) {
    requireSupplier(ctx);
    let t: TenderRow | null = null;
    let linked = false;
    const result = await withTenant(deps.db, ctx, async (tx) => {
      const c = await bidRepo.context(tx, tenderId, ctx.orgId);
      const tender = (t = c?.tender ?? null);
      linked = !!c?.linked;
      const now = deps.clock.now();
      if (!tender || !c || !tender.publishedAt) throw notFound('tender');
      if (tender.organizationId === ctx.orgId) throw refused('bid.own_tender', text('不能在自己的招标中投标。', 'An organization does not bid in its own tender.'));
      const can = canBid(tender.status, { questionsUntil: tender.questionsUntil, deadline: tender.deadline }, now);
      if (!can.ok) throw refused(can.code, can.message.text);
      if (c.blacklisted) throw refused('bid.blacklisted', text('贵组织已被该采购方列入黑名单，不能投标。', 'This buyer has blacklisted your organization: it cannot bid.'));
      if (tender.method === 'invited' && !c.invited) throw notFound('tender');
      let stored: string | null = null;
      let size = 0;
      let digest: string;
      let confirms: number | null = null;
      if (kind === 'submit') {
        const checked = checkSubmission(body, { tenderId, keys: (c.keys ?? []).map((k) => ({ envelope: k.envelope as Envelope, fingerprint: k.fingerprint })), maxBytes: MAX_BID_BYTES });
        if (!checked.ok) throw issuesError(checked.issues.map((i) => ({ field: i.path ? `body.${i.path}` : 'body', message: i.message.text, code: 'sealed_bid' })));
        // Stored as the canonical JSON text it is (sent to PostgreSQL as is, not as hex).
        digest = sha256Hex(checked.bytes);
        size = checked.bytes.length;
        stored = Buffer.from(checked.bytes.buffer, checked.bytes.byteOffset, checked.bytes.byteLength).toString('utf8');
      } else {
        // A confirmation or withdrawal refers to the bid as it is: its row is locked and read again, so a
        // version sent at the same moment cannot make it confirm or withdraw a stale one.
        const own = await bidRepo.mine(tx, tenderId, ctx.orgId, { forUpdate: true });
        if (!own || own.status !== 'active') throw refused('bid.none', text('贵组织在本招标中没有有效投标。', 'Your organization has no active bid in this tender.'));
        c.versions = (await bidRepo.versions(tx, own.id)).map((v) => ({ ...v, receivedAt: v.receivedAt.toISOString(), receipt: v.receipt as unknown }));
        c.bid_id = own.id;
        c.bid_version = own.version;
        const last = c.versions.filter((v) => v.kind === 'submit').at(-1)!;
        if (kind === 'confirm') {
          if (!tender.materialAmendedAt) throw refused('bid.nothing_to_confirm', text('招标没有实质性修改，无需确认。', 'The tender has no material amendment: nothing to confirm.'));
          confirms = last.version;
          digest = last.sha256!;
        } else {
          digest = sha256Hex(utf8(canonicalJson({ format: 'procura-withdrawal/1', tenderId, bidId: c.bid_id, version: c.bid_version! + 1 })));
        }
      }
      const { id: bidId, version } = await bidRepo.claimVersion(tx, { orgId: ctx.orgId, orgName: c.my_name, buyerOrgId: tender.organizationId, tenderId, status: kind === 'withdraw' ? 'withdrawn' : 'active', at: now, register: !c.registered });
      // The receipt time: the server clock, read as late as the transaction allows.
      const receivedAt = deps.clock.now();
      const receipt = signReceipt({ tenderId, bidId, version, sha256: digest, receivedAt: receivedAt.toISOString() }, deps.platformKey, deps.platformKey.sign);
      const words = { submit: text('已收到投标', 'Bid received'), confirm: text('已确认投标', 'Bid confirmed'), withdraw: text('已撤回投标', 'Bid withdrawn') }[kind];
      try {
        await writeTogether(tx, [
          bidRepo.versionInsert(tx, { organizationId: ctx.orgId, buyerOrgId: tender.organizationId, tenderId, bidId, version, kind, confirms, submission: stored, sha256: digest, size, receivedAt, receipt: receipt as never }),
          ...auditParts(ctx, { at: receivedAt, action: `bid.${kind}`, tenderId, subjectId: bidId, data: { version, sha256: digest, size, buyerOrgId: tender.organizationId } }),
          activityInsert(tx, ctx, { entityType: 'bid', entityId: bidId, action: `bid.${kind}`, data: { tender: tender.number, version, sha256: digest } }),
          notificationService.selfInsert(tx, ctx, {
            kind: 'receipt',
            tenderId,
            title: text(`${words['zh-CN']}：${tender.number} 第 ${version} 版`, `${words.en}: ${tender.number} version ${version}`),
            body: text(`服务器于 ${receivedAt.toISOString()} 收到，内容摘要 SHA-256 ${digest}。回执已签名，可在投标页面下载并离线验证。`, `Received by the server at ${receivedAt.toISOString()}, SHA-256 ${digest}. The signed receipt can be downloaded from the bid page and checked offline.`),
            link: `/supplier/tenders/${tenderId}`,
          }, receivedAt),
        ]);
      } catch (e) {
        fromGuard(e, tender, receivedAt);
      }
      const versions = [...c.versions.map((v) => ({ ...v, receivedAt: new Date(v.receivedAt), receipt: v.receipt as Record<string, unknown> })), { version, kind, confirms, sha256: digest, size, receivedAt, receipt: receipt as never }];
      const bid = { id: bidId, tenderId, status: kind === 'withdraw' ? 'withdrawn' : 'active', version } as BidRow;
      return { bid: presentBid(bid, versions, tender), receipt: { receipt, platformKey: publicPlatformKey(deps.platformKey) } };
    });
    if (t) {
      const tender = t as TenderRow;
      deps.events.emit(ctx.orgId, 'tender.changed', { id: tenderId });
      if (tender.showBidCount) deps.events.emit(tender.organizationId, 'tender.changed', { id: tenderId });
      if (linked) await tenderLinkService.syncAfter(deps, ctx.orgId, tenderId);
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
      if (!t || !t.publishedAt || t.organizationId === ctx.orgId) throw notFound('tender');
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
        openingRecords: b ? await openingService.recordsFor(tx, t) : [],
        link: await tenderLinkService.linkOf(tx, tenderId),
      };
    });
  },
};
