import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams } from '../shared/http';
import { AnswerBody, AwardBody, AwardState, LotParams, ObjectionBody, ObjectionParams, OutBody, PublishCandidatesBody, RetenderBody, SavingsSummary, SupplierResult } from './schema';
import { awardService as svc } from './service';

const tags = ['Buy side: award'];
const portal = ['Supplier portal'];

export function awardRoutes(app: App, deps: Deps) {
  app.get('/tenders/:id/award', { schema: { tags, summary: 'Candidates, objections, awards per lot, savings, the negotiation guard', params: IdParams, response: { 200: AwardState, ...errorResponses } } }, (req) =>
    svc.state(deps, req.tenant, req.params.id),
  );
  app.post('/tenders/:id/candidates/publish', { schema: { tags, summary: 'Publish the candidates of every lot, with the objection window', params: IdParams, body: PublishCandidatesBody, response: { 200: AwardState, ...errorResponses } } }, (req) =>
    svc.publishCandidates(deps, req.tenant, req.params.id, req.body),
  );
  app.post('/tenders/:id/objections/:objectionId/answer', { schema: { tags, summary: 'Answer an objection (the award waits for it)', params: ObjectionParams, body: AnswerBody, response: { 200: AwardState, ...errorResponses } } }, (req) =>
    svc.answer(deps, req.tenant, req.params.id, req.params.objectionId, req.body),
  );
  app.post('/tenders/:id/lots/:lotKey/award', { schema: { tags, summary: 'Award a lot to its best remaining candidate; award and result notices at one instant', params: LotParams, body: AwardBody, response: { 200: AwardState, ...errorResponses } } }, (req) =>
    svc.award(deps, req.tenant, req.params.id, req.params.lotKey, req.body),
  );
  app.post('/tenders/:id/lots/:lotKey/out', { schema: { tags, summary: 'A candidate declined or was disqualified, with the reason', params: LotParams, body: OutBody, response: { 200: AwardState, ...errorResponses } } }, (req) =>
    svc.out(deps, req.tenant, req.params.id, req.params.lotKey, req.body),
  );
  app.post('/tenders/:id/lots/:lotKey/retender', { schema: { tags, summary: 'Re-tender a lot once a candidate is out', params: LotParams, body: RetenderBody, response: { 200: AwardState, ...errorResponses } } }, (req) =>
    svc.retender(deps, req.tenant, req.params.id, req.params.lotKey, req.body),
  );
  app.get('/savings', { schema: { tags, summary: "The buyer's savings on awarded tenders, per currency", response: { 200: SavingsSummary, ...errorResponses } } }, (req) => svc.savings(deps, req.tenant));
  app.get('/market/tenders/:id/result', { schema: { tags: portal, summary: 'The published candidates, my results after the award, my objections', params: IdParams, response: { 200: SupplierResult, ...errorResponses } } }, (req) =>
    svc.supplierResult(deps, req.tenant, req.params.id),
  );
  app.post('/market/tenders/:id/objections', { schema: { tags: portal, summary: 'Object to the candidates, with grounds, within the window', params: IdParams, body: ObjectionBody, response: { 200: SupplierResult, ...errorResponses } } }, (req) =>
    svc.object(deps, req.tenant, req.params.id, req.body),
  );
}
