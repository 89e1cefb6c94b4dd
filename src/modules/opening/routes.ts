import { z } from 'zod';
import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams } from '../shared/http';
import { OpenedBid, OpeningState, PostponeBody, ShareBody } from './schema';
import { openingService as svc } from './service';

const tags = ['Buy side: opening'];

export function openingRoutes(app: App, deps: Deps) {
  app.get('/tenders/:id/opening', { schema: { tags, summary: 'The opening: key holders, hand-overs, the record', params: IdParams, response: { 200: OpeningState, ...errorResponses } } }, (req) =>
    svc.state(deps, req.tenant, req.params.id),
  );
  app.post('/tenders/:id/opening/shares', { schema: { tags, summary: 'A key holder hands over their share (after the opening time); the k-th opens the bids', params: IdParams, body: ShareBody, response: { 200: OpeningState, ...errorResponses } } }, (req) =>
    svc.handOver(deps, req.tenant, req.params.id, req.body),
  );
  app.post('/tenders/:id/opening/postpone', { schema: { tags, summary: 'Postpone the opening (fewer than k key holders came)', params: IdParams, body: PostponeBody, response: { 200: OpeningState, ...errorResponses } } }, (req) =>
    svc.postpone(deps, req.tenant, req.params.id, req.body),
  );
  app.get('/tenders/:id/bids', { schema: { tags, summary: 'The opened bids (refused, and recorded, before the opening)', params: IdParams, response: { 200: z.object({ items: z.array(OpenedBid) }), ...errorResponses } } }, (req) =>
    svc.bids(deps, req.tenant, req.params.id),
  );
}
