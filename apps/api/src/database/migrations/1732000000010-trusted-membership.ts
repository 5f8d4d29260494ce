import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Membership of an organisation becomes somebody's word: a verified email on one of its domains, or a
 * sign-in through its single sign-on tenant. `verified_memberships` is the one definition every query
 * (adoption, backing, local-authority-only content) reads. Tools can be kept to local authority staff;
 * admins' changes are audited; accounts can be disabled.
 */
export class TrustedMembership1732000000010 implements MigrationInterface {
  name = 'TrustedMembership1732000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN email_verified_at timestamptz,
        ADD COLUMN disabled_at timestamptz,
        ADD COLUMN sso_organisation_id integer REFERENCES organisations(id) ON DELETE SET NULL;
      CREATE TABLE organisation_domains (
        domain text PRIMARY KEY CHECK (domain = lower(domain) AND domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'),
        organisation_id integer NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        confirmed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX organisation_domains_organisation ON organisation_domains (organisation_id);
      CREATE VIEW verified_memberships AS
        SELECT u.id AS user_id, u.organisation_id
        FROM users u
        WHERE u.organisation_id IS NOT NULL AND u.disabled_at IS NULL AND (
          u.sso_organisation_id = u.organisation_id OR (
            u.email_verified_at IS NOT NULL AND EXISTS (
              SELECT 1 FROM organisation_domains d
              WHERE d.organisation_id = u.organisation_id
                AND (split_part(u.email, '@', 2) = d.domain OR split_part(u.email, '@', 2) LIKE '%.' || d.domain))));
      ALTER TABLE tools ADD COLUMN access text NOT NULL DEFAULT 'public' CHECK (access IN ('public', 'local_authority'));
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_log;
      ALTER TABLE tools DROP COLUMN access;
      DROP VIEW verified_memberships;
      DROP TABLE organisation_domains;
      ALTER TABLE users DROP COLUMN sso_organisation_id, DROP COLUMN disabled_at, DROP COLUMN email_verified_at;
    `);
  }
}
