// What passes between a tender's buyer and its suppliers besides bids: the
// documents (downloads recorded for the buyer's eyes only), invitations (only
// suppliers certified for the category, in an invited tender), questions and
// clarifications (the asker stays anonymous to other suppliers; the answer goes
// to all), the key holders' own keys, and the tender's audit view.
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { barred, invitable, type CertStatus } from '../../domain/buy/certification';
import { amendTimeline, canAsk } from '../../domain/buy/tender-status';
import { isLegalRegime } from '../../domain/buy/tender';
import { DEFAULT_SCRYPT, type HolderKeyRecord } from '../../domain/sealing/holder-key';
import { fromBase64 } from '../../domain/sealing/bytes';
import { text } from '../../domain/i18n';
import { AppError, issuesError, notFound, unknownRef } from '../../server/errors';
import { auditRepo } from '../audit/repository';
import { recordAudit } from '../audit/service';
import { notificationService } from '../notifications/service';
import { organizationService } from '../organizations/service';
import { supplierService } from '../suppliers/service';
import { recordActivity } from '../shared/activity';
import { decodeFile, type FileUpload } from '../shared/files';
import { requireBuyer } from '../shared/sides';
import { effectiveStatus } from './present';
import { tenderRepo, type TenderRow } from './repository';
import type { AnswerBody, InvitationsBody, KeyHolderEnrol, QuestionBody } from './schema';
import { emitTender, orgName, ownTender, requireManager, stateError, tellConcerned, tenderService, type TenderDeps } from './service';

/** A tender the caller may see: its own, or (RLS) a published one open to it or inviting it. */
export async function visibleTender(tx: Tx, id: string): Promise<TenderRow> {
  const t = await tenderRepo.get(tx, id);
  if (!t) throw notFound('tender');
  return t;
}

/** The questions the caller may see of a tender it may see: the buyer's all, a supplier's own (RLS). */
async function questionsIn(tx: Tx, id: string) {
  const t = await visibleTender(tx, id);
  return { buyerOrgId: t.organizationId, items: (await tenderRepo.questions(tx, id)).map((q) => ({ id: q.id, question: q.question, askedAt: q.askedAt.toISOString(), answered: q.clarificationId !== null, clarificationId: q.clarificationId })) };
}

/** The least a holder key's scrypt may cost (a stolen database must not make passphrases cheap to guess). */
const MIN_SCRYPT_N = 2 ** 15;

