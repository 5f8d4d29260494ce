import { fork, type ChildProcess } from 'node:child_process';
import { io } from 'socket.io-client';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { topics } from '@commons/realtime';
import { Client, connect, connected, isolated, newUser, Received, signedIn, startApp, subscribe, TestApp } from './harness';

/**
 * The limits on every door: the global write throttle (per member, per address, signed out), the socket's
 * subscription cap, unknown topics, message size, and one socket's flood against everyone else's reads.
 * Low limits here; the rest of the suite runs with them lifted (global-setup.ts).
 */
let app: TestApp;
const sockets: Received[] = [];
let addresses = 0;
/** Each test writes from an address of its own (X-Forwarded-For, trusted here), so their counts stay apart. */
const address = () => `198.51.100.${++addresses}`;

beforeAll(async () => {
  app = await startApp({
    ...(await isolated('limits')),
    TRUST_PROXY: 'true',
    THROTTLE_MEMBER_WRITES_PER_MINUTE: '3',
    THROTTLE_ADDRESS_WRITES_PER_MINUTE: '8',
    THROTTLE_ANONYMOUS_WRITES_PER_MINUTE: '2',
    SOCKET_MAX_SUBSCRIPTIONS: '3',
    SOCKET_MAX_MESSAGE_BYTES: '4096',
  });
});
afterEach(() => sockets.splice(0).forEach((r) => r.socket.disconnect()));
afterAll(() => app.close());

function open(opts: Parameters<typeof connect>[1] = {}) {
  const r = connect(app.url, opts);
  sockets.push(r);
  return r;
}

/** Registers from `from` (one anonymous write) and returns the member's client, writing from there too. */
async function member(from: string) {
  const client = new Client(app.url);
  const res = await client.request('POST', '/api/auth/register', newUser(), { 'x-forwarded-for': from });
  expect(res.status).toBe(201);
  return { client, write: (path: string, body: unknown) => client.request('POST', path, body, { 'x-forwarded-for': from }) };
}

const thread = (n: number) => ({ subjectType: 'general', title: `Throttled thread ${n}`, body: 'Hello' });

describe('the write throttle', () => {
  it('holds a member to their writes per minute on any route, with Retry-After, and leaves reads and others alone', async () => {
    const from = address();
    const one = await member(from);
    const created = await one.write('/api/threads', thread(0));
    expect(created.status).toBe(201);
    for (let i = 1; i < 3; i++) expect((await one.write('/api/threads', thread(i))).status).toBe(201);
    const refused = await one.write('/api/threads', thread(3));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.body.error.message).toMatch(/Too many requests/);
    // Any write route counts, not only threads (which has no limit of its own).
    expect((await one.write(`/api/threads/${created.body.thread.id}/messages`, { body: 'One more' })).status).toBe(429);
    // Reads are not throttled.
    expect((await one.client.request('GET', '/api/threads', undefined, { 'x-forwarded-for': from })).status).toBe(200);
    // Another member at another address writes as before.
    const other = await member(address());
    expect((await other.write('/api/threads', thread(4))).status).toBe(201);
  });

  it('holds signed-out writes per address, registration and password reset included', async () => {
    const from = address();
    const anonymous = new Client(app.url);
    const register = () => anonymous.request('POST', '/api/auth/register', newUser(), { 'x-forwarded-for': from });
    expect((await register()).status).toBe(201);
    anonymous.cookie = ''; // signed out again: the next write is anonymous too
    const reset = await anonymous.request('POST', '/api/auth/password-reset', { email: 'nobody@example.org' }, { 'x-forwarded-for': from });
    expect(reset.status).toBeLessThan(300);
    const refused = await register();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await anonymous.request('POST', '/api/auth/password-reset', { email: 'nobody@example.org' }, { 'x-forwarded-for': from })).status).toBe(429);
    // Another address is not held back.
    expect((await anonymous.request('POST', '/api/auth/register', newUser(), { 'x-forwarded-for': address() })).status).toBe(201);
  });

  it('holds an address to its writes per minute, whoever is signed in there', async () => {
    const from = address();
    // Two members registering there (2 writes), then 3 writes each: the address allows 8.
    const [one, two] = [await member(from), await member(from)];
    for (let i = 0; i < 3; i++) {
      expect((await one.write('/api/threads', thread(i))).status).toBe(201);
      expect((await two.write('/api/threads', thread(i))).status).toBe(201);
    }
    // A member with writes to spare, registered elsewhere, is refused at that address, and not at another.
    const three = await member(address());
    const there = await three.client.request('POST', '/api/threads', thread(7), { 'x-forwarded-for': from });
    expect(there.status).toBe(429);
    expect(Number(there.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await three.write('/api/threads', thread(8))).status).toBe(201);
  });
});

