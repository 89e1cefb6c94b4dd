// Who may do what with the organization itself.
import type { OrgRole } from '../../db/tenant';
import { forbidden } from '../../server/errors';
import type { Text } from '../../domain/i18n';

const RANK: Record<OrgRole, number> = { member: 0, manager: 1, admin: 2, owner: 3 };

export const orgPolicy = {
  manageMembers: (role: OrgRole) => RANK[role] >= RANK.admin,
  editSettings: (role: OrgRole) => RANK[role] >= RANK.admin,
  /** Admins cannot hand out or take away ownership; owners can. */
  assignRole: (actor: OrgRole, from: OrgRole, to: OrgRole) =>
    RANK[actor] >= RANK.admin && (actor === 'owner' || (from !== 'owner' && to !== 'owner')),
};

export function assertCan(allowed: boolean, code: string, message: Text): void {
  if (!allowed) throw forbidden(code, message);
}
