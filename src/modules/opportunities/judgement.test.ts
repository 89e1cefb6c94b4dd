// The seller's judgement played through the API as a seller would log it: the
// stage at first contact, known versus engaged contacts, evidence strength, and
// what single channel waits for (seed 003's mistakes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';

let env: TestEnv;
let a: TestUser;
let accountId: string;
let boss: string;
let engineer: string;
let purchaser: string;

const must = async (method: string, url: string, body?: unknown) => {
  const r = await env.request(a, method, url, body);
  if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const opportunity = async (title: string) => (await must('POST', '/api/v1/opportunities', { accountId, title, value: 2_000_000, processModel: 'internal-8' })).id as string;
const log = (opportunityId: string, body: Record<string, unknown>) => must('POST', '/api/v1/interactions', { opportunityId, type: 'meeting', summary: 'x', ...body });
const detail = (id: string) => must('GET', `/api/v1/opportunities/${id}`);
const riskOf = (d: { risks: { code: string }[] }, code: string) => d.risks.find((r) => r.code === code) as { code: string; severity: string; message: { params: Record<string, string>; text: { en: string; 'zh-CN': string } } } | undefined;

beforeAll(async () => {
  env = await createTestEnv();
  a = await env.signUp({ org: 'Judgement Medical' });
  accountId = (await must('POST', '/api/v1/accounts', { name: '华山医院', industry: 'medical' })).id;
  boss = (await must('POST', '/api/v1/contacts', { accountId, name: '张院长', buyingRoles: ['decision_maker'], influence: 5 })).id;
  engineer = (await must('POST', '/api/v1/contacts', { accountId, name: '李工', buyingRoles: ['user', 'influencer'], isCoach: true, influence: 3 })).id;
  purchaser = (await must('POST', '/api/v1/contacts', { accountId, name: '王主任', buyingRoles: ['purchaser'], influence: 3 })).id;
});
afterAll(() => env.close());

describe('entered late: the stage the first contact itself reveals', () => {
  it('a first interaction that is a tender notice is flagged; an earlier one logged later takes its place', async () => {
    const id = await opportunity('迟到的招标');
    await log(id, { type: 'tender_notice', occurredAt: '2026-10-10T09:00:00Z', evidence: [{ type: 'tender_notice_published', value: '公开招标公告' }] });
    let d = await detail(id);
    expect(d.firstContact).toEqual({ stageKey: 'tender_and_screening', at: '2026-10-10T09:00:00.000Z' });
    const late = riskOf(d, 'entered_late')!;
    expect(late.message.params).toMatchObject({ stage: 'tender_and_screening', milestone: 5, threshold: 4 });
    expect(late.message.text.en).toContain('We first met the customer at "Tender and first screening"');
    expect(d.riskCodes).toContain('entered_late');

    // A visit in the spring, logged only now: that was the first contact, at the need.
    await log(id, { type: 'visit', occurredAt: '2026-04-02T09:00:00Z', contactIds: [engineer], evidence: [{ type: 'need_expressed', sourceContactId: engineer }] });
    d = await detail(id);
    expect(d.firstContact).toEqual({ stageKey: 'problem_and_need', at: '2026-04-02T09:00:00.000Z' });
    expect(riskOf(d, 'entered_late')).toBeUndefined();
    expect(d.riskCodes).not.toContain('entered_late');
    expect((await env.sql('select first_interaction_stage from opportunities where id = $1', [id]))[0].first_interaction_stage).toBe('problem_and_need');
  });
});

describe('known is not engaged', () => {
  it('a decision maker on file but never met is named; the map shows who was met; one meeting closes the gap', async () => {
    const id = await opportunity('只见过工程师');
    await log(id, { contactIds: [engineer], evidence: [{ type: 'criteria_draft_received', sourceContactId: engineer, value: '技术参数草稿' }] });
    let d = await detail(id);
    expect(d.stage).toBe('purchasing_criteria');
    const gap = riskOf(d, 'no_overall_view')!;
    expect(gap.severity).toBe('high');
    expect(gap.message.params).toMatchObject({ notMet: 'decision_maker', contactIds: boss, unknown: '' });
    expect(gap.message.text.en).toContain('decision maker 张院长 known but never met');
    expect(gap.message.text['zh-CN']).toContain('已知决策者张院长，但从未接触');
    const members = Object.fromEntries(d.buyingCenter.members.map((m: { name: string; engaged: boolean; interactions: number }) => [m.name, [m.engaged, m.interactions]]));
    expect(members).toEqual({ 张院长: [false, 0], 李工: [true, 1], 王主任: [false, 0] });
    expect(d.buyingCenter.neededRoles).toEqual([
      { role: 'decision_maker', status: 'not_met' },
      { role: 'user', status: 'engaged' },
    ]);
    expect(d.suggestions[0]).toMatchObject({ key: 'meet_decision_maker', priority: 1 });

    await log(id, { contactIds: [boss, engineer], summary: '拜见院长' });
    d = await detail(id);
    expect(riskOf(d, 'no_overall_view')).toBeUndefined();
    expect(d.buyingCenter.neededRoles).toEqual([
      { role: 'decision_maker', status: 'engaged' },
      { role: 'user', status: 'engaged' },
    ]);
  });
});

describe('evidence has strength', () => {
  it('a signed contract from one contact is firm; a remark on the phone is not', async () => {
    const signed = await opportunity('已签合同');
    await log(signed, { contactIds: [purchaser], evidence: [{ type: 'contract_signed', sourceContactId: purchaser }] });
    const d = await detail(signed);
    expect(d.stage).toBe('contract_signing');
    expect(d.inference.confidence).toBeGreaterThanOrEqual(0.85);
    expect(d.inferenceConfidence).toBe(d.inference.confidence);
    expect(d.inference.strength).toBe('documented');
    expect(d.inference.kinds).toEqual({ documentary: 1 });
    expect(d.inference.evidence[0]).toMatchObject({ type: 'contract_signed', kind: 'documentary', kindLabel: { 'zh-CN': '书面文件', en: 'Documentary' } });
    expect(d.inference.summary.text.en).toContain('(1 document)');
    expect(d.inference.summary.text.en).toContain('A document or public record shows it.');

    const said = await opportunity('电话里听说');
    await log(said, { type: 'call', contactIds: [engineer], evidence: [{ type: 'budget_known', sourceContactId: engineer, value: '200万' }] });
    const s = await detail(said);
    expect(s.inference.confidence).toBeLessThan(0.5);
    expect(s.inference.strength).toBe('stated');
    expect(s.inference.summary.text.en).toContain('So far only what contacts said');
  });
});

describe('single channel says what it waits for', () => {
  it('until enough interactions, the detail says how many it waits for, with the threshold an admin set', async () => {
    const id = await opportunity('单线联系');
    await log(id, { type: 'call', contactIds: [engineer] });
    await log(id, { type: 'call', contactIds: [engineer] });
    let d = await detail(id);
    expect(d.risksPending.map((m: { params: unknown }) => m.params)).toEqual([{ min: 3, count: 2 }]);
    expect(d.risksPending[0].text.en).toBe('Single channel: judged once there are 3 interactions with customer contacts; 2 so far.');

    expect((await env.request(a, 'PATCH', '/api/v1/organization/settings', { riskThresholds: { singleChannelMinInteractions: 4 } })).status).toBe(200);
    await log(id, { type: 'call', contactIds: [engineer] });
    d = await detail(id);
    expect(d.risksPending[0].text['zh-CN']).toBe('信息渠道单一：有客户参与的互动满 4 次才判断，目前 3 次。');
    expect(riskOf(d, 'single_channel')).toBeUndefined();

    await log(id, { type: 'call', contactIds: [engineer] });
    d = await detail(id);
    expect(d.risksPending).toEqual([]);
    expect(riskOf(d, 'single_channel')!.message.text.en).toBe('4 of 4 interactions with the customer (100%) were with the same single contact; nothing can be cross-checked (judged from 4 such interactions on).');
  });
});
