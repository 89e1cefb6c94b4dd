import { z } from 'zod';
import { ACCOUNT_SIZES, BUDGET_CYCLES, INDUSTRIES, PROCUREMENT_POLICIES } from '../../domain/labels';
import { Cursor, Limit, Timestamp, Uuid, csv } from '../shared/http';

const name = z.string().trim().min(1, 'is required').max(200);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();

export const AccountFields = z.object({
  name,
  industry: z.enum(INDUSTRIES),
  size: z.enum(ACCOUNT_SIZES).nullable().optional(),
  region: optText(120),
  orgStructure: optText(4000),
  procurementPolicies: z.array(z.enum(PROCUREMENT_POLICIES)).max(10).optional(),
  budgetCycle: z.enum(BUDGET_CYCLES).nullable().optional(),
  notes: optText(10_000),
});

export const AccountCreate = AccountFields.extend({ industry: z.enum(INDUSTRIES).default('other') }).strict();
export const AccountPatch = AccountFields.partial().strict();

export const Account = z
  .object({
    id: Uuid,
    name: z.string(),
    industry: z.enum(INDUSTRIES),
    size: z.enum(ACCOUNT_SIZES).nullable(),
    region: z.string().nullable(),
    orgStructure: z.string().nullable(),
    procurementPolicies: z.array(z.enum(PROCUREMENT_POLICIES)),
    budgetCycle: z.enum(BUDGET_CYCLES).nullable(),
    notes: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    /** Counts, on the list and the detail. */
    openOpportunities: z.number().int(),
    contacts: z.number().int(),
  })
  .meta({ id: 'Account' });

export const AccountListQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    industry: csv(z.enum(INDUSTRIES)).optional(),
    sort: z.enum(['name', 'updatedAt', 'createdAt']).default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: Limit,
    cursor: Cursor,
  })
  .strict();
