// Process models (采购流程模型): how a customer's procurement is divided into
// stages. Three are built in (domain.md §2); an organization may define its own.
// Every stage maps onto the common backbone, so analytics can compare projects
// that use different models, and onto milestones of the fine-grained ladder
// (src/domain/evidence), so evidence can be placed in any model's stages.
import { EVIDENCE_TYPES, getEvidenceType, MAX_MILESTONE, MIN_MILESTONE } from './evidence';
import { defineCatalog, messageFactory, type Message, type Text } from './i18n';

export const BACKBONES = ['need', 'research', 'evaluate', 'decide', 'buy', 'use'] as const;
export type Backbone = (typeof BACKBONES)[number];
export const BACKBONE_LABELS: Readonly<Record<Backbone, Text>> = {
  need: { 'zh-CN': '需求', en: 'Need' },
  research: { 'zh-CN': '调研', en: 'Research' },
  evaluate: { 'zh-CN': '评估', en: 'Evaluate' },
  decide: { 'zh-CN': '决策', en: 'Decide' },
  buy: { 'zh-CN': '购买', en: 'Buy' },
  use: { 'zh-CN': '使用', en: 'Use' },
};

export function backboneIndex(b: Backbone): number {
  return BACKBONES.indexOf(b);
}
export function isBackbone(value: unknown): value is Backbone {
  return typeof value === 'string' && (BACKBONES as readonly string[]).includes(value);
}

/** Keys of the stage playbooks (src/domain/playbook) a stage can point to. */
export const PLAYBOOK_KEYS = [
  'need',
  'budget',
  'project_team',
  'information_search',
  'criteria',
  'evaluation',
  'preferred_supplier',
  'negotiation',
  'decision',
  'contract',
  'after_sales',
] as const;
export type PlaybookKey = (typeof PLAYBOOK_KEYS)[number];

/** The playbook of a stage that covers exactly one milestone. */
export const MILESTONE_PLAYBOOK: Readonly<Record<number, PlaybookKey>> = {
  1: 'need',
  2: 'budget',
  3: 'project_team',
  4: 'criteria',
  5: 'evaluation',
  6: 'preferred_supplier',
  7: 'negotiation',
  8: 'contract',
  9: 'after_sales',
};
/** The playbook of a stage that covers several milestones: by its backbone. */
export const BACKBONE_PLAYBOOK: Readonly<Record<Backbone, PlaybookKey>> = {
  need: 'need',
  research: 'information_search',
  evaluate: 'evaluation',
  decide: 'decision',
  buy: 'contract',
  use: 'after_sales',
};

/**
 * Days without any interaction a stage tolerates before "information island"
 * (信息孤岛) is raised. Built-in stages carry these; the organization's risk
 * thresholds (src/domain/risks) start from the same numbers.
 */
export const DEFAULT_DAYS_WITHOUT_CONTACT: Readonly<Record<Backbone, number>> = {
  need: 30,
  research: 21,
  evaluate: 14,
  decide: 7,
  buy: 14,
  use: 60,
};

export interface StageDef {
  key: string;
  name: Text;
  backbone: Backbone;
  milestones: number[];
  evidenceTypes: string[];
  playbookKey: string;
  /** For an organization's own model: its own limit (0 = use the organization's threshold). */
  maxDaysWithoutContact: number;
}

export interface ProcessModel {
  key: string;
  name: Text;
  builtIn: boolean;
  stages: StageDef[];
}

function evidenceFor(milestones: readonly number[]): string[] {
  return EVIDENCE_TYPES.filter((d) => milestones.includes(d.milestone)).map((d) => d.key);
}

