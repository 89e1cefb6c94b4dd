import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams, pageOf } from '../shared/http';
import { publicPlatformKey } from '../../server/platform-key';
import { MarketListQuery } from '../tenders/schema';
import { BidSubmission, MarketTender, MyBid, PlatformKey, ReceiptFile, SubmitResult, TenderSummary, VersionParams } from './schema';
import { bidService as svc, MAX_BID_BYTES } from './service';

const tags = ['Supplier portal: bids'];

export function bidRoutes(app: App, deps: Deps) {
  app.get('/platform/receipt-key', { config: { public: true }, schema: { tags, summary: "The platform's public key that signs bid receipts (check receipts offline)", response: { 200: PlatformKey, ...errorResponses } } }, async () =>
    publicPlatformKey(deps.platformKey),
  );
  app.get('/market/tenders', { schema: { tags, summary: 'Tenders this organization may bid in: open ones and those inviting it', querystring: MarketListQuery, response: { 200: pageOf(TenderSummary), ...errorResponses } } }, (req) =>
    svc.market(deps, req.tenant, req.query),
  );
  app.get('/market/tenders/:id', { schema: { tags, summary: 'One tender as a supplier sees it, with its own bid and the opening record', params: IdParams, response: { 200: MarketTender, ...errorResponses } } }, (req) =>
    svc.marketTender(deps, req.tenant, req.params.id),
  );
  app.post(
    '/market/tenders/:id/bid',
    { bodyLimit: MAX_BID_BYTES + 1024 * 1024, schema: { tags, summary: 'Submit (or replace) a sealed bid: ciphertext only; answers with the signed receipt', params: IdParams, body: BidSubmission, response: { 201: SubmitResult, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await svc.submit(deps, req.tenant, req.params.id, req.body)),
  );
  app.post('/market/tenders/:id/bid/withdraw', { schema: { tags, summary: 'Withdraw the bid (before the deadline)', params: IdParams, response: { 201: SubmitResult, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.withdraw(deps, req.tenant, req.params.id)),
  );
  app.post('/market/tenders/:id/bid/confirm', { schema: { tags, summary: 'Confirm a bid sealed before a material amendment', params: IdParams, response: { 201: SubmitResult, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.confirm(deps, req.tenant, req.params.id)),
  );
  app.get('/market/tenders/:id/bid', { schema: { tags, summary: 'My bid: its versions and receipts', params: IdParams, response: { 200: MyBid, ...errorResponses } } }, (req) => svc.mine(deps, req.tenant, req.params.id));
  app.get('/market/tenders/:id/bid/versions/:version/receipt', { schema: { tags, summary: 'The receipt file of one version (receipt and platform key)', params: VersionParams, response: { 200: ReceiptFile, ...errorResponses } } }, (req) =>
    svc.receipt(deps, req.tenant, req.params.id, req.params.version),
  );
}
