import { describe, expect, it } from 'vitest';
import { ACTION_KEYS, ACTIONS, mergeSuggestions, PLAYBOOKS, suggestNextActions, type PlaybookInput, type Suggestion } from './playbook';
import { INTERNAL_8, PLAYBOOK_KEYS, PURCHASING_CYCLE_5 } from './process-models';
import { evaluateRisks, type RiskContact, type RiskInput } from './risks';

const T0 = Date.UTC(2024, 0, 1);
const at = (day: number) => new Date(T0 + day * 86_400_000);
const boss: RiskContact = { id: 'boss', name: '张院长', roles: ['decision_maker'], isCoach: false, attitude: 'supporter', influence: 5 };
const coach: RiskContact = { id: 'eng', name: '李工', roles: ['user'], isCoach: true, attitude: 'supporter', influence: 3 };

const riskInput = (over: Partial<RiskInput> = {}): RiskInput => ({
  model: INTERNAL_8,
  stageKey: 'project_and_team',
  outcome: 'open',
  stageEnteredAt: at(20),
  createdAt: at(0),
  facts: [
    { kind: 'budget', sourceContactIds: ['boss'], verified: true },
    { kind: 'decision_date', sourceContactIds: ['boss', 'eng'], verified: false },
  ],
  contacts: [boss, coach],
  interactions: [
    { occurredAt: at(25), contactIds: ['boss', 'eng'] },
    { occurredAt: at(28), contactIds: ['eng'] },
  ],
  firstInteractionStageKey: 'problem_and_need',
  competitors: [],
  stageDurationP75Days: null,
  now: at(30),
  ...over,
});
const suggest = (over: Partial<RiskInput> = {}, openTaskKeys?: string[]) => {
  const input = riskInput(over);
  const p: PlaybookInput = { ...input, risks: evaluateRisks(input), ...(openTaskKeys ? { openTaskKeys } : {}) };
  return suggestNextActions(p);
};
const keys = (over: Partial<RiskInput> = {}, open?: string[]) => suggest(over, open).map((s) => [s.key, s.priority]);

