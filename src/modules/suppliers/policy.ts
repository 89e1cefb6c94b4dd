// The supplier registry belongs to the buying organization: every member reads
// it; adding suppliers and deciding certifications is for managers and up.
// A supplier organization's members apply and upload for their own organization.
import type { OrgRole } from '../../db/tenant';

export const supplierPolicy = {
  manage: (role: OrgRole) => role !== 'member',
};
