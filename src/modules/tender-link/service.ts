// The link (issue 7, 9): a seller organization that meets a tender on Procura
// links it to its opportunity for that customer (an existing one, or one made
// for it, on the buyer's account), and the tender's events it is entitled to
// see become evidence there, origin "tender", with re-inference and risks, as
// if someone had logged them: invitation received, tender notice published, bid
// submitted, tender failed. Each event is taken once (its key on the evidence).
// Nothing crosses the boundary but what RLS lets the supplier read itself.
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { readTenant, SYSTEM_USER as NOBODY, withTenant, type TenantContext } from '../../db/tenant';
import { text } from '../../domain/i18n';
import { AppError, notFound, unknownRef } from '../../server/errors';
import type { Clock } from '../../server/clock';
import type { Events } from '../../server/events';
import { accountService } from '../accounts/service';
import { competitorService } from '../competitors/service';
import { interactionService, type TenderEventLog } from '../interactions/service';
import { opportunityService } from '../opportunities/service';
import { organizationService } from '../organizations/service';
import { recordActivity } from '../shared/activity';
import { requireSupplier } from '../shared/sides';
import { linkRepo } from './repository';
import type { LinkBody } from './schema';

type Deps = { db: Db; clock: Clock; events: Events };


/** The events of a tender a supplier may know, as interactions to log (oldest first). */
function eventsOf(e: Awaited<ReturnType<typeof linkRepo.events>>, buyerName: string, orgId: string): TenderEventLog[] {
  const t = e.tender;
  if (!t || !t.publishedAt) return [];
  const key = (what: string) => `tender:${t.id}:${what}`;
  const out: Omit<TenderEventLog, 'opportunityId'>[] = [];
  if (e.invitedAt) {
    out.push({
      type: 'document_received',
      occurredAt: e.invitedAt > t.publishedAt ? e.invitedAt : t.publishedAt,
      summary: `投标邀请 Invitation to tender: ${t.number} ${t.title} (${buyerName})`,
      evidence: [{ type: 'invitation_received', value: t.number, originKey: key('invited') }],
    });
  }
  out.push({ type: 'tender_notice', occurredAt: t.publishedAt, summary: `招标公告 Tender notice: ${t.number} ${t.title} (${buyerName})`, evidence: [{ type: 'tender_notice_published', value: t.number, originKey: key('published') }] });
  if (e.firstBidAt) out.push({ type: 'bid_submitted', occurredAt: e.firstBidAt, summary: `已投标 Bid submitted: ${t.number}`, evidence: [{ type: 'bid_submitted', value: t.number, originKey: key('bid') }] });
  for (const l of e.lots) {
    const me = (l.candidates as { bidderOrgId: string; rank: number }[]).find((c) => c.bidderOrgId === orgId);
    if (me && l.publishedAt) out.push({ type: 'other', occurredAt: l.publishedAt, summary: `入围中标候选人 Shortlisted: ${t.number} ${l.lotKey} (#${me.rank})`, evidence: [{ type: 'shortlisted', value: `${t.number} ${l.lotKey} #${me.rank}`, originKey: key(`candidate:${l.lotKey}`) }] });
  }
  for (const r of e.results) {
    const winner = (r.content as { winner?: { name: string; price: string } }).winner;
    const w = winner ? `${winner.name} ${t.currency} ${winner.price}` : '';
    if (r.outcome === 'awarded') out.push({ type: 'document_received', occurredAt: r.issuedAt, summary: `中标通知书 Award notice: ${t.number} ${r.lotKey} (${buyerName})`, evidence: [{ type: 'preferred_supplier_notified', value: `${t.number} ${r.lotKey}`, originKey: key(`award:${r.lotKey}`) }] });
    else out.push({ type: 'document_received', occurredAt: r.issuedAt, summary: `未中标 Tender lost: ${t.number} ${r.lotKey} — 中标人 winner: ${w}`, evidence: [{ type: 'preferred_supplier_lost', value: w || t.number, originKey: key(`result:${r.lotKey}`) }] });
  }
  if (t.status === 'failed') out.push({ type: 'other', occurredAt: t.statusChangedAt ?? t.updatedAt, summary: `流标 Tender failed: ${t.number} (${buyerName})`, evidence: [{ type: 'tender_failed', value: t.number, originKey: key('failed') }] });
  return out.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()) as TenderEventLog[];
}

