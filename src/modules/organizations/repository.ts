// Data access for organizations, members, invitations and settings. Identity
// tables (member, invitation, organization) carry no RLS: every query here is
// scoped by the organization id of the caller's tenant context.
import { and, asc, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { invitation, member, organization, orgSettings, user } from '../../db/schema/index';

export const orgRepo = {
  organizationsOf(db: Db | Tx, userId: string) {
    return db
      .select({ id: organization.id, name: organization.name, slug: organization.slug, kind: organization.kind, createdAt: organization.createdAt, role: member.role })
      .from(member)
      .innerJoin(organization, eq(organization.id, member.organizationId))
      .where(eq(member.userId, userId))
      .orderBy(asc(member.createdAt));
  },
  /** People by id or by e-mail (name and e-mail: what a buyer may know of an expert or a committee member). */
  usersBy(db: Db | Tx, by: { ids?: string[]; emails?: string[] }) {
    const cond = by.ids ? inArray(user.id, by.ids.length ? by.ids : ['00000000-0000-0000-0000-000000000000']) : inArray(sql`lower(${user.email})`, (by.emails ?? []).map((e) => e.toLowerCase()));
    return db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(cond);
  },
  /** The organizations these people are members of (for conflicts of interest with bidders). */
  membershipsOf(db: Db | Tx, userIds: string[]) {
    if (!userIds.length) return Promise.resolve([]);
    return db.select({ userId: member.userId, orgId: member.organizationId }).from(member).where(inArray(member.userId, userIds));
  },
  async user(db: Db | Tx, userId: string) {
    const rows = await db.select({ id: user.id, name: user.name, email: user.email, locale: user.locale }).from(user).where(eq(user.id, userId)).limit(1);
    return rows[0] ?? null;
  },
  async settings(tx: Tx, orgId: string) {
    const rows = await tx.select().from(orgSettings).where(eq(orgSettings.organizationId, orgId)).limit(1);
    return rows[0] ?? null;
  },
  async ensureSettings(tx: Tx, orgId: string) {
    await tx.insert(orgSettings).values({ organizationId: orgId }).onConflictDoNothing();
    return (await this.settings(tx, orgId))!;
  },
  members(db: Db | Tx, orgId: string) {
    return db
      .select({ id: member.id, userId: member.userId, name: user.name, email: user.email, role: member.role, joinedAt: member.createdAt })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(eq(member.organizationId, orgId))
      .orderBy(asc(user.name));
  },
  async member(db: Db | Tx, orgId: string, memberId: string) {
    const rows = await db.select().from(member).where(and(eq(member.organizationId, orgId), eq(member.id, memberId))).limit(1);
    return rows[0] ?? null;
  },
  async ownerCount(db: Db | Tx, orgId: string) {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(member).where(and(eq(member.organizationId, orgId), eq(member.role, 'owner')));
    return rows[0]?.n ?? 0;
  },
  invitations(db: Db | Tx, orgId: string) {
    return db.select().from(invitation).where(eq(invitation.organizationId, orgId)).orderBy(asc(invitation.createdAt));
  },
  async invitation(db: Db | Tx, id: string) {
    const rows = await db
      .select({ inv: invitation, orgName: organization.name })
      .from(invitation)
      .innerJoin(organization, eq(organization.id, invitation.organizationId))
      .where(eq(invitation.id, id))
      .limit(1);
    return rows[0] ?? null;
  },
  /** Organizations of these kinds, by name: the directory a buyer finds suppliers in (and a supplier finds buyers). Public facts only. */
  directory(db: Db | Tx, kinds: string[], q: string | undefined, limit: number) {
    const conds = [inArray(organization.kind, kinds)];
    if (q) conds.push(ilike(organization.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    return db.select({ id: organization.id, name: organization.name, kind: organization.kind }).from(organization).where(and(...conds)).orderBy(asc(organization.name)).limit(limit);
  },
  async names(db: Db | Tx, ids: string[]): Promise<Map<string, { name: string; kind: string }>> {
    if (!ids.length) return new Map();
    const rows = await db.select({ id: organization.id, name: organization.name, kind: organization.kind }).from(organization).where(inArray(organization.id, ids));
    return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
  },
  /** E-mail addresses of the owners and admins of these organizations (where notifications are mailed). */
  adminEmails(db: Db | Tx, orgIds: string[]) {
    if (!orgIds.length) return Promise.resolve([]);
    return db
      .select({ orgId: member.organizationId, email: user.email })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(and(inArray(member.organizationId, orgIds), inArray(member.role, ['owner', 'admin'])));
  },
};
