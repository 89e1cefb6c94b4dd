// Next actions: anyone who sees an opportunity adds tasks to it and completes
// them; handing a task to someone else is for its owner, or a manager and up.
import type { TenantContext } from '../../db/tenant';

export const taskPolicy = {
  reassign: (ctx: Pick<TenantContext, 'role' | 'userId'>, ownerId: string) => ctx.role !== 'member' || ownerId === ctx.userId,
};
