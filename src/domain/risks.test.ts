import { describe, expect, it } from 'vitest';
import { INTERNAL_8, PURCHASING_CYCLE_5, validateProcessModel, type ProcessModel } from './process-models';
import {
  buyingCenterGaps,
  DEFAULT_RISK_THRESHOLDS,
  engagedContacts,
  evaluateRisks,
  neededRoles,
  pendingRiskChecks,
  informationIslandLimit,
  RISK_CODES,
  RISK_TITLES,
  riskTitle,
  validateRiskThresholds,
  type RiskContact,
  type RiskInput,
  type RiskThresholds,
} from './risks';

const T0 = Date.UTC(2024, 0, 1);
const at = (day: number) => new Date(T0 + day * 86_400_000);

const boss: RiskContact = { id: 'boss', name: '张院长', roles: ['decision_maker'], isCoach: false, attitude: 'supporter', influence: 5 };
const engineer: RiskContact = { id: 'eng', name: '李工', roles: ['user', 'influencer'], isCoach: true, attitude: 'neutral', influence: 3 };
const buyer: RiskContact = { id: 'buy', name: '王主任', roles: ['purchaser'], isCoach: false, attitude: 'neutral', influence: 3 };

/** A healthy open opportunity at "project and team": no risk fires. */
const base = (over: Partial<RiskInput> = {}): RiskInput => ({
  model: INTERNAL_8,
  stageKey: 'project_and_team',
  outcome: 'open',
  stageEnteredAt: at(20),
  createdAt: at(0),
  facts: [{ kind: 'budget', sourceContactIds: ['boss'], verified: true }],
  contacts: [boss, engineer],
  interactions: [
    { occurredAt: at(22), contactIds: ['boss', 'eng'] },
    { occurredAt: at(25), contactIds: ['eng'] },
    { occurredAt: at(28), contactIds: ['boss'] },
  ],
  firstInteractionStageKey: 'problem_and_need',
  competitors: [{ position: 'active', name: 'Rival' }],
  stageDurationP75Days: 30,
  now: at(30),
  ...over,
});
const codes = (input: RiskInput, t: RiskThresholds = DEFAULT_RISK_THRESHOLDS) => evaluateRisks(input, t).map((r) => r.code);
const risk = (input: RiskInput, code: string, t: RiskThresholds = DEFAULT_RISK_THRESHOLDS) => evaluateRisks(input, t).find((r) => r.code === code);

