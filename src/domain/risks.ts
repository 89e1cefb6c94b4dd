// Risks the product warns of (domain.md §5), from seed 003's list of the
// mistakes salespeople make when they do not know the customer's internal
// procurement process. Each rule explains itself with numbers.
import { defineCatalog, joinTexts, messageFactory, type Message, type Text } from './i18n';
import {
  BUYING_ROLE_LABELS,
  FACT_KIND_LABELS,
  FACT_KINDS,
  type Attitude,
  type BuyingRole,
  type CompetitorPosition,
  type FactKind,
  type Outcome,
} from './labels';
import {
  BACKBONES,
  backboneIndex,
  DEFAULT_DAYS_WITHOUT_CONTACT,
  firstMilestone,
  getStage,
  isBackbone,
  type Backbone,
  type ProcessModel,
  type StageDef,
  type ValidationIssue,
} from './process-models';
import { daysBetween } from './stats';

export const RISK_CODES = [
  'unverified_facts',
  'single_channel',
  'no_overall_view',
  'no_coach',
  'information_island',
  'entered_late',
  'incumbent_entrenched',
  'decision_delayed',
] as const;
export type RiskCode = (typeof RISK_CODES)[number];

export const RISK_TITLES: Readonly<Record<RiskCode, Text>> = {
  unverified_facts: { 'zh-CN': '信息未经核实', en: 'Unverified facts' },
  single_channel: { 'zh-CN': '信息渠道单一', en: 'Single channel' },
  no_overall_view: { 'zh-CN': '缺乏全局观（盲人摸象）', en: 'No overall view' },
  no_coach: { 'zh-CN': '没有内部教练', en: 'No coach' },
  information_island: { 'zh-CN': '信息孤岛', en: 'Information island' },
  entered_late: { 'zh-CN': '介入过晚', en: 'Entered late' },
  incumbent_entrenched: { 'zh-CN': '现有供应商地位稳固', en: 'Incumbent entrenched' },
  decision_delayed: { 'zh-CN': '决策延迟', en: 'Decision delayed' },
};

export function riskTitle(code: RiskCode): Text {
  return RISK_TITLES[code];
}

