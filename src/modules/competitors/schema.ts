import { z } from 'zod';
import { COMPETITOR_POSITIONS } from '../../domain/labels';
import { Timestamp, Uuid } from '../shared/http';

export const CompetitorCreate = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    website: z.string().trim().max(300).nullable().optional(),
    notes: z.string().trim().max(4000).nullable().optional(),
  })
  .strict();
export const CompetitorPatch = CompetitorCreate.partial().strict();

export const Competitor = z
  .object({
    id: Uuid,
    name: z.string(),
    website: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: Timestamp,
    /** Open opportunities where it is present, and how many of those it leads (preferred or won). */
    activeOpportunities: z.number().int(),
  })
  .meta({ id: 'Competitor' });

/** A competitor's position on one opportunity. */
export const CompetitorPositionInput = z
  .object({
    competitorId: Uuid,
    position: z.enum(COMPETITOR_POSITIONS),
    strengths: z.string().trim().max(2000).nullable().optional(),
    weaknesses: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();

export const CompetitorPosition = z
  .object({
    id: Uuid,
    competitorId: Uuid,
    name: z.string(),
    position: z.enum(COMPETITOR_POSITIONS),
    strengths: z.string().nullable(),
    weaknesses: z.string().nullable(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'CompetitorPosition' });
