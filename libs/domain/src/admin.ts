import { z } from 'zod';
import { Organisation, User, UserQuery } from './identity';

/** An email domain (camden.gov.uk): a verified address on it, or on a subdomain of it, makes its owner a verified member. */
export const DomainName = z
  .string({ error: 'Enter a domain such as camden.gov.uk' })
  .trim()
  .toLowerCase()
  .max(253, 'Domain must be 253 characters or fewer')
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, 'Enter a domain such as camden.gov.uk, without @ or https://');

export const OrganisationDomain = z.object({
  domain: z.string(),
  organisationId: z.number().int(),
  /** Checked against a published source (the council's own website or GOV.UK); unconfirmed domains still verify members. */
  confirmed: z.boolean(),
  createdAt: z.string(),
});
export type OrganisationDomain = z.infer<typeof OrganisationDomain>;

export const DomainInput = z.object({ domain: DomainName, confirmed: z.boolean({ error: 'confirmed must be true or false' }).default(false) });
export type DomainInput = z.input<typeof DomainInput>;
export const DomainPatch = z.object({ confirmed: z.boolean({ error: 'confirmed must be true or false' }) });
export const DomainParam = z.object({
  id: z.coerce.number({ error: 'id must be a number' }).int('id must be a number').positive('id must be a number').max(2_147_483_647, 'No such organisation'),
  domain: DomainName,
});
export const OrganisationIdParam = DomainParam.pick({ id: true });
export const DomainList = z.object({ items: z.array(OrganisationDomain) });
export const DomainChanged = z.object({ domain: OrganisationDomain });

/** An organisation as admins see it: its domains and how many of its members are verified. */
export const AdminOrganisation = Organisation.extend({
  domains: z.array(OrganisationDomain),
  members: z.number().int(),
  verifiedMembers: z.number().int(),
});
export type AdminOrganisation = z.infer<typeof AdminOrganisation>;
export const AdminOrganisationList = z.object({ items: z.array(AdminOrganisation) });
export const AdminOrganisationQuery = z.object({ q: z.string().trim().max(100).optional() });

/** A person as admins see them. */
export const AdminUser = User.extend({
  organisationName: z.string().nullable(),
  disabledAt: z.string().nullable(),
});
export type AdminUser = z.infer<typeof AdminUser>;
export const AdminUserQuery = UserQuery;
export const AdminUserList = z.object({ items: z.array(AdminUser), total: z.number().int() });
export type AdminUserList = z.infer<typeof AdminUserList>;
export const AdminUserChanged = z.object({ user: AdminUser });

/** Disabling ends every sign-in of the account and refuses new ones; enabling lets it sign in again. */
export const DisableInput = z.object({ disabled: z.boolean({ error: 'disabled must be true or false' }) });

/** What admins (and maintainers, for a tool's access) changed; every entry of the audit log is one of these. */
export const AuditAction = z.enum([
  'user.roles.changed',
  'user.disabled',
  'user.enabled',
  'organisation.domain.added',
  'organisation.domain.confirmed',
  'organisation.domain.unconfirmed',
  'organisation.domain.removed',
  'tool.access.changed',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: z.number().int(),
  actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  /** What the target is called now (a person's name, an organisation's, a tool's), when it still exists. */
  targetName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  /** One kind of change (AuditAction, or another feature's, such as single sign-on mappings). */
  action: z.string().trim().max(60).regex(/^[a-z_]+(\.[a-z_]+)*$/, 'action must be an audit action such as user.disabled').optional(),
  /** entries older than this id (the next page) */
  before: z.coerce.number({ error: 'before must be an entry id' }).int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditList = z.object({ items: z.array(AuditEntry), hasMore: z.boolean() });
export type AuditList = z.infer<typeof AuditList>;
