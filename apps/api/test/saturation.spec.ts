import type { INestApplicationContext } from '@nestjs/common';
import { topics } from '@commons/realtime';
import type { Server } from 'socket.io';
import { DeliveryService } from '../src/realtime/delivery.service';
import { Client, connect, eventually, isolated, newThread, Received, signedIn, startApp, startWorker, subscribe, TestApp } from './harness';

/**
 * Nothing silently dropped under saturation (the bench's 100 posts/s to 1,000 sockets, at small scale):
 * many sockets on one thread, posts faster than the API can write them all out, and every socket must end
 * with every event, by the live broadcast or, for a socket that fell behind, by a catch-up from the outbox.
 */
let app: TestApp;
let worker: INestApplicationContext;
const sockets: Received[] = [];

beforeAll(async () => {
  // Posts as fast as they can go: the per-member message limit lifted, as the bench does.
  // A small backlog, so sockets that the burst below leaves behind catch up from the outbox.
  const own = { ...(await isolated('saturation')), MESSAGE_RATE_PER_MINUTE: '1000000', SOCKET_MAX_BACKLOG: '20' };
  app = await startApp(own);
  worker = await startWorker(own);
});
afterEach(() => sockets.splice(0).forEach((r) => r.socket.disconnect()));
afterAll(() => Promise.all([app.close(), worker.close()]));

/** Which seqs of `topic` socket `r` has not had (once each), from `from` + 1 to `to`. */
function missing(r: Received, topic: string, from: number, to: number): number[] {
  const got = new Set(r.events.filter((e) => e.topic === topic).map((e) => e.seq));
  const gaps: number[] = [];
  for (let seq = from + 1; seq <= to; seq++) if (!got.has(seq)) gaps.push(seq);
  return gaps;
}

it('every socket gets every event of a burst it cannot keep up with live', async () => {
  const SOCKETS = Number(process.env.SATURATION_SOCKETS ?? 200);
  const POSTS = Number(process.env.SATURATION_POSTS ?? 200);
  const posters = await Promise.all([0, 1, 2, 3].map(() => signedIn(app.url)));
  const reader = await signedIn(app.url);
  const topic = topics.thread(await newThread(posters[0].client, 'Saturated'));
  const acks = [];
  for (let i = 0; i < SOCKETS; i++) {
    const r = connect(app.url, { cookie: reader.client.cookie });
    sockets.push(r);
    acks.push(subscribe(r.socket, topic));
  }
  const [{ seq: start }] = (await Promise.all(acks)) as { seq: number }[];

  // All at once, four members posting side by side: far more than the sockets can be written to live.
  const posted = await Promise.all(
    Array.from({ length: POSTS }, (_, i) => (posters[i % 4].client as Client).post(`/api/threads/${topic.slice('thread:'.length)}/messages`, { body: `Saturation message number ${i}` })),
  );
  expect(posted.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
  const last = start + POSTS;

  await eventually(() => {
    const short = sockets.map((r) => missing(r, topic, start, last).length).filter((n) => n > 0);
    expect({ socketsShort: short.length, eventsMissing: short.reduce((a, b) => a + b, 0) }).toEqual({ socketsShort: 0, eventsMissing: 0 });
  }, 90_000);
  // Once each, in the order of their seqs.
  for (const r of sockets) {
    const seqs = r.events.filter((e) => e.topic === topic).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: POSTS }, (_, i) => start + 1 + i));
  }
}, 180_000);

it('a socket that stops reading is not written to without bound, and gets everything once it reads again', async () => {
  const { client } = await signedIn(app.url);
  const topic = topics.thread(await newThread(client, 'One slow reader'));
  const [slow, brisk] = [connect(app.url), connect(app.url)];
  sockets.push(slow, brisk);
  const { seq: start } = (await subscribe(slow.socket, topic)) as { seq: number };
  await subscribe(brisk.socket, topic);
  // The slow reader's connection takes nothing more (as when its kernel buffers are full): engine.io queues.
  const delivery = app.app.get(DeliveryService);
  const server = (delivery as unknown as { server: Server }).server;
  const conn = server.sockets.sockets.get(slow.socket.id!)!.conn as unknown as { writeBuffer: unknown[]; transport: { writable: boolean; emit(e: string): void } };
  let stalled = true;
  let writable = conn.transport.writable;
  Object.defineProperty(conn.transport, 'writable', { get: () => !stalled && writable, set: (v: boolean) => (writable = v), configurable: true });
  const behindBefore = delivery.behind;

  const POSTS = 60;
  for (let i = 0; i < POSTS; i++) expect((await client.post(`/api/threads/${topic.slice(7)}/messages`, { body: `To a slow reader, number ${i}` })).status).toBe(201);
  await eventually(() => expect(missing(brisk, topic, start, start + POSTS)).toEqual([]));
  // It was dropped from the broadcast once 20 waited: what waits for it stays bounded.
  expect(delivery.behind).toBeGreaterThan(behindBefore);
  expect(conn.writeBuffer.length).toBeLessThanOrEqual(25);
  expect(slow.events).toEqual([]);

  // It reads again: what waited goes out, then the rest comes from the outbox, in order, once each.
  stalled = false;
  conn.transport.emit('ready'); // what the transport says when a write has gone out
  await eventually(() => expect(missing(slow, topic, start, start + POSTS)).toEqual([]));
  expect(slow.events.filter((e) => e.topic === topic).map((e) => e.seq)).toEqual(Array.from({ length: POSTS }, (_, i) => start + 1 + i));
  // And it is back in the room: the next event comes live.
  expect((await client.post(`/api/threads/${topic.slice(7)}/messages`, { body: 'Live again' })).status).toBe(201);
  await eventually(() => expect(slow.events.at(-1)?.seq).toBe(start + POSTS + 1));
});
