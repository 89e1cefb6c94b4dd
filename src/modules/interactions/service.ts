// Logging what happened with a customer: the interaction, the evidence it
// carries, the key facts that evidence establishes, and, in the same
// transaction, the re-inference of the opportunity's stage and risks.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { EVIDENCE_TYPES, type EvidenceTypeDef } from '../../domain/evidence';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { invalidField, notFound, unknownRef } from '../../server/errors';
import type { Events } from '../../server/events';
import { activityInsert, recordActivity, type ActivityInput } from '../shared/activity';
import { writeTogether } from '../../db/batch';
import { CursorKey, decodeCursor, encodeCursor } from '../shared/http';
import type { AnalysisRow } from '../opportunities/repository';
import { lockForAnalysis, modelOf, planReanalysis, reanalysisWrites, reanalyze } from '../opportunities/service';
import { interactionRepo, type EvidenceRow, type FactChange, type InteractionRow } from './repository';
import type { EvidencePatch, InteractionCreate, InteractionListQuery } from './schema';
import { text } from '../../domain/i18n';

const evidenceTypes = new Map<string, EvidenceTypeDef>(EVIDENCE_TYPES.map((e) => [e.key, e]));

function present(i: InteractionRow, ev: EvidenceRow[]) {
  return {
    id: i.id,
    accountId: i.accountId,
    opportunityId: i.opportunityId,
    type: i.type as never,
    occurredAt: i.occurredAt.toISOString(),
    summary: i.summary,
    customerResponse: i.customerResponse,
    competitorResponses: i.competitorResponses,
    contactIds: i.contactIds,
    userIds: i.userIds,
    evidence: ev.map((e) => ({ id: e.id, type: e.type, value: e.value, sourceContactId: e.sourceContactId, verified: e.verified, occurredAt: e.occurredAt.toISOString(), origin: e.origin })),
    origin: i.origin as 'manual' | 'tender',
    createdBy: i.createdBy,
    createdAt: i.createdAt.toISOString(),
  };
}


type CreateInput = z.infer<typeof InteractionCreate>;

/** Every referenced contact must belong to the interaction's account (and so to this organization). */
function checkContacts(input: CreateInput, found: ReadonlySet<string>) {
  input.contactIds.forEach((c, n) => {
    if (!found.has(c)) throw unknownRef(`body.contactIds.${n}`, 'contact');
  });
  input.evidence.forEach((e, n) => {
    if (e.sourceContactId && !found.has(e.sourceContactId)) throw unknownRef(`body.evidence.${n}.sourceContactId`, 'contact');
  });
}

/** Our participants must be members, competitors this organization's. One query each, only when given. */
async function checkOtherRefs(tx: Tx, ctx: TenantContext, input: CreateInput) {
  if (input.userIds.length) {
    const found = await interactionRepo.membersAmong(tx, ctx.orgId, input.userIds);
    input.userIds.forEach((u, n) => {
      if (!found.has(u)) throw unknownRef(`body.userIds.${n}`, 'member');
    });
  }
  if (input.competitorResponses.length) {
    const found = await interactionRepo.competitorsAmong(tx, input.competitorResponses.map((c) => c.competitorId));
    input.competitorResponses.forEach((c, n) => {
      if (!found.has(c.competitorId)) throw unknownRef(`body.competitorResponses.${n}.competitorId`, 'competitor');
    });
  }
}

function interactionRow(ctx: TenantContext, input: CreateInput, accountId: string, opportunityId: string | null, occurredAt: Date, now: Date, origin = 'manual'): InteractionRow {
  return {
    origin,
    id: randomUUID(),
    organizationId: ctx.orgId,
    accountId,
    opportunityId,
    type: input.type,
    occurredAt,
    summary: input.summary,
    customerResponse: input.customerResponse ?? null,
    competitorResponses: input.competitorResponses,
    contactIds: input.contactIds,
    userIds: input.userIds.length ? input.userIds : [ctx.userId],
    createdBy: ctx.userId,
    createdAt: now,
  };
}

function loggedActivity(row: InteractionRow, input: CreateInput): ActivityInput {
  return {
    entityType: 'interaction',
    entityId: row.id,
    accountId: row.accountId,
    opportunityId: row.opportunityId,
    action: 'interaction.logged',
    data: { type: input.type, summary: input.summary.slice(0, 500), customerResponse: input.customerResponse?.slice(0, 500) ?? null, evidence: input.evidence.map((e) => e.type), contacts: input.contactIds.length },
  };
}

async function logOnAccount(tx: Tx, ctx: TenantContext, input: CreateInput, occurredAt: Date, now: Date) {
  const accountId = input.accountId!;
  if (!(await interactionRepo.accountExists(tx, accountId))) throw unknownRef('body.accountId', 'account');
  if (input.contactIds.length) {
    checkContacts(input, await interactionRepo.contactsOfAccount(tx, input.contactIds, accountId));
  }
  await checkOtherRefs(tx, ctx, input);
  const row = interactionRow(ctx, input, accountId, null, occurredAt, now);
  await writeTogether(tx, [interactionRepo.insert(tx, row), activityInsert(tx, ctx, loggedActivity(row, input))]);
  return present(row, []);
}

