import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { DatabaseService } from '../src/database/database.module';
import { OutboxService, Recorded, Tx } from '../src/realtime/outbox.service';
import { eventually, signedIn, startApp, TestApp } from './harness';

// DatabaseService.transaction, where every transaction opens (TypeORM's QueryRunner), and
// OutboxService.transaction, every write's way in, whose events are written with COMMIT.
let t: TestApp;
let userId: string;
beforeAll(async () => {
  t = await startApp();
  userId = (await signedIn(t.url)).user.id;
});
afterAll(() => t?.close());

const outbox = () => t.app.get(OutboxService);
const db = () => t.app.get(DatabaseService);
const record = (tx: Tx) => tx.record({ topic: 'moderation', type: 'user.roles.changed', payload: { userId, roles: ['member'], by: userId } });
/** Writes the event now, in the transaction, for its id. */
const recordNow = async (tx: Tx) => (await record(tx).written())[0].id;
/** Records at commit; the id once it has committed. */
const committed = async (recorded: Promise<Recorded>) => (await (await recorded).written())[0].id;
const stored = async (id: number) => (await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE id = $1`, [id]))[0].n;

/** What the next transaction's connection writes and hears, in order: 'BEGIN', 'marker' (the first statement), 'COMMIT', 'other', 'reply'. */
function watchNextConnection(): string[] {
  const seen: string[] = [];
  const dataSource = t.app.get(DataSource);
  const create = dataSource.createQueryRunner.bind(dataSource);
  jest.spyOn(dataSource, 'createQueryRunner').mockImplementationOnce((...args) => {
    const runner = create(...args);
    const connect = runner.connect.bind(runner);
    runner.connect = async () => {
      const client: PoolClient & { connection: { stream: NodeJS.WritableStream & NodeJS.EventEmitter } } = await connect();
      const stream = client.connection.stream;
      const write = stream.write;
      const heard = () => seen.push('reply');
      stream.write = function (this: typeof stream, chunk: Buffer, ...rest: unknown[]) {
        const text = chunk.toString('latin1');
        seen.push(text.includes('BEGIN') ? 'BEGIN' : text.includes('pipelined_marker') ? 'marker' : text.includes('COMMIT') ? 'COMMIT' : 'other');
        return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
      } as typeof stream.write;
      stream.prependListener('data', heard);
      const release = runner.release.bind(runner);
      runner.release = () => {
        stream.write = write;
        stream.removeListener('data', heard);
        return release();
      };
      return client;
    };
    return runner;
  });
  return seen;
}

it('commits what the work wrote, and rolls all of it back when the work fails', async () => {
  const kept = await committed(outbox().transaction(async (tx) => record(tx)));
  expect(await stored(kept)).toBe(1);

  let lost = 0;
  await expect(
    outbox().transaction(async (tx) => {
      lost = await recordNow(tx);
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  expect(lost).toBeGreaterThan(0);
  expect(await stored(lost)).toBe(0);
});

it('fails with the statement when the first statement fails, and the connection serves the next transaction', async () => {
  await expect(db().transaction((manager) => manager.query(`SELECT * FROM no_such_table`))).rejects.toThrow(/no_such_table/);
  // As many at once as the pool holds (20), so most connections fail a first statement; then a write on each.
  await Promise.all(Array.from({ length: 20 }, () => expect(db().transaction((manager) => manager.query(`SELECT 1 / 0`))).rejects.toThrow(/division by zero/)));
  const ids = await Promise.all(Array.from({ length: 20 }, () => committed(outbox().transaction(async (tx) => record(tx)))));
  for (const id of ids) expect(await stored(id)).toBe(1);
});

it('is a transaction TypeORM knows of: a nested one is a savepoint and does not commit the outer one early', async () => {
  let id = 0;
  await expect(
    outbox().transaction(async (tx) => {
      id = await recordNow(tx);
      await tx.manager.transaction((inner) => inner.query(`SELECT 1`));
      throw new Error('after the nested transaction');
    }),
  ).rejects.toThrow('after the nested transaction');
  expect(await stored(id)).toBe(0);
});

it('opens at the isolation level asked for (the inbox reads its seq, page and count in one snapshot)', async () => {
  const level = (isolation?: 'REPEATABLE READ') => db().transaction(async (manager) => (await manager.query(`SHOW transaction_isolation`))[0].transaction_isolation, isolation);
  expect(await level('REPEATABLE READ')).toBe('repeatable read');
  expect(await level()).toBe('read committed');
});

describe('events recorded at commit', () => {
  const topic = () => `user:${userId}` as const;
  // Told apart by their roles (the payload's schema keeps nothing else of ours).
  const ROLES = { 1: ['member'], 2: ['moderator'], 10: ['member'], 11: ['moderator'], 12: ['member', 'admin'], 13: ['admin'], 20: ['member'] } as const;
  const roles = (n: keyof typeof ROLES) => ({ userId, roles: [...ROLES[n]], by: userId });

  it('go out in one statement written with COMMIT, before Postgres has answered either', async () => {
    const seen = watchNextConnection();
    await outbox().transaction(async (tx) => {
      await tx.manager.query(`SELECT 1 AS pipelined_marker`);
      tx.record({ topic: topic(), type: 'user.roles.changed', payload: roles(1) });
      tx.record([{ topic: topic(), type: 'user.roles.changed', payload: roles(2) }]);
    });
    const events = seen.indexOf('other', seen.indexOf('marker'));
    const commit = seen.indexOf('COMMIT');
    expect(events).toBeGreaterThan(0);
    expect(commit).toBeGreaterThan(events);
    expect(seen.slice(events, commit)).not.toContain('reply');
  });

  it('are numbered in the order recorded, each topic on its own, and published', async () => {
    const recorded = await outbox().transaction(async (tx) => {
      const first = tx.record({ topic: topic(), type: 'user.roles.changed', payload: roles(10) });
      tx.record([
        { topic: topic(), type: 'user.roles.changed', payload: roles(11) },
        { topic: 'moderation', type: 'user.roles.changed', payload: roles(12) },
      ]);
      tx.record({ topic: topic(), type: 'user.roles.changed', payload: roles(13) }, { actorId: userId });
      return first;
    });
    const first = (await recorded.written())[0].seq;
    // Its own events only: once they are published, a worker of another test file (this database is the
    // run's shared one) may tell the user of the role changes, on the same topic, with later seqs.
    const rows = await t.db.query(
      `SELECT seq::int, payload->'roles' AS roles, actor_id FROM outbox WHERE topic = $1 AND seq >= $2 AND type = 'user.roles.changed' ORDER BY seq`,
      [topic(), first],
    );
    expect(rows).toEqual([
      { seq: first, roles: ['member'], actor_id: null },
      { seq: first + 1, roles: ['moderator'], actor_id: null },
      { seq: first + 2, roles: ['admin'], actor_id: userId },
    ]);
    const published = async () => (await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = $1 AND seq > $2 AND published_at IS NULL`, [topic(), first]))[0].n;
    await eventually(async () => expect(await published()).toBe(0));
  });

  it('roll the whole transaction back when they cannot be written, and the write fails', async () => {
    let lost = 0;
    // An actor that is no uuid: the statement fails in Postgres, after the work is done.
    await expect(
      outbox().transaction(async (tx) => {
        lost = await recordNow(tx);
        tx.record({ topic: topic(), type: 'user.roles.changed', payload: roles(20) }, { actorId: 'not-a-uuid' });
      }),
    ).rejects.toThrow(/uuid/);
    expect(await stored(lost)).toBe(0);
    // And the connection serves the next transaction.
    const kept = await committed(outbox().transaction(async (tx) => record(tx)));
    expect(await stored(kept)).toBe(1);
  });
});
