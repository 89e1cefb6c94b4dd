// Contacts belong to the organization's accounts: every member reads, adds and
// edits them; deleting one (and with it its place in the buying center) is for
// managers and up.
import type { OrgRole } from '../../db/tenant';

export const contactPolicy = {
  create: (_role: OrgRole) => true,
  update: (_role: OrgRole) => true,
  remove: (role: OrgRole) => role !== 'member',
};
