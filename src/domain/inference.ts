// Stage inference (判断客户采购所处阶段, seed 003; domain.md §3): from the
// evidence recorded on an opportunity, which stage of its process model the
// customer's procurement has reached, how sure we are, and why.
import type { EvidenceFact } from './evidence';
import { getEvidenceType } from './evidence';
import { defineCatalog, isoDate, messageFactory, type DisplayParams, type Message } from './i18n';
import { modelIndex, stageIndex, type ProcessModel } from './process-models';

export type { EvidenceFact } from './evidence';

export interface InferenceInput {
  model: ProcessModel;
  evidence: readonly EvidenceFact[];
  now: Date;
}

export interface SupportingEvidence {
  id: string;
  type: string;
  sourceContactId: string | null;
  verified: boolean;
  occurredAt: Date;
}

export interface StepBackInfo {
  evidenceId: string;
  type: string;
  toStageKey: string;
  at: Date;
}

export interface Inference {
  stageKey: string;
  stageIndex: number;
  /** 0..1, see inferenceConfidence. */
  confidence: number;
  explanation: {
    /** The pieces that support the inferred stage, oldest first. */
    evidence: SupportingEvidence[];
    /** Distinct contact ids among the supporting pieces, in order of first appearance. */
    sources: string[];
    independentContacts: number;
    /** The latest step back, if any (it may since have been overtaken by later evidence). */
    stepBack: StepBackInfo | null;
    summary: Message;
    /** Ids of evidence ignored because its type is unknown (or no stage of the model covers it). */
    ignored: string[];
  };
}

export const INFERENCE_MESSAGES = defineCatalog({
  'inference.no_evidence': {
    'zh-CN': '尚无可用证据，默认处于第一阶段「{stage}」。',
    en: 'No usable evidence yet; assuming the first stage, "{stage}".',
  },
  'inference.only_unknown_evidence': {
    'zh-CN': '{ignored} 条证据的类型未知，已忽略；尚无可用证据，默认处于第一阶段「{stage}」。',
    en: '{ignored} {ignored|piece|pieces} of evidence {ignored|has|have} an unknown type and were ignored; no usable evidence yet, assuming the first stage, "{stage}".',
  },
  'inference.stage': {
    'zh-CN': '{count} 条证据表明客户处于「{stage}」，来自 {contacts} 位独立联系人，其中 {verified} 条已核实。',
    en: '{count} {count|piece|pieces} of evidence {count|places|place} the customer at "{stage}", from {contacts} independent {contacts|contact|contacts}, {verified} verified.',
  },
  'inference.stage_after_step_back': {
    'zh-CN': '{date}「{stepBackType}」使项目退回「{toStage}」。现有 {count} 条证据表明客户处于「{stage}」，来自 {contacts} 位独立联系人，其中 {verified} 条已核实。',
    en: 'On {date}, "{stepBackType}" sent the project back to "{toStage}". {count} {count|piece|pieces} of evidence now {count|places|place} the customer at "{stage}", from {contacts} independent {contacts|contact|contacts}, {verified} verified.',
  },
  'stage.no_set': {
    'zh-CN': '未手动设定阶段，采用证据推断的「{inferred}」。',
    en: 'No stage set by hand; the evidence places the customer at "{inferred}".',
  },
  'stage.set_unknown': {
    'zh-CN': '设定的阶段“{set}”不属于本流程模型，采用证据推断的「{inferred}」。',
    en: 'The stage set, "{set}", is not a stage of this process model; the evidence places the customer at "{inferred}".',
  },
  'stage.agree': {
    'zh-CN': '设定的阶段与证据一致：「{stage}」。',
    en: 'The stage set agrees with the evidence: "{stage}".',
  },
  'stage.set_ahead': {
    'zh-CN': '设定的阶段「{set}」超前于证据：证据只支持到「{inferred}」。请补充「{set}」阶段的证据，或把阶段调回。',
    en: 'The stage set, "{set}", is ahead of the evidence, which supports only "{inferred}". Record evidence of "{set}" or move the stage back.',
  },
  'stage.set_behind': {
    'zh-CN': '证据显示客户已到「{inferred}」，但设定的阶段仍是「{set}」，请更新阶段。',
    en: 'The evidence shows the customer at "{inferred}", but the stage set is still "{set}"; update the stage.',
  },
});
const msg = messageFactory(INFERENCE_MESSAGES);