describe('socket limits', () => {
  it('refuses topics that name nothing, in the ack', async () => {
    const { client } = await signedIn(app.url);
    const { thread: t } = (await client.request('POST', '/api/threads', thread(0), { 'x-forwarded-for': address() })).body;
    const reader = open();
    expect(await subscribe(reader.socket, topics.thread(t.id))).toMatchObject({ ok: true });
    for (const unknown of ['thread:987654321012', 'tool:no-such-tool', 'initiative:no-such-initiative', 'idea:999999999', 'thread:99999999999999999']) {
      expect(await subscribe(reader.socket, unknown)).toEqual({ ok: false, error: `Unknown topic: ${unknown} does not exist` });
    }
    expect(await subscribe(reader.socket, 'catalogue')).toMatchObject({ ok: true });
  });

  it('caps the topics one socket follows; leaving one makes room', async () => {
    const { client, user } = await signedIn(app.url);
    const { thread: t } = (await client.request('POST', '/api/threads', thread(0), { 'x-forwarded-for': address() })).body;
    const r = open({ cookie: client.cookie });
    for (const topic of [topics.catalogue, topics.user(user.id), topics.thread(t.id)]) expect(await subscribe(r.socket, topic)).toMatchObject({ ok: true });
    const refused = await subscribe(r.socket, topics.moderation);
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^Too many topics: a connection follows at most 3/) });
    // Following again one it already follows is no new topic.
    expect(await subscribe(r.socket, topics.catalogue)).toMatchObject({ ok: true });
    await r.socket.timeout(5000).emitWithAck('unsubscribe', { topic: topics.catalogue });
    expect(await subscribe(r.socket, 'tool:' + (await app.db.query(`SELECT slug FROM tools LIMIT 1`))[0].slug)).toMatchObject({ ok: true });
  });

  it('closes a socket that sends a message over the size limit; others stay', async () => {
    const big = open();
    const other = open();
    await Promise.all([connected(big.socket), connected(other.socket)]);
    const closed = new Promise<string>((resolve) => big.socket.once('disconnect', resolve));
    big.socket.emit('typing', { topic: 'catalogue', section: 'x'.repeat(20_000) });
    expect(await closed).toMatch(/transport (close|error)/);
    expect(await subscribe(other.socket, 'catalogue')).toMatchObject({ ok: true });
  });
});

describe('connections per address', () => {
  let own: TestApp;
  beforeAll(async () => {
    own = await startApp({ ...(await isolated('limits-connections')), TRUST_PROXY: 'true', SOCKET_CONNECTIONS_PER_ADDRESS_PER_MINUTE: '3' });
  });
  afterAll(() => own.close());

  /** A socket from `from` (X-Forwarded-For): resolves "connected" or the handshake's refusal. */
  const attempt = (from: string) =>
    new Promise<string>((resolve) => {
      const socket = io(own.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { 'x-forwarded-for': from } });
      socket.once('connect', () => {
        resolve('connected');
        setTimeout(() => socket.disconnect(), 50);
      });
      socket.once('connect_error', (error) => resolve(error.message));
    });

  it('refuses an address its handshakes past the limit a minute, and no other address', async () => {
    const from = address();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await attempt(from));
    expect(answers.slice(0, 3)).toEqual(['connected', 'connected', 'connected']);
    expect(answers[3]).toMatch(/^Too many connections from this address: try again in \d+ seconds$/);
    expect(await attempt(address())).toBe('connected');
  });
});

/** The flooding socket, in a process of its own (bench/flood-client.js): its own work is not the API's. */
function flooder(url: string, count: number, rounds: number): { child: ChildProcess; started: Promise<void>; done: Promise<{ ok: number; refused: Record<string, number>; unanswered: number; disconnected: number; ms: number }> } {
  const child = fork(join(__dirname, '../../../bench/flood-client.js'), [url, String(count), String(rounds)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let started!: () => void;
  const startedP = new Promise<void>((resolve) => (started = resolve));
  const done = new Promise<{ ok: number; refused: Record<string, number>; unanswered: number; disconnected: number; ms: number }>((resolve, reject) => {
    child.on('message', (m: any) => (m.started ? started() : resolve(m)));
    child.on('exit', (code) => code && reject(new Error(`flood client exited ${code}`)));
  });
  return { child, started: startedP, done };
}

async function timeReads(client: Client, n: number, until?: () => boolean): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n && (until?.() ?? true); i++) {
    const t = performance.now();
    expect((await client.get('/api/threads')).status).toBe(200);
    times.push(performance.now() - t);
  }
  return times;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

describe('one abusive socket', () => {
  it('10,000 subscribes from one socket leave other readers within twice their idle time', async () => {
    const reader = new Client(app.url);
    await timeReads(reader, 10); // warm
    // On a shared 2-core machine one round can be unlucky; the flood's effect, when there is one, is every round.
    const ratios: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const idle = median(await timeReads(reader, 40));
      const flood = flooder(app.url, 10_000, 3);
      await flood.started;
      let flooding = true;
      void flood.done.then(() => (flooding = false), () => (flooding = false));
      const busy = await timeReads(reader, 200, () => flooding);
      const result = await flood.done;
      // Nothing that names no thread was taken. Past its burst each connection was answered "slow down",
      // then, a burst's worth later, disconnected: the rest of its flood was never read.
      expect(result.ok).toBe(0);
      expect(result.disconnected).toBe(3);
      expect(result.refused['Too many messages']).toBeGreaterThan(0);
      expect(Object.values(result.refused).reduce((a, b) => a + b, 0) + result.unanswered).toBe(30_000);
      expect(result.unanswered).toBeGreaterThan(25_000);
      expect(busy.length).toBeGreaterThanOrEqual(5);
      ratios.push(median(busy) / idle);
      if (ratios.at(-1)! < 2) break;
    }
    expect(Math.min(...ratios)).toBeLessThan(2);
  }, 120_000);
});

