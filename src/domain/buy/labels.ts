// The buy side's words in both languages: regimes, methods, categories, states,
// certification dimensions and levels, evaluation methods and parts, envelopes,
// what the opening found. Shared by the server (messages, notifications), the
// web app and the CLI.
import type { Text } from '../i18n';
import type { CertDimension, CertStatus } from './certification';
import type { TenderStatus } from './tender-status';
import type { Category, CriterionPart, EnvelopeMode, EvaluationMethod, Regime, TenderMethod } from './tender';

const t = (zh: string, en: string): Text => Object.freeze({ 'zh-CN': zh, en });

export const REGIME_LABELS: Readonly<Record<Regime, Text>> = {
  enterprise: t('企业自主采购', 'Enterprise purchasing'),
  tender_law: t('依法招标（招标投标法）', 'Mandatory tendering (Bidding Law)'),
  gov_procurement: t('政府采购', 'Government procurement'),
};

export const METHOD_LABELS: Readonly<Record<TenderMethod, Text>> = {
  open: t('公开招标', 'Open tender'),
  invited: t('邀请招标', 'Invited (selective) tender'),
};

export const CATEGORY_LABELS: Readonly<Record<Category, Text>> = {
  goods: t('货物', 'goods'),
  services: t('服务', 'services'),
  works: t('工程', 'works'),
};

export const TENDER_STATUS_LABELS: Readonly<Record<TenderStatus, Text>> = {
  draft: t('草稿', 'Draft'),
  published: t('已发布，接受投标', 'Published, taking bids'),
  questions_closed: t('提问已截止，接受投标', 'Questions closed, taking bids'),
  bidding_closed: t('投标已截止，待开标', 'Bidding closed, to be opened'),
  opened: t('已开标', 'Opened'),
  failed: t('流标，需重新招标', 'Failed; re-tender'),
  cancelled: t('已取消', 'Cancelled'),
};

export const CERT_STATUS_LABELS: Readonly<Record<CertStatus, Text>> = {
  applied: t('已申请', 'Applied'),
  certified: t('已认证', 'Certified'),
  rejected: t('未通过', 'Rejected'),
  suspended: t('已暂停', 'Suspended'),
  blacklisted: t('黑名单', 'Blacklisted'),
  expired: t('已过期', 'Expired'),
};

export const CERT_DIMENSION_LABELS: Readonly<Record<CertDimension, Text>> = {
  quality: t('品质', 'Quality'),
  delivery: t('交货期', 'Delivery'),
  credit: t('资信', 'Credit standing'),
};

export const EVALUATION_METHOD_LABELS: Readonly<Record<EvaluationMethod, Text>> = {
  lowest_price: t('最低评标价法', 'Lowest evaluated price'),
  comprehensive: t('综合评分法', 'Comprehensive scoring'),
};

export const CRITERION_PART_LABELS: Readonly<Record<CriterionPart, Text>> = {
  technical: t('技术', 'Technical'),
  commercial: t('商务', 'Commercial'),
  price: t('价格', 'Price'),
};

export const ENVELOPE_MODE_LABELS: Readonly<Record<EnvelopeMode, Text>> = {
  one: t('一个信封（资格、技术、报价一并密封）', 'One envelope (qualification, technical and price sealed together)'),
  two: t('两个信封（技术标与报价分别密封）', 'Two envelopes (technical and price sealed apart)'),
};

export const ENVELOPE_LABELS: Readonly<Record<'single' | 'technical' | 'price', Text>> = {
  single: t('投标文件', 'Bid'),
  technical: t('技术标', 'Technical envelope'),
  price: t('报价标', 'Price envelope'),
};

/** What the opening found in a bid. */
export const OPENING_OUTCOMES = ['opened', 'withdrawn', 'revoked', 'unconfirmed'] as const;
export type OpeningOutcome = (typeof OPENING_OUTCOMES)[number];
export const OPENING_OUTCOME_LABELS: Readonly<Record<OpeningOutcome, Text>> = {
  opened: t('已解密开启', 'Opened'),
  withdrawn: t('撤回（平台原因无法解密）', 'Withdrawn (could not be decrypted through no fault of the bidder)'),
  revoked: t('撤销（投标人原因无法解密）', 'Revoked (could not be decrypted through the bidder’s fault)'),
  unconfirmed: t('未确认（实质性澄清后未确认或更新）', 'Unconfirmed (not confirmed or replaced after a material amendment)'),
};
