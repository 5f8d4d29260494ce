import type { Topic } from '@commons/realtime';
import { RedisService } from '../src/redis/redis.module';
import { PresenceService } from '../src/realtime/presence.service';
import { connect, eventually, flushed, isolated, newThread, presenceHeard, Received, signedIn, startApp, subscribe, TestApp } from './harness';

/**
 * Presence's reaper against a real Redis, driven by hand: both instances' timers are stopped, so every
 * beat and reap below happens exactly when the test says.
 */
let a: TestApp;
let b: TestApp;
let prefix: string;
const sockets: Received[] = [];
function open(url: string, cookie?: string) {
  const r = connect(url, { cookie });
  sockets.push(r);
  return r;
}

beforeAll(async () => {
  const own = await isolated('presence');
  prefix = own.REDIS_PREFIX;
  [a, b] = await Promise.all([startApp({ ...own, PRESENCE_HEARTBEAT_MS: '1000' }), startApp({ ...own, PRESENCE_HEARTBEAT_MS: '1000' })]);
  for (const t of [a, b]) clearInterval(t.app.get(PresenceService)['timer']);
});
afterEach(() => sockets.splice(0).forEach((r) => r.socket.disconnect()));
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

const redis = () => a.app.get(RedisService).client;
const key = (suffix: string) => `${prefix}:presence:${suffix}`;
const names = (r: Received) => r.presence.at(-1)?.users.map((u) => u.displayName);
/** A thread that exists (a subscribe to one that does not is refused), as a topic. */
const aThread = async (): Promise<Topic> => `thread:${await newThread((await signedIn(a.url)).client)}`;
/** As if the instance had not beaten for a minute (a stalled event loop, or a crash). */
const silence = (p: PresenceService) => redis().hset(key('instances'), p.instance, Date.now() - 60_000);

/** A signed-in person on `t`, on `topic`, once their entry is in Redis. */
async function present(t: TestApp, displayName: string, topic: string) {
  const { client } = await signedIn(t.url, { displayName });
  const r = open(t.url, client.cookie);
  await subscribe(r.socket, topic);
  await eventually(async () => expect(await redis().hexists(key(topic), r.socket.id!)).toBe(1));
  return r;
}

describe('presence reaper', () => {
  it("keeps the people an instance put back between the reaper's look at the heartbeats and its delete", async () => {
    const topic = await aThread();
    const pa = a.app.get(PresenceService);
    const pb = b.app.get(PresenceService);
    await Promise.all([pa['beat'](), pb['beat']()]);
    const watcher = open(a.url);
    await subscribe(watcher.socket, topic);
    const bo = await present(b, 'Bo Stalled', topic);
    await eventually(() => expect(names(watcher)).toEqual(['Bo Stalled']));

    // B stalls, then comes back exactly while A reaps: after A has read the topics to go through (and, before
    // the fix, who is alive), before it deletes anything. B's beat finds its old heartbeat and puts Bo back.
    await silence(pb);
    await pa['beat']();
    const client = redis();
    const smembers = client.smembers.bind(client);
    let interleaved = false;
    const spy = jest.spyOn(client, 'smembers').mockImplementationOnce((async (...args: Parameters<typeof smembers>) => {
      const members = await smembers(...args);
      await pb['beat']();
      interleaved = true;
      return members;
    }) as typeof client.smembers);
    try {
      await pa.reap();
    } finally {
      spy.mockRestore();
    }
    expect(interleaved).toBe(true);

    // B's heartbeat is fresh now, so its later beats put nothing back: whatever the reap removed stays removed.
    await pb['beat']();
    expect(await redis().hexists(key(topic), bo.socket.id!)).toBe(1);
    expect(await redis().hexists(key('instances'), pb.instance)).toBe(1);
    expect(await redis().sismember(key('topics'), topic)).toBe(1);
    expect((await pa.users(topic)).map((u) => u.displayName)).toEqual(['Bo Stalled']);
    // Someone arrives on A after all that: any list A read before reaches the watcher ahead of theirs, and none
    // of them may have left Bo out.
    await present(a, 'Zed Later', topic);
    await eventually(() => expect(names(watcher)).toEqual(['Bo Stalled', 'Zed Later']));
    const lists = watcher.presence.filter((p) => p.topic === topic).map((p) => p.users.map((u) => u.displayName));
    expect(lists.slice(lists.findIndex((l) => l.includes('Bo Stalled'))).filter((l) => !l.includes('Bo Stalled'))).toEqual([]);
  });

  it("removes a dead instance's people and its heartbeat, and forgets a topic it leaves empty", async () => {
    const shared = await aThread();
    const onlyB = await aThread();
    const pa = a.app.get(PresenceService);
    const pb = b.app.get(PresenceService);
    await Promise.all([pa['beat'](), pb['beat']()]);
    const ann = await present(a, 'Ann Alive', shared);
    const cy = await present(b, 'Cy Dead', shared);
    const dee = await present(b, 'Dee Dead', onlyB);
    await eventually(() => expect(names(ann)).toEqual(['Ann Alive', 'Cy Dead']));

    await silence(pb);
    await pa['beat']();
    await pa.reap();

    expect(await redis().hkeys(key(shared))).toEqual([ann.socket.id]);
    expect(await redis().exists(key(onlyB))).toBe(0);
    expect(await redis().sismember(key('topics'), shared)).toBe(1);
    expect(await redis().sismember(key('topics'), onlyB)).toBe(0);
    expect(await redis().hexists(key('instances'), pb.instance)).toBe(0);
    expect(await redis().hexists(key('instances'), pa.instance)).toBe(1);
    await eventually(() => expect(names(ann)).toEqual(['Ann Alive']));

    // B was only stalled after all: with no heartbeat left to find, its next beat puts its people back.
    await pb['beat']();
    expect(await redis().hexists(key(shared), cy.socket.id!)).toBe(1);
    expect(await redis().hexists(key(onlyB), dee.socket.id!)).toBe(1);
    await eventually(() => expect(names(ann)).toEqual(['Ann Alive', 'Cy Dead']));
  });
});

