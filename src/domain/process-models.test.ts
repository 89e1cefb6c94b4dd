import { describe, expect, it } from 'vitest';
import { EVIDENCE_TYPES } from './evidence';
import {
  BACKBONE_LABELS,
  backboneIndex,
  BACKBONES,
  BUILT_IN_MODELS,
  compareStages,
  DEFAULT_DAYS_WITHOUT_CONTACT,
  DEFAULT_MODEL_KEY,
  firstMilestone,
  getBuiltInModel,
  getStage,
  INTERNAL_8,
  isBackbone,
  modelIndex,
  moveDirection,
  PLAYBOOK_KEYS,
  PROCUREMENT_6,
  PURCHASING_CYCLE_5,
  stageForMilestone,
  stageIndex,
  validateProcessModel,
  type ProcessModel,
  type StageDef,
} from './process-models';

const summary = (m: ProcessModel) => m.stages.map((s) => [s.key, s.name['zh-CN'], s.name.en, s.backbone, s.milestones]);

describe('built-in models', () => {
  it('5-stage purchasing cycle (客户采购周期)', () => {
    expect(PURCHASING_CYCLE_5.key).toBe('purchasing-cycle-5');
    expect(PURCHASING_CYCLE_5.name['zh-CN']).toBe('客户采购周期');
    expect(summary(PURCHASING_CYCLE_5)).toEqual([
      ['need_recognition', '需求识别', 'Need recognition', 'need', [1, 2]],
      ['information_search', '信息搜索', 'Information search', 'research', [3]],
      ['evaluation', '评估选择', 'Evaluation', 'evaluate', [4, 5]],
      ['purchase_decision', '购买决策', 'Purchase decision', 'decide', [6, 7, 8]],
      ['post_purchase_evaluation', '后续评估', 'Post-purchase evaluation', 'use', [9]],
    ]);
  });
  it('6-stage procurement process (客户采购流程)', () => {
    expect(PROCUREMENT_6.key).toBe('procurement-6');
    expect(PROCUREMENT_6.name['zh-CN']).toBe('客户采购流程');
    expect(summary(PROCUREMENT_6)).toEqual([
      ['need_recognition', '需求识别', 'Need recognition', 'need', [1, 2]],
      ['information_search', '信息搜索', 'Information search', 'research', [3]],
      ['supplier_evaluation', '供应商评估', 'Supplier evaluation', 'evaluate', [4, 5]],
      ['decision', '决策制定', 'Decision', 'decide', [6, 7]],
      ['order_execution', '订单执行', 'Order execution', 'buy', [8]],
      ['delivery_after_sales', '交付和售后服务', 'Delivery and after-sales service', 'use', [9]],
    ]);
  });
  it('8-stage internal process (天龙八部) plus after-sales', () => {
    expect(INTERNAL_8.key).toBe('internal-8');
    expect(INTERNAL_8.name['zh-CN']).toContain('天龙八部');
    expect(summary(INTERNAL_8)).toEqual([
      ['problem_and_need', '发现问题，提出需求', 'Problem found, need raised', 'need', [1]],
      ['feasibility_and_budget', '研究可行性，确定预算', 'Feasibility studied, budget set', 'need', [2]],
      ['project_and_team', '项目立项，建立采购小组', 'Project approved, purchasing team formed', 'research', [3]],
      ['purchasing_criteria', '建立采购标准', 'Purchasing criteria set', 'evaluate', [4]],
      ['tender_and_screening', '招标，初步筛选', 'Tender and first screening', 'evaluate', [5]],
      ['preferred_supplier', '确定首选供应商', 'Preferred supplier chosen', 'decide', [6]],
      ['commercial_negotiation', '商务谈判', 'Commercial negotiation', 'decide', [7]],
      ['contract_signing', '签约', 'Contract signed', 'buy', [8]],
      ['after_sales', '实施与售后', 'Implementation and after-sales', 'use', [9]],
    ]);
  });
  it('internal-8 stages point to the playbook of their milestone', () => {
    expect(INTERNAL_8.stages.map((s) => s.playbookKey)).toEqual([
      'need', 'budget', 'project_team', 'criteria', 'evaluation', 'preferred_supplier', 'negotiation', 'contract', 'after_sales',
    ]);
  });
  it.each(BUILT_IN_MODELS.map((m) => [m.key, m] as const))('%s: each stage lists the evidence types of its milestones', (_k, model) => {
    for (const s of model.stages) {
      expect(s.evidenceTypes).toEqual(EVIDENCE_TYPES.filter((d) => s.milestones.includes(d.milestone)).map((d) => d.key));
      expect(s.evidenceTypes.length).toBeGreaterThan(0);
      expect(PLAYBOOK_KEYS).toContain(s.playbookKey);
      expect(s.maxDaysWithoutContact).toBe(DEFAULT_DAYS_WITHOUT_CONTACT[s.backbone]);
    }
    expect(model.stages.flatMap((s) => s.milestones)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(model.builtIn).toBe(true);
  });
  it.each(BUILT_IN_MODELS.map((m) => [m.key, m] as const))('%s passes the validator for organization models', (_k, model) => {
    const v = validateProcessModel(model);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.model).toEqual({ ...model, builtIn: false });
  });
  it('are frozen and found by key', () => {
    expect(BUILT_IN_MODELS.map((m) => m.key)).toEqual(['purchasing-cycle-5', 'procurement-6', 'internal-8']);
    expect(getBuiltInModel('procurement-6')).toBe(PROCUREMENT_6);
    expect(getBuiltInModel('nope')).toBeUndefined();
    expect(DEFAULT_MODEL_KEY).toBe('internal-8');
    expect(getBuiltInModel(DEFAULT_MODEL_KEY)).toBe(INTERNAL_8);
    expect(Object.isFrozen(INTERNAL_8.stages[0]!.milestones)).toBe(true);
    expect(() => (INTERNAL_8.stages as StageDef[]).push(INTERNAL_8.stages[0]!)).toThrow();
  });
});

