// The expert pool is the buyer's: every member reads it, managers and up keep it.
import type { OrgRole } from '../../db/tenant';

export const expertPolicy = {
  manage: (role: OrgRole) => role !== 'member',
};
