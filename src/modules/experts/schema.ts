import { z } from 'zod';
import { Timestamp, Uuid } from '../shared/http';

const Field = z.string().trim().min(1, 'is required').max(60);
export const ExpertCreate = z
  .object({
    email: z.email({ error: 'must be an e-mail address' }).max(320),
    fields: z.array(Field).min(1, 'name at least one field').max(10),
    title: z.string().trim().min(1, 'is required').max(100),
    years: z.number().int().min(0).max(70),
  })
  .strict();
export const ExpertPatch = z
  .object({ fields: ExpertCreate.shape.fields.optional(), title: ExpertCreate.shape.title.optional(), years: ExpertCreate.shape.years.optional(), active: z.boolean().optional() })
  .strict();
export const ExpertParams = z.object({ userId: Uuid });

export const Expert = z
  .object({ userId: Uuid, name: z.string(), email: z.string(), fields: z.array(z.string()), title: z.string(), years: z.number().int(), active: z.boolean(), createdAt: Timestamp })
  .meta({ id: 'Expert' });
