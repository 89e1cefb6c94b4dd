import { z } from 'zod';
import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams } from '../shared/http';
import { NotificationListQuery, NotificationPage, OutboxMail } from './schema';
import { notificationService as svc } from './service';

const tags = ['Notifications'];
const Marked = z.object({ marked: z.number().int() });

export function notificationRoutes(app: App, deps: Deps) {
  app.get('/notifications', { schema: { tags, summary: "The organization's notifications, newest first", querystring: NotificationListQuery, response: { 200: NotificationPage, ...errorResponses } } }, (req) =>
    svc.list(deps.db, req.tenant, req.query),
  );
  app.post('/notifications/:id/read', { schema: { tags, summary: 'Mark one notification read', params: IdParams, response: { 200: Marked, ...errorResponses } } }, (req) =>
    svc.markRead(deps, req.tenant, req.params.id),
  );
  app.post('/notifications/read-all', { schema: { tags, summary: 'Mark every notification read', response: { 200: Marked, ...errorResponses } } }, (req) => svc.markRead(deps, req.tenant, null));
  app.get('/outbox', { schema: { tags, summary: 'E-mails to this organization waiting for SMTP (owners, admins)', response: { 200: z.object({ items: z.array(OutboxMail) }), ...errorResponses } } }, (req) =>
    svc.outbox(deps.db, req.tenant),
  );
}