describe('backbone', () => {
  it('is ordered need → use with labels', () => {
    expect(BACKBONES).toEqual(['need', 'research', 'evaluate', 'decide', 'buy', 'use']);
    expect(backboneIndex('evaluate')).toBe(2);
    expect(BACKBONE_LABELS.decide['zh-CN']).toBe('决策');
    expect(isBackbone('buy')).toBe(true);
    expect(isBackbone('sell')).toBe(false);
    expect(isBackbone(1)).toBe(false);
  });
});

describe('stage helpers', () => {
  it('stageIndex, getStage', () => {
    expect(stageIndex(INTERNAL_8, 'problem_and_need')).toBe(0);
    expect(stageIndex(INTERNAL_8, 'after_sales')).toBe(8);
    expect(stageIndex(INTERNAL_8, 'evaluation')).toBe(-1);
    expect(getStage(PURCHASING_CYCLE_5, 'evaluation')?.milestones).toEqual([4, 5]);
    expect(getStage(PURCHASING_CYCLE_5, 'nope')).toBeUndefined();
  });
  it('compareStages orders stages, unknown first', () => {
    expect(compareStages(INTERNAL_8, 'purchasing_criteria', 'project_and_team')).toBeGreaterThan(0);
    expect(compareStages(INTERNAL_8, 'project_and_team', 'purchasing_criteria')).toBeLessThan(0);
    expect(compareStages(INTERNAL_8, 'after_sales', 'after_sales')).toBe(0);
    expect(compareStages(INTERNAL_8, 'nope', 'problem_and_need')).toBeLessThan(0);
    const keys = ['contract_signing', 'problem_and_need', 'tender_and_screening'];
    expect(keys.sort((a, b) => compareStages(INTERNAL_8, a, b))).toEqual(['problem_and_need', 'tender_and_screening', 'contract_signing']);
  });
  it('moveDirection', () => {
    expect(moveDirection(INTERNAL_8, 'project_and_team', 'tender_and_screening')).toBe('forward');
    expect(moveDirection(INTERNAL_8, 'tender_and_screening', 'feasibility_and_budget')).toBe('back');
    expect(moveDirection(INTERNAL_8, 'after_sales', 'after_sales')).toBe('same');
    expect(moveDirection(INTERNAL_8, 'gone', 'problem_and_need')).toBe('forward');
  });
  it('stageForMilestone maps the fine ladder to each model', () => {
    expect(stageForMilestone(INTERNAL_8, 5)?.key).toBe('tender_and_screening');
    expect(stageForMilestone(PURCHASING_CYCLE_5, 5)?.key).toBe('evaluation');
    expect(stageForMilestone(PURCHASING_CYCLE_5, 8)?.key).toBe('purchase_decision');
    expect(stageForMilestone(PROCUREMENT_6, 8)?.key).toBe('order_execution');
    expect(stageForMilestone(PROCUREMENT_6, 2)?.key).toBe('need_recognition');
    expect(stageForMilestone(INTERNAL_8, 0)).toBeUndefined();
    expect(stageForMilestone(INTERNAL_8, 42)).toBeUndefined();
  });
  it('firstMilestone', () => {
    expect(firstMilestone(PURCHASING_CYCLE_5.stages[3]!)).toBe(6);
    expect(firstMilestone({ ...PURCHASING_CYCLE_5.stages[3]!, milestones: [] })).toBe(1);
  });
});

