import { describe, expect, it } from 'vitest';
import {
  barred,
  canEdit,
  certStatusAt,
  checkCertDecision,
  currentStep,
  decide,
  invitable,
  levelFor,
  noStepsMessage,
  requisitionTotal,
  stepsFor,
  type ApprovalRule,
  type StepRecord,
} from './index';

const rules: ApprovalRule[] = [
  { key: 'head', name: '部门负责人', minAmount: '0', department: null, approverIds: ['head-it', 'head-ops'] },
  { key: 'it-lead', name: 'IT 负责人', minAmount: '0', department: 'IT', approverIds: ['cto'] },
  { key: 'finance', name: '财务', minAmount: '50000', department: null, approverIds: ['cfo'] },
  { key: 'boss', name: '总经理', minAmount: '1000000', department: null, approverIds: ['gm'] },
];
const fresh = (keys: string[]): StepRecord[] => keys.map((key) => ({ key, decision: null, deciderId: null }));

describe('requisition totals and the steps they need', () => {
  it('totals lines exactly and picks the steps by amount and department', () => {
    expect(requisitionTotal([{ unitPrice: '1999.99', quantity: '3' }, { unitPrice: '0.03', quantity: '1' }])).toBe('6000.00');
    expect(stepsFor(rules, '6000.00', 'Ops').map((r) => r.key)).toEqual(['head']);
    expect(stepsFor(rules, '49999.99', 'IT').map((r) => r.key)).toEqual(['head', 'it-lead']);
    expect(stepsFor(rules, '50000', 'Ops').map((r) => r.key)).toEqual(['head', 'finance']);
    expect(stepsFor(rules, '3200000', 'Ops').map((r) => r.key)).toEqual(['head', 'finance', 'boss']);
    expect(noStepsMessage().text.en).toBe('no approval step of this organization applies to this requisition');
  });
});

describe('decisions', () => {
  const req = { status: 'submitted' as const, requesterId: 'alice' };
  it('every step must approve, in order; the last approval approves the requisition', () => {
    const steps = fresh(['head', 'finance', 'boss']);
    expect(decide(req, rules, steps, 'head-ops', 'approve', null)).toEqual({ ok: true, status: 'submitted', step: 'head', done: false });
    steps[0] = { key: 'head', decision: 'approve', deciderId: 'head-ops' };
    // The finance approver cannot skip ahead to the boss's step, and the boss cannot take finance's.
    expect(decide(req, rules, steps, 'gm', 'approve', null)).toMatchObject({ ok: false, code: 'approval.not_approver' });
    expect(decide(req, rules, steps, 'cfo', 'approve', null)).toEqual({ ok: true, status: 'submitted', step: 'finance', done: false });
    steps[1] = { key: 'finance', decision: 'approve', deciderId: 'cfo' };
    expect(currentStep(steps)?.key).toBe('boss');
    expect(decide(req, rules, steps, 'gm', 'approve', 'ok')).toEqual({ ok: true, status: 'approved', step: 'boss', done: true });
    steps[2] = { key: 'boss', decision: 'approve', deciderId: 'gm' };
    expect(currentStep(steps)).toBeNull();
    expect(decide(req, rules, steps, 'gm', 'approve', null)).toMatchObject({ ok: false, code: 'approval.not_approver' });
  });
  it('nobody approves their own requisition', () => {
    const r = decide({ status: 'submitted', requesterId: 'cfo' }, rules, fresh(['finance']), 'cfo', 'approve', null);
    expect(r).toMatchObject({ ok: false, code: 'approval.own_requisition' });
    expect(r.ok || r.message.text['zh-CN']).toBe('不能审批自己提交的采购申请');
  });
  it('reject and return need a comment; reject ends it, return sends it back', () => {
    expect(decide(req, rules, fresh(['head']), 'head-it', 'reject', ' ')).toMatchObject({ ok: false, code: 'approval.comment_required' });
    expect(decide(req, rules, fresh(['head']), 'head-it', 'reject', '预算不足')).toEqual({ ok: true, status: 'rejected', step: 'head', done: true });
    expect(decide(req, rules, fresh(['head']), 'head-it', 'return', '补充规格')).toEqual({ ok: true, status: 'returned', step: 'head', done: true });
  });
  it('only a submitted requisition is decided; a step whose rule is gone has no approver', () => {
    expect(decide({ ...req, status: 'draft' }, rules, fresh(['head']), 'head-it', 'approve', null)).toMatchObject({ ok: false, code: 'approval.not_submitted' });
    const r = decide(req, rules, fresh(['gone']), 'head-it', 'approve', null);
    expect(r.ok || r.message.text.en).toBe('you are not an approver of the step "gone"');
    expect(decide(req, rules, [], 'head-it', 'approve', null).ok || true).toBe(true);
    const none = decide(req, rules, [], 'head-it', 'approve', null);
    expect(none.ok || none.message.params).toEqual({ step: '' });
  });
  it('an approved requisition is read-only; changing a submitted, returned or rejected one restarts the chain', () => {
    expect(canEdit('approved')).toMatchObject({ ok: false, code: 'approval.read_only' });
    expect(canEdit('draft')).toEqual({ ok: true, restarts: false });
    expect(canEdit('submitted')).toEqual({ ok: true, restarts: true });
    expect(canEdit('returned')).toEqual({ ok: true, restarts: true });
    expect(canEdit('rejected')).toEqual({ ok: true, restarts: true });
    expect(canEdit('withdrawn')).toEqual({ ok: true, restarts: false });
  });
});

