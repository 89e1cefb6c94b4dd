// The tender wizard's form model: what the buyer edits, how it becomes the
// domain's TenderSetup (so the rules of domain/buy/tender.ts check it live, the
// same rules the server applies at publication), and the API body.
import { checkTender, type TenderSetup } from '../../../domain/buy/tender';
import type { Tender } from '../../api/buy';

export interface ItemForm {
  key?: string;
  name: string;
  specification: string;
  quantity: string;
  unit: string;
}
export interface TenderForm {
  projectId: string;
  title: string;
  regime: TenderSetup['regime'];
  method: TenderSetup['method'];
  category: TenderSetup['category'];
  currency: string;
  estimatedValue: string;
  bidBond: string;
  lots: { key?: string; name: string; items: ItemForm[] }[];
  qualification: { key?: string; text: string }[];
  evaluationMethod: TenderSetup['evaluation']['method'];
  criteria: { key?: string; part: 'technical' | 'commercial' | 'price'; name: string; weight: number; maxScore: number }[];
  envelopes: 'one' | 'two';
  publishAt: string;
  questionsUntil: string;
  deadline: string;
  openingAt: string;
  minValidBids: number;
  showBidCount: boolean;
  amendmentMinDays: number;
  keyThreshold: number;
  keyHolderIds: string[];
}

/** A datetime-local value (the browser's local time) as an instant, and back. */
export const toIso = (local: string) => (local ? new Date(local).toISOString() : '');
export const toLocal = (iso: string | null | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

const at = (days: number, hour = 10) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setHours(hour, 0, 0, 0);
  return toLocal(d.toISOString());
};

export function blankForm(projectId = ''): TenderForm {
  return {
    projectId,
    title: '',
    regime: 'enterprise',
    method: 'invited',
    category: 'goods',
    currency: 'CNY',
    estimatedValue: '',
    bidBond: '0',
    lots: [{ name: '', items: [{ name: '', specification: '', quantity: '1', unit: '' }] }],
    qualification: [{ text: '' }],
    evaluationMethod: 'comprehensive',
    criteria: [
      { part: 'technical', name: '', weight: 50, maxScore: 100 },
      { part: 'commercial', name: '', weight: 20, maxScore: 100 },
      { part: 'price', name: '', weight: 30, maxScore: 100 },
    ],
    envelopes: 'one',
    publishAt: at(1),
    questionsUntil: at(6),
    deadline: at(22),
    openingAt: at(22),
    minValidBids: 3,
    showBidCount: true,
    amendmentMinDays: 3,
    keyThreshold: 2,
    keyHolderIds: [],
  };
}

export function formOf(t: Tender): TenderForm {
  return {
    projectId: t.projectId,
    title: t.title,
    regime: t.regime,
    method: t.method,
    category: t.category,
    currency: t.currency,
    estimatedValue: t.estimatedValue,
    bidBond: t.bidBond,
    lots: t.lots,
    qualification: t.qualification,
    evaluationMethod: t.evaluation.method,
    criteria: t.evaluation.criteria,
    envelopes: t.envelopes,
    publishAt: toLocal(t.timeline.publishAt),
    questionsUntil: toLocal(t.timeline.questionsUntil),
    deadline: toLocal(t.timeline.deadline),
    openingAt: toLocal(t.timeline.openingAt),
    minValidBids: t.minValidBids,
    showBidCount: t.showBidCount,
    amendmentMinDays: t.amendmentMinDays,
    keyThreshold: t.keyThreshold,
    keyHolderIds: t.keyHolders.map((h) => h.userId),
  };
}

const criteriaOf = (f: TenderForm) => (f.evaluationMethod === 'lowest_price' ? [] : f.criteria);

/** The setup as the domain rules see it (keys filled in as the server fills them). */
export function setupOf(f: TenderForm): TenderSetup {
  const date = (s: string) => (s ? new Date(s) : new Date(NaN));
  return {
    regime: f.regime,
    method: f.method,
    category: f.category,
    currency: f.currency,
    estimatedValue: f.estimatedValue,
    bidBond: f.bidBond,
    lots: f.lots.map((l, i) => ({ key: l.key ?? `L${i + 1}`, name: l.name, items: l.items.map((it, j) => ({ ...it, key: it.key ?? `${l.key ?? `L${i + 1}`}.${j + 1}` })) })),
    qualification: f.qualification.filter((q) => q.text.trim()).map((q, i) => ({ key: q.key ?? `Q${i + 1}`, text: q.text })),
    evaluation: { method: f.evaluationMethod, criteria: criteriaOf(f).map((c, i) => ({ ...c, key: c.key ?? `C${i + 1}` })) },
    envelopes: f.envelopes,
    timeline: { publishAt: f.publishAt ? date(f.publishAt) : new Date(), questionsUntil: date(f.questionsUntil), deadline: date(f.deadline), openingAt: date(f.openingAt) },
    minValidBids: f.minValidBids,
  };
}

/** The domain's issues for the form, by path ('evaluation.criteria.2.weight'). */
export function liveIssues(f: TenderForm) {
  const s = setupOf(f);
  if ([s.timeline.questionsUntil, s.timeline.deadline, s.timeline.openingAt].some((d) => Number.isNaN(d.getTime()))) return [];
  return checkTender(s);
}

export function bodyOf(f: TenderForm) {
  return {
    title: f.title,
    regime: f.regime,
    method: f.method,
    category: f.category,
    currency: f.currency,
    estimatedValue: f.estimatedValue,
    bidBond: f.bidBond || '0',
    lots: f.lots.map((l) => ({ ...(l.key ? { key: l.key } : {}), name: l.name, items: l.items.map((it) => ({ ...(it.key ? { key: it.key } : {}), name: it.name, specification: it.specification, quantity: it.quantity, unit: it.unit })) })),
    qualification: f.qualification.filter((q) => q.text.trim()).map((q) => ({ ...(q.key ? { key: q.key } : {}), text: q.text })),
    evaluation: { method: f.evaluationMethod, criteria: criteriaOf(f).map((c) => ({ ...(c.key ? { key: c.key } : {}), part: c.part, name: c.name, weight: c.weight, maxScore: c.maxScore })) },
    envelopes: f.envelopes,
    timeline: { publishAt: f.publishAt ? toIso(f.publishAt) : null, questionsUntil: toIso(f.questionsUntil), deadline: toIso(f.deadline), openingAt: toIso(f.openingAt) },
    minValidBids: f.minValidBids,
    showBidCount: f.showBidCount,
    amendmentMinDays: f.amendmentMinDays,
    keyThreshold: f.keyThreshold,
    keyHolderIds: f.keyHolderIds,
  };
}

/** The sum of the weights, in hundredths (exact). */
export const weightSum = (f: TenderForm) => criteriaOf(f).reduce((s, c) => s + Math.round((Number(c.weight) || 0) * 100), 0) / 100;
