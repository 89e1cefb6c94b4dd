// Notifications (issue 7, "Notifications"): in the app for the recipient
// organization, and by e-mail to its owners and admins — through the outbox,
// which SMTP drains where it is configured and an admin reads where it is not.
// A notification never carries sealed content: callers pass only what the
// recipient may know (a tender's number and title, times, a link).
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import type { Text } from '../../domain/i18n';
import { forbidden, notFound } from '../../server/errors';
import { text } from '../../domain/i18n';
import { writeTogether } from '../../db/batch';
import { CursorKey, decodeCursor, encodeCursor } from '../shared/http';
import { organizationService } from '../organizations/service';
import { notificationRepo, type NotificationRow } from './repository';
import type { NOTIFICATION_KINDS, NotificationListQuery } from './schema';

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationInput {
  kind: NotificationKind;
  tenderId?: string | null;
  title: Text;
  body: Text;
  /** A path in the web app, e.g. /supplier/tenders/…; null for none. */
  link?: string | null;
}

const present = (n: NotificationRow) => ({
  id: n.id,
  kind: n.kind as NotificationKind,
  tenderId: n.tenderId,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

const rowFor = (organizationId: string, senderOrgId: string, n: NotificationInput, at: Date) => ({ organizationId, senderOrgId, kind: n.kind, tenderId: n.tenderId ?? null, title: n.title, body: n.body, link: n.link ?? null, createdAt: at });

/** The e-mail text of a notification: both languages, Chinese first. */
function mailBody(n: NotificationInput, baseUrl: string): string {
  const link = n.link ? `\n\n${baseUrl}${n.link}` : '';
  return `${n.body['zh-CN']}\n\n${n.body.en}${link}\n\n— Procura`;
}

export const notificationService = {
  /**
   * Notifies organizations inside the sender's transaction: one in-app
   * notification per recipient and one e-mail per owner or admin of each.
   * Returns the recipients (to tell their browsers after commit).
   */
  async notify(tx: Tx, ctx: Pick<TenantContext, 'orgId'>, db: Db, recipients: readonly string[], n: NotificationInput, at: Date, baseUrl: string): Promise<string[]> {
    const to = [...new Set(recipients)].filter((r) => r !== ctx.orgId);
    if (!to.length) return [];
    const emails = await organizationService.adminEmails(db, to);
    await writeTogether(tx, [
      notificationRepo.insert(
        tx,
        to.map((org) => rowFor(org, ctx.orgId, n, at)),
      ),
      notificationRepo.insertOutbox(
        tx,
        emails.map((e) => ({ organizationId: e.orgId, senderOrgId: ctx.orgId, toEmail: e.email, subject: `${n.title['zh-CN']} / ${n.title.en}`, body: mailBody(n, baseUrl), createdAt: at })),
      ),
    ]);
    return to;
  },

  /** A notification to the acting organization itself (a receipt), in the app only; unsent, to go out with the action's other writes (db/batch). */
  selfInsert(tx: Tx, ctx: Pick<TenantContext, 'orgId'>, n: NotificationInput, at: Date) {
    return notificationRepo.insert(tx, [rowFor(ctx.orgId, ctx.orgId, n, at)]);
  },

  /** An e-mail to someone not on Procura yet (a supplier invited by e-mail): kept in the sender's outbox. */
  async mail(tx: Tx, ctx: Pick<TenantContext, 'orgId'>, toEmail: string, subject: Text, body: string, at: Date) {
    await notificationRepo.insertOutbox(tx, [{ organizationId: ctx.orgId, senderOrgId: ctx.orgId, toEmail, subject: `${subject['zh-CN']} / ${subject.en}`, body, createdAt: at }]);
  },

  async list(db: Db, ctx: TenantContext, q: z.infer<typeof NotificationListQuery>) {
    const after = decodeCursor(q.cursor, [CursorKey.isoTime, CursorKey.id]);
    return readTenant(db, ctx, async (tx) => {
      const rows = await notificationRepo.list(tx, ctx.orgId, { unread: q.unread === 'true', tenderId: q.tenderId, limit: q.limit, after });
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(present),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
        unread: await notificationRepo.unreadCount(tx, ctx.orgId),
      };
    });
  },

  async markRead(deps: { db: Db; clock: { now(): Date } }, ctx: TenantContext, id: string | null) {
    return withTenant(deps.db, ctx, async (tx) => {
      if (id && !(await notificationRepo.exists(tx, id))) throw notFound('notification');
      return { marked: await notificationRepo.markRead(tx, id, deps.clock.now()) };
    });
  },

  async outbox(db: Db, ctx: TenantContext) {
    if (ctx.role !== 'owner' && ctx.role !== 'admin') throw forbidden('outbox.forbidden', text('只有所有者和管理员可以查看待发邮件。', 'Only owners and admins read the outbox.'));
    return readTenant(db, ctx, async (tx) => ({
      items: (await notificationRepo.outbox(tx, ctx.orgId, 200)).map((m) => ({ id: m.id, toEmail: m.toEmail, subject: m.subject, body: m.body, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null })),
    }));
  },
};
