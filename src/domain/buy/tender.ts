// A tender as the buyer sets it up, and the rules it must keep before it may be
// published (../shared/design/tendering.md): the regime's periods, the bid bond
// limit, the evaluation criteria and weights (100 % in all; the price weight's
// minimum in government procurement), lots and items. Pure: time comes in.
import { sha256 } from '@noble/hashes/sha2.js';
import { defineCatalog, messageFactory, type Message } from '../i18n';
import { canonicalJson, toHex, utf8 } from '../sealing/bytes';
import { isMoney, isQuantity, toCents, withinPercent } from './money';

export const REGIMES = ['enterprise', 'tender_law', 'gov_procurement'] as const;
export type Regime = (typeof REGIMES)[number];
export const TENDER_METHODS = ['open', 'invited'] as const;
export type TenderMethod = (typeof TENDER_METHODS)[number];
export const CATEGORIES = ['goods', 'services', 'works'] as const;
export type Category = (typeof CATEGORIES)[number];
export const EVALUATION_METHODS = ['lowest_price', 'comprehensive'] as const;
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];
export const CRITERION_PARTS = ['technical', 'commercial', 'price'] as const;
export type CriterionPart = (typeof CRITERION_PARTS)[number];
export const ENVELOPE_MODES = ['one', 'two'] as const;
export type EnvelopeMode = (typeof ENVELOPE_MODES)[number];

export const isLegalRegime = (r: Regime) => r !== 'enterprise';

const DAY = 86_400_000;
/** Legal regimes (tendering.md "Periods"). */
export const LEGAL_RULES = Object.freeze({
  minDocumentsToDeadlineDays: 20,
  clarificationBeforeDeadlineDays: 15,
  maxBidBondPercent: 2,
  minValidBids: 3,
  /** Government procurement: the price part's minimum weight by category. */
  minPriceWeight: Object.freeze({ goods: 30, services: 10 }) as Readonly<Record<'goods' | 'services', number>>,
});

export interface TenderItem {
  key: string;
  name: string;
  specification: string;
  quantity: string;
  unit: string;
}
export interface TenderLot {
  key: string;
  name: string;
  items: TenderItem[];
}
export interface Criterion {
  key: string;
  part: CriterionPart;
  name: string;
  /** Percent of the total, at most two decimals. */
  weight: number;
  /** The most points a member can give (the price part: full marks). */
  maxScore: number;
}
export interface Requirement {
  key: string;
  text: string;
}
export interface Timeline {
  publishAt: Date;
  questionsUntil: Date;
  deadline: Date;
  openingAt: Date;
}

export interface TenderSetup {
  regime: Regime;
  method: TenderMethod;
  category: Category;
  currency: string;
  estimatedValue: string;
  bidBond: string;
  lots: TenderLot[];
  qualification: Requirement[];
  evaluation: { method: EvaluationMethod; criteria: Criterion[] };
  envelopes: EnvelopeMode;
  timeline: Timeline;
  /** Fewer valid bids than this at the opening: nothing is opened, the tender fails. */
  minValidBids: number;
}

