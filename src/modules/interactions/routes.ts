import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams, pageOf } from '../shared/http';
import { Evidence, EvidencePatch, Interaction, InteractionCreate, InteractionListQuery } from './schema';
import { interactionService as svc } from './service';

const tags = ['Interactions'];

export function interactionRoutes(app: App, deps: Deps) {
  app.get('/interactions', { schema: { tags, summary: 'Interactions of an opportunity or account, newest first', querystring: InteractionListQuery, response: { 200: pageOf(Interaction), ...errorResponses } } }, (req) =>
    svc.list(deps.db, req.tenant, req.query),
  );
  app.post(
    '/interactions',
    { schema: { tags, summary: 'Log an interaction with its evidence; the opportunity is re-inferred in the same transaction', body: InteractionCreate, response: { 201: Interaction, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await svc.create(deps, req.tenant, req.body)),
  );
  app.get('/evidence/:id', { schema: { tags, summary: 'One piece of evidence', params: IdParams, response: { 200: Evidence, ...errorResponses } } }, (req) =>
    svc.getEvidence(deps.db, req.tenant, req.params.id),
  );
  app.patch('/evidence/:id', { schema: { tags, summary: 'Mark evidence verified or not', params: IdParams, body: EvidencePatch, response: { 200: Evidence, ...errorResponses } } }, (req) =>
    svc.verifyEvidence(deps, req.tenant, req.params.id, req.body),
  );
}
