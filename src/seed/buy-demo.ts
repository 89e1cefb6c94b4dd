// The buy side's demo, played through the real services on a clock set back in
// time, so that every record is what the product itself would have written:
// 海澜家电 (Hailan Appliances, a home-appliance maker, seed 004's buyer) with an
// approval chain, requisitions in every state, projects, key holders, certified
// and uncertified suppliers — the three demo sellers among them, so a demo user
// sees both ends of one tender — and tenders in every state: draft, published
// (taking bids), bidding closed (ready to open now), in evaluation, awarded,
// failed. A seller's opportunity is linked to two of them and takes their events
// as evidence; the evaluation and the award are in evaluation-demo.ts.
import pg from 'pg';
import { createHolderKey, unlockHolderKey, type HolderKeyRecord } from '../domain/sealing/holder-key';
import { createTenderKey, openShare, type TenderKey } from '../domain/sealing/tender-key';
import { sealEnvelope, type BidSubmission } from '../domain/sealing/bid';
import { toBase64, utf8 } from '../domain/sealing/bytes';
import { envelopesOf } from '../domain/buy/tender';
import type { TenantContext } from '../db/tenant';
import { TestClock } from '../server/clock';
import type { Runtime } from '../server/runtime';
import { hashPassword } from '../server/auth';
import { requisitionService } from '../modules/requisitions/service';
import { projectService } from '../modules/projects/service';
import { supplierService } from '../modules/suppliers/service';
import { tenderService } from '../modules/tenders/service';
import { exchangeService } from '../modules/tenders/exchange';
import { bidService } from '../modules/bids/service';
import { openingService } from '../modules/opening/service';
import { tenderLinkService } from '../modules/tender-link/service';
import { ownerDb, tenderTick } from '../modules/tenders/jobs';
import { DEMO_PASSWORD } from './content';
import { seedEvaluationDemo } from './evaluation-demo';

export const BUYER_EMAIL = 'chen.gang@hailan.demo';
/** Every demo key holder's passphrase (printed at start: a demo, not a secret). */
export const DEMO_KEY_PASSPHRASE = 'hailan-key-holder-2026';
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The least scrypt cost the server takes: the demo's key holders start quickly. */
const DEMO_SCRYPT = { N: 2 ** 15, r: 8, p: 1 };

interface Person {
  email: string;
  name: string;
  role: 'owner' | 'admin' | 'manager' | 'member';
}
const BUYER: { name: string; slug: string; people: Person[] } = {
  name: '海澜家电 Hailan Appliances',
  slug: 'hailan',
  people: [
    { email: BUYER_EMAIL, name: '陈刚', role: 'owner' },
    { email: 'zhou.ting@hailan.demo', name: '周婷', role: 'admin' },
    { email: 'sun.hao@hailan.demo', name: '孙浩', role: 'manager' },
    { email: 'michael.zhang@hailan.demo', name: 'Michael Zhang', role: 'manager' },
    { email: 'wu.qian@hailan.demo', name: '吴倩', role: 'member' },
  ],
};
const SUPPLIERS: { name: string; slug: string; email: string; person: string }[] = [
  { name: '华东精密压缩机 East China Compressor', slug: 'ecc', email: 'xu.jun@ecc.demo', person: '徐军' },
  { name: '宁波精工电机 Ningbo Precision Motors', slug: 'npm', email: 'lin.hui@npm.demo', person: '林慧' },
  { name: '苏州恒温控制 Suzhou Thermo Controls', slug: 'stc', email: 'gao.fei@stc.demo', person: '高飞' },
];

interface Org {
  id: string;
  users: Map<string, string>;
}