/** The other candidates (shortlisted) and each lot's winner (won), as this bidder was told them, by name. */
function rivalsOf(e: Awaited<ReturnType<typeof linkRepo.events>>, orgId: string): { name: string; position: 'shortlisted' | 'won' }[] {
  const out = new Map<string, 'shortlisted' | 'won'>();
  for (const l of e.lots) for (const c of l.candidates as { bidderOrgId: string; bidder: string }[]) if (c.bidderOrgId !== orgId && !out.has(c.bidder)) out.set(c.bidder, 'shortlisted');
  for (const r of e.results) {
    const w = (r.content as { winner?: { name: string } }).winner;
    if (r.outcome === 'not_awarded' && w) out.set(w.name, 'won');
  }
  return [...out].map(([name, position]) => ({ name, position }));
}

export const tenderLinkService = {
  /**
   * The rivals named by the tender, found among the seller's competitors by name
   * (or recorded), positioned on the opportunity. One read of each list per
   * sync; a position already held is left alone, so running it on every sync
   * retries one that failed.
   */
  async position(deps: Deps, ctx: TenantContext, opportunityId: string, rivals: readonly { name: string; position: 'shortlisted' | 'won' }[]) {
    if (!rivals.length) return;
    const key = (n: string) => n.trim().toLowerCase();
    let known = await competitorService.list(deps.db, ctx);
    const held = (await opportunityService.get(deps.db, ctx, opportunityId)).competitors;
    for (const r of rivals) {
      let c = known.find((x) => key(x.name) === key(r.name));
      if (!c) {
        try {
          c = await competitorService.create(deps.db, ctx, { name: r.name, notes: '由招标结果自动记录 Recorded from a tender result' });
        } catch {
          known = await competitorService.list(deps.db, ctx); // recorded at the same moment by another sync
          c = known.find((x) => key(x.name) === key(r.name));
          if (!c) throw new Error(`competitor ${r.name} could not be recorded`);
        }
      }
      const current = held.find((x) => x.competitorId === c!.id);
      if (current?.position === r.position || (current?.position === 'won' && r.position === 'shortlisted')) continue;
      await opportunityService.setCompetitor(deps, ctx, opportunityId, { competitorId: c.id, position: r.position, strengths: current?.strengths ?? null, weaknesses: current?.weaknesses ?? null });
    }
  },


  async linkOf(tx: Tx, tenderId: string) {
    const l = await linkRepo.get(tx, tenderId);
    return l ? { opportunityId: l.l.opportunityId, opportunityTitle: l.title } : null;
  },

  /** Links a tender this organization may see to one of its opportunities (or to a new one on the buyer's account). */
  async link(deps: Deps, ctx: TenantContext, tenderId: string, body: z.infer<typeof LinkBody>) {
    requireSupplier(ctx);
    const now = deps.clock.now();
    const t = await readTenant(deps.db, ctx, async (tx) => (await linkRepo.events(tx, tenderId, ctx.orgId)).tender);
    if (!t || !t.publishedAt || t.organizationId === ctx.orgId) throw notFound('tender');
    let opportunityId: string;
    if ('opportunityId' in body) {
      try {
        await opportunityService.get(deps.db, ctx, body.opportunityId);
      } catch {
        throw unknownRef('body.opportunityId', 'opportunity');
      }
      opportunityId = body.opportunityId;
    } else {
      const buyerName = (await organizationService.names(deps.db, [t.organizationId])).get(t.organizationId)?.name ?? t.organizationId;
      const found = (await accountService.list(deps.db, ctx, { q: buyerName, sort: 'name', order: 'asc', limit: 20 } as never)).items.find((a) => a.name === buyerName);
      const accountId = found?.id ?? (await accountService.create(deps.db, ctx, { name: buyerName, industry: 'manufacturing' })).id;
      const opp = await opportunityService.create(deps, ctx, { accountId, title: body.newOpportunity.title ?? `${t.number} ${t.title}`, value: Number(t.estimatedValue), currency: t.currency, source: 'tender_notice', ownerId: body.newOpportunity.ownerId });
      opportunityId = opp.id;
    }
    await withTenant(deps.db, ctx, async (tx) => {
      if (!(await linkRepo.insert(tx, { organizationId: ctx.orgId, tenderId, opportunityId, createdBy: ctx.userId, createdAt: now }))) {
        throw new AppError('conflict', 'tender_link.exists', text('这个招标已关联到一个商机。', 'This tender is linked to an opportunity already.'));
      }
      await recordActivity(tx, ctx, { entityType: 'opportunity', entityId: opportunityId, opportunityId, action: 'tender.linked', data: { tenderId, tender: t.number } });
    });
    const taken = await tenderLinkService.sync(deps, ctx.orgId, tenderId);
    const l = await readTenant(deps.db, ctx, (tx) => linkRepo.get(tx, tenderId));
    return { tenderId, opportunityId, opportunityTitle: l?.title ?? '', eventsTaken: taken };
  },

  async unlink(deps: Deps, ctx: TenantContext, tenderId: string) {
    requireSupplier(ctx);
    await withTenant(deps.db, ctx, async (tx) => {
      if (!(await linkRepo.remove(tx, tenderId))) throw notFound('tender');
    });
  },

  /**
   * Takes the events of this organization's linked tenders (one, or all) as
   * evidence, in its own tenant and as the member who linked each. Returns how
   * many events were taken now.
   */
  async sync(deps: Deps, orgId: string, tenderId?: string): Promise<number> {
    const links = await readTenant(deps.db, { orgId, userId: NOBODY }, (tx) => linkRepo.all(tx, tenderId));
    let taken = 0;
    const now = deps.clock.now();
    for (const l of links) {
      const ctx: TenantContext = { orgId, userId: l.createdBy ?? NOBODY, role: 'owner', kind: 'seller' };
      const { changed, rivals } = await withTenant(deps.db, ctx, async (tx) => {
        const e = await linkRepo.events(tx, l.tenderId, orgId);
        if (!e.tender) return { changed: 0, rivals: [] };
        const buyerName = (await organizationService.names(deps.db, [e.tender.organizationId])).get(e.tender.organizationId)?.name ?? '';
        let n = 0;
        for (const ev of eventsOf(e, buyerName, orgId)) if (await interactionService.logFromTender(tx, ctx, { ...ev, opportunityId: l.opportunityId }, now)) n++;
        return { changed: n, rivals: rivalsOf(e, orgId) };
      });
      // What the tender told this bidder of its rivals moves their positions on the opportunity (only with news).
      // Idempotent (a position already held is left alone), so it runs on every sync: a failed one is retried by the next.
      await tenderLinkService.position(deps, ctx, l.opportunityId, rivals);
      if (changed) deps.events.emit(orgId, 'opportunity.changed', { id: l.opportunityId });
      taken += changed;
    }
    return taken;
  },

  /** After an event of a tender: each of these organizations takes it, where it linked the tender. Errors are logged, not thrown (the tick retries). */
  async syncOrgs(deps: Deps, orgIds: readonly string[], tenderId: string): Promise<void> {
    for (const org of new Set(orgIds)) {
      try {
        await tenderLinkService.sync(deps, org, tenderId);
      } catch (e) {
        console.error(`tender link sync of ${org} failed:`, e);
      }
    }
  },

  syncAfter(deps: Deps, orgId: string, tenderId: string) {
    return tenderLinkService.syncOrgs(deps, [orgId], tenderId);
  },
};
