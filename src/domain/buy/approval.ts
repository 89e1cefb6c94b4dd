// Requisitions (采购申请) and their approval chain. An organization's chain is a
// list of steps; a step applies from an amount (and optionally to one
// department). A requisition needs every step that applies to it, in order;
// nobody approves their own requisition; one rejection ends it; a return sends
// it back to the requester; an approved requisition is read-only (a change
// starts the chain again). Pure: the server keeps the records.
import { defineCatalog, messageFactory, type Message } from '../i18n';
import { lineTotal, sumMoney, toCents } from './money';

export const REQUISITION_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'returned', 'withdrawn'] as const;
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number];
export const APPROVAL_DECISIONS = ['approve', 'reject', 'return'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

export interface ApprovalRule {
  key: string;
  name: string;
  /** The step applies when the requisition's total is at least this (decimal string). */
  minAmount: string;
  /** Only for this department (null: every department). */
  department: string | null;
  /** Who may decide this step. */
  approverIds: readonly string[];
}

export interface RequisitionLine {
  unitPrice: string;
  quantity: string;
}

export function requisitionTotal(lines: readonly RequisitionLine[]): string {
  return sumMoney(lines.map((l) => lineTotal(l.unitPrice, l.quantity)));
}

/** The steps a requisition of this total and department needs, in chain order. */
export function stepsFor(rules: readonly ApprovalRule[], total: string, department: string): ApprovalRule[] {
  const cents = toCents(total);
  return rules.filter((r) => cents >= toCents(r.minAmount) && (r.department === null || r.department === department));
}

export interface StepRecord {
  key: string;
  decision: ApprovalDecision | null;
  deciderId: string | null;
}

export const APPROVAL_MESSAGES = defineCatalog({
  'approval.not_submitted': { 'zh-CN': '申请不在审批中（当前：{status}）', en: 'the requisition is not awaiting approval (it is {status})' },
  'approval.own_requisition': { 'zh-CN': '不能审批自己提交的采购申请', en: 'nobody approves their own requisition' },
  'approval.not_approver': { 'zh-CN': '你不是“{step}”这一步的审批人', en: 'you are not an approver of the step "{step}"' },
  'approval.comment_required': { 'zh-CN': '驳回或退回时必须说明原因', en: 'a rejection or a return needs a comment' },
  'approval.read_only': { 'zh-CN': '已批准的采购申请不能修改；修改需重新走审批', en: 'an approved requisition is read-only; a change starts the approval again' },
  'approval.no_steps': { 'zh-CN': '本组织还没有适用于此申请的审批步骤', en: 'no approval step of this organization applies to this requisition' },
});
const amsg = messageFactory(APPROVAL_MESSAGES);

/** The first step still waiting, or null when every step has approved. */
export function currentStep(steps: readonly StepRecord[]): StepRecord | null {
  return steps.find((s) => s.decision !== 'approve') ?? null;
}

export type DecisionResult =
  | { ok: true; status: RequisitionStatus; step: string; done: boolean }
  | { ok: false; code: string; message: Message };

/**
 * A decision on the current step. Approve: the next step waits, or (the last
 * one) the requisition is approved — every step must approve, there is no
 * partial approval. Reject: rejected. Return: back to the requester, who may
 * change it and submit again (the chain starts over).
 */
export function decide(
  req: { status: RequisitionStatus; requesterId: string },
  rules: readonly ApprovalRule[],
  steps: readonly StepRecord[],
  by: string,
  decision: ApprovalDecision,
  comment: string | null,
): DecisionResult {
  if (req.status !== 'submitted') return { ok: false, code: 'approval.not_submitted', message: amsg('approval.not_submitted', { status: req.status }) };
  if (by === req.requesterId) return { ok: false, code: 'approval.own_requisition', message: amsg('approval.own_requisition') };
  const step = currentStep(steps);
  const rule = step ? rules.find((r) => r.key === step.key) : undefined;
  if (!step || !rule || !rule.approverIds.includes(by)) return { ok: false, code: 'approval.not_approver', message: amsg('approval.not_approver', { step: rule?.name ?? step?.key ?? '' }) };
  if (decision !== 'approve' && !comment?.trim()) return { ok: false, code: 'approval.comment_required', message: amsg('approval.comment_required') };
  if (decision === 'reject') return { ok: true, status: 'rejected', step: step.key, done: true };
  if (decision === 'return') return { ok: true, status: 'returned', step: step.key, done: true };
  const last = steps.filter((s) => s.decision !== 'approve').length === 1;
  return { ok: true, status: last ? 'approved' : 'submitted', step: step.key, done: last };
}

/** Whether the requester may change the requisition now, and what a change does to its status. */
export function canEdit(status: RequisitionStatus): { ok: true; restarts: boolean } | { ok: false; code: string; message: Message } {
  if (status === 'approved') return { ok: false, code: 'approval.read_only', message: amsg('approval.read_only') };
  return { ok: true, restarts: status === 'submitted' || status === 'returned' || status === 'rejected' };
}

export function noStepsMessage(): Message {
  return amsg('approval.no_steps');
}
