// Security as a feature: for EVERY operation in the OpenAPI document, another
// organization can neither read nor change organization A's data. The table
// below must name every operation; a new route without a case fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, listenEvents, type TestEnv, type TestUser } from '../../tests/api';
import { makeBuyWorld, makeWorld, tableCounts, type BuyWorld, type World } from '../../tests/fixtures';
import { makeTenderWorld, type TenderWorld } from '../../tests/buy';

let env: TestEnv;
let a: TestUser;
let b: TestUser;
let w: World;
let aMemberId: string;
let aInvitationId: string;
let bw: BuyWorld;
let tw: TenderWorld;
let aNotificationId: string;

beforeAll(async () => {
  env = await createTestEnv();
  a = await env.signUp({ org: 'A Medical', kind: 'both' });
  b = await env.signUp({ org: 'B Intruder', kind: 'both' });
  w = await makeWorld(env, a, 'A');
  await makeWorld(env, b, 'B');
  bw = await makeBuyWorld(env, a, 'A');
  const bbw = await makeBuyWorld(env, b, 'B');
  tw = await makeTenderWorld(env, a, bw.projectId, 'A');
  await makeTenderWorld(env, b, bbw.projectId, 'B');
  aNotificationId = (await env.sql(`select id from notifications where organization_id = $1 limit 1`, [a.orgId]))[0].id;
  const m = await env.addMember(a, 'member');
  aMemberId = (await env.request(a, 'GET', '/api/v1/organization/members')).body.items.find((x: { userId: string }) => x.userId === m.userId).id;
  aInvitationId = (await env.request(a, 'POST', '/api/v1/organization/invitations', { email: 'pending@example.test', role: 'member' })).body.id;
  const pm = await env.request(a, 'POST', '/api/v1/process-models', {
    key: 'a-private-model',
    name: { 'zh-CN': 'A 的流程', en: 'A process' },
    stages: [
      { key: 'need', name: { 'zh-CN': '需求', en: 'Need' }, backbone: 'need', milestones: [1, 2] },
      { key: 'decide', name: { 'zh-CN': '决策', en: 'Decide' }, backbone: 'decide', milestones: [3, 4, 5, 6, 7, 8, 9] },
    ],
  });
  expect(pm.status).toBe(201);
});
afterAll(() => env.close());

type Case = { method: string; url: () => string; body?: () => unknown; expect: number | 'list-without-a' | 'own-only' };
const aIds = () => [w.accountId, w.opportunityId, w.interactionId, w.taskId, w.competitorId, ...Object.values(w.contactIds), a.orgId, aMemberId, aInvitationId, bw.requisitionId, bw.projectId, bw.pendingRequisitionId, bw.requesterId,
  tw.tenderId, tw.draftTenderId, tw.supplierId, tw.certificationId, tw.certDocumentId, tw.documentId, tw.questionId, tw.bidder.orgId, aNotificationId, ...tw.holders.map((h) => h.user.userId)];
const box = { ephemeralPublicKey: 'AAAA', nonce: 'AAAA', ciphertext: 'AAAA' };
const sealed = () => ({ format: 'procura-bid-submission/1', tenderId: tw.tenderId, envelopes: [{ format: 'procura-sealed-bid/1', tenderId: tw.tenderId, envelope: 'single', keyFingerprint: 'x', wrappedKey: box, nonce: 'AAAA', ciphertext: 'AAAA' }] });
const file = () => ({ name: 'x.txt', mediaType: 'text/plain', data: 'eA==' });

