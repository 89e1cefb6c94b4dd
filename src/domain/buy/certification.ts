// Supplier certification (供应商认证, seed 004): per supplier and category, an
// assessment of quality, delivery and credit standing, each with a level and a
// score, valid until a date. States: applied → certified → suspended /
// blacklisted / expired (by the clock); rejected applications stay on record.
// Only a certified, unexpired supplier of the category may be invited to an
// invited tender. Pure: `now` comes in.
import { defineCatalog, messageFactory, type Message } from '../i18n';
import type { Category } from './tender';

export const CERT_STATUSES = ['applied', 'certified', 'rejected', 'suspended', 'blacklisted', 'expired'] as const;
export type CertStatus = (typeof CERT_STATUSES)[number];
export const CERT_DIMENSIONS = ['quality', 'delivery', 'credit'] as const;
export type CertDimension = (typeof CERT_DIMENSIONS)[number];
export const CERT_LEVELS = ['A', 'B', 'C', 'D'] as const;
export type CertLevel = (typeof CERT_LEVELS)[number];

/** The level a score (0–100) earns: A from 85, B from 70, C from 60, else D. */
export function levelFor(score: number): CertLevel {
  return score >= 85 ? 'A' : score >= 70 ? 'B' : score >= 60 ? 'C' : 'D';
}

/** What a certification takes: every dimension at C or better. */
export const PASSING_LEVELS: readonly CertLevel[] = ['A', 'B', 'C'];

/** The decisions a reviewer may take from each state (the clock alone expires). */
export const CERT_TRANSITIONS: Readonly<Record<CertStatus, readonly CertStatus[]>> = {
  applied: ['certified', 'rejected', 'blacklisted'],
  certified: ['suspended', 'blacklisted', 'expired', 'certified'],
  suspended: ['certified', 'blacklisted', 'expired'],
  expired: ['certified', 'blacklisted'],
  rejected: ['applied', 'blacklisted'],
  blacklisted: [],
};

export const CERT_MESSAGES = defineCatalog({
  'cert.transition': { 'zh-CN': '认证不能从“{from}”变为“{to}”', en: 'a certification cannot go from {from} to {to}' },
  'cert.scores': { 'zh-CN': '认证需要品质、交货期、资信三项评分（0–100）', en: 'certifying needs a score (0–100) for quality, delivery and credit' },
  'cert.failing': { 'zh-CN': '{dimension} 评级为 {level}，低于认证要求的 C', en: '{dimension} is rated {level}, below the C a certification needs' },
  'cert.validity': { 'zh-CN': '有效期必须晚于今天', en: 'the validity must end after today' },
  'cert.reason': { 'zh-CN': '暂停、拉黑或驳回时必须说明原因', en: 'suspending, blacklisting or rejecting needs a reason' },
});
const cmsg = messageFactory(CERT_MESSAGES);

export interface CertDecision {
  to: CertStatus;
  scores?: Partial<Record<CertDimension, number>>;
  validUntil?: Date;
  reason?: string | null;
}

/** Checks a reviewer's decision on a certification in state `from`. */
export function checkCertDecision(from: CertStatus, d: CertDecision, now: Date): { ok: true; levels: Partial<Record<CertDimension, CertLevel>> } | { ok: false; code: string; message: Message } {
  if (!CERT_TRANSITIONS[from].includes(d.to)) return { ok: false, code: 'cert.transition', message: cmsg('cert.transition', { from, to: d.to }) };
  if (d.to === 'certified') {
    const scores = d.scores ?? {};
    if (!CERT_DIMENSIONS.every((k) => Number.isFinite(scores[k]) && scores[k]! >= 0 && scores[k]! <= 100)) return { ok: false, code: 'cert.scores', message: cmsg('cert.scores') };
    const levels = Object.fromEntries(CERT_DIMENSIONS.map((k) => [k, levelFor(scores[k]!)])) as Record<CertDimension, CertLevel>;
    const failing = CERT_DIMENSIONS.find((k) => !PASSING_LEVELS.includes(levels[k]));
    if (failing) return { ok: false, code: 'cert.failing', message: cmsg('cert.failing', { dimension: failing, level: levels[failing] }) };
    if (!d.validUntil || d.validUntil.getTime() <= now.getTime()) return { ok: false, code: 'cert.validity', message: cmsg('cert.validity') };
    return { ok: true, levels };
  }
  if ((d.to === 'suspended' || d.to === 'blacklisted' || d.to === 'rejected') && !d.reason?.trim()) return { ok: false, code: 'cert.reason', message: cmsg('cert.reason') };
  return { ok: true, levels: {} };
}

/** The status the clock gives a certification: certified or suspended past its validity is expired. */
export function certStatusAt(status: CertStatus, validUntil: Date | null, now: Date): CertStatus {
  if ((status === 'certified' || status === 'suspended') && validUntil && now.getTime() >= validUntil.getTime()) return 'expired';
  return status;
}

/** Whether a supplier may be invited to an invited tender of this category now. */
export function invitable(certs: readonly { category: Category; status: CertStatus; validUntil: Date | null }[], category: Category, now: Date): boolean {
  return certs.some((c) => c.category === category && certStatusAt(c.status, c.validUntil, now) === 'certified');
}

/** Whether a supplier is barred from the buyer's tenders altogether (blacklisted in any category). */
export function barred(certs: readonly { status: CertStatus }[]): boolean {
  return certs.some((c) => c.status === 'blacklisted');
}
