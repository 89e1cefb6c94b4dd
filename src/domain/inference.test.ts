import { describe, expect, it } from 'vitest';
import type { EvidenceFact } from './evidence';
import { compareWithSet, CONFIDENCE_HALF_LIFE_DAYS, inferenceConfidence, inferStage, type Inference } from './inference';
import { INTERNAL_8, PROCUREMENT_6, PURCHASING_CYCLE_5, type ProcessModel } from './process-models';

const T0 = Date.UTC(2024, 2, 1); // 2024-03-01
const at = (day: number) => new Date(T0 + day * 86_400_000);
const ev = (id: string, type: string, day: number, contact: string | null = null, verified = false): EvidenceFact => ({
  id,
  type,
  occurredAt: at(day),
  sourceContactId: contact,
  verified,
});
const infer = (evidence: EvidenceFact[], nowDay = 30, model: ProcessModel = INTERNAL_8) => inferStage({ model, evidence, now: at(nowDay) });
const ids = (i: Inference) => i.explanation.evidence.map((e) => e.id);

describe('inferStage: no evidence', () => {
  it('is the first stage with confidence 0, and says so', () => {
    const i = infer([]);
    expect(i.stageKey).toBe('problem_and_need');
    expect(i.stageIndex).toBe(0);
    expect(i.confidence).toBe(0);
    expect(i.explanation).toMatchObject({ evidence: [], sources: [], independentContacts: 0, stepBack: null, ignored: [] });
    expect(i.explanation.summary.code).toBe('inference.no_evidence');
    expect(i.explanation.summary.params).toEqual({ stage: 'problem_and_need' });
    expect(i.explanation.summary.text['zh-CN']).toBe('尚无可用证据，默认处于第一阶段「发现问题，提出需求」。');
    expect(i.explanation.summary.text.en).toBe('No usable evidence yet; assuming the first stage, "Problem found, need raised".');
  });
  it('reports evidence of unknown types and still starts at the first stage', () => {
    const i = infer([ev('x1', 'rumour', 1, 'c1'), ev('x2', 'gossip', 2)], 30, PROCUREMENT_6);
    expect(i.stageKey).toBe('need_recognition');
    expect(i.confidence).toBe(0);
    expect(i.explanation.ignored).toEqual(['x1', 'x2']);
    expect(i.explanation.summary.code).toBe('inference.only_unknown_evidence');
    expect(i.explanation.summary.text.en).toContain('2 pieces of evidence have an unknown type');
    expect(i.explanation.summary.text['zh-CN']).toContain('2 条证据的类型未知');
  });
});

