// Projects belong to the buying organization: every member reads them; forming
// the purchasing team is for managers and up.
import type { OrgRole } from '../../db/tenant';

export const projectPolicy = {
  manageTeam: (role: OrgRole) => role !== 'member',
};
