// The buyer's procurement project runs through the same process models as the
// sell side (domain.md §2), but its stage is not inferred: it is what the buyer
// did. Each buy-side action marks a milestone of the 8-stage ladder; the
// project's model maps the milestone to its own stage. A failed or cancelled
// tender sends the project back to setting the criteria, for a re-tender.
import type { Text } from '../i18n';
import { stageForMilestone, stageIndex, type ProcessModel } from '../process-models';

export const BUY_ACTIONS = [
  'requisition_approved',
  'team_formed',
  'criteria_set',
  'tender_published',
  'bids_opened',
  'tender_failed',
  'tender_cancelled',
  'preferred_supplier_chosen',
  'negotiation_started',
  'contract_signed',
  'delivery_accepted',
] as const;
export type BuyAction = (typeof BUY_ACTIONS)[number];

export const BUY_ACTION_MILESTONE: Readonly<Record<BuyAction, number>> = {
  requisition_approved: 2,
  team_formed: 3,
  criteria_set: 4,
  tender_published: 5,
  bids_opened: 5,
  tender_failed: 4,
  tender_cancelled: 4,
  preferred_supplier_chosen: 6,
  negotiation_started: 7,
  contract_signed: 8,
  delivery_accepted: 9,
};

/** Actions that may move the project back (a re-tender). */
const STEP_BACK: ReadonlySet<BuyAction> = new Set(['tender_failed', 'tender_cancelled']);

export const BUY_ACTION_LABELS: Readonly<Record<BuyAction, Text>> = {
  requisition_approved: { 'zh-CN': '采购申请已批准，项目立项', en: 'Requisition approved, project set up' },
  team_formed: { 'zh-CN': '采购小组已组建', en: 'Purchasing team formed' },
  criteria_set: { 'zh-CN': '采购标准已确定', en: 'Purchasing criteria set' },
  tender_published: { 'zh-CN': '招标公告已发布', en: 'Tender published' },
  bids_opened: { 'zh-CN': '已开标', en: 'Bids opened' },
  tender_failed: { 'zh-CN': '招标失败，需重新招标', en: 'Tender failed; re-tender' },
  tender_cancelled: { 'zh-CN': '招标已取消', en: 'Tender cancelled' },
  preferred_supplier_chosen: { 'zh-CN': '已确定首选供应商', en: 'Preferred supplier chosen' },
  negotiation_started: { 'zh-CN': '商务谈判开始', en: 'Negotiation started' },
  contract_signed: { 'zh-CN': '合同已签订', en: 'Contract signed' },
  delivery_accepted: { 'zh-CN': '交付已验收', en: 'Delivery accepted' },
};

/**
 * The project's stage after an action: forward to the action's milestone's
 * stage, never back — unless the action is a step back (failed or cancelled
 * tender), which returns the project to that stage.
 */
export function stageAfter(model: ProcessModel, currentStageKey: string, action: BuyAction): { stageKey: string; moved: boolean } {
  const target = stageForMilestone(model, BUY_ACTION_MILESTONE[action]);
  const current = stageIndex(model, currentStageKey);
  if (!target) return { stageKey: currentStageKey, moved: false };
  const to = stageIndex(model, target.key);
  const moved = STEP_BACK.has(action) ? to !== current : to > current;
  return moved ? { stageKey: target.key, moved: true } : { stageKey: currentStageKey, moved: false };
}

export const TEAM_ROLES = ['decision_maker', 'user', 'influencer', 'purchaser', 'supervisor'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
