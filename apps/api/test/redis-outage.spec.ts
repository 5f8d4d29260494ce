import type { INestApplicationContext } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { topics } from '@commons/realtime';
import { Client, connect, eventually, isolated, signedIn, signedInAdmin, startApp, startWorker, subscribe, TestApp } from './harness';

/** A Redis of this test's own, so stopping it disturbs no other test running alongside. */
let port: number;
let redis: ChildProcess | undefined;

async function startRedis() {
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await eventually(
    () =>
      new Promise<void>((resolve, reject) => {
        const s = createServer();
        s.once('error', () => resolve()); // port taken: Redis is listening
        s.listen(port, '127.0.0.1', () => s.close(() => reject(new Error('redis not up yet'))));
      }),
  );
}

function stopRedis(): Promise<void> {
  return new Promise((resolve) => {
    redis!.once('exit', () => resolve());
    redis!.kill('SIGKILL');
  });
}

let app: TestApp;
let worker: INestApplicationContext;

beforeAll(async () => {
  port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  await startRedis();
  // Its own database too: this test leaves events unpublished, which another file's sweeper must not take.
  const env = { ...(await isolated('outage')), REDIS_URL: `redis://127.0.0.1:${port}`, OUTBOX_SWEEP_MS: '200' };
  app = await startApp(env);
  worker = await startWorker(env);
});
afterAll(async () => {
  await Promise.all([app?.close(), worker?.close()]);
  redis?.kill('SIGKILL');
});

it('accepts writes while Redis is down (this instance\'s readers hear them at once), then delivers every event and runs every job once it is back', async () => {
  const admin = await signedInAdmin(app.url);
  const { client, user } = await signedIn(app.url);
  const member = connect(app.url, { cookie: client.cookie });
  await subscribe(member.socket, topics.user(user.id));

  await stopRedis();
  expect((await new Client(app.url).get('/api/health')).body).toMatchObject({ postgres: 'up', redis: 'down' });
  for (let i = 0; i < 5; i++) {
    const res = await admin.put(`/api/users/${user.id}/roles`, { roles: i % 2 ? [] : ['moderator'] });
    expect(res.status).toBe(200);
  }
  // The API's own writes reach its own sockets without Redis; the worker's notifications wait for it.
  await eventually(() => expect(member.events.map((e) => e.seq).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5]));
  expect(member.events.map((e) => e.type)).toEqual(Array(5).fill('user.roles.changed'));
  // Nothing else was written on the topic while Redis was away (read at the last moment before it is back).
  expect(await app.db.query(`SELECT seq::int FROM topic_seqs WHERE topic = $1`, [topics.user(user.id)])).toEqual([{ seq: 5 }]);

  await startRedis();
  // 5 role changes and, from the worker, 5 notifications: every seq once.
  await eventually(() => expect(member.events.map((e) => e.seq).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 20_000);
  await eventually(async () => expect(await app.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [user.id])).toEqual([{ n: 5 }]));
  // A socket may get an event from the outbox (the catch-up after the reconnect) before the sweeper has sent it.
  await eventually(async () => expect(await app.db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)).toEqual([{ n: 0 }]));
  member.socket.disconnect();
});