describe('actions and playbooks', () => {
  it('every action has a title and reason in both languages', () => {
    expect(Object.keys(ACTIONS)).toEqual([...ACTION_KEYS]);
    for (const k of ACTION_KEYS) {
      expect(ACTIONS[k].title['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(ACTIONS[k].title.en).toMatch(/^[A-Z]/);
      expect(ACTIONS[k].why['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(ACTIONS[k].why.en).not.toBe('');
    }
  });
  it('there is a playbook for every playbook key, built from known actions', () => {
    expect(Object.keys(PLAYBOOKS).sort()).toEqual([...PLAYBOOK_KEYS].sort());
    for (const list of Object.values(PLAYBOOKS)) for (const a of list) expect(ACTION_KEYS).toContain(a);
  });
});

describe('suggestNextActions', () => {
  it('with nothing missing, suggests the stage playbook only, leaving out what is done', () => {
    const s = suggest();
    expect(s.map((x) => [x.key, x.priority])).toEqual([
      ['supply_accurate_information', 3],
      ['prepare_bid', 3],
    ]);
    expect(s[0]!.title).toEqual({ 'zh-CN': '提供准确的信息', en: 'Supply accurate information' });
    expect(s[0]!.reason.code).toBe('playbook.stage_action');
    expect(s[0]!.reason.params).toEqual({ stage: 'project_and_team', action: 'supply_accurate_information' });
    expect(s[0]!.reason.text['zh-CN']).toBe('「项目立项，建立采购小组」阶段：立项需要可靠的资料。');
  });
  it('no budget fact → learn the budget, urgently once past the budget stage', () => {
    expect(keys({ facts: [] })).toContainEqual(['learn_budget', 1]);
    const s = suggest({ facts: [], stageKey: 'feasibility_and_budget' });
    const lb = s.find((x) => x.key === 'learn_budget')!;
    expect(lb.priority).toBe(2);
    expect(lb.reason.code).toBe('playbook.missing_fact');
    expect(lb.reason.text.en).toBe('The customer is at "Feasibility studied, budget set" and the budget is not known yet.');
    expect(lb.reason.text['zh-CN']).toBe('客户已到「研究可行性，确定预算」，还不知道预算。');
    expect(keys({ facts: [], stageKey: 'problem_and_need' }).map(([k]) => k)).not.toContain('learn_budget');
  });
  it('a stage covering the budget milestone in a coarser model asks for the budget too', () => {
    const s = suggest({ model: PURCHASING_CYCLE_5, stageKey: 'need_recognition', facts: [], firstInteractionStageKey: null });
    expect(s.map((x) => [x.key, x.priority])).toEqual([
      ['learn_budget', 2],
      ['find_dissatisfaction', 3],
      ['enter_early', 3],
    ]);
  });
  it('a budget already known drops learn_budget from the budget playbook', () => {
    expect(keys({ stageKey: 'feasibility_and_budget' })).toEqual([['help_justify_budget', 3]]);
  });
  it('missing decision date and criteria as the project advances', () => {
    const facts = [{ kind: 'budget' as const, sourceContactIds: ['boss'], verified: true }];
    expect(keys({ facts })).toContainEqual(['learn_decision_date', 2]);
    expect(keys({ facts, stageKey: 'purchasing_criteria' })).toEqual(
      expect.arrayContaining([['learn_decision_date', 2], ['learn_decision_criteria', 2]]),
    );
    expect(keys({ facts, stageKey: 'tender_and_screening' })).toContainEqual(['learn_decision_criteria', 1]);
    const withCriteria = [...facts, { kind: 'decision_criteria' as const, sourceContactIds: ['boss', 'eng'], verified: false }];
    expect(keys({ facts: withCriteria, stageKey: 'tender_and_screening' }).map(([k]) => k)).not.toContain('learn_decision_criteria');
  });
  it('no decision maker known → meet the boss; urgently when the risk fires', () => {
    expect(keys({ contacts: [coach], stageKey: 'feasibility_and_budget' })).toContainEqual(['meet_decision_maker', 2]);
    const s = suggest({ contacts: [coach], stageKey: 'purchasing_criteria' });
    const m = s.find((x) => x.key === 'meet_decision_maker')!;
    expect(m.priority).toBe(1);
    expect(m.reason.code).toBe('risk.no_overall_view');
    expect(keys({ contacts: [coach], stageKey: 'problem_and_need' }).map(([k]) => k)).not.toContain('meet_decision_maker');
  });
  it('a decision maker known but never met is still to be met: the budget playbook keeps the action', () => {
    const neverMet = [{ occurredAt: at(25), contactIds: ['eng'] }];
    expect(keys({ stageKey: 'feasibility_and_budget', interactions: neverMet })).toContainEqual(['meet_decision_maker', 3]);
    expect(keys({ stageKey: 'feasibility_and_budget' }).map(([k]) => k)).not.toContain('meet_decision_maker');
    const urgent = suggest({ stageKey: 'purchasing_criteria', interactions: neverMet }).find((x) => x.key === 'meet_decision_maker')!;
    expect(urgent.priority).toBe(1);
    expect(urgent.reason.text.en).toContain('decision maker 张院长 known but never met');
  });
  it('other roles missing from the view → meet the rest of the buying center', () => {
    const s = suggest({ stageKey: 'preferred_supplier' });
    const m = s.find((x) => x.key === 'meet_buying_center')!;
    expect(m.priority).toBe(1);
    expect(m.reason.params).toMatchObject({ unknown: 'purchaser' });
    expect(s.map((x) => x.key)).not.toContain('meet_decision_maker');
  });
  it('no coach → cultivate one; the project-team playbook then keeps it', () => {
    expect(keys({ contacts: [boss], stageKey: 'feasibility_and_budget' })).toContainEqual(['cultivate_coach', 3]);
    const s = suggest({ contacts: [boss] });
    expect(s.filter((x) => x.key === 'cultivate_coach')).toEqual([expect.objectContaining({ priority: 1, reason: expect.objectContaining({ code: 'risk.no_coach' }) })]);
  });
  it('single channel → widen contacts; unverified fact → confirm with a second contact', () => {
    const s = suggest({
      interactions: [0, 1, 2].map((d) => ({ occurredAt: at(27 + d), contactIds: ['eng'] })),
      facts: [{ kind: 'budget', sourceContactIds: ['eng'], verified: false }, { kind: 'decision_date', sourceContactIds: ['boss'], verified: true }],
    });
    expect(s.slice(0, 2).map((x) => [x.key, x.priority, x.reason.code])).toEqual([
      // risks come in severity order: the single channel is high (100%), the unverified budget medium
      ['widen_contacts', 1, 'risk.single_channel'],
      ['confirm_with_second_contact', 1, 'risk.unverified_facts'],
    ]);
  });
  it('maps every other risk to an action', () => {
    const s = suggest({
      interactions: [{ occurredAt: at(1), contactIds: ['boss', 'eng'] }],
      firstInteractionStageKey: 'purchasing_criteria',
      competitors: [{ position: 'incumbent', name: 'OldCo' }],
      contacts: [{ ...boss, attitude: 'neutral' }, coach],
      stageDurationP75Days: 3,
    });
    const byKey = Object.fromEntries(s.map((x) => [x.key, x.priority]));
    expect(byKey).toMatchObject({ reconnect: 1, find_what_blocks_decision: 1, reshape_criteria: 2, win_influential_supporter: 2 });
  });
  it('deduplicates, keeping the highest priority, and sorts stably by priority', () => {
    const s = suggest({ facts: [], contacts: [], stageKey: 'feasibility_and_budget' });
    const k = s.map((x) => x.key);
    expect(new Set(k).size).toBe(k.length);
    expect(s.map((x) => [x.key, x.priority])).toEqual([
      ['learn_budget', 2],
      ['meet_decision_maker', 2],
      ['cultivate_coach', 3],
      ['help_justify_budget', 3],
    ]);
    for (let i = 1; i < s.length; i++) expect(s[i]!.priority).toBeGreaterThanOrEqual(s[i - 1]!.priority);
  });
  it('leaves out keys of open tasks', () => {
    expect(keys({ facts: [] }, ['learn_budget', 'prepare_bid'])).toEqual([
      ['learn_decision_date', 2],
      ['supply_accurate_information', 3],
    ]);
  });
  it('after a win suggests after-sales; a lost or abandoned project nothing', () => {
    const won = suggest({ outcome: 'won' });
    expect(won.map((x) => [x.key, x.priority])).toEqual([
      ['follow_up_visit', 2],
      ['satisfaction_survey', 2],
      ['seek_repurchase_and_referral', 2],
    ]);
    expect(won[0]!.reason.text['zh-CN']).toBe('已赢单：回访维系关系。');
    expect(suggest({ outcome: 'won' }, ['follow_up_visit']).map((x) => x.key)).toEqual(['satisfaction_survey', 'seek_repurchase_and_referral']);
    expect(suggest({ outcome: 'lost' })).toEqual([]);
    expect(suggest({ outcome: 'abandoned' })).toEqual([]);
  });
  it('a stage with an unknown playbook has only gap suggestions', () => {
    const model = { ...INTERNAL_8, stages: INTERNAL_8.stages.map((s) => ({ ...s, playbookKey: 'custom' })) };
    expect(suggestNextActions({ ...riskInput({ model }), risks: [] })).toEqual([]);
  });
  it('rejects a stage that is not in the model', () => {
    expect(() => suggestNextActions({ ...riskInput({ stageKey: 'nope' }), risks: [] })).toThrow(RangeError);
  });
});

describe('mergeSuggestions', () => {
  const sug = (key: string, priority: 1 | 2 | 3, code = key): Suggestion => ({
    key,
    title: { 'zh-CN': key, en: key },
    reason: { code, params: {}, text: { 'zh-CN': code, en: code } },
    priority,
  });
  it('keeps the highest priority of a key, the first on a tie, and sorts stably', () => {
    const out = mergeSuggestions([sug('a', 3, 'a-first'), sug('b', 2), sug('a', 1, 'a-urgent'), sug('c', 2), sug('b', 2, 'b-later'), sug('a', 2)]);
    expect(out.map((s) => [s.key, s.priority, s.reason.code])).toEqual([
      ['a', 1, 'a-urgent'],
      ['b', 2, 'b'],
      ['c', 2, 'c'],
    ]);
  });
  it('drops excluded keys', () => {
    expect(mergeSuggestions([sug('a', 1), sug('b', 2)], ['a']).map((s) => s.key)).toEqual(['b']);
    expect(mergeSuggestions([])).toEqual([]);
  });
});
