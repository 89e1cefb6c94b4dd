import { describe, expect, it } from 'vitest';
import * as domain from './index';

describe('public API', () => {
  it('re-exports every module', () => {
    for (const name of [
      'buildMessage', 'messageFactory', 'LOCALES', // i18n
      'INDUSTRIES', 'BUYING_ROLE_LABELS', 'FACT_KINDS', // labels
      'EVIDENCE_TYPES', 'getEvidenceType', 'FACT_EVIDENCE', // evidence
      'BACKBONES', 'BUILT_IN_MODELS', 'getBuiltInModel', 'DEFAULT_MODEL_KEY', 'validateProcessModel', 'stageIndex', 'compareStages', 'moveDirection', 'stageForMilestone', // process models
      'inferStage', 'compareWithSet', 'inferenceConfidence', // inference
      'RISK_CODES', 'riskTitle', 'DEFAULT_RISK_THRESHOLDS', 'evaluateRisks', 'validateRiskThresholds', // risks
      'suggestNextActions', 'PLAYBOOKS', // playbook
      'percentile', 'daysBetween', // stats
    ]) {
      expect(domain, name).toHaveProperty(name);
    }
    expect(domain.getBuiltInModel(domain.DEFAULT_MODEL_KEY)?.stages).toHaveLength(9);
  });
});
