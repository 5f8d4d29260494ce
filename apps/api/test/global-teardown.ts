import { Redis } from 'ioredis';
import { dropDatabase, withAdminClient } from './test-env';

export default async function globalTeardown() {
  const run = process.env.TEST_RUN!;
  // Databases made by individual tests carry the run id too.
  await withAdminClient(async (c) => {
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`commons_test_${run}%`]);
    for (const { datname } of rows) await dropDatabase(datname);
  });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
