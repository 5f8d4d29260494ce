import { z } from 'zod';
import { ErrorBody } from './errors';

/** Global roles. "maintainer" and "leader" are per tool / per initiative and live with those. */
export const GlobalRole = z.enum(['member', 'moderator', 'admin']);
export type GlobalRole = z.infer<typeof GlobalRole>;
/** The roles an admin may grant or revoke; everyone signed in is a member. */
export const GrantableRole = z.enum(['moderator', 'admin']);
export type GrantableRole = z.infer<typeof GrantableRole>;

export const OrganisationKind = z.enum(['local_authority', 'central_government', 'charity', 'supplier', 'other']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const Organisation = z.object({
  id: z.number().int(),
  kind: OrganisationKind,
  name: z.string(),
  /** DfE local authority code (e.g. "201"), local authorities only */
  laCode: z.string().nullable(),
  /** ONS geography code (e.g. "E09000001"), local authorities only */
  onsCode: z.string().nullable(),
  region: z.string().nullable(),
});
export type Organisation = z.infer<typeof Organisation>;
export const OrganisationList = z.object({ items: z.array(Organisation) });

export const OrganisationQuery = z.object({
  kind: OrganisationKind.optional(),
  region: z.string().max(100).optional(),
});
export type OrganisationQuery = z.infer<typeof OrganisationQuery>;

const COMMON_PASSWORDS = new Set([
  'password123', 'password1234', 'passw0rd123', '1234567890', '12345678910', 'qwertyuiop', 'qwerty12345',
  'iloveyou123', 'letmein1234', 'welcome1234', 'administrator', 'changeme123', 'abcdefghij', '0987654321',
]);

export const Email = z
  .string({ error: 'Enter an email address' })
  .trim()
  .toLowerCase()
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.org' }));

export const Password = z
  .string({ error: 'Enter a password' })
  .min(10, 'Password must be at least 10 characters')
  .max(256, 'Password must be 256 characters or fewer')
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), 'Password is too common: choose another')
  .refine((p) => new Set(p).size >= 4, 'Password is too simple: use more different characters');

export const DisplayName = z
  .string({ error: 'Enter your name' })
  .trim()
  .min(1, 'Enter your name')
  .max(80, 'Name must be 80 characters or fewer')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Name must not contain control characters');

export const RegisterInput = z.object({
  email: Email,
  password: Password,
  displayName: DisplayName,
  organisationId: z.number({ error: 'Organisation must be a number' }).int().positive().max(2_147_483_647, 'No such organisation').optional(),
});
export type RegisterInput = z.infer<typeof RegisterInput>;

export const LoginInput = z.object({
  email: Email,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(256, 'Password must be 256 characters or fewer'),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  organisationId: z.number().int().nullable(),
  roles: z.array(GlobalRole),
  createdAt: z.string(),
  emailVerified: z.boolean(),
  /** The organisation is confirmed (verified email on its domain, or its single sign-on); otherwise self-declared. */
  organisationVerified: z.boolean(),
});
export type User = z.infer<typeof User>;

export const Me = z.object({ user: User });
export type Me = z.infer<typeof Me>;

export const UserQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type UserQuery = z.infer<typeof UserQuery>;

export const UserList = z.object({ items: z.array(User), total: z.number().int() });
export type UserList = z.infer<typeof UserList>;

export const UpdateRolesInput = z.object({
  /** The complete set of grantable roles the user should hold afterwards. */
  roles: z.array(GrantableRole).max(2).refine((r) => new Set(r).size === r.length, 'Roles must not repeat'),
});
export type UpdateRolesInput = z.infer<typeof UpdateRolesInput>;

export const IdParam = z.object({ id: z.uuid({ error: 'id must be a UUID' }) });

export const Health = z.object({
  postgres: z.enum(['up', 'down']),
  redis: z.enum(['up', 'down']),
});
export type Health = z.infer<typeof Health>;
/** 503: which of Postgres and Redis is down, with the contract's error. */
export const HealthDown = Health.extend({ error: ErrorBody.shape.error });

/** The liveness probe's answer: the process is up and serving requests. */
export const Liveness = z.object({ status: z.literal('ok') });

