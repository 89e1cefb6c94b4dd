import { z } from 'zod';
import { APPROVAL_DECISIONS, REQUISITION_STATUSES } from '../../domain/buy/approval';
import { MONEY_PATTERN, QUANTITY_PATTERN } from '../../domain/buy/money';
import { Cursor, DateOnly, Limit, Timestamp, Uuid, csv, patchOf } from '../shared/http';
import { Currency } from '../opportunities/schema';

const name = z.string().trim().min(1, 'is required').max(200);
export const Money = z.string().regex(MONEY_PATTERN, 'must be an amount with at most 2 decimals');
export const Quantity = z
  .string()
  .regex(QUANTITY_PATTERN, 'must be a quantity with at most 4 decimals')
  .refine((s) => !/^0(\.0*)?$/.test(s), 'must be more than 0');

export const RequisitionItemInput = z
  .object({
    name,
    specification: z.string().trim().max(4000).default(''),
    quantity: Quantity,
    unit: z.string().trim().min(1, 'is required').max(40),
    unitPrice: Money,
    neededBy: DateOnly.nullable().optional(),
  })
  .strict();

export const RequisitionCreate = z
  .object({
    title: name,
    department: z.string().trim().min(1, 'is required').max(120),
    justification: z.string().trim().min(1, 'is required').max(10_000),
    currency: Currency.default('CNY'),
    items: z.array(RequisitionItemInput).min(1, 'is required').max(500),
  })
  .strict();
export const RequisitionPatch = patchOf(RequisitionCreate);

export const RequisitionItem = RequisitionItemInput.extend({ id: Uuid, neededBy: DateOnly.nullable(), lineTotal: z.string() }).meta({ id: 'RequisitionItem' });

export const ApprovalStep = z
  .object({
    round: z.number().int(),
    position: z.number().int(),
    key: z.string(),
    name: z.string(),
    approverIds: z.array(Uuid),
    decision: z.enum(APPROVAL_DECISIONS).nullable(),
    deciderId: Uuid.nullable(),
    deciderName: z.string().nullable(),
    comment: z.string().nullable(),
    decidedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ApprovalStep' });

export const RequisitionSummary = z
  .object({
    id: Uuid,
    number: z.string(),
    title: z.string(),
    department: z.string(),
    requesterId: Uuid,
    requesterName: z.string(),
    currency: z.string(),
    total: z.string(),
    status: z.enum(REQUISITION_STATUSES),
    /** The step waiting for a decision, if any. */
    waitingStep: z.string().nullable(),
    /** The signed-in user may decide the waiting step. */
    awaitingMe: z.boolean(),
    submittedAt: Timestamp.nullable(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'RequisitionSummary' });

export const Requisition = RequisitionSummary.extend({
  justification: z.string(),
  items: z.array(RequisitionItem),
  round: z.number().int(),
  /** Every step of every round, oldest first: the approval record. */
  steps: z.array(ApprovalStep),
  projectId: Uuid.nullable(),
  createdAt: Timestamp,
}).meta({ id: 'Requisition' });

export const RequisitionListQuery = z
  .object({
    status: csv(z.enum(REQUISITION_STATUSES)).optional(),
    /** mine: requested by me; inbox: waiting for my decision. */
    view: z.enum(['all', 'mine', 'inbox']).default('all'),
    limit: Limit,
    cursor: Cursor,
  })
  .strict();

export const DecisionBody = z
  .object({ decision: z.enum(APPROVAL_DECISIONS), comment: z.string().trim().max(4000).nullable().optional() })
  .strict();

export const ApprovalRuleInput = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, 'must be 2–40 lower-case letters, digits, - or _'),
    name,
    minAmount: Money.default('0'),
    department: z.string().trim().min(1).max(120).nullable().optional(),
    approverIds: z.array(Uuid).min(1, 'is required').max(20),
  })
  .strict();
export const ApprovalRulesBody = z.object({ rules: z.array(ApprovalRuleInput).max(20) }).strict();
export const ApprovalRule = ApprovalRuleInput.extend({ department: z.string().nullable(), approverNames: z.array(z.string()) }).meta({ id: 'ApprovalRule' });
