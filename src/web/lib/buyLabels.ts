// The buy side's enumerations in the UI language, from src/domain/buy/labels.ts
// (the one source of their zh-CN/en words).
import { useMemo } from 'react';
import * as B from '../../domain/buy/labels';
import { CATEGORIES, CRITERION_PARTS, ENVELOPE_MODES, EVALUATION_METHODS, REGIMES, TENDER_METHODS } from '../../domain/buy/tender';
import { CERT_DIMENSIONS } from '../../domain/buy/certification';
import { BUY_ACTION_LABELS, TEAM_ROLES } from '../../domain/buy/project';
import { BUYING_ROLE_LABELS } from '../../domain/labels';
import type { Text } from '../../domain/i18n';
import type { Locale } from '../../domain/format';
import { useLocale } from '../i18n';

function labeler(labels: Readonly<Record<string, Text>>, locale: Locale) {
  return (key: string | null | undefined): string => (key ? labels[key]?.[locale] ?? key : '');
}
const options = (values: readonly string[], labels: Readonly<Record<string, Text>>, locale: Locale) => values.map((value) => ({ value, label: labels[value]![locale] }));

export function makeBuyLabels(locale: Locale) {
  return {
    regime: labeler(B.REGIME_LABELS, locale),
    method: labeler(B.METHOD_LABELS, locale),
    category: labeler(B.CATEGORY_LABELS, locale),
    tenderStatus: labeler(B.TENDER_STATUS_LABELS, locale),
    certStatus: labeler(B.CERT_STATUS_LABELS, locale),
    dimension: labeler(B.CERT_DIMENSION_LABELS, locale),
    evaluationMethod: labeler(B.EVALUATION_METHOD_LABELS, locale),
    part: labeler(B.CRITERION_PART_LABELS, locale),
    envelopeMode: labeler(B.ENVELOPE_MODE_LABELS, locale),
    envelope: labeler(B.ENVELOPE_LABELS, locale),
    outcome: labeler(B.OPENING_OUTCOME_LABELS, locale),
    teamRole: labeler(BUYING_ROLE_LABELS, locale),
    buyAction: labeler(BUY_ACTION_LABELS, locale),
    options: {
      regime: options(REGIMES, B.REGIME_LABELS, locale),
      method: options(TENDER_METHODS, B.METHOD_LABELS, locale),
      category: options(CATEGORIES, B.CATEGORY_LABELS, locale),
      evaluationMethod: options(EVALUATION_METHODS, B.EVALUATION_METHOD_LABELS, locale),
      part: options(CRITERION_PARTS, B.CRITERION_PART_LABELS, locale),
      envelopeMode: options(ENVELOPE_MODES, B.ENVELOPE_MODE_LABELS, locale),
      teamRole: options(TEAM_ROLES, BUYING_ROLE_LABELS, locale),
      dimension: options(CERT_DIMENSIONS, B.CERT_DIMENSION_LABELS, locale),
    },
  };
}

export function useBuyLabels() {
  const locale = useLocale();
  return useMemo(() => makeBuyLabels(locale), [locale]);
}