export const exchangeService = {
  async addDocument(deps: TenderDeps, ctx: TenantContext, id: string, file: z.infer<typeof FileUpload>) {
    requireBuyer(ctx);
    requireManager(ctx);
    const f = decodeFile(file);
    const now = deps.clock.now();
    return withTenant(deps.db, ctx, async (tx) => {
      const t = await ownTender(tx, ctx, id, { forUpdate: true });
      if (t.status !== 'draft') throw stateError('tender.published', text('发布后只能通过修改公告增加文件。', 'After publication documents come only with an amendment.'));
      const d = await tenderRepo.insertDocument(tx, { organizationId: ctx.orgId, tenderId: id, name: f.name, mediaType: f.mediaType, size: f.size, sha256: f.sha256, content: f.content, createdAt: now });
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: id, projectId: t.projectId, action: 'tender.document_added', data: { name: f.name, sha256: f.sha256 } });
      return { ...d, createdAt: d.createdAt.toISOString() };
    });
  },

  async removeDocument(deps: TenderDeps, ctx: TenantContext, id: string, documentId: string) {
    requireBuyer(ctx);
    requireManager(ctx);
    await withTenant(deps.db, ctx, async (tx) => {
      const t = await ownTender(tx, ctx, id, { forUpdate: true });
      if (t.status !== 'draft') throw stateError('tender.published', text('发布后的文件不能删除。', 'Documents of a published tender stay.'));
      if (!(await tenderRepo.deleteDocument(tx, id, documentId))) throw notFound('document');
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: id, projectId: t.projectId, action: 'tender.document_removed', data: { documentId } });
    });
  },

  /** A download: the file and its SHA-256; a supplier's download is recorded for the buyer (and for nobody else). */
  async download(deps: TenderDeps, ctx: TenantContext, id: string, documentId: string) {
    const now = deps.clock.now();
    return withTenant(deps.db, ctx, async (tx) => {
      const t = await visibleTender(tx, id);
      const d = await tenderRepo.document(tx, id, documentId);
      if (!d) throw notFound('document');
      if (t.organizationId !== ctx.orgId) {
        await tenderRepo.recordDownload(tx, { organizationId: t.organizationId, tenderId: id, documentId, supplierOrgId: ctx.orgId, userId: ctx.userId, at: now });
        await recordActivity(tx, ctx, { entityType: 'tender', entityId: id, action: 'tender.document_downloaded', data: { tender: t.number, document: d.name, sha256: d.sha256 } });
      }
      return d;
    });
  },

  /**
   * The suppliers invited to an invited tender (before its deadline): each from
   * the registry, on Procura, not blacklisted and, for an invited tender,
   * certified for the tender's category. After publication invitations are only
   * added, and each new invitee is told.
   */
  async setInvitations(deps: TenderDeps, ctx: TenantContext, id: string, body: z.infer<typeof InvitationsBody>) {
    requireBuyer(ctx);
    requireManager(ctx);
    const now = deps.clock.now();
    let told: string[] = [];
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const t = await ownTender(tx, ctx, id, { forUpdate: true });
      const status = effectiveStatus(t, now);
      if (status !== 'draft' && status !== 'published' && status !== 'questions_closed') throw stateError('tender.closed', text('截止后不能再邀请供应商。', 'No invitations after the deadline.'));
      const ids = [...new Set(body.supplierIds)];
      const entries = await tenderRepo.registry(tx, ids);
      const certs = await supplierService.certsFor(tx, ids);
      ids.forEach((sid, i) => {
        const e = entries.find((x) => x.id === sid);
        if (!e || e.organizationId !== ctx.orgId) throw unknownRef(`body.supplierIds.${i}`, 'supplier');
        if (!e.supplierOrgId) throw issuesError([{ field: `body.supplierIds.${i}`, message: text('该供应商尚未在 Procura 注册，不能在线投标', 'has not signed up on Procura yet and cannot bid online'), code: 'not_on_platform' }]);
        const mine = certs.filter((c) => c.supplierId === sid).map((c) => ({ category: c.category as never, status: c.status as CertStatus, validUntil: c.validUntil }));
        if (barred(mine)) throw issuesError([{ field: `body.supplierIds.${i}`, message: text('该供应商已被列入黑名单', 'is blacklisted'), code: 'blacklisted' }]);
        if (t.method === 'invited' && !invitable(mine, t.category, now)) {
          throw issuesError([{ field: `body.supplierIds.${i}`, message: text('邀请招标只能邀请在本类别已认证且在有效期内的供应商', 'an invited tender invites only suppliers certified for its category (and not expired)'), code: 'not_certified' }]);
        }
      });
      const current = await tenderRepo.invitations(tx, id);
      const keep = entries.map((e) => e.supplierOrgId!);
      if (t.status === 'draft') await tenderRepo.removeInvitations(tx, id, keep);
      else if (current.some((c) => !keep.includes(c.supplierOrgId))) throw stateError('tender.uninvite', text('发布后不能撤回邀请。', 'Invitations are not withdrawn after publication.'));
      const added = await tenderRepo.addInvitations(tx, entries.map((e) => ({ organizationId: ctx.orgId, tenderId: id, supplierId: e.id, supplierOrgId: e.supplierOrgId!, invitedBy: ctx.userId, invitedAt: now })));
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: id, projectId: t.projectId, action: 'tender.invitations_set', data: { invited: entries.map((e) => e.name), added: added.length } });
      await recordAudit(tx, ctx, { at: now, action: 'tender.invitations_set', tenderId: id, data: { suppliers: entries.map((e) => e.id) } });
      if (t.status !== 'draft' && added.length) {
        const buyerName = await orgName(deps.db, ctx.orgId);
        const keys = await tenderRepo.keys(tx, id);
        told = await notificationService.notify(
          tx,
          ctx,
          deps.db,
          added,
          {
            kind: 'invitation',
            tenderId: id,
            title: text(`投标邀请：${t.number} ${t.title}`, `Invitation to tender: ${t.number} ${t.title}`),
            body: text(`${buyerName} 邀请贵公司参加投标 ${t.number}。开标密钥指纹：${keys.map((k) => k.fingerprint).join('；')}。`, `${buyerName} invites you to bid in ${t.number}. Opening key fingerprint: ${keys.map((k) => k.fingerprint).join('; ')}.`),
            link: `/supplier/tenders/${id}`,
          },
          now,
          deps.config.baseUrl,
        );
      }
      return tenderService.buyerView(tx, deps, ctx, t);
    });
    emitTender(deps.events, [ctx.orgId, ...told], id);
    return out;
  },

  /** A supplier's question, until the end of questions; the buyer is told, never other suppliers. */
  async ask(deps: TenderDeps, ctx: TenantContext, id: string, body: z.infer<typeof QuestionBody>) {
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const t = await visibleTender(tx, id);
      if (t.organizationId === ctx.orgId) throw stateError('tender.own', text('采购方不能向自己的招标提问。', 'A buyer does not ask its own tender questions.'));
      const can = canAsk(t.status, { questionsUntil: t.questionsUntil, deadline: t.deadline }, now);
      if (!can.ok) throw stateError(can.code, can.message.text);
      await tenderRepo.insertQuestion(tx, { organizationId: t.organizationId, tenderId: id, askerOrgId: ctx.orgId, askerUserId: ctx.userId, question: body.question, askedAt: now });
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: id, action: 'tender.question_asked', data: { tender: t.number } });
      await notificationService.notify(tx, ctx, deps.db, [t.organizationId], { kind: 'question', tenderId: id, title: text(`新的投标人提问：${t.number}`, `New question on ${t.number}`), body: text(body.question.slice(0, 500), body.question.slice(0, 500)), link: `/buy/tenders/${id}` }, now, deps.config.baseUrl);
      return questionsIn(tx, id);
    });
    emitTender(deps.events, [ctx.orgId, out.buyerOrgId], id);
    return { items: out.items };
  },

  async myQuestions(deps: TenderDeps, ctx: TenantContext, id: string) {
    return readTenant(deps.db, ctx, async (tx) => ({ items: (await questionsIn(tx, id)).items }));
  },

  /**
   * The buyer answers (a question, or of its own accord): a clarification
   * published to every supplier, the asker not named. Under the legal regimes a
   * clarification leaves at least 15 days to the deadline, which moves if needed.
   */
  async answer(deps: TenderDeps, ctx: TenantContext, id: string, questionId: string | null, body: z.infer<typeof AnswerBody>) {
    requireBuyer(ctx);
    requireManager(ctx);
    let told: string[] = [];
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const t = await ownTender(tx, ctx, id, { forUpdate: true });
      // The time is read once the tender is locked: a wait on a bid in flight does not make it stale.
      const now = deps.clock.now();
      const status = effectiveStatus(t, now);
      if (status !== 'published' && status !== 'questions_closed') throw stateError('tender.not_amendable', text('只有已发布且未截止的招标可以澄清。', 'Only a published tender before its deadline is clarified.'));
      let question = body.question;
      if (questionId) {
        const q = await tenderRepo.question(tx, id, questionId);
        if (!q) throw notFound('question');
        if (q.clarificationId) throw new AppError('conflict', 'question.answered', text('这个问题已经答复过了。', 'This question was answered already.'));
        question ??= q.question;
      }
      if (!question) throw issuesError([{ field: 'body.question', message: text('必填', 'is required'), code: 'required' }]);
      const moved = amendTimeline(t.regime, { publishAt: t.publishedAt!, questionsUntil: t.questionsUntil, deadline: t.deadline, openingAt: t.openingAt }, now, { material: isLegalRegime(t.regime) });
      if (!moved.ok) throw stateError(moved.code, moved.message.text);
      const clarificationId = await tenderRepo.insertClarification(tx, { organizationId: ctx.orgId, tenderId: id, question, answer: body.answer, answeredBy: ctx.userId, publishedAt: now });
      if (questionId && !(await tenderRepo.answerQuestion(tx, questionId, clarificationId))) throw new AppError('conflict', 'question.answered', text('这个问题已经答复过了。', 'This question was answered already.'));
      if (moved.pushed) {
        await tenderRepo.update(tx, id, { deadline: moved.timeline.deadline, openingAt: moved.timeline.openingAt, updatedAt: now });
        await tenderRepo.insertAmendment(tx, { organizationId: ctx.orgId, tenderId: id, actorId: ctx.userId, reason: text('澄清发出距截止不足法定期限，截止时间顺延', 'Clarification within the legal period before the deadline: the deadline moves').en, material: false, changes: { clarificationId, deadlinePushed: true }, oldDeadline: t.deadline, newDeadline: moved.timeline.deadline, freezeHash: t.freezeHash!, at: now });
      } else await tenderRepo.update(tx, id, { updatedAt: now });
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: id, projectId: t.projectId, action: 'tender.clarified', data: { question: question.slice(0, 300) } });
      await recordAudit(tx, ctx, { at: now, action: 'tender.clarified', tenderId: id, subjectId: clarificationId, data: { questionId, deadline: moved.timeline.deadline.toISOString() } });
      told = await tellConcerned(tx, ctx, deps, id, { kind: 'clarification', tenderId: id, title: text(`招标澄清：${t.number}`, `Clarification: ${t.number}`), body: text(`问：${question}\n答：${body.answer}`, `Q: ${question}\nA: ${body.answer}`), link: `/supplier/tenders/${id}` }, now);
      return tenderService.buyerView(tx, deps, ctx, (await tenderRepo.get(tx, id))!);
    });
    emitTender(deps.events, [ctx.orgId, ...told], id);
    return out;
  },

  /** The organization's members and their key-holder keys (public half, salt and scrypt parameters only). */
  async keyHolders(db: Db, ctx: TenantContext) {
    requireBuyer(ctx);
    return readTenant(db, ctx, async (tx) => ({
      items: (await tenderRepo.keyHolders(tx, ctx.orgId)).map((h) => ({ userId: h.userId, name: h.name, email: h.email, enrolled: !!h.record, record: (h.record as z.infer<typeof KeyHolderEnrol> | null) ?? null })),
    }));
  },

  /** A member sets up (or replaces) their own key-holder key, made in their browser from their passphrase. */
  async enrol(deps: TenderDeps, ctx: TenantContext, record: z.infer<typeof KeyHolderEnrol>) {
    requireBuyer(ctx);
    const salt = fromBase64(record.salt);
    const pub = fromBase64(record.publicKey);
    const issues = [];
    if (!salt || salt.length < 16) issues.push({ field: 'body.salt', message: text('必须是至少 16 字节的 base64', 'must be base64 of at least 16 bytes'), code: 'invalid' });
    if (!pub || pub.length !== 32) issues.push({ field: 'body.publicKey', message: text('必须是 32 字节的 X25519 公钥（base64）', 'must be a 32-byte X25519 public key in base64'), code: 'invalid' });
    const { N, r, p } = record.scrypt;
    if (N < MIN_SCRYPT_N || (N & (N - 1)) !== 0 || N > 2 ** 20 || r < DEFAULT_SCRYPT.r || r > 32 || p < 1 || p > 16) {
      issues.push({ field: 'body.scrypt', message: text(`scrypt 参数太弱：N 须为 2 的幂且不小于 ${MIN_SCRYPT_N}，r 不小于 8`, `scrypt parameters too weak: N a power of two of at least ${MIN_SCRYPT_N}, r at least 8`), code: 'weak' });
    }
    if (issues.length) throw issuesError(issues);
    const now = deps.clock.now();
    await withTenant(deps.db, ctx, async (tx) => {
      await tenderRepo.enrolKeyHolder(tx, ctx.orgId, ctx.userId, record as HolderKeyRecord as never, now);
      await recordAudit(tx, ctx, { at: now, action: 'key_holder.enrolled', subjectId: ctx.userId, data: { publicKey: record.publicKey } });
    });
    return exchangeService.keyHolders(deps.db, ctx);
  },

  /** The tender's entries in the buyer's audit chain, newest first (every view of sealed data and refusal included). */
  async audit(db: Db, ctx: TenantContext, id: string) {
    requireBuyer(ctx);
    return readTenant(db, ctx, async (tx) => {
      await ownTender(tx, ctx, id);
      const rows = await auditRepo.forTender(tx, ctx.orgId, id, 500);
      const names = await organizationService.memberNames(db, ctx.orgId);
      return { items: rows.map((r) => ({ seq: Number(r.seq), at: new Date(r.at).toISOString(), actorId: r.actorId, actorName: r.actorId ? names.get(r.actorId) ?? null : null, action: r.action, subjectId: r.subjectId, data: r.data, hash: r.hash })) };
    });
  },
};
