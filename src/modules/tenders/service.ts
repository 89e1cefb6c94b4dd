// Tenders (招标), the buyer's use cases: set one up from a project, publish it
// (the key holders' opening keys arrive with it; publication freezes documents,
// criteria and weights under a hash), amend it (recorded, notified, the deadline
// pushed as the regime requires), cancel it. Each: guard → state check → one
// transaction with the activity and audit records → notifications and events
// after commit. Documents, invitations, questions and key holders: exchange.ts.
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { amendTimeline } from '../../domain/buy/tender-status';
import { checkTender, envelopesOf, freezeHash, isLegalRegime } from '../../domain/buy/tender';
import { isTenderKey, type TenderKey } from '../../domain/sealing/tender-key';
import { text, type Text } from '../../domain/i18n';
import { AppError, forbidden, issuesError, notFound, unknownRef } from '../../server/errors';
import type { Clock } from '../../server/clock';
import type { Events } from '../../server/events';
import { recordAudit } from '../audit/service';
import { notificationService, type NotificationInput } from '../notifications/service';
import { organizationService } from '../organizations/service';
import { advance } from '../projects/service';
import { recordActivity } from '../shared/activity';
import { CursorKey, decodeCursor, encodeCursor } from '../shared/http';
import { requireBuyer } from '../shared/sides';
import { decodeFile } from '../shared/files';
import { tenderPolicy } from './policy';
import { domainSetup, effectiveStatus, problemsOf, publicView, setupOf, summaryOf, type StoredSetup } from './present';
import { tenderRepo, type TenderRow } from './repository';
import type { AmendmentBody, CancelBody, PublishBody, TenderCreate, TenderListQuery, TenderPatch } from './schema';

export type TenderDeps = { db: Db; clock: Clock; events: Events; config: { baseUrl: string } };

type Input = z.infer<typeof TenderCreate>;

export async function orgName(db: Db, orgId: string): Promise<string> {
  return (await organizationService.names(db, [orgId])).get(orgId)?.name ?? '';
}

/** Keys filled in where the buyer left them out: lots L1…, items L1.1…, requirements Q1…, criteria C1…. */
export function normalizeSetup(i: Pick<Input, 'lots' | 'qualification' | 'evaluation'>): StoredSetup {
  return {
    lots: i.lots.map((l, n) => {
      const key = l.key ?? `L${n + 1}`;
      return { key, name: l.name, items: l.items.map((it, m) => ({ key: it.key ?? `${key}.${m + 1}`, name: it.name, specification: it.specification, quantity: it.quantity, unit: it.unit })) };
    }),
    qualification: i.qualification.map((r, n) => ({ key: r.key ?? `Q${n + 1}`, text: r.text })),
    evaluation: { method: i.evaluation.method, criteria: i.evaluation.criteria.map((c, n) => ({ key: c.key ?? `C${n + 1}`, part: c.part, name: c.name, weight: c.weight, maxScore: c.maxScore })) },
  };
}

export function requireManager(ctx: TenantContext) {
  if (!tenderPolicy.manage(ctx.role)) throw forbidden('tender.forbidden', text('只有经理及以上可以管理招标。', 'Managers and up run tenders.'));
}

/** The buyer's tender, locked for a change; 404 for a tender of another organization. */
export async function ownTender(tx: Tx, ctx: TenantContext, id: string, opts: { forUpdate?: boolean } = {}): Promise<TenderRow> {
  const t = await tenderRepo.get(tx, id, opts);
  if (!t || t.organizationId !== ctx.orgId) throw notFound('tender');
  return t;
}

export const stateError = (code: string, message: Text) => new AppError('state', code, message);

async function checkHolders(tx: Tx, ctx: TenantContext, ids: string[]) {
  const known = await tenderRepo.members(tx, ctx.orgId, ids);
  ids.forEach((u, i) => {
    if (!known.has(u)) throw unknownRef(`body.keyHolderIds.${i}`, 'member');
  });
}

/**
 * Every supplier organization that met the tender and is to hear of a change:
 * the invited, those who downloaded its documents or asked, and those with a
 * bid (found by the database for the platform; never shown to the buyer).
 */
