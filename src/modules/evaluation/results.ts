// What the evaluation computes from what is stored, without I/O: each lot's
// scores and ranks (domain/buy/scoring.ts), the shortlist, the report the
// committee signs, and its HTML export in either language. A bid is ranked in a
// lot when it quoted every item of the lot; its price there is its lot total.
import { isQuantity } from '../../domain/buy/money';
import { priceTotals } from '../../domain/buy/price-schedule';
import { evaluate, shortlist, type Evaluation, type EvaluationIssue, type Rounding, DEFAULT_ROUNDING } from '../../domain/buy/scoring';
import type { Criterion, EvaluationMethod, Requirement, TenderLot } from '../../domain/buy/tender';
import type { PriceLine } from '../../domain/sealing/bid';
import type { Locale } from '../../domain/i18n';

export interface EvalBid {
  bidId: string;
  bidderOrgId: string;
  name: string;
  /** The priced lines (the single envelope, or the price envelope once opened); empty when not opened yet. */
  prices: PriceLine[];
}

export interface Compliance {
  passed: boolean;
  /** Requirements failed, with the committee's reason. */
  failed: { key: string; text: string; reason: string }[];
}

export interface LotResult {
  lotKey: string;
  name: string;
  evaluation: Evaluation;
  candidates: string[];
  tiedAtCut: string[];
  /** Bids not ranked here because they did not quote every item of the lot. */
  incomplete: string[];
}

export interface EvaluationResult {
  method: EvaluationMethod;
  rounding: Rounding;
  criteriaHash: string;
  compliance: Record<string, Compliance>;
  lots: LotResult[];
}

/** Compliance of each bid from the screening rows: out when any published requirement failed. */
export function complianceOf(bids: readonly { bidId: string }[], requirements: readonly Requirement[], rows: readonly { bidId: string; requirementKey: string; passed: boolean; reason: string }[]): Record<string, Compliance> {
  const out: Record<string, Compliance> = {};
  for (const b of bids) {
    const failed = requirements
      .map((r) => ({ r, row: rows.find((x) => x.bidId === b.bidId && x.requirementKey === r.key) }))
      .filter(({ row }) => row && !row.passed)
      .map(({ r, row }) => ({ key: r.key, text: r.text, reason: row!.reason }));
    out[b.bidId] = { passed: failed.length === 0, failed };
  }
  return out;
}

/** Screening rows missing: every opened bid against every published requirement. */
export function screeningGaps(bids: readonly { bidId: string }[], requirements: readonly Requirement[], rows: readonly { bidId: string; requirementKey: string }[]): number {
  let n = 0;
  for (const b of bids) for (const r of requirements) if (!rows.some((x) => x.bidId === b.bidId && x.requirementKey === r.key)) n++;
  return n;
}

/**
 * A bid's price for a lot, ranked only when it quoted every item of the lot once,
 * for the tendered quantity, with amounts in range; null otherwise (a bid quoting
 * 1 of 4,000 units, or an item twice, is no price for the lot).
 */
export function lotPrice(prices: readonly PriceLine[], lot: TenderLot): string | null {
  for (const item of lot.items) {
    const lines = prices.filter((p) => p.lotId === lot.key && p.itemId === item.key);
    if (lines.length !== 1 || !isQuantity(lines[0]!.quantity) || !sameQuantity(lines[0]!.quantity, item.quantity)) return null;
  }
  try {
    const t = priceTotals(prices.filter((p) => p.lotId === lot.key), [lot]);
    return t.missing.length || t.invalid || t.total === '0.00' ? null : t.total;
  } catch {
    return null; // an amount beyond what a price may be
  }
}

const sameQuantity = (a: string, b: string) => {
  const norm = (q: string) => (q.includes('.') ? q.replace(/0+$/, '').replace(/\.$/, '') : q);
  return norm(a) === norm(b);
};

export function computeResult(input: {
  lots: readonly TenderLot[];
  criteria: readonly Criterion[];
  method: EvaluationMethod;
  rounding?: Rounding;
  criteriaHash: string;
  bids: readonly EvalBid[];
  compliance: Record<string, Compliance>;
  sheets: readonly { memberId: string; bidId: string; scores: Record<string, string> }[];
}): { ok: true; result: EvaluationResult } | { ok: false; lotKey: string; issues: EvaluationIssue[] } {
  const rounding = input.rounding ?? DEFAULT_ROUNDING;
  const lots: LotResult[] = [];
  for (const lot of input.lots) {
    const inLot: { bidId: string; price: string; compliant: boolean }[] = [];
    const incomplete: string[] = [];
    for (const b of input.bids) {
      const price = lotPrice(b.prices, lot);
      if (price === null) incomplete.push(b.bidId);
      else inLot.push({ bidId: b.bidId, price, compliant: input.compliance[b.bidId]?.passed ?? false });
    }
    const ids = new Set(inLot.filter((b) => b.compliant).map((b) => b.bidId));
    const r = evaluate({ method: input.method, criteria: input.criteria, rounding, bids: inLot, sheets: input.sheets.filter((s) => ids.has(s.bidId)) });
    if (!r.ok) return { ok: false, lotKey: lot.key, issues: r.issues };
    const s = shortlist(r.evaluation);
    lots.push({ lotKey: lot.key, name: lot.name, evaluation: r.evaluation, candidates: s.candidates, tiedAtCut: s.tiedAtCut, incomplete });
  }
  return { ok: true, result: { method: input.method, rounding, criteriaHash: input.criteriaHash, compliance: input.compliance, lots } };
}

