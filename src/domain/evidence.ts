// Evidence types (证据类型): what the customer or a competitor did or said that
// shows where the customer's procurement project stands. Each type marks a
// milestone on the fine-grained ladder of the 8-stage internal process
// ("天龙八部": 1..8) plus 9 for after the contract (order, delivery, after-sales).
// Process models map milestones to their own stages.
//
// Step-back types (seed 002: the process is not linear) carry `stepBack`, the
// milestone the project falls back to; their `milestone` is that same milestone,
// because they are evidence that the project now stands there.
import type { Text } from './i18n';
import type { FactKind } from './labels';

/**
 * How a type of evidence is usually known, which is how much it can be trusted
 * (seed 003: "假话当真话", taking what one person said for the truth):
 * - documentary: a document of the customer's own (approval, criteria draft,
 *   invitation, notice, contract, order, acceptance);
 * - public_record: published for anyone to check (a tender notice, a failed tender);
 * - observed: something the customer did in front of us (asked for material,
 *   discussed specifications, held a negotiation);
 * - stated: what a contact told us.
 * docs/decisions/0006 has the worked examples of what each kind weighs.
 */
export const EVIDENCE_KINDS = ['documentary', 'public_record', 'observed', 'stated'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceKind, Text>> = Object.freeze({
  documentary: Object.freeze({ 'zh-CN': '书面文件', en: 'Documentary' }),
  public_record: Object.freeze({ 'zh-CN': '公开记录', en: 'Public record' }),
  observed: Object.freeze({ 'zh-CN': '我方所见', en: 'Observed' }),
  stated: Object.freeze({ 'zh-CN': '联系人所说', en: 'Stated by a contact' }),
});

export const MILESTONES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type Milestone = (typeof MILESTONES)[number];
export const MIN_MILESTONE = 1;
export const MAX_MILESTONE = 9;

export function isMilestone(value: unknown): value is Milestone {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_MILESTONE && value <= MAX_MILESTONE;
}

export const EVIDENCE_TYPE_KEYS = [
  'need_expressed',
  'dissatisfaction_with_incumbent',
  'feasibility_study',
  'budget_known',
  'budget_approved',
  'project_approved',
  'purchasing_team_named',
  'information_requested',
  'decision_date_set',
  'criteria_draft_received',
  'specification_discussed',
  'tender_notice_published',
  'invitation_received',
  'bid_submitted',
  'shortlisted',
  'demo_or_trial_requested',
  'preferred_supplier_notified',
  'negotiation_meeting',
  'price_concession',
  'payment_terms_agreed',
  'contract_signed',
  'order_placed',
  'delivery_accepted',
  'survey_answered',
  'repurchase_intent',
  'budget_cut',
  'tender_failed',
  'preferred_supplier_lost',
  'project_suspended',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPE_KEYS)[number];

export interface EvidenceTypeDef {
  key: EvidenceType;
  label: Text;
  milestone: Milestone;
  /** How this evidence is usually known: what it weighs in the confidence. */
  kind: EvidenceKind;
  /** For step-back evidence: the milestone the project falls back to. */
  stepBack?: Milestone;
  /** For evidence that establishes a key fact of the project. */
  fact?: FactKind;
}

const def = (key: EvidenceType, zh: string, en: string, milestone: Milestone, kind: EvidenceKind, extra: Partial<Pick<EvidenceTypeDef, 'stepBack' | 'fact'>> = {}): EvidenceTypeDef =>
  Object.freeze({ key, label: Object.freeze({ 'zh-CN': zh, en }), milestone, kind, ...extra });

/** All evidence types, in milestone order (step-back types last). */
export const EVIDENCE_TYPES: readonly EvidenceTypeDef[] = Object.freeze([
  def('need_expressed', '客户提出需求', 'Need expressed', 1, 'stated'),
  def('dissatisfaction_with_incumbent', '对现有供应商不满', 'Dissatisfaction with incumbent supplier', 1, 'stated'),
  def('feasibility_study', '开展可行性研究', 'Feasibility study under way', 2, 'stated'),
  def('budget_known', '已知预算金额', 'Budget amount known', 2, 'stated', { fact: 'budget' }),
  def('budget_approved', '预算已批准', 'Budget approved', 2, 'stated', { fact: 'budget' }),
  def('project_approved', '项目已立项', 'Project approved', 3, 'documentary'),
  def('purchasing_team_named', '采购小组成员已确定', 'Purchasing team members named', 3, 'stated'),
  def('information_requested', '客户索取资料', 'Information requested', 3, 'observed'),
  def('decision_date_set', '决策时间已确定', 'Decision date set', 3, 'stated', { fact: 'decision_date' }),
  def('criteria_draft_received', '收到采购标准草稿', 'Criteria draft received', 4, 'documentary', { fact: 'decision_criteria' }),
  def('specification_discussed', '讨论技术规格', 'Specification discussed', 4, 'observed'),
  def('tender_notice_published', '招标公告已发布', 'Tender notice published', 5, 'public_record'),
  def('invitation_received', '收到投标邀请', 'Invitation to bid received', 5, 'documentary'),
  def('bid_submitted', '已提交投标', 'Bid submitted', 5, 'documentary'),
  def('shortlisted', '已入围', 'Shortlisted', 5, 'documentary'),
  def('demo_or_trial_requested', '客户要求演示或试用', 'Demo or trial requested', 5, 'observed'),
  def('preferred_supplier_notified', '被通知为首选供应商', 'Notified as preferred supplier', 6, 'documentary'),
  def('negotiation_meeting', '商务谈判会议', 'Negotiation meeting', 7, 'observed'),
  def('price_concession', '价格让步', 'Price concession', 7, 'observed'),
  def('payment_terms_agreed', '付款条件已谈定', 'Payment terms agreed', 7, 'observed'),
  def('contract_signed', '合同已签订', 'Contract signed', 8, 'documentary'),
  def('order_placed', '客户已下订单', 'Order placed', 9, 'documentary'),
  def('delivery_accepted', '交付已验收', 'Delivery accepted', 9, 'documentary'),
  def('survey_answered', '客户完成满意度调查', 'Satisfaction survey answered', 9, 'documentary'),
  def('repurchase_intent', '客户有复购意向', 'Repurchase intent', 9, 'stated'),
  def('budget_cut', '预算被削减', 'Budget cut', 2, 'stated', { stepBack: 2 }),
  def('tender_failed', '招标失败（有效投标不足）', 'Tender failed (too few valid bids)', 5, 'public_record', { stepBack: 5 }),
  def('preferred_supplier_lost', '失去首选供应商地位', 'Preferred-supplier status lost', 5, 'documentary', { stepBack: 5 }),
  def('project_suspended', '项目暂停', 'Project suspended', 1, 'stated', { stepBack: 1 }),
]);

const BY_KEY: ReadonlyMap<string, EvidenceTypeDef> = new Map(EVIDENCE_TYPES.map((d) => [d.key, d]));

export function isEvidenceType(key: unknown): key is EvidenceType {
  return typeof key === 'string' && BY_KEY.has(key);
}

/** The definition of an evidence type; undefined for an unknown key. */
export function getEvidenceType(key: string): EvidenceTypeDef | undefined {
  return BY_KEY.get(key);
}

/** Evidence types that mark `milestone`, in declaration order. */
export function evidenceTypesForMilestone(milestone: number): EvidenceType[] {
  return EVIDENCE_TYPES.filter((d) => d.milestone === milestone).map((d) => d.key);
}

/** How evidence of this type is known; unknown types count as what someone said. */
export function evidenceKindOf(key: string): EvidenceKind {
  return BY_KEY.get(key)?.kind ?? 'stated';
}

export function isStepBack(key: string): boolean {
  return BY_KEY.get(key)?.stepBack !== undefined;
}

/** The key fact an evidence type establishes, or null. */
export function factKindOf(key: string): FactKind | null {
  return BY_KEY.get(key)?.fact ?? null;
}

/** Evidence types feeding each key fact. */
export const FACT_EVIDENCE: Readonly<Record<FactKind, readonly EvidenceType[]>> = Object.freeze({
  budget: ['budget_known', 'budget_approved'],
  decision_date: ['decision_date_set'],
  decision_criteria: ['criteria_draft_received'],
});

/** One recorded piece of evidence on an opportunity. */
export interface EvidenceFact {
  id: string;
  /** An evidence type key; unknown keys are ignored by inference. */
  type: string;
  occurredAt: Date;
  /** The contact who gave it; null for documents, public notices, platform events. */
  sourceContactId: string | null;
  verified: boolean;
  value?: string | null;
}