export async function concernedSuppliers(tx: Tx, tenderId: string): Promise<string[]> {
  const [inv, dl, bidders, askers] = [
    await tenderRepo.invitations(tx, tenderId),
    await tenderRepo.downloaders(tx, tenderId),
    await tenderRepo.bidderOrgs(tx, tenderId),
    await tenderRepo.askers(tx, tenderId),
  ];
  return [...new Set([...inv.map((i) => i.supplierOrgId), ...dl, ...bidders, ...askers])];
}

/** Notifies every supplier concerned by a tender (the invited, the downloaders, the askers, the bidders) inside the caller's transaction; returns them. */
export function tellConcerned(tx: Tx, ctx: Pick<TenantContext, 'orgId'>, deps: { db: Db; config: { baseUrl: string } }, tenderId: string, notice: NotificationInput, now: Date): Promise<string[]> {
  return concernedSuppliers(tx, tenderId).then((to) => notificationService.notify(tx, ctx, deps.db, to, notice, now, deps.config.baseUrl));
}

/** Tells organizations' browsers that a tender changed (after commit). */
export function emitTender(events: Events, orgIds: readonly string[], tenderId: string) {
  for (const o of new Set(orgIds)) events.emit(o, 'tender.changed', { id: tenderId });
}

function values(input: Partial<Input>) {
  const v: Record<string, unknown> = {};
  for (const k of ['title', 'regime', 'method', 'category', 'currency', 'estimatedValue', 'bidBond', 'envelopes', 'minValidBids', 'showBidCount', 'amendmentMinDays', 'keyThreshold', 'keyHolderIds'] as const) {
    if (input[k] !== undefined) v[k] = input[k];
  }
  if (input.timeline) {
    v.publishAt = input.timeline.publishAt ? new Date(input.timeline.publishAt) : null;
    v.questionsUntil = new Date(input.timeline.questionsUntil);
    v.deadline = new Date(input.timeline.deadline);
    v.openingAt = new Date(input.timeline.openingAt);
  }
  return v;
}