export const RISK_SEVERITIES = ['high', 'medium', 'low'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

export interface Risk {
  code: RiskCode;
  severity: RiskSeverity;
  /** Why, with the numbers behind it. */
  message: Message;
}

export interface RiskThresholds {
  /** A key fact needs this many independent sources unless verified. */
  minIndependentSources: number;
  /** Single channel is judged only from this many interactions with customer contacts. */
  singleChannelMinInteractions: number;
  /** Share (0.5..1) of those interactions held with one contact alone that makes a single channel. */
  singleChannelShare: number;
  /** From this backbone on, a decision maker must be known. */
  decisionMakerBackbone: Backbone;
  /** From the stage whose first milestone is this (3: project team formed), a coach is needed. */
  coachMilestone: number;
  /** First contact at a stage whose first milestone is this or later (4: criteria set) is late. */
  enteredLateMilestone: number;
  /** Days without interaction tolerated per backbone (information island). */
  informationIslandDays: Record<Backbone, number>;
  /** The percentile of this organization's stage durations beyond which a decision is delayed (the server computes it). */
  decisionDelayedPercentile: number;
  /** Influence (1..5) a supporter needs to count against an entrenched incumbent. */
  influentialSupporterMin: number;
}

export const DEFAULT_RISK_THRESHOLDS: Readonly<RiskThresholds> = Object.freeze({
  minIndependentSources: 2,
  singleChannelMinInteractions: 3,
  singleChannelShare: 0.8,
  decisionMakerBackbone: 'evaluate',
  coachMilestone: 3,
  enteredLateMilestone: 4,
  informationIslandDays: Object.freeze({ ...DEFAULT_DAYS_WITHOUT_CONTACT }) as Record<Backbone, number>,
  decisionDelayedPercentile: 0.75,
  influentialSupporterMin: 4,
});

export interface RiskFact {
  kind: FactKind;
  sourceContactIds: readonly string[];
  verified: boolean;
}
export interface RiskContact {
  id: string;
  /** Shown in messages that name people (known but never met). */
  name: string;
  roles: readonly BuyingRole[];
  isCoach: boolean;
  attitude: Attitude;
  /** 1 (little) .. 5 (decisive). */
  influence: number;
}
export interface RiskInteraction {
  occurredAt: Date;
  contactIds: readonly string[];
}
export interface RiskCompetitor {
  position: CompetitorPosition;
  name: string;
}

export interface RiskInput {
  model: ProcessModel;
  /** The effective stage (set by hand, else inferred). */
  stageKey: string;
  outcome: Outcome;
  stageEnteredAt: Date;
  createdAt: Date;
  facts: readonly RiskFact[];
  contacts: readonly RiskContact[];
  interactions: readonly RiskInteraction[];
  /** The stage the customer was in when we first interacted (inference.stageAtFirstContact). */
  firstInteractionStageKey: string | null;
  competitors: readonly RiskCompetitor[];
  /** This organization's p-th percentile of days in this stage (null: not enough history). */
  stageDurationP75Days: number | null;
  now: Date;
}

export const RISK_MESSAGES = defineCatalog({
  'risk.unverified_facts': {
    'zh-CN': '{facts}未经核实，且独立来源少于 {min} 个，可能是“假话当真话”。',
    en: '{facts}: not verified and fewer than {min} independent sources; it may not be true.',
  },
  'risk.single_channel': {
    'zh-CN': '{total} 次有客户参与的互动中，{count} 次（{percent}%）只有同一位联系人，信息无法交叉验证（满 {min} 次这样的互动才判断）。',
    en: '{count} of {total} interactions with the customer ({percent}%) were with the same single contact; nothing can be cross-checked (judged from {min} such interactions on).',
  },
  'risk.single_channel_pending': {
    'zh-CN': '信息渠道单一：有客户参与的互动满 {min} 次才判断，目前 {count} 次。',
    en: 'Single channel: judged once there are {min} interactions with customer contacts; {count} so far.',
  },
  'risk.no_overall_view': {
    'zh-CN': '客户已到「{stage}」，我们只接触了采购小组的一部分：{gaps}。',
    en: 'The customer is at "{stage}" and we have met only part of the buying center: {gaps}.',
  },
  'risk.role_unknown': { 'zh-CN': '还不知道谁是{role}', en: 'no {role} known' },
  'risk.role_not_met': { 'zh-CN': '已知{role}{names}，但从未接触', en: '{role} {names} known but never met' },
  'risk.no_coach': {
    'zh-CN': '客户已到「{stage}」（里程碑 {milestone}，阈值 {threshold}），还没有内部教练。',
    en: 'The customer is at "{stage}" (milestone {milestone}, threshold {threshold}) and we have no coach inside.',
  },
  'risk.information_island': {
    'zh-CN': '已 {days} 天没有与客户互动，超过「{stage}」阶段允许的 {limit} 天。',
    en: 'No interaction with the customer for {days} days, more than the {limit} days "{stage}" allows.',
  },
  'risk.information_island_never': {
    'zh-CN': '商机创建 {days} 天以来从未与客户互动，超过「{stage}」阶段允许的 {limit} 天。',
    en: 'No interaction with the customer in the {days} days since the opportunity was created, more than the {limit} days "{stage}" allows.',
  },
  'risk.entered_late': {
    'zh-CN': '首次接触客户时，客户已处于「{stage}」（里程碑 {milestone} ≥ {threshold}），采购标准可能已由他人主导。',
    en: 'We first met the customer at "{stage}" (milestone {milestone} ≥ {threshold}); the criteria may already favour someone else.',
  },
  'risk.incumbent_entrenched': {
    'zh-CN': '现有供应商 {names} 仍在位，而我方没有影响力达到 {min} 的支持者。',
    en: 'Incumbent {names} is in place and we have no supporter with influence {min} or more.',
  },
  'risk.decision_delayed': {
    'zh-CN': '已在「{stage}」停留 {days} 天，超过本组织该阶段用时的第 {percentile} 百分位（{limit} 天）。',
    en: 'In "{stage}" for {days} days, longer than this organization\'s {percentile}th percentile for it ({limit} days).',
  },
  'risk.fact_sources': { 'zh-CN': '{fact}（{sources} 个来源）', en: '{fact} ({sources} {sources|source|sources})' },
});
const msg = messageFactory(RISK_MESSAGES);

const SEVERITY_RANK: Readonly<Record<RiskSeverity, number>> = { high: 0, medium: 1, low: 2 };

/**
 * From which backbone each role of the buying center must be part of our view:
 * the decision maker from thresholds.decisionMakerBackbone (evaluation by
 * default); the users from evaluation (they shape the specification and the
 * criteria); the purchaser from the decision (price, payment terms, contract).
 * Influencers and supervisors are not always there, so they are not required.
 */
export const ROLE_NEEDED_FROM: Readonly<Partial<Record<BuyingRole, Backbone>>> = Object.freeze({ user: 'evaluate', purchaser: 'decide' });

/** The roles the stage needs in our view, in BUYING_ROLE order. */
export function neededRoles(backbone: Backbone, thresholds: RiskThresholds): BuyingRole[] {
  const bb = backboneIndex(backbone);
  const from: Partial<Record<BuyingRole, Backbone>> = { decision_maker: thresholds.decisionMakerBackbone, ...ROLE_NEEDED_FROM };
  return (Object.keys(BUYING_ROLE_LABELS) as BuyingRole[]).filter((r) => from[r] !== undefined && bb >= backboneIndex(from[r]!));
}

/** Contacts who took part in at least one of the interactions. */
export function engagedContacts(interactions: readonly RiskInteraction[]): Set<string> {
  const out = new Set<string>();
  for (const i of interactions) for (const id of i.contactIds) out.add(id);
  return out;
}

export interface BuyingCenterGap {
  role: BuyingRole;
  /** unknown: nobody with the role is recorded; not_met: recorded, never in an interaction. */
  status: 'unknown' | 'not_met';
  /** The contacts with the role who were never met. */
  contacts: readonly RiskContact[];
}

/** The needed roles with no engaged contact (seed 003: contacting only part of the buying center). */
export function buyingCenterGaps(input: Pick<RiskInput, 'contacts' | 'interactions'>, roles: readonly BuyingRole[]): BuyingCenterGap[] {
  const engaged = engagedContacts(input.interactions);
  const gaps: BuyingCenterGap[] = [];
  for (const role of roles) {
    const withRole = input.contacts.filter((c) => c.roles.includes(role));
    if (withRole.some((c) => engaged.has(c.id))) continue;
    gaps.push({ role, status: withRole.length ? 'not_met' : 'unknown', contacts: withRole });
  }
  return gaps;
}

const roleInSentence = (role: BuyingRole): Text => ({ 'zh-CN': BUYING_ROLE_LABELS[role]['zh-CN'], en: BUYING_ROLE_LABELS[role].en.toLowerCase() });

function gapText(g: BuyingCenterGap): Text {
  if (g.status === 'unknown') return msg('risk.role_unknown', { role: g.role }, { role: roleInSentence(g.role) }).text;
  const names = g.contacts.map((c) => c.name);
  return msg('risk.role_not_met', { role: g.role }, { role: roleInSentence(g.role), names: { 'zh-CN': names.join('、'), en: names.join(', ') } }).text;
}

/** Interactions that had at least one customer contact in them. */
function interactionsWithContacts(interactions: readonly RiskInteraction[]): number {
  let n = 0;
  for (const i of interactions) if (i.contactIds.length > 0) n++;
  return n;
}

/**
 * Checks that wait for more data before they judge, said in words so the seller
 * knows why a risk is not (yet) raised: single channel below its threshold.
 */
export function pendingRiskChecks(input: Pick<RiskInput, 'outcome' | 'interactions'>, thresholds: RiskThresholds = DEFAULT_RISK_THRESHOLDS): Message[] {
  if (input.outcome !== 'open') return [];
  const count = interactionsWithContacts(input.interactions);
  return count < thresholds.singleChannelMinInteractions ? [msg('risk.single_channel_pending', { min: thresholds.singleChannelMinInteractions, count })] : [];
}

/** Days without interaction the stage tolerates: an organization's own model decides per stage (0 = threshold); built-in models follow the thresholds. */
export function informationIslandLimit(model: ProcessModel, stage: StageDef, thresholds: RiskThresholds): number {
  if (!model.builtIn && stage.maxDaysWithoutContact > 0) return stage.maxDaysWithoutContact;
  return thresholds.informationIslandDays?.[stage.backbone] ?? DEFAULT_DAYS_WITHOUT_CONTACT[stage.backbone];
}

/**
 * Evaluates the risk rules for an open opportunity; closed ones (won, lost,
 * abandoned) have none. Sorted by severity, then by RISK_CODES order.
 * Throws RangeError when stageKey is not a stage of the model.
 */
export function evaluateRisks(input: RiskInput, thresholds: RiskThresholds = DEFAULT_RISK_THRESHOLDS): Risk[] {
  if (input.outcome !== 'open') return [];
  const { model } = input;
  const stage = getStage(model, input.stageKey);
  if (!stage) throw new RangeError(`evaluateRisks: "${input.stageKey}" is not a stage of process model "${model.key}"`);
  const bb = backboneIndex(stage.backbone);
  const milestone = firstMilestone(stage);
  const risks: Risk[] = [];
  const stageDisplay = { stage: stage.name };

  // 1. Unverified facts: a key fact from fewer than N independent sources and not verified.
  const weak: { kind: FactKind; sources: number }[] = [];
  for (const kind of FACT_KINDS) {
    let any = false;
    let verified = false;
    const ids = new Set<string>();
    for (const f of input.facts) {
      if (f.kind !== kind) continue;
      any = true;
      if (f.verified) verified = true;
      for (const id of f.sourceContactIds) ids.add(id);
    }
    if (any && !verified && ids.size < thresholds.minIndependentSources) weak.push({ kind, sources: ids.size });
  }
  if (weak.length) {
    const parts = weak.map((w) => msg('risk.fact_sources', { fact: w.kind, sources: w.sources }, { fact: FACT_KIND_LABELS[w.kind] }).text);
    risks.push({
      code: 'unverified_facts',
      severity: bb >= backboneIndex('decide') ? 'high' : bb >= backboneIndex('research') ? 'medium' : 'low',
      message: msg('risk.unverified_facts', { facts: weak.map((w) => w.kind).join(','), min: thresholds.minIndependentSources }, { facts: joinTexts(parts) }),
    });
  }

  // 2. Single channel: most interactions held with one contact alone.
  const withContacts = interactionsWithContacts(input.interactions);
  const alone = new Map<string, number>();
  for (const i of input.interactions) {
    if (i.contactIds.length === 1) {
      const id = i.contactIds[0]!;
      alone.set(id, (alone.get(id) ?? 0) + 1);
    }
  }
  if (withContacts >= thresholds.singleChannelMinInteractions) {
    let topId = '';
    let top = 0;
    for (const [id, c] of alone) if (c > top) (top = c), (topId = id);
    const share = top / withContacts;
    if (share >= thresholds.singleChannelShare) {
      risks.push({
        code: 'single_channel',
        severity: share === 1 ? 'high' : 'medium',
        message: msg('risk.single_channel', { contactId: topId, count: top, total: withContacts, percent: Math.round(share * 100), min: thresholds.singleChannelMinInteractions }),
      });
    }
  }

  // 3. No overall view: a role the stage needs has nobody we have met (known is not engaged).
  const gaps = buyingCenterGaps(input, neededRoles(stage.backbone, thresholds));
  if (gaps.length) {
    const unknown = gaps.filter((g) => g.status === 'unknown').map((g) => g.role);
    const notMet = gaps.filter((g) => g.status === 'not_met');
    risks.push({
      code: 'no_overall_view',
      severity: gaps.some((g) => g.role === 'decision_maker') ? 'high' : 'medium',
      message: msg(
        'risk.no_overall_view',
        { stage: stage.key, unknown: unknown.join(','), notMet: notMet.map((g) => g.role).join(','), contactIds: notMet.flatMap((g) => g.contacts.map((c) => c.id)).join(',') },
        { ...stageDisplay, gaps: joinTexts(gaps.map(gapText)) },
      ),
    });
  }

  // 4. No coach by the time the project team forms.
  if (milestone >= thresholds.coachMilestone && !input.contacts.some((c) => c.isCoach)) {
    risks.push({
      code: 'no_coach',
      severity: bb >= backboneIndex('decide') ? 'high' : 'medium',
      message: msg('risk.no_coach', { stage: stage.key, milestone, threshold: thresholds.coachMilestone }, stageDisplay),
    });
  }

  // 5. Information island: no interaction for longer than the stage allows.
  const limit = informationIslandLimit(model, stage, thresholds);
  let last = -Infinity;
  for (const i of input.interactions) last = Math.max(last, i.occurredAt.getTime());
  const since = last === -Infinity ? input.createdAt : new Date(last);
  const idle = daysBetween(since, input.now);
  if (idle > limit) {
    risks.push({
      code: 'information_island',
      severity: idle > 2 * limit ? 'high' : 'medium',
      message: msg(
        last === -Infinity ? 'risk.information_island_never' : 'risk.information_island',
        { stage: stage.key, days: Math.floor(idle), limit },
        stageDisplay,
      ),
    });
  }

  // 6. Entered late: first contact after the criteria were set.
  const firstStage = input.firstInteractionStageKey === null ? undefined : getStage(model, input.firstInteractionStageKey);
  if (firstStage && firstMilestone(firstStage) >= thresholds.enteredLateMilestone) {
    risks.push({
      code: 'entered_late',
      severity: 'medium',
      message: msg(
        'risk.entered_late',
        { stage: firstStage.key, milestone: firstMilestone(firstStage), threshold: thresholds.enteredLateMilestone },
        { stage: firstStage.name },
      ),
    });
  }

  // 7. Incumbent entrenched: an incumbent in place and no influential supporter on our side.
  const incumbents = input.competitors.filter((c) => c.position === 'incumbent').map((c) => c.name);
  if (incumbents.length && !input.contacts.some((c) => c.attitude === 'supporter' && c.influence >= thresholds.influentialSupporterMin)) {
    risks.push({
      code: 'incumbent_entrenched',
      severity: bb >= backboneIndex('evaluate') ? 'high' : 'medium',
      message: msg('risk.incumbent_entrenched', { names: incumbents.join(', '), min: thresholds.influentialSupporterMin }),
    });
  }

  // 8. Decision delayed: longer in this stage than the organization's percentile.
  const p = input.stageDurationP75Days;
  if (p !== null) {
    const inStage = daysBetween(input.stageEnteredAt, input.now);
    if (inStage > p) {
      risks.push({
        code: 'decision_delayed',
        severity: inStage > 2 * p ? 'high' : 'medium',
        message: msg(
          'risk.decision_delayed',
          { stage: stage.key, days: Math.floor(inStage), limit: p, percentile: Math.round(thresholds.decisionDelayedPercentile * 100) },
          stageDisplay,
        ),
      });
    }
  }

  return risks.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || RISK_CODES.indexOf(a.code) - RISK_CODES.indexOf(b.code));
}

