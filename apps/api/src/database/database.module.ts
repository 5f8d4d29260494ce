import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource, DataSourceOptions, EntityManager } from 'typeorm';
import { ENV, Env } from '../config/env';
import { migrations } from './migrations';

export function dataSourceOptions(env: Env): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    migrations,
    migrationsTableName: 'migrations',
    // A stuck database must turn into a quick 503, never a hung request. Pooled connections stay open
    // through a lull (pg closes them after 10 s idle by default): a new one costs a backend fork and
    // cold catalog caches, and the first posts after each quiet spell took 25–75 ms instead of 11.
    // Keep-alive finds one a network device dropped meanwhile.
    // Prepared statements (database/prepared.ts) are planned afresh each time, for the data as it is
    // then: a generic plan is kept for the life of the connection, and one made while a table was small
    // (a fresh deployment, a test database) scanned it whole for every batch once it had grown (moderation
    // checks: 2,000/s fell to 230/s). Parsing once is what saves the time; the plans stay right.
    // Pipeline mode: a query is written at once rather than after the previous one's answer (for the
    // outbox's events, written just ahead of COMMIT). Awaited queries behave as before; pg refuses the cursors and
    // `rows` reads that pipelining cannot carry, and nothing here uses them.
    extra: {
      max: 20,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 15_000,
      idleTimeoutMillis: 600_000,
      keepAlive: true,
      pipeline: true,
      options: '-c plan_cache_mode=force_custom_plan',
    },
  };
}

/** Same key in every instance, so two API processes booting together migrate one after the other. */
const MIGRATION_LOCK = 0x636f6d6d; // "comm"

@Injectable()
export class DatabaseService {
  private readonly logger = new Logger(DatabaseService.name);
  constructor(private readonly dataSource: DataSource) {}

  /** Applies pending migrations, then `afterwards` (seeding), all under one Postgres advisory lock. */
  async migrate(afterwards: () => Promise<void> = async () => {}): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      const applied = await this.dataSource.runMigrations({ transaction: 'each' });
      if (applied.length) this.logger.log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
      await afterwards();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }

  /**
   * Runs `work` in one transaction on one pooled connection; every transaction in the API and the
   * worker opens here (writes through OutboxService.transaction). TypeORM's QueryRunner runs it, so a
   * transaction opened inside (`manager.transaction`) is a savepoint. `client` is the connection itself,
   * for a statement that must be written ahead of COMMIT without waiting (the outbox's events).
   */
  async transaction<T>(work: (manager: EntityManager, client: PoolClient) => Promise<T>, isolation?: 'REPEATABLE READ'): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client: PoolClient = await runner.connect();
      await runner.startTransaction(isolation);
      try {
        const result = await work(runner.manager, client);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}

@Global()
@Module({
  imports: [
    // Each feature lists its entities (app.module.ts registers them with forFeature, which adds them here).
    TypeOrmModule.forRootAsync({ inject: [ENV], useFactory: (env: Env) => ({ ...dataSourceOptions(env), autoLoadEntities: true }) }),
  ],
  providers: [DatabaseService],
  exports: [DatabaseService, TypeOrmModule],
})
export class DatabaseModule {}
