// Tenders belong to the buying organization: every member reads them; setting
// one up, publishing, amending, cancelling, answering questions and moving dates
// is for managers and up (tendering.md "Who sets the dates"). Only the named key
// holders hand over shares at the opening.
import type { OrgRole } from '../../db/tenant';

export const tenderPolicy = {
  manage: (role: OrgRole) => role !== 'member',
  holdsKey: (keyHolderIds: readonly string[], userId: string) => keyHolderIds.includes(userId),
};