// ---------------------------------------------------------------------------
// Validation of an organization's thresholds (admins edit them).

export type RiskThresholdsValidation = { ok: true; thresholds: RiskThresholds } | { ok: false; issues: ValidationIssue[] };

export const RISK_THRESHOLD_MESSAGES = defineCatalog({
  'risk_thresholds.not_object': { 'zh-CN': '必须是一个对象', en: 'must be an object' },
  'risk_thresholds.unknown_setting': { 'zh-CN': '未知的设置项“{name}”', en: 'unknown setting "{name}"' },
  'risk_thresholds.integer_range': { 'zh-CN': '必须是 {min} 到 {max} 的整数', en: 'must be a whole number from {min} to {max}' },
  'risk_thresholds.number_range': { 'zh-CN': '必须是 {min} 到 {max} 之间的数', en: 'must be a number from {min} to {max}' },
  'risk_thresholds.backbone': { 'zh-CN': '必须是以下之一：{allowed}', en: 'must be one of: {allowed}' },
});
const tmsg = messageFactory(RISK_THRESHOLD_MESSAGES);

type NumericSetting = Exclude<keyof RiskThresholds, 'decisionMakerBackbone' | 'informationIslandDays'>;
const NUMERIC_RULES: Readonly<Record<NumericSetting, { min: number; max: number; integer: boolean }>> = {
  minIndependentSources: { min: 1, max: 10, integer: true },
  singleChannelMinInteractions: { min: 2, max: 1000, integer: true },
  singleChannelShare: { min: 0.5, max: 1, integer: false },
  coachMilestone: { min: 1, max: 9, integer: true },
  enteredLateMilestone: { min: 1, max: 9, integer: true },
  decisionDelayedPercentile: { min: 0.5, max: 0.99, integer: false },
  influentialSupporterMin: { min: 1, max: 5, integer: true },
};
const ISLAND_DAYS = { min: 1, max: 365 };

