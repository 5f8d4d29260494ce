import { Client } from 'pg';
import type { Logger } from 'pino';
import { migrations } from './migrations';

/** The names TypeORM records in the `migrations` table, in order. */
export const knownMigrations = (): string[] => migrations.map((M) => new M().name ?? M.name);

/** Migrations this build knows that the database has not applied (all of them on an empty database). */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM migrations`).catch((error: { code?: string }) => {
      if (error.code === '42P01') return { rows: [] }; // no migrations table yet
      throw error;
    });
    const applied = new Set(rows.map((r) => r.name));
    return knownMigrations().filter((name) => !applied.has(name));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Polls until every migration this build knows is applied (by the `migrate` command or an API booting),
 * so a worker started alongside them never runs a job against a schema that is not there yet.
 */
export async function waitForMigrations(databaseUrl: string, log: Logger, everyMs = 1000): Promise<void> {
  let said = '';
  const started = Date.now();
  let warned = false;
  for (;;) {
    let state: string;
    try {
      const pending = await pendingMigrations(databaseUrl);
      if (!pending.length) break;
      state = `waiting for ${pending.length} migration(s) to be applied (up to ${pending[pending.length - 1]}): run \`npm run migrate\` or start the API`;
    } catch (error) {
      state = `waiting for Postgres: ${(error as Error).message}`;
    }
    if (state !== said) log.info(state);
    said = state;
    if (!warned && Date.now() - started > 60_000) {
      log.warn(`still ${state}`);
      warned = true;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  if (said) log.info('migrations applied: starting');
}
