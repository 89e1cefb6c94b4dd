// The evaluation's tables: the evaluation row, its committee, screening results
// and score sheets. Rows are the buyer's; a committee member from another
// organization reaches them through the committee policies (schema/evaluation.ts).
import { and, asc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { committeeMembers, evaluations, scoreSheets, screeningResults } from '../../db/schema/index';
import type { EvaluationPhase } from '../../domain/buy/evaluation';

export type EvaluationRow = typeof evaluations.$inferSelect;
export type MemberRow = typeof committeeMembers.$inferSelect;
export type ScreeningRow = typeof screeningResults.$inferSelect;
export type SheetRow = typeof scoreSheets.$inferSelect;

export const evaluationRepo = {
  /** The evaluation row; its large documents (the result, the report) only when asked for, null otherwise. */
  async get(tx: Tx, tenderId: string, opts: { forUpdate?: boolean; with?: readonly ('result' | 'report')[] } = {}): Promise<EvaluationRow | null> {
    const cols = {
      ...getTableColumns(evaluations),
      result: opts.with?.includes('result') ? evaluations.result : sql<null>`null`,
      report: opts.with?.includes('report') ? evaluations.report : sql<null>`null`,
    };
    const q = tx.select(cols).from(evaluations).where(eq(evaluations.tenderId, tenderId)).limit(1);
    return ((await (opts.forUpdate ? q.for('update') : q))[0] as EvaluationRow | undefined) ?? null;
  },
  async insert(tx: Tx, v: typeof evaluations.$inferInsert): Promise<void> {
    await tx.insert(evaluations).values(v).onConflictDoNothing();
  },
  /** Moves the phase only from one of `from` (false when another request moved it first). */
  async transition(tx: Tx, tenderId: string, from: EvaluationPhase[], set: Partial<typeof evaluations.$inferInsert>): Promise<boolean> {
    const r = await tx.update(evaluations).set(set).where(and(eq(evaluations.tenderId, tenderId), inArray(evaluations.phase, from))).returning({ t: evaluations.tenderId });
    return r.length > 0;
  },
  async update(tx: Tx, tenderId: string, set: Partial<typeof evaluations.$inferInsert>): Promise<void> {
    await tx.update(evaluations).set(set).where(eq(evaluations.tenderId, tenderId));
  },
  /** Appends a draw to the log (jsonb concatenation: never rewrites an earlier one). */
  async appendDraw(tx: Tx, tenderId: string, draw: Record<string, unknown>, at: Date): Promise<void> {
    await tx.update(evaluations).set({ draws: sql`${evaluations.draws} || ${JSON.stringify([draw])}::jsonb`, updatedAt: at }).where(eq(evaluations.tenderId, tenderId));
  },

  members(tx: Tx, tenderId: string): Promise<MemberRow[]> {
    return tx.select().from(committeeMembers).where(eq(committeeMembers.tenderId, tenderId)).orderBy(asc(committeeMembers.joinedAt), asc(committeeMembers.id));
  },
  /** The user's seats on committees (every buyer's; RLS lets a person read their own rows). */
  seatsOf(tx: Tx, userId: string): Promise<MemberRow[]> {
    return tx.select().from(committeeMembers).where(eq(committeeMembers.userId, userId)).orderBy(asc(committeeMembers.joinedAt));
  },
  async memberOf(tx: Tx, tenderId: string, userId: string, opts: { forUpdate?: boolean } = {}): Promise<MemberRow | null> {
    const q = tx.select().from(committeeMembers).where(and(eq(committeeMembers.tenderId, tenderId), eq(committeeMembers.userId, userId))).limit(1);
    return (await (opts.forUpdate ? q.for('update') : q))[0] ?? null;
  },
  /** Adds members; false when one of them sits on the committee already (once per tender, by the unique index). */
  async insertMembers(tx: Tx, rows: (typeof committeeMembers.$inferInsert)[]): Promise<boolean> {
    if (!rows.length) return true;
    const r = await tx.insert(committeeMembers).values(rows).onConflictDoNothing().returning({ id: committeeMembers.id });
    return r.length === rows.length;
  },
  /** A once-only change of a seat (declare, submit, sign): false when it was made already (by a request at the same moment). */
  async updateMemberOnce(tx: Tx, id: string, once: 'declaredAt' | 'sheetsSubmittedAt' | 'signedAt', set: Partial<typeof committeeMembers.$inferInsert>): Promise<boolean> {
    const r = await tx.update(committeeMembers).set(set).where(and(eq(committeeMembers.id, id), isNull(committeeMembers[once]))).returning({ id: committeeMembers.id });
    return r.length > 0;
  },
  /** The member's seat, locked (a submission against the sheets' saves). */
  async lockMember(tx: Tx, id: string): Promise<void> {
    await tx.select({ id: committeeMembers.id }).from(committeeMembers).where(eq(committeeMembers.id, id)).for('update');
  },
  async updateMember(tx: Tx, id: string, set: Partial<typeof committeeMembers.$inferInsert>): Promise<void> {
    await tx.update(committeeMembers).set(set).where(eq(committeeMembers.id, id));
  },
  /** Buyer staff appointed while the committee is formed who have not declared yet (a declaration, or a conflict, stays on record). */
  async removeUndeclaredStaff(tx: Tx, tenderId: string): Promise<void> {
    await tx.delete(committeeMembers).where(and(eq(committeeMembers.tenderId, tenderId), eq(committeeMembers.kind, 'buyer'), eq(committeeMembers.status, 'active'), isNull(committeeMembers.declaredAt)));
  },
  async clearChair(tx: Tx, tenderId: string): Promise<void> {
    await tx.update(committeeMembers).set({ chair: false }).where(eq(committeeMembers.tenderId, tenderId));
  },

  screening(tx: Tx, tenderId: string): Promise<ScreeningRow[]> {
    return tx.select().from(screeningResults).where(eq(screeningResults.tenderId, tenderId)).orderBy(asc(screeningResults.bidId), asc(screeningResults.requirementKey));
  },
  async upsertScreening(tx: Tx, rows: (typeof screeningResults.$inferInsert)[]): Promise<void> {
    for (const r of rows) {
      await tx
        .insert(screeningResults)
        .values(r)
        .onConflictDoUpdate({ target: [screeningResults.tenderId, screeningResults.bidId, screeningResults.requirementKey], set: { passed: r.passed, reason: r.reason, decidedBy: r.decidedBy, decidedAt: r.decidedAt } });
    }
  },

  sheets(tx: Tx, tenderId: string, userId?: string): Promise<SheetRow[]> {
    const where = userId ? and(eq(scoreSheets.tenderId, tenderId), eq(scoreSheets.userId, userId)) : eq(scoreSheets.tenderId, tenderId);
    return tx.select().from(scoreSheets).where(where).orderBy(asc(scoreSheets.userId), asc(scoreSheets.bidId));
  },
  async upsertSheet(tx: Tx, v: typeof scoreSheets.$inferInsert): Promise<void> {
    await tx
      .insert(scoreSheets)
      .values(v)
      .onConflictDoUpdate({ target: [scoreSheets.tenderId, scoreSheets.userId, scoreSheets.bidId], set: { scores: v.scores, remarks: v.remarks, criteriaHash: v.criteriaHash, savedAt: v.savedAt } });
  },
};