describe('supplier certification', () => {
  const now = new Date(Date.UTC(2027, 0, 1));
  const later = new Date(Date.UTC(2028, 0, 1));
  it('levels from scores', () => {
    expect([100, 85, 84.9, 70, 69, 60, 59.9, 0].map(levelFor)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
  });
  it('certifying needs three scores of C or better and a validity in the future', () => {
    const good = { quality: 90, delivery: 75, credit: 61 };
    expect(checkCertDecision('applied', { to: 'certified', scores: good, validUntil: later }, now)).toEqual({ ok: true, levels: { quality: 'A', delivery: 'B', credit: 'C' } });
    expect(checkCertDecision('applied', { to: 'certified', scores: { quality: 90, delivery: 75 }, validUntil: later }, now)).toMatchObject({ ok: false, code: 'cert.scores' });
    expect(checkCertDecision('applied', { to: 'certified', validUntil: later }, now)).toMatchObject({ ok: false, code: 'cert.scores' });
    expect(checkCertDecision('applied', { to: 'certified', scores: { ...good, credit: 101 }, validUntil: later }, now)).toMatchObject({ ok: false, code: 'cert.scores' });
    const failing = checkCertDecision('applied', { to: 'certified', scores: { ...good, delivery: 40 }, validUntil: later }, now);
    expect(failing.ok || failing.message.text.en).toBe('delivery is rated D, below the C a certification needs');
    expect(checkCertDecision('applied', { to: 'certified', scores: good, validUntil: now }, now)).toMatchObject({ ok: false, code: 'cert.validity' });
    expect(checkCertDecision('applied', { to: 'certified', scores: good }, now)).toMatchObject({ ok: false, code: 'cert.validity' });
  });
  it('only the allowed moves; suspending, blacklisting and rejecting need a reason', () => {
    expect(checkCertDecision('applied', { to: 'suspended', reason: 'x' }, now)).toMatchObject({ ok: false, code: 'cert.transition' });
    expect(checkCertDecision('blacklisted', { to: 'certified' }, now)).toMatchObject({ ok: false, code: 'cert.transition' });
    expect(checkCertDecision('certified', { to: 'suspended' }, now)).toMatchObject({ ok: false, code: 'cert.reason' });
    expect(checkCertDecision('certified', { to: 'blacklisted', reason: '串标' }, now)).toEqual({ ok: true, levels: {} });
    expect(checkCertDecision('applied', { to: 'rejected', reason: '资质不全' }, now)).toEqual({ ok: true, levels: {} });
    expect(checkCertDecision('certified', { to: 'expired' }, now)).toEqual({ ok: true, levels: {} });
  });
  it('expires by the clock; only certified and unexpired suppliers of the category are invitable; blacklisting bars', () => {
    expect(certStatusAt('certified', later, now)).toBe('certified');
    expect(certStatusAt('certified', now, now)).toBe('expired');
    expect(certStatusAt('suspended', now, now)).toBe('expired');
    expect(certStatusAt('certified', null, now)).toBe('certified');
    expect(certStatusAt('applied', now, now)).toBe('applied');
    const certs = [
      { category: 'goods' as const, status: 'certified' as const, validUntil: later },
      { category: 'services' as const, status: 'suspended' as const, validUntil: later },
    ];
    expect(invitable(certs, 'goods', now)).toBe(true);
    expect(invitable(certs, 'services', now)).toBe(false);
    expect(invitable(certs, 'goods', later)).toBe(false);
    expect(barred(certs)).toBe(false);
    expect(barred([...certs, { status: 'blacklisted' as const }])).toBe(true);
  });
});
