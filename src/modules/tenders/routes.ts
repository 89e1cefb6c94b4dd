import { z } from 'zod';
import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams, pageOf } from '../shared/http';
import { FILE_BODY_LIMIT, FileDownload, FileUpload, sendFile } from '../shared/files';
import {
  AmendmentBody,
  AnswerBody,
  AuditEntry,
  CancelBody,
  DocumentParams,
  InvitationsBody,
  KeyHolder,
  KeyHolderEnrol,
  PublishBody,
  QuestionBody,
  QuestionParams,
  Tender,
  TenderCreate,
  TenderDocument,
  TenderListQuery,
  TenderPatch,
  TenderQuestion,
  TenderSummary,
} from './schema';
import { exchangeService as ex } from './exchange';
import { tenderService as svc } from './service';

const tags = ['Buy side: tenders'];
const AMENDMENT_BODY_LIMIT = 5 * FILE_BODY_LIMIT + 1024 * 1024;

export function tenderRoutes(app: App, deps: Deps) {
  app.get('/tenders', { schema: { tags, summary: "The buyer's tenders", querystring: TenderListQuery, response: { 200: pageOf(TenderSummary), ...errorResponses } } }, (req) => svc.list(deps, req.tenant, req.query));
  app.post('/tenders', { schema: { tags, summary: 'Set up a tender from a project (a draft)', body: TenderCreate, response: { 201: Tender, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(deps, req.tenant, req.body)),
  );
  app.get('/tenders/:id', { schema: { tags, summary: "One tender as its buyer sees it (the problems that keep a draft from publication included)", params: IdParams, response: { 200: Tender, ...errorResponses } } }, (req) =>
    svc.get(deps, req.tenant, req.params.id),
  );
  app.patch('/tenders/:id', { schema: { tags, summary: 'Change a draft tender', params: IdParams, body: TenderPatch, response: { 200: Tender, ...errorResponses } } }, (req) =>
    svc.update(deps, req.tenant, req.params.id, req.body),
  );
  app.post('/tenders/:id/publish', { schema: { tags, summary: "Publish with the key holders' opening keys: freezes documents, criteria and weights", params: IdParams, body: PublishBody, response: { 200: Tender, ...errorResponses } } }, (req) =>
    svc.publish(deps, req.tenant, req.params.id, req.body),
  );
  app.post(
    '/tenders/:id/amendments',
    { bodyLimit: AMENDMENT_BODY_LIMIT, schema: { tags, summary: 'Amend a published tender (recorded, notified; the deadline moves as the regime requires)', params: IdParams, body: AmendmentBody, response: { 200: Tender, ...errorResponses } } },
    (req) => svc.amend(deps, req.tenant, req.params.id, req.body),
  );
  app.post('/tenders/:id/cancel', { schema: { tags, summary: 'Cancel a tender with a reason', params: IdParams, body: CancelBody, response: { 200: Tender, ...errorResponses } } }, (req) =>
    svc.cancel(deps, req.tenant, req.params.id, req.body),
  );
  app.put('/tenders/:id/invitations', { schema: { tags, summary: 'Invite suppliers (an invited tender: only those certified for its category)', params: IdParams, body: InvitationsBody, response: { 200: Tender, ...errorResponses } } }, (req) =>
    ex.setInvitations(deps, req.tenant, req.params.id, req.body),
  );
  app.post(
    '/tenders/:id/documents',
    { bodyLimit: FILE_BODY_LIMIT, schema: { tags, summary: 'Add a document to a draft tender', params: IdParams, body: FileUpload, response: { 201: TenderDocument, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await ex.addDocument(deps, req.tenant, req.params.id, req.body)),
  );
  app.delete('/tenders/:id/documents/:documentId', { schema: { tags, summary: 'Remove a document from a draft tender', params: DocumentParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await ex.removeDocument(deps, req.tenant, req.params.id, req.params.documentId);
    return reply.status(204).send(null);
  });
  app.get('/tenders/:id/documents/:documentId', { schema: { tags, summary: 'Download a tender document (X-Content-SHA256 carries its hash; a supplier download is recorded for the buyer)', params: DocumentParams, response: { 200: FileDownload, ...errorResponses } } }, async (req, reply) =>
    sendFile(reply, await ex.download(deps, req.tenant, req.params.id, req.params.documentId)),
  );
  app.get('/tenders/:id/questions', { schema: { tags, summary: "Questions: the buyer's all, a supplier's its own", params: IdParams, response: { 200: z.object({ items: z.array(TenderQuestion) }), ...errorResponses } } }, (req) =>
    ex.myQuestions(deps, req.tenant, req.params.id),
  );
  app.post('/tenders/:id/questions', { schema: { tags, summary: 'Ask a question (a supplier; anonymous to other suppliers)', params: IdParams, body: QuestionBody, response: { 201: z.object({ items: z.array(TenderQuestion) }), ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await ex.ask(deps, req.tenant, req.params.id, req.body)),
  );
  app.post('/tenders/:id/questions/:questionId/answer', { schema: { tags, summary: 'Answer a question: a clarification published to every supplier', params: QuestionParams, body: AnswerBody, response: { 200: Tender, ...errorResponses } } }, (req) =>
    ex.answer(deps, req.tenant, req.params.id, req.params.questionId, req.body),
  );
  app.post('/tenders/:id/clarifications', { schema: { tags, summary: 'Publish a clarification of its own accord', params: IdParams, body: AnswerBody, response: { 200: Tender, ...errorResponses } } }, (req) =>
    ex.answer(deps, req.tenant, req.params.id, null, req.body),
  );
  app.get('/tenders/:id/audit', { schema: { tags, summary: "The tender's entries in the hash-chained audit log", params: IdParams, response: { 200: z.object({ items: z.array(AuditEntry) }), ...errorResponses } } }, (req) =>
    ex.audit(deps.db, req.tenant, req.params.id),
  );
  app.get('/key-holders', { schema: { tags, summary: "Members and their key-holder keys (public half)", response: { 200: z.object({ items: z.array(KeyHolder) }), ...errorResponses } } }, (req) => ex.keyHolders(deps.db, req.tenant));
  app.put('/key-holders/me', { schema: { tags, summary: 'Set up my key-holder key (made in my browser from my passphrase)', body: KeyHolderEnrol, response: { 200: z.object({ items: z.array(KeyHolder) }), ...errorResponses } } }, (req) =>
    ex.enrol(deps, req.tenant, req.body),
  );
}
