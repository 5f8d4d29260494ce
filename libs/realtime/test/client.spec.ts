import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { RealtimeClient, type RealtimeClientOptions } from '../src/client';
import type { EventEnvelope } from '../src/events';

/**
 * A bare socket.io server speaking the realtime protocol over an in-memory event list, so each test
 * decides what the client sees: duplicates, reordering, gaps, disconnects.
 */
interface Request {
  name: 'subscribe' | 'unsubscribe' | 'typing';
  topic: string;
  afterSeq?: number;
}

class FakeServer {
  io!: Server;
  port = 0;
  readonly requests: Request[] = [];
  /** topic → its events; seq n is at index n - 1 */
  readonly store = new Map<string, EventEnvelope[]>();
  readonly refused = new Set<string>();
  /** topic → the highest seq no longer kept (retention): a replay from before it is answered `refetch`. */
  readonly pruned = new Map<string, number>();
  private nextId = 1;

  async start(port = 0) {
    const http = createServer();
    this.io = new Server(http);
    this.io.on('connection', (socket) => {
      socket.on('subscribe', (req: { topic: string; afterSeq?: number }, ack: (a: unknown) => void) => {
        this.requests.push({ name: 'subscribe', ...req });
        if (this.refused.has(req.topic)) return ack({ ok: false, error: `Not allowed: ${req.topic}` });
        void socket.join(req.topic);
        const events = this.events(req.topic);
        if (req.afterSeq !== undefined && req.afterSeq < (this.pruned.get(req.topic) ?? 0)) return ack({ ok: true, seq: events.length, refetch: true });
        ack({ ok: true, seq: events.length });
        if (req.afterSeq !== undefined) for (const e of events.slice(req.afterSeq)) socket.emit('event', e);
      });
      socket.on('unsubscribe', (req: { topic: string }, ack?: (a: unknown) => void) => {
        this.requests.push({ name: 'unsubscribe', ...req });
        void socket.leave(req.topic);
        ack?.({ ok: true });
      });
      socket.on('typing', (req: { topic: string }) => this.requests.push({ name: 'typing', ...req }));
    });
    await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
    this.port = (http.address() as AddressInfo).port;
  }

  async stop() {
    await new Promise<void>((resolve) => this.io.close(() => resolve()));
  }

  events(topic: string) {
    if (!this.store.has(topic)) this.store.set(topic, []);
    return this.store.get(topic)!;
  }

  /** Record the topic's next event; `live` sends it to the topic's sockets too, otherwise it is "lost". */
  append(topic: string, { live = true } = {}): EventEnvelope {
    const events = this.events(topic);
    const seq = events.length + 1;
    const at = new Date().toISOString();
    const event = {
      id: this.nextId++,
      topic,
      seq,
      type: 'notification.created' as const,
      payload: { id: seq, kind: 'test', title: `event ${seq}`, url: null, createdAt: at },
      at,
    };
    events.push(event);
    if (live) this.io.to(topic).emit('event', event);
    return event;
  }

  /** Send something to every socket as is: repeats, out of order, malformed. */
  raw(name: string, data: unknown) {
    this.io.emit(name, data);
  }

  subscribes(topic: string) {
    return this.requests.filter((r) => r.name === 'subscribe' && r.topic === topic).map(({ afterSeq }) => ({ afterSeq }));
  }
}

async function waitFor(check: () => void, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10)); // the poll's interval: the deadline ends it
    }
  }
}

let server: FakeServer;
let sockets: Socket[] = [];
let clients: RealtimeClient[] = [];

