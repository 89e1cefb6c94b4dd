// Accounts are shared by the whole organization: every member reads, creates and
// edits them; deleting one is for managers and up.
import type { OrgRole } from '../../db/tenant';

export const accountPolicy = {
  create: (_role: OrgRole) => true,
  update: (_role: OrgRole) => true,
  remove: (role: OrgRole) => role !== 'member',
};