export const tenderService = {
  async list(deps: TenderDeps, ctx: TenantContext, q: z.infer<typeof TenderListQuery>) {
    requireBuyer(ctx);
    const after = decodeCursor(q.cursor, [CursorKey.isoTime, CursorKey.id]);
    const now = deps.clock.now();
    const name = await orgName(deps.db, ctx.orgId);
    const rows = await readTenant(deps.db, ctx, (tx) => tenderRepo.listForBuyer(tx, ctx.orgId, { ...q, after }));
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return { items: page.map((t) => summaryOf(t, name, now, { invited: false, myBid: null, buyer: true })), nextCursor: rows.length > q.limit && last ? encodeCursor([last.updatedAt.toISOString(), last.id]) : null };
  },

  async get(deps: TenderDeps, ctx: TenantContext, id: string) {
    requireBuyer(ctx);
    const name = await orgName(deps.db, ctx.orgId);
    return readTenant(deps.db, ctx, async (tx) => tenderService.buyerView(tx, deps, ctx, await ownTender(tx, ctx, id), name));
  },

  async buyerView(tx: Tx, deps: Pick<TenderDeps, 'db' | 'clock'>, ctx: TenantContext, t: TenderRow, buyerName?: string) {
    const now = deps.clock.now();
    const pub = await publicView(tx, t, buyerName ?? (await orgName(deps.db, ctx.orgId)), now);
    const [holders, invitations, downloads, questions, projectTitle, bidCount] = [
      await tenderRepo.keyHolders(tx, ctx.orgId),
      await tenderRepo.invitations(tx, t.id),
      await tenderRepo.downloads(tx, t.id),
      await tenderRepo.questions(tx, t.id),
      await tenderRepo.projectTitle(tx, t.projectId),
      t.status === 'draft' ? null : await tenderRepo.bidCount(tx, t.id),
    ];
    const names = await organizationService.names(deps.db, downloads.map((d) => d.supplierOrgId));
    return {
      ...pub,
      projectId: t.projectId,
      projectTitle: projectTitle ?? '',
      showBidCount: t.showBidCount,
      amendmentMinDays: t.amendmentMinDays,
      keyThreshold: t.keyThreshold,
      keyHolders: t.keyHolderIds.map((u) => {
        const h = holders.find((x) => x.userId === u);
        return { userId: u, name: h?.name ?? '', enrolled: !!h?.record };
      }),
      invitations: invitations.map((i) => ({ supplierId: i.supplierId, supplierOrgId: i.supplierOrgId, name: i.name ?? '', invitedAt: i.invitedAt.toISOString() })),
      bidCount: t.status === 'opened' || t.status === 'failed' || t.status === 'cancelled' ? null : bidCount,
      downloads: downloads.map((d) => ({ supplierOrgId: d.supplierOrgId, supplierName: names.get(d.supplierOrgId)?.name ?? '', documentId: d.documentId, documentName: d.documentName, at: d.at.toISOString() })),
      questions: questions.map((q) => ({ id: q.id, question: q.question, askedAt: q.askedAt.toISOString(), answered: q.clarificationId !== null, clarificationId: q.clarificationId })),
      problems: t.status === 'draft' ? problemsOf(t, now) : [],
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    };
  },

  async create(deps: TenderDeps, ctx: TenantContext, input: Input) {
    requireBuyer(ctx);
    requireManager(ctx);
    const now = deps.clock.now();
    return withTenant(deps.db, ctx, async (tx) => {
      if (!(await tenderRepo.projectTitle(tx, input.projectId))) throw unknownRef('body.projectId', 'project');
      await checkHolders(tx, ctx, input.keyHolderIds);
      const number = await tenderRepo.nextNumber(tx, ctx.orgId, now.getUTCFullYear());
      const t = await tenderRepo.insert(tx, {
        ...(values(input) as object),
        organizationId: ctx.orgId,
        projectId: input.projectId,
        number,
        title: input.title,
        regime: input.regime,
        method: input.method,
        category: input.category,
        currency: input.currency,
        estimatedValue: input.estimatedValue,
        questionsUntil: new Date(input.timeline.questionsUntil),
        deadline: new Date(input.timeline.deadline),
        openingAt: new Date(input.timeline.openingAt),
        minValidBids: input.minValidBids,
        setup: normalizeSetup(input) as never,
        status: 'draft',
        createdBy: ctx.userId,
        createdAt: now,
        updatedAt: now,
      });
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: t.id, projectId: t.projectId, action: 'tender.created', data: { number, title: t.title, regime: t.regime, method: t.method } });
      await recordAudit(tx, ctx, { at: now, action: 'tender.created', tenderId: t.id, subjectId: t.projectId, data: { number, regime: t.regime, method: t.method } });
      return tenderService.buyerView(tx, deps, ctx, t);
    });
  },

  async update(deps: TenderDeps, ctx: TenantContext, id: string, patch: z.infer<typeof TenderPatch>) {
    requireBuyer(ctx);
    requireManager(ctx);
    const now = deps.clock.now();
    return withTenant(deps.db, ctx, async (tx) => {
      const t = await ownTender(tx, ctx, id, { forUpdate: true });
      if (t.status !== 'draft') throw stateError('tender.published', text('发布后只能通过澄清或修改公告变更招标文件。', 'After publication the tender changes only by an amendment.'));
      if (patch.keyHolderIds) await checkHolders(tx, ctx, patch.keyHolderIds);
      const s = setupOf(t);
      const setup = patch.lots || patch.qualification || patch.evaluation ? normalizeSetup({ lots: patch.lots ?? s.lots, qualification: patch.qualification ?? s.qualification, evaluation: patch.evaluation ?? s.evaluation }) : s;
      await tenderRepo.update(tx, id, { ...(values(patch) as object), setup: setup as never, updatedAt: now });
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: id, projectId: t.projectId, action: 'tender.updated', data: { fields: Object.keys(patch) } });
      return tenderService.buyerView(tx, deps, ctx, (await tenderRepo.get(tx, id))!);
    });
  },

  /**
   * Publication: every rule of the regime holds (now is the publication time),
   * the key holders' ceremony made one opening key per envelope for exactly the
   * named holders, and what is frozen is hashed. The invited are told.
   */
  async publish(deps: TenderDeps, ctx: TenantContext, id: string, body: z.infer<typeof PublishBody>) {
    requireBuyer(ctx);
    requireManager(ctx);
    const now = deps.clock.now();
    let told: string[] = [];
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const t = await ownTender(tx, ctx, id, { forUpdate: true });
      if (t.status !== 'draft') throw stateError('tender.not_draft', text('招标已经发布过了。', 'The tender is published already.'));
      const setup = domainSetup({ ...t, publishAt: now }, now);
      setup.timeline.publishAt = now;
      const issues = checkTender(setup).map((i) => ({ field: i.path, message: i.message.text, code: 'rule' }));
      const invitations = await tenderRepo.invitations(tx, id);
      if (t.method === 'invited' && invitations.length === 0) issues.push({ field: 'invitations', message: text('邀请招标至少要邀请一家已认证的供应商', 'an invited tender needs at least one certified supplier invited'), code: 'required' });
      const holders = await tenderRepo.keyHolders(tx, ctx.orgId);
      if (t.keyHolderIds.length < 2) issues.push({ field: 'keyHolderIds', message: text('至少需要两名密钥持有人', 'at least two key holders are needed'), code: 'required' });
      else if (t.keyThreshold > t.keyHolderIds.length) issues.push({ field: 'keyThreshold', message: text('开标所需人数不能多于密钥持有人数', 'the number needed to open cannot exceed the key holders'), code: 'range' });
      t.keyHolderIds.forEach((u, i) => {
        if (!holders.find((h) => h.userId === u)?.record) issues.push({ field: `keyHolderIds.${i}`, message: text('该持有人还没有设置自己的密钥口令', 'this holder has not set up a key passphrase yet'), code: 'not_enrolled' });
      });
      if (issues.length) throw issuesError(issues.map((i) => ({ ...i, field: `tender.${i.field}` })));
      const keys = checkKeys(t, body.keys as TenderKey[], holders);
      const docs = await tenderRepo.documents(tx, id);
      const hash = freezeHash({ ...setupOf(t), envelopes: t.envelopes }, docs.map((d) => d.sha256));
      if (!(await tenderRepo.transition(tx, id, ['draft'], { status: 'published', publishAt: now, publishedAt: now, statusChangedAt: now, freezeHash: hash, updatedAt: now }))) {
        throw stateError('tender.not_draft', text('招标已经发布过了。', 'The tender is published already.'));
      }
      await tenderRepo.insertKeys(tx, keys.map((k) => ({ organizationId: ctx.orgId, tenderId: id, envelope: k.envelope, publicKey: k.publicKey, fingerprint: k.fingerprint, threshold: k.threshold, key: k as never, createdAt: now })));
      await advance(tx, ctx, t.projectId, 'criteria_set', now, { tender: t.number });
      await advance(tx, ctx, t.projectId, 'tender_published', now, { tender: t.number });
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: id, projectId: t.projectId, action: 'tender.published', data: { number: t.number, freezeHash: hash } });
      await recordAudit(tx, ctx, { at: now, action: 'tender.published', tenderId: id, data: { freezeHash: hash, deadline: t.deadline.toISOString(), openingAt: t.openingAt.toISOString(), keys: keys.map((k) => ({ envelope: k.envelope, fingerprint: k.fingerprint, threshold: k.threshold, holders: k.shares.map((s) => s.holderUserId) })) } });
      const buyerName = await orgName(deps.db, ctx.orgId);
      told = await notificationService.notify(tx, ctx, deps.db, invitations.map((i) => i.supplierOrgId), invitationNotice(t, buyerName, keys), now, deps.config.baseUrl);
      return tenderService.buyerView(tx, deps, ctx, (await tenderRepo.get(tx, id))!, buyerName);
    });
    emitTender(deps.events, [ctx.orgId, ...told], id);
    return out;
  },

  /**
   * An amendment after publication: recorded with its reason; what it changes
   * is checked by the same rules and frozen again (a new hash); a material one
   * leaves the regime's minimum to the deadline (pushed when needed), and bids
   * sealed before it must be confirmed or replaced. Everyone concerned is told.
   */
  async amend(deps: TenderDeps, ctx: TenantContext, id: string, body: z.infer<typeof AmendmentBody>) {
    requireBuyer(ctx);
    requireManager(ctx);
    let told: string[] = [];
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const t = await ownTender(tx, ctx, id, { forUpdate: true });
      // The time is read once the tender is locked: a wait on a bid in flight does not make it stale.
      const now = deps.clock.now();
      const status = effectiveStatus(t, now);
      if (status !== 'published' && status !== 'questions_closed') throw stateError('tender.not_amendable', text('只有已发布且未截止的招标可以修改。', 'Only a published tender before its deadline can be amended.'));
      const changesSetup = !!(body.lots || body.qualification || body.evaluation || body.documents.length);
      if (changesSetup && !body.material) {
        throw issuesError([{ field: 'body.material', message: text('修改标段、品目、资格条件、评分标准或文件属于实质性修改', 'changing lots, items, requirements, criteria or documents is material'), code: 'material' }]);
      }
      const moved = amendTimeline(t.regime, { publishAt: t.publishedAt!, questionsUntil: t.questionsUntil, deadline: t.deadline, openingAt: t.openingAt }, now, { material: body.material, deadline: body.deadline ? new Date(body.deadline) : undefined, enterpriseMinDays: t.amendmentMinDays });
      if (!moved.ok) throw issuesError([{ field: 'body.deadline', message: moved.message.text, code: moved.code }]);
      const s = setupOf(t);
      const setup = changesSetup ? normalizeSetup({ lots: body.lots ?? s.lots, qualification: body.qualification ?? s.qualification, evaluation: body.evaluation ?? s.evaluation }) : s;
      const check = checkTender({ ...domainSetup({ ...t, setup: setup as never }, now), timeline: { ...moved.timeline, publishAt: t.publishedAt! } }).filter((i) => !i.path.startsWith('timeline.questionsUntil'));
      if (check.length) throw issuesError(check.map((i) => ({ field: `body.${i.path}`, message: i.message.text, code: 'rule' })));
      const amendmentId = await tenderRepo.insertAmendment(tx, {
        organizationId: ctx.orgId,
        tenderId: id,
        actorId: ctx.userId,
        reason: body.reason,
        material: body.material,
        changes: { lots: !!body.lots, qualification: !!body.qualification, evaluation: !!body.evaluation, documents: body.documents.map((d) => d.name), deadlinePushed: moved.pushed },
        oldDeadline: t.deadline,
        newDeadline: moved.timeline.deadline,
        freezeHash: 'pending',
        at: now,
      });
      for (const f of body.documents.map(decodeFile)) {
        await tenderRepo.insertDocument(tx, { organizationId: ctx.orgId, tenderId: id, name: f.name, mediaType: f.mediaType, size: f.size, sha256: f.sha256, content: f.content, amendmentId, createdAt: now });
      }
      const hash = freezeHash({ ...setup, envelopes: t.envelopes }, (await tenderRepo.documents(tx, id)).map((d) => d.sha256));
      await tenderRepo.setAmendmentHash(tx, amendmentId, hash);
      await tenderRepo.update(tx, id, {
        setup: setup as never,
        freezeHash: hash,
        deadline: moved.timeline.deadline,
        openingAt: moved.timeline.openingAt,
        ...(body.material ? { materialAmendedAt: now } : {}),
        updatedAt: now,
      });
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: id, projectId: t.projectId, action: 'tender.amended', data: { reason: body.reason, material: body.material, oldDeadline: t.deadline.toISOString(), newDeadline: moved.timeline.deadline.toISOString() } });
      await recordAudit(tx, ctx, { at: now, action: 'tender.amended', tenderId: id, subjectId: amendmentId, data: { reason: body.reason, material: body.material, oldDeadline: t.deadline.toISOString(), newDeadline: moved.timeline.deadline.toISOString(), freezeHash: hash } });
      const buyerName = await orgName(deps.db, ctx.orgId);
      told = await tellConcerned(tx, ctx, deps, id, amendmentNotice(t, buyerName, body.reason, body.material, moved.timeline.deadline), now);
      return tenderService.buyerView(tx, deps, ctx, (await tenderRepo.get(tx, id))!, buyerName);
    });
    emitTender(deps.events, [ctx.orgId, ...told], id);
    return out;
  },

  /** Cancellation with a reason, before the opening; the project goes back to setting criteria for a re-tender. */
  async cancel(deps: TenderDeps, ctx: TenantContext, id: string, body: z.infer<typeof CancelBody>) {
    requireBuyer(ctx);
    requireManager(ctx);
    let told: string[] = [];
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const t = await ownTender(tx, ctx, id, { forUpdate: true });
      // The time is read once the tender is locked: a wait on a bid in flight does not make it stale.
      const now = deps.clock.now();
      if (!(await tenderRepo.transition(tx, id, ['draft', 'published', 'questions_closed', 'bidding_closed'], { status: 'cancelled', cancelledReason: body.reason, statusChangedAt: now, updatedAt: now }))) {
        throw stateError('tender.not_cancellable', text('已开标、流标或已取消的招标不能取消。', 'An opened, failed or cancelled tender cannot be cancelled.'));
      }
      if (t.status !== 'draft') await advance(tx, ctx, t.projectId, 'tender_cancelled', now, { tender: t.number, reason: body.reason });
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: id, projectId: t.projectId, action: 'tender.cancelled', data: { reason: body.reason } });
      await recordAudit(tx, ctx, { at: now, action: 'tender.cancelled', tenderId: id, data: { reason: body.reason, from: t.status } });
      if (t.status !== 'draft') {
        const buyerName = await orgName(deps.db, ctx.orgId);
        told = await tellConcerned(tx, ctx, deps, id, { kind: 'cancellation', tenderId: id, title: text(`招标已取消：${t.number} ${t.title}`, `Tender cancelled: ${t.number} ${t.title}`), body: text(`${buyerName} 取消了招标 ${t.number}。原因：${body.reason}`, `${buyerName} cancelled the tender ${t.number}. Reason: ${body.reason}`), link: `/supplier/tenders/${id}` }, now);
      }
      return tenderService.buyerView(tx, deps, ctx, (await tenderRepo.get(tx, id))!);
    });
    emitTender(deps.events, [ctx.orgId, ...told], id);
    return out;
  },
};