async function connect(options: RealtimeClientOptions = {}) {
  const socket = io(`http://127.0.0.1:${server.port}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 100,
  });
  const client = new RealtimeClient(socket, { gapMs: 200, ...options });
  sockets.push(socket);
  clients.push(client);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, client };
}

/** Subscribe and collect the seqs delivered. */
function follow(client: RealtimeClient, topic: string, afterSeq?: number) {
  const seqs: number[] = [];
  const errors: string[] = [];
  const unsubscribe = client.subscribe(topic, { afterSeq, onEvent: (e) => seqs.push(e.seq), onError: (e) => errors.push(e) });
  return { seqs, errors, unsubscribe };
}

const T = 'thread:1';

beforeEach(async () => {
  server = new FakeServer();
  await server.start();
});

afterEach(async () => {
  for (const client of clients) client.close();
  for (const socket of sockets) socket.disconnect();
  sockets = [];
  clients = [];
  await server.stop();
});

test('delivers new events in order, and only new ones when no afterSeq is given', async () => {
  server.append(T);
  server.append(T);
  const { client } = await connect();
  const { seqs } = follow(client, T);
  await waitFor(() => expect(client.lastSeq(T)).toBe(2));

  for (let i = 0; i < 3; i++) server.append(T);
  await waitFor(() => expect(seqs).toEqual([3, 4, 5]));
  expect(client.lastSeq(T)).toBe(5);
  expect(server.subscribes(T)).toEqual([{ afterSeq: undefined }]);
});

test('replays from afterSeq, then continues live', async () => {
  for (let i = 0; i < 3; i++) server.append(T);
  const { client } = await connect();
  const { seqs } = follow(client, T, 1);
  await waitFor(() => expect(seqs).toEqual([2, 3]));
  server.append(T);
  await waitFor(() => expect(seqs).toEqual([2, 3, 4]));
  expect(server.subscribes(T)).toEqual([{ afterSeq: 1 }]);
});

test('drops duplicates and ignores malformed envelopes', async () => {
  const { client } = await connect();
  const { seqs } = follow(client, T);
  await waitFor(() => expect(client.lastSeq(T)).toBe(0));

  const one = server.append(T);
  server.raw('event', one);
  server.raw('event', { ...one, seq: 'two' });
  server.raw('event', { topic: T });
  const two = server.append(T);
  server.raw('event', two);
  server.raw('event', one);
  server.append(T);
  await waitFor(() => expect(seqs).toEqual([1, 2, 3]));
  // a last event proves nothing else was still on its way
  server.append(T);
  await waitFor(() => expect(seqs).toEqual([1, 2, 3, 4]));
});

test('buffers events that arrive out of order and delivers them in order', async () => {
  const { client, socket } = await connect({ gapMs: 5000 });
  const { seqs } = follow(client, T);
  await waitFor(() => expect(client.lastSeq(T)).toBe(0));

  const [one, two, three] = [server.append(T, { live: false }), server.append(T, { live: false }), server.append(T, { live: false })];
  server.raw('event', three);
  server.raw('event', two);
  // The ack comes back on the same connection after both: by then the client has had them, and held them.
  await socket.timeout(1000).emitWithAck('unsubscribe', { topic: 'thread:2' });
  expect(seqs).toEqual([]);
  server.raw('event', one);
  await waitFor(() => expect(seqs).toEqual([1, 2, 3]));
  // the gap closed by itself, so nothing was fetched
  expect(server.subscribes(T)).toEqual([{ afterSeq: undefined }]);
});

test('fetches a lasting gap by subscribing again after lastSeq', async () => {
  const { client } = await connect({ gapMs: 200 });
  const { seqs } = follow(client, T);
  await waitFor(() => expect(client.lastSeq(T)).toBe(0));

  server.append(T);
  server.append(T, { live: false });
  server.append(T);
  await waitFor(() => expect(seqs).toEqual([1, 2, 3]));
  expect(server.subscribes(T)).toEqual([{ afterSeq: undefined }, { afterSeq: 1 }]);
  server.append(T);
  await waitFor(() => expect(seqs).toEqual([1, 2, 3, 4]));
});

test('fetches at once when too many events wait behind a gap', async () => {
  const { client } = await connect({ gapMs: 60_000, maxBuffer: 3 });
  const { seqs } = follow(client, T);
  await waitFor(() => expect(client.lastSeq(T)).toBe(0));

  server.append(T, { live: false });
  for (let i = 0; i < 4; i++) server.append(T);
  await waitFor(() => expect(seqs).toEqual([1, 2, 3, 4, 5]), 2000);
  expect(server.subscribes(T)).toEqual([{ afterSeq: undefined }, { afterSeq: 0 }]);
});

test('after the connection drops, resubscribes after lastSeq and gets exactly what was missed', async () => {
  const { client, socket } = await connect();
  const { seqs } = follow(client, T);
  await waitFor(() => expect(client.lastSeq(T)).toBe(0));
  server.append(T);
  server.append(T);
  await waitFor(() => expect(seqs).toEqual([1, 2]));

  const reconnected = new Promise<void>((resolve) => socket.once('disconnect', () => socket.once('connect', () => resolve())));
  for (const s of await server.io.fetchSockets()) (s as unknown as { conn: { close(): void } }).conn.close();
  // happen while the client is away
  server.append(T, { live: false });
  server.append(T, { live: false });
  await reconnected;

  await waitFor(() => expect(seqs).toEqual([1, 2, 3, 4]));
  expect(server.subscribes(T)).toEqual([{ afterSeq: undefined }, { afterSeq: 2 }]);
  server.append(T);
  await waitFor(() => expect(seqs).toEqual([1, 2, 3, 4, 5]));
});

test('survives a server restart on the same port', async () => {
  const { client, socket } = await connect();
  const a = follow(client, T);
  const b = follow(client, 'thread:2');
  await waitFor(() => expect(client.lastSeq('thread:2')).toBe(0));
  server.append(T);
  await waitFor(() => expect(a.seqs).toEqual([1]));

  const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
  await server.stop();
  await disconnected;
  server.append(T, { live: false });
  server.append('thread:2', { live: false });
  const reconnected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  await server.start(server.port);
  await reconnected;

  await waitFor(() => expect([a.seqs, b.seqs]).toEqual([[1, 2], [1]]));
  expect(server.subscribes(T)).toEqual([{ afterSeq: undefined }, { afterSeq: 1 }]);
  expect(server.subscribes('thread:2')).toEqual([{ afterSeq: undefined }, { afterSeq: 0 }]);
  server.append(T);
  await waitFor(() => expect(a.seqs).toEqual([1, 2, 3]));
});

test('a refused topic reaches onError and delivers nothing', async () => {
  server.refused.add('moderation');
  const { client } = await connect();
  const { seqs, errors } = follow(client, 'moderation');
  await waitFor(() => expect(errors).toEqual(['Not allowed: moderation']));
  server.raw('event', server.append('moderation', { live: false }));
  follow(client, T);
  server.append(T);
  await waitFor(() => expect(client.lastSeq(T)).toBe(1));
  expect(seqs).toEqual([]);
});

test('subscribers of one topic share one server subscription', async () => {
  const { client } = await connect();
  const a = follow(client, T);
  const b = follow(client, T);
  await waitFor(() => expect(client.lastSeq(T)).toBe(0));
  server.append(T);
  await waitFor(() => expect([a.seqs, b.seqs]).toEqual([[1], [1]]));

  a.unsubscribe();
  a.unsubscribe();
  server.append(T);
  await waitFor(() => expect(b.seqs).toEqual([1, 2]));
  expect(a.seqs).toEqual([1]);
  expect(server.requests.filter((r) => r.name === 'unsubscribe')).toEqual([]);

  b.unsubscribe();
  await waitFor(() => expect(server.requests.filter((r) => r.name === 'unsubscribe')).toEqual([{ name: 'unsubscribe', topic: T }]));
  expect(client.lastSeq(T)).toBeUndefined();
  expect(server.subscribes(T)).toEqual([{ afterSeq: undefined }]);

  // following it again starts a new server subscription
  const c = follow(client, T);
  await waitFor(() => expect(server.subscribes(T)).toHaveLength(2));
  server.append(T);
  await waitFor(() => expect(c.seqs).toEqual([3]));
});

test('a later subscriber asking for older events gets them; the earlier one gets no repeats', async () => {
  for (let i = 0; i < 3; i++) server.append(T);
  const { client } = await connect();
  const a = follow(client, T);
  await waitFor(() => expect(client.lastSeq(T)).toBe(3));
  server.append(T);
  await waitFor(() => expect(a.seqs).toEqual([4]));

  const b = follow(client, T, 1);
  await waitFor(() => expect(b.seqs).toEqual([2, 3, 4]));
  server.append(T);
  await waitFor(() => expect([a.seqs, b.seqs]).toEqual([[4, 5], [2, 3, 4, 5]]));
  expect(server.subscribes(T)).toEqual([{ afterSeq: undefined }, { afterSeq: 1 }]);

  // a later subscriber without afterSeq starts from now
  const c = follow(client, T);
  server.append(T);
  await waitFor(() => expect([a.seqs, c.seqs]).toEqual([[4, 5, 6], [6]]));
});

test('onReady says once where each subscriber starts, after the ack or at once when the topic is already followed', async () => {
  for (let i = 0; i < 2; i++) server.append(T);
  const { client } = await connect();
  const ready: string[] = [];
  client.subscribe(T, { onEvent: () => undefined, onReady: (seq) => ready.push(`a:${seq}`) });
  await waitFor(() => expect(ready).toEqual(['a:2']));

  server.append(T);
  await waitFor(() => expect(client.lastSeq(T)).toBe(3));
  // a late subscriber starts at the topic's head, one asking for older events once the replay is asked for
  client.subscribe(T, { onEvent: () => undefined, onReady: (seq) => ready.push(`b:${seq}`) });
  client.subscribe(T, { afterSeq: 1, onEvent: () => undefined, onReady: (seq) => ready.push(`c:${seq}`) });
  await waitFor(() => expect(ready.sort()).toEqual(['a:2', 'b:3', 'c:1']));
  expect(server.subscribes(T)).toEqual([{ afterSeq: undefined }, { afterSeq: 1 }]);
});

test('passes presence and typing on, and throttles typing', async () => {
  const { client } = await connect();
  const presence: string[][] = [];
  const typing: string[] = [];
  client.subscribe(T, { onEvent: () => undefined, onPresence: (users) => presence.push(users.map((u) => u.displayName)), onTyping: (u) => typing.push(u.displayName) });
  await waitFor(() => expect(client.lastSeq(T)).toBe(0));

  server.raw('presence', { topic: T, users: [{ id: 'a', displayName: 'Ada' }] });
  server.raw('presence', { topic: 'thread:9', users: [] });
  server.raw('typing', { topic: T, user: { id: 'a', displayName: 'Ada' } });
  server.raw('typing', { topic: T, user: { id: 'b' } });
  await waitFor(() => expect([presence, typing]).toEqual([[['Ada']], ['Ada']]));
  expect(client.presence(T)).toEqual([{ id: 'a', displayName: 'Ada' }]);

  client.typing(T);
  client.typing(T);
  client.typing(T);
  client.typing('thread:2');
  await waitFor(() => expect(server.requests.filter((r) => r.name === 'typing')).toEqual([{ name: 'typing', topic: T }, { name: 'typing', topic: 'thread:2' }]));
});

test('told that what it missed is no longer kept, it reloads once and goes on from the server\'s seq', async () => {
  for (let i = 0; i < 5; i++) server.append(T);
  server.pruned.set(T, 3);
  const { client } = await connect();
  const refetches: number[] = [];
  const seqs: number[] = [];
  client.subscribe(T, { afterSeq: 1, onEvent: (e) => seqs.push(e.seq), onRefetch: (seq) => refetches.push(seq) });
  await waitFor(() => expect(refetches).toEqual([5]));
  expect(client.lastSeq(T)).toBe(5);
  server.append(T);
  await waitFor(() => expect(seqs).toEqual([6]));
  // A subscriber that was not behind is not asked to reload.
  const late: number[] = [];
  client.subscribe(T, { onEvent: () => undefined, onRefetch: (seq) => late.push(seq) });
  server.append(T);
  await waitFor(() => expect(seqs).toEqual([6, 7]));
  expect([refetches, late]).toEqual([[5], []]);
});

test('a `refetch` from the server skips a gap it cannot fill: reload, then events after its seq', async () => {
  const { client } = await connect({ gapMs: 60_000 });
  const refetches: number[] = [];
  const seqs: number[] = [];
  client.subscribe(T, { onEvent: (e) => seqs.push(e.seq), onRefetch: (seq) => refetches.push(seq) });
  await waitFor(() => expect(client.lastSeq(T)).toBe(0));
  server.append(T);
  for (let i = 0; i < 3; i++) server.append(T, { live: false });
  server.append(T); // 5 waits behind the gap 2–4
  await waitFor(() => expect(seqs).toEqual([1]));
  server.raw('refetch', { topic: T, seq: 4 });
  await waitFor(() => expect(seqs).toEqual([1, 5]));
  expect(refetches).toEqual([4]);
  server.raw('refetch', { topic: T, seq: 3 }); // behind what it has: nothing to do
  server.raw('refetch', { topic: T, seq: 'x' });
  server.append(T);
  await waitFor(() => expect(seqs).toEqual([1, 5, 6]));
  expect(refetches).toEqual([4]);
});
