// The demo after the opening (issue 8), played through the services like the
// rest of the buy-side demo: Hailan's expert pool (experts of 浙江省评标专家库,
// each a Procura user who can sign in), the robot-cell tender evaluated by a
// committee, its candidates published, objection-free, and awarded to AutoLine
// (whose linked opportunity takes the candidacy and the award as evidence; the
// others get result notices), and a motor tender under the Bidding Law in the
// middle of scoring — one expert, the demo's, still to score. The pool's fields
// are such that every draw takes all of a field's experts (the draw itself stays
// random; the demo needs its expert on both committees).
import pg from 'pg';
import type { TenantContext } from '../db/tenant';
import type { Runtime } from '../server/runtime';
import { expertService } from '../modules/experts/service';
import { committeeService, evaluationService } from '../modules/evaluation/service';
import { reviewService } from '../modules/evaluation/review';
import { awardService } from '../modules/award/service';

export const EXPERT_EMAIL = 'liu.ming@experts.demo';

const EXPERTS: { email: string; name: string; fields: string[]; title: string; years: number }[] = [
  { email: EXPERT_EMAIL, name: '刘明', fields: ['机电设备', '自动化'], title: '教授级高级工程师', years: 22 },
  { email: 'he.li@experts.demo', name: '何丽', fields: ['机电设备'], title: '高级工程师', years: 15 },
  { email: 'zhao.qiang@experts.demo', name: '赵强', fields: ['自动化'], title: '高级工程师', years: 18 },
  { email: 'chen.jing@experts.demo', name: '陈静', fields: ['自动化'], title: '副教授', years: 11 },
  { email: 'wang.bo@experts.demo', name: '王博', fields: ['机电设备'], title: '注册设备监理师', years: 13 },
  { email: 'xu.yan@experts.demo', name: '许燕', fields: ['机电设备', '经济'], title: '高级经济师', years: 16 },
];

export interface EvaluationDemoInput {
  ownerUrl: string;
  rt: Runtime;
  passwordHash: string;
  at: (days: number, hours?: number) => Date;
  set: (d: Date) => void;
  buyerOrgId: string;
  /** The general manager (owner) and the purchasing lead (admin), who run the evaluation. */
  gm: TenantContext;
  purchasing: TenantContext;
  head: TenantContext;
  /** The robot-cell tender, opened. */
  openedTenderId: string;
  /** A second opened tender under the Bidding Law, to leave in scoring. */
  scoringTenderId: string;
}

/** Inserts the experts (one organization of the panel, each a member who can sign in); returns their contexts. */
async function insertExperts(ownerUrl: string, passwordHash: string, at: Date): Promise<TenantContext[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const org = (await client.query<{ id: string }>(`insert into organization (id, name, slug, kind, created_at) values (gen_random_uuid(), '浙江省评标专家库 Zhejiang Evaluation Expert Panel', 'zj-experts', 'buyer', $1) returning id`, [at])).rows[0]!.id;
    await client.query(`insert into org_settings (organization_id) values ($1) on conflict do nothing`, [org]);
    const out: TenantContext[] = [];
    for (const [i, x] of EXPERTS.entries()) {
      const u = (await client.query<{ id: string }>(`insert into "user" (id, name, email, email_verified, locale, created_at, updated_at) values (gen_random_uuid(), $1, $2, true, 'zh-CN', $3, $3) returning id`, [x.name, x.email, at])).rows[0]!.id;
      await client.query(`insert into account (id, account_id, provider_id, user_id, password, created_at, updated_at) values (gen_random_uuid(), $1::text, 'credential', $1::uuid, $2, $3, $3)`, [u, passwordHash, at]);
      await client.query(`insert into member (id, organization_id, user_id, role, created_at) values (gen_random_uuid(), $1, $2, $3, $4)`, [org, u, i === 0 ? 'owner' : 'member', at]);
      out.push({ orgId: org, userId: u, role: i === 0 ? 'owner' : 'member', kind: 'buyer' });
    }
    return out;
  } finally {
    await client.end();
  }
}

