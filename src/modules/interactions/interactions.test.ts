import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';
import { makeWorld, tableCounts, type World } from '../../../tests/fixtures';

let env: TestEnv;
let a: TestUser;
let w: World;

beforeAll(async () => {
  env = await createTestEnv();
  a = await env.signUp({ org: 'Seller' });
  w = await makeWorld(env, a);
});
afterAll(() => env.close());

const log = (body: Record<string, unknown>) => env.request(a, 'POST', '/api/v1/interactions', { opportunityId: w.opportunityId, type: 'call', summary: 'call', ...body });
const detail = async () => (await env.request(a, 'GET', `/api/v1/opportunities/${w.opportunityId}`)).body;

/**
 * Logging an interaction re-analyses the opportunity from the row it locked plus
 * the writes it is about to make, and sends every write in one statement. What it
 * stores must be exactly what an analysis of the stored data gives.
 */
async function expectStoredEqualsRecomputed() {
  const o = await detail();
  expect(o.stageInferred).toBe(o.inference.stageKey);
  // Confidence fades with the age of the evidence: equal up to the moment each was computed.
  expect(o.inferenceConfidence).toBeCloseTo(o.inference.confidence, 2);
  expect([...o.riskCodes].sort()).toEqual(o.risks.map((r: { code: string }) => r.code).sort());
  expect(o.stage).toBe(o.stageSet ?? o.stageInferred);
  return o;
}

describe('logging an interaction on an opportunity', () => {
  it('stores what an analysis of the stored data gives, through forward moves, backdated evidence and a step back', async () => {
    expect((await expectStoredEqualsRecomputed()).riskCodes).toContain('unverified_facts');
    // A second, independent source for the budget: the fact is confirmed.
    expect((await log({ contactIds: [w.contactIds.purchaser], evidence: [{ type: 'budget_known', value: '3,500,000 CNY', sourceContactId: w.contactIds.purchaser }] })).status).toBe(201);
    expect((await expectStoredEqualsRecomputed()).riskCodes).not.toContain('unverified_facts');
    const steps: Record<string, unknown>[] = [
      { contactIds: [w.contactIds.purchaser], evidence: [{ type: 'project_approved', sourceContactId: w.contactIds.purchaser, verified: true }] },
      // Backdated: goes before the evidence already there.
      { occurredAt: '2025-06-01T08:00:00Z', contactIds: [w.contactIds.director], evidence: [{ type: 'need_expressed', sourceContactId: w.contactIds.director }] },
      { contactIds: [w.contactIds.engineer], evidence: [{ type: 'criteria_draft_received', value: '128 通道', sourceContactId: w.contactIds.engineer }] },
      { contactIds: [w.contactIds.director], evidence: [{ type: 'budget_cut', sourceContactId: w.contactIds.director, verified: true }] },
      { contactIds: [] },
    ];
    const history = [];
    for (const body of steps) {
      const r = await log(body);
      expect(r.status).toBe(201);
      history.push((await expectStoredEqualsRecomputed()).stageInferred);
    }
    // It did move: forward, then back on the budget cut.
    expect(new Set(history).size).toBeGreaterThan(1);
    const moves = (await env.request(a, 'GET', `/api/v1/opportunities/${w.opportunityId}/stage-history`)).body.items;
    expect(moves[0]).toMatchObject({ kind: 'inferred', direction: 'back' });
  });

  it('merges two pieces stating the same fact in one interaction into one fact with both sources', async () => {
    const r = await log({
      contactIds: [w.contactIds.director, w.contactIds.purchaser],
      evidence: [
        { type: 'decision_date_set', value: '2027-02-01', sourceContactId: w.contactIds.director },
        { type: 'decision_date_set', value: '2027-02-15', sourceContactId: w.contactIds.purchaser, verified: true },
      ],
    });
    expect(r.status).toBe(201);
    const o = await expectStoredEqualsRecomputed();
    const fact = o.facts.find((f: { kind: string }) => f.kind === 'decision_date');
    expect(fact).toMatchObject({ value: '2027-02-15', verified: true });
    expect([...fact.sourceContactIds].sort()).toEqual([w.contactIds.director, w.contactIds.purchaser].sort());
  });

  it('returns the rows it stored, and counts and dates the interaction on the opportunity', async () => {
    const before = await detail();
    const r = await log({ occurredAt: '2026-11-20T09:30:00Z', contactIds: [w.contactIds.engineer], evidence: [{ type: 'budget_known', value: '3,600,000 CNY', sourceContactId: w.contactIds.engineer }] });
    expect(r.status).toBe(201);
    const [i] = await env.sql(`select id, occurred_at, created_at, contact_ids from interactions where id = $1`, [r.body.id]);
    expect(new Date(i.occurred_at).toISOString()).toBe(r.body.occurredAt);
    expect(new Date(i.created_at).toISOString()).toBe(r.body.createdAt);
    const [e] = await env.sql(`select id, interaction_id, type, value from evidence_items where id = $1`, [r.body.evidence[0].id]);
    expect(e).toMatchObject({ interaction_id: r.body.id, type: 'budget_known', value: '3,600,000 CNY' });
    const [act] = await env.sql(`select action from activities where entity_id = $1`, [r.body.id]);
    expect(act.action).toBe('interaction.logged');
    const [o] = await env.sql(`select interaction_count, last_interaction_at from opportunities where id = $1`, [w.opportunityId]);
    const [n] = await env.sql(`select count(*)::int n from interactions where opportunity_id = $1`, [w.opportunityId]);
    expect(o.interaction_count).toBe(n.n);
    expect(new Date(o.last_interaction_at).getTime()).toBeGreaterThanOrEqual(new Date(before.lastInteractionAt).getTime());
    await expectStoredEqualsRecomputed();
  });

  it('refuses a contact of another account, naming the field, and writes nothing', async () => {
    const other = (await env.request(a, 'POST', '/api/v1/accounts', { name: '别的医院' })).body;
    const stranger = (await env.request(a, 'POST', '/api/v1/contacts', { accountId: other.id, name: '外人' })).body;
    const before = await tableCounts(env);
    const r = await log({ contactIds: [w.contactIds.engineer], evidence: [{ type: 'budget_known', value: '1', sourceContactId: stranger.id }] });
    expect(r.status).toBe(404);
    expect(r.body.errors[0].field).toBe('body.evidence.0.sourceContactId');
    expect(await tableCounts(env)).toEqual(before);
  });
});
