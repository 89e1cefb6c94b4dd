import { z } from 'zod';
import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams, pageOf } from '../shared/http';
import { Contact, ContactCreate, ContactListQuery, ContactPatch } from './schema';
import { contactService as svc } from './service';

const tags = ['Contacts'];

export function contactRoutes(app: App, { db }: Deps) {
  app.get('/contacts', { schema: { tags, summary: 'List contacts (filter by account, role, name)', querystring: ContactListQuery, response: { 200: pageOf(Contact), ...errorResponses } } }, (req) =>
    svc.list(db, req.tenant, req.query),
  );
  app.post('/contacts', { schema: { tags, summary: 'Create a contact', body: ContactCreate, response: { 201: Contact, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(db, req.tenant, req.body)),
  );
  app.get('/contacts/:id', { schema: { tags, summary: 'One contact', params: IdParams, response: { 200: Contact, ...errorResponses } } }, (req) => svc.get(db, req.tenant, req.params.id));
  app.patch('/contacts/:id', { schema: { tags, summary: 'Change a contact', params: IdParams, body: ContactPatch, response: { 200: Contact, ...errorResponses } } }, (req) =>
    svc.update(db, req.tenant, req.params.id, req.body),
  );
  app.delete('/contacts/:id', { schema: { tags, summary: 'Delete a contact (managers and up)', params: IdParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.remove(db, req.tenant, req.params.id);
    return reply.status(204).send(null);
  });
}
