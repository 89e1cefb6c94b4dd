// The supplier registry and certification (供应商认证, seed 004): the buyer
// registers suppliers (organizations on Procura, or companies invited by an
// e-mail link) and certifies them per category on quality, delivery and credit
// (domain/buy/certification.ts); a supplier applies from its own portal with
// documents. Every decision goes to the audit chain; the supplier is told.
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../../server/sealing-node';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { checkCertDecision, certStatusAt, type CertStatus } from '../../domain/buy/certification';
import { CATEGORY_LABELS, CERT_STATUS_LABELS } from '../../domain/buy/labels';
import { text } from '../../domain/i18n';
import { AppError, forbidden, invalidField, notFound, unknownRef } from '../../server/errors';
import type { Clock } from '../../server/clock';
import { recordAudit } from '../audit/service';
import { notificationService } from '../notifications/service';
import { organizationService } from '../organizations/service';
import { recordActivity } from '../shared/activity';
import { decodeFile, type FileUpload } from '../shared/files';
import { requireBuyer, requireSupplier } from '../shared/sides';
import { supplierPolicy } from './policy';
import { supplierRepo, type CertRow, type SupplierRow } from './repository';
import type { CertificationDecision, CertificationOpen, SupplierApplication, SupplierCreate, SupplierListQuery } from './schema';

type Deps = { db: Db; clock: Clock; config: { baseUrl: string } };

const hashToken = (t: string) => sha256Hex(t);

function presentCert(c: CertRow, docs: Awaited<ReturnType<typeof supplierRepo.documents>>, now: Date) {
  return {
    id: c.id,
    supplierId: c.supplierId,
    category: c.category as never,
    status: certStatusAt(c.status as CertStatus, c.validUntil, now),
    scores: c.scores,
    levels: c.levels as never,
    documents: docs.filter((d) => d.certificationId === c.id).map((d) => ({ id: d.id, name: d.name, mediaType: d.mediaType, size: d.size, sha256: d.sha256 })),
    note: c.note,
    reason: c.reason,
    reviewerName: c.reviewerName,
    reviewedAt: c.reviewedAt?.toISOString() ?? null,
    validUntil: c.validUntil?.toISOString() ?? null,
    appliedAt: c.appliedAt.toISOString(),
  };
}

async function withCerts(tx: Tx, rows: SupplierRow[], now: Date) {
  const certs = await supplierRepo.certsOf(tx, rows.map((r) => r.id));
  const docs = await supplierRepo.documents(tx, certs.map((c) => c.id));
  return rows.map((s) => ({ s, certs: certs.filter((c) => c.supplierId === s.id).map((c) => presentCert(c, docs, now)) }));
}

const presentSupplier = (s: SupplierRow, certs: ReturnType<typeof presentCert>[], inviteUrl: string | null = null) => ({
  id: s.id,
  name: s.name,
  supplierOrgId: s.supplierOrgId,
  contactEmail: s.contactEmail,
  onPlatform: s.supplierOrgId !== null,
  certifications: certs,
  inviteUrl,
  createdAt: s.createdAt.toISOString(),
});

function requireManager(ctx: TenantContext) {
  if (!supplierPolicy.manage(ctx.role)) throw forbidden('supplier.forbidden', text('只有经理及以上可以管理供应商与认证。', 'Managers and up manage suppliers and certifications.'));
}

