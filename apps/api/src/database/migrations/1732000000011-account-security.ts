import { randomBytes } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts people manage themselves: single-use emailed links (verify an address, reset a password,
 * confirm a new address), read-only personal access tokens for scripts, sessions that slide while in
 * use (and say where they were started), and the key that salts rate-limit counters.
 */
export class AccountSecurity1732000000011 implements MigrationInterface {
  name = 'AccountSecurity1732000000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'change_email')),
        email text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX email_tokens_user ON email_tokens (user_id, purpose);
      CREATE TABLE personal_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      );
      CREATE INDEX personal_tokens_user ON personal_tokens (user_id);
      ALTER TABLE sessions
        ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN user_agent text CHECK (length(user_agent) <= 300);
    `);
    // Salts rate-limit keys unless RATE_LIMIT_SECRET is set; generated once per deployment.
    await q.query(`INSERT INTO app_secrets (name, value) VALUES ('rate_limit', $1) ON CONFLICT DO NOTHING`, [randomBytes(32).toString('hex')]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM app_secrets WHERE name = 'rate_limit';
      ALTER TABLE sessions DROP COLUMN user_agent, DROP COLUMN last_seen_at;
      DROP TABLE personal_tokens, email_tokens;
    `);
  }
}
