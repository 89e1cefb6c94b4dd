import { z } from 'zod';
import { Uuid } from '../shared/http';

export const LinkBody = z.union([
  z.object({ opportunityId: Uuid }).strict(),
  z
    .object({ newOpportunity: z.object({ title: z.string().trim().min(1, 'is required').max(200).optional(), ownerId: Uuid.optional() }).strict() })
    .strict(),
]);
export const TenderLink = z.object({ tenderId: Uuid, opportunityId: Uuid, opportunityTitle: z.string(), eventsTaken: z.number().int() }).meta({ id: 'TenderLink' });