export const supplierService = {
  async list(deps: Deps, ctx: TenantContext, q: z.infer<typeof SupplierListQuery>) {
    requireBuyer(ctx);
    const now = deps.clock.now();
    return readTenant(deps.db, ctx, async (tx) => {
      const rows = await supplierRepo.list(tx, ctx.orgId, { q: q.q, category: q.category, certified: q.certified === undefined ? undefined : q.certified === 'true' });
      return { items: (await withCerts(tx, rows, now)).map((r) => presentSupplier(r.s, r.certs)) };
    });
  },

  async get(deps: Deps, ctx: TenantContext, id: string) {
    requireBuyer(ctx);
    return readTenant(deps.db, ctx, (tx) => supplierService.getIn(tx, ctx, id, deps.clock.now()));
  },

  async getIn(tx: Tx, ctx: TenantContext, id: string, now: Date, inviteUrl: string | null = null) {
    const s = await supplierRepo.get(tx, id);
    if (!s || s.organizationId !== ctx.orgId) throw notFound('supplier');
    const [r] = await withCerts(tx, [s], now);
    return presentSupplier(r!.s, r!.certs, inviteUrl);
  },

  /** Registers a supplier: an organization on Procura, or a company invited by e-mail (the link is shown once). */
  async add(deps: Deps, ctx: TenantContext, body: z.infer<typeof SupplierCreate>) {
    requireBuyer(ctx);
    requireManager(ctx);
    const now = deps.clock.now();
    if ('supplierOrgId' in body) {
      const org = (await organizationService.names(deps.db, [body.supplierOrgId])).get(body.supplierOrgId);
      if (!org || org.kind === 'buyer' || body.supplierOrgId === ctx.orgId) throw unknownRef('body.supplierOrgId', 'supplier');
      return withTenant(deps.db, ctx, async (tx) => {
        const row = await supplierRepo.insert(tx, { organizationId: ctx.orgId, supplierOrgId: body.supplierOrgId, name: org.name, createdAt: now });
        if (!row) throw new AppError('conflict', 'supplier.exists', text('该供应商已在供应商库中。', 'This supplier is in the registry already.'));
        await recordActivity(tx, ctx, { entityType: 'supplier', entityId: row.id, action: 'supplier.added', data: { name: org.name } });
        await recordAudit(tx, ctx, { at: now, action: 'supplier.added', subjectId: row.id, data: { supplierOrgId: body.supplierOrgId } });
        return supplierService.getIn(tx, ctx, row.id, now);
      });
    }
    const buyerName = (await organizationService.names(deps.db, [ctx.orgId])).get(ctx.orgId)?.name ?? '';
    const token = randomBytes(32).toString('base64url');
    const inviteUrl = `${deps.config.baseUrl}/supplier-invite/${token}`;
    return withTenant(deps.db, ctx, async (tx) => {
      const row = (await supplierRepo.insert(tx, { organizationId: ctx.orgId, name: body.name, contactEmail: body.contactEmail.toLowerCase(), inviteTokenHash: hashToken(token), createdAt: now }))!;
      await notificationService.mail(
        tx,
        ctx,
        body.contactEmail,
        text('邀请您注册为供应商', 'You are invited to register as a supplier'),
        `您好，${body.name}：\n${buyerName} 邀请贵公司在 Procura 上注册为供应商，参加其在线招标。请通过以下链接注册：\n${inviteUrl}\n\nHello ${body.name},\n${buyerName} invites your company to register as a supplier on Procura and take part in its online tenders. Sign up here:\n${inviteUrl}\n\n— Procura`,
        now,
      );
      await recordActivity(tx, ctx, { entityType: 'supplier', entityId: row.id, action: 'supplier.invited', data: { name: body.name, email: body.contactEmail } });
      await recordAudit(tx, ctx, { at: now, action: 'supplier.invited', subjectId: row.id, data: { name: body.name, email: body.contactEmail } });
      return supplierService.getIn(tx, ctx, row.id, now, inviteUrl);
    });
  },

  /** The buyer opens a certification of a registered supplier for a category (or re-opens a rejected or expired one). */
  async openCertification(deps: Deps, ctx: TenantContext, supplierId: string, body: z.infer<typeof CertificationOpen>) {
    requireBuyer(ctx);
    requireManager(ctx);
    const now = deps.clock.now();
    return withTenant(deps.db, ctx, async (tx) => {
      const s = await supplierRepo.get(tx, supplierId, { forUpdate: true });
      if (!s || s.organizationId !== ctx.orgId) throw notFound('supplier');
      const id = await upsertApplication(tx, { buyerOrgId: ctx.orgId, supplier: s, category: body.category, note: body.note ?? null, now });
      await recordActivity(tx, ctx, { entityType: 'certification', entityId: id, action: 'certification.opened', data: { supplier: s.name, category: body.category } });
      await recordAudit(tx, ctx, { at: now, action: 'certification.opened', subjectId: id, data: { supplierId, category: body.category } });
      return supplierService.getIn(tx, ctx, supplierId, now);
    });
  },

  /** A reviewer's decision: certify (with the three scores and a validity), reject, suspend, blacklist, reinstate. */
  async decide(deps: Deps, ctx: TenantContext, certId: string, body: z.infer<typeof CertificationDecision>) {
    requireBuyer(ctx);
    requireManager(ctx);
    const now = deps.clock.now();
    return withTenant(deps.db, ctx, async (tx) => {
      const c = await supplierRepo.cert(tx, certId, { forUpdate: true });
      if (!c || c.organizationId !== ctx.orgId) throw notFound('certification');
      const from = certStatusAt(c.status as CertStatus, c.validUntil, now);
      const verdict = checkCertDecision(from, { to: body.to, scores: body.scores, validUntil: body.validUntil ? new Date(body.validUntil) : undefined, reason: body.reason }, now);
      if (!verdict.ok) {
        if (verdict.code === 'cert.scores') throw invalidField('body.scores', verdict.message.text, 'required');
        if (verdict.code === 'cert.validity') throw invalidField('body.validUntil', verdict.message.text, 'invalid');
        if (verdict.code === 'cert.reason') throw invalidField('body.reason', verdict.message.text, 'required');
        if (verdict.code === 'cert.failing') throw invalidField('body.scores', verdict.message.text, 'failing');
        throw new AppError('state', verdict.code, verdict.message.text);
      }
      const certified = body.to === 'certified';
      await supplierRepo.updateCert(tx, certId, {
        status: body.to,
        ...(certified ? { scores: body.scores as Record<string, number>, levels: verdict.levels as Record<string, string>, validUntil: new Date(body.validUntil!), reason: null } : { reason: body.reason ?? null }),
        reviewerId: ctx.userId,
        reviewedAt: now,
        updatedAt: now,
      });
      await recordActivity(tx, ctx, { entityType: 'certification', entityId: certId, action: `certification.${body.to}`, data: { from, category: c.category, reason: body.reason ?? null } });
      await recordAudit(tx, ctx, { at: now, action: `certification.${body.to}`, subjectId: certId, data: { from, category: c.category, scores: body.scores ?? null, validUntil: body.validUntil ?? null, reason: body.reason ?? null } });
      const cat = CATEGORY_LABELS[c.category as keyof typeof CATEGORY_LABELS] ?? text(c.category, c.category);
      if (c.supplierOrgId) {
        const buyerName = (await organizationService.names(deps.db, [ctx.orgId])).get(ctx.orgId)?.name ?? '';
        await notificationService.notify(
          tx,
          ctx,
          deps.db,
          [c.supplierOrgId],
          {
            kind: 'certification',
            title: text(`${buyerName}：${cat['zh-CN']}类认证结果`, `${buyerName}: certification for ${cat.en}`),
            body: text(`您在${cat['zh-CN']}类别的供应商认证现为：${CERT_STATUS_LABELS[body.to]['zh-CN']}。${body.reason ? `原因：${body.reason}` : ''}`, `Your supplier certification for ${cat.en} is now: ${CERT_STATUS_LABELS[body.to].en.toLowerCase()}.${body.reason ? ` Reason: ${body.reason}` : ''}`),
            link: '/supplier/registrations',
          },
          now,
          deps.config.baseUrl,
        );
      }
      return supplierService.getIn(tx, ctx, c.supplierId, now);
    });
  },

  /** A document for a certification: by the buyer, or by the supplier for its own application. */
  async addDocument(deps: Deps, ctx: TenantContext, certId: string, file: z.infer<typeof FileUpload>) {
    const now = deps.clock.now();
    const f = decodeFile(file);
    return withTenant(deps.db, ctx, async (tx) => {
      const c = await supplierRepo.cert(tx, certId);
      if (!c) throw notFound('certification');
      const asBuyer = c.organizationId === ctx.orgId;
      if (asBuyer) requireManager(ctx);
      else if (c.supplierOrgId !== ctx.orgId) throw notFound('certification');
      await supplierRepo.insertDocument(tx, { organizationId: c.organizationId, certificationId: certId, supplierOrgId: c.supplierOrgId, name: f.name, mediaType: f.mediaType, size: f.size, sha256: f.sha256, content: f.content, uploadedBy: ctx.userId, createdAt: now });
      if (asBuyer) await recordAudit(tx, ctx, { at: now, action: 'certification.document_added', subjectId: certId, data: { name: f.name, sha256: f.sha256, size: f.size } });
      return { name: f.name, mediaType: f.mediaType, size: f.size, sha256: f.sha256 };
    });
  },

  async document(deps: Deps, ctx: TenantContext, id: string) {
    return readTenant(deps.db, ctx, async (tx) => {
      const d = await supplierRepo.document(tx, id);
      if (!d) throw notFound('document');
      return d;
    });
  },

  // ——— The supplier's own portal ———

  /** The buyers this organization is registered with, and its certifications with each. */
  async registrations(deps: Deps, ctx: TenantContext) {
    requireSupplier(ctx);
    return readTenant(deps.db, ctx, (tx) => registrationsIn(tx, deps, ctx));
  },

  /** Registers this organization with a buyer (what an open tender needs); returns the registration. */
  async register(deps: Deps, ctx: TenantContext, buyerOrgId: string) {
    requireSupplier(ctx);
    const buyer = (await organizationService.names(deps.db, [buyerOrgId])).get(buyerOrgId);
    if (!buyer || buyer.kind === 'seller' || buyerOrgId === ctx.orgId) throw unknownRef('body.buyerOrgId', 'organization');
    const now = deps.clock.now();
    return withTenant(deps.db, ctx, async (tx) => {
      await ensureRegistered(tx, ctx, buyerOrgId, now);
      return (await registrationsIn(tx, deps, ctx)).items.find((r) => r.buyerOrgId === buyerOrgId)!;
    });
  },

  /** A supplier applies for certification with a buyer, from its own portal (registering first when it is not yet). */
  async apply(deps: Deps, ctx: TenantContext, body: z.infer<typeof SupplierApplication>) {
    requireSupplier(ctx);
    const buyer = (await organizationService.names(deps.db, [body.buyerOrgId])).get(body.buyerOrgId);
    if (!buyer || buyer.kind === 'seller' || body.buyerOrgId === ctx.orgId) throw unknownRef('body.buyerOrgId', 'organization');
    const now = deps.clock.now();
    return withTenant(deps.db, ctx, async (tx) => {
      const s = await ensureRegistered(tx, ctx, body.buyerOrgId, now);
      const id = await upsertApplication(tx, { buyerOrgId: body.buyerOrgId, supplier: s, category: body.category, note: body.note ?? null, now });
      const cat = CATEGORY_LABELS[body.category];
      await notificationService.notify(
        tx,
        ctx,
        deps.db,
        [body.buyerOrgId],
        { kind: 'certification', title: text(`${s.name} 申请${cat['zh-CN']}类认证`, `${s.name} applies for certification in ${cat.en}`), body: text(`供应商 ${s.name} 提交了${cat['zh-CN']}类的认证申请。`, `The supplier ${s.name} applied for certification in ${cat.en}.`), link: `/buy/suppliers/${s.id}` },
        now,
        deps.config.baseUrl,
      );
      await recordActivity(tx, ctx, { entityType: 'certification', entityId: id, action: 'certification.applied', data: { buyer: buyer.name, category: body.category } });
      return (await registrationsIn(tx, deps, ctx)).items.find((r) => r.buyerOrgId === body.buyerOrgId)!;
    });
  },

  /** A company invited by e-mail, now signed up as a supplier organization, takes up the invitation. */
  async acceptInvite(deps: Deps, ctx: TenantContext, token: string) {
    requireSupplier(ctx);
    return withTenant(deps.db, ctx, async (tx) => {
      let buyer: string | null;
      try {
        buyer = await supplierRepo.acceptInvite(tx, hashToken(token));
      } catch (e) {
        if ((e as { hint?: string }).hint === 'already_registered') throw new AppError('conflict', 'supplier.exists', text('贵组织已在该采购方的供应商库中。', "Your organization is in this buyer's registry already."));
        throw e;
      }
      if (!buyer) throw notFound('invitation');
      await recordActivity(tx, ctx, { entityType: 'organization', entityId: ctx.orgId, action: 'supplier.invite_accepted', data: { buyerOrgId: buyer } });
      return (await registrationsIn(tx, deps, ctx)).items.find((r) => r.buyerOrgId === buyer)!;
    });
  },

  /** Buyers a supplier may register with, by name. */
  async buyers(deps: Deps, ctx: TenantContext, q: string | undefined) {
    requireSupplier(ctx);
    return { items: (await organizationService.directory(deps.db, ['buyer', 'both'], q)).filter((o) => o.id !== ctx.orgId) };
  },

  /** Organizations a buyer may add as suppliers, by name. */
  async directory(deps: Deps, ctx: TenantContext, q: string | undefined) {
    requireBuyer(ctx);
    return { items: (await organizationService.directory(deps.db, ['seller', 'both'], q)).filter((o) => o.id !== ctx.orgId) };
  },

  /** This supplier organization's entry in a buyer's registry, made when missing (bidding in an open tender registers it). */
  ensureRegistered: (tx: Tx, ctx: TenantContext, buyerOrgId: string, now: Date) => ensureRegistered(tx, ctx, buyerOrgId, now),

  /** The certifications of registry entries (for invitations). */
  certsFor(tx: Tx, supplierIds: string[]) {
    return supplierRepo.certsOf(tx, supplierIds);
  },

  /** The certifications of a supplier organization with one buyer, as the bidder sees them (for tenders). */
  async standing(tx: Tx, buyerOrgId: string, supplierOrgId: string) {
    const s = await supplierRepo.byOrg(tx, buyerOrgId, supplierOrgId);
    if (!s) return null;
    return { supplier: s, certs: await supplierRepo.certsOf(tx, [s.id]) };
  },
};

