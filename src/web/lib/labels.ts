// Localized labels for the domain's enumerations, taken from src/domain (the one
// source of zh-CN/en texts for stages, roles, evidence, risks, …).
import { useMemo } from 'react';
import * as L from '../../domain/labels';
import type { Text } from '../../domain/i18n';
import { useLocale } from '../i18n';
import type { Locale } from '../../domain/format';

export type { Text };

export function textOf(t: Text | null | undefined, locale: Locale, fallback = ''): string {
  if (!t) return fallback;
  return t[locale] || t.en || t['zh-CN'] || fallback;
}

function labeler<T extends string>(labels: Readonly<Record<T, Text>>, locale: Locale) {
  return (key: string | null | undefined): string => {
    if (!key) return '';
    const t = (labels as Record<string, Text | undefined>)[key];
    return t ? t[locale] : key;
  };
}

function options<T extends string>(values: readonly T[], labels: Readonly<Record<T, Text>>, locale: Locale) {
  return values.map((value) => ({ value, label: labels[value][locale] }));
}

export function makeLabels(locale: Locale) {
  return {
    locale,
    industry: labeler(L.INDUSTRY_LABELS, locale),
    size: labeler(L.ACCOUNT_SIZE_LABELS, locale),
    policy: labeler(L.PROCUREMENT_POLICY_LABELS, locale),
    budgetCycle: labeler(L.BUDGET_CYCLE_LABELS, locale),
    buyingRole: labeler(L.BUYING_ROLE_LABELS, locale),
    coach: L.COACH_LABEL[locale],
    attitude: labeler(L.ATTITUDE_LABELS, locale),
    interactionType: labeler(L.INTERACTION_TYPE_LABELS, locale),
    position: labeler(L.COMPETITOR_POSITION_LABELS, locale),
    outcome: labeler(L.OUTCOME_LABELS, locale),
    source: labeler(L.OPPORTUNITY_SOURCE_LABELS, locale),
    factKind: labeler(L.FACT_KIND_LABELS, locale),
    orgRole: labeler(L.ORG_ROLE_LABELS, locale),
    orgKind: labeler(L.ORG_KIND_LABELS, locale),
    text: (t: Text | null | undefined, fallback = '') => textOf(t, locale, fallback),
    options: {
      industry: options(L.INDUSTRIES, L.INDUSTRY_LABELS, locale),
      size: options(L.ACCOUNT_SIZES, L.ACCOUNT_SIZE_LABELS, locale),
      policy: options(L.PROCUREMENT_POLICIES, L.PROCUREMENT_POLICY_LABELS, locale),
      budgetCycle: options(L.BUDGET_CYCLES, L.BUDGET_CYCLE_LABELS, locale),
      buyingRole: options(L.BUYING_ROLES, L.BUYING_ROLE_LABELS, locale),
      attitude: options(L.ATTITUDES, L.ATTITUDE_LABELS, locale),
      interactionType: options(L.INTERACTION_TYPES, L.INTERACTION_TYPE_LABELS, locale),
      position: options(L.COMPETITOR_POSITIONS, L.COMPETITOR_POSITION_LABELS, locale),
      outcome: options(L.OUTCOMES, L.OUTCOME_LABELS, locale),
      source: options(L.OPPORTUNITY_SOURCES, L.OPPORTUNITY_SOURCE_LABELS, locale),
      orgRole: options(L.ORG_ROLES, L.ORG_ROLE_LABELS, locale),
      orgKind: options(L.ORG_KINDS, L.ORG_KIND_LABELS, locale),
    },
  };
}

export type LabelSet = ReturnType<typeof makeLabels>;

/** Labels in the current UI language. */
export function useLabels(): LabelSet {
  const locale = useLocale();
  return useMemo(() => makeLabels(locale), [locale]);
}

export const BUYING_ROLES = L.BUYING_ROLES;
export const ATTITUDES = L.ATTITUDES;
export const FACT_KINDS = L.FACT_KINDS;
export type BuyingRole = L.BuyingRole;
export type Attitude = L.Attitude;
export type FactKind = L.FactKind;
export type Industry = L.Industry;
export type Outcome = L.Outcome;
export type InteractionType = L.InteractionType;
export type CompetitorPositionKey = L.CompetitorPosition;
export type OrgRole = L.OrgRole;
