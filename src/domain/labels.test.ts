import { describe, expect, it } from 'vitest';
import type { Text } from './i18n';
import {
  ACCOUNT_SIZE_LABELS,
  ACCOUNT_SIZES,
  ATTITUDE_LABELS,
  ATTITUDES,
  BUDGET_CYCLE_LABELS,
  BUDGET_CYCLES,
  BUYING_ROLE_LABELS,
  BUYING_ROLES,
  CLOSED_OUTCOMES,
  COACH_LABEL,
  COMPETITOR_POSITION_LABELS,
  COMPETITOR_POSITIONS,
  FACT_KIND_LABELS,
  FACT_KINDS,
  INDUSTRIES,
  INDUSTRY_LABELS,
  INTERACTION_TYPE_LABELS,
  INTERACTION_TYPES,
  isClosedOutcome,
  isOneOf,
  OPPORTUNITY_SOURCE_LABELS,
  OPPORTUNITY_SOURCES,
  ORG_KIND_LABELS,
  ORG_KINDS,
  ORG_ROLE_LABELS,
  ORG_ROLES,
  OUTCOME_LABELS,
  OUTCOMES,
  PROCUREMENT_POLICIES,
  PROCUREMENT_POLICY_LABELS,
} from './labels';

const CJK = /[\u4e00-\u9fff]/;

const ENUMS: [string, readonly string[], Readonly<Record<string, Text>>][] = [
  ['industries', INDUSTRIES, INDUSTRY_LABELS],
  ['account sizes', ACCOUNT_SIZES, ACCOUNT_SIZE_LABELS],
  ['procurement policies', PROCUREMENT_POLICIES, PROCUREMENT_POLICY_LABELS],
  ['budget cycles', BUDGET_CYCLES, BUDGET_CYCLE_LABELS],
  ['buying roles', BUYING_ROLES, BUYING_ROLE_LABELS],
  ['attitudes', ATTITUDES, ATTITUDE_LABELS],
  ['interaction types', INTERACTION_TYPES, INTERACTION_TYPE_LABELS],
  ['competitor positions', COMPETITOR_POSITIONS, COMPETITOR_POSITION_LABELS],
  ['outcomes', OUTCOMES, OUTCOME_LABELS],
  ['opportunity sources', OPPORTUNITY_SOURCES, OPPORTUNITY_SOURCE_LABELS],
  ['fact kinds', FACT_KINDS, FACT_KIND_LABELS],
  ['org roles', ORG_ROLES, ORG_ROLE_LABELS],
  ['org kinds', ORG_KINDS, ORG_KIND_LABELS],
];

describe.each(ENUMS)('%s', (_name, values, labels) => {
  it('has unique snake_case values and a label for each, no more', () => {
    expect(new Set(values).size).toBe(values.length);
    for (const v of values) expect(v).toMatch(/^[a-z][a-z_]*$/);
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
  });
  it('labels every value in Chinese and English', () => {
    for (const v of values) {
      const l = labels[v]!;
      expect(l['zh-CN']).toMatch(CJK);
      expect(l.en.trim()).not.toBe('');
      expect(l.en).not.toMatch(CJK);
    }
  });
});

describe('enumerations', () => {
  it('hold the values of the contract', () => {
    expect(INDUSTRIES).toEqual(['medical', 'manufacturing', 'insurance', 'software', 'government', 'education', 'energy', 'retail', 'other']);
    expect(ACCOUNT_SIZES).toEqual(['small', 'medium', 'large', 'enterprise']);
    expect(PROCUREMENT_POLICIES).toEqual(['local_supplier_preference', 'lowest_price', 'value_for_money', 'quality_first', 'centralized_tender', 'framework_agreement']);
    expect(BUDGET_CYCLES).toEqual(['annual', 'semiannual', 'quarterly', 'project_based']);
    expect(BUYING_ROLES).toEqual(['decision_maker', 'user', 'influencer', 'purchaser', 'supervisor']);
    expect(ATTITUDES).toEqual(['supporter', 'neutral', 'opponent']);
    expect(INTERACTION_TYPES).toEqual(['visit', 'call', 'meeting', 'demo', 'trial', 'email', 'document_received', 'tender_notice', 'bid_submitted', 'other']);
    expect(COMPETITOR_POSITIONS).toEqual(['incumbent', 'active', 'shortlisted', 'preferred', 'eliminated', 'won']);
    expect(OUTCOMES).toEqual(['open', 'won', 'lost', 'abandoned']);
    expect(OPPORTUNITY_SOURCES).toEqual(['referral', 'inbound', 'outbound', 'tender_notice', 'existing_customer', 'event', 'partner', 'other']);
    expect(FACT_KINDS).toEqual(['budget', 'decision_date', 'decision_criteria']);
    expect(ORG_ROLES).toEqual(['owner', 'admin', 'manager', 'member']);
    expect(ORG_KINDS).toEqual(['seller', 'buyer', 'both']);
  });
  it('use the business Chinese of the buying center', () => {
    expect(BUYING_ROLE_LABELS.decision_maker['zh-CN']).toBe('决策者');
    expect(BUYING_ROLE_LABELS.user['zh-CN']).toBe('使用者');
    expect(BUYING_ROLE_LABELS.influencer['zh-CN']).toBe('影响者');
    expect(BUYING_ROLE_LABELS.purchaser['zh-CN']).toBe('采购者');
    expect(BUYING_ROLE_LABELS.supervisor['zh-CN']).toBe('监理');
    expect(COACH_LABEL).toEqual({ 'zh-CN': '教练', en: 'Coach' });
    expect(ATTITUDE_LABELS.supporter['zh-CN']).toBe('支持者');
    expect(ATTITUDE_LABELS.neutral['zh-CN']).toBe('中立');
    expect(ATTITUDE_LABELS.opponent['zh-CN']).toBe('反对者');
    expect(ORG_KIND_LABELS.seller['zh-CN']).toBe('销售方');
    expect(ORG_KIND_LABELS.buyer['zh-CN']).toBe('采购方');
  });
  it('isOneOf guards values', () => {
    expect(isOneOf(ATTITUDES, 'neutral')).toBe(true);
    expect(isOneOf(ATTITUDES, 'hostile')).toBe(false);
    expect(isOneOf(ATTITUDES, 3)).toBe(false);
  });
  it('closed outcomes are won, lost and abandoned', () => {
    expect(CLOSED_OUTCOMES).toEqual(['won', 'lost', 'abandoned']);
    expect(OUTCOMES.filter(isClosedOutcome)).toEqual(['won', 'lost', 'abandoned']);
    expect(isClosedOutcome('open')).toBe(false);
  });
});
