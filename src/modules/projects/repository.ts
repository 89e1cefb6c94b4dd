// Procurement projects and their purchasing teams: this module's tables.
import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { activities, member, projects, projectTeam, tenders, user } from '../../db/schema/index';

export type ProjectRow = typeof projects.$inferSelect;

export const projectRepo = {
  async list(tx: Tx, orgId: string, q: { stage?: string[]; status?: string; limit: number; after: [string, string] | null }) {
    const conds: SQL[] = [eq(projects.organizationId, orgId)];
    if (q.stage?.length) conds.push(inArray(projects.stage, q.stage));
    if (q.status) conds.push(eq(projects.status, q.status));
    if (q.after) conds.push(or(lt(projects.updatedAt, new Date(q.after[0])), and(eq(projects.updatedAt, new Date(q.after[0])), lt(projects.id, q.after[1])))!);
    return tx
      .select({ p: projects, tenders: sql<number>`(select count(*)::int from ${tenders} t where t.project_id = "projects"."id")` })
      .from(projects)
      .where(and(...conds))
      .orderBy(desc(projects.updatedAt), desc(projects.id))
      .limit(q.limit + 1);
  },

  async get(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
    const q = tx.select().from(projects).where(eq(projects.id, id)).limit(1);
    const rows = await (opts.forUpdate ? q.for('update') : q);
    return rows[0] ?? null;
  },

  async byRequisition(tx: Tx, requisitionId: string) {
    const rows = await tx.select().from(projects).where(eq(projects.requisitionId, requisitionId)).limit(1);
    return rows[0] ?? null;
  },

  /** Inserts the project of an approved requisition; null when it exists already (a concurrent approval). */
  async insert(tx: Tx, values: typeof projects.$inferInsert) {
    const rows = await tx.insert(projects).values(values).onConflictDoNothing({ target: projects.requisitionId }).returning();
    return rows[0] ?? null;
  },

  async update(tx: Tx, id: string, patch: Partial<typeof projects.$inferInsert>) {
    const [row] = await tx.update(projects).set({ ...patch, updatedAt: new Date() }).where(eq(projects.id, id)).returning();
    return row!;
  },

  async team(tx: Tx, id: string) {
    return tx
      .select({ userId: projectTeam.userId, roles: projectTeam.roles, name: user.name, email: user.email })
      .from(projectTeam)
      .innerJoin(user, eq(user.id, projectTeam.userId))
      .where(eq(projectTeam.projectId, id))
      .orderBy(asc(user.name));
  },

  async replaceTeam(tx: Tx, orgId: string, id: string, team: { userId: string; roles: string[] }[]) {
    await tx.delete(projectTeam).where(eq(projectTeam.projectId, id));
    if (team.length) await tx.insert(projectTeam).values(team.map((m) => ({ organizationId: orgId, projectId: id, userId: m.userId, roles: m.roles })));
  },

  async members(tx: Tx, orgId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await tx.select({ id: member.userId }).from(member).where(and(eq(member.organizationId, orgId), inArray(member.userId, ids)));
    return new Set(rows.map((r) => r.id));
  },

  async tendersOf(tx: Tx, id: string) {
    return tx
      .select({ id: tenders.id, number: tenders.number, title: tenders.title, status: tenders.status, deadline: tenders.deadline, regime: tenders.regime, method: tenders.method })
      .from(tenders)
      .where(eq(tenders.projectId, id))
      .orderBy(desc(tenders.createdAt));
  },

  timeline: (tx: Tx, id: string, limit: number) =>
    tx
      .select({ a: activities, actorName: user.name })
      .from(activities)
      .leftJoin(user, eq(user.id, activities.actorId))
      .where(eq(activities.projectId, id))
      .orderBy(desc(activities.at), desc(activities.id))
      .limit(limit),
};
