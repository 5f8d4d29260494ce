import { randomBytes } from 'node:crypto';
import { createDatabase, withAdminClient } from './test-env';

/**
 * Every run gets its own database and Redis key prefix, so two runs (or a run and `npm start`) never
 * see each other. Workers inherit process.env from here.
 */
export default async function globalSetup() {
  const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `commons_test_${run}`;
  // Databases left by a run that was killed are cleared once they are a day old.
  await withAdminClient(async (c) => {
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'commons_test_%'`);
    for (const { datname } of rows) {
      const born = parseInt(datname.slice('commons_test_'.length).split('_')[0], 36);
      if (Date.now() - born > 86_400_000) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
  process.env.DATABASE_URL = await createDatabase(database);
  process.env.TEST_DATABASE = database;
  process.env.TEST_RUN = run;
  process.env.REDIS_PREFIX = `commons-test-${run}`;
  process.env.LOG_LEVEL ??= 'warn';
  // Every test signs in from 127.0.0.1; the per-address throttle has a test of its own.
  process.env.LOGIN_ATTEMPTS_PER_ADDRESS ??= '100000';
  process.env.REGISTRATIONS_PER_ADDRESS ??= '100000';
  process.env.PASSWORD_RESETS_PER_ADDRESS ??= '100000';
  // Every test writes from 127.0.0.1, many as one member: the global write throttle has a test of its own (limits.spec.ts).
  process.env.THROTTLE_MEMBER_WRITES_PER_MINUTE ??= '1000000';
  process.env.THROTTLE_ADDRESS_WRITES_PER_MINUTE ??= '1000000';
  process.env.THROTTLE_ANONYMOUS_WRITES_PER_MINUTE ??= '1000000';
  process.env.SOCKET_CONNECTIONS_PER_ADDRESS_PER_MINUTE ??= '1000000';
  process.env.NODE_ENV = 'test';
}
