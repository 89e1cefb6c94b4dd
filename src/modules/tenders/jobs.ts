// The tender clock (issue 7, "Time"): a scheduled tick (pg-boss, every minute)
// moves tenders through their time-driven states — published → questions closed
// → bidding closed at the deadline — each change in the buyer's audit chain;
// fails at the opening time a tender with fewer valid bids than it needs
// (nothing is decrypted); sends the deadline reminder a day before; expires
// certifications past their validity; and lets linked suppliers take the
// tenders' events. Time comes from the one injectable clock: tests call
// `tenderTick` with a TestClock.
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../../db/schema/index';
import type { Db } from '../../db/client';
import { SYSTEM_USER, withTenant, type TenantContext } from '../../db/tenant';
import { statusAt, openingVerdict, type TenderStatus } from '../../domain/buy/tender-status';
import { CATEGORY_LABELS } from '../../domain/buy/labels';
import { text } from '../../domain/i18n';
import { recordAudit } from '../audit/service';
import { notificationService } from '../notifications/service';
import { failTender } from '../opening/service';
import { supplierRepo } from '../suppliers/repository';
import { tenderLinkService } from '../tender-link/service';
import { linkRepo } from '../tender-link/repository';
import { tenderRepo, type TenderRow } from './repository';
import { emitTender, tellConcerned, type TenderDeps } from './service';

const DAY = 86_400_000;

export interface TickReport {
  moved: number;
  failed: number;
  reminded: number;
  expired: number;
  linked: number;
}

/** The owner's connection for the tick (it reads every organization's tenders; each change is made as that organization). */
export function ownerDb(ownerUrl: string): { db: Db; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: ownerUrl, max: 2 });
  pool.on('error', () => {});
  return { db: drizzle({ client: pool, schema }) as unknown as Db, close: () => pool.end() };
}

const as = (orgId: string): TenantContext => ({ orgId, userId: SYSTEM_USER, role: 'owner', kind: 'buyer' });

export async function tenderTick(owner: Db, deps: TenderDeps): Promise<TickReport> {
  const now = deps.clock.now();
  const report: TickReport = { moved: 0, failed: 0, reminded: 0, expired: 0, linked: 0 };
  const tell: [string[], string][] = [];

  const due = (await owner
    .select()
    .from(schema.tenders)
    .where(
      sql`(status in ('published', 'questions_closed') and (deadline <= ${now.toISOString()}::timestamptz or (status = 'published' and questions_until <= ${now.toISOString()}::timestamptz) or (reminder_sent_at is null and deadline - interval '1 day' <= ${now.toISOString()}::timestamptz)))
        or (status = 'bidding_closed' and opening_at <= ${now.toISOString()}::timestamptz)`,
    )) as TenderRow[];

  for (const t of due) {
    const ctx = as(t.organizationId);
    await withTenant(owner, ctx, async (tx) => {
      let status = t.status;
      const next = statusAt(status, { questionsUntil: t.questionsUntil, deadline: t.deadline }, now);
      if (next !== status) {
        const at = next === 'bidding_closed' ? t.deadline : t.questionsUntil;
        if (await tenderRepo.transition(tx, t.id, [status], { status: next, statusChangedAt: at, updatedAt: now })) {
          await recordAudit(tx, ctx, { at, action: `tender.${next}`, tenderId: t.id, data: { by: 'clock', from: status } });
          status = next;
          report.moved++;
          tell.push([[t.organizationId], t.id]);
        }
      }
      if ((status === 'published' || status === 'questions_closed') && !t.reminderSentAt && now.getTime() >= t.deadline.getTime() - DAY) {
        await tenderRepo.update(tx, t.id, { reminderSentAt: now });
        const to = await tellConcerned(tx, ctx, { db: owner, config: deps.config }, t.id, { kind: 'deadline_reminder', tenderId: t.id, title: text(`投标即将截止：${t.number}`, `Deadline approaching: ${t.number}`), body: text(`招标 ${t.number}“${t.title}”将于 ${t.deadline.toISOString()} 截止投标。`, `The tender ${t.number} "${t.title}" closes for bids at ${t.deadline.toISOString()}.`), link: `/supplier/tenders/${t.id}` }, now);
        report.reminded += to.length;
        tell.push([to, t.id]);
      }
      if (status === 'bidding_closed' && now.getTime() >= t.openingAt.getTime()) {
        const valid = (await tenderRepo.validBidCount(tx, t.id)) ?? 0;
        if (openingVerdict(valid, t.minValidBids) === 'failed') {
          const to = await failTender(tx, owner, ctx, { ...t, status: 'bidding_closed' }, valid, now, deps.config.baseUrl);
          report.failed++;
          tell.push([[t.organizationId, ...to], t.id]);
        }
      }
    });
  }

  // Certifications past their validity.
  const expired = (await owner.execute(supplierRepo.expireDue(now))).rows as { id: string; organization_id: string; supplier_org_id: string | null; category: string }[];
  for (const c of expired) {
    await withTenant(owner, as(c.organization_id), async (tx) => {
      await recordAudit(tx, as(c.organization_id), { at: now, action: 'certification.expired', subjectId: c.id, data: { by: 'clock', category: c.category } });
      if (c.supplier_org_id) {
        const cat = CATEGORY_LABELS[c.category as keyof typeof CATEGORY_LABELS];
        await notificationService.notify(tx, as(c.organization_id), owner, [c.supplier_org_id], { kind: 'certification', title: text(`${cat['zh-CN']}类认证已过期`, `Certification for ${cat.en} expired`), body: text('认证已过有效期，请重新申请。', 'The certification is past its validity: apply again.'), link: '/supplier/registrations' }, now, deps.config.baseUrl);
      }
    });
    report.expired++;
  }

  for (const [orgs, id] of tell) emitTender(deps.events, orgs, id);

  // Linked suppliers take what happened (a failure, a publication they had not yet taken…).
  const links = (await owner.execute(linkRepo.linkedOrgs(null))).rows as { org: string; tender: string }[];
  for (const l of links) report.linked += await tenderLinkService.sync(deps, l.org, l.tender).catch(() => 0);
  return report;
}