const DAY_MS = 86_400_000;
/** Days after which the freshness factor halves. */
export const CONFIDENCE_HALF_LIFE_DAYS = 90;
/** Factor applied when the only support is unverified and from at most one contact. */
export const SINGLE_UNVERIFIED_FACTOR = 0.6;

/**
 * Confidence in an inferred stage, from its supporting evidence:
 *
 *   sources   = 1 - 0.5^k          k = independent contacts confirming the stage
 *   checked   = 1 - 0.5^v          v = verified supporting items
 *   base      = 0.25 + 0.45·sources + 0.30·checked          (0.25 .. <1)
 *   penalty   = 0.6 if v = 0 and k ≤ 1 (only unverified, single-source support), else 1
 *   freshness = 0.5^(age / 90)     age = days since the newest supporting item (≥ 0)
 *   confidence = base · penalty · freshness, rounded to 3 decimals
 *
 * It never decreases when k or v grows and never increases when age grows.
 * Examples (fresh): one unverified contact 0.285; two unverified contacts 0.588;
 * one verified contact 0.625; two contacts, two verified 0.813.
 */
export function inferenceConfidence(f: { independentContacts: number; verified: number; ageDays: number }): number {
  const k = Math.max(0, f.independentContacts);
  const v = Math.max(0, f.verified);
  const base = 0.25 + 0.45 * (1 - 0.5 ** k) + 0.3 * (1 - 0.5 ** v);
  const penalty = v === 0 && k <= 1 ? SINGLE_UNVERIFIED_FACTOR : 1;
  const freshness = 0.5 ** (Math.max(0, f.ageDays) / CONFIDENCE_HALF_LIFE_DAYS);
  return Math.round(base * penalty * freshness * 1000) / 1000;
}

/**
 * The inferred stage is the furthest stage whose evidence is present, unless
 * later evidence marks a step back: the latest step-back evidence sets the stage
 * to the stage of its milestone; evidence from before it counts no further than
 * that stage; evidence after it moves the stage forward again. Evidence at the
 * same instant as the step back counts as after it when it comes later in the
 * input (input order breaks ties). Unknown evidence types are ignored and
 * reported. With no usable evidence: the first stage, confidence 0.
 *
 * One pass to find the step back, one to find the stage, one to collect the
 * support; the per-model lookups are cached (modelIndex).
 */
