import { z } from 'zod';
import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams, pageOf } from '../shared/http';
import { TimelineEntry, TimelineQuery } from '../opportunities/schema';
import { Account, AccountCreate, AccountListQuery, AccountPatch } from './schema';
import { accountService as svc } from './service';

const tags = ['Accounts'];

export function accountRoutes(app: App, { db }: Deps) {
  app.get('/accounts', { schema: { tags, summary: 'List accounts (customers)', querystring: AccountListQuery, response: { 200: pageOf(Account), ...errorResponses } } }, (req) =>
    svc.list(db, req.tenant, req.query),
  );
  app.post('/accounts', { schema: { tags, summary: 'Create an account', body: AccountCreate, response: { 201: Account, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(db, req.tenant, req.body)),
  );
  app.get('/accounts/:id', { schema: { tags, summary: 'One account', params: IdParams, response: { 200: Account, ...errorResponses } } }, (req) =>
    svc.get(db, req.tenant, req.params.id),
  );
  app.patch('/accounts/:id', { schema: { tags, summary: 'Change an account', params: IdParams, body: AccountPatch, response: { 200: Account, ...errorResponses } } }, (req) =>
    svc.update(db, req.tenant, req.params.id, req.body),
  );
  app.get('/accounts/:id/timeline', { schema: { tags, summary: "Activity timeline of an account and its opportunities", params: IdParams, querystring: TimelineQuery, response: { 200: pageOf(TimelineEntry), ...errorResponses } } }, (req) =>
    svc.timeline(db, req.tenant, req.params.id, req.query),
  );
  app.delete('/accounts/:id', { schema: { tags, summary: 'Delete an account without opportunities', params: IdParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.remove(db, req.tenant, req.params.id);
    return reply.status(204).send(null);
  });
}