export const Notification = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  before: z.coerce.number().int().positive().optional(),
});

export const NotificationList = z.object({
  items: z.array(Notification),
  unread: z.number().int(),
  /** The user topic's seq when this was read: subscribe with it as afterSeq and nothing falls between. */
  seq: z.number().int(),
});

export const UnreadCount = z.object({ unread: z.number().int() });

export const MarkReadInput = z.object({
  /** Absent: mark everything read. */
  ids: z.array(z.number().int().positive()).min(1).max(500).optional(),
});

/** Deleting one's own account needs the password again, so a borrowed browser cannot do it. */
export const DeleteAccountInput = z.object({
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(256, 'Password must be 256 characters or fewer'),
});
export type DeleteAccountInput = z.infer<typeof DeleteAccountInput>;

/** The name authored content keeps once its author has deleted their account. */
export const DELETED_USER_NAME = 'Deleted user';
/** What a deleted account's password hash becomes: matches no password, and marks the account as gone. */
export const DELETED_PASSWORD_HASH = '!deleted';

/**
 * Everything held about the caller (UK GDPR right of access), as one JSON document. Sections are rows
 * as stored, minus secrets (password and session token hashes); a section is absent only when its table
 * does not exist in this deployment.
 */
export const AccountExport = z.object({
  exportedAt: z.string(),
  user: User,
  organisation: Organisation.nullable(),
  sections: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type AccountExport = z.infer<typeof AccountExport>;

/** A single-use token from an emailed link (base64url, as the server makes them). */
const LinkToken = z.string({ error: 'The link is incomplete' }).regex(/^[A-Za-z0-9_-]{20,100}$/, 'The link is incomplete or mangled: open it from the email again');

/** Asks for a password-reset link; the answer never says whether the account exists. */
export const PasswordResetRequestInput = z.object({ email: Email });
export type PasswordResetRequestInput = z.infer<typeof PasswordResetRequestInput>;

export const PasswordResetConfirmInput = z.object({ token: LinkToken, password: Password });
export type PasswordResetConfirmInput = z.infer<typeof PasswordResetConfirmInput>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password').max(256, 'Password must be 256 characters or fewer'),
  newPassword: Password,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const UpdateProfileInput = z.object({ displayName: DisplayName });
export type UpdateProfileInput = z.infer<typeof UpdateProfileInput>;

/** A new address takes effect once the link sent to it is opened; the password again, so a borrowed browser cannot. */
export const ChangeEmailInput = z.object({
  email: Email,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(256, 'Password must be 256 characters or fewer'),
});
export type ChangeEmailInput = z.infer<typeof ChangeEmailInput>;

/** Opening an emailed confirmation link (a new account's address, or a changed one). */
export const ConfirmEmailInput = z.object({ token: LinkToken });
export type ConfirmEmailInput = z.infer<typeof ConfirmEmailInput>;

/** What every emailed-link request answers, whatever happened, so it tells nobody who has an account. */
export const LinkSent = z.object({ message: z.string() });
export type LinkSent = z.infer<typeof LinkSent>;

/** A sign-in session of the caller's, for "sign out this one". */
export const AccountSession = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  /** The browser that signed in, as it named itself. */
  userAgent: z.string().nullable(),
  /** The session of the browser asking. */
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof AccountSession>;
export const AccountSessionList = z.object({ items: z.array(AccountSession) });

export const PersonalTokenInput = z.object({
  name: z
    .string({ error: 'Name the token' })
    .trim()
    .min(1, 'Name the token, such as the script that will use it')
    .max(80, 'Name must be 80 characters or fewer')
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Name must not contain control characters'),
});
export type PersonalTokenInput = z.infer<typeof PersonalTokenInput>;

/** A read-only personal access token, as listed: never the secret. */
export const PersonalToken = z.object({ id: z.uuid(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });
export type PersonalToken = z.infer<typeof PersonalToken>;
export const PersonalTokenList = z.object({ items: z.array(PersonalToken) });
/** Answer to creating one: the secret, shown this once (only its hash is kept). */
export const CreatedPersonalToken = PersonalToken.extend({ token: z.string() });
export type CreatedPersonalToken = z.infer<typeof CreatedPersonalToken>;