async function insertOrganization(client: pg.Client, name: string, slug: string, kind: string, people: Person[], passwordHash: string, at: Date): Promise<Org> {
  const org = (await client.query<{ id: string }>(`insert into organization (id, name, slug, kind, created_at) values (gen_random_uuid(), $1, $2, $3, $4) returning id`, [name, slug, kind, at])).rows[0]!.id;
  const users = new Map<string, string>();
  for (const p of people) {
    const u = (await client.query<{ id: string }>(`insert into "user" (id, name, email, email_verified, locale, created_at, updated_at) values (gen_random_uuid(), $1, $2, true, 'zh-CN', $3, $3) returning id`, [p.name, p.email, at])).rows[0]!.id;
    await client.query(`insert into account (id, account_id, provider_id, user_id, password, created_at, updated_at) values (gen_random_uuid(), $1::text, 'credential', $1::uuid, $2, $3, $3)`, [u, passwordHash, at]);
    await client.query(`insert into member (id, organization_id, user_id, role, created_at) values (gen_random_uuid(), $1, $2, $3, $4)`, [org, u, p.role, at]);
    users.set(p.email, u);
  }
  await client.query(`insert into org_settings (organization_id) values ($1) on conflict do nothing`, [org]);
  return { id: org, users };
}

async function orgBySlug(client: pg.Client, slug: string): Promise<{ id: string; owner: string } | null> {
  const r = await client.query<{ id: string; owner: string }>(`select o.id, m.user_id as owner from organization o join member m on m.organization_id = o.id and m.role = 'owner' where o.slug = $1 limit 1`, [slug]);
  return r.rows[0] ?? null;
}

const item = (name: string, quantity: string, unit: string, specification = '') => ({ name, specification, quantity, unit });

