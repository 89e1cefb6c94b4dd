// Playbook (domain.md §6): what to do next. Suggestions come first from what is
// missing or at risk (no budget known, no decision maker, no coach, one channel,
// unverified facts, ...), then from the stage's own playbook. Keys are stable:
// the server stores a suggestion's key on the task created from it and passes
// open task keys back so the same open task is not suggested twice.
import { defineCatalog, messageFactory, type Message, type Text } from './i18n';
import type { FactKind } from './labels';
import { firstMilestone, getStage, type PlaybookKey } from './process-models';
import { engagedContacts, type Risk, type RiskCode, type RiskInput } from './risks';

export const ACTION_KEYS = [
  // gap- and risk-driven
  'learn_budget',
  'learn_decision_date',
  'learn_decision_criteria',
  'confirm_with_second_contact',
  'meet_decision_maker',
  'meet_buying_center',
  'cultivate_coach',
  'widen_contacts',
  'reconnect',
  'reshape_criteria',
  'win_influential_supporter',
  'find_what_blocks_decision',
  // stage playbooks
  'find_dissatisfaction',
  'enter_early',
  'help_justify_budget',
  'supply_accurate_information',
  'prepare_bid',
  'provide_complete_material',
  'publish_findable_content',
  'shape_specification',
  'map_competitors_and_relationships',
  'provide_comparisons_and_references',
  'offer_demo_or_trial',
  'comply_with_tender',
  'make_shortlist',
  'show_technical_commercial_strengths',
  'plan_concessions',
  'protect_payment_terms',
  'limit_risk',
  'plan_implementation',
  'follow_up_visit',
  'satisfaction_survey',
  'seek_repurchase_and_referral',
] as const;
export type ActionKey = (typeof ACTION_KEYS)[number];

export interface ActionDef {
  title: Text;
  /** Why the action belongs to its stage playbook. */
  why: Text;
}

const a = (zh: string, en: string, whyZh: string, whyEn: string): ActionDef => ({ title: { 'zh-CN': zh, en }, why: { 'zh-CN': whyZh, en: whyEn } });