/**
 * An interaction on an opportunity, in three round trips: the opportunity's
 * analysis row, locked (it also holds the account's contacts, which the
 * references are checked against); then, computed here, the row as these
 * writes leave it and its re-analysis; then every write in one statement.
 */
async function logOnOpportunity(tx: Tx, ctx: TenantContext, input: CreateInput, opportunityId: string, occurredAt: Date, now: Date, fromTender?: { originKeys: (string | null)[] }) {
  const row = await lockForAnalysis(tx, ctx, opportunityId);
  if (!row) throw unknownRef('body.opportunityId', 'opportunity');
  const o = row.opp;
  if (input.accountId && input.accountId !== o.accountId) throw invalidField('body.accountId', text('不是该商机所属的客户', "is not the opportunity's account"), 'account_mismatch');
  checkContacts(input, new Set(row.contacts.map((c) => c.id)));
  await checkOtherRefs(tx, ctx, input);
  const model = await modelOf(tx, o.processModel);

  const interaction = interactionRow(ctx, input, o.accountId, o.id, occurredAt, now, fromTender ? 'tender' : 'manual');
  const evidence: EvidenceRow[] = input.evidence.map((e, n) => ({
    id: randomUUID(),
    organizationId: ctx.orgId,
    opportunityId: o.id,
    interactionId: interaction.id,
    type: e.type,
    value: e.value ?? null,
    sourceContactId: e.sourceContactId ?? null,
    verified: e.verified,
    occurredAt,
    origin: fromTender ? 'tender' : 'manual',
    originKey: fromTender?.originKeys[n] ?? null,
    createdAt: now,
  }));
  const facts = factsAfter(row.facts, evidence, now);
  const counters = {
    interactionCount: o.interactionCount + 1,
    lastInteractionAt: !o.lastInteractionAt || occurredAt > o.lastInteractionAt ? occurredAt : o.lastInteractionAt,
    // The stage at first contact follows from the first interaction's evidence (planReanalysis).
    ...(!o.firstInteractionAt || occurredAt < o.firstInteractionAt ? { firstInteractionAt: occurredAt } : {}),
  };
  // The opportunity as these writes leave it, for the re-analysis.
  const after: AnalysisRow = {
    ...row,
    opp: { ...o, ...counters },
    evidence: withEvidence(row.evidence, evidence),
    interactions: [...row.interactions, { occurredAt: occurredAt.toISOString(), contactIds: interaction.contactIds }],
    facts: facts.all,
  };
  const plan = planReanalysis(ctx, after, model, now, { evidenceIds: evidence.map((e) => e.id), reason: `${input.type}: ${input.summary.slice(0, 120)}`, patch: counters });
  await writeTogether(tx, [
    interactionRepo.insert(tx, interaction),
    evidence.length > 0 && interactionRepo.insertEvidence(tx, evidence),
    ...facts.changed.map((f) => interactionRepo.upsertFact(tx, ctx.orgId, o.id, f, now)),
    activityInsert(tx, ctx, loggedActivity(interaction, input)),
    ...reanalysisWrites(tx, ctx, o.id, plan),
  ]);
  return present(interaction, evidence);
}

/** New evidence in the analysis order (occurred_at, then created_at: after what is already there). */
function withEvidence(existing: AnalysisRow['evidence'], added: EvidenceRow[]): AnalysisRow['evidence'] {
  const out = [...existing];
  for (const e of added) {
    const t = e.occurredAt.getTime();
    let at = out.length;
    while (at > 0 && new Date(out[at - 1]!.occurredAt).getTime() > t) at--;
    out.splice(at, 0, { id: e.id, type: e.type, occurredAt: e.occurredAt.toISOString(), sourceContactId: e.sourceContactId, verified: e.verified, value: e.value });
  }
  return out;
}

/**
 * Evidence that states a key fact (budget, decision date, criteria) records it:
 * the latest value, its source added to the fact's sources, verified once any
 * source verified it. One change per fact, however many pieces state it.
 */
function factsAfter(existing: AnalysisRow['facts'], evidence: EvidenceRow[], now: Date) {
  const changed = new Map<string, FactChange>();
  for (const e of evidence) {
    const kind = evidenceTypes.get(e.type)?.fact;
    if (!kind || !e.value) continue;
    const c = changed.get(kind) ?? { kind, value: e.value, added: [], verified: false };
    c.value = e.value;
    if (e.sourceContactId && !c.added.includes(e.sourceContactId)) c.added.push(e.sourceContactId);
    c.verified ||= e.verified;
    changed.set(kind, c);
  }
  // The facts as the upserts leave them (see interactionRepo.upsertFact).
  const all = new Map(existing.map((f) => [f.kind, f]));
  for (const c of changed.values()) {
    const f = all.get(c.kind);
    all.set(c.kind, { kind: c.kind, value: c.value, sourceContactIds: [...new Set([...(f?.sourceContactIds ?? []), ...c.added])], verified: (f?.verified ?? false) || c.verified, updatedAt: now.toISOString() });
  }
  return { all: [...all.values()], changed: [...changed.values()] };
}

