import { describe, expect, it } from 'vitest';
import { EVIDENCE_KINDS, type EvidenceFact } from './evidence';
import {
  compareWithSet,
  CONFIDENCE_HALF_LIFE_DAYS,
  inferenceConfidence,
  inferStage,
  KIND_WEIGHT,
  kindsText,
  sourceOf,
  stageAtFirstContact,
  strengthOf,
  type ConfidencePiece,
  type Inference,
} from './inference';
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
    expect(i.explanation.evidence[1]).toEqual({ id: 'e6', type: 'specification_discussed', kind: 'observed', sourceContactId: 'c3', verified: true, occurredAt: at(22) });
  });
  it('explains itself in both languages', () => {
    const s = infer(linear).explanation.summary;
    expect(s.code).toBe('inference.stage');
    expect(s.params).toEqual({ stage: 'purchasing_criteria', count: 2, contacts: 2, verified: 1, kinds: 'documentary:1,observed:1', strength: 'documented' });
    expect(s.text['zh-CN']).toBe('2 条证据表明客户处于「建立采购标准」（1 份书面文件、1 次我方所见），来自 2 位独立联系人，其中 1 条已核实。有书面文件或公开记录为证。');
    expect(s.text.en).toBe('2 pieces of evidence place the customer at "Purchasing criteria set" (1 document, 1 observation), from 2 independent contacts, 1 verified. A document or public record shows it.');
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
    expect(s.text.en).toContain('(2 statements by contacts)');
    expect(s.text['zh-CN']).toContain('（2 条联系人陈述）');
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

describe('confidence: evidence has strength', () => {
  const p = (type: string, contact: string | null = null, verified = false): ConfidencePiece => ({ type, sourceContactId: contact, verified });
  it('follows the documented formula, with its worked examples', () => {
    // One contact said so on the phone.
    expect(inferenceConfidence([p('budget_known', 'c1')], 0)).toBe(0.4);
    // The same contact saying it again is not a second source.
    expect(inferenceConfidence([p('budget_known', 'c1'), p('budget_approved', 'c1')], 0)).toBe(0.4);
    // Two contacts: 1 - 0.6 * 0.6.
    expect(inferenceConfidence([p('budget_known', 'c1'), p('budget_known', 'c2')], 0)).toBe(0.64);
    // Verified by us.
    expect(inferenceConfidence([p('budget_known', 'c1', true)], 0)).toBe(0.7);
    // A signed contract, from whoever handed it over: 0.9, verified 0.95.
    expect(inferenceConfidence([p('contract_signed', 'c1')], 0)).toBe(0.9);
    expect(inferenceConfidence([p('contract_signed', null, true)], 0)).toBe(0.95);
    // Two copies of one kind of document are one source; two kinds of document are two.
    expect(inferenceConfidence([p('contract_signed', 'c1'), p('contract_signed', 'c2')], 0)).toBe(0.9);
    expect(inferenceConfidence([p('invitation_received'), p('bid_submitted')], 0)).toBe(0.99);
    // A published tender notice and one contact: 1 - 0.1 * 0.6.
    expect(inferenceConfidence([p('tender_notice_published'), p('demo_or_trial_requested', 'c1')], 0)).toBe(0.96);
    expect(inferenceConfidence([p('tender_notice_published'), p('need_expressed', 'c1')], 0)).toBe(0.94);
    // Seen by us: 0.6; the same contact seen and heard counts once, at its strongest.
    expect(inferenceConfidence([p('negotiation_meeting', 'c1')], 0)).toBe(0.6);
    expect(inferenceConfidence([p('negotiation_meeting', 'c1'), p('price_concession', 'c1', true)], 0)).toBe(0.8);
    // Unattributed statements count once per type.
    expect(inferenceConfidence([p('need_expressed'), p('need_expressed'), p('dissatisfaction_with_incumbent')], 0)).toBe(0.64);
    // 90 days old halves it; the future counts as fresh; nothing is nothing.
    expect(inferenceConfidence([p('contract_signed', 'c1')], CONFIDENCE_HALF_LIFE_DAYS)).toBe(0.45);
    expect(inferenceConfidence([p('budget_known', 'c1')], -10)).toBe(0.4);
    expect(inferenceConfidence([], 0)).toBe(0);
  });
  it('the weights order the kinds: documents and public records over what we saw over what we were told', () => {
    expect(KIND_WEIGHT.documentary.unverified).toBeGreaterThan(KIND_WEIGHT.observed.unverified);
    expect(KIND_WEIGHT.public_record.unverified).toBe(KIND_WEIGHT.documentary.unverified);
    expect(KIND_WEIGHT.observed.unverified).toBeGreaterThan(KIND_WEIGHT.stated.unverified);
    for (const k of EVIDENCE_KINDS) expect(KIND_WEIGHT[k].verified).toBeGreaterThan(KIND_WEIGHT[k].unverified);
    expect(sourceOf(p('contract_signed', 'c1'))).toBe('record:contract_signed');
    expect(sourceOf(p('budget_known', 'c1'))).toBe('contact:c1');
    expect(sourceOf(p('budget_known'))).toBe('unattributed:budget_known');
  });
  it('is monotonic: a piece added or verified never lowers it, age never raises it', () => {
    const pool = [p('need_expressed', 'c1'), p('budget_known', 'c2'), p('negotiation_meeting', 'c1'), p('contract_signed', 'c3'), p('tender_notice_published'), p('budget_cut')];
    for (let mask = 0; mask < 1 << pool.length; mask++) {
      const pieces = pool.filter((_, i) => mask & (1 << i));
      for (const age of [0, 14, 90, 400]) {
        const c = inferenceConfidence(pieces, age);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
        for (const extra of pool) expect(inferenceConfidence([...pieces, extra], age)).toBeGreaterThanOrEqual(c);
        expect(inferenceConfidence(pieces.map((x) => ({ ...x, verified: true })), age)).toBeGreaterThanOrEqual(c);
        expect(inferenceConfidence(pieces, age + 10)).toBeLessThanOrEqual(c);
      }
    }
  });
  it('a signed contract from one contact is strong (it was 0.27 when all evidence weighed the same)', () => {
    const i = infer([ev('k', 'contract_signed', 29, 'c1')]);
    expect(i.confidence).toBeGreaterThan(0.85);
    expect(i.explanation.strength).toBe('documented');
    expect(i.explanation.kinds).toEqual({ documentary: 1 });
    expect(i.explanation.evidence[0]!.kind).toBe('documentary');
    expect(i.explanation.summary.text.en).toBe('1 piece of evidence places the customer at "Contract signed" (1 document), from 1 independent contact, 0 verified. A document or public record shows it.');
    expect(i.explanation.summary.text['zh-CN']).toBe('1 条证据表明客户处于「签约」（1 份书面文件），来自 1 位独立联系人，其中 0 条已核实。有书面文件或公开记录为证。');
  });
  it('the explanation says what the support is made of and how firm it is', () => {
    const stated = infer([ev('a', 'budget_known', 29, 'c1'), ev('b', 'budget_approved', 29, 'c2')]);
    expect(stated.explanation.strength).toBe('stated');
    expect(stated.explanation.summary.params).toMatchObject({ strength: 'stated', kinds: 'stated:2' });
    expect(stated.explanation.summary.text.en).toContain('(2 statements by contacts)');
    expect(stated.explanation.summary.text.en).toContain('So far only what contacts said; a document or a public record would make it firm.');
    expect(stated.explanation.summary.text['zh-CN']).toContain('（2 条联系人陈述）');
    expect(stated.explanation.summary.text['zh-CN']).toContain('目前只有联系人的说法');
    const seen = infer([ev('a', 'negotiation_meeting', 29, 'c1'), ev('b', 'price_concession', 29, 'c1')]);
    expect(seen.explanation.strength).toBe('observed');
    expect(seen.explanation.summary.text.en).toContain('(2 observations)');
    expect(seen.explanation.summary.text.en).toContain('We saw it happen, but nothing is on paper yet.');
    const mixed = infer([ev('a', 'tender_notice_published', 29), ev('b', 'invitation_received', 29, 'c1'), ev('c', 'demo_or_trial_requested', 29, 'c2'), ev('d', 'shortlisted', 29, 'c2')]);
    expect(mixed.explanation.kinds).toEqual({ public_record: 1, documentary: 2, observed: 1 });
    expect(mixed.explanation.summary.text.en).toContain('(2 documents, 1 public record, 1 observation)');
    expect(mixed.explanation.summary.text['zh-CN']).toContain('（2 份书面文件、1 条公开记录、1 次我方所见）');
    expect(strengthOf([])).toEqual({ kinds: {}, strength: null });
    // The wording of each combination is kept (bounded), and the same either way.
    for (let n = 1; n <= 10_050; n++) kindsText(`stated:${n}`, { stated: n });
    expect(kindsText('stated:10050', { stated: 10_050 })).toEqual({ 'zh-CN': '10050 条联系人陈述', en: '10050 statements by contacts' });
  });
  it('rises with confirming sources and verification, falls with age, through inferStage', () => {
    const one = infer([ev('a', 'demo_or_trial_requested', 29, 'c1')]);
    const sameContactAgain = infer([ev('a', 'demo_or_trial_requested', 29, 'c1'), ev('b', 'demo_or_trial_requested', 29, 'c1')]);
    const two = infer([ev('a', 'demo_or_trial_requested', 29, 'c1'), ev('b', 'demo_or_trial_requested', 29, 'c2')]);
    const twoVerified = infer([ev('a', 'demo_or_trial_requested', 29, 'c1', true), ev('b', 'demo_or_trial_requested', 29, 'c2')]);
    const old = infer([ev('a', 'demo_or_trial_requested', 29, 'c1', true), ev('b', 'demo_or_trial_requested', 29, 'c2')], 200);
    expect(sameContactAgain.confidence).toBe(one.confidence);
    expect(two.confidence).toBeGreaterThan(one.confidence);
    expect(twoVerified.confidence).toBeGreaterThan(two.confidence);
    expect(old.confidence).toBeLessThan(twoVerified.confidence);
    expect(old.confidence).toBeGreaterThan(0);
  });
  it('ages from the newest supporting piece, and future evidence counts as fresh', () => {
    const a = infer([ev('a', 'shortlisted', 0, 'c1'), ev('b', 'bid_submitted', 29, 'c1')]);
    expect(a.confidence).toBe(inferenceConfidence([p('shortlisted', 'c1'), p('bid_submitted', 'c1')], 1));
    expect(infer([ev('a', 'demo_or_trial_requested', 40, 'c1')]).confidence).toBe(0.6);
  });
});

describe('stageAtFirstContact', () => {
  it('is null before any interaction', () => {
    expect(stageAtFirstContact(INTERNAL_8, [ev('a', 'tender_notice_published', 1)], [])).toBeNull();
  });
  it('is what the first interaction itself reveals: a tender notice as the first contact means tendering', () => {
    const first = stageAtFirstContact(INTERNAL_8, [ev('t', 'tender_notice_published', 3)], [{ occurredAt: at(3) }]);
    expect(first).toEqual({ stageKey: 'tender_and_screening', at: at(3) });
  });
  it('counts what was known before it and nothing after', () => {
    const evidence = [ev('n', 'need_expressed', 1, 'c1'), ev('c', 'criteria_draft_received', 10, 'c1'), ev('t', 'tender_notice_published', 20)];
    expect(stageAtFirstContact(INTERNAL_8, evidence, [{ occurredAt: at(10) }, { occurredAt: at(20) }])!.stageKey).toBe('purchasing_criteria');
    expect(stageAtFirstContact(INTERNAL_8, evidence, [{ occurredAt: at(5) }])!.stageKey).toBe('problem_and_need');
    expect(stageAtFirstContact(INTERNAL_8, [], [{ occurredAt: at(5) }])!.stageKey).toBe('problem_and_need');
  });
  it('an interaction logged later but dated earlier becomes the first contact', () => {
    const evidence = [ev('t', 'tender_notice_published', 20), ev('n', 'need_expressed', 2, 'c1')];
    const loggedInOrder = [{ occurredAt: at(20) }];
    expect(stageAtFirstContact(INTERNAL_8, evidence, loggedInOrder)!.stageKey).toBe('tender_and_screening');
    const withAnEarlierOneLoggedAfter = [{ occurredAt: at(20) }, { occurredAt: at(2) }];
    expect(stageAtFirstContact(INTERNAL_8, evidence, withAnEarlierOneLoggedAfter)).toEqual({ stageKey: 'problem_and_need', at: at(2) });
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
