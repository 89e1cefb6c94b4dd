import { z } from 'zod';
import type { App, Deps } from '../../server/app';
import { errorResponses } from '../shared/http';
import { ProcessModelCreate, ProcessModelOut, ProcessModelPatch } from './schema';
import { processModelService as svc } from './service';

const tags = ['Process models'];
const KeyParams = z.object({ key: z.string().max(80) });

export function processModelRoutes(app: App, { db }: Deps) {
  app.get('/process-models', { schema: { tags, summary: 'Built-in process models and the organization\'s own', response: { 200: z.object({ items: z.array(ProcessModelOut) }), ...errorResponses } } }, async (req) => ({
    items: await svc.list(db, req.tenant),
  }));
  app.post('/process-models', { schema: { tags, summary: 'Define an own process model (owners, admins)', body: ProcessModelCreate, response: { 201: ProcessModelOut, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(db, req.tenant, req.body)),
  );
  app.patch('/process-models/:key', { schema: { tags, summary: 'Change an own process model', params: KeyParams, body: ProcessModelPatch, response: { 200: ProcessModelOut, ...errorResponses } } }, (req) =>
    svc.update(db, req.tenant, req.params.key, req.body),
  );
}
