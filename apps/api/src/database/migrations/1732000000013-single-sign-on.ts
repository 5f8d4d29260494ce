import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on with OpenID Connect. An account is found by the provider's (issuer, subject), never by
 * an email address alone. Admins map a provider tenant (Entra ID's `tid`, or the issuer of a provider
 * without tenants) to an organisation: its people become verified members of it (users.sso_organisation_id,
 * read by verified_memberships). A sign-in in flight is held, single-use, until the provider sends the
 * browser back.
 */
export class SingleSignOn1732000000013 implements MigrationInterface {
  name = 'SingleSignOn1732000000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_identities (
        issuer text NOT NULL,
        subject text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tenant text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (issuer, subject)
      );
      CREATE INDEX user_identities_user ON user_identities (user_id);
      CREATE INDEX user_identities_tenant ON user_identities (tenant);
      CREATE TABLE organisation_sso_tenants (
        id serial PRIMARY KEY,
        tenant text NOT NULL UNIQUE CHECK (length(tenant) BETWEEN 1 AND 300),
        organisation_id integer NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE oidc_pending_logins (
        binding_hash text PRIMARY KEY,
        state text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        return_to text NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX oidc_pending_logins_expires ON oidc_pending_logins (expires_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE oidc_pending_logins;
      DROP TABLE organisation_sso_tenants;
      DROP TABLE user_identities;
    `);
  }
}