export function inferStage(input: InferenceInput): Inference {
  const { model, evidence, now } = input;
  const idx = modelIndex(model);
  const byType = idx.stageByEvidence;
  const n = evidence.length;
  const ignored: string[] = [];

  let sbIndex = -1;
  let sbTime = -Infinity;
  let sbStage = -1;
  for (let i = 0; i < n; i++) {
    const e = evidence[i]!;
    const si = byType.get(e.type);
    if (si === undefined) {
      ignored.push(e.id);
      continue;
    }
    if (idx.stepBackTypes.has(e.type)) {
      const t = e.occurredAt.getTime();
      if (t >= sbTime) {
        sbTime = t;
        sbIndex = i;
        sbStage = si;
      }
    }
  }

  let final = -1;
  for (let i = 0; i < n; i++) {
    const e = evidence[i]!;
    const si = byType.get(e.type);
    if (si === undefined) continue;
    const eff = effectiveStage(si, e.occurredAt.getTime(), i, sbIndex, sbTime, sbStage);
    if (eff > final) final = eff;
  }

  if (final < 0) {
    const first = model.stages[0]!;
    const display: DisplayParams = { stage: first.name };
    return {
      stageKey: first.key,
      stageIndex: 0,
      confidence: 0,
      explanation: {
        evidence: [],
        sources: [],
        independentContacts: 0,
        stepBack: null,
        summary: ignored.length
          ? msg('inference.only_unknown_evidence', { stage: first.key, ignored: ignored.length }, display)
          : msg('inference.no_evidence', { stage: first.key }, display),
        ignored,
      },
    };
  }

  const support: SupportingEvidence[] = [];
  const sources: string[] = [];
  let verified = 0;
  let newest = -Infinity;
  let sorted = true;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const e = evidence[i]!;
    const si = byType.get(e.type);
    if (si !== final) continue;
    const t = e.occurredAt.getTime();
    if (effectiveStage(si, t, i, sbIndex, sbTime, sbStage) !== final) continue;
    support.push({ id: e.id, type: e.type, sourceContactId: e.sourceContactId, verified: e.verified, occurredAt: e.occurredAt });
    if (e.sourceContactId !== null && !sources.includes(e.sourceContactId)) sources.push(e.sourceContactId);
    if (e.verified) verified++;
    if (t > newest) newest = t;
    if (t < last) sorted = false;
    last = t;
  }
  if (!sorted) support.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());

  const stage = model.stages[final]!;
  const confidence = inferenceConfidence({
    independentContacts: sources.length,
    verified,
    ageDays: (now.getTime() - newest) / DAY_MS,
  });

  let stepBack: StepBackInfo | null = null;
  let summary: Message;
  const params = { stage: stage.key, count: support.length, contacts: sources.length, verified };
  if (sbIndex >= 0) {
    const sb = evidence[sbIndex]!;
    const to = model.stages[sbStage]!;
    stepBack = { evidenceId: sb.id, type: sb.type, toStageKey: to.key, at: sb.occurredAt };
    summary = msg(
      'inference.stage_after_step_back',
      { ...params, stepBackType: sb.type, toStage: to.key, date: isoDate(sb.occurredAt) },
      { stage: stage.name, toStage: to.name, stepBackType: getEvidenceType(sb.type)!.label },
    );
  } else {
    summary = msg('inference.stage', params, { stage: stage.name });
  }

  return {
    stageKey: stage.key,
    stageIndex: final,
    confidence,
    explanation: { evidence: support, sources, independentContacts: sources.length, stepBack, summary, ignored },
  };
}

function effectiveStage(stage: number, time: number, i: number, sbIndex: number, sbTime: number, sbStage: number): number {
  if (sbIndex < 0 || time > sbTime || (time === sbTime && i > sbIndex)) return stage;
  return stage < sbStage ? stage : sbStage;
}

export type StageComparisonStatus = 'agree' | 'set_ahead' | 'set_behind' | 'no_set';
export interface StageComparison {
  status: StageComparisonStatus;
  message: Message;
}

/** Compares the stage a salesperson set (null: none) with the inferred one. */
export function compareWithSet(model: ProcessModel, setStageKey: string | null, inferred: Inference): StageComparison {
  const inferredStage = model.stages[inferred.stageIndex];
  const inferredName = inferredStage?.name ?? { 'zh-CN': inferred.stageKey, en: inferred.stageKey };
  if (setStageKey === null) {
    return { status: 'no_set', message: msg('stage.no_set', { inferred: inferred.stageKey }, { inferred: inferredName }) };
  }
  const si = stageIndex(model, setStageKey);
  if (si < 0) {
    return {
      status: 'no_set',
      message: msg('stage.set_unknown', { set: setStageKey, inferred: inferred.stageKey }, { inferred: inferredName }),
    };
  }
  const setName = model.stages[si]!.name;
  if (si === inferred.stageIndex) {
    return { status: 'agree', message: msg('stage.agree', { stage: setStageKey }, { stage: setName }) };
  }
  const params = { set: setStageKey, inferred: inferred.stageKey };
  const display = { set: setName, inferred: inferredName };
  return si > inferred.stageIndex
    ? { status: 'set_ahead', message: msg('stage.set_ahead', params, display) }
    : { status: 'set_behind', message: msg('stage.set_behind', params, display) };
}