const cases: Record<string, Case> = {
  'GET /api/v1/me': { method: 'GET', url: () => '/api/v1/me', expect: 'own-only' },
  'POST /api/v1/me/organization': { method: 'POST', url: () => '/api/v1/me/organization', body: () => ({ organizationId: a.orgId }), expect: 404 },
  'GET /api/v1/organization/settings': { method: 'GET', url: () => '/api/v1/organization/settings', expect: 'own-only' },
  'PATCH /api/v1/organization/settings': { method: 'PATCH', url: () => '/api/v1/organization/settings', body: () => ({ defaultProcessModel: 'a-private-model' }), expect: 400 },
  'GET /api/v1/organization/members': { method: 'GET', url: () => '/api/v1/organization/members', expect: 'list-without-a' },
  'PATCH /api/v1/organization/members/{id}': { method: 'PATCH', url: () => `/api/v1/organization/members/${aMemberId}`, body: () => ({ role: 'admin' }), expect: 404 },
  'DELETE /api/v1/organization/members/{id}': { method: 'DELETE', url: () => `/api/v1/organization/members/${aMemberId}`, expect: 404 },
  'GET /api/v1/organization/invitations': { method: 'GET', url: () => '/api/v1/organization/invitations', expect: 'list-without-a' },
  'POST /api/v1/organization/invitations': { method: 'POST', url: () => '/api/v1/organization/invitations', body: () => ({ email: 'pending@example.test' }), expect: 'own-only' },
  'DELETE /api/v1/organization/invitations/{id}': { method: 'DELETE', url: () => `/api/v1/organization/invitations/${aInvitationId}`, expect: 404 },
  'POST /api/v1/invitations/{id}/accept': { method: 'POST', url: () => `/api/v1/invitations/${aInvitationId}/accept`, expect: 403 },
  'GET /api/v1/process-models': { method: 'GET', url: () => '/api/v1/process-models', expect: 'list-without-a' },
  'POST /api/v1/process-models': {
    method: 'POST',
    url: () => '/api/v1/process-models',
    body: () => ({ key: 'a-private-model', name: { 'zh-CN': 'B', en: 'B' }, stages: [{ key: 'x1', name: { 'zh-CN': '一', en: 'One' }, backbone: 'need', milestones: [1, 2, 3, 4] }, { key: 'x2', name: { 'zh-CN': '二', en: 'Two' }, backbone: 'use', milestones: [5, 6, 7, 8, 9] }] }),
    expect: 'own-only',
  },
  'PATCH /api/v1/process-models/{key}': { method: 'PATCH', url: () => '/api/v1/process-models/a-private-model-nope', body: () => ({ name: { 'zh-CN': '改', en: 'Changed' } }), expect: 404 },
  'GET /api/v1/accounts': { method: 'GET', url: () => '/api/v1/accounts', expect: 'list-without-a' },
  'POST /api/v1/accounts': { method: 'POST', url: () => '/api/v1/accounts', body: () => ({ name: 'B new', industry: 'other' }), expect: 'own-only' },
  'GET /api/v1/accounts/{id}': { method: 'GET', url: () => `/api/v1/accounts/${w.accountId}`, expect: 404 },
  'PATCH /api/v1/accounts/{id}': { method: 'PATCH', url: () => `/api/v1/accounts/${w.accountId}`, body: () => ({ name: 'hijacked' }), expect: 404 },
  'DELETE /api/v1/accounts/{id}': { method: 'DELETE', url: () => `/api/v1/accounts/${w.accountId}`, expect: 404 },
  'GET /api/v1/accounts/{id}/timeline': { method: 'GET', url: () => `/api/v1/accounts/${w.accountId}/timeline`, expect: 404 },
  'GET /api/v1/contacts': { method: 'GET', url: () => `/api/v1/contacts?accountId=${w.accountId}`, expect: 'list-without-a' },
  'POST /api/v1/contacts': { method: 'POST', url: () => '/api/v1/contacts', body: () => ({ accountId: w.accountId, name: 'spy' }), expect: 404 },
  'GET /api/v1/contacts/{id}': { method: 'GET', url: () => `/api/v1/contacts/${w.contactIds.director}`, expect: 404 },
  'PATCH /api/v1/contacts/{id}': { method: 'PATCH', url: () => `/api/v1/contacts/${w.contactIds.director}`, body: () => ({ attitude: 'opponent' }), expect: 404 },
  'DELETE /api/v1/contacts/{id}': { method: 'DELETE', url: () => `/api/v1/contacts/${w.contactIds.director}`, expect: 404 },
  'GET /api/v1/competitors': { method: 'GET', url: () => '/api/v1/competitors', expect: 'list-without-a' },
  'POST /api/v1/competitors': { method: 'POST', url: () => '/api/v1/competitors', body: () => ({ name: 'A 迈瑞医疗' }), expect: 'own-only' },
  'PATCH /api/v1/competitors/{id}': { method: 'PATCH', url: () => `/api/v1/competitors/${w.competitorId}`, body: () => ({ notes: 'x' }), expect: 404 },
  'GET /api/v1/opportunities': { method: 'GET', url: () => '/api/v1/opportunities', expect: 'list-without-a' },
  'GET /api/v1/opportunities/board': { method: 'GET', url: () => '/api/v1/opportunities/board?processModel=internal-8', expect: 'list-without-a' },
  'POST /api/v1/opportunities': { method: 'POST', url: () => '/api/v1/opportunities', body: () => ({ accountId: w.accountId, title: 'steal' }), expect: 404 },
  'GET /api/v1/opportunities/{id}': { method: 'GET', url: () => `/api/v1/opportunities/${w.opportunityId}`, expect: 404 },
  'PATCH /api/v1/opportunities/{id}': { method: 'PATCH', url: () => `/api/v1/opportunities/${w.opportunityId}`, body: () => ({ value: 1 }), expect: 404 },
  'POST /api/v1/opportunities/{id}/stage': { method: 'POST', url: () => `/api/v1/opportunities/${w.opportunityId}/stage`, body: () => ({ stage: 'contract_signing' }), expect: 404 },
  'POST /api/v1/opportunities/{id}/outcome': { method: 'POST', url: () => `/api/v1/opportunities/${w.opportunityId}/outcome`, body: () => ({ outcome: 'abandoned' }), expect: 404 },
  'PUT /api/v1/opportunities/{id}/facts': { method: 'PUT', url: () => `/api/v1/opportunities/${w.opportunityId}/facts`, body: () => ({ kind: 'budget', value: '1' }), expect: 404 },
  'PUT /api/v1/opportunities/{id}/competitors': { method: 'PUT', url: () => `/api/v1/opportunities/${w.opportunityId}/competitors`, body: () => ({ competitorId: w.competitorId, position: 'won' }), expect: 404 },
  'DELETE /api/v1/opportunities/{id}/competitors/{competitorId}': { method: 'DELETE', url: () => `/api/v1/opportunities/${w.opportunityId}/competitors/${w.competitorId}`, expect: 404 },
  'GET /api/v1/opportunities/{id}/stage-history': { method: 'GET', url: () => `/api/v1/opportunities/${w.opportunityId}/stage-history`, expect: 404 },
  'GET /api/v1/opportunities/{id}/timeline': { method: 'GET', url: () => `/api/v1/opportunities/${w.opportunityId}/timeline`, expect: 404 },
  'GET /api/v1/interactions': { method: 'GET', url: () => `/api/v1/interactions?opportunityId=${w.opportunityId}`, expect: 404 },
  'POST /api/v1/interactions': { method: 'POST', url: () => '/api/v1/interactions', body: () => ({ opportunityId: w.opportunityId, type: 'call', summary: 'x' }), expect: 404 },
  'GET /api/v1/evidence/{id}': { method: 'GET', url: () => `/api/v1/evidence/${w.evidenceId}`, expect: 404 },
  'PATCH /api/v1/evidence/{id}': { method: 'PATCH', url: () => `/api/v1/evidence/${w.evidenceId}`, body: () => ({ verified: true }), expect: 404 },
  'GET /api/v1/tasks': { method: 'GET', url: () => '/api/v1/tasks', expect: 'list-without-a' },
  'POST /api/v1/tasks': { method: 'POST', url: () => '/api/v1/tasks', body: () => ({ opportunityId: w.opportunityId, title: 'x' }), expect: 404 },
  'PATCH /api/v1/tasks/{id}': { method: 'PATCH', url: () => `/api/v1/tasks/${w.taskId}`, body: () => ({ status: 'done' }), expect: 404 },
  'GET /api/v1/requisitions': { method: 'GET', url: () => '/api/v1/requisitions', expect: 'list-without-a' },
  'POST /api/v1/requisitions': { method: 'POST', url: () => '/api/v1/requisitions', body: () => ({ title: 'B need', department: 'x', justification: 'y', items: [{ name: 'n', quantity: '1', unit: 'u', unitPrice: '1' }] }), expect: 'own-only' },
  'GET /api/v1/requisitions/{id}': { method: 'GET', url: () => `/api/v1/requisitions/${bw.requisitionId}`, expect: 404 },
  'PATCH /api/v1/requisitions/{id}': { method: 'PATCH', url: () => `/api/v1/requisitions/${bw.pendingRequisitionId}`, body: () => ({ title: 'hijacked' }), expect: 404 },
  'POST /api/v1/requisitions/{id}/submit': { method: 'POST', url: () => `/api/v1/requisitions/${bw.pendingRequisitionId}/submit`, expect: 404 },
  'POST /api/v1/requisitions/{id}/decision': { method: 'POST', url: () => `/api/v1/requisitions/${bw.pendingRequisitionId}/decision`, body: () => ({ decision: 'approve' }), expect: 404 },
  'POST /api/v1/requisitions/{id}/withdraw': { method: 'POST', url: () => `/api/v1/requisitions/${bw.pendingRequisitionId}/withdraw`, expect: 404 },
  'GET /api/v1/approval-rules': { method: 'GET', url: () => '/api/v1/approval-rules', expect: 'own-only' },
  'PUT /api/v1/approval-rules': { method: 'PUT', url: () => '/api/v1/approval-rules', body: () => ({ rules: [{ key: 'xx', name: 'x', approverIds: [a.userId] }] }), expect: 404 },
  'GET /api/v1/projects': { method: 'GET', url: () => '/api/v1/projects', expect: 'list-without-a' },
  'GET /api/v1/projects/{id}': { method: 'GET', url: () => `/api/v1/projects/${bw.projectId}`, expect: 404 },
  'PUT /api/v1/projects/{id}/team': { method: 'PUT', url: () => `/api/v1/projects/${bw.projectId}/team`, body: () => ({ members: [] }), expect: 404 },
  'GET /api/v1/projects/{id}/timeline': { method: 'GET', url: () => `/api/v1/projects/${bw.projectId}/timeline`, expect: 404 },
  'GET /api/v1/suppliers': { method: 'GET', url: () => '/api/v1/suppliers', expect: 'list-without-a' },
  'POST /api/v1/suppliers': { method: 'POST', url: () => '/api/v1/suppliers', body: () => ({ name: 'B 新供应商', contactEmail: 'sales@b.example' }), expect: 'own-only' },
  'GET /api/v1/suppliers/{id}': { method: 'GET', url: () => `/api/v1/suppliers/${tw.supplierId}`, expect: 404 },
  'POST /api/v1/suppliers/{id}/certifications': { method: 'POST', url: () => `/api/v1/suppliers/${tw.supplierId}/certifications`, body: () => ({ category: 'services' }), expect: 404 },
  'POST /api/v1/certifications/{id}/decision': { method: 'POST', url: () => `/api/v1/certifications/${tw.certificationId}/decision`, body: () => ({ to: 'blacklisted', reason: 'x' }), expect: 404 },
  'POST /api/v1/certifications/{id}/documents': { method: 'POST', url: () => `/api/v1/certifications/${tw.certificationId}/documents`, body: file, expect: 404 },
  'GET /api/v1/certification-documents/{id}': { method: 'GET', url: () => `/api/v1/certification-documents/${tw.certDocumentId}`, expect: 404 },
  'GET /api/v1/registrations': { method: 'GET', url: () => '/api/v1/registrations', expect: 'own-only' },
  'POST /api/v1/registrations/accept-invite': { method: 'POST', url: () => '/api/v1/registrations/accept-invite', body: () => ({ token: 'x'.repeat(43) }), expect: 404 },
  'GET /api/v1/tenders': { method: 'GET', url: () => '/api/v1/tenders', expect: 'list-without-a' },
  'POST /api/v1/tenders': { method: 'POST', url: () => '/api/v1/tenders', body: () => ({ projectId: bw.projectId, title: 'x', regime: 'enterprise', method: 'open', category: 'goods', estimatedValue: '1', lots: [{ name: 'l', items: [{ name: 'i', quantity: '1', unit: 'u' }] }], evaluation: { method: 'lowest_price' }, timeline: { questionsUntil: '2027-01-01T00:00:00Z', deadline: '2027-02-01T00:00:00Z', openingAt: '2027-02-01T00:00:00Z' } }), expect: 404 },
  'GET /api/v1/tenders/{id}': { method: 'GET', url: () => `/api/v1/tenders/${tw.tenderId}`, expect: 404 },
  'PATCH /api/v1/tenders/{id}': { method: 'PATCH', url: () => `/api/v1/tenders/${tw.draftTenderId}`, body: () => ({ title: 'hijacked' }), expect: 404 },
  'POST /api/v1/tenders/{id}/publish': { method: 'POST', url: () => `/api/v1/tenders/${tw.draftTenderId}/publish`, body: () => ({ keys: [{ format: 'procura-tender-key/1', tenderId: tw.draftTenderId, envelope: 'single', publicKey: 'x', fingerprint: 'x', threshold: 2, shares: [{ holderUserId: b.userId, box }, { holderUserId: b.userId, box }] }] }), expect: 404 },
  'POST /api/v1/tenders/{id}/amendments': { method: 'POST', url: () => `/api/v1/tenders/${tw.tenderId}/amendments`, body: () => ({ reason: 'x', material: false }), expect: 404 },
  'POST /api/v1/tenders/{id}/cancel': { method: 'POST', url: () => `/api/v1/tenders/${tw.tenderId}/cancel`, body: () => ({ reason: 'x' }), expect: 404 },
  'PUT /api/v1/tenders/{id}/invitations': { method: 'PUT', url: () => `/api/v1/tenders/${tw.tenderId}/invitations`, body: () => ({ supplierIds: [] }), expect: 404 },
  'POST /api/v1/tenders/{id}/documents': { method: 'POST', url: () => `/api/v1/tenders/${tw.draftTenderId}/documents`, body: file, expect: 404 },
  'DELETE /api/v1/tenders/{id}/documents/{documentId}': { method: 'DELETE', url: () => `/api/v1/tenders/${tw.tenderId}/documents/${tw.documentId}`, expect: 404 },
  'GET /api/v1/tenders/{id}/documents/{documentId}': { method: 'GET', url: () => `/api/v1/tenders/${tw.tenderId}/documents/${tw.documentId}`, expect: 404 },
  'GET /api/v1/tenders/{id}/questions': { method: 'GET', url: () => `/api/v1/tenders/${tw.tenderId}/questions`, expect: 404 },
  'POST /api/v1/tenders/{id}/questions': { method: 'POST', url: () => `/api/v1/tenders/${tw.tenderId}/questions`, body: () => ({ question: 'x' }), expect: 404 },
  'POST /api/v1/tenders/{id}/questions/{questionId}/answer': { method: 'POST', url: () => `/api/v1/tenders/${tw.tenderId}/questions/${tw.questionId}/answer`, body: () => ({ answer: 'x' }), expect: 404 },
  'POST /api/v1/tenders/{id}/clarifications': { method: 'POST', url: () => `/api/v1/tenders/${tw.tenderId}/clarifications`, body: () => ({ question: 'q', answer: 'x' }), expect: 404 },
  'GET /api/v1/tenders/{id}/audit': { method: 'GET', url: () => `/api/v1/tenders/${tw.tenderId}/audit`, expect: 404 },
  'GET /api/v1/key-holders': { method: 'GET', url: () => '/api/v1/key-holders', expect: 'list-without-a' },
  'PUT /api/v1/key-holders/me': { method: 'PUT', url: () => '/api/v1/key-holders/me', body: () => ({ format: 'procura-holder-key/1', salt: 'AAAAAAAAAAAAAAAAAAAAAA==', scrypt: { N: 32768, r: 8, p: 1 }, publicKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }), expect: 'own-only' },
  'GET /api/v1/tenders/{id}/opening': { method: 'GET', url: () => `/api/v1/tenders/${tw.tenderId}/opening`, expect: 404 },
  'POST /api/v1/tenders/{id}/opening/shares': { method: 'POST', url: () => `/api/v1/tenders/${tw.tenderId}/opening/shares`, body: () => ({ envelope: 'single', share: 'AAAA' }), expect: 404 },
  'POST /api/v1/tenders/{id}/opening/postpone': { method: 'POST', url: () => `/api/v1/tenders/${tw.tenderId}/opening/postpone`, body: () => ({ reason: 'x', openingAt: '2030-01-01T00:00:00Z' }), expect: 404 },
  'GET /api/v1/tenders/{id}/bids': { method: 'GET', url: () => `/api/v1/tenders/${tw.tenderId}/bids`, expect: 404 },
  'GET /api/v1/market/tenders': { method: 'GET', url: () => '/api/v1/market/tenders', expect: 'list-without-a' },
  'GET /api/v1/market/tenders/{id}': { method: 'GET', url: () => `/api/v1/market/tenders/${tw.tenderId}`, expect: 404 },
  'POST /api/v1/market/tenders/{id}/bid': { method: 'POST', url: () => `/api/v1/market/tenders/${tw.tenderId}/bid`, body: sealed, expect: 404 },
  'POST /api/v1/market/tenders/{id}/bid/withdraw': { method: 'POST', url: () => `/api/v1/market/tenders/${tw.tenderId}/bid/withdraw`, expect: 404 },
  'POST /api/v1/market/tenders/{id}/bid/confirm': { method: 'POST', url: () => `/api/v1/market/tenders/${tw.tenderId}/bid/confirm`, expect: 404 },
  'GET /api/v1/market/tenders/{id}/bid': { method: 'GET', url: () => `/api/v1/market/tenders/${tw.tenderId}/bid`, expect: 404 },
  'GET /api/v1/market/tenders/{id}/bid/versions/{version}/receipt': { method: 'GET', url: () => `/api/v1/market/tenders/${tw.tenderId}/bid/versions/1/receipt`, expect: 404 },
  'GET /api/v1/experts': { method: 'GET', url: () => '/api/v1/experts', expect: 'list-without-a' },
  'POST /api/v1/experts': { method: 'POST', url: () => '/api/v1/experts', body: () => ({ email: 'nobody-here@example.test', fields: ['x'], title: 't', years: 1 }), expect: 400 },
  'PATCH /api/v1/experts/{userId}': { method: 'PATCH', url: () => `/api/v1/experts/${tw.holders[0]!.user.userId}`, body: () => ({ years: 2 }), expect: 404 },
  'GET /api/v1/evaluations': { method: 'GET', url: () => '/api/v1/evaluations', expect: 'own-only' },
  'GET /api/v1/evaluations/{id}': { method: 'GET', url: () => `/api/v1/evaluations/${tw.tenderId}`, expect: 404 },
  'PUT /api/v1/evaluations/{id}/committee': { method: 'PUT', url: () => `/api/v1/evaluations/${tw.tenderId}/committee`, body: () => ({ staff: [{ userId: b.userId, chair: true }] }), expect: 404 },
  'POST /api/v1/evaluations/{id}/draws': { method: 'POST', url: () => `/api/v1/evaluations/${tw.tenderId}/draws`, body: () => ({ field: 'x', count: 1 }), expect: 404 },
  'POST /api/v1/evaluations/{id}/members/{memberId}/replace': { method: 'POST', url: () => `/api/v1/evaluations/${tw.tenderId}/members/00000000-0000-4000-8000-000000000001/replace`, body: () => ({ reason: 'x' }), expect: 404 },
  'PUT /api/v1/evaluations/{id}/members/{memberId}/chair': { method: 'PUT', url: () => `/api/v1/evaluations/${tw.tenderId}/members/00000000-0000-4000-8000-000000000001/chair`, expect: 404 },
  'POST /api/v1/evaluations/{id}/convene': { method: 'POST', url: () => `/api/v1/evaluations/${tw.tenderId}/convene`, expect: 404 },
  'POST /api/v1/evaluations/{id}/declaration': { method: 'POST', url: () => `/api/v1/evaluations/${tw.tenderId}/declaration`, body: () => ({ declarations: [] }), expect: 404 },
  'GET /api/v1/evaluations/{id}/bids': { method: 'GET', url: () => `/api/v1/evaluations/${tw.tenderId}/bids`, expect: 404 },
  'PUT /api/v1/evaluations/{id}/screening': { method: 'PUT', url: () => `/api/v1/evaluations/${tw.tenderId}/screening`, body: () => ({ results: [{ bidId: '00000000-0000-4000-8000-000000000001', requirementKey: 'Q1', passed: true }] }), expect: 404 },
  'POST /api/v1/evaluations/{id}/screening/close': { method: 'POST', url: () => `/api/v1/evaluations/${tw.tenderId}/screening/close`, expect: 404 },
  'GET /api/v1/evaluations/{id}/sheets': { method: 'GET', url: () => `/api/v1/evaluations/${tw.tenderId}/sheets`, expect: 404 },
  'PUT /api/v1/evaluations/{id}/sheets/{bidId}': { method: 'PUT', url: () => `/api/v1/evaluations/${tw.tenderId}/sheets/00000000-0000-4000-8000-000000000001`, body: () => ({ scores: { C1: '1' } }), expect: 404 },
  'POST /api/v1/evaluations/{id}/sheets/submit': { method: 'POST', url: () => `/api/v1/evaluations/${tw.tenderId}/sheets/submit`, expect: 404 },
  'POST /api/v1/evaluations/{id}/scoring/close': { method: 'POST', url: () => `/api/v1/evaluations/${tw.tenderId}/scoring/close`, expect: 404 },
  'GET /api/v1/evaluations/{id}/comparison': { method: 'GET', url: () => `/api/v1/evaluations/${tw.tenderId}/comparison`, expect: 404 },
  'GET /api/v1/evaluations/{id}/report': { method: 'GET', url: () => `/api/v1/evaluations/${tw.tenderId}/report`, expect: 404 },
  'GET /api/v1/evaluations/{id}/report.html': { method: 'GET', url: () => `/api/v1/evaluations/${tw.tenderId}/report.html`, expect: 404 },
  'POST /api/v1/evaluations/{id}/sign': { method: 'POST', url: () => `/api/v1/evaluations/${tw.tenderId}/sign`, body: () => ({}), expect: 404 },
  'GET /api/v1/tenders/{id}/award': { method: 'GET', url: () => `/api/v1/tenders/${tw.tenderId}/award`, expect: 404 },
  'POST /api/v1/tenders/{id}/candidates/publish': { method: 'POST', url: () => `/api/v1/tenders/${tw.tenderId}/candidates/publish`, body: () => ({ days: 3 }), expect: 404 },
  'POST /api/v1/tenders/{id}/objections/{objectionId}/answer': { method: 'POST', url: () => `/api/v1/tenders/${tw.tenderId}/objections/00000000-0000-4000-8000-000000000001/answer`, body: () => ({ answer: 'x' }), expect: 404 },
  'POST /api/v1/tenders/{id}/lots/{lotKey}/award': { method: 'POST', url: () => `/api/v1/tenders/${tw.tenderId}/lots/L1/award`, body: () => ({}), expect: 404 },
  'POST /api/v1/tenders/{id}/lots/{lotKey}/out': { method: 'POST', url: () => `/api/v1/tenders/${tw.tenderId}/lots/L1/out`, body: () => ({ bidId: '00000000-0000-4000-8000-000000000001', reason: 'x' }), expect: 404 },
  'POST /api/v1/tenders/{id}/lots/{lotKey}/retender': { method: 'POST', url: () => `/api/v1/tenders/${tw.tenderId}/lots/L1/retender`, body: () => ({ reason: 'x' }), expect: 404 },
  'GET /api/v1/savings': { method: 'GET', url: () => '/api/v1/savings', expect: 'own-only' },
  'GET /api/v1/market/tenders/{id}/result': { method: 'GET', url: () => `/api/v1/market/tenders/${tw.tenderId}/result`, expect: 404 },
  'POST /api/v1/market/tenders/{id}/objections': { method: 'POST', url: () => `/api/v1/market/tenders/${tw.tenderId}/objections`, body: () => ({ grounds: 'grounds long enough to pass' }), expect: 404 },
  'PUT /api/v1/market/tenders/{id}/link': { method: 'PUT', url: () => `/api/v1/market/tenders/${tw.tenderId}/link`, body: () => ({ opportunityId: w.opportunityId }), expect: 404 },
  'DELETE /api/v1/market/tenders/{id}/link': { method: 'DELETE', url: () => `/api/v1/market/tenders/${tw.tenderId}/link`, expect: 404 },
  'GET /api/v1/notifications': { method: 'GET', url: () => '/api/v1/notifications', expect: 'own-only' },
  'POST /api/v1/notifications/{id}/read': { method: 'POST', url: () => `/api/v1/notifications/${aNotificationId}/read`, expect: 404 },
  'POST /api/v1/notifications/read-all': { method: 'POST', url: () => '/api/v1/notifications/read-all', expect: 'own-only' },
  'GET /api/v1/outbox': { method: 'GET', url: () => '/api/v1/outbox', expect: 'own-only' },
};