export async function seedBuyDemo(ownerUrl: string, rt: Runtime, opts: { now?: Date; log?: (m: string) => void } = {}): Promise<{ tenders: number }> {
  const now = opts.now ?? new Date();
  const clock = rt.deps.clock as TestClock;
  const at = (days: number, hours = 0) => new Date(now.getTime() + days * DAY + hours * HOUR);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const hash = await hashPassword(DEMO_PASSWORD);
  let buyer: Org;
  const sellers: Record<string, { id: string; owner: string }> = {};
  try {
    buyer = await insertOrganization(client, BUYER.name, BUYER.slug, 'buyer', BUYER.people, hash, at(-120));
    for (const s of SUPPLIERS) {
      const o = await insertOrganization(client, s.name, s.slug, 'seller', [{ email: s.email, name: s.person, role: 'owner' }], hash, at(-200));
      sellers[s.slug] = { id: o.id, owner: o.users.get(s.email)! };
    }
    for (const slug of ['medequip', 'autoline', 'shieldins']) {
      const o = await orgBySlug(client, slug);
      if (o) sellers[slug] = o;
    }
  } finally {
    await client.end();
  }
  const deps = rt.deps;
  const as = (email: string, role: TenantContext['role'] = 'owner'): TenantContext => ({ orgId: buyer.id, userId: buyer.users.get(email)!, role, kind: 'buyer' });
  const seller = (slug: string): TenantContext => ({ orgId: sellers[slug]!.id, userId: sellers[slug]!.owner, role: 'owner', kind: 'seller' });
  const gm = as(BUYER_EMAIL);
  const purchasing = as('zhou.ting@hailan.demo', 'admin');
  const finance = as('sun.hao@hailan.demo', 'manager');
  const head = as('michael.zhang@hailan.demo', 'manager');
  const requester = as('wu.qian@hailan.demo', 'member');
  const set = (d: Date) => clock.set(d);

  // The approval chain: head of department, finance from ¥50,000, the general manager from ¥1,000,000.
  set(at(-110));
  await requisitionService.setRules(deps, gm, {
    rules: [
      { key: 'head', name: '部门负责人 Head of department', minAmount: '0', approverIds: [head.userId] },
      { key: 'finance', name: '财务 Finance', minAmount: '50000', approverIds: [finance.userId] },
      { key: 'boss', name: '总经理 General manager', minAmount: '1000000', approverIds: [gm.userId] },
    ],
  });
  // Key holders: the general manager, purchasing and finance; 2 of 3 open.
  const holders = [gm, purchasing, finance];
  const records = new Map<string, HolderKeyRecord>();
  for (const h of holders) {
    const rec = createHolderKey(DEMO_KEY_PASSPHRASE, DEMO_SCRYPT);
    records.set(h.userId, rec);
    await exchangeService.enrol(deps, h, rec as never);
  }

  // Suppliers: certified for goods (the compressor and motor makers, AutoLine), for services (ShieldIns); applied, not yet certified (Suzhou, MedEquip).
  const registry: Record<string, string> = {};
  for (const slug of Object.keys(sellers)) registry[slug] = (await supplierService.add(deps as never, purchasing, { supplierOrgId: sellers[slug]!.id })).id;
  const certify = async (slug: string, category: 'goods' | 'services', scores: [number, number, number]) => {
    const s = await supplierService.openCertification(deps as never, purchasing, registry[slug]!, { category });
    const cert = s.certifications.find((c) => c.category === category)!;
    await supplierService.decide(deps as never, purchasing, cert.id, { to: 'certified', scores: { quality: scores[0], delivery: scores[1], credit: scores[2] }, validUntil: at(300).toISOString() });
  };
  set(at(-100));
  await certify('ecc', 'goods', [91, 84, 88]);
  await certify('npm', 'goods', [86, 78, 80]);
  await certify('autoline', 'goods', [88, 90, 82]);
  await certify('shieldins', 'services', [85, 80, 92]);
  await supplierService.apply(deps as never, seller('stc'), { buyerOrgId: buyer.id, category: 'goods', note: '恒温控制器产品线，附 ISO 9001 证书。' });
  if (sellers.medequip) await supplierService.apply(deps as never, seller('medequip'), { buyerOrgId: buyer.id, category: 'goods', note: '职工医务室设备' });

  // Requisitions: one per project, approved through the chain; others waiting, returned, a draft.
  const approved = async (title: string, department: string, justification: string, items: { name: string; specification?: string; quantity: string; unit: string; unitPrice: string }[], day: number) => {
    set(at(day));
    const r = await requisitionService.create(deps, requester, { title, department, justification, currency: 'CNY', items: items.map((i) => ({ specification: '', ...i })) });
    await requisitionService.submit(deps, requester, r.id);
    let cur = await requisitionService.get(deps.db, requester, r.id);
    for (const who of [head, finance, gm]) {
      if (cur.status !== 'submitted') break;
      set(at(day, 4));
      cur = await requisitionService.decide(deps, who, r.id, { decision: 'approve', comment: null });
    }
    return cur.projectId!;
  };
  const pLine = await approved('生产线自动化改造（二期）', '生产部', '二期总装线自动化改造，提升节拍 30%，减少夜班用工。', [{ name: '六轴机器人工作站', quantity: '8', unit: '套', unitPrice: '380000' }, { name: '视觉检测单元', quantity: '4', unit: '套', unitPrice: '120000' }], -80);
  const pComp = await approved('变频压缩机年度框架采购', '采购部', '2027 年空调生产用变频压缩机，按年度框架招标。', [{ name: '变频压缩机 1.5 匹', quantity: '20000', unit: '台', unitPrice: '520' }], -40);
  const pIns = await approved('厂区财产保险（2027 年度）', '财务部', '厂区建筑、设备与存货的财产一切险，续保前重新招标。', [{ name: '财产一切险', quantity: '1', unit: '年', unitPrice: '680000' }], -50);
  const pHealth = await approved('职工医务室设备更新', '行政部', '医务室心电图机、血压计与急救设备更新。', [{ name: '心电图机', quantity: '2', unit: '台', unitPrice: '45000' }, { name: '急救箱', quantity: '20', unit: '套', unitPrice: '1200' }], -45);
  const pMould = await approved('注塑模具（新款风扇）', '研发部', '新款落地扇外壳注塑模具。', [{ name: '外壳注塑模具', quantity: '6', unit: '套', unitPrice: '95000' }], -10);
  set(at(-3));
  const waiting = await requisitionService.create(deps, requester, { title: '车间照明节能改造', department: '生产部', justification: '更换为 LED 照明，年节电约 18 万度。', currency: 'CNY', items: [{ name: 'LED 工矿灯', specification: '150W', quantity: '600', unit: '盏', unitPrice: '260' }] });
  await requisitionService.submit(deps, requester, waiting.id);
  set(at(-2));
  await requisitionService.decide(deps, head, waiting.id, { decision: 'approve', comment: '同意，请财务审核。' });
  const returned = await requisitionService.create(deps, requester, { title: '办公电脑更新', department: '行政部', justification: '30 台办公电脑超过使用年限。', currency: 'CNY', items: [{ name: '台式电脑', specification: 'i5/16G/512G', quantity: '30', unit: '台', unitPrice: '5200' }] });
  await requisitionService.submit(deps, requester, returned.id);
  await requisitionService.decide(deps, head, returned.id, { decision: 'return', comment: '请补充三家询价。' });
  await requisitionService.create(deps, requester, { title: '叉车租赁', department: '物流部', justification: '旺季仓储周转。', currency: 'CNY', items: [{ name: '3 吨电动叉车（月租）', specification: '', quantity: '4', unit: '台·月', unitPrice: '6500' }] });

  // Purchasing teams.
  for (const p of [pLine, pComp, pIns, pHealth, pMould]) {
    await projectService.setTeam(deps, gm, p, {
      members: [
        { userId: gm.userId, roles: ['decision_maker'] },
        { userId: purchasing.userId, roles: ['purchaser'] },
        { userId: head.userId, roles: ['user', 'influencer'] },
        { userId: finance.userId, roles: ['supervisor'] },
      ],
    });
  }

  const criteria = (price: number) => [
    { part: 'technical' as const, name: '技术方案与性能', weight: 70 - price, maxScore: 100 },
    { part: 'commercial' as const, name: '交货期与售后服务', weight: 30, maxScore: 100 },
    { part: 'price' as const, name: '价格', weight: price, maxScore: 100 },
  ];
  const makeTender = async (projectId: string, t: Record<string, unknown>, timeline: { questionsUntil: Date; deadline: Date; openingAt: Date }, day: number) => {
    set(at(day));
    return tenderService.create(deps, purchasing, {
      projectId,
      currency: 'CNY',
      bidBond: '0',
      qualification: [{ text: '具有独立法人资格和有效营业执照' }, { text: '近三年无重大质量或安全事故' }],
      envelopes: 'one',
      minValidBids: 2,
      showBidCount: true,
      amendmentMinDays: 3,
      keyThreshold: 2,
      keyHolderIds: holders.map((h) => h.userId),
      timeline: { publishAt: null, questionsUntil: timeline.questionsUntil.toISOString(), deadline: timeline.deadline.toISOString(), openingAt: timeline.openingAt.toISOString() },
      ...t,
    } as never);
  };
  const publish = async (id: string, documents: [string, string][]) => {
    for (const [name, text] of documents) await exchangeService.addDocument(deps, purchasing, id, { name, mediaType: 'text/plain', data: Buffer.from(text).toString('base64') });
    const tender = await tenderService.get(deps, purchasing, id);
    const named = tender.keyHolders.map((h) => ({ userId: h.userId, publicKey: records.get(h.userId)!.publicKey }));
    const keys: TenderKey[] = [];
    for (const envelope of envelopesOf(tender.envelopes)) keys.push(await createTenderKey({ tenderId: id, envelope, holders: named, threshold: tender.keyThreshold }));
    await tenderService.publish(deps, purchasing, id, { keys: keys as never });
  };
  const bid = async (slug: string, tenderId: string, unitPrices: number[], statement: string, day: number, hours = 0) => {
    set(at(day, hours));
    const t = await bidService.marketTender(deps, seller(slug), tenderId);
    const items = t.lots.flatMap((l) => l.items.map((i) => ({ lotId: l.key, itemId: i.key, quantity: i.quantity })));
    const submission: BidSubmission = {
      format: 'procura-bid-submission/1',
      tenderId,
      envelopes: t.keys.map((k) =>
        sealEnvelope(
          { format: 'procura-bid/1', tenderId, envelope: k.envelope, bidderOrgId: sellers[slug]!.id, prices: items.map((it, n) => ({ ...it, unitPrice: (unitPrices[n] ?? unitPrices[0]!).toFixed(2) })), documents: [{ name: '技术方案.txt', mediaType: 'text/plain', sha256: '', data: toBase64(utf8(statement)) }], statement },
          k,
          k.fingerprint,
        ),
      ),
    };
    return bidService.submit(deps, seller(slug), tenderId, submission);
  };
  const open = async (tenderId: string) => {
    const state = await openingService.state(deps, gm, tenderId);
    for (const h of [gm, purchasing]) {
      const share = openShare(state.key as TenderKey, h.userId, unlockHolderKey(DEMO_KEY_PASSPHRASE, records.get(h.userId)!)!)!;
      await openingService.handOver(deps, h, tenderId, { envelope: state.envelope, share: toBase64(share) });
    }
  };

  // 1. Opened: the production line, invited, enterprise regime, comprehensive scoring.
  const t1 = await makeTender(pLine, { title: '生产线自动化改造（二期）机器人工作站', regime: 'enterprise', method: 'invited', category: 'goods', estimatedValue: '3520000.00', lots: [{ name: '机器人与视觉', items: [item('六轴机器人工作站', '8', '套', '负载 20kg，重复定位精度 ±0.05mm'), item('视觉检测单元', '4', '套', '500 万像素，检测节拍 ≤ 2 s')] }], evaluation: { method: 'comprehensive', criteria: criteria(30) } }, { questionsUntil: at(-60), deadline: at(-40), openingAt: at(-40, 1) }, -75);
  await exchangeService.setInvitations(deps, purchasing, t1.id, { supplierIds: [registry.autoline!, registry.ecc!, registry.npm!] });
  await publish(t1.id, [['技术规格书.txt', '六轴机器人工作站技术规格……'], ['合同条款.txt', '付款：到货验收后 60 天付 90%，质保金 10%。']]);
  if (sellers.autoline) await tenderLinkService.link(deps, seller('autoline'), t1.id, { newOpportunity: { title: '海澜家电 二期自动化改造' } });
  await bid('autoline', t1.id, [372000, 118000], 'AutoLine：交钥匙工程，含 3 年维保。', -55);
  await bid('ecc', t1.id, [365000, 125000], '华东精密：联合体方案（机器人由合作方提供）。', -50);
  await bid('npm', t1.id, [389000, 112000], '宁波精工：本地化服务 4 小时响应。', -45);
  set(at(-40, 2));
  await open(t1.id);

  // 2. Published, taking bids: the compressor framework, open tender under the Bidding Law (20 days, clarifications 15 days before).
  const t2 = await makeTender(pComp, { title: '变频压缩机年度框架采购', regime: 'tender_law', method: 'open', category: 'goods', estimatedValue: '10400000.00', bidBond: '200000.00', minValidBids: 3, lots: [{ name: '1.5 匹变频压缩机', items: [item('变频压缩机', '14000', '台', '1.5 匹，R32，能效 1 级')] }, { name: '2 匹变频压缩机', items: [item('变频压缩机', '6000', '台', '2 匹，R32，能效 1 级')] }], evaluation: { method: 'comprehensive', criteria: criteria(30) } }, { questionsUntil: at(4), deadline: at(21), openingAt: at(21) }, -6);
  await exchangeService.setInvitations(deps, purchasing, t2.id, { supplierIds: [registry.ecc!, registry.npm!] });
  await publish(t2.id, [['招标文件.txt', '变频压缩机年度框架采购招标文件……'], ['技术要求.txt', '噪声 ≤ 38 dB(A)，COP ≥ 3.6。']]);
  if (sellers.autoline) await tenderLinkService.link(deps, seller('autoline'), t2.id, { newOpportunity: { title: '海澜家电 压缩机年度框架' } });
  set(at(-4));
  await exchangeService.ask(deps, seller('npm'), t2.id, { question: '2 匹机型是否接受 R410A 冷媒方案？' });
  const q = (await tenderService.get(deps, purchasing, t2.id)).questions[0]!;
  await exchangeService.answer(deps, purchasing, t2.id, q.id, { answer: '不接受：两个标段均须为 R32 冷媒。' });
  await bid('ecc', t2.id, [498, 655], '华东精密：年产能 200 万台，可分批交付。', -2);
  if (sellers.autoline) await bid('autoline', t2.id, [512, 668], 'AutoLine：联合压缩机厂商投标。', -1);
  await bid('npm', t2.id, [505, 660], '宁波精工：第一版报价。', -3);
  await bidService.withdraw(deps, seller('npm'), t2.id);

  // 3. Bidding closed, ready to open now: the property insurance, invited, enterprise regime.
  const t3 = await makeTender(pIns, { title: '厂区财产一切险（2027 年度）', regime: 'enterprise', method: 'invited', category: 'services', minValidBids: 1, estimatedValue: '680000.00', lots: [{ name: '财产一切险', items: [item('财产一切险保费', '1', '年', '保额 12 亿元，免赔额 1 万元')] }], evaluation: { method: 'lowest_price', criteria: [] } }, { questionsUntil: at(-12), deadline: at(0, -2), openingAt: at(0, -1) }, -30);
  await exchangeService.setInvitations(deps, purchasing, t3.id, { supplierIds: [registry.shieldins!] });
  await publish(t3.id, [['保险需求说明.txt', '标的清单、历史赔付记录……']]);
  if (sellers.shieldins) await bid('shieldins', t3.id, [598000], 'ShieldIns：含地震附加险，理赔 48 小时到现场。', -8);

  // 4. Failed: the clinic equipment, open tender, one valid bid of the two needed.
  const t4 = await makeTender(pHealth, { title: '职工医务室设备更新', regime: 'enterprise', method: 'open', category: 'goods', estimatedValue: '114000.00', lots: [{ name: '医务室设备', items: [item('心电图机', '2', '台', '12 导联'), item('急救箱', '20', '套')] }], evaluation: { method: 'lowest_price', criteria: [] } }, { questionsUntil: at(-25), deadline: at(-20), openingAt: at(-20) }, -35);
  await publish(t4.id, [['采购需求.txt', '心电图机 12 导联，带打印。']]);
  if (sellers.medequip) await bid('medequip', t4.id, [42000, 1100], 'MedEquip：含安装培训。', -22);
  set(at(-20, 1));
  const owner = ownerDb(ownerUrl);
  try {
    await tenderTick(owner.db, deps);
  } finally {
    await owner.close();
  }

  // 6. Opened under the Bidding Law, for the evaluation demo to leave in scoring: the motor framework.
  const pMotor = await approved('空调风机电机年度采购', '采购部', '2027 年室内机风机电机，按年度框架招标。', [{ name: '直流无刷风机电机', quantity: '30000', unit: '台', unitPrice: '86' }], -60);
  await projectService.setTeam(deps, gm, pMotor, { members: [{ userId: gm.userId, roles: ['decision_maker'] }, { userId: purchasing.userId, roles: ['purchaser'] }, { userId: head.userId, roles: ['user'] }] });
  const t6 = await makeTender(pMotor, { title: '空调风机电机年度框架采购', regime: 'tender_law', method: 'open', category: 'goods', estimatedValue: '2580000.00', minValidBids: 3, lots: [{ name: '直流无刷风机电机', items: [item('直流无刷风机电机', '30000', '台', '48 W，310 V DC，噪声 ≤ 30 dB(A)')] }], evaluation: { method: 'comprehensive', criteria: criteria(30) } }, { questionsUntil: at(-20), deadline: at(-5), openingAt: at(-5) }, -30);
  await publish(t6.id, [['招标文件.txt', '空调风机电机年度框架采购招标文件……']]);
  await bid('ecc', t6.id, [82], '华东精密：电机与压缩机同线配套。', -12);
  await bid('npm', t6.id, [79.5], '宁波精工：电机为本公司主业，年产 300 万台。', -11);
  if (sellers.autoline) await bid('autoline', t6.id, [84], 'AutoLine：含驱动板联调。', -10);
  set(at(-4));
  await open(t6.id);
  await seedEvaluationDemo({ ownerUrl, rt, passwordHash: hash, at, set, buyerOrgId: buyer.id, gm, purchasing, head, openedTenderId: t1.id, scoringTenderId: t6.id });

  // 5. A draft, still missing its criteria.
  await makeTender(pMould, { title: '新款落地扇外壳注塑模具', regime: 'enterprise', method: 'invited', category: 'goods', estimatedValue: '570000.00', lots: [{ name: '模具', items: [item('外壳注塑模具', '6', '套', '模具钢 P20，寿命 50 万模次')] }], evaluation: { method: 'comprehensive', criteria: [] } }, { questionsUntil: at(10), deadline: at(25), openingAt: at(25) }, -1);
  set(now);
  opts.log?.('buy side: 6 tenders (draft, published, bidding closed, awarded, in evaluation, failed) and an expert pool');
  return { tenders: 6 };
}
