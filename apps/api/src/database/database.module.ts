import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENV, Env } from '../config/env';
import { OrganisationEntity, SessionEntity, UserEntity } from '../identity/identity.entities';
import { ToolEntity } from '../tools/tool.entity';
import { migrations } from './migrations';

export const entities = [OrganisationEntity, UserEntity, SessionEntity, ToolEntity];

export function dataSourceOptions(env: Env): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    entities,
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
    // Pipeline mode: a query is written at once rather than after the previous one's answer (for
    // OutboxService.transaction's BEGIN). Awaited queries behave as before; pg refuses the cursors and
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

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({ inject: [ENV], useFactory: (env: Env) => dataSourceOptions(env) }),
    TypeOrmModule.forFeature(entities),
  ],
  providers: [DatabaseService],
  exports: [DatabaseService, TypeOrmModule],
})
export class DatabaseModule {}
