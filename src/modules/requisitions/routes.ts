import { z } from 'zod';
import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams, pageOf } from '../shared/http';
import { ApprovalRule, ApprovalRulesBody, DecisionBody, Requisition, RequisitionCreate, RequisitionListQuery, RequisitionPatch, RequisitionSummary } from './schema';
import { requisitionService as svc } from './service';

const tags = ['Buy side: requisitions'];
const Rules = z.object({ rules: z.array(ApprovalRule) });

export function requisitionRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.get('/requisitions', { schema: { tags, summary: 'Requisitions (all, mine, or my approval inbox)', querystring: RequisitionListQuery, response: { 200: pageOf(RequisitionSummary), ...errorResponses } } }, (req) =>
    svc.list(db, req.tenant, req.query),
  );
  app.post('/requisitions', { schema: { tags, summary: 'Raise a requisition (a draft)', body: RequisitionCreate, response: { 201: Requisition, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(deps, req.tenant, req.body)),
  );
  app.get('/requisitions/:id', { schema: { tags, summary: 'One requisition with its items and approval record', params: IdParams, response: { 200: Requisition, ...errorResponses } } }, (req) =>
    svc.get(db, req.tenant, req.params.id),
  );
  app.patch('/requisitions/:id', { schema: { tags, summary: 'Change a requisition (not once approved); a change in the chain starts it over', params: IdParams, body: RequisitionPatch, response: { 200: Requisition, ...errorResponses } } }, (req) =>
    svc.update(deps, req.tenant, req.params.id, req.body),
  );
  app.post('/requisitions/:id/submit', { schema: { tags, summary: 'Submit for approval: the steps that apply by amount and department', params: IdParams, response: { 200: Requisition, ...errorResponses } } }, (req) =>
    svc.submit(deps, req.tenant, req.params.id),
  );
  app.post('/requisitions/:id/decision', { schema: { tags, summary: 'Approve, reject or return the waiting step', params: IdParams, body: DecisionBody, response: { 200: Requisition, ...errorResponses } } }, (req) =>
    svc.decide(deps, req.tenant, req.params.id, req.body),
  );
  app.post('/requisitions/:id/withdraw', { schema: { tags, summary: 'Withdraw a requisition from approval', params: IdParams, response: { 200: Requisition, ...errorResponses } } }, (req) =>
    svc.withdraw(deps, req.tenant, req.params.id),
  );
  app.get('/approval-rules', { schema: { tags, summary: 'The approval chain of the organization', response: { 200: Rules, ...errorResponses } } }, (req) => svc.rules(db, req.tenant));
  app.put('/approval-rules', { schema: { tags, summary: 'Set the approval chain (owners, admins)', body: ApprovalRulesBody, response: { 200: Rules, ...errorResponses } } }, (req) =>
    svc.setRules(deps, req.tenant, req.body),
  );
}
