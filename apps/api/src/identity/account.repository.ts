import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DELETED_PASSWORD_HASH, DELETED_USER_NAME } from '@commons/domain';
import { readableRevision } from '../discussions/discussions.repository';
import { toolReadableBy } from '../tools/tools.repository';

/** A column of some table that points at users(id), and what Postgres does to it when a user goes. */
interface UserReference {
  table: string;
  column: string;
  onDelete: 'CASCADE' | 'SET NULL' | 'NO ACTION' | 'RESTRICT' | 'SET DEFAULT';
}

/**
 * What an export shows of tables whose rows hold secrets or other people's data; every other table
 * referring to users is exported whole. Keyed by table.
 */
const EXPORT_COLUMNS: Record<string, string> = {
  sessions: 'id, created_at, expires_at, revoked_at, last_seen_at, user_agent',
  // Secrets stay out: the links' and tokens' hashes.
  email_tokens: 'id, purpose, email, created_at, expires_at, used_at',
  personal_tokens: 'id, name, created_at, last_used_at',
  // The caller's own words; the address hash and the moderators' redactions are not theirs to take.
  feedback: 'id, page, nature, summary, details, role, organisation, email, status, created_at',
  // A moderator's decisions, not the text of what they decided on (that is other people's).
  moderation_items: 'id, subject_type, subject_id, decision, decided_at',
  moderation_audit: 'id, item_id, action, note, at',
  // Removed means gone: a deleted or rejected message's text is for moderators only (body_key is a hash of it).
  messages: `id, thread_id, seq, author_id, parent_id, CASE WHEN state = 'deleted' THEN NULL ELSE body END AS body, mentions, state, created_at, edited_at, deleted_at, deleted_by`,
};

/** Rows an export leaves out: earlier text of a message taken out of view, as the revisions route does. */
const EXPORT_WHERE: Record<string, string> = {
  // A local-authority-only tool's shared documents (the section text holds others' words too) only while the
  // person may read it; their own messages stay theirs (access-matrix.spec, local-authority-only block).
  tool_design_sections: `AND ${toolReadableBy('tool_design_sections.tool_id', '$1::uuid')}`,
  tool_design_revisions: `AND ${toolReadableBy('tool_design_revisions.tool_id', '$1::uuid')}`,
  tool_releases: `AND ${toolReadableBy('tool_releases.tool_id', '$1::uuid')}`,
  message_revisions: `AND EXISTS (SELECT 1 FROM messages m WHERE m.id = message_revisions.message_id AND ${readableRevision('message_revisions', 'm', '$1::uuid')})`,
};

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** The account's own rows across the schema: found from the foreign keys, so new tables are covered. */
@Injectable()
export class AccountRepository {
  constructor(private readonly db: DataSource) {}

  /** Every (table, column) referring to users(id), from the catalogue; the users table itself excluded. */
  async references(manager: EntityManager = this.db.manager): Promise<UserReference[]> {
    const rows: { table: string; column: string; on_delete: UserReference['onDelete'] }[] = await manager.query(`
      SELECT src.relname AS table, a.attname AS column,
             CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'r' THEN 'RESTRICT' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END AS on_delete
      FROM pg_constraint c
      JOIN pg_class src ON src.oid = c.conrelid
      JOIN pg_namespace n ON n.oid = src.relnamespace AND n.nspname = current_schema()
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass AND src.relname <> 'users'
      ORDER BY src.relname, a.attname`);
    return rows.filter((r) => IDENT.test(r.table) && IDENT.test(r.column)).map((r) => ({ table: r.table, column: r.column, onDelete: r.on_delete }));
  }

  /** The rows of `table` whose `column` is the user, secrets left out. */
  rowsOf(ref: UserReference, userId: string): Promise<Record<string, unknown>[]> {
    const columns = EXPORT_COLUMNS[ref.table] ?? '*';
    return this.db.query(`SELECT ${columns} FROM "${ref.table}" WHERE "${ref.column}" = $1 ${EXPORT_WHERE[ref.table] ?? ''} ORDER BY 1 LIMIT 100000`, [userId]);
  }

  organisation(id: number) {
    return this.db.query(`SELECT id, kind, name, la_code AS "laCode", ons_code AS "onsCode", region FROM organisations WHERE id = $1`, [id]).then((r) => r[0] ?? null);
  }

  /** Revokes every live session of the user; returns how many. */
  async revokeAll(userId: string, manager: EntityManager = this.db.manager): Promise<number> {
    const [, count]: [unknown, number] = await manager.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    return count;
  }

