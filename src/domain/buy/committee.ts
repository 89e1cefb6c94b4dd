// The evaluation committee's rules (tendering.md "Evaluation"; issue 8 §1):
// under the legal regimes at least 5 members, an odd number, at least two thirds
// experts; experts drawn at random from the pool by field, with a seed that is
// logged so that anyone can replay the draw and get the same members.
//
// The draw is deterministic in its inputs: the eligible candidates in a fixed
// order (by id), shuffled by a stream of SHA-256 blocks of the seed (unbiased:
// rejection sampling, never `% n` of a raw value). The seed itself comes from the
// server's CSPRNG at draw time; what makes the draw fair is that it is fixed and
// logged before anyone sees who was drawn.
import { sha256 } from '@noble/hashes/sha2.js';
import { defineCatalog, messageFactory, type Message } from '../i18n';
import type { Regime } from './tender';
import { isLegalRegime } from './tender';

export const LEGAL_COMMITTEE = Object.freeze({ minMembers: 5, expertShare: { num: 2, den: 3 } });

export type MemberKind = 'buyer' | 'expert';

export const COMMITTEE_MESSAGES = defineCatalog({
  'committee.too_small': { 'zh-CN': '依法必须招标项目和政府采购项目的评标委员会应为 {min} 人以上单数，现为 {count} 人', en: 'a committee must have at least {min} members; it has {count}' },
  'committee.even': { 'zh-CN': '评标委员会成员人数必须为单数，现为 {count} 人', en: 'the committee must have an odd number of members; it has {count}' },
  'committee.experts': { 'zh-CN': '专家不得少于成员总数的三分之二（{count} 人中至少 {min} 名专家），现有 {experts} 名', en: 'at least two thirds of the members must be experts (at least {min} of {count}); there are {experts}' },
  'committee.empty': { 'zh-CN': '评标委员会至少要有一名成员', en: 'the committee needs at least one member' },
  'committee.duplicate': { 'zh-CN': '同一人不能两次进入评标委员会', en: 'one person cannot sit twice on the committee' },
});

const cmsg = messageFactory(COMMITTEE_MESSAGES);

/**
 * The problems of a committee's composition under a regime (empty when it may
 * evaluate). `minMembers`: a larger minimum where a rule asks for one (e.g. 7
 * for large or complex government purchases); never below 5 under the legal regimes.
 */
export function checkCommittee(regime: Regime, members: readonly { id: string; kind: MemberKind }[], opts: { minMembers?: number } = {}): Message[] {
  const issues: Message[] = [];
  const add = (code: keyof typeof COMMITTEE_MESSAGES, vars: Record<string, number> = {}) => issues.push(cmsg(code, vars));
  const count = members.length;
  if (!count) add('committee.empty');
  if (new Set(members.map((m) => m.id)).size !== count) add('committee.duplicate');
  if (!isLegalRegime(regime) || !count) return issues;
  const min = Math.max(LEGAL_COMMITTEE.minMembers, opts.minMembers ?? 0);
  if (count < min) add('committee.too_small', { min, count });
  if (count % 2 === 0) add('committee.even', { count });
  const experts = members.filter((m) => m.kind === 'expert').length;
  const { num, den } = LEGAL_COMMITTEE.expertShare;
  if (experts * den < count * num) add('committee.experts', { min: Math.ceil((count * num) / den), count, experts });
  return issues;
}

/** The smallest number of experts a committee of `size` needs under the regime. */
export function expertsNeeded(regime: Regime, size: number): number {
  if (!isLegalRegime(regime)) return 0;
  const { num, den } = LEGAL_COMMITTEE.expertShare;
  return Math.ceil((size * num) / den);
}

/**
 * How many more experts to draw so that, with the members there are, the
 * committee is lawful: under the legal regimes the smallest odd size of at least
 * the minimum in which experts are two thirds or more; otherwise none.
 */
