import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_KIND_LABELS,
  EVIDENCE_KINDS,
  EVIDENCE_TYPE_KEYS,
  evidenceKindOf,
  EVIDENCE_TYPES,
  evidenceTypesForMilestone,
  FACT_EVIDENCE,
  factKindOf,
  getEvidenceType,
  isEvidenceType,
  isMilestone,
  isStepBack,
  MAX_MILESTONE,
  MILESTONES,
  MIN_MILESTONE,
} from './evidence';
import { FACT_KINDS } from './labels';

const EXPECTED_MILESTONES: Record<string, number> = {
  need_expressed: 1,
  dissatisfaction_with_incumbent: 1,
  feasibility_study: 2,
  budget_known: 2,
  budget_approved: 2,
  project_approved: 3,
  purchasing_team_named: 3,
  information_requested: 3,
  decision_date_set: 3,
  criteria_draft_received: 4,
  specification_discussed: 4,
  tender_notice_published: 5,
  invitation_received: 5,
  bid_submitted: 5,
  shortlisted: 5,
  demo_or_trial_requested: 5,
  preferred_supplier_notified: 6,
  negotiation_meeting: 7,
  price_concession: 7,
  payment_terms_agreed: 7,
  contract_signed: 8,
  order_placed: 9,
  delivery_accepted: 9,
  survey_answered: 9,
  repurchase_intent: 9,
  budget_cut: 2,
  tender_failed: 5,
  preferred_supplier_lost: 5,
  project_suspended: 1,
};

describe('evidence types', () => {
  it('place each type on its milestone', () => {
    expect(Object.fromEntries(EVIDENCE_TYPES.map((d) => [d.key, d.milestone]))).toEqual(EXPECTED_MILESTONES);
    expect(EVIDENCE_TYPES.map((d) => d.key)).toEqual([...EVIDENCE_TYPE_KEYS]);
  });
  it('label every type in both languages', () => {
    for (const d of EVIDENCE_TYPES) {
      expect(d.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(d.label.en).toMatch(/^[A-Z]/);
    }
  });
  it('step-back types fall back to the milestone they stand on', () => {
    const steps = EVIDENCE_TYPES.filter((d) => d.stepBack !== undefined).map((d) => [d.key, d.stepBack]);
    expect(steps).toEqual([
      ['budget_cut', 2],
      ['tender_failed', 5],
      ['preferred_supplier_lost', 5],
      ['project_suspended', 1],
    ]);
    for (const d of EVIDENCE_TYPES) if (d.stepBack !== undefined) expect(d.milestone).toBe(d.stepBack);
    expect(isStepBack('budget_cut')).toBe(true);
    expect(isStepBack('budget_known')).toBe(false);
    expect(isStepBack('nope')).toBe(false);
  });
  it('mark the evidence that feeds key facts', () => {
    expect(factKindOf('budget_known')).toBe('budget');
    expect(factKindOf('budget_approved')).toBe('budget');
    expect(factKindOf('decision_date_set')).toBe('decision_date');
    expect(factKindOf('criteria_draft_received')).toBe('decision_criteria');
    expect(factKindOf('bid_submitted')).toBeNull();
    expect(factKindOf('nope')).toBeNull();
    for (const kind of FACT_KINDS) {
      expect(FACT_EVIDENCE[kind]).toEqual(EVIDENCE_TYPES.filter((d) => d.fact === kind).map((d) => d.key));
    }
  });
  it('look up by key', () => {
    expect(getEvidenceType('shortlisted')?.milestone).toBe(5);
    expect(getEvidenceType('shortlisted')?.label.en).toBe('Shortlisted');
    expect(getEvidenceType('unknown_type')).toBeUndefined();
    expect(isEvidenceType('contract_signed')).toBe(true);
    expect(isEvidenceType('signed')).toBe(false);
    expect(isEvidenceType(8)).toBe(false);
  });
  it('list the types of a milestone', () => {
    expect(evidenceTypesForMilestone(6)).toEqual(['preferred_supplier_notified']);
    expect(evidenceTypesForMilestone(2)).toEqual(['feasibility_study', 'budget_known', 'budget_approved', 'budget_cut']);
    expect(evidenceTypesForMilestone(10)).toEqual([]);
    for (const m of MILESTONES) expect(evidenceTypesForMilestone(m).length).toBeGreaterThan(0);
  });
  it('milestones run 1..9', () => {
    expect(MILESTONES).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([MIN_MILESTONE, MAX_MILESTONE]).toEqual([1, 9]);
    expect(isMilestone(1)).toBe(true);
    expect(isMilestone(9)).toBe(true);
    expect(isMilestone(0)).toBe(false);
    expect(isMilestone(10)).toBe(false);
    expect(isMilestone(2.5)).toBe(false);
    expect(isMilestone('3')).toBe(false);
  });
  it('definitions are frozen', () => {
    expect(Object.isFrozen(EVIDENCE_TYPES)).toBe(true);
    expect(Object.isFrozen(EVIDENCE_TYPES[0])).toBe(true);
  });
});

describe('evidence kinds', () => {
  it('every type says how it is known, documents and public records where the customer put it on paper', () => {
    for (const d of EVIDENCE_TYPES) expect(EVIDENCE_KINDS).toContain(d.kind);
    expect(evidenceKindOf('contract_signed')).toBe('documentary');
    expect(evidenceKindOf('tender_notice_published')).toBe('public_record');
    expect(evidenceKindOf('negotiation_meeting')).toBe('observed');
    expect(evidenceKindOf('budget_known')).toBe('stated');
    // Unknown types weigh as little as a remark.
    expect(evidenceKindOf('rumour')).toBe('stated');
  });
  it('labels every kind in both languages', () => {
    expect(Object.keys(EVIDENCE_KIND_LABELS)).toEqual([...EVIDENCE_KINDS]);
    expect(EVIDENCE_KIND_LABELS.documentary).toEqual({ 'zh-CN': '书面文件', en: 'Documentary' });
    for (const k of EVIDENCE_KINDS) expect(EVIDENCE_KIND_LABELS[k]['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });
});
