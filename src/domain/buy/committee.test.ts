import { describe, expect, it } from 'vitest';
import { checkCommittee, drawExperts, expertsNeeded, expertsToDraw, LEGAL_COMMITTEE, replayDraw, seededStream, type PoolExpert } from './committee';

const members = (experts: number, buyers: number) => [
  ...Array.from({ length: experts }, (_, i) => ({ id: `e${i}`, kind: 'expert' as const })),
  ...Array.from({ length: buyers }, (_, i) => ({ id: `b${i}`, kind: 'buyer' as const })),
];
const codes = (r: ReturnType<typeof checkCommittee>) => r.map((m) => m.code);

describe('committee composition', () => {
  it('under the legal regimes: at least 5, an odd number, at least two thirds experts', () => {
    expect(checkCommittee('tender_law', members(4, 1))).toEqual([]);
    expect(checkCommittee('gov_procurement', members(5, 2))).toEqual([]);
    // 3 of 5 experts is less than two thirds (4 needed).
    const few = checkCommittee('tender_law', members(3, 2));
    expect(codes(few)).toEqual(['committee.experts']);
    expect(few[0]!.text.en).toBe('at least two thirds of the members must be experts (at least 4 of 5); there are 3');
    expect(few[0]!.text['zh-CN']).toBe('专家不得少于成员总数的三分之二（5 人中至少 4 名专家），现有 3 名');
    expect(codes(checkCommittee('tender_law', members(3, 0)))).toEqual(['committee.too_small']);
    expect(codes(checkCommittee('tender_law', members(6, 0)))).toEqual(['committee.even']);
    expect(codes(checkCommittee('gov_procurement', members(2, 2)))).toEqual(['committee.too_small', 'committee.even', 'committee.experts']);
    expect(LEGAL_COMMITTEE.minMembers).toBe(5);
    // A larger minimum where a rule asks for one (a large government purchase: 7); never below 5.
    expect(codes(checkCommittee('gov_procurement', members(5, 0), { minMembers: 7 }))).toEqual(['committee.too_small']);
    expect(checkCommittee('gov_procurement', members(5, 0), { minMembers: 7 })[0]!.text['zh-CN']).toBe('依法必须招标项目和政府采购项目的评标委员会应为 7 人以上单数，现为 5 人');
    expect(checkCommittee('tender_law', members(4, 1), { minMembers: 3 })).toEqual([]);
    expect(codes(checkCommittee('tender_law', members(3, 0), { minMembers: 3 }))).toEqual(['committee.too_small']);
  });

  it('under the enterprise regime any committee of distinct members will do; nobody sits twice, and there is someone', () => {
    expect(checkCommittee('enterprise', members(0, 2))).toEqual([]);
    expect(codes(checkCommittee('enterprise', []))).toEqual(['committee.empty']);
    expect(codes(checkCommittee('tender_law', []))).toEqual(['committee.empty']);
    expect(codes(checkCommittee('enterprise', [{ id: 'a', kind: 'buyer' }, { id: 'a', kind: 'expert' }]))).toEqual(['committee.duplicate']);
  });

  it('experts needed: two thirds rounded up under the legal regimes, none otherwise', () => {
    expect(expertsNeeded('tender_law', 5)).toBe(4);
    expect(expertsNeeded('gov_procurement', 7)).toBe(5);
    expect(expertsNeeded('tender_law', 9)).toBe(6);
    expect(expertsNeeded('enterprise', 5)).toBe(0);
  });

  it('experts to draw: to the smallest lawful odd committee with the staff appointed', () => {
    expect(expertsToDraw('tender_law', { staff: 1, experts: 0 })).toBe(4); // 1 + 4 = 5
    expect(expertsToDraw('tender_law', { staff: 2, experts: 0 })).toBe(5); // 2 + 5 = 7 (2 + 3 = 5 has 3 < 4 experts)
    expect(expertsToDraw('tender_law', { staff: 2, experts: 3 })).toBe(2);
    expect(expertsToDraw('gov_procurement', { staff: 1, experts: 0 }, { minMembers: 7 })).toBe(6);
    expect(expertsToDraw('tender_law', { staff: 0, experts: 6 })).toBe(1); // 7: an odd number
    expect(expertsToDraw('tender_law', { staff: 1, experts: 4 })).toBe(0);
    expect(expertsToDraw('enterprise', { staff: 1, experts: 0 })).toBe(0);
  });
});

/** A tampered log: its drawn list recomputed from tampered candidates, so only the pool check can catch it. */
function shuffleFree(d: { candidates: string[]; drawn: string[]; seed: string; field: string; exclude: string[] }) {
  return drawExperts({ pool: d.candidates.slice(1).map((id) => ({ id, fields: [d.field] })), field: d.field, count: d.drawn.length, seed: d.seed })!.drawn;
}