describe('evaluateRisks: general', () => {
  it('a healthy opportunity has no risks', () => {
    expect(evaluateRisks(base())).toEqual([]);
  });
  it('closed opportunities have no risks', () => {
    const bad = base({ contacts: [], facts: [{ kind: 'budget', sourceContactIds: [], verified: false }], interactions: [] });
    expect(evaluateRisks(bad).length).toBeGreaterThan(0);
    for (const outcome of ['won', 'lost', 'abandoned'] as const) expect(evaluateRisks({ ...bad, outcome })).toEqual([]);
  });
  it('rejects a stage that is not in the model', () => {
    expect(() => evaluateRisks(base({ stageKey: 'evaluation' }))).toThrow(RangeError);
  });
  it('sorts by severity, then by code order', () => {
    const r = evaluateRisks(
      base({
        stageKey: 'preferred_supplier',
        contacts: [{ ...engineer, isCoach: false }],
        facts: [{ kind: 'budget', sourceContactIds: ['eng'], verified: false }],
        firstInteractionStageKey: 'purchasing_criteria',
      }),
    );
    expect(r.map((x) => [x.code, x.severity])).toEqual([
      ['unverified_facts', 'high'],
      ['no_overall_view', 'high'],
      ['no_coach', 'high'],
      ['entered_late', 'medium'],
    ]);
  });
  it('titles every code in both languages', () => {
    expect(RISK_CODES).toEqual(['unverified_facts', 'single_channel', 'no_overall_view', 'no_coach', 'information_island', 'entered_late', 'incumbent_entrenched', 'decision_delayed']);
    expect(Object.keys(RISK_TITLES)).toEqual([...RISK_CODES]);
    expect(riskTitle('information_island')).toEqual({ 'zh-CN': '信息孤岛', en: 'Information island' });
    for (const c of RISK_CODES) expect(riskTitle(c)['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });
  it('uses the default thresholds when none are given', () => {
    expect(evaluateRisks(base({ contacts: [engineer], stageKey: 'purchasing_criteria' })).map((r) => r.code)).toEqual(['no_overall_view']);
  });
});

describe('unverified_facts', () => {
  const fact = (sourceContactIds: string[], verified = false) => [{ kind: 'budget' as const, sourceContactIds, verified }];
  it('fires below the minimum of independent sources, not at it', () => {
    expect(codes(base({ facts: fact(['boss']) }))).toEqual(['unverified_facts']);
    expect(codes(base({ facts: fact([]) }))).toEqual(['unverified_facts']);
    expect(codes(base({ facts: fact(['boss', 'eng']) }))).toEqual([]);
    expect(codes(base({ facts: fact(['boss', 'boss']) }))).toEqual(['unverified_facts']);
    expect(codes(base({ facts: fact(['boss']) }), { ...DEFAULT_RISK_THRESHOLDS, minIndependentSources: 1 })).toEqual([]);
  });
  it('does not fire for a verified fact or an absent one', () => {
    expect(codes(base({ facts: fact(['boss'], true) }))).toEqual([]);
    expect(codes(base({ facts: [] }))).toEqual([]);
  });
  it('merges several entries of one kind', () => {
    const facts = [
      { kind: 'decision_date' as const, sourceContactIds: ['boss'], verified: false },
      { kind: 'decision_date' as const, sourceContactIds: ['eng'], verified: false },
    ];
    expect(codes(base({ facts }))).toEqual([]);
    expect(codes(base({ facts: [facts[0]!, { ...facts[0]!, verified: true }] }))).toEqual([]);
  });
  it('names each weak fact with its number of sources', () => {
    const r = risk(
      base({
        facts: [
          { kind: 'budget', sourceContactIds: ['boss'], verified: false },
          { kind: 'decision_date', sourceContactIds: [], verified: false },
          { kind: 'decision_criteria', sourceContactIds: ['boss'], verified: true },
        ],
      }),
      'unverified_facts',
    )!;
    expect(r.message.params).toEqual({ facts: 'budget,decision_date', min: 2 });
    expect(r.message.text['zh-CN']).toBe('预算（1 个来源）、决策时间（0 个来源）未经核实，且独立来源少于 2 个，可能是“假话当真话”。');
    expect(r.message.text.en).toBe('Budget (1 source), Decision date (0 sources): not verified and fewer than 2 independent sources; it may not be true.');
  });
  it('grows more severe the further the project is', () => {
    const facts = fact(['boss']);
    expect(risk(base({ facts, stageKey: 'feasibility_and_budget' }), 'unverified_facts')!.severity).toBe('low');
    expect(risk(base({ facts, stageKey: 'project_and_team' }), 'unverified_facts')!.severity).toBe('medium');
    expect(risk(base({ facts, stageKey: 'commercial_negotiation' }), 'unverified_facts')!.severity).toBe('high');
  });
});

describe('single_channel', () => {
  const with1 = (n: number, others = 0, joint = 0, none = 0) => [
    ...Array.from({ length: n }, (_, i) => ({ occurredAt: at(29 - i * 0.1), contactIds: ['boss'] })),
    ...Array.from({ length: others }, () => ({ occurredAt: at(27), contactIds: ['eng'] })),
    ...Array.from({ length: joint }, () => ({ occurredAt: at(27), contactIds: ['boss', 'eng'] })),
    ...Array.from({ length: none }, () => ({ occurredAt: at(27), contactIds: [] })),
  ];
  it('fires when every interaction goes through one contact, from the minimum count on', () => {
    const r = risk(base({ interactions: with1(3) }), 'single_channel')!;
    expect(r.severity).toBe('high');
    expect(r.message.params).toEqual({ contactId: 'boss', count: 3, total: 3, percent: 100, min: 3 });
    expect(r.message.text.en).toBe('3 of 3 interactions with the customer (100%) were with the same single contact; nothing can be cross-checked (judged from 3 such interactions on).');
    expect(r.message.text['zh-CN']).toBe('3 次有客户参与的互动中，3 次（100%）只有同一位联系人，信息无法交叉验证（满 3 次这样的互动才判断）。');
    expect(codes(base({ interactions: with1(2) }))).toEqual([]);
  });
  it('fires at the share threshold, not below it', () => {
    expect(risk(base({ interactions: with1(4, 1) }), 'single_channel')?.severity).toBe('medium');
    expect(codes(base({ interactions: with1(4, 2) }))).toEqual([]);
    expect(codes(base({ interactions: with1(4, 2) }), { ...DEFAULT_RISK_THRESHOLDS, singleChannelShare: 0.6 })).toEqual(['single_channel']);
  });
  it('meetings with several contacts widen the channel; interactions without contacts do not count', () => {
    expect(codes(base({ interactions: with1(4, 0, 1) }))).toEqual(['single_channel']);
    expect(codes(base({ interactions: with1(3, 0, 2) }))).toEqual([]);
    expect(codes(base({ interactions: with1(2, 0, 0, 5) }))).toEqual([]);
    expect(codes(base({ interactions: with1(0, 0, 3) }))).toEqual([]);
  });
});

describe('no_overall_view: known is not engaged', () => {
  it('fires from the evaluate backbone when no decision maker is known', () => {
    const r = risk(base({ stageKey: 'purchasing_criteria', contacts: [engineer] }), 'no_overall_view')!;
    expect(r.severity).toBe('high');
    expect(r.message.params).toEqual({ stage: 'purchasing_criteria', unknown: 'decision_maker', notMet: '', contactIds: '' });
    expect(r.message.text['zh-CN']).toBe('客户已到「建立采购标准」，我们只接触了采购小组的一部分：还不知道谁是决策者。');
    expect(r.message.text.en).toBe('The customer is at "Purchasing criteria set" and we have met only part of the buying center: no decision maker known.');
    expect(codes(base({ stageKey: 'project_and_team', contacts: [engineer] }))).toEqual([]);
    expect(codes(base({ stageKey: 'purchasing_criteria' }))).toEqual([]);
  });
  it('a decision maker recorded but never in an interaction is named as known but never met', () => {
    const interactions = [
      { occurredAt: at(25), contactIds: ['eng'] },
      { occurredAt: at(28), contactIds: ['eng', 'other'] },
    ];
    const r = risk(base({ stageKey: 'purchasing_criteria', interactions }), 'no_overall_view')!;
    expect(r.severity).toBe('high');
    expect(r.message.params).toEqual({ stage: 'purchasing_criteria', unknown: '', notMet: 'decision_maker', contactIds: 'boss' });
    expect(r.message.text.en).toBe('The customer is at "Purchasing criteria set" and we have met only part of the buying center: decision maker 张院长 known but never met.');
    expect(r.message.text['zh-CN']).toBe('客户已到「建立采购标准」，我们只接触了采购小组的一部分：已知决策者张院长，但从未接触。');
    // One meeting with the boss closes the gap.
    expect(codes(base({ stageKey: 'purchasing_criteria', interactions: [...interactions, { occurredAt: at(29), contactIds: ['boss', 'eng'] }] }))).toEqual([]);
  });
  it('from the decision on, the purchaser is needed too; several people of one role are all named', () => {
    const boss2: RiskContact = { ...boss, id: 'boss2', name: '赵书记' };
    const interactions = [{ occurredAt: at(28), contactIds: ['eng'] }, { occurredAt: at(29), contactIds: ['eng'] }, { occurredAt: at(29.5), contactIds: ['buy', 'eng'] }];
    const r = risk(base({ stageKey: 'preferred_supplier', contacts: [boss, boss2, engineer], interactions }), 'no_overall_view')!;
    expect(r.message.params).toMatchObject({ unknown: 'purchaser', notMet: 'decision_maker', contactIds: 'boss,boss2' });
    expect(r.message.text.en).toBe('The customer is at "Preferred supplier chosen" and we have met only part of the buying center: decision maker 张院长, 赵书记 known but never met, no purchaser known.');
    expect(r.message.text['zh-CN']).toContain('已知决策者张院长、赵书记，但从未接触、还不知道谁是采购者');
    // Only the purchaser missing: medium.
    const onlyPurchaser = risk(base({ stageKey: 'preferred_supplier', contacts: [boss, engineer, buyer] }), 'no_overall_view')!;
    expect(onlyPurchaser.severity).toBe('medium');
    expect(onlyPurchaser.message.params).toMatchObject({ unknown: '', notMet: 'purchaser', contactIds: 'buy' });
    expect(codes(base({ stageKey: 'preferred_supplier', contacts: [boss, engineer, buyer], interactions: [...base().interactions, { occurredAt: at(29), contactIds: ['buy'] }] }))).toEqual([]);
  });
  it('the users are needed from the evaluation on', () => {
    const r = risk(base({ stageKey: 'purchasing_criteria', contacts: [boss], interactions: [{ occurredAt: at(28), contactIds: ['boss', 'x'] }] }), 'no_overall_view')!;
    expect(r.severity).toBe('medium');
    expect(r.message.params).toMatchObject({ unknown: 'user' });
    expect(r.message.text.en).toContain('no user known');
  });
  it('says when no role at all is known', () => {
    const r = risk(base({ stageKey: 'purchasing_criteria', contacts: [] }), 'no_overall_view')!;
    expect(r.message.text.en).toBe('The customer is at "Purchasing criteria set" and we have met only part of the buying center: no decision maker known, no user known.');
  });
  it('follows the configured backbone', () => {
    expect(codes(base({ contacts: [engineer] }), { ...DEFAULT_RISK_THRESHOLDS, decisionMakerBackbone: 'research' })).toEqual(['no_overall_view']);
    expect(neededRoles('research', { ...DEFAULT_RISK_THRESHOLDS, decisionMakerBackbone: 'research' })).toEqual(['decision_maker']);
    expect(neededRoles('need', DEFAULT_RISK_THRESHOLDS)).toEqual([]);
    expect(neededRoles('evaluate', DEFAULT_RISK_THRESHOLDS)).toEqual(['decision_maker', 'user']);
    expect(neededRoles('use', DEFAULT_RISK_THRESHOLDS)).toEqual(['decision_maker', 'user', 'purchaser']);
  });
  it('engagement comes from the interactions, and gaps list the roles in order', () => {
    expect([...engagedContacts([{ occurredAt: at(1), contactIds: ['a', 'b'] }, { occurredAt: at(2), contactIds: ['b', 'c'] }])]).toEqual(['a', 'b', 'c']);
    const gaps = buyingCenterGaps({ contacts: [boss, engineer], interactions: [{ occurredAt: at(1), contactIds: ['eng'] }] }, ['decision_maker', 'user', 'purchaser']);
    expect(gaps.map((g) => [g.role, g.status, g.contacts.map((c) => c.id)])).toEqual([
      ['decision_maker', 'not_met', ['boss']],
      ['purchaser', 'unknown', []],
    ]);
  });
});

describe('pendingRiskChecks: single channel says what it waits for', () => {
  it('says how many interactions single channel waits for, until there are that many', () => {
    expect(pendingRiskChecks(base({ interactions: [] }))).toEqual([
      {
        code: 'risk.single_channel_pending',
        params: { min: 3, count: 0 },
        text: { 'zh-CN': '信息渠道单一：有客户参与的互动满 3 次才判断，目前 0 次。', en: 'Single channel: judged once there are 3 interactions with customer contacts; 0 so far.' },
      },
    ]);
    const two = [{ occurredAt: at(1), contactIds: ['boss'] }, { occurredAt: at(2), contactIds: ['boss'] }, { occurredAt: at(3), contactIds: [] }];
    expect(pendingRiskChecks(base({ interactions: two }))[0]!.params).toEqual({ min: 3, count: 2 });
    expect(pendingRiskChecks(base())).toEqual([]);
    expect(pendingRiskChecks(base({ interactions: two }), { ...DEFAULT_RISK_THRESHOLDS, singleChannelMinInteractions: 2 })).toEqual([]);
    expect(pendingRiskChecks(base({ interactions: two }), { ...DEFAULT_RISK_THRESHOLDS, singleChannelMinInteractions: 5 })[0]!.text.en).toBe('Single channel: judged once there are 5 interactions with customer contacts; 2 so far.');
    expect(pendingRiskChecks({ ...base({ interactions: [] }), outcome: 'won' })).toEqual([]);
    expect(pendingRiskChecks(base({ interactions: [] }), undefined)[0]!.params.min).toBe(3);
  });
});

describe('no_coach', () => {
  const noCoach = [boss, { ...engineer, isCoach: false }];
  it('fires once the project team forms (milestone 3), not before', () => {
    const r = risk(base({ contacts: noCoach }), 'no_coach')!;
    expect(r.severity).toBe('medium');
    expect(r.message.params).toEqual({ stage: 'project_and_team', milestone: 3, threshold: 3 });
    expect(codes(base({ contacts: noCoach, stageKey: 'feasibility_and_budget' }))).toEqual([]);
    expect(risk(base({ contacts: noCoach, stageKey: 'preferred_supplier' }), 'no_coach')!.severity).toBe('high');
  });
  it('uses the first milestone of a coarser model stage', () => {
    expect(codes(base({ model: PURCHASING_CYCLE_5, contacts: noCoach, stageKey: 'need_recognition' }))).toEqual([]);
    expect(codes(base({ model: PURCHASING_CYCLE_5, contacts: noCoach, stageKey: 'information_search' }))).toEqual(['no_coach']);
  });
});

describe('information_island', () => {
  // project_and_team is on the research backbone: 21 days by default.
  const last = (day: number) => [{ occurredAt: at(day), contactIds: ['boss', 'eng'] }];
  it('fires after the allowed days, not at them', () => {
    expect(codes(base({ interactions: last(9) }))).toEqual([]);
    const r = risk(base({ interactions: last(8.9) }), 'information_island')!;
    expect(r.severity).toBe('medium');
    expect(r.message.params).toEqual({ stage: 'project_and_team', days: 21, limit: 21 });
    expect(r.message.text['zh-CN']).toBe('已 21 天没有与客户互动，超过「项目立项，建立采购小组」阶段允许的 21 天。');
  });
  it('is high beyond twice the limit', () => {
    expect(risk(base({ interactions: last(-12), createdAt: at(-20) }), 'information_island')!.severity).toBe('medium');
    expect(risk(base({ interactions: last(-13), createdAt: at(-20) }), 'information_island')!.severity).toBe('high');
  });
  it('counts from creation when there was never an interaction', () => {
    expect(codes(base({ interactions: [], createdAt: at(9) }))).toEqual([]);
    const r = risk(base({ interactions: [], createdAt: at(5) }), 'information_island')!;
    expect(r.message.code).toBe('risk.information_island_never');
    expect(r.message.params.days).toBe(25);
  });
  it('follows the organization thresholds for built-in models', () => {
    const t = { ...DEFAULT_RISK_THRESHOLDS, informationIslandDays: { ...DEFAULT_RISK_THRESHOLDS.informationIslandDays, research: 30 } };
    expect(codes(base({ interactions: last(1) }), t)).toEqual([]);
    expect(codes(base({ interactions: last(-0.1) }), t)).toEqual(['information_island']);
  });
  it("an organization's own model decides per stage; 0 falls back to the thresholds", () => {
    const v = validateProcessModel({
      key: 'own-model',
      name: { 'zh-CN': '自定义', en: 'Own' },
      stages: [
        { key: 'early', name: { 'zh-CN': '早期', en: 'Early' }, backbone: 'need', milestones: [1, 2, 3], maxDaysWithoutContact: 5 },
        { key: 'late', name: { 'zh-CN': '后期', en: 'Late' }, backbone: 'decide', milestones: [4, 5, 6, 7, 8, 9] },
      ],
    });
    if (!v.ok) throw new Error('model');
    const own: ProcessModel = v.model;
    expect(informationIslandLimit(own, own.stages[0]!, DEFAULT_RISK_THRESHOLDS)).toBe(5);
    expect(informationIslandLimit(own, own.stages[1]!, DEFAULT_RISK_THRESHOLDS)).toBe(7);
    const builtInStage = INTERNAL_8.stages[0]!;
    expect(informationIslandLimit({ ...INTERNAL_8, builtIn: true }, { ...builtInStage, maxDaysWithoutContact: 3 }, DEFAULT_RISK_THRESHOLDS)).toBe(30);
    const input = { model: own, stageKey: 'early', facts: [], contacts: [boss, engineer], firstInteractionStageKey: 'early' };
    expect(codes(base({ ...input, interactions: last(25) }))).toEqual([]);
    expect(codes(base({ ...input, interactions: last(24.9) }))).toEqual(['information_island']);
  });
  it('falls back to the default when the thresholds lack the backbone', () => {
    const partial = { ...DEFAULT_RISK_THRESHOLDS, informationIslandDays: {} } as unknown as RiskThresholds;
    expect(informationIslandLimit(INTERNAL_8, INTERNAL_8.stages[2]!, partial)).toBe(21);
    const missing = { ...DEFAULT_RISK_THRESHOLDS, informationIslandDays: undefined } as unknown as RiskThresholds;
    expect(informationIslandLimit(INTERNAL_8, INTERNAL_8.stages[0]!, missing)).toBe(30);
  });
});

describe('entered_late', () => {
  it('fires when we first met the customer once criteria were set (milestone 4+)', () => {
    const r = risk(base({ firstInteractionStageKey: 'purchasing_criteria' }), 'entered_late')!;
    expect(r.severity).toBe('medium');
    expect(r.message.params).toEqual({ stage: 'purchasing_criteria', milestone: 4, threshold: 4 });
    expect(r.message.text.en).toContain('We first met the customer at "Purchasing criteria set"');
    expect(codes(base({ firstInteractionStageKey: 'project_and_team' }))).toEqual([]);
    expect(codes(base({ firstInteractionStageKey: 'purchasing_criteria' }), { ...DEFAULT_RISK_THRESHOLDS, enteredLateMilestone: 5 })).toEqual([]);
  });
  it('does not fire without a known first stage', () => {
    expect(codes(base({ firstInteractionStageKey: null }))).toEqual([]);
    expect(codes(base({ firstInteractionStageKey: 'evaluation' }))).toEqual([]);
  });
});

describe('incumbent_entrenched', () => {
  const incumbent = [{ position: 'incumbent' as const, name: 'OldCo' }, { position: 'active' as const, name: 'Rival' }];
  it('fires with an incumbent and no influential supporter', () => {
    const contacts = [{ ...boss, attitude: 'neutral' as const }, engineer];
    const r = risk(base({ competitors: incumbent, contacts }), 'incumbent_entrenched')!;
    expect(r.severity).toBe('medium');
    expect(r.message.params).toEqual({ names: 'OldCo', min: 4 });
    expect(r.message.text['zh-CN']).toBe('现有供应商 OldCo 仍在位，而我方没有影响力达到 4 的支持者。');
    expect(risk(base({ competitors: incumbent, contacts, stageKey: 'purchasing_criteria' }), 'incumbent_entrenched')!.severity).toBe('high');
  });
  it('does not fire with a supporter of enough influence, or without an incumbent', () => {
    expect(codes(base({ competitors: incumbent, contacts: [{ ...boss, influence: 4 }, engineer] }))).toEqual([]);
    expect(codes(base({ competitors: incumbent, contacts: [{ ...boss, influence: 3 }, engineer] }))).toEqual(['incumbent_entrenched']);
    expect(codes(base({ competitors: incumbent, contacts: [{ ...boss, attitude: 'opponent' }, engineer] }))).toEqual(['incumbent_entrenched']);
    expect(codes(base({ competitors: [{ position: 'preferred', name: 'X' }], contacts: [{ ...boss, attitude: 'neutral' }, engineer] }))).toEqual([]);
    expect(codes(base({ competitors: incumbent, contacts: [{ ...boss, influence: 3 }, engineer] }), { ...DEFAULT_RISK_THRESHOLDS, influentialSupporterMin: 3 })).toEqual([]);
  });
});

describe('decision_delayed', () => {
  // in stage since day 20, now day 30: 10 days.
  it('fires beyond the percentile, not at it', () => {
    expect(codes(base({ stageDurationP75Days: 10 }))).toEqual([]);
    const r = risk(base({ stageDurationP75Days: 9.5 }), 'decision_delayed')!;
    expect(r.severity).toBe('medium');
    expect(r.message.params).toEqual({ stage: 'project_and_team', days: 10, limit: 9.5, percentile: 75 });
    expect(r.message.text.en).toBe('In "Project approved, purchasing team formed" for 10 days, longer than this organization\'s 75th percentile for it (9.5 days).');
  });
  it('is high beyond twice the percentile; silent without history', () => {
    expect(risk(base({ stageDurationP75Days: 5 }), 'decision_delayed')!.severity).toBe('medium');
    expect(risk(base({ stageDurationP75Days: 4.9 }), 'decision_delayed')!.severity).toBe('high');
    expect(codes(base({ stageDurationP75Days: null }))).toEqual([]);
  });
});

describe('validateRiskThresholds', () => {
  const issues = (input: unknown) => {
    const v = validateRiskThresholds(input);
    if (v.ok) throw new Error('expected issues');
    return v.issues.map((i) => [i.path, i.message.code]);
  };
  it('accepts the defaults and fills in what is missing', () => {
    expect(validateRiskThresholds(DEFAULT_RISK_THRESHOLDS)).toEqual({ ok: true, thresholds: DEFAULT_RISK_THRESHOLDS });
    const v = validateRiskThresholds({ singleChannelShare: 0.9, informationIslandDays: { evaluate: 20 } });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.thresholds.singleChannelShare).toBe(0.9);
    expect(v.thresholds.informationIslandDays).toEqual({ ...DEFAULT_RISK_THRESHOLDS.informationIslandDays, evaluate: 20 });
    expect(v.thresholds.minIndependentSources).toBe(2);
    expect(DEFAULT_RISK_THRESHOLDS.informationIslandDays.evaluate).toBe(14);
  });
  it('has the documented defaults', () => {
    expect(DEFAULT_RISK_THRESHOLDS).toEqual({
      minIndependentSources: 2,
      singleChannelMinInteractions: 3,
      singleChannelShare: 0.8,
      decisionMakerBackbone: 'evaluate',
      coachMilestone: 3,
      enteredLateMilestone: 4,
      informationIslandDays: { need: 30, research: 21, evaluate: 14, decide: 7, buy: 14, use: 60 },
      decisionDelayedPercentile: 0.75,
      influentialSupporterMin: 4,
    });
  });
  it('rejects what is not an object', () => {
    expect(issues(null)).toEqual([['', 'risk_thresholds.not_object']]);
    expect(issues([1])).toEqual([['', 'risk_thresholds.not_object']]);
    expect(issues('x')).toEqual([['', 'risk_thresholds.not_object']]);
  });
  it('names each bad value with its range', () => {
    expect(issues({ minIndependentSources: 0 })).toEqual([['minIndependentSources', 'risk_thresholds.integer_range']]);
    expect(issues({ minIndependentSources: 1.5 })).toEqual([['minIndependentSources', 'risk_thresholds.integer_range']]);
    expect(issues({ singleChannelMinInteractions: 1 })).toEqual([['singleChannelMinInteractions', 'risk_thresholds.integer_range']]);
    expect(issues({ singleChannelShare: 0.4 })).toEqual([['singleChannelShare', 'risk_thresholds.number_range']]);
    expect(issues({ singleChannelShare: '0.8' })).toEqual([['singleChannelShare', 'risk_thresholds.number_range']]);
    expect(issues({ singleChannelShare: Number.NaN })).toEqual([['singleChannelShare', 'risk_thresholds.number_range']]);
    expect(issues({ coachMilestone: 10 })).toEqual([['coachMilestone', 'risk_thresholds.integer_range']]);
    expect(issues({ enteredLateMilestone: 0 })).toEqual([['enteredLateMilestone', 'risk_thresholds.integer_range']]);
    expect(issues({ decisionDelayedPercentile: 1 })).toEqual([['decisionDelayedPercentile', 'risk_thresholds.number_range']]);
    expect(issues({ influentialSupporterMin: 6 })).toEqual([['influentialSupporterMin', 'risk_thresholds.integer_range']]);
    expect(issues({ decisionMakerBackbone: 'sell' })).toEqual([['decisionMakerBackbone', 'risk_thresholds.backbone']]);
    const v = validateRiskThresholds({ singleChannelShare: 2 });
    expect(v.ok || v.issues[0]!.message.text).toEqual({ 'zh-CN': '必须是 0.5 到 1 之间的数', en: 'must be a number from 0.5 to 1' });
  });
  it('accepts the ends of each range', () => {
    const ok = { minIndependentSources: 10, singleChannelMinInteractions: 2, singleChannelShare: 0.5, coachMilestone: 9, enteredLateMilestone: 1, decisionDelayedPercentile: 0.99, influentialSupporterMin: 1, decisionMakerBackbone: 'use' };
    const v = validateRiskThresholds(ok);
    expect(v.ok && v.thresholds).toMatchObject(ok);
  });
  it('names bad days per backbone and unknown settings', () => {
    expect(issues({ informationIslandDays: 7 })).toEqual([['informationIslandDays', 'risk_thresholds.not_object']]);
    expect(issues({ informationIslandDays: null })).toEqual([['informationIslandDays', 'risk_thresholds.not_object']]);
    expect(issues({ informationIslandDays: [] })).toEqual([['informationIslandDays', 'risk_thresholds.not_object']]);
    expect(issues({ informationIslandDays: { decide: 0, buy: 366, use: 2.5, sell: 3, need: 365 } })).toEqual([
      ['informationIslandDays.decide', 'risk_thresholds.integer_range'],
      ['informationIslandDays.buy', 'risk_thresholds.integer_range'],
      ['informationIslandDays.use', 'risk_thresholds.integer_range'],
      ['informationIslandDays.sell', 'risk_thresholds.unknown_setting'],
    ]);
    expect(issues({ singleChanelShare: 0.9, minIndependentSources: 0 })).toEqual([
      ['singleChanelShare', 'risk_thresholds.unknown_setting'],
      ['minIndependentSources', 'risk_thresholds.integer_range'],
    ]);
  });
});