describe('inferStage: a linear project', () => {
  const linear = [
    ev('e1', 'need_expressed', 0, 'c1'),
    ev('e2', 'budget_known', 5, 'c1'),
    ev('e3', 'project_approved', 10, 'c2'),
    ev('e4', 'purchasing_team_named', 12, 'c3', true),
    ev('e5', 'criteria_draft_received', 20, 'c2'),
    ev('e6', 'specification_discussed', 22, 'c3', true),
  ];
  it('reaches the furthest stage with evidence', () => {
    const i = infer(linear);
    expect(i.stageKey).toBe('purchasing_criteria');
    expect(i.stageIndex).toBe(3);
    expect(ids(i)).toEqual(['e5', 'e6']);
    expect(i.explanation.sources).toEqual(['c2', 'c3']);
    expect(i.explanation.independentContacts).toBe(2);
    expect(i.explanation.stepBack).toBeNull();
    expect(i.explanation.ignored).toEqual([]);
    expect(i.explanation.evidence[1]).toEqual({ id: 'e6', type: 'specification_discussed', sourceContactId: 'c3', verified: true, occurredAt: at(22) });
  });
  it('explains itself in both languages', () => {
    const s = infer(linear).explanation.summary;
    expect(s.code).toBe('inference.stage');
    expect(s.params).toEqual({ stage: 'purchasing_criteria', count: 2, contacts: 2, verified: 1 });
    expect(s.text['zh-CN']).toBe('2 条证据表明客户处于「建立采购标准」，来自 2 位独立联系人，其中 1 条已核实。');
    expect(s.text.en).toBe('2 pieces of evidence place the customer at "Purchasing criteria set", from 2 independent contacts, 1 verified.');
  });
  it('places the same evidence in each built-in model', () => {
    expect(infer(linear, 30, PURCHASING_CYCLE_5).stageKey).toBe('evaluation');
    expect(infer(linear, 30, PROCUREMENT_6).stageKey).toBe('supplier_evaluation');
    expect(infer(linear.slice(0, 2), 30, PROCUREMENT_6).stageKey).toBe('need_recognition');
    expect(ids(infer(linear.slice(0, 2), 30, PROCUREMENT_6))).toEqual(['e1', 'e2']);
  });
  it('walks all the way to after-sales', () => {
    const full = [
      ...linear,
      ev('e7', 'shortlisted', 30, null, true),
      ev('e8', 'preferred_supplier_notified', 40, 'c2'),
      ev('e9', 'payment_terms_agreed', 50, 'c4'),
      ev('e10', 'contract_signed', 60, null, true),
      ev('e11', 'delivery_accepted', 90, 'c5'),
    ];
    expect(infer(full, 91).stageKey).toBe('after_sales');
    expect(infer(full.slice(0, 10), 61).stageKey).toBe('contract_signing');
    expect(infer(full.slice(0, 10), 61, PURCHASING_CYCLE_5).stageKey).toBe('purchase_decision');
    expect(infer(full, 91, PROCUREMENT_6).stageKey).toBe('delivery_after_sales');
  });
  it('ignores unknown evidence types and reports them', () => {
    const i = infer([...linear, ev('u1', 'contract_signed_maybe', 25, 'c9')]);
    expect(i.stageKey).toBe('purchasing_criteria');
    expect(i.explanation.ignored).toEqual(['u1']);
    expect(i.explanation.sources).not.toContain('c9');
  });
  it('ignores evidence no stage of the model covers', () => {
    const partial: ProcessModel = { ...INTERNAL_8, key: 'partial', stages: INTERNAL_8.stages.slice(0, 3) };
    const i = infer([ev('a', 'project_approved', 1, 'c1'), ev('b', 'contract_signed', 2, 'c1')], 30, partial);
    expect(i.stageKey).toBe('project_and_team');
    expect(i.explanation.ignored).toEqual(['b']);
  });
  it('reads evidence in time order whatever the input order, and lists support oldest first', () => {
    const i = infer([linear[5]!, linear[0]!, linear[4]!]);
    expect(ids(i)).toEqual(['e5', 'e6']);
  });
  it('counts each contact once and ignores pieces without a contact in the sources', () => {
    const i = infer([ev('a', 'shortlisted', 1, 'c1'), ev('b', 'bid_submitted', 2, 'c1'), ev('c', 'tender_notice_published', 3, null), ev('d', 'invitation_received', 4, 'c2')]);
    expect(i.explanation.sources).toEqual(['c1', 'c2']);
    expect(i.explanation.independentContacts).toBe(2);
    expect(ids(i)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('inferStage: steps back (seed 002)', () => {
  const beforeCut = [
    ev('n', 'need_expressed', 0, 'c1'),
    ev('b', 'budget_known', 2, 'c1'),
    ev('p', 'project_approved', 5, 'c2'),
    ev('k', 'criteria_draft_received', 8, 'c2'),
  ];
  const cut = ev('cut', 'budget_cut', 10, 'c1', true);

  it('a budget cut sends the project back to feasibility and budget', () => {
    const i = infer([...beforeCut, cut]);
    expect(i.stageKey).toBe('feasibility_and_budget');
    expect(i.explanation.stepBack).toEqual({ evidenceId: 'cut', type: 'budget_cut', toStageKey: 'feasibility_and_budget', at: at(10) });
    // Evidence of the budget stage itself still counts; the criteria draft no longer does.
    expect(ids(i)).toEqual(['b', 'cut']);
    const s = i.explanation.summary;
    expect(s.code).toBe('inference.stage_after_step_back');
    expect(s.params).toMatchObject({ stepBackType: 'budget_cut', toStage: 'feasibility_and_budget', date: '2024-03-11', stage: 'feasibility_and_budget' });
    expect(s.text['zh-CN']).toContain('2024-03-11「预算被削减」使项目退回「研究可行性，确定预算」');
    expect(s.text.en).toContain('On 2024-03-11, "Budget cut" sent the project back to "Feasibility studied, budget set"');
  });
  it('evidence after the cut moves it forward again; evidence before it does not', () => {
    const i = infer([...beforeCut, cut, ev('ba', 'budget_approved', 15, 'c3'), ev('p2', 'project_approved', 20, 'c3')]);
    expect(i.stageKey).toBe('project_and_team');
    expect(ids(i)).toEqual(['p2']);
    expect(i.explanation.stepBack?.evidenceId).toBe('cut');
    expect(i.explanation.summary.params.stage).toBe('project_and_team');
  });
  it('a failed tender sends the project back to tendering; a preferred status before it no longer counts', () => {
    const tender = [
      ...beforeCut,
      ev('bid', 'bid_submitted', 10, 'c2'),
      ev('sl', 'shortlisted', 12, 'c2', true),
      ev('pref', 'preferred_supplier_notified', 13, 'c2'),
      ev('tf', 'tender_failed', 14, null, true),
    ];
    const i = infer(tender);
    expect(i.stageKey).toBe('tender_and_screening');
    expect(ids(i)).toEqual(['bid', 'sl', 'tf']);
    expect(i.explanation.stepBack?.toStageKey).toBe('tender_and_screening');
    const again = infer([...tender, ev('inv', 'invitation_received', 20, 'c3')]);
    expect(again.stageKey).toBe('tender_and_screening');
    expect(ids(again)).toEqual(['bid', 'sl', 'tf', 'inv']);
  });
  it('a lost preferred status falls back to screening', () => {
    const i = infer([ev('pref', 'preferred_supplier_notified', 1, 'c1'), ev('neg', 'negotiation_meeting', 3, 'c1'), ev('lost', 'preferred_supplier_lost', 5, 'c1')]);
    expect(i.stageKey).toBe('tender_and_screening');
    expect(ids(i)).toEqual(['lost']);
    expect(infer([ev('neg', 'negotiation_meeting', 3, 'c1'), ev('lost', 'preferred_supplier_lost', 5, 'c1')], 30, PURCHASING_CYCLE_5).stageKey).toBe('evaluation');
  });
  it('a suspended project goes back to the first stage', () => {
    const i = infer([ev('c', 'contract_signed', 1), ev('s', 'project_suspended', 2, 'c1')]);
    expect(i.stageKey).toBe('problem_and_need');
    expect(i.explanation.stepBack?.type).toBe('project_suspended');
  });
  it('only the latest step back counts', () => {
    const i = infer([ev('c', 'contract_signed', 1), ev('s', 'project_suspended', 2), ev('n', 'need_expressed', 3, 'c1'), ev('cut', 'budget_cut', 4, 'c1')]);
    expect(i.stageKey).toBe('feasibility_and_budget');
    expect(i.explanation.stepBack?.evidenceId).toBe('cut');
    const j = infer([ev('cut', 'budget_cut', 4, 'c1'), ev('s', 'project_suspended', 2), ev('c', 'contract_signed', 1)]);
    expect(j.explanation.stepBack?.evidenceId).toBe('cut');
  });
  it('at the same instant, input order decides what came later', () => {
    const cutThenApproval = infer([ev('cut', 'budget_cut', 5), ev('p', 'project_approved', 5)]);
    expect(cutThenApproval.stageKey).toBe('project_and_team');
    const approvalThenCut = infer([ev('p', 'project_approved', 5), ev('cut', 'budget_cut', 5)]);
    expect(approvalThenCut.stageKey).toBe('feasibility_and_budget');
    const twoSteps = infer([ev('tf', 'tender_failed', 5), ev('cut', 'budget_cut', 5)]);
    expect(twoSteps.explanation.stepBack?.evidenceId).toBe('cut');
  });
});

describe('confidence', () => {
  it('follows the documented formula', () => {
    expect(inferenceConfidence({ independentContacts: 1, verified: 0, ageDays: 0 })).toBe(0.285);
    expect(inferenceConfidence({ independentContacts: 2, verified: 0, ageDays: 0 })).toBe(0.588);
    expect(inferenceConfidence({ independentContacts: 1, verified: 1, ageDays: 0 })).toBe(0.625);
    expect(inferenceConfidence({ independentContacts: 2, verified: 2, ageDays: 0 })).toBe(0.813);
    expect(inferenceConfidence({ independentContacts: 0, verified: 0, ageDays: 0 })).toBe(0.15);
    expect(inferenceConfidence({ independentContacts: 2, verified: 2, ageDays: CONFIDENCE_HALF_LIFE_DAYS })).toBe(0.406);
    expect(inferenceConfidence({ independentContacts: 1, verified: 0, ageDays: -10 })).toBe(0.285);
    expect(inferenceConfidence({ independentContacts: -1, verified: -1, ageDays: 0 })).toBe(0.15);
  });
  it('stays within 0..1', () => {
    expect(inferenceConfidence({ independentContacts: 1000, verified: 1000, ageDays: 0 })).toBeLessThanOrEqual(1);
    expect(inferenceConfidence({ independentContacts: 0, verified: 0, ageDays: 1e6 })).toBeGreaterThanOrEqual(0);
  });
  it('is monotonic: more contacts or verified items never lower it, age never raises it', () => {
    for (let k = 0; k <= 6; k++)
      for (let v = 0; v <= 6; v++)
        for (const age of [0, 1, 14, 30, 90, 200, 400]) {
          const c = inferenceConfidence({ independentContacts: k, verified: v, ageDays: age });
          expect(inferenceConfidence({ independentContacts: k + 1, verified: v, ageDays: age })).toBeGreaterThanOrEqual(c);
          expect(inferenceConfidence({ independentContacts: k, verified: v + 1, ageDays: age })).toBeGreaterThanOrEqual(c);
          expect(inferenceConfidence({ independentContacts: k, verified: v, ageDays: age + 10 })).toBeLessThanOrEqual(c);
        }
  });
  it('punishes support that is only unverified and single-source', () => {
    const single = inferenceConfidence({ independentContacts: 1, verified: 0, ageDays: 0 });
    expect(inferenceConfidence({ independentContacts: 2, verified: 0, ageDays: 0 }) / single).toBeGreaterThan(2);
    expect(inferenceConfidence({ independentContacts: 1, verified: 1, ageDays: 0 }) / single).toBeGreaterThan(2);
  });
  it('rises with confirming contacts and verification, falls with age, through inferStage', () => {
    const one = infer([ev('a', 'shortlisted', 29, 'c1')]);
    const sameContactAgain = infer([ev('a', 'shortlisted', 29, 'c1'), ev('b', 'bid_submitted', 29, 'c1')]);
    const two = infer([ev('a', 'shortlisted', 29, 'c1'), ev('b', 'bid_submitted', 29, 'c2')]);
    const twoVerified = infer([ev('a', 'shortlisted', 29, 'c1', true), ev('b', 'bid_submitted', 29, 'c2')]);
    const old = infer([ev('a', 'shortlisted', 29, 'c1', true), ev('b', 'bid_submitted', 29, 'c2')], 200);
    expect(sameContactAgain.confidence).toBe(one.confidence);
    expect(two.confidence).toBeGreaterThan(one.confidence);
    expect(twoVerified.confidence).toBeGreaterThan(two.confidence);
    expect(old.confidence).toBeLessThan(twoVerified.confidence);
    expect(old.confidence).toBeGreaterThan(0);
  });
  it('ages from the newest supporting piece, and future evidence counts as fresh', () => {
    const a = infer([ev('a', 'shortlisted', 0, 'c1'), ev('b', 'bid_submitted', 29, 'c1')]);
    expect(a.confidence).toBe(inferenceConfidence({ independentContacts: 1, verified: 0, ageDays: 1 }));
    expect(infer([ev('a', 'shortlisted', 40, 'c1')]).confidence).toBe(0.285);
  });
});

describe('compareWithSet', () => {
  const inferred = infer([ev('a', 'criteria_draft_received', 1, 'c1')]);
  it('no stage set', () => {
    const c = compareWithSet(INTERNAL_8, null, inferred);
    expect(c.status).toBe('no_set');
    expect(c.message.code).toBe('stage.no_set');
    expect(c.message.text['zh-CN']).toBe('未手动设定阶段，采用证据推断的「建立采购标准」。');
  });
  it('a set stage that is not in the model', () => {
    const c = compareWithSet(INTERNAL_8, 'evaluation', inferred);
    expect(c.status).toBe('no_set');
    expect(c.message.code).toBe('stage.set_unknown');
    expect(c.message.params).toEqual({ set: 'evaluation', inferred: 'purchasing_criteria' });
  });
  it('agree', () => {
    const c = compareWithSet(INTERNAL_8, 'purchasing_criteria', inferred);
    expect(c).toEqual({
      status: 'agree',
      message: { code: 'stage.agree', params: { stage: 'purchasing_criteria' }, text: { 'zh-CN': '设定的阶段与证据一致：「建立采购标准」。', en: 'The stage set agrees with the evidence: "Purchasing criteria set".' } },
    });
  });
  it('set ahead of the evidence (the salesperson is optimistic)', () => {
    const c = compareWithSet(INTERNAL_8, 'commercial_negotiation', inferred);
    expect(c.status).toBe('set_ahead');
    expect(c.message.text.en).toBe(
      'The stage set, "Commercial negotiation", is ahead of the evidence, which supports only "Purchasing criteria set". Record evidence of "Commercial negotiation" or move the stage back.',
    );
  });
  it('set behind the evidence', () => {
    const c = compareWithSet(INTERNAL_8, 'problem_and_need', inferred);
    expect(c.status).toBe('set_behind');
    expect(c.message.params).toEqual({ set: 'problem_and_need', inferred: 'purchasing_criteria' });
    expect(c.message.text['zh-CN']).toBe('证据显示客户已到「建立采购标准」，但设定的阶段仍是「发现问题，提出需求」，请更新阶段。');
  });
  it('falls back to the stage key when the inference belongs to another model', () => {
    const foreign = infer([ev('a', 'repurchase_intent', 1, 'c1')], 30, INTERNAL_8); // index 8
    const c = compareWithSet(PURCHASING_CYCLE_5, null, foreign);
    expect(c.message.text.en).toBe('No stage set by hand; the evidence places the customer at "after_sales".');
  });
});

describe('performance shape', () => {
  it('gives the same answer on repeated calls (per-model index is cached)', () => {
    const evidence = [ev('a', 'need_expressed', 0, 'c1'), ev('b', 'shortlisted', 3, 'c2')];
    const first = infer(evidence);
    for (let n = 0; n < 1000; n++) expect(infer(evidence).stageKey).toBe(first.stageKey);
  });
});
