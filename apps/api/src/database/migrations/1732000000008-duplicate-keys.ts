import { MigrationInterface, QueryRunner } from 'typeorm';
import { duplicateKey } from '@commons/domain';

/** Where each kind of checked text lives, and who sent it. */
const SOURCES = [
  { table: 'feedback', text: 'summary', key: 'summary_key', sender: 'client_hash', oldIndex: 'feedback_client', oldColumns: '(client_hash, created_at DESC)' },
  { table: 'messages', text: 'body', key: 'body_key', sender: 'author_id', oldIndex: 'messages_author', oldColumns: '(author_id, created_at DESC)' },
] as const;

/**
 * The repeat check looked at up to 20 of the sender's texts of the last hour, found by an index on
 * (sender, created_at) that then had to read every text the sender sent in that hour: a sender who
 * sent thousands (a flood, or one address behind a proxy) made every check read thousands of rows.
 * Each text now carries md5(duplicateKey(text)) (null when too short to count), and the check is one
 * lookup on (sender, key, id). Rows from the last hour get their key here; older ones can no longer
 * be repeated within the hour, so they keep none.
 */
export class DuplicateKeys1732000000008 implements MigrationInterface {
  name = 'DuplicateKeys1732000000008';

  async up(q: QueryRunner): Promise<void> {
    for (const s of SOURCES) {
      await q.query(`ALTER TABLE ${s.table} ADD COLUMN ${s.key} uuid`);
      const rows: { id: string; text: string }[] = await q.query(`SELECT id, ${s.text} AS text FROM ${s.table} WHERE created_at > now() - interval '1 hour'`);
      const keyed = rows.map((r) => ({ id: r.id, key: duplicateKey(r.text) })).filter((r) => r.key !== null);
      if (keyed.length) {
        await q.query(`UPDATE ${s.table} t SET ${s.key} = md5(k.key)::uuid FROM unnest($1::bigint[], $2::text[]) AS k(id, key) WHERE t.id = k.id`, [
          keyed.map((r) => r.id),
          keyed.map((r) => r.key),
        ]);
      }
      await q.query(`DROP INDEX ${s.oldIndex}`);
      await q.query(`CREATE INDEX ${s.table}_repeats ON ${s.table} (${s.sender}, ${s.key}, id)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const s of SOURCES) {
      await q.query(`DROP INDEX ${s.table}_repeats`);
      await q.query(`CREATE INDEX ${s.oldIndex} ON ${s.table} ${s.oldColumns}`);
      await q.query(`ALTER TABLE ${s.table} DROP COLUMN ${s.key}`);
    }
  }
}
