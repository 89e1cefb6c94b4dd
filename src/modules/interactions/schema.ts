import { z } from 'zod';
import { INTERACTION_TYPES } from '../../domain/labels';
import { Cursor, Limit, Timestamp, Uuid } from '../shared/http';

export const EvidenceInput = z
  .object({
    type: z.string().min(1, 'is required').max(80),
    value: z.string().trim().max(2000).nullable().optional(),
    sourceContactId: Uuid.nullable().optional(),
    verified: z.boolean().default(false),
  })
  .strict();

export const InteractionCreate = z
  .object({
    accountId: Uuid.optional(),
    opportunityId: Uuid.optional(),
    type: z.enum(INTERACTION_TYPES),
    occurredAt: Timestamp.optional(),
    summary: z.string().trim().min(1, 'is required').max(10_000),
    customerResponse: z.string().trim().max(10_000).nullable().optional(),
    competitorResponses: z
      .array(z.object({ competitorId: Uuid, response: z.string().trim().min(1, 'is required').max(4000) }).strict())
      .max(20)
      .default([]),
    contactIds: z.array(Uuid).max(50).default([]),
    userIds: z.array(Uuid).max(20).default([]),
    evidence: z.array(EvidenceInput).max(20).default([]),
  })
  .strict()
  .refine((b) => b.accountId || b.opportunityId, { path: ['opportunityId'], message: 'is required (or accountId)' });

export const Evidence = z
  .object({
    id: Uuid,
    type: z.string(),
    value: z.string().nullable(),
    sourceContactId: Uuid.nullable(),
    verified: z.boolean(),
    occurredAt: Timestamp,
    origin: z.string(),
  })
  .meta({ id: 'Evidence' });

export const Interaction = z
  .object({
    id: Uuid,
    accountId: Uuid,
    opportunityId: Uuid.nullable(),
    type: z.enum(INTERACTION_TYPES),
    occurredAt: Timestamp,
    summary: z.string(),
    customerResponse: z.string().nullable(),
    competitorResponses: z.array(z.object({ competitorId: Uuid, response: z.string() })),
    contactIds: z.array(Uuid),
    userIds: z.array(Uuid),
    evidence: z.array(Evidence),
    /** manual, or tender: logged by the platform from a tender on Procura. */
    origin: z.enum(['manual', 'tender']),
    createdBy: Uuid.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Interaction' });

export const InteractionListQuery = z
  .object({ opportunityId: Uuid.optional(), accountId: Uuid.optional(), limit: Limit, cursor: Cursor })
  .strict();

export const EvidencePatch = z.object({ verified: z.boolean() }).strict();
