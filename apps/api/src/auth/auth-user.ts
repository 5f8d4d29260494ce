import type { GlobalRole, User } from '@commons/domain';

export const SESSION_COOKIE = 'commons_session';

/** Who is signed in, as every service sees them: never the password hash. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  organisationId: number | null;
  roles: GlobalRole[];
  createdAt: Date;
  emailVerified: boolean;
  /** The organisation this person is a verified member of (verified_memberships), or null. */
  verifiedOrganisationId: number | null;
  /** A verified member of a local authority: may record its adoption and read local-authority-only content. */
  localAuthorityStaff: boolean;
}

/** A signed-in request or socket: the person and the session their cookie (or access token) names. */
export interface AuthSession {
  user: AuthUser;
  /** For a personal access token, the token's id (and no expiry worth knowing). */
  session: { id: string; expiresAt: Date };
  /** Signed in with a personal access token: reads only, every write refused. */
  readOnly?: boolean;
}

export function toUser(u: AuthUser): User {
  return { id: u.id, email: u.email, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles, createdAt: u.createdAt.toISOString(), emailVerified: u.emailVerified, organisationVerified: u.verifiedOrganisationId !== null };
}