function stage(key: string, zh: string, en: string, backbone: Backbone, milestones: number[], playbookKey: PlaybookKey): StageDef {
  return {
    key,
    name: { 'zh-CN': zh, en },
    backbone,
    milestones,
    evidenceTypes: evidenceFor(milestones),
    playbookKey,
    maxDaysWithoutContact: DEFAULT_DAYS_WITHOUT_CONTACT[backbone],
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** 客户采购周期: the 5-stage purchasing cycle. */
export const PURCHASING_CYCLE_5: ProcessModel = deepFreeze({
  key: 'purchasing-cycle-5',
  name: { 'zh-CN': '客户采购周期', en: 'Purchasing cycle (5 stages)' },
  builtIn: true,
  stages: [
    stage('need_recognition', '需求识别', 'Need recognition', 'need', [1, 2], 'need'),
    stage('information_search', '信息搜索', 'Information search', 'research', [3], 'information_search'),
    stage('evaluation', '评估选择', 'Evaluation', 'evaluate', [4, 5], 'evaluation'),
    // The cycle has no separate buying stage: the decision runs until the contract.
    stage('purchase_decision', '购买决策', 'Purchase decision', 'decide', [6, 7, 8], 'decision'),
    stage('post_purchase_evaluation', '后续评估', 'Post-purchase evaluation', 'use', [9], 'after_sales'),
  ],
});

/** 客户采购流程: the 6-stage procurement process. */
export const PROCUREMENT_6: ProcessModel = deepFreeze({
  key: 'procurement-6',
  name: { 'zh-CN': '客户采购流程', en: 'Procurement process (6 stages)' },
  builtIn: true,
  stages: [
    stage('need_recognition', '需求识别', 'Need recognition', 'need', [1, 2], 'need'),
    stage('information_search', '信息搜索', 'Information search', 'research', [3], 'information_search'),
    stage('supplier_evaluation', '供应商评估', 'Supplier evaluation', 'evaluate', [4, 5], 'evaluation'),
    stage('decision', '决策制定', 'Decision', 'decide', [6, 7], 'decision'),
    stage('order_execution', '订单执行', 'Order execution', 'buy', [8], 'contract'),
    stage('delivery_after_sales', '交付和售后服务', 'Delivery and after-sales service', 'use', [9], 'after_sales'),
  ],
});

/**
 * “天龙八部”: the 8-stage internal procurement process of seed 003.
 * Choice: the eight stages end at the contract, but a seller keeps working the
 * account afterwards (implementation, 回访, repurchase, referral), and the
 * evidence ladder has milestone 9 for it; so this model has a ninth stage,
 * `after_sales`, on the `use` backbone. That keeps post-contract evidence from
 * being lost and lets all three built-in models cover milestones 1..9.
 */
export const INTERNAL_8: ProcessModel = deepFreeze({
  key: 'internal-8',
  name: { 'zh-CN': '“天龙八部”客户内部采购流程', en: 'Internal procurement process (“Eight stages”)' },
  builtIn: true,
  stages: [
    stage('problem_and_need', '发现问题，提出需求', 'Problem found, need raised', 'need', [1], 'need'),
    stage('feasibility_and_budget', '研究可行性，确定预算', 'Feasibility studied, budget set', 'need', [2], 'budget'),
    stage('project_and_team', '项目立项，建立采购小组', 'Project approved, purchasing team formed', 'research', [3], 'project_team'),
    stage('purchasing_criteria', '建立采购标准', 'Purchasing criteria set', 'evaluate', [4], 'criteria'),
    stage('tender_and_screening', '招标，初步筛选', 'Tender and first screening', 'evaluate', [5], 'evaluation'),
    stage('preferred_supplier', '确定首选供应商', 'Preferred supplier chosen', 'decide', [6], 'preferred_supplier'),
    stage('commercial_negotiation', '商务谈判', 'Commercial negotiation', 'decide', [7], 'negotiation'),
    stage('contract_signing', '签约', 'Contract signed', 'buy', [8], 'contract'),
    stage('after_sales', '实施与售后', 'Implementation and after-sales', 'use', [9], 'after_sales'),
  ],
});

export const BUILT_IN_MODELS: readonly ProcessModel[] = Object.freeze([PURCHASING_CYCLE_5, PROCUREMENT_6, INTERNAL_8]);
export const DEFAULT_MODEL_KEY = 'internal-8';

export function getBuiltInModel(key: string): ProcessModel | undefined {
  return BUILT_IN_MODELS.find((m) => m.key === key);
}

// ---------------------------------------------------------------------------
// Per-model index, computed once per model object. Models are treated as
// immutable once used: build a new object to change one.

export interface ModelIndex {
  readonly stageByKey: ReadonlyMap<string, number>;
  /** milestone (0..9) → stage index, -1 where no stage covers it. */
  readonly stageByMilestone: readonly number[];
  /** evidence type → stage index of its milestone (types no stage covers are absent). */
  readonly stageByEvidence: ReadonlyMap<string, number>;
  /** evidence type → true for step-back types (present only for known types). */
  readonly stepBackTypes: ReadonlySet<string>;
}

const INDEX = new WeakMap<ProcessModel, ModelIndex>();

export function modelIndex(model: ProcessModel): ModelIndex {
  let idx = INDEX.get(model);
  if (!idx) {
    const stageByKey = new Map<string, number>();
    const stageByMilestone: number[] = new Array<number>(MAX_MILESTONE + 1).fill(-1);
    model.stages.forEach((s, i) => {
      if (!stageByKey.has(s.key)) stageByKey.set(s.key, i);
      for (const m of s.milestones) if (m >= 0 && m <= MAX_MILESTONE && stageByMilestone[m] === -1) stageByMilestone[m] = i;
    });
    const stageByEvidence = new Map<string, number>();
    const stepBackTypes = new Set<string>();
    for (const d of EVIDENCE_TYPES) {
      const target = d.stepBack ?? d.milestone;
      const si = stageByMilestone[target]!;
      if (si >= 0) stageByEvidence.set(d.key, si);
      if (d.stepBack !== undefined) stepBackTypes.add(d.key);
    }
    idx = { stageByKey, stageByMilestone, stageByEvidence, stepBackTypes };
    INDEX.set(model, idx);
  }
  return idx;
}

/** Index of a stage in the model; -1 for an unknown key. */
export function stageIndex(model: ProcessModel, key: string): number {
  return modelIndex(model).stageByKey.get(key) ?? -1;
}

/**
 * Orders two stages: negative when `a` comes before `b`, 0 when the same,
 * positive after. Unknown keys sort before every stage (index -1).
 */
export function compareStages(model: ProcessModel, a: string, b: string): number {
  return stageIndex(model, a) - stageIndex(model, b);
}

/** Direction of a move between two stages (unknown keys count as before the first stage). */
export function moveDirection(model: ProcessModel, from: string, to: string): 'forward' | 'back' | 'same' {
  const d = compareStages(model, to, from);
  return d > 0 ? 'forward' : d < 0 ? 'back' : 'same';
}

/** The stage covering a milestone; undefined when none does. */
export function stageForMilestone(model: ProcessModel, milestone: number): StageDef | undefined {
  const i = modelIndex(model).stageByMilestone[milestone] ?? -1;
  return i >= 0 ? model.stages[i] : undefined;
}

export function getStage(model: ProcessModel, key: string): StageDef | undefined {
  const i = stageIndex(model, key);
  return i >= 0 ? model.stages[i] : undefined;
}

/** The lowest milestone a stage covers (how far the customer is at least, once in it). */
export function firstMilestone(stage: StageDef): number {
  return stage.milestones.length ? Math.min(...stage.milestones) : MIN_MILESTONE;
}

// ---------------------------------------------------------------------------
// Validation of an organization's own model.

export interface ValidationIssue {
  path: string;
  message: Message;
}
export type ProcessModelValidation = { ok: true; model: ProcessModel } | { ok: false; issues: ValidationIssue[] };

export const MODEL_KEY_PATTERN = /^[a-z][a-z0-9-]{2,39}$/;
export const STAGE_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
export const MIN_STAGES = 2;
export const MAX_STAGES = 12;
const MAX_MODEL_NAME = 80;
const MAX_STAGE_NAME = 60;
const MAX_DAYS = 365;

export const PROCESS_MODEL_MESSAGES = defineCatalog({
  'process_model.not_object': { 'zh-CN': '必须是一个对象', en: 'must be an object' },
  'process_model.key_invalid': {
    'zh-CN': '必须是小写字母开头的短横线格式（kebab-case），3 到 40 个字符',
    en: 'must be lower-kebab-case starting with a letter, 3 to 40 characters',
  },
  'process_model.name_missing': { 'zh-CN': '{locale} 名称不能为空', en: 'the {locale} name is required' },
  'process_model.name_too_long': { 'zh-CN': '名称最多 {max} 个字符', en: 'must be at most {max} characters' },
  'process_model.stages_not_array': { 'zh-CN': '必须是阶段列表', en: 'must be a list of stages' },
  'process_model.stage_count': {
    'zh-CN': '需要 {min} 到 {max} 个阶段，实际为 {count} 个',
    en: 'needs {min} to {max} stages, has {count}',
  },
  'process_model.stage_key_invalid': {
    'zh-CN': '必须是小写字母开头的下划线格式（snake_case），2 到 40 个字符',
    en: 'must be lower_snake_case starting with a letter, 2 to 40 characters',
  },
  'process_model.stage_key_duplicate': {
    'zh-CN': '阶段键“{key}”与第 {first} 个阶段重复',
    en: 'stage key "{key}" repeats stage {first}',
  },
  'process_model.backbone_invalid': {
    'zh-CN': '必须是以下之一：{allowed}',
    en: 'must be one of: {allowed}',
  },
  'process_model.backbone_order': {
    'zh-CN': '主干阶段“{backbone}”不能排在前一阶段的“{previous}”之前',
    en: 'backbone "{backbone}" cannot come after the previous stage\'s "{previous}"',
  },
  'process_model.milestones_empty': {
    'zh-CN': '至少需要覆盖一个里程碑（1 到 9）',
    en: 'must cover at least one milestone (1 to 9)',
  },
  'process_model.milestone_invalid': { 'zh-CN': '里程碑必须是 1 到 9 的整数', en: 'a milestone must be a whole number from 1 to 9' },
  'process_model.milestone_order': {
    'zh-CN': '里程碑 {milestone} 必须大于之前的里程碑 {previous}（里程碑按阶段递增且不重复）',
    en: 'milestone {milestone} must come after the previous milestone {previous} (milestones increase stage by stage, each once)',
  },
  'process_model.milestone_uncovered': {
    'zh-CN': '没有阶段覆盖里程碑 {milestones}',
    en: 'no stage covers milestone(s) {milestones}',
  },
  'process_model.evidence_types_not_array': { 'zh-CN': '必须是证据类型列表', en: 'must be a list of evidence types' },
  'process_model.evidence_unknown': { 'zh-CN': '未知的证据类型“{type}”', en: 'unknown evidence type "{type}"' },
  'process_model.evidence_elsewhere': {
    'zh-CN': '证据类型“{type}”对应里程碑 {milestone}，不在本阶段范围内',
    en: 'evidence type "{type}" marks milestone {milestone}, which this stage does not cover',
  },
  'process_model.playbook_unknown': { 'zh-CN': '未知的行动手册“{playbook}”', en: 'unknown playbook "{playbook}"' },
  'process_model.max_days_invalid': {
    'zh-CN': '必须是 0 到 {max} 的整数（0 表示使用组织的风险阈值）',
    en: "must be a whole number from 0 to {max} (0 uses the organization's risk threshold)",
  },
});
const msg = messageFactory(PROCESS_MODEL_MESSAGES);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validateName(input: unknown, path: string, max: number, issues: ValidationIssue[]): Text {
  const rec = isRecord(input) ? input : {};
  const out: Text = { 'zh-CN': '', en: '' };
  for (const locale of ['zh-CN', 'en'] as const) {
    const raw = rec[locale];
    const v = typeof raw === 'string' ? raw.trim() : '';
    if (!v) issues.push({ path: `${path}.${locale}`, message: msg('process_model.name_missing', { locale }) });
    else if (v.length > max) issues.push({ path: `${path}.${locale}`, message: msg('process_model.name_too_long', { max }) });
    out[locale] = v;
  }
  return out;
}

/**
 * Validates an organization's own process model and returns it normalized
 * (names trimmed, evidence types derived from milestones when not given,
 * playbook derived when not given, maxDaysWithoutContact 0 when not given).
 *
 * Rules: key lower-kebab-case (3..40); 2..12 stages; unique snake_case stage
 * keys; names non-empty in both languages; backbones non-decreasing; the
 * milestones of all stages, read in order, increase strictly and cover 1..9
 * (so every piece of evidence lands in exactly one stage); evidence types
 * known and placed in the stage covering their milestone.
 * The result is never built in (builtIn: false).
 */
export function validateProcessModel(input: unknown): ProcessModelValidation {
  const issues: ValidationIssue[] = [];
  if (!isRecord(input)) return { ok: false, issues: [{ path: '', message: msg('process_model.not_object') }] };

  const key = typeof input.key === 'string' ? input.key : '';
  if (!MODEL_KEY_PATTERN.test(key)) issues.push({ path: 'key', message: msg('process_model.key_invalid') });
  const name = validateName(input.name, 'name', MAX_MODEL_NAME, issues);

  const stages: StageDef[] = [];
  if (!Array.isArray(input.stages)) {
    issues.push({ path: 'stages', message: msg('process_model.stages_not_array') });
    return { ok: false, issues };
  }
  const rawStages: unknown[] = input.stages;
  if (rawStages.length < MIN_STAGES || rawStages.length > MAX_STAGES) {
    issues.push({ path: 'stages', message: msg('process_model.stage_count', { min: MIN_STAGES, max: MAX_STAGES, count: rawStages.length }) });
  }

  const seen = new Map<string, number>();
  const covered = new Set<number>();
  let previousBackbone: Backbone | null = null;
  let previousMilestone = 0;

  rawStages.forEach((raw, i) => {
    const p = `stages[${i}]`;
    if (!isRecord(raw)) {
      issues.push({ path: p, message: msg('process_model.not_object') });
      return;
    }
    const sKey = typeof raw.key === 'string' ? raw.key : '';
    if (!STAGE_KEY_PATTERN.test(sKey)) issues.push({ path: `${p}.key`, message: msg('process_model.stage_key_invalid') });
    else {
      const first = seen.get(sKey);
      if (first !== undefined) issues.push({ path: `${p}.key`, message: msg('process_model.stage_key_duplicate', { key: sKey, first: first + 1 }) });
      else seen.set(sKey, i);
    }
    const sName = validateName(raw.name, `${p}.name`, MAX_STAGE_NAME, issues);

    let backbone: Backbone = previousBackbone ?? 'need';
    if (!isBackbone(raw.backbone)) {
      issues.push({ path: `${p}.backbone`, message: msg('process_model.backbone_invalid', { allowed: BACKBONES.join(', ') }) });
    } else {
      backbone = raw.backbone;
      if (previousBackbone && backboneIndex(backbone) < backboneIndex(previousBackbone)) {
        issues.push({ path: `${p}.backbone`, message: msg('process_model.backbone_order', { backbone, previous: previousBackbone }) });
      }
      previousBackbone = backbone;
    }

    const milestones: number[] = [];
    if (!Array.isArray(raw.milestones) || raw.milestones.length === 0) {
      issues.push({ path: `${p}.milestones`, message: msg('process_model.milestones_empty') });
    } else {
      (raw.milestones as unknown[]).forEach((m, j) => {
        if (typeof m !== 'number' || !Number.isInteger(m) || m < MIN_MILESTONE || m > MAX_MILESTONE) {
          issues.push({ path: `${p}.milestones[${j}]`, message: msg('process_model.milestone_invalid') });
          return;
        }
        if (m <= previousMilestone) {
          issues.push({ path: `${p}.milestones[${j}]`, message: msg('process_model.milestone_order', { milestone: m, previous: previousMilestone }) });
        } else previousMilestone = m;
        covered.add(m);
        milestones.push(m);
      });
    }

    let evidenceTypes: string[];
    if (raw.evidenceTypes === undefined) evidenceTypes = evidenceFor(milestones);
    else if (!Array.isArray(raw.evidenceTypes)) {
      issues.push({ path: `${p}.evidenceTypes`, message: msg('process_model.evidence_types_not_array') });
      evidenceTypes = [];
    } else {
      evidenceTypes = [];
      (raw.evidenceTypes as unknown[]).forEach((type, j) => {
        const d = typeof type === 'string' ? getEvidenceType(type) : undefined;
        if (!d) issues.push({ path: `${p}.evidenceTypes[${j}]`, message: msg('process_model.evidence_unknown', { type: String(type) }) });
        else if (!milestones.includes(d.milestone)) {
          issues.push({ path: `${p}.evidenceTypes[${j}]`, message: msg('process_model.evidence_elsewhere', { type: d.key, milestone: d.milestone }) });
        } else if (!evidenceTypes.includes(d.key)) evidenceTypes.push(d.key);
      });
    }

    let playbookKey: string;
    if (raw.playbookKey === undefined) {
      playbookKey = milestones.length === 1 ? MILESTONE_PLAYBOOK[milestones[0]!]! : BACKBONE_PLAYBOOK[backbone];
    } else {
      playbookKey = String(raw.playbookKey);
      if (!(PLAYBOOK_KEYS as readonly string[]).includes(playbookKey)) {
        issues.push({ path: `${p}.playbookKey`, message: msg('process_model.playbook_unknown', { playbook: playbookKey }) });
      }
    }

    let maxDays = 0;
    if (raw.maxDaysWithoutContact !== undefined) {
      const d = raw.maxDaysWithoutContact;
      if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > MAX_DAYS) {
        issues.push({ path: `${p}.maxDaysWithoutContact`, message: msg('process_model.max_days_invalid', { max: MAX_DAYS }) });
      } else maxDays = d;
    }

    stages.push({ key: sKey, name: sName, backbone, milestones, evidenceTypes, playbookKey, maxDaysWithoutContact: maxDays });
  });

  const missing: number[] = [];
  for (let m = MIN_MILESTONE; m <= MAX_MILESTONE; m++) if (!covered.has(m)) missing.push(m);
  if (missing.length) issues.push({ path: 'stages', message: msg('process_model.milestone_uncovered', { milestones: missing.join(', ') }) });

  if (issues.length) return { ok: false, issues };
  return { ok: true, model: { key, name, builtIn: false, stages } };
}
