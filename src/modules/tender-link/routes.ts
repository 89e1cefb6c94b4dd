import { z } from 'zod';
import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams } from '../shared/http';
import { LinkBody, TenderLink } from './schema';
import { tenderLinkService as svc } from './service';

const tags = ['Supplier portal: link to the pipeline'];

export function tenderLinkRoutes(app: App, deps: Deps) {
  app.put('/market/tenders/:id/link', { schema: { tags, summary: "Link the tender to an opportunity (or a new one): its events become the opportunity's evidence", params: IdParams, body: LinkBody, response: { 200: TenderLink, ...errorResponses } } }, (req) =>
    svc.link(deps, req.tenant, req.params.id, req.body),
  );
  app.delete('/market/tenders/:id/link', { schema: { tags, summary: 'Unlink the tender (evidence already taken stays)', params: IdParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.unlink(deps, req.tenant, req.params.id);
    return reply.status(204).send(null);
  });
}