export const ACTIONS: Readonly<Record<ActionKey, ActionDef>> = {
  learn_budget: a('了解项目预算', 'Learn the budget', '预算决定项目能否立项', 'The budget decides whether the project goes ahead'),
  learn_decision_date: a('了解决策时间', 'Learn the decision date', '知道何时决策才能安排推进节奏', 'Knowing when they decide sets the pace'),
  learn_decision_criteria: a('了解采购标准', 'Learn the decision criteria', '标准决定谁能中标', 'The criteria decide who can win'),
  confirm_with_second_contact: a('向第二位联系人核实信息', 'Confirm with a second contact', '单一来源的信息可能不实', 'Single-source information may be false'),
  meet_decision_maker: a('拜见决策者（老板）', 'Meet the decision maker', '预算不足时往往要老板批准，这是见老板的机会', 'A short budget usually goes to the boss: the moment to meet them'),
  meet_buying_center: a('见到采购小组的每个角色', 'Meet every role of the buying center', '只接触采购小组的一部分，就看不到全局', 'Meeting only part of the buying center hides the whole picture'),
  cultivate_coach: a('培养内部教练', 'Cultivate a coach', '教练提供真实的内部信息', 'A coach gives truthful inside information'),
  widen_contacts: a('拓展更多联系人', 'Widen contacts', '多渠道才能验证信息真伪', 'Several channels let you check what you hear'),
  reconnect: a('尽快重新联系客户', 'Reconnect with the customer', '避免错过客户的新进展', 'Do not miss what the customer did meanwhile'),
  reshape_criteria: a('找出标准未覆盖的差异化优势', 'Find differentiators the criteria miss', '介入晚时要重新影响标准', 'Entering late means reshaping the criteria'),
  win_influential_supporter: a('争取有影响力的支持者', 'Win an influential supporter', '撼动现有供应商需要内部支持', 'Displacing an incumbent needs support inside'),
  find_what_blocks_decision: a('找出决策受阻的原因', 'Find out what blocks the decision', '停留过久说明有障碍', 'A stage lasting too long means something blocks it'),
  find_dissatisfaction: a('找出客户对现有供应商的不满', 'Find dissatisfaction with the incumbent supplier', '问题越大，机会越大', 'The bigger the problem, the bigger the opportunity'),
  enter_early: a('尽早介入，影响需求', 'Enter early and shape the need', '先入为主，可影响后来的采购标准', 'Whoever comes first shapes the later criteria'),
  help_justify_budget: a('协助联系人向老板论证预算', 'Help the contact justify the budget to the boss', '经办人常常说服不了老板', 'The contact often cannot convince the boss alone'),
  supply_accurate_information: a('提供准确的信息', 'Supply accurate information', '立项需要可靠的资料', 'Approval needs reliable information'),
  prepare_bid: a('准备应标', 'Prepare to bid', '立项后很快进入招标', 'A tender follows soon after approval'),
  provide_complete_material: a('提供完整、准确的资料', 'Provide complete, accurate material', '客户正在收集信息', 'The customer is gathering information'),
  publish_findable_content: a('让客户能找到我们的内容', 'Publish content the customer can find', '客户会自行搜索方案', 'The customer searches on their own'),
  shape_specification: a('参与制定技术规格和采购标准', 'Take part in writing the specification', '参与标准制定即建立优势', 'Writing the criteria builds the advantage'),
  map_competitors_and_relationships: a('了解竞争对手和客户内部关系', 'Learn competitors and internal relationships', '知己知彼，百战百胜', 'Know them and yourself'),
  provide_comparisons_and_references: a('提供方案对比、案例和客户推荐', 'Provide comparisons, case studies and references', '客户在比较方案', 'The customer is comparing options'),
  offer_demo_or_trial: a('安排演示或试用', 'Offer a demo or trial', '让使用者亲身体验', 'Let the users try it'),
  comply_with_tender: a('严格响应招标文件', 'Comply with the tender', '不合规会被直接淘汰', 'Non-compliant bids are dropped'),
  make_shortlist: a('争取进入短名单', 'Make the shortlist', '通常十家只留三家', 'Often ten suppliers become three'),
  show_technical_commercial_strengths: a('展示技术标和商务标上的优势', 'Show strengths on technical and commercial factors', '首选供应商由技术和商务因素决定', 'The preferred supplier is chosen on technical and commercial factors'),
  plan_concessions: a('规划让步策略', 'Plan concessions', '采购方会尽力压价', 'The buyer will push the price down'),
  protect_payment_terms: a('守住付款条件', 'Protect payment terms', '付款方式决定回款风险', 'Payment terms decide the collection risk'),
  limit_risk: a('控制合同风险', 'Limit contract risk', '谈判决定后续实施的风险', 'Negotiation sets the risk of implementation'),
  plan_implementation: a('规划项目实施', 'Plan implementation', '签约后要按约交付', 'After signing, deliver as agreed'),
  follow_up_visit: a('安排回访', 'Schedule a follow-up visit', '回访维系关系', 'Follow-up visits keep the relationship'),
  satisfaction_survey: a('开展满意度调查', 'Run a satisfaction survey', '了解客户评价', 'Learn how the customer rates us'),
  seek_repurchase_and_referral: a('争取复购和转介绍', 'Seek repurchase and referrals', '满意的客户会再买并推荐', 'Satisfied customers buy again and refer others'),
};