/** The keys from the ceremony: one per envelope of the tender, well formed, for exactly the named holders with the keys they enrolled. */
function checkKeys(t: TenderRow, keys: TenderKey[], holders: { userId: string; record: unknown }[]): TenderKey[] {
  const wanted = envelopesOf(t.envelopes);
  const issue = (field: string, en: string, zh: string) => issuesError([{ field, message: text(zh, en), code: 'key' }]);
  if (keys.length !== wanted.length || !wanted.every((w) => keys.filter((k) => k.envelope === w).length === 1)) throw issue('body.keys', `needs one opening key for each envelope: ${wanted.join(', ')}`, `每个信封需要一把开标密钥：${wanted.join('、')}`);
  keys.forEach((k, i) => {
    if (!isTenderKey(k)) throw issue(`body.keys.${i}`, 'is not a well-formed opening key (public key, fingerprint and shares)', '不是格式正确的开标密钥（公钥、指纹与分片）');
    if (k.tenderId !== t.id) throw issue(`body.keys.${i}.tenderId`, 'was made for another tender', '是为另一个招标生成的');
    if (k.threshold !== t.keyThreshold) throw issue(`body.keys.${i}.threshold`, `must be ${t.keyThreshold}, as the tender says`, `必须是招标设定的 ${t.keyThreshold}`);
    const ids = k.shares.map((s) => s.holderUserId).sort();
    if (ids.join() !== [...t.keyHolderIds].sort().join()) throw issue(`body.keys.${i}.shares`, 'must hold one share for each named key holder, and no one else', '必须为每位指定的密钥持有人各生成一个分片，且不能有其他人');
  });
  void holders;
  return keys;
}