/** This supplier organization's registrations with buyers and its certifications there (inside a transaction). */
async function registrationsIn(tx: Tx, deps: Deps, ctx: TenantContext) {
  const rows = await supplierRepo.registrations(tx, ctx.orgId);
  const names = await organizationService.names(deps.db, rows.map((r) => r.organizationId));
  const full = await withCerts(tx, rows, deps.clock.now());
  return { items: full.map((r) => ({ supplierId: r.s.id, buyerOrgId: r.s.organizationId, buyerName: names.get(r.s.organizationId)?.name ?? '', certifications: r.certs, createdAt: r.s.createdAt.toISOString() })) };
}

/** This supplier organization's entry in a buyer's registry, made when missing (the registration policy of src/db/schema/buy.ts). */
async function ensureRegistered(tx: Tx, ctx: TenantContext, buyerOrgId: string, now: Date): Promise<SupplierRow> {
  const existing = await supplierRepo.byOrg(tx, buyerOrgId, ctx.orgId);
  if (existing) return existing;
  const me = (await organizationService.names(tx as unknown as Db, [ctx.orgId])).get(ctx.orgId);
  const row = await supplierRepo.insert(tx, { organizationId: buyerOrgId, supplierOrgId: ctx.orgId, name: me?.name ?? '', createdAt: now });
  return row ?? (await supplierRepo.byOrg(tx, buyerOrgId, ctx.orgId))!;
}

