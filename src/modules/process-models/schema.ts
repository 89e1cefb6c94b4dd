import { z } from 'zod';
import { LocalizedText } from '../shared/http';

export const StageInput = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be lower_snake_case, 2 to 40 characters'),
    name: z.object({ 'zh-CN': z.string().trim().min(1, 'is required').max(60), en: z.string().trim().min(1, 'is required').max(60) }).strict(),
    backbone: z.enum(['need', 'research', 'evaluate', 'decide', 'buy', 'use']),
    milestones: z.array(z.number().int().min(1).max(9)).min(1).max(9),
    evidenceTypes: z.array(z.string().max(80)).max(40).optional(),
    maxDaysWithoutContact: z.number().int().min(1).max(365).optional(),
  })
  .strict();

export const ProcessModelCreate = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]{2,39}$/, 'must be lower-kebab-case, 3 to 40 characters'),
    name: z.object({ 'zh-CN': z.string().trim().min(1, 'is required').max(80), en: z.string().trim().min(1, 'is required').max(80) }).strict(),
    stages: z.array(StageInput).min(2, 'needs at least 2 stages').max(12, 'has at most 12 stages'),
  })
  .strict();

export const ProcessModelPatch = ProcessModelCreate.omit({ key: true }).partial().strict();

export const ProcessModelOut = z
  .object({
    key: z.string(),
    name: LocalizedText,
    builtIn: z.boolean(),
    stages: z.array(
      z.object({
        key: z.string(),
        name: LocalizedText,
        backbone: z.string(),
        milestones: z.array(z.number().int()),
        evidenceTypes: z.array(z.string()),
        playbookKey: z.string(),
        maxDaysWithoutContact: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ProcessModel' });