const fmt = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

function invitationNotice(t: TenderRow, buyerName: string, keys: TenderKey[]): NotificationInput {
  const fp = keys.map((k) => `${k.envelope}: ${k.fingerprint}`).join('; ');
  return {
    kind: 'invitation',
    tenderId: t.id,
    title: text(`投标邀请：${t.number} ${t.title}`, `Invitation to tender: ${t.number} ${t.title}`),
    body: text(
      `${buyerName} 邀请贵公司参加投标 ${t.number}“${t.title}”。投标截止：${fmt(t.deadline)}。开标密钥指纹：${fp}。`,
      `${buyerName} invites you to bid in ${t.number} "${t.title}". Deadline: ${fmt(t.deadline)}. Opening key fingerprint: ${fp}.`,
    ),
    link: `/supplier/tenders/${t.id}`,
  };
}

function amendmentNotice(t: TenderRow, buyerName: string, reason: string, material: boolean, deadline: Date): NotificationInput {
  const confirm = material ? text('此前密封的投标须在截止前确认或重新提交。', 'Bids sealed before it must be confirmed or replaced before the deadline.') : text('', '');
  return {
    kind: 'amendment',
    tenderId: t.id,
    title: text(`招标文件修改：${t.number}`, `Tender amended: ${t.number}`),
    body: text(`${buyerName} 修改了招标 ${t.number}：${reason}。投标截止：${fmt(deadline)}。${confirm['zh-CN']}`, `${buyerName} amended the tender ${t.number}: ${reason}. Deadline: ${fmt(deadline)}. ${confirm.en}`.trim()),
    link: `/supplier/tenders/${t.id}`,
  };
}

export { isLegalRegime };
