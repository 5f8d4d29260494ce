import { migrations } from '../src/database/migrations';
import { prepared } from '../src/database/prepared';
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

  it('sends a prepared statement by name: Postgres parses it once per connection, and it keeps working as tables change', async () => {
    const app = await startApp(await isolated('prepared'));
    const runner = app.db.createQueryRunner();
    try {
      const text = `SELECT id, email FROM users WHERE email = ANY($1)`;
      expect(await runner.query(prepared(text), [['nobody@example.org']])).toEqual([]);
      await runner.query(`ALTER TABLE users ADD COLUMN prepared_probe int`);
      expect(await runner.query(prepared(text), [['nobody@example.org']])).toEqual([]);
      // Unnamed statements are never listed here.
      expect(await runner.query(`SELECT statement FROM pg_prepared_statements WHERE name <> ''`)).toEqual([{ statement: text }]);
    } finally {
      await runner.release();
      await app.close();
    }
  });

  it('loads demo users of each role only with SEED_DEMO, and loading twice changes nothing', async () => {
    const own = await isolated('demo');
    const plain = await startApp(own);
    expect(await plain.db.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%@demo.commons.local'`)).toEqual([{ n: 0 }]);
    await plain.close();

    const first = await startApp({ ...own, SEED_DEMO: 'true' });
    const count = async () => (await first.db.query(`SELECT email, roles FROM users ORDER BY email`)) as { email: string; roles: string[] }[];
    const once = await count();
    await first.close();
    const second = await startApp({ ...own, SEED_DEMO: 'true' });
    try {
      expect(await second.db.query(`SELECT email, roles FROM users ORDER BY email`)).toEqual(once);
      expect(await second.db.query(`SELECT count(*)::int AS n FROM feedback`)).toEqual([{ n: 4 }]);
      expect(await second.db.query(`SELECT count(*)::int AS n FROM moderation_items WHERE subject_type = 'feedback'`)).toEqual([{ n: 4 }]);
      expect(await second.db.query(`SELECT count(*)::int AS n FROM threads`)).toEqual([{ n: 2 }]);
      expect(await second.db.query(`SELECT count(*)::int AS n FROM messages`)).toEqual([{ n: 4 }]);
      expect(await second.db.query(`SELECT count(*)::int AS n FROM tool_adoptions`)).toEqual([{ n: 5 }]);
      expect(await second.db.query(`SELECT count(*)::int AS n FROM initiatives`)).toEqual([{ n: 3 }]);
      expect(await second.db.query(`SELECT count(*)::int AS n FROM initiative_milestones`)).toEqual([{ n: 8 }]);
      expect((await new Client(second.url).get('/api/initiatives/ssd-rollout-2026')).body.initiative).toMatchObject({ status: 'active', progress: { done: 2, total: 5 }, overdue: 1, rag: 'at_risk' });
      expect((await new Client(second.url).get('/api/tools/regional-adoption-dashboard')).body.tool).toMatchObject({ stage: 'proposed' });
      expect(once.find((u) => u.email === 'moderator@demo.commons.local')?.roles).toEqual(['member', 'moderator']);
      const login = await new Client(second.url).post('/api/auth/login', { email: 'member@demo.commons.local', password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body.user.organisationId).not.toBeNull();
    } finally {
      await second.close();
    }
  });
});
