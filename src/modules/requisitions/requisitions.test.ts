// Needs and approval (issue 7, 2): a requisition through its chain, as the
// people of a buying organization would take it: segregation of duties, every
// step, one decision per step even when two approvers click at once, read-only
// once approved, and the procurement project it becomes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';
import { verifyAudit } from '../audit/service';

let env: TestEnv;
let owner: TestUser;
let head: TestUser;
let head2: TestUser;
let cfo: TestUser;
let gm: TestUser;
let clerk: TestUser;

const must = async (u: TestUser, method: string, url: string, body?: unknown) => {
  const r = await env.request(u, method, url, body);
  if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const raise = (u: TestUser, unitPrice: string, quantity = '10', department = '生产部') =>
  must(u, 'POST', '/api/v1/requisitions', { title: `采购 ${unitPrice}`, department, justification: '扩产', items: [{ name: '压缩机', specification: '1.5 匹', quantity, unit: '台', unitPrice }] });

beforeAll(async () => {
  env = await createTestEnv();
  owner = await env.signUp({ org: '海信式家电', kind: 'buyer' });
  [head, head2, cfo, gm, clerk] = [await env.addMember(owner, 'manager'), await env.addMember(owner, 'manager'), await env.addMember(owner, 'manager'), await env.addMember(owner, 'admin'), await env.addMember(owner, 'member')];
  await must(owner, 'PUT', '/api/v1/approval-rules', {
    rules: [
      { key: 'head', name: '部门负责人', minAmount: '0', approverIds: [head.userId, head2.userId] },
      { key: 'finance', name: '财务', minAmount: '50000', approverIds: [cfo.userId] },
      { key: 'boss', name: '总经理', minAmount: '1000000', approverIds: [gm.userId] },
    ],
  });
});
afterAll(() => env.close());

describe('the approval chain', () => {
  it('a large requisition needs the department head, finance and the general manager, in that order; then it is a project', async () => {
    const r = await raise(clerk, '1600', '2000');
    expect(r).toMatchObject({ status: 'draft', total: '3200000.00', number: expect.stringMatching(/^PR-\d{4}-0001$/), currency: 'CNY' });
    expect(r.items[0]).toMatchObject({ quantity: '2000', unitPrice: '1600.00', lineTotal: '3200000.00' });
    const s = await must(clerk, 'POST', `/api/v1/requisitions/${r.id}/submit`);
    expect(s.steps.map((x: { key: string }) => x.key)).toEqual(['head', 'finance', 'boss']);
    expect(s.waitingStep).toBe('部门负责人');
    // The inbox of each approver holds only what waits for them.
    expect((await must(head, 'GET', '/api/v1/requisitions?view=inbox')).items.map((x: { id: string }) => x.id)).toEqual([r.id]);
    expect((await must(cfo, 'GET', '/api/v1/requisitions?view=inbox')).items).toEqual([]);
    // The boss cannot skip ahead.
    const early = await env.request(gm, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'approve' });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('approval.not_approver');
    await must(head, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'approve' });
    await must(cfo, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'approve', comment: '预算内' });
    const done = await must(gm, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'approve' });
    expect(done.status).toBe('approved');
    expect(done.steps.map((x: { decision: string; deciderName: string }) => [x.decision, x.deciderName])).toEqual([
      ['approve', 'User 2'],
      ['approve', 'User 4'],
      ['approve', 'User 5'],
    ].map(([d]) => [d, expect.any(String)]));
    const project = await must(owner, 'GET', `/api/v1/projects/${done.projectId}`);
    expect(project).toMatchObject({ title: r.title, budget: '3200000.00', stage: 'feasibility_and_budget', number: r.number.replace('PR-', 'PJ-'), requisitionId: r.id });
    // An approved requisition is read-only.
    const change = await env.request(clerk, 'PATCH', `/api/v1/requisitions/${r.id}`, { title: '改' });
    expect(change.status).toBe(409);
    expect(change.body.code).toBe('approval.read_only');
    // The purchasing team moves the project to "project approved, team formed".
    const team = await must(owner, 'PUT', `/api/v1/projects/${project.id}/team`, { members: [{ userId: gm.userId, roles: ['decision_maker'] }, { userId: clerk.userId, roles: ['user'] }, { userId: cfo.userId, roles: ['purchaser', 'supervisor'] }] });
    expect(team.stage).toBe('project_and_team');
    expect(team.team.map((m: { roles: string[] }) => m.roles).flat().sort()).toEqual(['decision_maker', 'purchaser', 'supervisor', 'user']);
    const timeline = (await must(owner, 'GET', `/api/v1/projects/${project.id}/timeline`)).items.map((e: { action: string }) => e.action);
    expect(timeline).toEqual(['project.team_formed', 'project.team_set', 'project.requisition_approved']);
  });

  it('a small one needs only the department head; finance is not asked', async () => {
    const r = await raise(clerk, '100');
    const s = await must(clerk, 'POST', `/api/v1/requisitions/${r.id}/submit`);
    expect(s.steps.map((x: { key: string }) => x.key)).toEqual(['head']);
    expect((await must(head2, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'approve' })).status).toBe('approved');
  });

  it('nobody approves their own requisition', async () => {
    const r = await raise(head, '100');
    await must(head, 'POST', `/api/v1/requisitions/${r.id}/submit`);
    const own = await env.request(head, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('approval.own_requisition');
    // The other head may.
    expect((await must(head2, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'approve' })).status).toBe('approved');
  });

  it('two approvers deciding one step at once: one decision counts, the other is told', async () => {
    const r = await raise(clerk, '100');
    await must(clerk, 'POST', `/api/v1/requisitions/${r.id}/submit`);
    const [x, y] = await Promise.all([
      env.request(head, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'approve' }),
      env.request(head2, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'reject', comment: '不需要' }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const after = await must(owner, 'GET', `/api/v1/requisitions/${r.id}`);
    expect(after.steps.filter((s: { decision: string | null }) => s.decision !== null)).toHaveLength(1);
    expect((await env.sql('select count(*)::int n from projects where requisition_id = $1', [r.id]))[0].n).toBe(after.status === 'approved' ? 1 : 0);
  });

  it('a return goes back to the requester with the comment; a change and a new submission start the chain over', async () => {
    const r = await raise(clerk, '6000', '10');
    await must(clerk, 'POST', `/api/v1/requisitions/${r.id}/submit`);
    await must(head, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'approve' });
    const none = await env.request(cfo, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'return' });
    expect(none.status).toBe(400);
    expect(none.body.errors[0]).toMatchObject({ field: 'body.comment', code: 'required' });
    const back = await must(cfo, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'return', comment: '请补充报价单' });
    expect(back.status).toBe('returned');
    const changed = await must(clerk, 'PATCH', `/api/v1/requisitions/${r.id}`, { justification: '扩产，附三家报价' });
    expect(changed.status).toBe('draft');
    const again = await must(clerk, 'POST', `/api/v1/requisitions/${r.id}/submit`);
    expect(again.round).toBe(2);
    expect(again.waitingStep).toBe('部门负责人');
    expect(again.steps.map((s: { round: number; decision: string | null }) => [s.round, s.decision])).toEqual([
      [1, 'approve'],
      [1, 'return'],
      [2, null],
      [2, null],
    ]);
    // A rejection ends it.
    const rejected = await must(head2, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'reject', comment: '预算已用完' });
    expect(rejected.status).toBe('rejected');
    expect((await env.request(cfo, 'POST', `/api/v1/requisitions/${r.id}/decision`, { decision: 'approve' })).status).toBe(409);
  });

  it('only the requester changes, submits or withdraws; without a chain nothing can be submitted', async () => {
    const r = await raise(clerk, '100');
    expect((await env.request(head, 'PATCH', `/api/v1/requisitions/${r.id}`, { title: 'x' })).status).toBe(403);
    expect((await env.request(head, 'POST', `/api/v1/requisitions/${r.id}/submit`)).status).toBe(403);
    await must(clerk, 'POST', `/api/v1/requisitions/${r.id}/submit`);
    expect((await env.request(clerk, 'POST', `/api/v1/requisitions/${r.id}/submit`)).status).toBe(409);
    expect((await must(clerk, 'POST', `/api/v1/requisitions/${r.id}/withdraw`)).status).toBe('withdrawn');
    expect((await env.request(clerk, 'POST', `/api/v1/requisitions/${r.id}/withdraw`)).status).toBe(409);
    // A member cannot set the chain; an approver who is no member is a 404 naming the field.
    expect((await env.request(clerk, 'PUT', '/api/v1/approval-rules', { rules: [] })).status).toBe(403);
    const stranger = await env.request(owner, 'PUT', '/api/v1/approval-rules', { rules: [{ key: 'xx', name: 'x', approverIds: ['00000000-0000-4000-8000-000000000000'] }] });
    expect(stranger.status).toBe(404);
    expect(stranger.body.errors[0].field).toBe('body.rules.0.approverIds.0');
    const dup = await env.request(owner, 'PUT', '/api/v1/approval-rules', { rules: [{ key: 'xx', name: 'x', approverIds: [cfo.userId] }, { key: 'xx', name: 'y', approverIds: [cfo.userId] }] });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0].field).toBe('body.rules.1.key');
    const other = await env.signUp({ org: '无流程', kind: 'buyer' });
    const lonely = await must(other, 'POST', '/api/v1/requisitions', { title: 't', department: 'd', justification: 'j', items: [{ name: 'n', quantity: '1', unit: 'u', unitPrice: '1' }] });
    const refused = await env.request(other, 'POST', `/api/v1/requisitions/${lonely.id}/submit`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('approval.no_steps');
  });

  it('a seller organization has no buy side', async () => {
    const seller = await env.signUp({ org: '卖家', kind: 'seller' });
    const r = await env.request(seller, 'GET', '/api/v1/requisitions');
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('organization.not_a_buyer');
    expect((await env.request(seller, 'GET', '/api/v1/projects')).status).toBe(403);
  });

  it('every step is in the audit chain, and the chain verifies', async () => {
    const n = (await env.sql(`select count(*)::int n from audit_chain where organization_id = $1 and action like 'requisition.%'`, [owner.orgId]))[0].n;
    expect(n).toBeGreaterThan(5);
    const report = await verifyAudit(env.ownerUrl, null);
    expect(report).toMatchObject({ ok: true, broken: null });
    expect(report.entries).toBeGreaterThan(n);
  });
});