/** The actions of each stage playbook (StageDef.playbookKey). */
export const PLAYBOOKS: Readonly<Record<PlaybookKey, readonly ActionKey[]>> = {
  need: ['find_dissatisfaction', 'enter_early'],
  budget: ['learn_budget', 'help_justify_budget', 'meet_decision_maker'],
  project_team: ['supply_accurate_information', 'cultivate_coach', 'prepare_bid'],
  information_search: ['provide_complete_material', 'publish_findable_content'],
  criteria: ['shape_specification', 'map_competitors_and_relationships'],
  evaluation: ['provide_comparisons_and_references', 'offer_demo_or_trial', 'comply_with_tender', 'make_shortlist'],
  preferred_supplier: ['show_technical_commercial_strengths'],
  negotiation: ['plan_concessions', 'protect_payment_terms', 'limit_risk'],
  decision: ['show_technical_commercial_strengths', 'plan_concessions', 'protect_payment_terms', 'limit_risk'],
  contract: ['plan_implementation', 'follow_up_visit'],
  after_sales: ['follow_up_visit', 'satisfaction_survey', 'seek_repurchase_and_referral'],
};

export type SuggestionPriority = 1 | 2 | 3;
export interface Suggestion {
  key: string;
  title: Text;
  reason: Message;
  priority: SuggestionPriority;
}

export type PlaybookInput = RiskInput & { risks: readonly Risk[]; openTaskKeys?: readonly string[] };

export const PLAYBOOK_MESSAGES = defineCatalog({
  'playbook.missing_fact': {
    'zh-CN': '客户已到「{stage}」，还不知道{fact}。',
    en: 'The customer is at "{stage}" and the {fact} is not known yet.',
  },
  'playbook.no_decision_maker': {
    'zh-CN': '还不知道谁是决策者；预算阶段往往是见老板的机会。',
    en: 'No decision maker is known yet; the budget stage is often the chance to meet the boss.',
  },
  'playbook.no_coach_yet': {
    'zh-CN': '还没有内部教练；项目立项前就应开始培养。',
    en: 'No coach yet; start cultivating one before the project team forms.',
  },
  'playbook.stage_action': { 'zh-CN': '「{stage}」阶段：{why}。', en: '"{stage}" stage: {why}.' },
  'playbook.after_win': { 'zh-CN': '已赢单：{why}。', en: 'Won: {why}.' },
});
const msg = messageFactory(PLAYBOOK_MESSAGES);

const FACT_LABEL_LOWER: Readonly<Record<FactKind, Text>> = {
  budget: { 'zh-CN': '预算', en: 'budget' },
  decision_date: { 'zh-CN': '决策时间', en: 'decision date' },
  decision_criteria: { 'zh-CN': '采购标准', en: 'decision criteria' },
};

/** Actions a risk calls for, with their priority. */
const RISK_ACTIONS: Readonly<Record<RiskCode, { action: ActionKey; priority: SuggestionPriority }>> = {
  unverified_facts: { action: 'confirm_with_second_contact', priority: 1 },
  single_channel: { action: 'widen_contacts', priority: 1 },
  no_overall_view: { action: 'meet_decision_maker', priority: 1 },
  no_coach: { action: 'cultivate_coach', priority: 1 },
  information_island: { action: 'reconnect', priority: 1 },
  entered_late: { action: 'reshape_criteria', priority: 2 },
  incumbent_entrenched: { action: 'win_influential_supporter', priority: 2 },
  decision_delayed: { action: 'find_what_blocks_decision', priority: 1 },
};

/**
 * Next actions for an opportunity, highest priority first:
 *  1. one per risk (the risk's message is the reason);
 *  2. missing key facts and people for how far the customer is: budget (from a
 *     stage covering milestone 2), decision date (from milestone 3), decision
 *     criteria (from 4), a decision maker (from 2), a coach (from 2);
 *  3. the stage playbook's actions (priority 3), leaving out those already done
 *     (budget known, decision maker known, coach present).
 * Won: the after-sales playbook; lost or abandoned: nothing. Duplicates keep
 * their highest priority; keys in openTaskKeys are left out.
 * Throws RangeError when stageKey is not a stage of the model.
 */
