// Who sees and changes which opportunities. With the organization setting
// "own opportunities only", members see and change only the opportunities they
// own; managers, admins and owners see all.
import { eq, type SQL } from 'drizzle-orm';
import { opportunities } from '../../db/schema/index';
import type { OrgRole, TenantContext } from '../../db/tenant';

export type Visibility = 'all' | 'own';

export const opportunityPolicy = {
  seesAll: (role: OrgRole, visibility: Visibility) => visibility === 'all' || role !== 'member',
  /** SQL condition limiting opportunities to what the caller may see (undefined: all). */
  scope(ctx: TenantContext, visibility: Visibility): SQL | undefined {
    return this.seesAll(ctx.role, visibility) ? undefined : eq(opportunities.ownerId, ctx.userId);
  },
  canSee(ctx: TenantContext, visibility: Visibility, ownerId: string) {
    return this.seesAll(ctx.role, visibility) || ownerId === ctx.userId;
  },
  /** Reassigning an opportunity to someone else is for managers and up, or the owner. */
  canReassign(ctx: TenantContext, ownerId: string) {
    return ctx.role !== 'member' || ownerId === ctx.userId;
  },
};
