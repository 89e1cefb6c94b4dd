// Use cases of the organization: sign-up, who am I, members, invitations,
// settings. Each: guard → state check → transaction → activity record.
import { and, eq } from 'drizzle-orm';
import { DEFAULT_RISK_THRESHOLDS, validateRiskThresholds } from '../../domain/risks';
import { getBuiltInModel } from '../../domain/process-models';
import type { Db } from '../../db/client';
import { invitation, member, orgSettings, processModels, user } from '../../db/schema/index';
import { withTenant, type OrgKind, type OrgRole, type TenantContext } from '../../db/tenant';
import { AppError, issuesError, invalidField, notFound } from '../../server/errors';
import type { Auth, Principals } from '../../server/auth';
import { recordActivity } from '../shared/activity';
import { assertCan, orgPolicy } from './policy';
import { orgRepo } from './repository';
import type { z } from 'zod';
import type { SettingsPatch, SignUpBody } from './schema';
import { text } from '../../domain/i18n';

export interface OrgDeps {
  db: Db;
  auth: Auth;
  principals: Principals;
}

function slugify(name: string) {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${base || 'org'}-${crypto.randomUUID().slice(0, 8)}`;
}

export const organizationService = {
  /**
   * Creates the user (better-auth, argon2id) and either a new organization it owns
   * or its membership through an invitation. Returns better-auth's cookies.
   */
  async signUp(deps: OrgDeps, body: z.infer<typeof SignUpBody>) {
    const { db, auth } = deps;
    let inv: Awaited<ReturnType<typeof orgRepo.invitation>> = null;
    if (body.invitationId) {
      inv = await orgRepo.invitation(db, body.invitationId);
      if (!inv || inv.inv.status !== 'pending' || inv.inv.expiresAt < new Date()) throw notFound('invitation');
      if (inv.inv.email.toLowerCase() !== body.email.toLowerCase()) {
        throw invalidField('body.email', text('必须是收到邀请的邮箱地址', 'must be the address the invitation was sent to'), 'invitation_email_mismatch');
      }
    }
    const emailTaken = () => new AppError('conflict', 'auth.email_taken', text('该邮箱已注册，请直接登录。', 'An account with this email exists; sign in instead.'), [{ field: 'body.email', message: text('已注册', 'is already registered'), code: 'email_taken' }]);
    const registered = async () => (await db.select({ id: user.id }).from(user).where(eq(user.email, body.email.toLowerCase())).limit(1)).length > 0;
    if (await registered()) throw emailTaken();

    const res = await auth.api.signUpEmail({
      body: { name: body.name, email: body.email, password: body.password, locale: body.locale ?? null } as never,
      asResponse: true,
    });
    if (!res.ok) {
      // A sign-up with the same address that got there first (the address is unique in the database).
      if (await registered()) throw emailTaken();
      const reason = await res.text();
      throw new AppError('invalid', 'auth.sign_up_failed', text(`注册失败：${reason}`, `Sign-up failed: ${reason}`));
    }
    const cookies = res.headers.getSetCookie();
    const created = (await res.json()) as { user: { id: string } };
    const userId = created.user.id;
    const cookieHeader = cookies.map((c) => c.split(';')[0]).join('; ');
    try {
      let orgId: string;
      if (inv) {
        orgId = inv.inv.organizationId;
        await db.transaction(async (tx) => {
          await tx.insert(member).values({ organizationId: orgId, userId, role: inv!.inv.role ?? 'member' });
          await tx.update(invitation).set({ status: 'accepted' }).where(eq(invitation.id, inv!.inv.id));
        });
        await auth.api.setActiveOrganization({ body: { organizationId: orgId }, headers: new Headers({ cookie: cookieHeader }) });
        await withTenant(db, { orgId, userId }, (tx) =>
          recordActivity(tx, { orgId, userId }, { entityType: 'member', entityId: userId, action: 'member.joined', data: { role: inv!.inv.role, via: 'invitation' } }),
        );
      } else {
        const org = await auth.api.createOrganization({
          body: { name: body.organizationName!, slug: slugify(body.organizationName!), kind: body.organizationKind } as never,
          headers: new Headers({ cookie: cookieHeader }),
        });
        orgId = (org as { id: string }).id;
        await withTenant(db, { orgId, userId }, async (tx) => {
          await orgRepo.ensureSettings(tx, orgId);
          await recordActivity(tx, { orgId, userId }, { entityType: 'organization', entityId: orgId, action: 'organization.created', data: { kind: body.organizationKind } });
        });
      }
      return { cookies, userId, orgId };
    } catch (e) {
      // Nothing half-written: without its organization the new user is removed again.
      await db.delete(user).where(eq(user.id, userId));
      throw e;
    }
  },

  async me(deps: OrgDeps, ctx: TenantContext) {
    const [u, orgs, settings] = await Promise.all([
      orgRepo.user(deps.db, ctx.userId),
      orgRepo.organizationsOf(deps.db, ctx.userId),
      withTenant(deps.db, ctx, (tx) => orgRepo.ensureSettings(tx, ctx.orgId)),
    ]);
    const current = orgs.find((o) => o.id === ctx.orgId);
    if (!u || !current) throw notFound('organization');
    return {
      user: u,
      organization: current,
      role: ctx.role,
      settings: presentSettings(settings),
      organizations: orgs,
    };
  },

  /** The directory of organizations of these kinds (public: name and kind). */
  async directory(db: Db, kinds: OrgKind[], q: string | undefined, limit = 50) {
    return (await orgRepo.directory(db, kinds, q, limit)).map((o) => ({ id: o.id, name: o.name, kind: o.kind as OrgKind }));
  },

  /** Names and kinds of organizations by id (what another organization may know of them). */
  names(db: Db, ids: string[]) {
    return orgRepo.names(db, [...new Set(ids)]);
  },

  /** People by id: name and e-mail. */
  async people(db: Db, ids: string[]): Promise<Map<string, { name: string; email: string }>> {
    if (!ids.length) return new Map();
    return new Map((await orgRepo.usersBy(db, { ids: [...new Set(ids)] })).map((u) => [u.id, { name: u.name, email: u.email }]));
  },

  /** A Procura user by e-mail, or null. */
  async personByEmail(db: Db, email: string): Promise<{ id: string; name: string; email: string } | null> {
    return (await orgRepo.usersBy(db, { emails: [email] }))[0] ?? null;
  },

  /** userId → the organizations the person belongs to. */
  async membershipsOf(db: Db, userIds: string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    for (const r of await orgRepo.membershipsOf(db, [...new Set(userIds)])) {
      if (!out.has(r.userId)) out.set(r.userId, new Set());
      out.get(r.userId)!.add(r.orgId);
    }
    return out;
  },

  async memberNames(db: Db, orgId: string): Promise<Map<string, string>> {
    return new Map((await orgRepo.members(db, orgId)).map((m) => [m.userId, m.name]));
  },

  adminEmails(db: Db, orgIds: string[]) {
    return orgRepo.adminEmails(db, orgIds);
  },

  async switchOrganization(deps: OrgDeps, ctx: TenantContext, organizationId: string, headers: Headers) {
    const role = await deps.principals.role(ctx.userId, organizationId);
    if (!role) throw notFound('organization');
    await deps.auth.api.setActiveOrganization({ body: { organizationId }, headers });
    deps.principals.invalidateUser(ctx.userId);
  },

  async settings(deps: OrgDeps, ctx: TenantContext) {
    return presentSettings(await withTenant(deps.db, ctx, (tx) => orgRepo.ensureSettings(tx, ctx.orgId)));
  },

  async updateSettings(deps: OrgDeps, ctx: TenantContext, patch: z.infer<typeof SettingsPatch>) {
    assertCan(orgPolicy.editSettings(ctx.role), 'settings.forbidden', text('只有所有者和管理员可以修改设置。', 'Only owners and admins change settings.'));
    if (patch.riskThresholds) {
      const v = validateRiskThresholds({ ...DEFAULT_RISK_THRESHOLDS, ...patch.riskThresholds });
      if (!v.ok) {
        throw issuesError(v.issues.map((i) => ({ field: `body.riskThresholds.${i.path}`, message: i.message.text, code: i.message.code })));
      }
    }
    return withTenant(deps.db, ctx, async (tx) => {
      const before = await orgRepo.ensureSettings(tx, ctx.orgId);
      if (patch.defaultProcessModel && !getBuiltInModel(patch.defaultProcessModel)) {
        const custom = await tx
          .select({ id: processModels.id })
          .from(processModels)
          .where(and(eq(processModels.organizationId, ctx.orgId), eq(processModels.key, patch.defaultProcessModel)))
          .limit(1);
        if (!custom.length) throw invalidField('body.defaultProcessModel', text('不是本组织的采购流程模型', 'is not a process model of this organization'), 'unknown_process_model');
      }
      const [after] = await tx
        .update(orgSettings)
        .set({
          ...(patch.opportunityVisibility ? { opportunityVisibility: patch.opportunityVisibility } : {}),
          ...(patch.defaultProcessModel ? { defaultProcessModel: patch.defaultProcessModel } : {}),
          ...(patch.riskThresholds ? { riskThresholds: { ...(before.riskThresholds ?? {}), ...patch.riskThresholds } } : {}),
          updatedAt: new Date(),
        })
        .where(eq(orgSettings.organizationId, ctx.orgId))
        .returning();
      await recordActivity(tx, ctx, { entityType: 'organization', entityId: ctx.orgId, action: 'settings.updated', data: { changes: patch } });
      return presentSettings(after!);
    });
  },

  members: (deps: OrgDeps, ctx: TenantContext) => orgRepo.members(deps.db, ctx.orgId),

  async changeRole(deps: OrgDeps, ctx: TenantContext, memberId: string, role: OrgRole) {
    const m = await orgRepo.member(deps.db, ctx.orgId, memberId);
    if (!m) throw notFound('member');
    assertCan(orgPolicy.assignRole(ctx.role, m.role as OrgRole, role), 'member.forbidden', text('你无权授予或收回这个角色。', 'You may not give or take this role.'));
    if (m.role === 'owner' && role !== 'owner' && (await orgRepo.ownerCount(deps.db, ctx.orgId)) <= 1) {
      throw new AppError('state', 'member.last_owner', text('组织至少要保留一位所有者。', 'An organization keeps at least one owner.'));
    }
    await deps.db.transaction(async (tx) => {
      await tx.update(member).set({ role }).where(eq(member.id, memberId));
    });
    await withTenant(deps.db, ctx, (tx) => recordActivity(tx, ctx, { entityType: 'member', entityId: m.userId, action: 'member.role_changed', data: { changes: { role: [m.role, role] } } }));
    deps.principals.invalidateUser(m.userId);
    return (await orgRepo.members(deps.db, ctx.orgId)).find((x) => x.id === memberId)!;
  },

  async removeMember(deps: OrgDeps, ctx: TenantContext, memberId: string) {
    const m = await orgRepo.member(deps.db, ctx.orgId, memberId);
    if (!m) throw notFound('member');
    const self = m.userId === ctx.userId;
    assertCan(self || orgPolicy.assignRole(ctx.role, m.role as OrgRole, 'member'), 'member.forbidden', text('你无权移除这位成员。', 'You may not remove this member.'));
    if (m.role === 'owner' && (await orgRepo.ownerCount(deps.db, ctx.orgId)) <= 1) {
      throw new AppError('state', 'member.last_owner', text('组织至少要保留一位所有者。', 'An organization keeps at least one owner.'));
    }
    await deps.db.delete(member).where(eq(member.id, memberId));
    await withTenant(deps.db, ctx, (tx) => recordActivity(tx, ctx, { entityType: 'member', entityId: m.userId, action: 'member.removed' }));
    deps.principals.invalidateUser(m.userId);
  },

  async invitations(deps: OrgDeps, ctx: TenantContext, baseUrl: string) {
    assertCan(orgPolicy.manageMembers(ctx.role), 'invitation.forbidden', text('只有所有者和管理员可以管理邀请。', 'Only owners and admins manage invitations.'));
    return (await orgRepo.invitations(deps.db, ctx.orgId)).map((i) => presentInvitation(i, baseUrl));
  },

  async invite(deps: OrgDeps, ctx: TenantContext, body: { email: string; role: OrgRole }, baseUrl: string) {
    assertCan(orgPolicy.manageMembers(ctx.role), 'invitation.forbidden', text('只有所有者和管理员可以邀请成员。', 'Only owners and admins invite members.'));
    const email = body.email.toLowerCase();
    // One transaction: the invitation and its activity record (and an Idempotency-Key) commit together.
    return withTenant(deps.db, ctx, async (tx) => {
      const already = await tx
        .select({ id: member.id })
        .from(member)
        .innerJoin(user, eq(user.id, member.userId))
        .where(and(eq(member.organizationId, ctx.orgId), eq(user.email, email)))
        .limit(1);
      if (already.length) throw new AppError('conflict', 'invitation.already_member', text('此人已是成员。', 'This person is already a member.'), [{ field: 'body.email', message: text('已是成员', 'is already a member'), code: 'already_member' }]);
      const [row] = await tx
        .insert(invitation)
        .values({ organizationId: ctx.orgId, email, role: body.role, status: 'pending', inviterId: ctx.userId, expiresAt: new Date(Date.now() + 14 * 86_400_000) })
        .returning();
      await recordActivity(tx, ctx, { entityType: 'invitation', entityId: row!.id, action: 'invitation.created', data: { email, role: body.role } });
      return presentInvitation(row!, baseUrl);
    });
  },

  async cancelInvitation(deps: OrgDeps, ctx: TenantContext, id: string) {
    assertCan(orgPolicy.manageMembers(ctx.role), 'invitation.forbidden', text('只有所有者和管理员可以管理邀请。', 'Only owners and admins manage invitations.'));
    const rows = await deps.db
      .update(invitation)
      .set({ status: 'canceled' })
      .where(and(eq(invitation.id, id), eq(invitation.organizationId, ctx.orgId), eq(invitation.status, 'pending')))
      .returning({ id: invitation.id });
    if (!rows.length) throw notFound('invitation');
  },

  async publicInvitation(deps: OrgDeps, id: string) {
    const found = await orgRepo.invitation(deps.db, id);
    if (!found) throw notFound('invitation');
    const { inv, orgName } = found;
    return { id: inv.id, organizationName: orgName, email: inv.email, role: (inv.role ?? 'member') as OrgRole, status: inv.status, expiresAt: inv.expiresAt.toISOString() };
  },

  /** A signed-in user accepts an invitation sent to their address. */
  async acceptInvitation(deps: OrgDeps, userId: string, email: string, id: string, headers: Headers) {
    const found = await orgRepo.invitation(deps.db, id);
    if (!found || found.inv.status !== 'pending' || found.inv.expiresAt < new Date()) throw notFound('invitation');
    if (found.inv.email.toLowerCase() !== email.toLowerCase()) throw new AppError('forbidden', 'invitation.other_email', text('该邀请发给的是另一个邮箱地址。', 'This invitation was sent to another address.'));
    const orgId = found.inv.organizationId;
    await deps.db.transaction(async (tx) => {
      await tx.insert(member).values({ organizationId: orgId, userId, role: found.inv.role ?? 'member' }).onConflictDoNothing();
      await tx.update(invitation).set({ status: 'accepted' }).where(eq(invitation.id, id));
    });
    await withTenant(deps.db, { orgId, userId }, (tx) =>
      recordActivity(tx, { orgId, userId }, { entityType: 'member', entityId: userId, action: 'member.joined', data: { role: found.inv.role, via: 'invitation' } }),
    );
    await deps.auth.api.setActiveOrganization({ body: { organizationId: orgId }, headers });
    deps.principals.invalidateUser(userId);
    return { organizationId: orgId };
  },
};

export function presentSettings(s: { opportunityVisibility: string; defaultProcessModel: string; riskThresholds: Record<string, unknown> | null }) {
  return {
    opportunityVisibility: s.opportunityVisibility as 'all' | 'own',
    defaultProcessModel: s.defaultProcessModel,
    riskThresholds: { ...DEFAULT_RISK_THRESHOLDS, ...(s.riskThresholds ?? {}) } as Record<string, unknown>,
  };
}

function presentInvitation(i: typeof invitation.$inferSelect, baseUrl: string) {
  return {
    id: i.id,
    email: i.email,
    role: (i.role ?? 'member') as OrgRole,
    status: i.status as 'pending' | 'accepted' | 'canceled' | 'rejected',
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
    link: `${baseUrl}/invite/${i.id}`,
  };
}