export const TENDER_MESSAGES = defineCatalog({
  'tender.required': { 'zh-CN': '必填', en: 'is required' },
  'tender.no_lots': { 'zh-CN': '至少要有一个标段', en: 'needs at least one lot' },
  'tender.no_items': { 'zh-CN': '每个标段至少要有一个品目', en: 'each lot needs at least one item' },
  'tender.duplicate_key': { 'zh-CN': '编号“{key}”重复', en: 'the key "{key}" is used twice' },
  'tender.quantity': { 'zh-CN': '数量必须大于 0，最多 4 位小数', en: 'must be more than 0, with at most 4 decimals' },
  'tender.amount': { 'zh-CN': '必须是金额，最多 2 位小数', en: 'must be an amount with at most 2 decimals' },
  'tender.positive': { 'zh-CN': '必须大于 0', en: 'must be more than 0' },
  'tender.bid_bond': {
    'zh-CN': '投标保证金不得超过估算价的 {max}%（{regime}）',
    en: 'the bid bond may be at most {max}% of the estimated value ({regime})',
  },
  'tender.criteria_for_lowest_price': {
    'zh-CN': '最低评标价法不设评分因素：价格决定排名，技术要求作为资格条件',
    en: 'the lowest evaluated price method has no scored criteria: price ranks, technical needs go into the qualification requirements',
  },
  'tender.criteria_needed': { 'zh-CN': '综合评分法至少需要一个价格因素和一个其他因素', en: 'comprehensive scoring needs a price criterion and at least one other' },
  'tender.one_price': { 'zh-CN': '必须恰好有一个价格因素', en: 'there must be exactly one price criterion' },
  'tender.weight': { 'zh-CN': '权重必须大于 0，最多 2 位小数', en: 'must be more than 0, with at most 2 decimals' },
  'tender.max_score': { 'zh-CN': '满分必须大于 0', en: 'the full marks must be more than 0' },
  'tender.weights_sum': { 'zh-CN': '各因素权重之和必须为 100%，现为 {sum}%', en: 'the weights must sum to 100%; they sum to {sum}%' },
  'tender.price_weight_min': {
    'zh-CN': '政府采购{category}项目的价格权重不得低于 {min}%，现为 {weight}%',
    en: 'government procurement of {category} needs a price weight of at least {min}%; it is {weight}%',
  },
  'tender.gov_works': {
    'zh-CN': '政府采购工程项目依照《招标投标法》进行，请选择“依法招标”',
    en: 'government procurement of works follows the Bidding Law: choose the tender_law regime',
  },
  'tender.order': { 'zh-CN': '必须晚于{after}', en: 'must be after {after}' },
  'tender.not_before': { 'zh-CN': '不得早于{after}', en: 'must not be before {after}' },
  'tender.min_period': {
    'zh-CN': '自招标文件发出至投标截止不得少于 {days} 天（{regime}），现为 {actual} 天',
    en: 'at least {days} days from the tender documents to the deadline ({regime}); it is {actual}',
  },
  'tender.questions_window': {
    'zh-CN': '澄清须在截止前至少 {days} 天发出，提问截止不得晚于 {latest}',
    en: 'clarifications must go out at least {days} days before the deadline: questions close by {latest} at the latest',
  },
  'tender.opening_at_deadline': { 'zh-CN': '依法招标的开标时间必须与投标截止时间相同', en: 'under the legal regimes the opening is at the deadline' },
  'tender.min_valid_bids': { 'zh-CN': '有效投标不少于 {min} 家（{regime}）', en: 'at least {min} valid bids ({regime})' },
  'tender.min_valid_bids_range': { 'zh-CN': '必须是 1 到 50 的整数', en: 'must be a whole number from 1 to 50' },
});
const tmsg = messageFactory(TENDER_MESSAGES);

export interface TenderIssue {
  /** Where: 'lots.0.items.1.quantity', 'evaluation.criteria', 'timeline.deadline'. */
  path: string;
  message: Message;
}

const FIELD_NAMES = {
  publishAt: { 'zh-CN': '发布时间', en: 'the publication' },
  questionsUntil: { 'zh-CN': '提问截止时间', en: 'the end of questions' },
  deadline: { 'zh-CN': '投标截止时间', en: 'the deadline' },
} as const;

/** Hundredths of a weight, or null when it has more than two decimals. */
function hundredths(w: number): number | null {
  const h = Math.round(w * 100);
  return Number.isFinite(w) && Math.abs(h - w * 100) < 1e-6 ? h : null;
}

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const k of keys) (seen.has(k) ? dup : seen).add(k);
  return [...dup];
}

