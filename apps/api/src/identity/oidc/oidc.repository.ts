import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { SsoTenant } from '@commons/domain';

/** A sign-in on its way through the provider: what the callback must check the answer against. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** What the provider said about the person, as the account is looked up and kept in step. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  tenant: string;
  email: string;
  emailVerified: boolean;
  displayName: string;
}

export interface LinkedAccount {
  userId: string;
  disabled: boolean;
}

/** Marks an account made by single sign-on: no password matches it (a reset can give it one). */
export const SSO_PASSWORD_HASH = '!sso';

@Injectable()
export class OidcRepository {
  constructor(private readonly db: DataSource) {}

  /** Keeps a pending sign-in; expired ones are cleared as new ones arrive, so the table stays small. */
  async holdPending(bindingHash: string, login: PendingLogin, ttlSeconds: number) {
    await this.db.query(`DELETE FROM oidc_pending_logins WHERE expires_at < now()`);
    await this.db.query(
      `INSERT INTO oidc_pending_logins (binding_hash, state, nonce, code_verifier, return_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
      [bindingHash, login.state, login.nonce, login.codeVerifier, login.returnTo, ttlSeconds],
    );
  }

  /** The pending sign-in for this browser, taken once: a replayed callback finds nothing. */
  async takePending(bindingHash: string): Promise<PendingLogin | null> {
    const [rows] = await this.db.query(
      `DELETE FROM oidc_pending_logins WHERE binding_hash = $1
       RETURNING state, nonce, code_verifier AS "codeVerifier", return_to AS "returnTo", expires_at > now() AS live`,
      [bindingHash],
    );
    const row = rows[0];
    return row?.live ? { state: row.state, nonce: row.nonce, codeVerifier: row.codeVerifier, returnTo: row.returnTo } : null;
  }

  /** The organisation a tenant is mapped to, or null. */
  async organisationForTenant(tenant: string, manager: EntityManager = this.db.manager): Promise<number | null> {
    const rows: { organisation_id: number }[] = await manager.query(`SELECT organisation_id FROM organisation_sso_tenants WHERE tenant = $1`, [tenant]);
    return rows[0]?.organisation_id ?? null;
  }

  /** The account linked to this (issuer, subject), its tenant and last sign-in brought up to date. */
  async touchIdentity(id: ProviderIdentity, manager: EntityManager): Promise<LinkedAccount | null> {
    const [rows] = await manager.query(
      `UPDATE user_identities i SET tenant = $3, last_sign_in_at = now() FROM users u
       WHERE i.issuer = $1 AND i.subject = $2 AND u.id = i.user_id
       RETURNING u.id AS "userId", u.disabled_at IS NOT NULL AS disabled`,
      [id.issuer, id.subject, id.tenant],
    );
    return rows[0] ?? null;
  }

  /** The account with this email address, locked until the link is made (two first sign-ins at once make one link). */
  async accountByEmail(email: string, manager: EntityManager): Promise<(LinkedAccount & { emailVerified: boolean }) | null> {
    const rows = await manager.query(
      `SELECT id AS "userId", disabled_at IS NOT NULL AS disabled, email_verified_at IS NOT NULL AS "emailVerified"
       FROM users WHERE email = $1 FOR UPDATE`,
      [email],
    );
    return rows[0] ?? null;
  }

  /** A new account for someone the provider vouches for; null if the address was taken meanwhile. */
  async createAccount(id: ProviderIdentity, manager: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO users (email, password_hash, display_name, roles, email_verified_at)
       VALUES ($1, $2, $3, '{member}', CASE WHEN $4::boolean THEN now() END)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [id.email, SSO_PASSWORD_HASH, id.displayName, id.emailVerified],
    );
    return rows[0]?.id ?? null;
  }

  async link(userId: string, id: ProviderIdentity, manager: EntityManager) {
    await manager.query(`INSERT INTO user_identities (issuer, subject, user_id, tenant) VALUES ($1, $2, $3, $4)`, [id.issuer, id.subject, userId, id.tenant]);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * The address's owner signs in through their provider while an unconfirmed account holds it: whoever
   * made that account may not be its owner, so its password stops working and its sign-ins end.
   */
  async takeOver(userId: string, manager: EntityManager) {
    await manager.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [userId, SSO_PASSWORD_HASH]);
    await manager.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  /** The provider confirmed the address: it counts as verified from now on. */
  async confirmEmail(userId: string, manager: EntityManager) {
    await manager.query(`UPDATE users SET email_verified_at = now() WHERE id = $1 AND email_verified_at IS NULL`, [userId]);
  }

  /**
   * The tenant's word on membership, as of this sign-in: a mapped tenant makes the account a verified
   * member of its organisation (which becomes the account's organisation); an unmapped one asserts nothing.
   */
  async setSsoOrganisation(userId: string, organisationId: number | null, manager: EntityManager) {
    if (organisationId === null) {
      await manager.query(`UPDATE users SET sso_organisation_id = NULL WHERE id = $1 AND sso_organisation_id IS NOT NULL`, [userId]);
    } else {
      await manager.query(`UPDATE users SET sso_organisation_id = $2, organisation_id = $2 WHERE id = $1`, [userId, organisationId]);
    }
  }

  listTenants(): Promise<SsoTenant[]> {
    return this.db.query(
      `SELECT t.id, t.tenant, t.organisation_id AS "organisationId", o.name AS "organisationName",
              (SELECT count(DISTINCT i.user_id)::int FROM user_identities i WHERE i.tenant = t.tenant) AS accounts,
              to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
       FROM organisation_sso_tenants t JOIN organisations o ON o.id = t.organisation_id
       ORDER BY o.name, t.tenant`,
    );
  }

  async getTenant(id: number): Promise<SsoTenant | null> {
    return (await this.listTenants()).find((t) => t.id === id) ?? null;
  }

  /** Maps a tenant; null when it is mapped already. People who signed in through it are members at once. */
  async mapTenant(tenant: string, organisationId: number, actorId: string, manager: EntityManager): Promise<number | null> {
    const rows: { id: number }[] = await manager.query(
      `INSERT INTO organisation_sso_tenants (tenant, organisation_id, created_by) VALUES ($1, $2, $3)
       ON CONFLICT (tenant) DO NOTHING RETURNING id`,
      [tenant, organisationId, actorId],
    );
    if (!rows[0]) return null;
    await manager.query(
      `UPDATE users SET sso_organisation_id = $2, organisation_id = $2
       WHERE id IN (SELECT user_id FROM user_identities WHERE tenant = $1)`,
      [tenant, organisationId],
    );
    return rows[0].id;
  }

  /** Unmaps a tenant; its people stop being verified members through it at once. Null if there was none. */
  async unmapTenant(id: number, manager: EntityManager): Promise<{ tenant: string; organisationId: number } | null> {
    const [rows] = await manager.query(`DELETE FROM organisation_sso_tenants WHERE id = $1 RETURNING tenant, organisation_id AS "organisationId"`, [id]);
    const removed = rows[0];
    if (!removed) return null;
    await manager.query(
      `UPDATE users SET sso_organisation_id = NULL
       WHERE sso_organisation_id = $2 AND id IN (SELECT user_id FROM user_identities WHERE tenant = $1)`,
      [removed.tenant, removed.organisationId],
    );
    return removed;
  }

  async audit(actorId: string, action: string, targetId: string, detail: object, manager: EntityManager) {
    await manager.query(`INSERT INTO audit_log (actor_id, action, target_type, target_id, detail) VALUES ($1, $2, 'sso_tenant', $3, $4)`, [actorId, action, targetId, JSON.stringify(detail)]);
  }

  organisationExists(id: number) {
    return this.db.query(`SELECT 1 FROM organisations WHERE id = $1`, [id]).then((rows: unknown[]) => rows.length > 0);
  }
}