export function expertsToDraw(regime: Regime, have: { staff: number; experts: number }, opts: { minMembers?: number } = {}): number {
  if (!isLegalRegime(regime)) return 0;
  const min = Math.max(LEGAL_COMMITTEE.minMembers, opts.minMembers ?? 0);
  for (let size = Math.max(min, have.staff + have.experts); ; size++) {
    if (size % 2 === 0) continue;
    const experts = size - have.staff;
    if (experts >= expertsNeeded(regime, size) && experts >= have.experts) return experts - have.experts;
  }
}

export interface PoolExpert {
  id: string;
  fields: readonly string[];
}

export interface Draw {
  seed: string;
  field: string;
  /** Who was left out, and why it matters: the candidates are the pool's experts of the field without them. */
  exclude: string[];
  /** Every eligible expert, in the order the draw starts from (by id). */
  candidates: string[];
  /** The drawn, in the order drawn. */
  drawn: string[];
}

/** A stream of uniform integers below n (n ≤ 2^32) from SHA-256(seed ‖ counter). */
export function seededStream(seed: string) {
  const enc = new TextEncoder();
  let counter = 0;
  let block = new Uint8Array(0);
  let at = 0;
  const next32 = () => {
    if (at + 4 > block.length) {
      block = sha256(enc.encode(`${seed}\u0000${counter++}`));
      at = 0;
    }
    const v = ((block[at]! << 24) | (block[at + 1]! << 16) | (block[at + 2]! << 8) | block[at + 3]!) >>> 0;
    at += 4;
    return v;
  };
  return (n: number) => {
    if (!Number.isInteger(n) || n < 1 || n > 0x1_0000_0000) throw new RangeError(`cannot draw below ${n}`);
    // The largest multiple of n below 2^32: values at or above it are drawn again.
    const limit = Math.floor(0x1_0000_0000 / n) * n;
    for (;;) {
      const v = next32();
      if (v < limit) return v % n;
    }
  };
}

/**
 * Draws `count` experts of `field` from the pool, leaving out `exclude` (those
 * already on the committee, a replaced member, declared conflicts). The same
 * inputs always give the same draw: replaying it checks it. Null when fewer are
 * eligible than asked for.
 */
export function drawExperts(opts: { pool: readonly PoolExpert[]; field: string; count: number; seed: string; exclude?: readonly string[] }): Draw | null {
  const exclude = new Set(opts.exclude ?? []);
  const candidates = [...new Set(opts.pool.filter((e) => e.fields.includes(opts.field) && !exclude.has(e.id)).map((e) => e.id))].sort();
  if (!Number.isInteger(opts.count) || opts.count < 1 || candidates.length < opts.count) return null;
  return { seed: opts.seed, field: opts.field, exclude: [...exclude].sort(), candidates, drawn: shuffleTake(candidates, opts.count, opts.seed) };
}

/** The first `count` of a partial Fisher–Yates shuffle of `candidates` driven by the seed. */
function shuffleTake(candidates: readonly string[], count: number, seed: string): string[] {
  const below = seededStream(seed);
  const deck = candidates.slice();
  for (let i = 0; i < count; i++) {
    const j = i + below(deck.length - i);
    [deck[i], deck[j]] = [deck[j]!, deck[i]!];
  }
  return deck.slice(0, count);
}

/**
 * Whether a logged draw is what its log says: its candidates in order, shuffled
 * by its seed, give who was drawn — from the log alone, whatever the pool has
 * become since. With the pool as it was at the draw (a snapshot), also that the
 * candidates were exactly its experts of the field, less those excluded.
 */
export function replayDraw(draw: Draw, poolAtDraw?: readonly PoolExpert[]): boolean {
  const sorted = draw.candidates.join('\n') === [...draw.candidates].sort().join('\n');
  const candidatesOk =
    !poolAtDraw ||
    draw.candidates.join('\n') === [...new Set(poolAtDraw.filter((e) => e.fields.includes(draw.field) && !draw.exclude.includes(e.id)).map((e) => e.id))].sort().join('\n');
  return sorted && candidatesOk && draw.drawn.length <= draw.candidates.length && shuffleTake(draw.candidates, draw.drawn.length, draw.seed).join('\n') === draw.drawn.join('\n');
}
