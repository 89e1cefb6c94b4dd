import { z } from 'zod';
import type { App, Deps } from '../../server/app';
import { errorResponses } from '../shared/http';
import { Expert, ExpertCreate, ExpertParams, ExpertPatch } from './schema';
import { expertService as svc } from './service';

const tags = ['Buy side: expert pool'];

export function expertRoutes(app: App, deps: Deps) {
  app.get('/experts', { schema: { tags, summary: "The buyer's expert pool", response: { 200: z.object({ items: z.array(Expert) }), ...errorResponses } } }, (req) => svc.list(deps, req.tenant));
  app.post('/experts', { schema: { tags, summary: 'Add a Procura user to the pool, with fields, title and years', body: ExpertCreate, response: { 201: Expert, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.add(deps, req.tenant, req.body)),
  );
  app.patch('/experts/:userId', { schema: { tags, summary: "Change an expert's fields, title, years, or take them out of the draws", params: ExpertParams, body: ExpertPatch, response: { 200: Expert, ...errorResponses } } }, (req) =>
    svc.update(deps, req.tenant, req.params.userId, req.body),
  );
}
