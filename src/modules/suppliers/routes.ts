import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams } from '../shared/http';
import { FILE_BODY_LIMIT, FileDownload, FileUpload, sendFile } from '../shared/files';
import {
  CertificationDecision,
  CertificationOpen,
  Directory,
  DirectoryQuery,
  InviteAccept,
  Registration,
  RegistrationCreate,
  Registrations,
  Supplier,
  SupplierApplication,
  SupplierCreate,
  SupplierList,
  SupplierListQuery,
  UploadedFile,
} from './schema';
import { supplierService as svc } from './service';

const tags = ['Buy side: suppliers'];
const portal = ['Supplier portal'];

export function supplierRoutes(app: App, deps: Deps) {
  app.get('/suppliers', { schema: { tags, summary: 'The supplier registry with certifications', querystring: SupplierListQuery, response: { 200: SupplierList, ...errorResponses } } }, (req) =>
    svc.list(deps, req.tenant, req.query),
  );
  app.post('/suppliers', { schema: { tags, summary: 'Register a supplier: an organization on Procura, or a company invited by e-mail', body: SupplierCreate, response: { 201: Supplier, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.add(deps, req.tenant, req.body)),
  );
  app.get('/suppliers/:id', { schema: { tags, summary: 'One supplier with its certifications', params: IdParams, response: { 200: Supplier, ...errorResponses } } }, (req) =>
    svc.get(deps, req.tenant, req.params.id),
  );
  app.post('/suppliers/:id/certifications', { schema: { tags, summary: 'Open a certification for a category', params: IdParams, body: CertificationOpen, response: { 200: Supplier, ...errorResponses } } }, (req) =>
    svc.openCertification(deps, req.tenant, req.params.id, req.body),
  );
  app.post('/certifications/:id/decision', { schema: { tags, summary: 'Certify (quality, delivery, credit), reject, suspend, blacklist or reinstate', params: IdParams, body: CertificationDecision, response: { 200: Supplier, ...errorResponses } } }, (req) =>
    svc.decide(deps, req.tenant, req.params.id, req.body),
  );
  app.post(
    '/certifications/:id/documents',
    { bodyLimit: FILE_BODY_LIMIT, schema: { tags, summary: 'Add a document to a certification (the buyer, or the supplier for its own)', params: IdParams, body: FileUpload, response: { 201: UploadedFile, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await svc.addDocument(deps, req.tenant, req.params.id, req.body)),
  );
  app.get('/certification-documents/:id', { schema: { tags, summary: 'Download a certification document (X-Content-SHA256 carries its hash)', params: IdParams, response: { 200: FileDownload, ...errorResponses } } }, async (req, reply) =>
    sendFile(reply, await svc.document(deps, req.tenant, req.params.id)),
  );
  app.get('/supplier-directory', { schema: { tags, summary: 'Organizations on Procura a buyer may register as suppliers', querystring: DirectoryQuery, response: { 200: Directory, ...errorResponses } } }, (req) =>
    svc.directory(deps, req.tenant, req.query.q),
  );

  app.get('/registrations', { schema: { tags: portal, summary: 'The buyers this organization is registered with, and its certifications', response: { 200: Registrations, ...errorResponses } } }, (req) =>
    svc.registrations(deps, req.tenant),
  );
  app.post('/registrations', { schema: { tags: portal, summary: 'Register with a buyer', body: RegistrationCreate, response: { 200: Registration, ...errorResponses } } }, (req) =>
    svc.register(deps, req.tenant, req.body.buyerOrgId),
  );
  app.post('/registrations/applications', { schema: { tags: portal, summary: "Apply for certification in a category with a buyer", body: SupplierApplication, response: { 200: Registration, ...errorResponses } } }, (req) =>
    svc.apply(deps, req.tenant, req.body),
  );
  app.post('/registrations/accept-invite', { schema: { tags: portal, summary: "Take up a buyer's e-mail invitation as this organization", body: InviteAccept, response: { 200: Registration, ...errorResponses } } }, (req) =>
    svc.acceptInvite(deps, req.tenant, req.body.token),
  );
  app.get('/buyer-directory', { schema: { tags: portal, summary: 'Buying organizations on Procura', querystring: DirectoryQuery, response: { 200: Directory, ...errorResponses } } }, (req) =>
    svc.buyers(deps, req.tenant, req.query.q),
  );
}
