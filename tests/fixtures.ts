// A small, realistic sell-side world inside one organization, made through the
// public API (so fixtures exercise the same paths users do).
import type { TestEnv, TestUser } from './api';

export interface World {
  accountId: string;
  contactIds: { director: string; engineer: string; purchaser: string };
  competitorId: string;
  opportunityId: string;
  interactionId: string;
  evidenceId: string;
  taskId: string;
}

export async function makeWorld(env: TestEnv, u: TestUser, tag = 'A'): Promise<World> {
  const must = async (method: string, url: string, body?: unknown) => {
    const r = await env.request(u, method, url, body);
    if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const account = await must('POST', '/api/v1/accounts', { name: `${tag} 第一人民医院`, industry: 'medical', size: 'large', region: '华东', procurementPolicies: ['centralized_tender'], budgetCycle: 'annual' });
  const director = await must('POST', '/api/v1/contacts', { accountId: account.id, name: `${tag} 张院长`, title: '院长', buyingRoles: ['decision_maker'], attitude: 'neutral', influence: 5 });
  const engineer = await must('POST', '/api/v1/contacts', { accountId: account.id, name: `${tag} 李工`, title: '设备科工程师', reportsToId: director.id, buyingRoles: ['user', 'influencer'], isCoach: true, attitude: 'supporter', influence: 3 });
  const purchaser = await must('POST', '/api/v1/contacts', { accountId: account.id, name: `${tag} 王主任`, title: '采购部主任', reportsToId: director.id, buyingRoles: ['purchaser'], influence: 4 });
  const competitor = await must('POST', '/api/v1/competitors', { name: `${tag} 迈瑞医疗` });
  const opp = await must('POST', '/api/v1/opportunities', { accountId: account.id, title: `${tag} 彩超采购项目`, value: 3_200_000, processModel: 'internal-8', expectedDecisionDate: '2027-03-31', source: 'referral' });
  const interaction = await must('POST', '/api/v1/interactions', {
    opportunityId: opp.id,
    type: 'meeting',
    summary: '设备科介绍需求与预算',
    customerResponse: '预算已批',
    contactIds: [engineer.id],
    evidence: [{ type: 'budget_approved', value: '3,500,000 CNY', sourceContactId: engineer.id, verified: false }],
  });
  await must('PUT', `/api/v1/opportunities/${opp.id}/competitors`, { competitorId: competitor.id, position: 'incumbent', strengths: '装机量大' });
  const task = await must('POST', '/api/v1/tasks', { opportunityId: opp.id, title: '拜访院长', dueDate: '2027-01-15' });
  return {
    accountId: account.id,
    contactIds: { director: director.id, engineer: engineer.id, purchaser: purchaser.id },
    competitorId: competitor.id,
    opportunityId: opp.id,
    interactionId: interaction.id,
    evidenceId: interaction.evidence[0].id,
    taskId: task.id,
  };
}

/** Row counts of every table a user's request may write: to prove a refused request wrote nothing. */
export async function tableCounts(env: TestEnv): Promise<Record<string, number>> {
  const tables = ['accounts', 'contacts', 'competitors', 'opportunities', 'opportunity_facts', 'opportunity_competitors', 'interactions', 'evidence_items', 'tasks', 'stage_moves', 'activities', 'process_models', 'org_settings', 'idempotency_keys', 'member', 'invitation', '"user"', 'organization',
    'approval_rules', 'requisitions', 'requisition_items', 'requisition_steps', 'projects', 'project_team', 'suppliers', 'certifications',
    'tenders', 'tender_invitations', 'tender_documents', 'tender_keys', 'key_holders', 'tender_amendments', 'tender_downloads', 'tender_questions',
    'tender_clarifications', 'bids', 'bid_versions', 'tender_openings', 'opening_shares', 'bid_openings', 'notifications', 'outbox', 'audit_chain', 'tender_links', 'certification_documents'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (await env.sql(`select count(*)::int n from ${t}`))[0].n;
  // Content too: an UPDATE changes no count.
  out.opportunities_hash = (await env.sql(`select coalesce(sum(hashtext(o::text)), 0)::float8 h from opportunities o`))[0].h;
  out.accounts_hash = (await env.sql(`select coalesce(sum(hashtext(a::text)), 0)::float8 h from accounts a`))[0].h;
  out.contacts_hash = (await env.sql(`select coalesce(sum(hashtext(c::text)), 0)::float8 h from contacts c`))[0].h;
  out.tasks_hash = (await env.sql(`select coalesce(sum(hashtext(t::text)), 0)::float8 h from tasks t`))[0].h;
  out.requisitions_hash = (await env.sql(`select coalesce(sum(hashtext(r::text)), 0)::float8 h from requisitions r`))[0].h;
  out.requisition_steps_hash = (await env.sql(`select coalesce(sum(hashtext(s::text)), 0)::float8 h from requisition_steps s`))[0].h;
  out.tenders_hash = (await env.sql(`select coalesce(sum(hashtext(t::text)), 0)::float8 h from tenders t`))[0].h;
  out.certifications_hash = (await env.sql(`select coalesce(sum(hashtext(c::text)), 0)::float8 h from certifications c`))[0].h;
  out.notifications_hash = (await env.sql(`select coalesce(sum(hashtext(n::text)), 0)::float8 h from notifications n`))[0].h;
  out.settings_hash = (await env.sql(`select coalesce(sum(hashtext(s::text)), 0)::float8 h from org_settings s`))[0].h;
  return out;
}

export interface BuyWorld {
  requesterId: string;
  requester: TestUser;
  /** An approved requisition and its project. */
  requisitionId: string;
  projectId: string;
  /** A requisition waiting for the owner's decision. */
  pendingRequisitionId: string;
}

/** A buying organization's first project: an approval chain, a requisition raised by a member and approved by the owner. */
export async function makeBuyWorld(env: TestEnv, owner: TestUser, tag = 'A'): Promise<BuyWorld> {
  const as = (u: TestUser) => async (method: string, url: string, body?: unknown) => {
    const r = await env.request(u, method, url, body);
    if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const requester = await env.addMember(owner, 'member');
  await as(owner)('PUT', '/api/v1/approval-rules', { rules: [{ key: 'head', name: `${tag} 部门负责人`, minAmount: '0', approverIds: [owner.userId] }] });
  const req = await as(requester)('POST', '/api/v1/requisitions', {
    title: `${tag} 压缩机采购`,
    department: '生产部',
    justification: '新生产线投产',
    items: [{ name: '变频压缩机', specification: '1.5 匹', quantity: '2000', unit: '台', unitPrice: '1600' }],
  });
  await as(requester)('POST', `/api/v1/requisitions/${req.id}/submit`);
  const approved = await as(owner)('POST', `/api/v1/requisitions/${req.id}/decision`, { decision: 'approve' });
  const pending = await as(requester)('POST', '/api/v1/requisitions', { title: `${tag} 备件`, department: '生产部', justification: '备件', items: [{ name: '阀门', quantity: '10', unit: '个', unitPrice: '50' }] });
  await as(requester)('POST', `/api/v1/requisitions/${pending.id}/submit`);
  return { requesterId: requester.userId, requester, requisitionId: req.id, projectId: approved.projectId, pendingRequisitionId: pending.id };
}
