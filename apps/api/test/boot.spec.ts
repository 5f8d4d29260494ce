import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '../src/database/migrations';
import { prepared, query } from '../src/database/prepared';
import { DEMO_PASSWORD } from '../src/seed/demo.seed';
import { Client, startApp, isolated } from './harness';

describe('boot', () => {
  it('two instances starting together against an empty database migrate it once', async () => {
    // A database (and Redis prefix: job ids repeat across databases) of its own, dropped with the run.
    const own = await isolated('concurrent');
    const [a, b] = await Promise.all([startApp(own), startApp(own)]);
    try {
      expect(await a.db.query('SELECT name FROM migrations ORDER BY id')).toEqual(migrations.map((m) => ({ name: m.name })));
      expect(await a.db.query(`SELECT count(*)::int AS n FROM organisations WHERE kind = 'local_authority'`)).toEqual([{ n: 153 }]);
      expect((await new Client(b.url).get('/api/health')).status).toBe(200);
      expect(await a.db.query(`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 1 }]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keeps its database connections through a lull of more than 10 s (new ones are slow to start)', async () => {
    const app = await startApp(await isolated('lull'));
    try {
      const backends = async () => (await app.db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() ORDER BY pid`)).map((r: { pid: number }) => r.pid);
      await Promise.all(Array.from({ length: 3 }, () => new Client(app.url).get('/api/tools')));
      const before = await backends();
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      expect(await backends()).toEqual(before);
    } finally {
      await app.close();
    }
  }, 30_000);

  it('sends a prepared statement by name: Postgres parses it once per connection, it keeps working as tables change, and is planned for the data as it is', async () => {
    const app = await startApp(await isolated('prepared'));
    const runner = app.db.createQueryRunner();
    try {
      const text = `SELECT id, email FROM users WHERE email = ANY($1)`;
      expect(await query(runner.manager, prepared(text), [['nobody@example.org']])).toEqual([]);
      await runner.query(`ALTER TABLE users ADD COLUMN prepared_probe int`);
      expect(await query(runner.manager, prepared(text), [['nobody@example.org']])).toEqual([]);
      // Unnamed statements are never listed here.
      expect(await runner.query(`SELECT statement FROM pg_prepared_statements WHERE name <> ''`)).toEqual([{ statement: text }]);

      // Planned for the table as it is now: run while the table was small, Postgres's default would keep a
      // generic plan that scans the whole table, however large it grows (no ANALYZE has run on it since).
      await runner.query(`CREATE TEMP TABLE grows (id bigint PRIMARY KEY, done boolean NOT NULL DEFAULT false)`);
      await runner.query(`INSERT INTO grows (id) SELECT g FROM generate_series(1, 10) g`);
      await runner.query(`ANALYZE grows`);
      const update = `UPDATE grows g SET done = true FROM unnest($1::bigint[]) AS c(id) WHERE g.id = c.id`;
      for (let i = 1; i <= 10; i++) await query(runner.manager, prepared(update), [[i]]);
      await runner.query(`INSERT INTO grows (id) SELECT g FROM generate_series(11, 50000) g`);
      const { name } = prepared(update);
      const plan = (await runner.query(`EXPLAIN EXECUTE ${name}('{20,30,40}')`)).map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('Index Scan using grows_pkey');
      expect(plan).not.toContain('Seq Scan on grows');
    } finally {
      await runner.release();
      await app.close();
    }
  });

  it('loads demo users of each role only with SEED_DEMO, and loading twice changes nothing', async () => {
    const own = await isolated('demo');
    const plain = await startApp(own);
    expect(await plain.db.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%demo.commons.local'`)).toEqual([{ n: 0 }]);
    await plain.close();

    const first = await startApp({ ...own, SEED_DEMO: 'true' });
    const count = async () => (await first.db.query(`SELECT email, roles FROM users ORDER BY email`)) as { email: string; roles: string[] }[];
    const once = await count();
    const adoptions = (await first.db.query(`SELECT count(*)::int AS n FROM tool_adoptions`))[0].n;
    await first.close();
    const second = await startApp({ ...own, SEED_DEMO: 'true' });
    try {
      expect(await second.db.query(`SELECT email, roles FROM users ORDER BY email`)).toEqual(once);
      expect(await second.db.query(`SELECT count(*)::int AS n FROM feedback`)).toEqual([{ n: 4 }]);
      expect(await second.db.query(`SELECT count(*)::int AS n FROM moderation_items WHERE subject_type = 'feedback'`)).toEqual([{ n: 4 }]);
      expect(await second.db.query(`SELECT count(*)::int AS n FROM threads`)).toEqual([{ n: 2 }]);
      expect(await second.db.query(`SELECT count(*)::int AS n FROM messages`)).toEqual([{ n: 4 }]);
      // The sector: adoption spread across authorities, every shared tool used somewhere, needs with backing.
      expect(await second.db.query(`SELECT count(*)::int AS n FROM tool_adoptions`)).toEqual([{ n: adoptions }]);
      expect(adoptions).toBeGreaterThan(150);
      expect(await second.db.query(`SELECT slug FROM tools t WHERE created_by IS NULL AND stage <> 'retired' AND NOT EXISTS (SELECT 1 FROM tool_adoptions a WHERE a.tool_id = t.id AND a.status = 'uses')`)).toEqual([]);
      const validator = (await new Client(second.url).get('/api/tools/903-validator')).body.tool;
      expect(validator.description).toContain('Pyodide');
      expect(validator.usedBy).toBeGreaterThan(40);
      expect((await new Client(second.url).get('/api/tools/903-validator/releases')).body.items.length).toBeGreaterThanOrEqual(5);
      expect((await new Client(second.url).get('/api/ideas')).body.items[0]).toMatchObject({ status: 'in_design', backing: { authorities: 14 } });
      expect((await new Client(second.url).get('/api/guides?tool=903-validator')).body.items).toHaveLength(1);
      expect(await second.db.query(`SELECT count(*)::int AS n FROM initiatives`)).toEqual([{ n: 3 }]);
      expect(await second.db.query(`SELECT count(*)::int AS n FROM initiative_milestones`)).toEqual([{ n: 8 }]);
      expect((await new Client(second.url).get('/api/initiatives/ssd-rollout-2026')).body.initiative).toMatchObject({ status: 'active', progress: { done: 2, total: 5 }, overdue: 1, rag: 'at_risk' });
      expect((await new Client(second.url).get('/api/tools/regional-adoption-dashboard')).body.tool).toMatchObject({ stage: 'proposed' });
      expect(once.find((u) => u.email === 'moderator@dfe.demo.commons.local')?.roles).toEqual(['member', 'moderator']);
      // The accounts `npm start` prints and the README lists are the ones the seed made.
      const seeded = once.map((u) => u.email).filter((e) => e.endsWith('.demo.commons.local')).sort();
      for (const file of ['scripts/start.sh', 'README.md']) {
        const listed = [...new Set(readFileSync(join(__dirname, '../../..', file), 'utf8').match(/[a-z]+@[a-z]+\.demo\.commons\.local/g))].sort();
        expect({ file, listed }).toEqual({ file, listed: seeded });
      }
      const login = await new Client(second.url).post('/api/auth/login', { email: 'member@camden.demo.commons.local', password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body.user.organisationId).not.toBeNull();
    } finally {
      await second.close();
    }
  });
});
