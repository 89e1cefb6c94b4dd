import { z } from 'zod';
import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams, pageOf, Uuid } from '../shared/http';
import { CompetitorPositionInput } from '../competitors/schema';
import {
  Board,
  BoardQuery,
  FactInput,
  OpportunityCreate,
  OpportunityDetail,
  OpportunityListQuery,
  OpportunityPatch,
  OpportunitySummary,
  OutcomeBody,
  StageMove,
  StageMoveBody,
  TimelineEntry,
  TimelineQuery,
} from './schema';
import { opportunityService as svc } from './service';

const tags = ['Opportunities'];

export function opportunityRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.get('/opportunities', { schema: { tags, summary: 'List opportunities: filter, sort, cursor pages', querystring: OpportunityListQuery, response: { 200: pageOf(OpportunitySummary), ...errorResponses } } }, (req) =>
    svc.list(db, req.tenant, req.query),
  );
  app.get('/opportunities/board', { schema: { tags, summary: "Pipeline board: the customer's stages of one process model with counts, totals and cards", querystring: BoardQuery, response: { 200: Board, ...errorResponses } } }, (req) =>
    svc.board(db, req.tenant, req.query),
  );
  app.post('/opportunities', { schema: { tags, summary: "Create an opportunity (a customer's procurement project)", body: OpportunityCreate, response: { 201: OpportunityDetail, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(deps, req.tenant, req.body)),
  );
  app.get('/opportunities/:id', { schema: { tags, summary: 'One opportunity with its inferred stage, explanation, risks, next actions, buying center', params: IdParams, response: { 200: OpportunityDetail, ...errorResponses } } }, (req) =>
    svc.get(db, req.tenant, req.params.id),
  );
  app.patch('/opportunities/:id', { schema: { tags, summary: 'Change an opportunity', params: IdParams, body: OpportunityPatch, response: { 200: OpportunityDetail, ...errorResponses } } }, (req) =>
    svc.update(deps, req.tenant, req.params.id, req.body),
  );
  app.post('/opportunities/:id/stage', { schema: { tags, summary: 'Set the stage by hand (backwards needs a reason)', params: IdParams, body: StageMoveBody, response: { 200: OpportunityDetail, ...errorResponses } } }, (req) =>
    svc.moveStage(deps, req.tenant, req.params.id, req.body),
  );
  app.post('/opportunities/:id/outcome', { schema: { tags, summary: 'Close as won, lost or abandoned, or reopen', params: IdParams, body: OutcomeBody, response: { 200: OpportunityDetail, ...errorResponses } } }, (req) =>
    svc.setOutcome(deps, req.tenant, req.params.id, req.body),
  );
  app.put('/opportunities/:id/facts', { schema: { tags, summary: 'Record a key fact (budget, decision date, criteria) with its sources', params: IdParams, body: FactInput, response: { 200: OpportunityDetail, ...errorResponses } } }, (req) =>
    svc.upsertFact(deps, req.tenant, req.params.id, req.body),
  );
  app.put('/opportunities/:id/competitors', { schema: { tags, summary: "Set a competitor's position on this opportunity", params: IdParams, body: CompetitorPositionInput, response: { 200: OpportunityDetail, ...errorResponses } } }, (req) =>
    svc.setCompetitor(deps, req.tenant, req.params.id, req.body),
  );
  app.delete(
    '/opportunities/:id/competitors/:competitorId',
    { schema: { tags, summary: 'Remove a competitor from this opportunity', params: z.object({ id: Uuid, competitorId: Uuid }), response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await svc.removeCompetitor(deps, req.tenant, req.params.id, req.params.competitorId);
      return reply.status(204).send(null);
    },
  );
  app.get('/opportunities/:id/stage-history', { schema: { tags, summary: 'Every stage move, forward or back, set or inferred', params: IdParams, response: { 200: z.object({ items: z.array(StageMove) }), ...errorResponses } } }, async (req) => ({
    items: await svc.stageHistory(db, req.tenant, req.params.id),
  }));
  app.get('/opportunities/:id/timeline', { schema: { tags, summary: 'Activity timeline: interactions, stage moves, field changes', params: IdParams, querystring: TimelineQuery, response: { 200: pageOf(TimelineEntry), ...errorResponses } } }, (req) =>
    svc.timeline(db, req.tenant, req.params.id, req.query),
  );
}