/** An application for a category: new, or again after a rejection or expiry; refused while one is open or certified. */
async function upsertApplication(tx: Tx, a: { buyerOrgId: string; supplier: SupplierRow; category: string; note: string | null; now: Date }): Promise<string> {
  const existing = await supplierRepo.certFor(tx, a.supplier.id, a.category);
  if (existing) {
    const status = certStatusAt(existing.status as CertStatus, existing.validUntil, a.now);
    if (status !== 'rejected' && status !== 'expired') {
      throw new AppError('conflict', 'certification.exists', text(`该类别已有认证记录（当前：${CERT_STATUS_LABELS[status]['zh-CN']}）。`, `There is a certification for this category already (${CERT_STATUS_LABELS[status].en}).`));
    }
    const applied = await supplierRepo.updateCert(tx, existing.id, { status: 'applied', note: a.note, reason: null, reviewerId: null, reviewedAt: null, appliedAt: a.now, updatedAt: a.now }, { fromStatus: existing.status });
    if (!applied) {
      // The buyer decided meanwhile, or a validity just ended is not yet recorded by the clock (within a minute).
      throw new AppError('conflict', 'certification.changed', text('该认证的状态刚刚发生变化（到期状态由定时任务在一分钟内记录），请稍后重试。', "This certification's state has just changed (an expiry is recorded by the clock within a minute): try again shortly."));
    }
    return existing.id;
  }
  const id = await supplierRepo.insertCert(tx, { organizationId: a.buyerOrgId, supplierId: a.supplier.id, supplierOrgId: a.supplier.supplierOrgId, category: a.category, status: 'applied', note: a.note, appliedAt: a.now, updatedAt: a.now });
  if (!id) throw new AppError('conflict', 'certification.exists', text('该类别已有认证记录。', 'There is a certification for this category already.'));
  return id;
}
