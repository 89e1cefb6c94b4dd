// Enumerations of the domain with their zh-CN and en labels. Each is an
// `as const` array (usable by zod's z.enum) plus a label map keyed by value.
import type { Text } from './i18n';

type Labels<T extends string> = Readonly<Record<T, Text>>;

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

/** True when `value` is one of `values` (a type guard for the enumerations below). */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export const INDUSTRIES = ['medical', 'manufacturing', 'insurance', 'software', 'government', 'education', 'energy', 'retail', 'other'] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const INDUSTRY_LABELS: Labels<Industry> = {
  medical: t('医疗', 'Medical'),
  manufacturing: t('制造业', 'Manufacturing'),
  insurance: t('保险', 'Insurance'),
  software: t('软件', 'Software'),
  government: t('政府', 'Government'),
  education: t('教育', 'Education'),
  energy: t('能源', 'Energy'),
  retail: t('零售', 'Retail'),
  other: t('其他', 'Other'),
};

export const ACCOUNT_SIZES = ['small', 'medium', 'large', 'enterprise'] as const;
export type AccountSize = (typeof ACCOUNT_SIZES)[number];
export const ACCOUNT_SIZE_LABELS: Labels<AccountSize> = {
  small: t('小型企业', 'Small'),
  medium: t('中型企业', 'Medium'),
  large: t('大型企业', 'Large'),
  enterprise: t('集团企业', 'Enterprise'),
};

export const PROCUREMENT_POLICIES = [
  'local_supplier_preference',
  'lowest_price',
  'value_for_money',
  'quality_first',
  'centralized_tender',
  'framework_agreement',
] as const;
export type ProcurementPolicy = (typeof PROCUREMENT_POLICIES)[number];
export const PROCUREMENT_POLICY_LABELS: Labels<ProcurementPolicy> = {
  local_supplier_preference: t('本地供应商优先', 'Local supplier preference'),
  lowest_price: t('最低价中标', 'Lowest price wins'),
  value_for_money: t('性价比优先', 'Value for money'),
  quality_first: t('质量优先', 'Quality first'),
  centralized_tender: t('集中招标采购', 'Centralized tender'),
  framework_agreement: t('框架协议采购', 'Framework agreement'),
};

export const BUDGET_CYCLES = ['annual', 'semiannual', 'quarterly', 'project_based'] as const;
export type BudgetCycle = (typeof BUDGET_CYCLES)[number];
export const BUDGET_CYCLE_LABELS: Labels<BudgetCycle> = {
  annual: t('年度预算', 'Annual'),
  semiannual: t('半年度预算', 'Semiannual'),
  quarterly: t('季度预算', 'Quarterly'),
  project_based: t('按项目预算', 'Project-based'),
};

/** Roles in the buying center (采购决策角色). "Coach" is a flag on a contact, not a role. */
export const BUYING_ROLES = ['decision_maker', 'user', 'influencer', 'purchaser', 'supervisor'] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];
export const BUYING_ROLE_LABELS: Labels<BuyingRole> = {
  decision_maker: t('决策者', 'Decision maker'),
  user: t('使用者', 'User'),
  influencer: t('影响者', 'Influencer'),
  purchaser: t('采购者', 'Purchaser'),
  supervisor: t('监理', 'Supervisor'),
};
/** The coach (教练): an insider who guides the seller; a flag on a contact. */
export const COACH_LABEL: Text = t('教练', 'Coach');

export const ATTITUDES = ['supporter', 'neutral', 'opponent'] as const;
export type Attitude = (typeof ATTITUDES)[number];
export const ATTITUDE_LABELS: Labels<Attitude> = {
  supporter: t('支持者', 'Supporter'),
  neutral: t('中立', 'Neutral'),
  opponent: t('反对者', 'Opponent'),
};

export const INTERACTION_TYPES = ['visit', 'call', 'meeting', 'demo', 'trial', 'email', 'document_received', 'tender_notice', 'bid_submitted', 'other'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];
export const INTERACTION_TYPE_LABELS: Labels<InteractionType> = {
  visit: t('拜访', 'Visit'),
  call: t('电话', 'Call'),
  meeting: t('会议', 'Meeting'),
  demo: t('产品演示', 'Demo'),
  trial: t('试用', 'Trial'),
  email: t('邮件', 'Email'),
  document_received: t('收到文件', 'Document received'),
  tender_notice: t('招标公告', 'Tender notice'),
  bid_submitted: t('提交投标', 'Bid submitted'),
  other: t('其他', 'Other'),
};

export const COMPETITOR_POSITIONS = ['incumbent', 'active', 'shortlisted', 'preferred', 'eliminated', 'won'] as const;
export type CompetitorPosition = (typeof COMPETITOR_POSITIONS)[number];
export const COMPETITOR_POSITION_LABELS: Labels<CompetitorPosition> = {
  incumbent: t('现有供应商', 'Incumbent'),
  active: t('参与竞争', 'Active'),
  shortlisted: t('已入围', 'Shortlisted'),
  preferred: t('首选供应商', 'Preferred'),
  eliminated: t('已出局', 'Eliminated'),
  won: t('中标', 'Won'),
};

export const OUTCOMES = ['open', 'won', 'lost', 'abandoned'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Labels<Outcome> = {
  open: t('进行中', 'Open'),
  won: t('赢单', 'Won'),
  lost: t('丢单', 'Lost'),
  abandoned: t('客户放弃', 'Abandoned by customer'),
};
export const CLOSED_OUTCOMES = ['won', 'lost', 'abandoned'] as const satisfies readonly Outcome[];
export function isClosedOutcome(outcome: Outcome): boolean {
  return outcome !== 'open';
}

export const OPPORTUNITY_SOURCES = ['referral', 'inbound', 'outbound', 'tender_notice', 'existing_customer', 'event', 'partner', 'other'] as const;
export type OpportunitySource = (typeof OPPORTUNITY_SOURCES)[number];
export const OPPORTUNITY_SOURCE_LABELS: Labels<OpportunitySource> = {
  referral: t('客户转介绍', 'Referral'),
  inbound: t('客户主动询价', 'Inbound'),
  outbound: t('主动开发', 'Outbound'),
  tender_notice: t('招标公告', 'Tender notice'),
  existing_customer: t('老客户', 'Existing customer'),
  event: t('展会活动', 'Event'),
  partner: t('合作伙伴', 'Partner'),
  other: t('其他', 'Other'),
};

/** Key facts of a procurement project, each known from sources and possibly verified. */
export const FACT_KINDS = ['budget', 'decision_date', 'decision_criteria'] as const;
export type FactKind = (typeof FACT_KINDS)[number];
export const FACT_KIND_LABELS: Labels<FactKind> = {
  budget: t('预算', 'Budget'),
  decision_date: t('决策时间', 'Decision date'),
  decision_criteria: t('采购标准', 'Decision criteria'),
};

export const ORG_ROLES = ['owner', 'admin', 'manager', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
export const ORG_ROLE_LABELS: Labels<OrgRole> = {
  owner: t('所有者', 'Owner'),
  admin: t('管理员', 'Admin'),
  manager: t('经理', 'Manager'),
  member: t('成员', 'Member'),
};

export const ORG_KINDS = ['seller', 'buyer', 'both'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Labels<OrgKind> = {
  seller: t('销售方', 'Seller'),
  buyer: t('采购方', 'Buyer'),
  both: t('买卖双方', 'Seller and buyer'),
};