export interface Report {
  format: 'procura-evaluation-report/1';
  tender: { id: string; number: string; title: string; regime: string; method: string; category: string; currency: string; buyer: string };
  method: EvaluationMethod;
  rounding: Rounding;
  criteriaHash: string;
  criteria: Criterion[];
  requirements: Requirement[];
  committee: { userId: string; name: string; kind: string; chair: boolean }[];
  bids: { bidId: string; bidder: string; compliance: Compliance }[];
  lots: {
    lotKey: string;
    name: string;
    basePrice: string | null;
    /** Per criterion the mean and each member's points, in the order of `committee`. */
    ranking: { bidId: string; bidder: string; price: string; total: string | null; rank: number | null; criteria: { key: string; score: string; members: string[] }[] }[];
    candidates: { rank: number; bidId: string; bidder: string; price: string; total: string | null }[];
    tiedAtCut: string[];
  }[];
  generatedAt: string;
}

export function buildReport(input: {
  tender: Report['tender'];
  criteria: Criterion[];
  requirements: Requirement[];
  committee: Report['committee'];
  bids: readonly EvalBid[];
  result: EvaluationResult;
  at: Date;
}): Report {
  const bidders = new Map(input.bids.map((b) => [b.bidId, b.name]));
  const bidder = (id: string) => bidders.get(id) ?? id;
  return {
    format: 'procura-evaluation-report/1',
    tender: input.tender,
    method: input.result.method,
    rounding: input.result.rounding,
    criteriaHash: input.result.criteriaHash,
    criteria: input.criteria,
    requirements: input.requirements,
    committee: input.committee,
    bids: input.bids.map((b) => ({ bidId: b.bidId, bidder: b.name, compliance: input.result.compliance[b.bidId] ?? { passed: false, failed: [] } })),
    lots: input.result.lots.map((l) => {
      const ranking = l.evaluation.bids.map((b) => ({
        bidId: b.bidId,
        bidder: bidder(b.bidId),
        price: b.price,
        total: b.total?.rounded ?? null,
        rank: b.rank,
        criteria: b.criteria.map((c) => ({ key: c.key, score: c.score.shown, members: c.members.length ? input.committee.map((m) => c.members.find((x) => x.memberId === m.userId)?.score ?? '') : [] })),
      }));
      return {
        lotKey: l.lotKey,
        name: l.name,
        basePrice: l.evaluation.basePrice,
        ranking,
        candidates: l.candidates.map((id) => {
          const r = ranking.find((x) => x.bidId === id)!; // three at most
          return { rank: r.rank!, bidId: id, bidder: r.bidder, price: r.price, total: r.total };
        }),
        tiedAtCut: l.tiedAtCut,
      };
    }),
    generatedAt: input.at.toISOString(),
  };
}

