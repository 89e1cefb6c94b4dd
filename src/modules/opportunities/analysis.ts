// Runs the domain rules (src/domain) on one opportunity: stage inference with its
// explanation, the comparison with the stage the owner set, risks, next-action
// suggestions and the buying-center view. Pure: takes the loaded AnalysisRow.
import { BUYING_ROLES, type BuyingRole } from '../../domain/labels';
import { EVIDENCE_KIND_LABELS, EVIDENCE_TYPES } from '../../domain/evidence';
import { compareWithSet, inferStage, stageAtFirstContact, type Inference } from '../../domain/inference';
import type { Message } from '../../domain/i18n';
import { getStage } from '../../domain/process-models';
import {
  buyingCenterGaps,
  DEFAULT_RISK_THRESHOLDS,
  evaluateRisks,
  neededRoles,
  pendingRiskChecks,
  RISK_CODES,
  riskTitle,
  type Risk,
  type RiskInput,
  type RiskThresholds,
} from '../../domain/risks';
import { suggestNextActions } from '../../domain/playbook';
import type { ProcessModel } from '../../domain/process-models';
import type { AnalysisRow } from './repository';

export interface Analysis {
  inference: Inference;
  comparison: ReturnType<typeof compareWithSet>;
  risks: Risk[];
  /** Checks that wait for more data before judging (e.g. single channel). */
  pending: Message[];
  suggestions: ReturnType<typeof suggestNextActions>;
  riskInput: RiskInput;
  thresholds: RiskThresholds;
  /** The stage the first interaction revealed (entered late is judged from it). */
  firstContact: { stageKey: string; at: Date } | null;
}

export function thresholdsOf(row: Pick<AnalysisRow, 'riskThresholds'>): RiskThresholds {
  return { ...DEFAULT_RISK_THRESHOLDS, ...((row.riskThresholds ?? {}) as Partial<RiskThresholds>) };
}

export function analyse(row: AnalysisRow, model: ProcessModel, now: Date): Analysis {
  const o = row.opp;
  const evidence = row.evidence.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) }));
  const interactions = row.interactions.map((i) => ({ occurredAt: new Date(i.occurredAt), contactIds: i.contactIds }));
  const inference = inferStage({ model, now, evidence });
  const firstContact = stageAtFirstContact(model, evidence, interactions);
  const effective = o.stageSet ?? inference.stageKey;
  const riskInput: RiskInput = {
    model,
    stageKey: effective,
    outcome: o.outcome as RiskInput['outcome'],
    stageEnteredAt: o.stageEnteredAt,
    createdAt: o.createdAt,
    facts: row.facts.map((f) => ({ kind: f.kind as never, sourceContactIds: f.sourceContactIds, verified: f.verified })),
    contacts: row.contacts.map((c) => ({ id: c.id, name: c.name, roles: c.roles as BuyingRole[], isCoach: c.isCoach, attitude: c.attitude as never, influence: c.influence })),
    interactions,
    firstInteractionStageKey: firstContact?.stageKey ?? null,
    competitors: row.competitors.map((c) => ({ position: c.position as never, name: c.name })),
    stageDurationP75Days: row.stageDurationP75[`${o.processModel}:${effective}`] ?? null,
    now,
  };
  const thresholds = thresholdsOf(row);
  const risks = evaluateRisks(riskInput, thresholds);
  const suggestions = suggestNextActions({ ...riskInput, risks, openTaskKeys: row.openTaskKeys });
  return { inference, comparison: compareWithSet(model, o.stageSet, inference), risks, pending: pendingRiskChecks(riskInput, thresholds), suggestions, riskInput, thresholds, firstContact };
}

const evidenceLabel = new Map<string, { 'zh-CN': string; en: string }>(EVIDENCE_TYPES.map((e) => [e.key, e.label]));

export function presentAnalysis(row: AnalysisRow, a: Analysis) {
  const names = new Map(row.contacts.map((c) => [c.id, c.name]));
  const counts = new Map<string, { n: number; last: string | null }>();
  for (const i of row.interactions) {
    for (const id of i.contactIds) {
      const cur = counts.get(id) ?? { n: 0, last: null };
      cur.n += 1;
      if (!cur.last || i.occurredAt > cur.last) cur.last = i.occurredAt;
      counts.set(id, cur);
    }
  }
  const present = new Set(row.contacts.flatMap((c) => c.roles));
  const stage = getStage(a.riskInput.model, a.riskInput.stageKey);
  const needed = stage ? neededRoles(stage.backbone, a.thresholds) : [];
  const gaps = new Map(buyingCenterGaps(a.riskInput, needed).map((g) => [g.role, g.status]));
  return {
    inference: {
      stageKey: a.inference.stageKey,
      confidence: a.inference.confidence,
      evidence: a.inference.explanation.evidence.map((e) => ({
        id: e.id,
        type: e.type,
        label: evidenceLabel.get(e.type) ?? { 'zh-CN': e.type, en: e.type },
        kind: e.kind,
        kindLabel: EVIDENCE_KIND_LABELS[e.kind],
        sourceContactId: e.sourceContactId,
        sourceContactName: e.sourceContactId ? names.get(e.sourceContactId) ?? null : null,
        verified: e.verified,
        occurredAt: new Date(e.occurredAt).toISOString(),
      })),
      independentContacts: a.inference.explanation.independentContacts,
      kinds: a.inference.explanation.kinds,
      strength: a.inference.explanation.strength,
      stepBack: a.inference.explanation.stepBack
        ? { ...a.inference.explanation.stepBack, at: new Date(a.inference.explanation.stepBack.at).toISOString() }
        : null,
      summary: a.inference.explanation.summary,
      comparison: a.comparison,
    },
    risks: a.risks.map((r) => ({ code: r.code, severity: r.severity, title: riskTitle(r.code), message: r.message })),
    risksPending: a.pending,
    firstContact: a.firstContact ? { stageKey: a.firstContact.stageKey, at: a.firstContact.at.toISOString() } : null,
    suggestions: a.suggestions,
    buyingCenter: {
      members: row.contacts
        .filter((c) => c.roles.length > 0 || c.isCoach || counts.has(c.id))
        .map((c) => ({
          contactId: c.id,
          name: c.name,
          title: c.title,
          buyingRoles: c.roles as BuyingRole[],
          isCoach: c.isCoach,
          attitude: c.attitude as never,
          influence: c.influence,
          interactions: counts.get(c.id)?.n ?? 0,
          engaged: counts.has(c.id),
          lastContactAt: counts.get(c.id)?.last ? new Date(counts.get(c.id)!.last!).toISOString() : null,
        })),
      missingRoles: BUYING_ROLES.filter((r) => !present.has(r)),
      /** The roles this stage needs, and whether we have met someone in each. */
      neededRoles: needed.map((role) => ({ role, status: gaps.get(role) ?? ('engaged' as const) })),
      hasCoach: row.contacts.some((c) => c.isCoach),
    },
  };
}

export { RISK_CODES };
