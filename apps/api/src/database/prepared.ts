import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { EntityManager, QueryFailedError } from 'typeorm';

/** A statement node-postgres prepares once per connection under `name`, then only binds and executes. */
export interface Prepared {
  readonly name: string;
  readonly text: string;
}

const statements = new Map<string, Prepared>();

/**
 * `text` as a statement node-postgres prepares once per connection and then only binds and executes:
 * Postgres does not parse it again, and its text is not sent again. For the statements every post, check
 * and fan-out runs: unnamed, parse and plan were most of their Postgres time, and the longer message
 * most of the client's (docs/PERFORMANCE.md, "Round trips"). They are still planned each time, for the data as it is
 * (plan_cache_mode in database.module.ts). Run it with `query` below. Named after a hash of the text, so
 * two texts never share a name, whatever builds them.
 *
 * Only for texts the code fixes (a table name from code at most), never one built from input: each
 * distinct text stays prepared on every connection that ran it, and named here, for the process's life.
 *
 * Name the columns, never `*`: a prepared statement's result has a fixed shape, and one that a migration
 * changed fails with "cached plan must not change result type" on every connection that prepared it.
 */
export function prepared(text: string): Prepared {
  let statement = statements.get(text);
  if (!statement) {
    statement = { name: `c${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text };
    statements.set(text, statement);
  }
  return statement;
}

/**
 * Runs `statement` on `manager`'s connection (its transaction's, when it has one) and returns its rows,
 * typed by the caller: `T` names the columns the SQL selects or returns. A prepared statement goes to pg
 * as the query config pg documents (TypeORM's own `query` takes text only); its errors are TypeORM's
 * QueryFailedError like any other query's, so the exception filter reads them the same way.
 */
export async function query<T>(manager: EntityManager, statement: string | Prepared, params: unknown[] = []): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    if (typeof statement === 'string') return (await runner.query(statement, params, true)).records as T[];
    const client: PoolClient = await runner.connect();
    // pg writes the values into the config it is given: a fresh one per call, never the shared constant.
    const result = await client.query({ name: statement.name, text: statement.text, values: params }).catch((error: Error) => {
      throw new QueryFailedError(statement.text, params, error);
    });
    return result.rows as T[];
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
