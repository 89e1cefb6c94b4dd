// Stage inference (判断客户采购所处阶段, seed 003; domain.md §3): from the
// evidence recorded on an opportunity, which stage of its process model the
// customer's procurement has reached, how sure we are, and why.
import type { EvidenceFact, EvidenceKind } from './evidence';
import { EVIDENCE_KINDS, evidenceKindOf, getEvidenceType } from './evidence';
import { buildMessage, defineCatalog, isoDate, joinTexts, messageFactory, type DisplayParams, type Message, type Text } from './i18n';
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
  kind: EvidenceKind;
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
    /** Supporting pieces per kind of evidence. */
    kinds: Partial<Record<EvidenceKind, number>>;
    /** The firmest kind among them: on paper or public (documented), seen by us (observed), or only said (stated). */
    strength: EvidenceStrength | null;
    /** The latest step back, if any (it may since have been overtaken by later evidence). */
    stepBack: StepBackInfo | null;
    summary: Message;
    /** Ids of evidence ignored because its type is unknown (or no stage of the model covers it). */
    ignored: string[];
  };
}

export type EvidenceStrength = 'documented' | 'observed' | 'stated';

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
    'zh-CN': '{count} 条证据表明客户处于「{stage}」（{kinds}），来自 {contacts} 位独立联系人，其中 {verified} 条已核实。{strength}',
    en: '{count} {count|piece|pieces} of evidence {count|places|place} the customer at "{stage}" ({kinds}), from {contacts} independent {contacts|contact|contacts}, {verified} verified. {strength}',
  },
  'inference.stage_after_step_back': {
    'zh-CN': '{date}「{stepBackType}」使项目退回「{toStage}」。现有 {count} 条证据表明客户处于「{stage}」（{kinds}），来自 {contacts} 位独立联系人，其中 {verified} 条已核实。{strength}',
    en: 'On {date}, "{stepBackType}" sent the project back to "{toStage}". {count} {count|piece|pieces} of evidence now {count|places|place} the customer at "{stage}" ({kinds}), from {contacts} independent {contacts|contact|contacts}, {verified} verified. {strength}',
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

/** "2 documents", "1 statement by contacts": how many supporting pieces of each kind. */
export const EVIDENCE_KIND_COUNTS = defineCatalog<EvidenceKind>({
  documentary: { 'zh-CN': '{n} 份书面文件', en: '{n} {n|document|documents}' },
  public_record: { 'zh-CN': '{n} 条公开记录', en: '{n} public {n|record|records}' },
  observed: { 'zh-CN': '{n} 次我方所见', en: '{n} {n|observation|observations}' },
  stated: { 'zh-CN': '{n} 条联系人陈述', en: '{n} {n|statement|statements} by contacts' },
});

/** What the firmest kind of support means for the judgement. */
export const EVIDENCE_STRENGTH_TEXT: Readonly<Record<EvidenceStrength, Text>> = {
  documented: { 'zh-CN': '有书面文件或公开记录为证。', en: 'A document or public record shows it.' },
  observed: { 'zh-CN': '我方亲眼所见，但尚无书面文件。', en: 'We saw it happen, but nothing is on paper yet.' },
  stated: { 'zh-CN': '目前只有联系人的说法，一份书面文件或公开记录会让判断更可靠。', en: 'So far only what contacts said; a document or a public record would make it firm.' },
};

/**
 * What one piece of support weighs, by its kind and whether we verified it: the
 * chance, on its own, that the stage it shows is right.
 */
export const KIND_WEIGHT: Readonly<Record<EvidenceKind, { unverified: number; verified: number }>> = {
  documentary: { unverified: 0.9, verified: 0.95 },
  public_record: { unverified: 0.9, verified: 0.95 },
  observed: { unverified: 0.6, verified: 0.8 },
  stated: { unverified: 0.4, verified: 0.7 },
};

export interface ConfidencePiece {
  type: string;
  sourceContactId: string | null;
  verified: boolean;
}

/**
 * The independent source a piece comes from. A document or a public record
 * stands on its own, whoever handed it over (two copies of one kind of document
 * are one source); what was said or seen counts once per contact, however often
 * they repeat it (and once per type when no contact is named).
 */
export function sourceOf(p: ConfidencePiece): string {
  const kind = evidenceKindOf(p.type);
  if (kind === 'documentary' || kind === 'public_record') return `record:${p.type}`;
  return p.sourceContactId !== null ? `contact:${p.sourceContactId}` : `unattributed:${p.type}`;
}

const DAY_MS = 86_400_000;
/** Days after which the freshness factor halves. */
export const CONFIDENCE_HALF_LIFE_DAYS = 90;

/**
 * Confidence in an inferred stage, from its supporting evidence
 * (docs/decisions/0006 has the reasoning):
 *
 *   w(piece)   = KIND_WEIGHT[kind][verified]       documentary / public record 0.9 (0.95),
 *                                                  observed 0.6 (0.8), stated 0.4 (0.7)
 *   w(source)  = the largest w among the pieces of one independent source (sourceOf)
 *   support    = 1 − Π (1 − w(source))             independent sources back each other up
 *   freshness  = 0.5^(age / 90)     age = days since the newest supporting item (≥ 0)
 *   confidence = support · freshness, rounded to 3 decimals
 *
 * It never decreases when a piece is added or verified, and never increases with
 * age. Worked examples (fresh): one contact said so on the phone 0.4, and the
 * same contact saying it again still 0.4; two contacts 0.64; one contact,
 * verified 0.7; a signed contract 0.9; a published tender notice and one
 * contact 0.94; a signed contract 90 days old 0.45.
 */
export function inferenceConfidence(pieces: readonly ConfidencePiece[], ageDays: number): number {
  const best = new Map<string, number>();
  for (const p of pieces) {
    const w = KIND_WEIGHT[evidenceKindOf(p.type)][p.verified ? 'verified' : 'unverified'];
    const key = sourceOf(p);
    if (w > (best.get(key) ?? 0)) best.set(key, w);
  }
  let doubt = 1;
  for (const w of best.values()) doubt *= 1 - w;
  const freshness = 0.5 ** (Math.max(0, ageDays) / CONFIDENCE_HALF_LIFE_DAYS);
  return Math.round((1 - doubt) * freshness * 1000) / 1000;
}

/** The firmest kind among the pieces, and how many of each. */
export function strengthOf(pieces: readonly { kind: EvidenceKind }[]): { kinds: Partial<Record<EvidenceKind, number>>; strength: EvidenceStrength | null } {
  const kinds: Partial<Record<EvidenceKind, number>> = {};
  for (const p of pieces) kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
  const strength: EvidenceStrength | null = kinds.documentary || kinds.public_record ? 'documented' : kinds.observed ? 'observed' : kinds.stated ? 'stated' : null;
  return { kinds, strength };
}

/** "kind:n,…" → its words; the combinations are few, so each is rendered once (inference runs in hot loops). */
const KINDS_TEXT = new Map<string, Text>();
export function kindsText(signature: string, kinds: Partial<Record<EvidenceKind, number>>): Text {
  let t = KINDS_TEXT.get(signature);
  if (!t) {
    t = joinTexts(EVIDENCE_KINDS.filter((k) => kinds[k]).map((k) => buildMessage(EVIDENCE_KIND_COUNTS, k, { n: kinds[k]! }).text));
    if (KINDS_TEXT.size < 10_000) KINDS_TEXT.set(signature, t);
  }
  return t;
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
        kinds: {},
        strength: null,
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
    support.push({ id: e.id, type: e.type, kind: evidenceKindOf(e.type), sourceContactId: e.sourceContactId, verified: e.verified, occurredAt: e.occurredAt });
    if (e.sourceContactId !== null && !sources.includes(e.sourceContactId)) sources.push(e.sourceContactId);
    if (e.verified) verified++;
    if (t > newest) newest = t;
    if (t < last) sorted = false;
    last = t;
  }
  if (!sorted) support.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());

  const stage = model.stages[final]!;
  const confidence = inferenceConfidence(support, (now.getTime() - newest) / DAY_MS);
  const { kinds, strength } = strengthOf(support);

  let stepBack: StepBackInfo | null = null;
  let summary: Message;
  let signature = '';
  for (const k of EVIDENCE_KINDS) if (kinds[k]) signature += `${signature ? ',' : ''}${k}:${kinds[k]}`;
  const params = { stage: stage.key, count: support.length, contacts: sources.length, verified, strength: strength!, kinds: signature };
  const shown = { kinds: kindsText(signature, kinds), strength: EVIDENCE_STRENGTH_TEXT[strength!] };
  if (sbIndex >= 0) {
    const sb = evidence[sbIndex]!;
    const to = model.stages[sbStage]!;
    stepBack = { evidenceId: sb.id, type: sb.type, toStageKey: to.key, at: sb.occurredAt };
    summary = msg(
      'inference.stage_after_step_back',
      { ...params, stepBackType: sb.type, toStage: to.key, date: isoDate(sb.occurredAt) },
      { stage: stage.name, toStage: to.name, stepBackType: getEvidenceType(sb.type)!.label, ...shown },
    );
  } else {
    summary = msg('inference.stage', params, { stage: stage.name, ...shown });
  }

  return {
    stageKey: stage.key,
    stageIndex: final,
    confidence,
    explanation: { evidence: support, sources, independentContacts: sources.length, kinds, strength, stepBack, summary, ignored },
  };
}

/**
 * The stage the customer was at when we first met them: what the first
 * interaction (the earliest by when it happened, whenever it was logged)
 * reveals, its own evidence included, with everything known from before it.
 * A first interaction that is a tender notice shows a customer already at
 * tendering (seed 003: the criteria were written without us). Null before any
 * interaction.
 */
export function stageAtFirstContact(model: ProcessModel, evidence: readonly EvidenceFact[], interactions: readonly { occurredAt: Date }[]): { stageKey: string; at: Date } | null {
  let first = Infinity;
  for (const i of interactions) first = Math.min(first, i.occurredAt.getTime());
  if (first === Infinity) return null;
  const known = evidence.filter((e) => e.occurredAt.getTime() <= first);
  return { stageKey: inferStage({ model, evidence: known, now: new Date(first) }).stageKey, at: new Date(first) };
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