describe('modelIndex', () => {
  it('is computed once per model object', () => {
    expect(modelIndex(INTERNAL_8)).toBe(modelIndex(INTERNAL_8));
    expect(modelIndex(INTERNAL_8).stageByEvidence.get('budget_cut')).toBe(1);
    expect(modelIndex(PURCHASING_CYCLE_5).stageByEvidence.get('budget_cut')).toBe(0);
    expect(modelIndex(INTERNAL_8).stepBackTypes.has('tender_failed')).toBe(true);
    expect(modelIndex(INTERNAL_8).stepBackTypes.has('shortlisted')).toBe(false);
  });
  it('tolerates an unvalidated model: first stage wins a repeated key or milestone, out-of-range milestones and uncovered ones are skipped', () => {
    const s = (key: string, milestones: number[]): StageDef => ({
      key, name: { 'zh-CN': key, en: key }, backbone: 'need', milestones, evidenceTypes: [], playbookKey: 'need', maxDaysWithoutContact: 0,
    });
    const odd: ProcessModel = { key: 'odd', name: { 'zh-CN': 'odd', en: 'odd' }, builtIn: false, stages: [s('a', [1, 2, 12, -1]), s('a', [2, 3]), s('c', [4])] };
    const idx = modelIndex(odd);
    expect(idx.stageByKey.get('a')).toBe(0);
    expect(idx.stageByMilestone).toEqual([-1, 0, 0, 1, 2, -1, -1, -1, -1, -1]);
    expect(idx.stageByEvidence.get('budget_known')).toBe(0);
    expect(idx.stageByEvidence.has('shortlisted')).toBe(false);
    expect(stageIndex(odd, 'c')).toBe(2);
  });
});

// ---------------------------------------------------------------------------

const stageIn = (key: string, backbone: string, milestones: unknown[], extra: Record<string, unknown> = {}) => ({
  key,
  name: { 'zh-CN': `阶段${key}`, en: `Stage ${key}` },
  backbone,
  milestones,
  ...extra,
});
const validInput = () => ({
  key: 'my-model',
  name: { 'zh-CN': ' 我的流程 ', en: 'My process' },
  stages: [stageIn('early', 'need', [1, 2, 3]), stageIn('middle', 'evaluate', [4, 5]), stageIn('late', 'decide', [6, 7, 8]), stageIn('done', 'use', [9])],
});
type Input = ReturnType<typeof validInput>;
const issuesOf = (input: unknown) => {
  const v = validateProcessModel(input);
  if (v.ok) throw new Error('expected issues');
  return v.issues.map((i) => [i.path, i.message.code]);
};
const withStage = (i: number, patch: Record<string, unknown>, base: Input = validInput()) => {
  const stages: unknown[] = [...base.stages];
  stages[i] = { ...base.stages[i]!, ...patch };
  return { ...base, stages };
};