const L = {
  title: { 'zh-CN': '评标报告', en: 'Evaluation report' },
  tender: { 'zh-CN': '招标项目', en: 'Tender' },
  buyer: { 'zh-CN': '采购人', en: 'Buyer' },
  method: { 'zh-CN': '评标方法', en: 'Evaluation method' },
  comprehensive: { 'zh-CN': '综合评分法', en: 'Comprehensive scoring' },
  lowest_price: { 'zh-CN': '最低评标价法', en: 'Lowest evaluated price' },
  rounding: { 'zh-CN': '取舍', en: 'Rounding' },
  roundTotal: { 'zh-CN': '仅总分四舍五入保留 {d} 位小数', en: 'only the total, to {d} decimals, half up' },
  roundCriterion: { 'zh-CN': '各项得分先四舍五入保留 {d} 位小数', en: 'each criterion first, to {d} decimals, half up' },
  hash: { 'zh-CN': '冻结的评标标准哈希', en: 'Frozen criteria hash' },
  committee: { 'zh-CN': '评标委员会', en: 'Committee' },
  chair: { 'zh-CN': '主任委员', en: 'chair' },
  expert: { 'zh-CN': '专家', en: 'expert' },
  staff: { 'zh-CN': '采购人代表', en: "buyer's representative" },
  screening: { 'zh-CN': '初步评审', en: 'Screening' },
  passed: { 'zh-CN': '通过', en: 'passed' },
  failed: { 'zh-CN': '未通过', en: 'failed' },
  bidder: { 'zh-CN': '投标人', en: 'Bidder' },
  price: { 'zh-CN': '报价', en: 'Price' },
  total: { 'zh-CN': '总分', en: 'Total' },
  rank: { 'zh-CN': '排名', en: 'Rank' },
  base: { 'zh-CN': '评标基准价', en: 'Base price' },
  candidates: { 'zh-CN': '推荐的中标候选人', en: 'Recommended candidates' },
  none: { 'zh-CN': '无', en: 'none' },
  lot: { 'zh-CN': '标段', en: 'Lot' },
  signatures: { 'zh-CN': '签署', en: 'Signatures' },
  signed: { 'zh-CN': '已签署', en: 'signed' },
  dissent: { 'zh-CN': '保留意见', en: 'dissent' },
  unsigned: { 'zh-CN': '未签署', en: 'not signed' },
  contentHash: { 'zh-CN': '报告内容 SHA-256', en: 'Report content SHA-256' },
  generated: { 'zh-CN': '生成时间', en: 'Generated' },
} as const;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The report as a self-contained, printable HTML page in one language (print it to PDF from the browser). */
export function reportHtml(r: Report, sha256: string, signatures: { name: string; signedAt: string | null; dissent: string | null }[], lang: Locale): string {
  const t = (k: keyof typeof L, vars: Record<string, string | number> = {}) => L[k][lang].replace(/\{(\w+)\}/g, (_, v) => String(vars[v] ?? ''));
  const money = (s: string) => `${r.tender.currency} ${s}`;
  const rounding = r.rounding.stage === 'total' ? t('roundTotal', { d: r.rounding.decimals }) : t('roundCriterion', { d: r.rounding.decimals });
  const critHead = r.method === 'comprehensive' ? r.criteria.map((c) => `<th>${esc(c.name)} (${c.weight}%)</th>`).join('') : '';
  const lots = r.lots
    .map((l) => {
      const rows = l.ranking
        .map((b) => {
          const crit = r.method === 'comprehensive' ? r.criteria.map((c) => {
            const x = b.criteria.find((y) => y.key === c.key);
            const members = x?.members.length ? `<div class="m">${x.members.map((score, i) => `${esc(r.committee[i]?.name ?? '')}: ${esc(score)}`).join('<br>')}</div>` : '';
            return `<td>${x ? esc(x.score) : '—'}${members}</td>`;
          }).join('') : '';
          return `<tr><td>${b.rank ?? '—'}</td><td>${esc(b.bidder)}</td><td class="n">${esc(money(b.price))}</td>${crit}<td class="n">${b.total ?? '—'}</td></tr>`;
        })
        .join('');
      const cands = l.candidates.length ? `<ol>${l.candidates.map((c) => `<li>${esc(c.bidder)} — ${esc(money(c.price))}${c.total ? ` — ${c.total}` : ''}</li>`).join('')}</ol>` : `<p>${t('none')}</p>`;
      return `<h3>${t('lot')} ${esc(l.lotKey)} ${esc(l.name)}</h3><p>${t('base')}: ${l.basePrice ? esc(money(l.basePrice)) : '—'}</p>
<table><thead><tr><th>${t('rank')}</th><th>${t('bidder')}</th><th>${t('price')}</th>${critHead}<th>${t('total')}</th></tr></thead><tbody>${rows}</tbody></table>
<h4>${t('candidates')}</h4>${cands}`;
    })
    .join('');
  const screening = r.bids
    .map((b) => `<tr><td>${esc(b.bidder)}</td><td>${b.compliance.passed ? t('passed') : t('failed')}</td><td>${b.compliance.failed.map((f) => `${esc(f.text)}: ${esc(f.reason)}`).join('<br>')}</td></tr>`)
    .join('');
  const committee = r.committee.map((m) => `<li>${esc(m.name)} (${m.kind === 'expert' ? t('expert') : t('staff')}${m.chair ? `, ${t('chair')}` : ''})</li>`).join('');
  const sigs = signatures.map((s) => `<tr><td>${esc(s.name)}</td><td>${s.signedAt ? `${s.dissent ? t('dissent') : t('signed')} ${esc(s.signedAt)}` : t('unsigned')}</td><td>${s.dissent ? esc(s.dissent) : ''}</td></tr>`).join('');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${t('title')} ${esc(r.tender.number)}</title>
<style>body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:2rem;color:#1a1b1e}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #ced4da;padding:.35rem .5rem;text-align:left;vertical-align:top;font-size:13px}.n{text-align:right;white-space:nowrap}.m{color:#5c5f66;font-size:11px}code{font-size:12px;word-break:break-all}@media print{body{margin:0}}</style></head>
<body><h1>${t('title')}</h1>
<p>${t('tender')}: ${esc(r.tender.number)} ${esc(r.tender.title)}<br>${t('buyer')}: ${esc(r.tender.buyer)}<br>${t('method')}: ${t(r.method)}; ${t('rounding')}: ${rounding}<br>${t('hash')}: <code>${esc(r.criteriaHash)}</code></p>
<h2>${t('committee')}</h2><ul>${committee}</ul>
<h2>${t('screening')}</h2><table><thead><tr><th>${t('bidder')}</th><th>${t('screening')}</th><th></th></tr></thead><tbody>${screening}</tbody></table>
${lots}
<h2>${t('signatures')}</h2><table><tbody>${sigs}</tbody></table>
<p>${t('contentHash')}: <code>${esc(sha256)}</code><br>${t('generated')}: ${esc(r.generatedAt)}</p>
</body></html>`;
}
