import { Client } from 'pg';

/** The Postgres server the tests use: DATABASE_URL's server, or the local one. */
export function serverUrl(database = 'postgres') {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database; the caller (or the run's teardown) drops it. */
export async function createDatabase(name: string) {
  await withAdminClient((c) => c.query(`CREATE DATABASE "${name}"`));
  return serverUrl(name);
}

export async function dropDatabase(name: string) {
  await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