function inRange(v: unknown, r: { min: number; max: number; integer: boolean }): v is number {
  return typeof v === 'number' && Number.isFinite(v) && (!r.integer || Number.isInteger(v)) && v >= r.min && v <= r.max;
}

/**
 * Validates thresholds an admin submitted. Missing settings (and missing
 * backbones of informationIslandDays) take the defaults, so a partial object is
 * fine; every bad or unknown setting is named by its path.
 */
export function validateRiskThresholds(input: unknown): RiskThresholdsValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '', message: tmsg('risk_thresholds.not_object') }] };
  }
  const raw = input as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const out: RiskThresholds = { ...DEFAULT_RISK_THRESHOLDS, informationIslandDays: { ...DEFAULT_RISK_THRESHOLDS.informationIslandDays } };

  for (const name of Object.keys(raw)) {
    const v = raw[name];
    if (name === 'decisionMakerBackbone') {
      if (isBackbone(v)) out.decisionMakerBackbone = v;
      else issues.push({ path: name, message: tmsg('risk_thresholds.backbone', { allowed: BACKBONES.join(', ') }) });
    } else if (name === 'informationIslandDays') {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        issues.push({ path: name, message: tmsg('risk_thresholds.not_object') });
        continue;
      }
      for (const [b, days] of Object.entries(v as Record<string, unknown>)) {
        const path = `${name}.${b}`;
        if (!isBackbone(b)) issues.push({ path, message: tmsg('risk_thresholds.unknown_setting', { name: b }) });
        else if (!inRange(days, { ...ISLAND_DAYS, integer: true })) issues.push({ path, message: tmsg('risk_thresholds.integer_range', ISLAND_DAYS) });
        else out.informationIslandDays[b] = days;
      }
    } else if (Object.hasOwn(NUMERIC_RULES, name)) {
      const rule = NUMERIC_RULES[name as NumericSetting];
      if (inRange(v, rule)) out[name as NumericSetting] = v;
      else issues.push({ path: name, message: tmsg(rule.integer ? 'risk_thresholds.integer_range' : 'risk_thresholds.number_range', { min: rule.min, max: rule.max }) });
    } else {
      issues.push({ path: name, message: tmsg('risk_thresholds.unknown_setting', { name }) });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, thresholds: out };
}