export async function seedEvaluationDemo(input: EvaluationDemoInput): Promise<void> {
  const { rt, at, set, gm, purchasing, head } = input;
  const deps = rt.deps;
  set(at(-100));
  const experts = await insertExperts(input.ownerUrl, input.passwordHash, at(-100));
  for (const x of EXPERTS) await expertService.add(deps, purchasing, { email: x.email, fields: x.fields, title: x.title, years: x.years });
  const ctxOf = (userId: string): TenantContext => {
    const e = experts.find((x) => x.userId === userId);
    if (e) return e;
    return [gm, purchasing, head].find((x) => x.userId === userId)!;
  };

  /** Forms a committee (the given staff, experts drawn by field), convenes it, and every member declares no conflict. */
  const committee = async (tenderId: string, staff: TenantContext[], field: string, experts: number) => {
    await committeeService.setStaff(deps, purchasing, tenderId, { staff: staff.map((s, i) => ({ userId: s.userId, chair: i === 0 })) });
    await committeeService.draw(deps, purchasing, tenderId, { field, count: experts });
    await committeeService.convene(deps, purchasing, tenderId);
    const s = await evaluationService.state(deps, purchasing, tenderId);
    const members = s.members.filter((m) => m.status === 'active').map((m) => ctxOf(m.userId));
    for (const m of members) await reviewService.declare(deps, m, tenderId, { declarations: s.bidders.map((b) => ({ bidderOrgId: b.orgId, conflict: false })) });
    return { members, chair: ctxOf(s.members.find((m) => m.chair)!.userId) };
  };
  const screenAll = async (tenderId: string, chair: TenantContext) => {
    const s = await evaluationService.state(deps, chair, tenderId);
    const bids = await reviewService.bids(deps, chair, tenderId);
    await reviewService.screen(deps, chair, tenderId, { results: bids.items.flatMap((b) => s.requirements.map((r) => ({ bidId: b.bidId, requirementKey: r.key, passed: true, reason: '' }))) });
    await reviewService.closeScreening(deps, chair, tenderId);
    return bids.items;
  };
  /** Each member scores: technical and commercial points per bidder (by bidder name's start), a little apart from member to member. */
  const score = async (tenderId: string, m: TenantContext, i: number, bids: { bidId: string; bidderName: string }[], points: Record<string, [number, number]>, remarks: Record<string, string> = {}) => {
    for (const b of bids) {
      const key = Object.keys(points).find((k) => b.bidderName.includes(k))!;
      const [tech, com] = points[key]!;
      await reviewService.saveSheet(deps, m, tenderId, b.bidId, { scores: { C1: String(tech + ((i % 3) - 1)), C2: String(com + (i % 2)) }, remarks: i === 0 ? remarks[key] ?? '' : '' });
    }
  };

  // The robot-cell tender: evaluated, candidates published, awarded to AutoLine.
  const t1 = input.openedTenderId;
  set(at(-39));
  const c1 = await committee(t1, [purchasing, head], '自动化', 3);
  const bids1 = await screenAll(t1, c1.chair);
  set(at(-38));
  const points1: Record<string, [number, number]> = { AutoLine: [90, 88], 华东精密: [80, 82], 宁波精工: [84, 90] };
  const remarks1 = { AutoLine: '优势：交钥匙方案完整，维保 3 年。不足：视觉单元报价偏高。', 华东精密: '优势：价格最低。不足：机器人由合作方提供，责任界面不清。', 宁波精工: '优势：本地服务 4 小时响应。不足：总价最高。' };
  for (const [i, m] of c1.members.entries()) {
    await score(t1, m, i, bids1, points1, remarks1);
    await reviewService.submitSheets(deps, m, t1);
  }
  await reviewService.closeScoring(deps, c1.chair, t1);
  set(at(-37));
  for (const m of c1.members) await reviewService.sign(deps, m, t1, m.userId === c1.members[2]!.userId ? { dissent: '建议对华东精密的联合体责任划分进一步澄清后再定标。' } : {});
  set(at(-36));
  await awardService.publishCandidates(deps, purchasing, t1, { days: 3 });
  set(at(-32));
  const s1 = await awardService.state(deps, purchasing, t1);
  for (const l of s1.lots) await awardService.award(deps, purchasing, t1, l.lotKey, {});

  // The motor tender (Bidding Law): a committee of 5, 4 of them experts; scoring under way, the demo expert still to score.
  const t2 = input.scoringTenderId;
  set(at(-3));
  const c2 = await committee(t2, [purchasing], '机电设备', 4);
  const bids2 = await screenAll(t2, c2.chair);
  set(at(-2));
  const demoExpert = experts[0]!.userId;
  for (const [i, m] of c2.members.entries()) {
    if (m.userId === demoExpert) continue;
    await score(t2, m, i, bids2, { 华东精密: [86, 84], 宁波精工: [88, 80], AutoLine: [82, 86] });
    await reviewService.submitSheets(deps, m, t2);
  }
}
