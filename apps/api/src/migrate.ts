import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { loadEnv } from './config/env';
import { pinoOptions } from './config/logging';
import { DatabaseService, dataSourceOptions } from './database/database.module';
import { pendingMigrations } from './database/pending-migrations';

/**
 * `npm run migrate` and the compose file's one-shot `migrate` service: applies pending migrations (under
 * the same advisory lock as an API booting) and exits 0, so the API and the worker start on a migrated schema.
 */
async function main() {
  const env = loadEnv();
  const log = pino(pinoOptions(env));
  NestLogger.overrideLogger(false); // DatabaseService's own line; this command says what it did below
  const pending = await pendingMigrations(env.DATABASE_URL);
  const dataSource = await new DataSource(dataSourceOptions(env)).initialize();
  try {
    await new DatabaseService(dataSource).migrate();
  } finally {
    await dataSource.destroy();
  }
  log.info(pending.length ? `applied ${pending.length} migration(s): ${pending.join(', ')}` : 'the schema is up to date');
  log.flush();
}

main().catch((error: Error) => {
  console.error(error.message.startsWith('Invalid environment') ? error.message : error);
  process.exit(1);
});
