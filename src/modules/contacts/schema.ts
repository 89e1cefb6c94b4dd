import { z } from 'zod';
import { ATTITUDES, BUYING_ROLES } from '../../domain/labels';
import { Cursor, Limit, Timestamp, Uuid, csv } from '../shared/http';

const optText = (max: number) => z.string().trim().max(max).nullable().optional();

const ContactFields = z.object({
  accountId: Uuid,
  name: z.string().trim().min(1, 'is required').max(120),
  title: optText(120),
  department: optText(120),
  reportsToId: Uuid.nullable().optional(),
  email: z.email({ error: 'must be an email address' }).max(200).nullable().optional(),
  phone: optText(50),
  wechat: optText(80),
  buyingRoles: z.array(z.enum(BUYING_ROLES)).max(5).optional(),
  isCoach: z.boolean().optional(),
  attitude: z.enum(ATTITUDES).optional(),
  influence: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').optional(),
  concerns: optText(4000),
});

export const ContactCreate = ContactFields.strict();
export const ContactPatch = ContactFields.omit({ accountId: true }).partial().strict();

export const Contact = z
  .object({
    id: Uuid,
    accountId: Uuid,
    name: z.string(),
    title: z.string().nullable(),
    department: z.string().nullable(),
    reportsToId: Uuid.nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    wechat: z.string().nullable(),
    buyingRoles: z.array(z.enum(BUYING_ROLES)),
    isCoach: z.boolean(),
    attitude: z.enum(ATTITUDES),
    influence: z.number().int(),
    concerns: z.string().nullable(),
    /** Time of the latest interaction this contact took part in. */
    lastContactAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Contact' });

export const ContactListQuery = z
  .object({
    accountId: Uuid.optional(),
    q: z.string().trim().max(200).optional(),
    role: csv(z.enum(BUYING_ROLES)).optional(),
    limit: Limit,
    cursor: Cursor,
  })
  .strict();
