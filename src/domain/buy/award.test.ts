import { describe, expect, it } from 'vitest';
import { AWARD_RULES, canAward, canNegotiate, nextAward, objectionWindow } from './award';

const DAY = 86_400_000;
const at = new Date('2027-03-01T02:00:00Z');

describe('publication of the candidates and objections', () => {
  it('the objection window lasts the days set, at least 3 under the legal regimes', () => {
    expect(objectionWindow('tender_law', at, 3)).toEqual({ ok: true, until: new Date(at.getTime() + 3 * DAY) });
    expect(objectionWindow('gov_procurement', at, 5)).toEqual({ ok: true, until: new Date(at.getTime() + 5 * DAY) });
    const short = objectionWindow('tender_law', at, 2);
    expect(short.ok).toBe(false);
    expect(!short.ok && short.message.text).toEqual({ 'zh-CN': '依法招标项目的中标候选人公示期不得少于 3 日', en: 'under the legal regimes the candidates are published for at least 3 days' });
    expect(objectionWindow('enterprise', at, 0)).toEqual({ ok: true, until: at });
    const bad = objectionWindow('enterprise', at, 1.5);
    expect(bad).toMatchObject({ ok: false, message: { code: 'award.window_invalid' } });
    expect(objectionWindow('tender_law', at, -1)).toMatchObject({ ok: false, message: { code: 'award.window_invalid' } });
    expect(AWARD_RULES.legalPublicationDays).toBe(3);
  });

  it('no award before publication, during the window, or while an objection is open', () => {
    const until = new Date(at.getTime() + 3 * DAY);
    expect(canAward(at, null, 0)).toMatchObject({ ok: false, message: { code: 'award.not_published' } });
    const early = canAward(new Date(until.getTime() - 1), { until }, 0);
    expect(early).toMatchObject({ ok: false, message: { code: 'award.window_open' } });
    expect(!early.ok && early.message.text.en).toContain('2027-03-04T02:00:00.000Z');
    const one = canAward(until, { until }, 1);
    expect(!one.ok && one.message.text.en).toBe('1 objection is not answered yet: the award is suspended until it is answered');
    const two = canAward(until, { until }, 2);
    expect(!two.ok && two.message.text).toEqual({ 'zh-CN': '有 2 项异议尚未答复，答复前暂停确定中标人', en: '2 objections are not answered yet: the award is suspended until they are answered' });
    expect(canAward(until, { until }, 0)).toEqual({ ok: true });
  });
});

describe('who gets the lot', () => {
  it('rank 1; when it declines or is disqualified, the next in order; none left, a re-tender', () => {
    const ranked = [{ bidId: 'B3', rank: 3 }, { bidId: 'B1', rank: 1 }, { bidId: 'B2', rank: 2 }];
    expect(nextAward(ranked, new Set())).toEqual({ kind: 'award', bidId: 'B1', rank: 1 });
    expect(nextAward(ranked, new Set(['B1']))).toEqual({ kind: 'award', bidId: 'B2', rank: 2 });
    expect(nextAward(ranked, new Set(['B1', 'B2']))).toEqual({ kind: 'award', bidId: 'B3', rank: 3 });
    expect(nextAward(ranked, new Set(['B1', 'B2', 'B3']))).toEqual({ kind: 'retender' });
    expect(nextAward([], new Set())).toEqual({ kind: 'retender' });
  });

  it('once a candidate is out the buyer may re-tender instead; before that, re-tendering is no award choice', () => {
    const ranked = [{ bidId: 'B1', rank: 1 }, { bidId: 'B2', rank: 2 }];
    expect(nextAward(ranked, new Set(['B1']), { choice: 'retender' })).toEqual({ kind: 'retender' });
    expect(nextAward(ranked, new Set(), { choice: 'retender' })).toEqual({ kind: 'award', bidId: 'B1', rank: 1 });
    expect(nextAward(ranked, new Set(['B1']), { choice: 'next' })).toEqual({ kind: 'award', bidId: 'B2', rank: 2 });
  });

  it('a tie at the top waits for the committee\'s recorded choice among the tied', () => {
    const tied = [{ bidId: 'A', rank: 1 }, { bidId: 'B', rank: 1 }, { bidId: 'C', rank: 3 }];
    expect(nextAward(tied, new Set())).toEqual({ kind: 'tie', bidIds: ['A', 'B'] });
    expect(nextAward(tied, new Set(), { tieBrokenFor: 'C' })).toEqual({ kind: 'tie', bidIds: ['A', 'B'] });
    expect(nextAward(tied, new Set(), { tieBrokenFor: 'B' })).toEqual({ kind: 'award', bidId: 'B', rank: 1 });
    expect(nextAward(tied, new Set(['A']))).toEqual({ kind: 'award', bidId: 'B', rank: 1 });
  });
});

describe('the negotiation guard', () => {
  it('under the legal regimes no negotiation before the award, with the rule named; the enterprise regime negotiates', () => {
    const law = canNegotiate('tender_law', false);
    expect(law).toMatchObject({ ok: false, message: { code: 'award.negotiation_forbidden' } });
    expect(!law.ok && law.message.text['zh-CN']).toContain('招标投标法第四十三条');
    const gov = canNegotiate('gov_procurement', false);
    expect(gov).toMatchObject({ ok: false, message: { code: 'award.negotiation_forbidden_gov' } });
    expect(!gov.ok && gov.message.text['zh-CN']).toMatch(/^政府采购招标项目/);
    for (const regime of ['tender_law', 'gov_procurement'] as const) expect(canNegotiate(regime, true)).toEqual({ ok: true });
    expect(canNegotiate('enterprise', false)).toEqual({ ok: true });
  });
});
