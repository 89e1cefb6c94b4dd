import { z } from 'zod';
import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams } from '../shared/http';
import { Competitor, CompetitorCreate, CompetitorPatch } from './schema';
import { competitorService as svc } from './service';

const tags = ['Competitors'];

export function competitorRoutes(app: App, { db }: Deps) {
  app.get('/competitors', { schema: { tags, summary: 'Competitors of the organization', response: { 200: z.object({ items: z.array(Competitor) }), ...errorResponses } } }, async (req) => ({
    items: await svc.list(db, req.tenant),
  }));
  app.post('/competitors', { schema: { tags, summary: 'Add a competitor', body: CompetitorCreate, response: { 201: Competitor, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(db, req.tenant, req.body)),
  );
  app.patch('/competitors/:id', { schema: { tags, summary: 'Change a competitor', params: IdParams, body: CompetitorPatch, response: { 200: Competitor, ...errorResponses } } }, (req) =>
    svc.update(db, req.tenant, req.params.id, req.body),
  );
}
