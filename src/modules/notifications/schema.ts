import { z } from 'zod';
import { Cursor, Limit, LocalizedText, Timestamp, Uuid } from '../shared/http';

export const NOTIFICATION_KINDS = [
  'invitation',
  'amendment',
  'clarification',
  'question',
  'deadline_reminder',
  'receipt',
  'cancellation',
  'opening_postponed',
  'opening_record',
  'tender_failed',
  'confirm_bid',
  'certification',
  'supplier_invite',
  'candidates',
  'objection',
  'award_notice',
  'result_notice',
] as const;

export const Notification = z
  .object({
    id: Uuid,
    kind: z.enum(NOTIFICATION_KINDS),
    tenderId: Uuid.nullable(),
    title: LocalizedText,
    body: LocalizedText,
    link: z.string().nullable(),
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
  })
  .meta({ id: 'Notification' });

export const NotificationListQuery = z.object({ unread: z.enum(['true', 'false']).optional(), tenderId: Uuid.optional(), limit: Limit, cursor: Cursor }).strict();
export const NotificationPage = z.object({ items: z.array(Notification), nextCursor: z.string().nullable(), unread: z.number().int() });

export const OutboxMail = z
  .object({ id: Uuid, toEmail: z.string(), subject: z.string(), body: z.string(), createdAt: Timestamp, sentAt: Timestamp.nullable() })
  .meta({ id: 'OutboxMail' });
