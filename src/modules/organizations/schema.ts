import { z } from 'zod';
import { ORG_KINDS, ORG_ROLES } from '../../domain/labels';
import { Timestamp, Uuid } from '../shared/http';

export const OrgRoleSchema = z.enum(ORG_ROLES);
export const OrgKindSchema = z.enum(ORG_KINDS);
export const LocaleSchema = z.enum(['zh-CN', 'en']);

export const SignUpBody = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    email: z.email({ error: 'must be an email address' }).max(200),
    password: z.string().min(8, 'must be at least 8 characters').max(256),
    locale: LocaleSchema.optional(),
    organizationName: z.string().trim().min(1, 'is required').max(120).optional(),
    organizationKind: OrgKindSchema.default('seller'),
    /** Join an existing organization instead of creating one. */
    invitationId: Uuid.optional(),
  })
  .refine((b) => b.invitationId || b.organizationName, { path: ['organizationName'], message: 'is required unless you accept an invitation' });

export const Organization = z
  .object({ id: Uuid, name: z.string(), slug: z.string(), kind: OrgKindSchema, createdAt: Timestamp })
  .meta({ id: 'Organization' });

export const UserSummary = z.object({ id: Uuid, name: z.string(), email: z.string(), locale: z.string().nullable() }).meta({ id: 'User' });

export const Settings = z
  .object({
    opportunityVisibility: z.enum(['all', 'own']),
    defaultProcessModel: z.string(),
    riskThresholds: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'OrganizationSettings' });

export const SettingsPatch = z
  .object({
    opportunityVisibility: z.enum(['all', 'own']).optional(),
    defaultProcessModel: z.string().min(1).max(80).optional(),
    riskThresholds: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const Me = z
  .object({
    user: UserSummary,
    organization: Organization,
    role: OrgRoleSchema,
    settings: Settings,
    organizations: z.array(Organization.extend({ role: OrgRoleSchema })),
  })
  .meta({ id: 'Me' });

export const Member = z
  .object({ id: Uuid, userId: Uuid, name: z.string(), email: z.string(), role: OrgRoleSchema, joinedAt: Timestamp })
  .meta({ id: 'Member' });

export const MemberPatch = z.object({ role: OrgRoleSchema }).strict();

export const Invitation = z
  .object({
    id: Uuid,
    email: z.string(),
    role: OrgRoleSchema,
    status: z.enum(['pending', 'accepted', 'canceled', 'rejected']),
    expiresAt: Timestamp,
    createdAt: Timestamp,
    link: z.string(),
  })
  .meta({ id: 'Invitation' });

export const InvitationCreate = z
  .object({ email: z.email({ error: 'must be an email address' }).max(200), role: OrgRoleSchema.exclude(['owner']).default('member') })
  .strict();

export const InvitationPublic = z
  .object({ id: Uuid, organizationName: z.string(), email: z.string(), role: OrgRoleSchema, status: z.string(), expiresAt: Timestamp })
  .meta({ id: 'InvitationPublic' });

export const SwitchOrgBody = z.object({ organizationId: Uuid }).strict();