describe('drawing experts', () => {
  const pool: PoolExpert[] = [
    ...Array.from({ length: 12 }, (_, i) => ({ id: `x${String(i).padStart(2, '0')}`, fields: ['electrical'] })),
    { id: 'm1', fields: ['mechanical'] },
    { id: 'm2', fields: ['mechanical', 'electrical'] },
  ];

  it('draws by field, the same every time for the same seed, and the log replays', () => {
    const d = drawExperts({ pool, field: 'electrical', count: 5, seed: 'seed-1' })!;
    expect(d.candidates).toHaveLength(13);
    expect(d.candidates).toEqual([...d.candidates].sort());
    expect(d.drawn).toHaveLength(5);
    expect(new Set(d.drawn).size).toBe(5);
    for (const id of d.drawn) expect(pool.find((e) => e.id === id)!.fields).toContain('electrical');
    expect(drawExperts({ pool, field: 'electrical', count: 5, seed: 'seed-1' })).toEqual(d);
    // The pool's order does not change the draw.
    expect(drawExperts({ pool: [...pool].reverse(), field: 'electrical', count: 5, seed: 'seed-1' })).toEqual(d);
    expect(replayDraw(d, pool)).toBe(true);
    // From the log alone, whatever the pool has become (an expert retired, another changed field).
    expect(replayDraw(d)).toBe(true);
    // Another seed, another draw; a changed log does not replay.
    expect(drawExperts({ pool, field: 'electrical', count: 5, seed: 'seed-2' })!.drawn).not.toEqual(d.drawn);
    expect(replayDraw({ ...d, drawn: [...d.drawn].reverse() })).toBe(false);
    expect(replayDraw({ ...d, seed: 'seed-2' })).toBe(false);
    expect(replayDraw({ ...d, candidates: [...d.candidates].reverse() })).toBe(false);
    expect(replayDraw({ ...d, drawn: [...d.candidates, 'extra'] })).toBe(false);
    // Against the pool as it was: candidates that are not its experts of the field (less those excluded) do not replay.
    expect(replayDraw({ ...d, candidates: d.candidates.slice(1), drawn: shuffleFree(d) }, pool)).toBe(false);
    expect(replayDraw(d, pool.slice(0, 3))).toBe(false);
  });

  it('leaves out those excluded (already sitting, replaced, conflicted); too few eligible or a bad count is no draw', () => {
    const d = drawExperts({ pool, field: 'mechanical', count: 1, seed: 's', exclude: ['m1'] })!;
    expect(d).toMatchObject({ exclude: ['m1'], candidates: ['m2'], drawn: ['m2'] });
    expect(replayDraw(d, pool)).toBe(true);
    expect(drawExperts({ pool, field: 'mechanical', count: 3, seed: 's' })).toBeNull();
    expect(drawExperts({ pool, field: 'civil', count: 1, seed: 's' })).toBeNull();
    expect(drawExperts({ pool, field: 'mechanical', count: 0, seed: 's' })).toBeNull();
    expect(drawExperts({ pool, field: 'mechanical', count: 1.5, seed: 's' })).toBeNull();
  });

  it('is fair: over many seeds each candidate is drawn about equally often', () => {
    const counts = new Map<string, number>();
    const runs = 3_000;
    for (let i = 0; i < runs; i++) for (const id of drawExperts({ pool, field: 'electrical', count: 1, seed: `fair-${i}` })!.drawn) counts.set(id, (counts.get(id) ?? 0) + 1);
    // 13 candidates: 230.8 expected each; a fair draw stays well within ±35 %.
    expect(counts.size).toBe(13);
    for (const n of counts.values()) expect(Math.abs(n - runs / 13)).toBeLessThan((runs / 13) * 0.35);
  });
});

describe('the seeded stream', () => {
  it('never returns a value at or above n, drawing again where a raw value would bias it', () => {
    // n = 3 × 2^30: a quarter of the raw 32-bit values are drawn again.
    const n = 3 * 2 ** 30;
    const below = seededStream('bias');
    const values = Array.from({ length: 200 }, () => below(n));
    expect(values.every((v) => Number.isInteger(v) && v >= 0 && v < n)).toBe(true);
    // Uniform below 3 × 2^30: a third of the values fall below 2^30 (a plain `% n` of 32 bits would put half there).
    const many = Array.from({ length: 3000 }, () => below(n));
    const share = many.filter((v) => v < 2 ** 30).length / many.length;
    expect(share).toBeGreaterThan(0.29);
    expect(share).toBeLessThan(0.38);
    for (const bad of [0, -1, 1.5, 2 ** 32 + 1]) expect(() => below(bad)).toThrow(RangeError);
    expect(below(2 ** 32)).toBeLessThan(2 ** 32);
    // Same seed, same stream.
    const again = seededStream('bias');
    expect(Array.from({ length: 200 }, () => again(n))).toEqual(values);
  });
});
