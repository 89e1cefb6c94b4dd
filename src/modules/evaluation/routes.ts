import { z } from 'zod';
import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams } from '../shared/http';
import {
  BidParams,
  ComparisonTable,
  CommitteeBody,
  DeclarationBody,
  DeclarationResult,
  DrawBody,
  EvaluationBids,
  EvaluationReport,
  EvaluationState,
  MemberParams,
  MyEvaluations,
  ReplaceBody,
  ReportQuery,
  ScreeningBody,
  SheetBody,
  Sheets,
  SignBody,
} from './schema';
import { committeeService, evaluationService } from './service';
import { reviewService } from './review';
import { comparisonOf } from './comparison';

const tags = ['Buy side: evaluation'];

export function evaluationRoutes(app: App, deps: Deps) {
  app.get('/evaluations', { schema: { tags, summary: "The signed-in user's seats on evaluation committees (every buyer's)", response: { 200: MyEvaluations, ...errorResponses } } }, (req) => evaluationService.mine(deps, req.tenant));
  app.get('/evaluations/:id', { schema: { tags, summary: 'A tender’s evaluation as the caller may see it (the buyer’s staff, or an active member)', params: IdParams, response: { 200: EvaluationState, ...errorResponses } } }, (req) =>
    evaluationService.state(deps, req.tenant, req.params.id),
  );
  app.put('/evaluations/:id/committee', { schema: { tags, summary: 'Buyer: appoint its staff and the chair (while the committee is formed)', params: IdParams, body: CommitteeBody, response: { 200: EvaluationState, ...errorResponses } } }, (req) =>
    committeeService.setStaff(deps, req.tenant, req.params.id, req.body),
  );
  app.post('/evaluations/:id/draws', { schema: { tags, summary: 'Buyer: draw experts of a field from the pool (seed logged, replayable)', params: IdParams, body: DrawBody, response: { 200: EvaluationState, ...errorResponses } } }, (req) =>
    committeeService.draw(deps, req.tenant, req.params.id, req.body),
  );
  app.post('/evaluations/:id/members/:memberId/replace', { schema: { tags, summary: 'Buyer: replace a member, with the reason recorded', params: MemberParams, body: ReplaceBody, response: { 200: EvaluationState, ...errorResponses } } }, (req) =>
    committeeService.replace(deps, req.tenant, req.params.id, req.params.memberId, req.body),
  );
  app.put('/evaluations/:id/members/:memberId/chair', { schema: { tags, summary: 'Buyer: record the chair the committee chose (a member of the buyer or an expert)', params: MemberParams, response: { 200: EvaluationState, ...errorResponses } } }, (req) =>
    committeeService.setChair(deps, req.tenant, req.params.id, req.params.memberId),
  );
  app.post('/evaluations/:id/convene', { schema: { tags, summary: 'Buyer: convene the committee (composition and frozen criteria checked)', params: IdParams, response: { 200: EvaluationState, ...errorResponses } } }, (req) =>
    committeeService.convene(deps, req.tenant, req.params.id),
  );
  app.post('/evaluations/:id/declaration', { schema: { tags, summary: 'Member: declare conflict of interest, or none, with each bidder', params: IdParams, body: DeclarationBody, response: { 200: DeclarationResult, ...errorResponses } } }, (req) =>
    reviewService.declare(deps, req.tenant, req.params.id, req.body),
  );
  app.get('/evaluations/:id/bids', { schema: { tags, summary: 'The bids under evaluation (a declared member; every view audited)', params: IdParams, response: { 200: EvaluationBids, ...errorResponses } } }, (req) =>
    reviewService.bids(deps, req.tenant, req.params.id),
  );
  app.put('/evaluations/:id/screening', { schema: { tags, summary: 'Member: record screening results (pass, or fail with a reason)', params: IdParams, body: ScreeningBody, response: { 200: EvaluationState, ...errorResponses } } }, (req) =>
    reviewService.screen(deps, req.tenant, req.params.id, req.body),
  );
  app.post('/evaluations/:id/screening/close', { schema: { tags, summary: 'Chair: close screening', params: IdParams, response: { 200: EvaluationState, ...errorResponses } } }, (req) =>
    reviewService.closeScreening(deps, req.tenant, req.params.id),
  );
  app.get('/evaluations/:id/sheets', { schema: { tags, summary: 'Score sheets: mine; the others once mine is submitted', params: IdParams, response: { 200: Sheets, ...errorResponses } } }, (req) => reviewService.sheets(deps, req.tenant, req.params.id));
  app.put('/evaluations/:id/sheets/:bidId', { schema: { tags, summary: 'Member: save my sheet for a bid (frozen criteria; the price is never typed)', params: BidParams, body: SheetBody, response: { 200: Sheets, ...errorResponses } } }, (req) =>
    reviewService.saveSheet(deps, req.tenant, req.params.id, req.params.bidId, req.body),
  );
  app.post('/evaluations/:id/sheets/submit', { schema: { tags, summary: 'Member: submit every sheet (then they no longer change)', params: IdParams, response: { 200: Sheets, ...errorResponses } } }, (req) =>
    reviewService.submitSheets(deps, req.tenant, req.params.id),
  );
  app.post('/evaluations/:id/scoring/close', { schema: { tags, summary: 'Chair: close scoring (the result and the report follow)', params: IdParams, response: { 200: EvaluationState, ...errorResponses } } }, (req) =>
    reviewService.closeScoring(deps, req.tenant, req.params.id),
  );
  app.get('/evaluations/:id/comparison', { schema: { tags, summary: 'The comparison table: criteria, totals, remarks and prices side by side, best values marked', params: IdParams, response: { 200: ComparisonTable, ...errorResponses } } }, (req) =>
    comparisonOf(deps, req.tenant, req.params.id),
  );
  app.get('/evaluations/:id/report', { schema: { tags, summary: 'The evaluation report with its hash and signatures', params: IdParams, response: { 200: EvaluationReport, ...errorResponses } } }, (req) =>
    reviewService.report(deps, req.tenant, req.params.id),
  );
  app.get('/evaluations/:id/report.html', { schema: { tags, summary: 'The report as a printable HTML page in one language', params: IdParams, querystring: ReportQuery, response: { 200: z.string(), ...errorResponses } } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').header('content-disposition', `inline; filename="evaluation-report-${req.params.id}.html"`).send(await reviewService.reportHtml(deps, req.tenant, req.params.id, req.query.lang)),
  );
  app.post('/evaluations/:id/sign', { schema: { tags, summary: 'Member: sign the report, or sign with a dissent', params: IdParams, body: SignBody, response: { 200: EvaluationState, ...errorResponses } } }, (req) =>
    reviewService.sign(deps, req.tenant, req.params.id, req.body),
  );
}
