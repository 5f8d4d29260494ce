import { createHash } from 'node:crypto';

const names = new Map<string, string>();

/**
 * `text` as a statement node-postgres prepares once per connection and then only binds and executes:
 * Postgres does not parse it again, and its text is not sent again. For the statements every post, check
 * and fan-out runs: unnamed, parse and plan were most of their Postgres time, and the longer message
 * most of the client's (docs/PERFORMANCE.md, "Round trips"). They are still planned each time, for the data as it is
 * (plan_cache_mode in database.module.ts). Pass it where TypeORM takes a query:
 * `manager.query(prepared(SQL), params)`; TypeORM hands it to pg unchanged, and pg takes a query config
 * there. Named after a hash of the text, so two texts never share a name, whatever builds them.
 *
 * Only for texts the code fixes (a table name from code at most), never one built from input: each
 * distinct text stays prepared on every connection that ran it, and named here, for the process's life.
 *
 * Name the columns, never `*`: a prepared statement's result has a fixed shape, and one that a migration
 * changed fails with "cached plan must not change result type" on every connection that prepared it.
 */
export function prepared(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `c${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  // pg writes the values into the config it is given: a fresh one per call, never a shared constant.
  return { name, text, toString: () => text } as unknown as string;
}