export function suggestNextActions(input: PlaybookInput): Suggestion[] {
  const candidates: Suggestion[] = [];
  const add = (key: ActionKey, priority: SuggestionPriority, reason: Message) => {
    candidates.push({ key, title: ACTIONS[key].title, reason, priority });
  };
  const exclude = input.openTaskKeys ?? [];

  if (input.outcome === 'won') {
    for (const key of PLAYBOOKS.after_sales) add(key, 2, msg('playbook.after_win', { action: key }, { why: ACTIONS[key].why }));
    return mergeSuggestions(candidates, exclude);
  }
  if (input.outcome !== 'open') return [];

  const stage = getStage(input.model, input.stageKey);
  if (!stage) throw new RangeError(`suggestNextActions: "${input.stageKey}" is not a stage of process model "${input.model.key}"`);
  const first = firstMilestone(stage);
  const last = Math.max(first, ...stage.milestones);
  const display = { stage: stage.name };

  for (const risk of input.risks) {
    const r = RISK_ACTIONS[risk.code];
    // No overall view: meet the decision maker when that is the gap, else the others.
    const action = risk.code === 'no_overall_view' && !`${risk.message.params.unknown},${risk.message.params.notMet}`.split(',').includes('decision_maker') ? 'meet_buying_center' : r.action;
    add(action, r.priority, risk.message);
  }

  const hasFact = (kind: FactKind) => input.facts.some((f) => f.kind === kind);
  const missingFact = (kind: FactKind, action: ActionKey, priority: SuggestionPriority) =>
    add(action, priority, msg('playbook.missing_fact', { stage: stage.key, fact: kind }, { ...display, fact: FACT_LABEL_LOWER[kind] }));
  if (last >= 2 && !hasFact('budget')) missingFact('budget', 'learn_budget', first >= 3 ? 1 : 2);
  if (first >= 3 && !hasFact('decision_date')) missingFact('decision_date', 'learn_decision_date', 2);
  if (first >= 4 && !hasFact('decision_criteria')) missingFact('decision_criteria', 'learn_decision_criteria', first >= 5 ? 1 : 2);

  const hasDecisionMaker = input.contacts.some((c) => c.roles.includes('decision_maker'));
  const engaged = engagedContacts(input.interactions);
  const metDecisionMaker = input.contacts.some((c) => c.roles.includes('decision_maker') && engaged.has(c.id));
  const hasCoach = input.contacts.some((c) => c.isCoach);
  if (last >= 2 && !hasDecisionMaker) add('meet_decision_maker', 2, msg('playbook.no_decision_maker'));
  if (last >= 2 && !hasCoach) add('cultivate_coach', 3, msg('playbook.no_coach_yet'));

  const done: Partial<Record<ActionKey, boolean>> = {
    learn_budget: hasFact('budget'),
    meet_decision_maker: metDecisionMaker,
    cultivate_coach: hasCoach,
  };
  const playbook = PLAYBOOKS[stage.playbookKey as PlaybookKey] ?? [];
  for (const key of playbook) {
    if (done[key]) continue;
    add(key, 3, msg('playbook.stage_action', { stage: stage.key, action: key }, { ...display, why: ACTIONS[key].why }));
  }

  return mergeSuggestions(candidates, exclude);
}

/**
 * Deduplicates suggestions by key, keeping the highest priority (the first one
 * on a tie), drops keys in `exclude`, and sorts by priority, stable otherwise.
 */
export function mergeSuggestions(candidates: readonly Suggestion[], exclude: readonly string[] = []): Suggestion[] {
  const byKey = new Map<string, Suggestion>();
  for (const c of candidates) {
    if (exclude.includes(c.key)) continue;
    const existing = byKey.get(c.key);
    if (!existing || c.priority < existing.priority) byKey.set(c.key, c);
  }
  return [...byKey.values()].sort((x, y) => x.priority - y.priority);
}