describe('presence lists', () => {
  it('end on the newest list on every instance when two people arrive at once on different instances', async () => {
    const topic = await aThread();
    const pa = a.app.get(PresenceService);
    const pb = b.app.get(PresenceService);
    await Promise.all([pa['beat'](), pb['beat']()]);
    // A's reads of the list come back late (a busy instance), and out of order: the list A read just after
    // Bob arrived comes back last, after Alice arrived on B and after A's read of the list with her in it.
    const users = pa.users.bind(pa);
    const delays = [0, 900];
    let slow = 0;
    const spy = jest.spyOn(pa, 'users').mockImplementation(async (t: Topic) => {
      slow++;
      const list = await users(t);
      await new Promise((r) => setTimeout(r, delays.shift() ?? 100)); // the late read itself: latency on purpose
      slow--;
      return list;
    });
    try {
      const bob = await present(a, 'Bob Early', topic);
      const alice = await present(b, 'Alice Late', topic);
      // Every read done (so sent, or dropped), then the round trips bring in whatever was sent before them.
      await eventually(() => {
        expect(slow).toBe(0);
        expect([names(alice), names(bob)]).toEqual([['Alice Late', 'Bob Early'], ['Alice Late', 'Bob Early']]);
      }, 5000);
      await Promise.all([flushed(alice.socket), flushed(bob.socket)]);
      expect(names(alice)).toEqual(['Alice Late', 'Bob Early']);
      expect(names(bob)).toEqual(['Alice Late', 'Bob Early']);
    } finally {
      spy.mockRestore();
    }
  });

  it('are read only by the instances that have someone on the topic', async () => {
    const topic = await aThread();
    const pa = a.app.get(PresenceService);
    const pb = b.app.get(PresenceService);
    await Promise.all([pa['beat'](), pb['beat']()]);
    const readsOnB = jest.spyOn(pb, 'users');
    try {
      const cat = await present(a, 'Cat Alone', topic);
      await eventually(() => expect(names(cat)).toEqual(['Cat Alone']));
      // B heard of the change (every instance does), but nobody on B follows the topic.
      await presenceHeard(a, b);
      expect(readsOnB.mock.calls.filter(([t]) => t === topic)).toEqual([]);
      const dan = await present(b, 'Dan Joins', topic);
      await eventually(() => expect(names(cat)).toEqual(['Cat Alone', 'Dan Joins']));
      await eventually(() => expect(names(dan)).toEqual(['Cat Alone', 'Dan Joins']));
      expect(readsOnB.mock.calls.filter(([t]) => t === topic).length).toBeGreaterThan(0);
    } finally {
      readsOnB.mockRestore();
    }
  });
});
