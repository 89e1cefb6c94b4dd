import { z } from 'zod';
import { CATEGORIES } from '../../domain/buy/tender';
import { CERT_DIMENSIONS, CERT_LEVELS, CERT_STATUSES } from '../../domain/buy/certification';
import { Timestamp, Uuid } from '../shared/http';
import { FileMeta } from '../shared/files';

const Scores = z.object(Object.fromEntries(CERT_DIMENSIONS.map((d) => [d, z.number().min(0, 'must be 0 to 100').max(100, 'must be 0 to 100')])) as Record<(typeof CERT_DIMENSIONS)[number], z.ZodNumber>);
const Levels = z.partialRecord(z.enum(CERT_DIMENSIONS), z.enum(CERT_LEVELS));

export const Certification = z
  .object({
    id: Uuid,
    supplierId: Uuid,
    category: z.enum(CATEGORIES),
    status: z.enum(CERT_STATUSES),
    scores: z.partialRecord(z.enum(CERT_DIMENSIONS), z.number()),
    levels: Levels,
    documents: z.array(FileMeta),
    note: z.string().nullable(),
    reason: z.string().nullable(),
    reviewerName: z.string().nullable(),
    reviewedAt: Timestamp.nullable(),
    validUntil: Timestamp.nullable(),
    appliedAt: Timestamp,
  })
  .meta({ id: 'Certification' });

export const Supplier = z
  .object({
    id: Uuid,
    name: z.string(),
    supplierOrgId: Uuid.nullable(),
    contactEmail: z.string().nullable(),
    /** On Procura (an organization) or invited by e-mail and not signed up yet. */
    onPlatform: z.boolean(),
    certifications: z.array(Certification),
    /** The link the invited company signs up with; shown once, when the invitation is made. */
    inviteUrl: z.string().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Supplier' });

export const SupplierCreate = z.union([
  z.object({ supplierOrgId: Uuid }).strict(),
  z.object({ name: z.string().trim().min(1, 'is required').max(200), contactEmail: z.email({ error: 'must be an email address' }) }).strict(),
]);
export const SupplierListQuery = z.object({ q: z.string().trim().max(200).optional(), category: z.enum(CATEGORIES).optional(), certified: z.enum(['true', 'false']).optional() }).strict();

export const CertificationOpen = z.object({ category: z.enum(CATEGORIES), note: z.string().trim().max(4000).nullable().optional() }).strict();
export const CertificationDecision = z
  .object({
    to: z.enum(CERT_STATUSES),
    scores: Scores.partial().optional(),
    validUntil: z.iso.datetime({ offset: true }).optional(),
    reason: z.string().trim().max(4000).nullable().optional(),
  })
  .strict();

export const DirectoryEntry = z.object({ id: Uuid, name: z.string(), kind: z.enum(['seller', 'buyer', 'both']) }).meta({ id: 'DirectoryEntry' });
export const DirectoryQuery = z.object({ q: z.string().trim().max(200).optional() }).strict();

export const Registration = z
  .object({ supplierId: Uuid, buyerOrgId: Uuid, buyerName: z.string(), certifications: z.array(Certification), createdAt: Timestamp })
  .meta({ id: 'SupplierRegistration' });
export const RegistrationCreate = z.object({ buyerOrgId: Uuid }).strict();
export const SupplierApplication = CertificationOpen.extend({ buyerOrgId: Uuid }).strict();
export const InviteAccept = z.object({ token: z.string().trim().min(20, 'is not an invitation link').max(200) }).strict();
export const Registrations = z.object({ items: z.array(Registration) });
export const Directory = z.object({ items: z.array(DirectoryEntry) });
export const SupplierList = z.object({ items: z.array(Supplier) });
export const UploadedFile = FileMeta.omit({ id: true });
