// How a tender is shown: what it publishes (the same to the buyer and every
// supplier that may see it) and the buyer's own view on top. The status shown is
// the stored one moved on by the server clock (domain/buy/tender-status.ts).
import type { Tx } from '../../db/client';
import { checkTender, type TenderSetup } from '../../domain/buy/tender';
import { statusAt, type TenderStatus } from '../../domain/buy/tender-status';
import { TENDER_STATUS_LABELS } from '../../domain/buy/labels';
import { tenderRepo, type TenderRow } from './repository';

export interface StoredSetup {
  lots: TenderSetup['lots'];
  qualification: TenderSetup['qualification'];
  evaluation: TenderSetup['evaluation'];
}

export const setupOf = (t: TenderRow) => t.setup as unknown as StoredSetup;

export const effectiveStatus = (t: TenderRow, now: Date): TenderStatus => statusAt(t.status, { questionsUntil: t.questionsUntil, deadline: t.deadline }, now);

/** The tender as the domain rules check it; `publishAt` is the publication (or, for a draft, the planned one, else now). */
export function domainSetup(t: TenderRow, now: Date): TenderSetup {
  const s = setupOf(t);
  return {
    regime: t.regime,
    method: t.method,
    category: t.category,
    currency: t.currency,
    estimatedValue: String(t.estimatedValue),
    bidBond: String(t.bidBond),
    lots: s.lots,
    qualification: s.qualification,
    evaluation: s.evaluation,
    envelopes: t.envelopes,
    timeline: { publishAt: t.publishedAt ?? (t.publishAt && t.publishAt > now ? t.publishAt : now), questionsUntil: t.questionsUntil, deadline: t.deadline, openingAt: t.openingAt },
    minValidBids: t.minValidBids,
  };
}

export const problemsOf = (t: TenderRow, now: Date) => checkTender(domainSetup(t, now)).map((i) => ({ path: i.path, message: i.message.text }));

export async function publicView(tx: Tx, t: TenderRow, buyerName: string, now: Date) {
  const s = setupOf(t);
  const [docs, keys, clarifications, amendments] = [await tenderRepo.documents(tx, t.id), await tenderRepo.keys(tx, t.id), await tenderRepo.clarifications(tx, t.id), await tenderRepo.amendments(tx, t.id)];
  const status = effectiveStatus(t, now);
  return {
    id: t.id,
    buyerOrgId: t.organizationId,
    buyerName,
    number: t.number,
    title: t.title,
    regime: t.regime,
    method: t.method,
    category: t.category,
    currency: t.currency,
    estimatedValue: String(t.estimatedValue),
    bidBond: String(t.bidBond),
    lots: s.lots,
    qualification: s.qualification,
    evaluation: s.evaluation,
    envelopes: t.envelopes,
    timeline: { publishAt: (t.publishedAt ?? t.publishAt)?.toISOString() ?? null, questionsUntil: t.questionsUntil.toISOString(), deadline: t.deadline.toISOString(), openingAt: t.openingAt.toISOString() },
    minValidBids: t.minValidBids,
    status,
    statusLabel: TENDER_STATUS_LABELS[status],
    freezeHash: t.freezeHash,
    publishedAt: t.publishedAt?.toISOString() ?? null,
    cancelledReason: t.cancelledReason,
    keys: keys.map((k) => ({
      envelope: k.envelope as 'single' | 'technical' | 'price',
      publicKey: k.publicKey,
      fingerprint: k.fingerprint,
      threshold: k.threshold,
      holderUserIds: ((k.key as { shares?: { holderUserId: string }[] }).shares ?? []).map((x) => x.holderUserId),
      secretPublished: k.secret !== null,
    })),
    documents: docs.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
    clarifications: clarifications.map((c) => ({ id: c.id, question: c.question, answer: c.answer, publishedAt: c.publishedAt.toISOString() })),
    amendments: amendments.map((a) => ({ id: a.id, reason: a.reason, material: a.material, changes: a.changes, oldDeadline: a.oldDeadline.toISOString(), newDeadline: a.newDeadline.toISOString(), freezeHash: a.freezeHash, at: a.at.toISOString() })),
    serverTime: now.toISOString(),
  };
}

export function summaryOf(t: TenderRow, buyerName: string, now: Date, own: { invited: boolean; myBid: string | null; buyer: boolean }) {
  const status = effectiveStatus(t, now);
  return {
    id: t.id,
    number: t.number,
    title: t.title,
    buyerOrgId: t.organizationId,
    buyerName,
    projectId: own.buyer ? t.projectId : null,
    regime: t.regime,
    method: t.method,
    category: t.category,
    currency: t.currency,
    estimatedValue: String(t.estimatedValue),
    status,
    statusLabel: TENDER_STATUS_LABELS[status],
    deadline: t.deadline.toISOString(),
    openingAt: t.openingAt.toISOString(),
    publishedAt: t.publishedAt?.toISOString() ?? null,
    invited: own.invited,
    myBid: (own.myBid ?? 'none') as 'none' | 'active' | 'withdrawn',
  };
}