/** What a tender event logs on a supplier's opportunity (modules/tender-link): an interaction of origin "tender" and its evidence, each piece with its event key. */
export interface TenderEventLog {
  opportunityId: string;
  type: CreateInput['type'];
  summary: string;
  occurredAt: Date;
  evidence: { type: string; value: string | null; originKey: string }[];
}

export const interactionService = {
  /**
   * Logs a tender's event on an opportunity inside the caller's transaction,
   * with re-inference, as a person's interaction would be; evidence whose event
   * key the opportunity already holds is not taken twice (the opportunity row is
   * locked, so concurrent logs of one event take it once). Returns whether it logged.
   */
  async logFromTender(tx: Tx, ctx: TenantContext, e: TenderEventLog, now: Date): Promise<boolean> {
    const held = await interactionRepo.originKeysOf(tx, e.opportunityId, e.evidence.map((x) => x.originKey));
    const fresh = e.evidence.filter((x) => !held.has(x.originKey));
    if (!fresh.length) return false;
    const input: CreateInput = {
      opportunityId: e.opportunityId,
      type: e.type,
      summary: e.summary,
      competitorResponses: [],
      contactIds: [],
      userIds: [],
      evidence: fresh.map((x) => ({ type: x.type, value: x.value, sourceContactId: null, verified: true })),
    };
    await logOnOpportunity(tx, ctx, input, e.opportunityId, e.occurredAt, now, { originKeys: fresh.map((x) => x.originKey) });
    return true;
  },


  async create(deps: { db: Db; events: Events }, ctx: TenantContext, input: z.infer<typeof InteractionCreate>) {
    const now = new Date();
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
    if (occurredAt.getTime() > now.getTime() + 5 * 60_000) throw invalidField('body.occurredAt', text('不能晚于现在', 'must not be in the future'), 'in_future');
    if (input.evidence.length && !input.opportunityId) throw invalidField('body.opportunityId', text('互动带有证据时必填', 'is required when the interaction carries evidence'), 'required');
    input.evidence.forEach((e, n) => {
      if (!evidenceTypes.has(e.type)) throw invalidField(`body.evidence.${n}.type`, text('不是已知的证据类型', 'is not a known evidence type'), 'unknown_evidence_type');
    });
    const result = await withTenant(deps.db, ctx, (tx) => (input.opportunityId ? logOnOpportunity(tx, ctx, input, input.opportunityId, occurredAt, now) : logOnAccount(tx, ctx, input, occurredAt, now)));
    if (result.opportunityId) deps.events.emit(ctx.orgId, 'opportunity.changed', { id: result.opportunityId });
    return result;
  },

  async list(db: Db, ctx: TenantContext, q: z.infer<typeof InteractionListQuery>) {
    const after = decodeCursor(q.cursor, [CursorKey.isoTime, CursorKey.id]);
    return readTenant(db, ctx, async (tx) => {
      if (q.opportunityId && !(await interactionRepo.visibleOpportunity(tx, ctx, q.opportunityId))) throw notFound('opportunity');
      const rows = await interactionRepo.page(tx, ctx, { opportunityId: q.opportunityId, accountId: q.accountId, after, limit: q.limit });
      const page = rows.slice(0, q.limit);
      const ev = await interactionRepo.evidenceOf(tx, page.map((r) => r.id));
      const last = page[page.length - 1];
      return {
        items: page.map((r) => present(r, ev.filter((e) => e.interactionId === r.id))),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null,
      };
    });
  },

  /** One evidence item: a read by primary key (also the benchmark's baseline route). */
  async getEvidence(db: Db, ctx: TenantContext, id: string) {
    return readTenant(db, ctx, async (tx) => {
      const e = await interactionRepo.visibleEvidence(tx, ctx, id);
      if (!e) throw notFound('evidence');
      return { id: e.id, type: e.type, value: e.value, sourceContactId: e.sourceContactId, verified: e.verified, occurredAt: e.occurredAt.toISOString(), origin: e.origin };
    });
  },

  /** Mark a piece of evidence verified (or not); the stage and risks follow. */
  async verifyEvidence(deps: { db: Db; events: Events }, ctx: TenantContext, id: string, body: z.infer<typeof EvidencePatch>) {
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const e = await interactionRepo.visibleEvidence(tx, ctx, id);
      if (!e) throw notFound('evidence');
      const after = await interactionRepo.setEvidenceVerified(tx, id, body.verified);
      await recordActivity(tx, ctx, { entityType: 'evidence', entityId: id, opportunityId: e.opportunityId, action: 'evidence.verified', data: { type: e.type, changes: { verified: [e.verified, body.verified] } } });
      await reanalyze(tx, ctx, e.opportunityId, { evidenceIds: [id] });
      return { id: after!.id, type: after!.type, value: after!.value, sourceContactId: after!.sourceContactId, verified: after!.verified, occurredAt: after!.occurredAt.toISOString(), origin: after!.origin, opportunityId: e.opportunityId };
    });
    deps.events.emit(ctx.orgId, 'opportunity.changed', { id: out.opportunityId });
    const { opportunityId: _o, ...rest } = out;
    return rest;
  },
};
