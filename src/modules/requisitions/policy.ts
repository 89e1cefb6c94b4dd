// Requisitions: every member of a buying organization raises them; only the
// requester changes, submits or withdraws one; approvers are named by the chain
// (segregation of duties is a domain rule: domain/buy/approval.ts); the chain
// itself is set by owners and admins.
import type { OrgRole, TenantContext } from '../../db/tenant';

export const requisitionPolicy = {
  edit: (ctx: Pick<TenantContext, 'userId'>, requesterId: string) => ctx.userId === requesterId,
  editRules: (role: OrgRole) => role === 'owner' || role === 'admin',
};