/** Operations whose access rule is tested elsewhere (public by design, or a stream). */
const elsewhere: Record<string, string> = {
  'POST /api/v1/auth/sign-up': 'public: creates a new user and organization (organizations.test.ts)',
  'GET /api/v1/invitations/{id}': 'public by design: the link is the secret; shows only the inviting organization name (organizations.test.ts)',
  'GET /api/v1/events': 'stream: tested below with a real connection',
  'GET /api/v1/platform/receipt-key': "public by design: the platform's public key, for checking receipts offline (bids.test.ts)",
  'GET /api/v1/supplier-directory': 'public by design: names and kinds of the organizations on Procura that sell, for a buyer to register (suppliers.test.ts)',
  'GET /api/v1/buyer-directory': 'public by design: names and kinds of the organizations that buy, for a supplier to register with (suppliers.test.ts)',
  'POST /api/v1/registrations': "by design a supplier registers itself with any buyer; it writes only its own entry (suppliers.test.ts: the buyer's other data stays hidden)",
  'POST /api/v1/registrations/applications': 'by design a supplier applies to any buyer; it writes only its own application (suppliers.test.ts)',
};

describe('tenant isolation: every operation', () => {
  it('the table covers every operation in the OpenAPI document', async () => {
    const doc = (await env.request(null, 'GET', '/api/openapi.json')).body;
    const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, o]) => Object.keys(o).map((m) => `${m.toUpperCase()} ${p}`));
    const missing = ops.filter((op) => !cases[op] && !elsewhere[op]);
    expect(missing).toEqual([]);
  });

  for (const [op, c] of Object.entries(cases)) {
    it(`${op}: organization B cannot read or change A's data`, async () => {
      const before = await tableCounts(env);
      const aView = await env.request(a, 'GET', `/api/v1/opportunities/${w.opportunityId}`);
      const res = await env.request(b, c.method, c.url(), c.body?.());
      const text = JSON.stringify(res.body ?? '');
      if (typeof c.expect === 'number') {
        expect(res.status, text).toBe(c.expect);
        expect(res.headers['content-type']).toContain('application/problem+json');
      } else {
        expect(res.status, text).toBeLessThan(300);
      }
      // Nothing of A's appears in what B gets back.
      for (const id of aIds()) expect(text).not.toContain(id);
      expect(text).not.toContain('A 第一人民医院');
      expect(text).not.toContain('A Medical');
      if (typeof c.expect === 'number') {
        expect(await tableCounts(env)).toEqual(before);
      }
      // A's data is unchanged either way.
      const aAfter = await env.request(a, 'GET', `/api/v1/opportunities/${w.opportunityId}`);
      expect(aAfter.body.value).toBe(aView.body.value);
      expect(aAfter.body.outcome).toBe(aView.body.outcome);
      expect(aAfter.body.stage).toBe(aView.body.stage);
    });
  }

  it('GET /api/v1/events: B receives none of A\'s live updates, and its own', async () => {
    const live = await listenEvents(env, b);
    await env.request(a, 'PATCH', `/api/v1/opportunities/${w.opportunityId}`, { value: 3_300_000 });
    const bOpp = (await env.request(b, 'GET', '/api/v1/opportunities')).body.items[0].id;
    await env.request(b, 'PATCH', `/api/v1/opportunities/${bOpp}`, { value: 123 });
    const received = await live.stop();
    expect(received).toContain(bOpp);
    expect(received).not.toContain(w.opportunityId);
  });
});