/** Every rule a tender must keep to be published; an empty list when it may go out. */
export function checkTender(t: TenderSetup): TenderIssue[] {
  const issues: TenderIssue[] = [];
  const add = (path: string, message: Message) => issues.push({ path, message });
  const legal = isLegalRegime(t.regime);

  // Lots and items.
  if (!t.lots.length) add('lots', tmsg('tender.no_lots'));
  for (const k of duplicates(t.lots.map((l) => l.key))) add('lots', tmsg('tender.duplicate_key', { key: k }));
  t.lots.forEach((lot, i) => {
    if (!lot.name.trim()) add(`lots.${i}.name`, tmsg('tender.required'));
    if (!lot.items.length) add(`lots.${i}.items`, tmsg('tender.no_items'));
    for (const k of duplicates(lot.items.map((x) => x.key))) add(`lots.${i}.items`, tmsg('tender.duplicate_key', { key: k }));
    lot.items.forEach((item, j) => {
      if (!item.name.trim()) add(`lots.${i}.items.${j}.name`, tmsg('tender.required'));
      if (!item.unit.trim()) add(`lots.${i}.items.${j}.unit`, tmsg('tender.required'));
      if (!isQuantity(item.quantity)) add(`lots.${i}.items.${j}.quantity`, tmsg('tender.quantity'));
    });
  });

  // Value and bid bond.
  const valueOk = isMoney(t.estimatedValue) && toCents(t.estimatedValue) > 0n;
  if (!isMoney(t.estimatedValue)) add('estimatedValue', tmsg('tender.amount'));
  else if (!valueOk) add('estimatedValue', tmsg('tender.positive'));
  if (!isMoney(t.bidBond)) add('bidBond', tmsg('tender.amount'));
  else if (legal && valueOk && !withinPercent(t.bidBond, t.estimatedValue, LEGAL_RULES.maxBidBondPercent)) {
    add('bidBond', tmsg('tender.bid_bond', { max: LEGAL_RULES.maxBidBondPercent, regime: t.regime }));
  }

  // Evaluation.
  if (t.regime === 'gov_procurement' && t.category === 'works') add('category', tmsg('tender.gov_works'));
  const criteria = t.evaluation.criteria;
  for (const k of duplicates(criteria.map((c) => c.key))) add('evaluation.criteria', tmsg('tender.duplicate_key', { key: k }));
  if (t.evaluation.method === 'lowest_price') {
    if (criteria.length) add('evaluation.criteria', tmsg('tender.criteria_for_lowest_price'));
  } else {
    const prices = criteria.filter((c) => c.part === 'price');
    if (criteria.length < 2 || prices.length === 0) add('evaluation.criteria', tmsg('tender.criteria_needed'));
    else if (prices.length > 1) add('evaluation.criteria', tmsg('tender.one_price'));
    let sum = 0;
    let sumOk = true;
    criteria.forEach((c, i) => {
      const h = hundredths(c.weight);
      if (h === null || h <= 0) {
        add(`evaluation.criteria.${i}.weight`, tmsg('tender.weight'));
        sumOk = false;
      } else sum += h;
      if (!(Number.isFinite(c.maxScore) && c.maxScore > 0)) add(`evaluation.criteria.${i}.maxScore`, tmsg('tender.max_score'));
      if (!c.name.trim()) add(`evaluation.criteria.${i}.name`, tmsg('tender.required'));
    });
    if (sumOk && criteria.length && sum !== 10_000) add('evaluation.criteria', tmsg('tender.weights_sum', { sum: sum / 100 }));
    const price = prices[0];
    if (t.regime === 'gov_procurement' && price && (t.category === 'goods' || t.category === 'services')) {
      const min = LEGAL_RULES.minPriceWeight[t.category];
      if (price.weight < min) add(`evaluation.criteria.${criteria.indexOf(price)}.weight`, tmsg('tender.price_weight_min', { category: t.category, min, weight: price.weight }));
    }
  }

  // Timeline.
  const tl = t.timeline;
  const order = (path: keyof Timeline, after: keyof typeof FIELD_NAMES, strict: boolean) => {
    const bad = strict ? tl[path].getTime() <= tl[after].getTime() : tl[path].getTime() < tl[after].getTime();
    if (bad) add(`timeline.${path}`, tmsg(strict ? 'tender.order' : 'tender.not_before', { after }, { after: FIELD_NAMES[after] }));
    return !bad;
  };
  const ordered = [order('questionsUntil', 'publishAt', true), order('deadline', 'questionsUntil', false), order('openingAt', 'deadline', false)].every(Boolean);
  if (legal && ordered) {
    const days = Math.floor((tl.deadline.getTime() - tl.publishAt.getTime()) / DAY);
    if (days < LEGAL_RULES.minDocumentsToDeadlineDays) {
      add('timeline.deadline', tmsg('tender.min_period', { days: LEGAL_RULES.minDocumentsToDeadlineDays, regime: t.regime, actual: days }));
    }
    const latest = new Date(tl.deadline.getTime() - LEGAL_RULES.clarificationBeforeDeadlineDays * DAY);
    if (tl.questionsUntil.getTime() > latest.getTime()) {
      add('timeline.questionsUntil', tmsg('tender.questions_window', { days: LEGAL_RULES.clarificationBeforeDeadlineDays, latest: latest.toISOString() }));
    }
    if (tl.openingAt.getTime() !== tl.deadline.getTime()) add('timeline.openingAt', tmsg('tender.opening_at_deadline'));
  }

  if (!Number.isInteger(t.minValidBids) || t.minValidBids < 1 || t.minValidBids > 50) add('minValidBids', tmsg('tender.min_valid_bids_range'));
  else if (legal && t.minValidBids < LEGAL_RULES.minValidBids) add('minValidBids', tmsg('tender.min_valid_bids', { min: LEGAL_RULES.minValidBids, regime: t.regime }));
  return issues;
}

/** The envelopes a tender's bids have. */
export function envelopesOf(mode: EnvelopeMode): ('single' | 'technical' | 'price')[] {
  return mode === 'one' ? ['single'] : ['technical', 'price'];
}

/**
 * What publication freezes, hashed: lots and items, qualification requirements,
 * the evaluation method with its criteria and weights, the envelopes, and the
 * documents by their SHA-256. The hash is stored and shown; part 2's score sheets
 * check it.
 */
export function freezeHash(t: Pick<TenderSetup, 'lots' | 'qualification' | 'evaluation' | 'envelopes'>, documentSha256s: readonly string[]): string {
  const frozen = { lots: t.lots, qualification: t.qualification, evaluation: t.evaluation, envelopes: t.envelopes, documents: [...documentSha256s].sort() };
  return toHex(sha256(utf8(canonicalJson(frozen))));
}