describe('validateProcessModel', () => {
  it('accepts and normalizes an organization model', () => {
    const v = validateProcessModel(validInput());
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.model.builtIn).toBe(false);
    expect(v.model.name).toEqual({ 'zh-CN': '我的流程', en: 'My process' });
    expect(v.model.stages.map((s) => s.playbookKey)).toEqual(['need', 'evaluation', 'decision', 'after_sales']);
    expect(v.model.stages.map((s) => s.maxDaysWithoutContact)).toEqual([0, 0, 0, 0]);
    expect(v.model.stages[1]!.evidenceTypes).toEqual(EVIDENCE_TYPES.filter((d) => d.milestone === 4 || d.milestone === 5).map((d) => d.key));
  });
  it('keeps explicit evidence types (deduplicated), playbook and days', () => {
    const v = validateProcessModel(
      withStage(1, { evidenceTypes: ['shortlisted', 'criteria_draft_received', 'shortlisted'], playbookKey: 'criteria', maxDaysWithoutContact: 10 }),
    );
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.model.stages[1]).toMatchObject({ evidenceTypes: ['shortlisted', 'criteria_draft_received'], playbookKey: 'criteria', maxDaysWithoutContact: 10 });
  });
  it('rejects what is not an object', () => {
    expect(issuesOf(null)).toEqual([['', 'process_model.not_object']]);
    expect(issuesOf([])).toEqual([['', 'process_model.not_object']]);
    expect(issuesOf('internal-8')).toEqual([['', 'process_model.not_object']]);
  });
  it('names a bad model key', () => {
    for (const key of ['My-Model', 'ab', '1model', 'my_model', undefined, 'x'.repeat(41)]) {
      expect(issuesOf({ ...validInput(), key })).toEqual([['key', 'process_model.key_invalid']]);
    }
  });
  it('names a missing or too long model name per language', () => {
    expect(issuesOf({ ...validInput(), name: { 'zh-CN': '  ', en: 'x' } })).toEqual([['name.zh-CN', 'process_model.name_missing']]);
    expect(issuesOf({ ...validInput(), name: undefined })).toEqual([
      ['name.zh-CN', 'process_model.name_missing'],
      ['name.en', 'process_model.name_missing'],
    ]);
    const v = validateProcessModel({ ...validInput(), name: { 'zh-CN': '流程', en: 'x'.repeat(81) } });
    expect(v.ok || v.issues).toEqual([{ path: 'name.en', message: expect.objectContaining({ code: 'process_model.name_too_long', params: { max: 80 } }) }]);
    expect(validateProcessModel({ ...validInput(), name: { 'zh-CN': '流程', en: 'x' } }).ok).toBe(true);
  });
  it('explains the missing name in the language of the field', () => {
    const v = validateProcessModel({ ...validInput(), name: { 'zh-CN': '流程', en: '' } });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues[0]!.message.text).toEqual({ 'zh-CN': 'en 名称不能为空', en: 'the en name is required' });
  });
  it('requires a list of 2..12 stages', () => {
    expect(issuesOf({ ...validInput(), stages: 'x' })).toEqual([['stages', 'process_model.stages_not_array']]);
    expect(issuesOf({ ...validInput(), key: 'X', stages: undefined })).toEqual([
      ['key', 'process_model.key_invalid'],
      ['stages', 'process_model.stages_not_array'],
    ]);
    expect(issuesOf({ ...validInput(), stages: [stageIn('all', 'need', [1, 2, 3, 4, 5, 6, 7, 8, 9])] })).toEqual([['stages', 'process_model.stage_count']]);
    const thirteen = Array.from({ length: 13 }, (_, i) => stageIn(`s${i}`, 'need', i < 9 ? [i + 1] : []));
    const issues = issuesOf({ ...validInput(), stages: thirteen });
    expect(issues[0]).toEqual(['stages', 'process_model.stage_count']);
    const v = validateProcessModel({ ...validInput(), stages: [] });
    expect(v.ok || v.issues.map((i) => i.message.text.en)).toEqual(['needs 2 to 12 stages, has 0', 'no stage covers milestone(s) 1, 2, 3, 4, 5, 6, 7, 8, 9']);
    const twelve = Array.from({ length: 12 }, (_, i) => stageIn(`s${i}`, 'need', i < 9 ? [i + 1] : [])).slice(0, 9);
    expect(validateProcessModel({ ...validInput(), stages: twelve.slice(0, 2).concat([stageIn('rest', 'use', [3, 4, 5, 6, 7, 8, 9])]) }).ok).toBe(true);
  });
  it('names a stage that is not an object', () => {
    expect(issuesOf({ ...validInput(), stages: [...validInput().stages.slice(0, 3), 7] })).toEqual([
      ['stages[3]', 'process_model.not_object'],
      ['stages', 'process_model.milestone_uncovered'],
    ]);
  });
  it('names bad and repeated stage keys', () => {
    expect(issuesOf(withStage(0, { key: 'Early' }))).toEqual([['stages[0].key', 'process_model.stage_key_invalid']]);
    expect(issuesOf(withStage(0, { key: 'e' }))).toEqual([['stages[0].key', 'process_model.stage_key_invalid']]);
    expect(issuesOf(withStage(0, { key: 3 }))).toEqual([['stages[0].key', 'process_model.stage_key_invalid']]);
    const v = validateProcessModel(withStage(2, { key: 'early' }));
    expect(v.ok || v.issues).toEqual([{ path: 'stages[2].key', message: expect.objectContaining({ code: 'process_model.stage_key_duplicate', params: { key: 'early', first: 1 } }) }]);
  });
  it('names a missing or too long stage name', () => {
    expect(issuesOf(withStage(1, { name: { 'zh-CN': '评估' } }))).toEqual([['stages[1].name.en', 'process_model.name_missing']]);
    expect(issuesOf(withStage(1, { name: { 'zh-CN': '评'.repeat(61), en: 'E' } }))).toEqual([['stages[1].name.zh-CN', 'process_model.name_too_long']]);
  });
  it('names an unknown backbone and a backbone going backwards', () => {
    expect(issuesOf(withStage(0, { backbone: 'sell' }))).toEqual([['stages[0].backbone', 'process_model.backbone_invalid']]);
    expect(issuesOf(withStage(2, { backbone: undefined }))).toEqual([['stages[2].backbone', 'process_model.backbone_invalid']]);
    const v = validateProcessModel(withStage(2, { backbone: 'research' }));
    expect(v.ok || v.issues).toEqual([
      { path: 'stages[2].backbone', message: expect.objectContaining({ code: 'process_model.backbone_order', params: { backbone: 'research', previous: 'evaluate' } }) },
    ]);
    expect(validateProcessModel(withStage(1, { backbone: 'need' })).ok).toBe(true);
  });
  it('names missing, invalid, out-of-order and uncovered milestones', () => {
    expect(issuesOf(withStage(3, { milestones: [] }))).toEqual([
      ['stages[3].milestones', 'process_model.milestones_empty'],
      ['stages', 'process_model.milestone_uncovered'],
    ]);
    expect(issuesOf(withStage(3, { milestones: undefined }))[0]).toEqual(['stages[3].milestones', 'process_model.milestones_empty']);
    expect(issuesOf(withStage(3, { milestones: [9, 10] }))).toEqual([['stages[3].milestones[1]', 'process_model.milestone_invalid']]);
    for (const bad of [0, 2.5, '9', null]) {
      expect(issuesOf(withStage(3, { milestones: [bad, 9] }))).toEqual([['stages[3].milestones[0]', 'process_model.milestone_invalid']]);
    }
    const dup = validateProcessModel(withStage(1, { milestones: [3, 4, 5] }));
    expect(dup.ok || dup.issues).toEqual([
      { path: 'stages[1].milestones[0]', message: expect.objectContaining({ code: 'process_model.milestone_order', params: { milestone: 3, previous: 3 } }) },
    ]);
    expect(issuesOf(withStage(1, { milestones: [5, 4] }))).toEqual([['stages[1].milestones[1]', 'process_model.milestone_order']]);
    const gap = validateProcessModel(withStage(2, { milestones: [6, 8] }));
    expect(gap.ok || gap.issues).toEqual([{ path: 'stages', message: expect.objectContaining({ code: 'process_model.milestone_uncovered', params: { milestones: '7' } }) }]);
  });
  it('names bad evidence types', () => {
    expect(issuesOf(withStage(1, { evidenceTypes: 'shortlisted' }))).toEqual([['stages[1].evidenceTypes', 'process_model.evidence_types_not_array']]);
    expect(issuesOf(withStage(1, { evidenceTypes: ['shortlisted', 'rumour', 5] }))).toEqual([
      ['stages[1].evidenceTypes[1]', 'process_model.evidence_unknown'],
      ['stages[1].evidenceTypes[2]', 'process_model.evidence_unknown'],
    ]);
    const v = validateProcessModel(withStage(1, { evidenceTypes: ['contract_signed'] }));
    expect(v.ok || v.issues).toEqual([
      { path: 'stages[1].evidenceTypes[0]', message: expect.objectContaining({ code: 'process_model.evidence_elsewhere', params: { type: 'contract_signed', milestone: 8 } }) },
    ]);
  });
  it('names an unknown playbook and bad days', () => {
    expect(issuesOf(withStage(0, { playbookKey: 'magic' }))).toEqual([['stages[0].playbookKey', 'process_model.playbook_unknown']]);
    for (const d of [-1, 366, 1.5, '7']) {
      expect(issuesOf(withStage(0, { maxDaysWithoutContact: d }))).toEqual([['stages[0].maxDaysWithoutContact', 'process_model.max_days_invalid']]);
    }
    const v = validateProcessModel(withStage(0, { maxDaysWithoutContact: 0 }));
    expect(v.ok && v.model.stages[0]!.maxDaysWithoutContact).toBe(0);
    const w = validateProcessModel(withStage(0, { maxDaysWithoutContact: 365 }));
    expect(w.ok && w.model.stages[0]!.maxDaysWithoutContact).toBe(365);
  });
  it('derives a single-milestone stage playbook from its milestone', () => {
    const v = validateProcessModel({
      ...validInput(),
      stages: [stageIn('aa', 'need', [1]), stageIn('bb', 'need', [2]), stageIn('cc', 'research', [3, 4]), stageIn('dd', 'buy', [5, 6, 7, 8]), stageIn('ee', 'use', [9])],
    });
    expect(v.ok && v.model.stages.map((s) => s.playbookKey)).toEqual(['need', 'budget', 'information_search', 'contract', 'after_sales']);
  });
  it('reports every issue at once, in both languages', () => {
    const v = validateProcessModel({ key: 'Bad', name: { 'zh-CN': '', en: '' }, stages: [stageIn('xx', 'use', [9]), stageIn('xx', 'need', [1])] });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues.map((i) => i.path)).toEqual(['key', 'name.zh-CN', 'name.en', 'stages[1].key', 'stages[1].backbone', 'stages[1].milestones[0]', 'stages']);
    for (const i of v.issues) {
      expect(i.message.text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(i.message.text.en).not.toMatch(/\{\w+\}/);
    }
  });
});