  /** Revokes every live session of the user but `keep`; the ids revoked. */
  async revokeOthers(userId: string, keep: string | null, manager: EntityManager): Promise<string[]> {
    // UPDATE answers [rows, count] through TypeORM.
    const [rows]: [{ id: string }[]] = await manager.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2 RETURNING id`,
      [userId, keep],
    );
    return rows.map((r) => r.id);
  }

  /** Revokes one of the user's own sessions; false if it is not theirs or already over. */
  async revokeOwn(userId: string, sessionId: string, manager: EntityManager): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()`, [sessionId, userId]);
    return count > 0;
  }

  /** The user's live sessions, most recently used first. */
  liveSessions(userId: string): Promise<{ id: string; created_at: Date; last_seen_at: Date; expires_at: Date; user_agent: string | null }[]> {
    return this.db.query(
      `SELECT id, created_at, last_seen_at, expires_at, user_agent FROM sessions
       WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() ORDER BY last_seen_at DESC, created_at DESC LIMIT 200`,
      [userId],
    );
  }

  async setPasswordHash(userId: string, passwordHash: string, manager: EntityManager) {
    await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [userId, passwordHash]);
  }

  async setDisplayName(userId: string, displayName: string, manager: EntityManager) {
    await manager.query(`UPDATE users SET display_name = $2, updated_at = now() WHERE id = $1`, [userId, displayName]);
  }

  /** Marks the address confirmed if it is still the account's; false if the account has moved on since the link was sent. */
  async confirmEmail(userId: string, email: string, manager: EntityManager): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1 AND email = $2`,
      [userId, email],
    );
    return count > 0;
  }

  /** Moves the account to a confirmed new address; false when another account has taken it meanwhile. */
  async moveEmail(userId: string, email: string, manager: EntityManager): Promise<boolean> {
    const taken: unknown[] = await manager.query(`SELECT 1 FROM users WHERE email = $1 AND id <> $2`, [email, userId]);
    if (taken.length) return false;
    await manager.query(`UPDATE users SET email = $2, email_verified_at = now(), updated_at = now() WHERE id = $1`, [userId, email]);
    return true;
  }

  /** An unspent, unexpired emailed link, looked at without spending it. */
  pendingLink(tokenHash: string, purpose: string): Promise<{ user_id: string }[]> {
    return this.db.query(`SELECT user_id FROM email_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()`, [tokenHash, purpose]);
  }

  async emailOf(userId: string, manager: EntityManager): Promise<string | null> {
    const rows: { email: string }[] = await manager.query(`SELECT email FROM users WHERE id = $1`, [userId]);
    return rows[0]?.email ?? null;
  }

  emailTaken(email: string): Promise<boolean> {
    return this.db.query(`SELECT 1 FROM users WHERE email = $1`, [email]).then((r: unknown[]) => r.length > 0);
  }

  /** The admins, locked, so two admins deleting themselves at once cannot leave none. */
  async lockAdmins(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM users WHERE 'admin' = ANY(roles) ORDER BY id FOR UPDATE`);
    return rows.map((r) => r.id);
  }

  /**
   * Anonymises the account in place. The row stays (messages, threads and history refer to it and are
   * kept, shown as "Deleted user"); the email becomes an address nobody can own and the password hash
   * one no password matches, so nobody can sign in as it again. The former name also goes from what
   * was stored with it: events clients replay on reconnect, and other people's notifications of what
   * the person did ("Ann posted in …") with the events that carried them.
   */
  async anonymise(userId: string, formerName: string, manager: EntityManager) {
    await manager.query(
      `UPDATE users SET email = $2, password_hash = $4, display_name = $3, organisation_id = NULL, roles = '{member}', updated_at = now() WHERE id = $1`,
      [userId, `deleted+${userId}@deleted.invalid`, DELETED_USER_NAME, DELETED_PASSWORD_HASH],
    );
    // Contact details left with feedback go too; the feedback text stays with the page it was about.
    await manager.query(`UPDATE feedback SET email = NULL, user_id = NULL WHERE user_id = $1`, [userId]);
    // Titles are written as "<name> <what they did>" (notifications/recipients.service.ts).
    await manager.query(
      `WITH renamed AS (
         UPDATE notifications n SET title = $3 || substr(n.title, length($2) + 1)
         FROM outbox o WHERE o.id = n.event_id AND o.actor_id = $1 AND left(n.title, length($2)) = $2
         RETURNING n.id, n.title)
       UPDATE outbox o SET payload = jsonb_set(o.payload, '{title}', to_jsonb(r.title))
       FROM renamed r WHERE o.type = 'notification.created' AND o.payload->>'id' = r.id::text`,
      [userId, formerName, DELETED_USER_NAME],
    );
    // Everywhere an event names people it does so as {id, displayName}. The text match only narrows the search.
    const events: { id: string; payload: unknown }[] = await manager.query(`SELECT id, payload FROM outbox WHERE payload::text LIKE $1`, [`%${userId}%`]);
    const renamed = events.filter((e) => renamePerson(e.payload, userId, DELETED_USER_NAME));
    if (renamed.length) {
      await manager.query(`UPDATE outbox o SET payload = c.payload FROM unnest($1::bigint[], $2::jsonb[]) AS c(id, payload) WHERE o.id = c.id`, [
        renamed.map((e) => e.id),
        renamed.map((e) => JSON.stringify(e.payload)),
      ]);
    }
  }

  /** Removes the rows that exist only for the person (sessions, notifications, follows, roles on tools…). */
  async removePersonal(refs: UserReference[], userId: string, manager: EntityManager) {
    for (const ref of refs.filter((r) => r.onDelete === 'CASCADE')) {
      await manager.query(`DELETE FROM "${ref.table}" WHERE "${ref.column}" = $1`, [userId]);
    }
  }
}

/** Gives every {id: userId, displayName} inside `value` the name `name`, in place; true if any changed. */
function renamePerson(value: unknown, userId: string, name: string): boolean {
  if (value === null || typeof value !== 'object') return false;
  // Every branch is visited (no short-circuit): a payload can name the person more than once.
  const inside = Object.values(value).map((v) => renamePerson(v, userId, name));
  const o = value as { id?: unknown; displayName?: unknown };
  if (o.id === userId && typeof o.displayName === 'string' && o.displayName !== name) {
    o.displayName = name;
    return true;
  }
  return inside.some(Boolean);
}
