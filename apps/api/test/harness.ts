import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { createServer } from 'node:net';
import { io, Socket } from 'socket.io-client';
import { createApiApp } from '../src/app';
import { WorkerModule } from '../src/app.module';
import { loadEnv } from '../src/config/env';
import { createDatabase } from './test-env';
import { JobsService } from '../src/jobs/jobs.service';

export interface TestApp {
  url: string;
  app: NestFastifyApplication;
  db: DataSource;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * An in-process API on a free port against this run's database and Redis prefix. PUBLIC_ORIGIN is
 * its own address, so a browser pointed at `url` passes the socket Origin check.
 */
export async function startApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = loadEnv({ ...process.env, PORT: String(port), PUBLIC_ORIGIN: url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...overrides });
  const app = await createApiApp(env);
  await app.listen({ port, host: '127.0.0.1' });
  return { url, app, db: app.get(DataSource), close: () => app.close() };
}

/**
 * A database and Redis prefix of the test's own. Apps of one run share both by default, so one file's
 * sweeper could publish another's events and a moderator's live queue would see every file's items;
 * files that count exactly what arrives, or leave events unpublished on purpose, use this. A database
 * of its own always needs the prefix too: job ids (`moderate:feedback:1`) repeat across databases.
 */
export async function isolated(tag: string): Promise<Record<string, string>> {
  return {
    DATABASE_URL: await createDatabase(`commons_test_${process.env.TEST_RUN}_${tag}`),
    REDIS_PREFIX: `${process.env.REDIS_PREFIX}:${tag}`,
  };
}

/** An in-process worker (BullMQ processors + sweeper) against this run's database and Redis prefix. */
export async function startWorker(overrides: Record<string, string> = {}): Promise<INestApplicationContext> {
  const env = loadEnv({ ...process.env, ...overrides });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { logger: false });
  await app.init();
  return app;
}

export interface Received {
  socket: Socket;
  events: { id: number; topic: string; seq: number; type: string; payload: any; at: string }[];
  presence: { topic: string; users: { id: string; displayName: string }[] }[];
  typing: { topic: string; user: { id: string; displayName: string } }[];
}

/** A socket.io client as a browser on PUBLIC_ORIGIN would be (cookie + Origin), recording what arrives. */
export function connect(url: string, opts: { cookie?: string; origin?: string } = {}): Received {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin) headers.origin = opts.origin;
  const socket = io(url, { transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
  const received: Received = { socket, events: [], presence: [], typing: [] };
  socket.on('event', (e) => received.events.push(e));
  socket.on('presence', (p) => received.presence.push(p));
  socket.on('typing', (t) => received.typing.push(t));
  return received;
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

export async function subscribe(socket: Socket, topic: string, afterSeq?: number): Promise<{ ok: boolean; seq?: number; error?: string }> {
  await connected(socket);
  return socket.timeout(5000).emitWithAck('subscribe', afterSeq === undefined ? { topic } : { topic, afterSeq });
}

/**
 * Resolves once everything the server sent `socket` before it read this request has arrived: the ack
 * comes back on the same connection, after them. (Leaving a topic it does not follow changes nothing.)
 */
export async function flushed(socket: Socket) {
  await socket.timeout(5000).emitWithAck('unsubscribe', { topic: 'thread:999999999999999999' });
}

/** Waits until `r` has `topic`'s events up to `seq` (its ack's, or topic_seqs'): they arrive in seq order. */
export async function received(r: Received, topic: string, seq: number) {
  await eventually(() => expect(Math.max(0, ...r.events.filter((e) => e.topic === topic).map((e) => e.seq))).toBeGreaterThanOrEqual(seq));
}

let fences = 0;
/**
 * Resolves once instance `on` has handled every presence change `via` announced before the call: someone
 * arrives on a topic of their own through `via`, announced after those on the same Redis channel, and a
 * reader on `on` is told. Each announcement is handled as it comes, so "nobody was told" is then an answer.
 */
export async function presenceHeard(via: TestApp, on: TestApp) {
  // A thread of its own (subscribes to threads that do not exist are refused).
  const { client } = await signedIn(via.url);
  const topic = `thread:${await newThread(client, `Fence ${++fences}`)}`;
  const reader = connect(on.url);
  const arriving = connect(via.url, { cookie: client.cookie });
  try {
    await subscribe(reader.socket, topic);
    await eventually(() => expect(reader.presence).toHaveLength(1)); // who was here as it came: nobody
    await subscribe(arriving.socket, topic);
    await eventually(() => expect(reader.presence.length).toBeGreaterThan(1));
  } finally {
    reader.socket.disconnect();
    arriving.socket.disconnect();
  }
}

/** Polls until `check` passes (it throws while not yet true); for things that arrive asynchronously. */
export async function eventually<T>(check: () => T | Promise<T>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A fetch wrapper that keeps one cookie jar, like one browser. */
export class Client {
  cookie = '';

  constructor(readonly base: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.cookie && { cookie: this.cookie }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('commons_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0];
      this.cookie = value === 'commons_session=' ? '' : value;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }
  put<T = any>(path: string, body: unknown = {}) {
    return this.request<T>('PUT', path, body);
  }
  patch<T = any>(path: string, body: unknown = {}) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

let counter = 0;
/** A unique, valid registration. */
export function newUser(overrides: Partial<{ email: string; password: string; displayName: string; organisationId: number }> = {}) {
  counter++;
  return {
    email: `user${counter}.${process.pid}.${Date.now()}@example.org`,
    password: 'a sensible passphrase',
    displayName: `Test User ${counter}`,
    ...overrides,
  };
}

/** Registers a fresh user and returns a client signed in as them. */
export async function signedIn(url: string, overrides: Parameters<typeof newUser>[0] = {}) {
  const client = new Client(url);
  const res = await client.post('/api/auth/register', newUser(overrides));
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, user: res.body.user as { id: string; email: string; roles: string[] } };
}

/**
 * Makes the person signed in on `client` a verified member of the organisation, as a confirmed address on
 * one of its domains does: the organisation gets a test domain (org-<id>.members.test), the account's
 * address moves onto it and is marked confirmed, through the database. Returns the new address.
 */
export async function verifiedMemberOf(t: { db: DataSource }, client: Client, organisationId: number): Promise<string> {
  const me = await client.get('/api/auth/me');
  if (me.status !== 200) throw new Error(`not signed in: ${me.status}`);
  const domain = `org-${organisationId}.members.test`;
  await t.db.query(`INSERT INTO organisation_domains (domain, organisation_id, confirmed) VALUES ($1, $2, true) ON CONFLICT (domain) DO NOTHING`, [domain, organisationId]);
  const [[row]] = await t.db.query(
    `UPDATE users SET organisation_id = $2, email = split_part(email, '@', 1) || '@' || $3, email_verified_at = now() WHERE id = $1 RETURNING email`,
    [me.body.user.id, organisationId, domain],
  );
  return row.email;
}

/** Starts a general thread as `client`'s member; its id (for a `thread:<id>` topic that exists). */
export async function newThread(client: Client, title = 'A thread to follow'): Promise<number> {
  const res = await client.post('/api/threads', { subjectType: 'general', title, body: 'Hello' });
  if (res.status !== 201) throw new Error(`thread failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.thread.id;
}

export const ADMIN = { email: 'admin@test.commons.local', password: 'test-admin-password' };

/** The admin made from ADMIN_EMAIL/ADMIN_PASSWORD (startApp sets them by default in tests). */
export async function signedInAdmin(url: string) {
  const client = new Client(url);
  const res = await client.post('/api/auth/login', ADMIN);
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

/**
 * Waits until every committed event is published and every job it implied (moderation checks, then the
 * notification fan-outs they lead to) has finished, so "nothing arrived" is an answer, not a race.
 */
export async function settled(db: DataSource, worker: INestApplicationContext, ms = 20_000) {
  const jobs = worker.get(JobsService);
  const idle = async () => {
    for (const name of ['moderation', 'notifications'] as const) {
      const queue = jobs.queue(name);
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
      // Retries wait in 'delayed'; so do the daily schedules (repeat:…), which are no work left over.
      const retrying = (await queue.getDelayed()).filter((j) => !j.id?.startsWith('repeat:'));
      expect(retrying.map((j) => `${j.name}: ${j.failedReason}`)).toEqual([]);
      expect((await queue.getFailed()).map((j) => `${j.name}: ${j.failedReason}`)).toEqual([]);
    }
  };
  const unpublished = async () => (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`))[0].n;
  await eventually(async () => {
    // A job commits its events before it completes and publishes them just after, and the relay enqueues
    // an event's jobs before marking it published. So: queues idle, then nothing unpublished, in rounds,
    // each round one more link of job → events → jobs (a check, its held item's fan-out, its emails).
    for (let round = 0; round < 3; round++) {
      await idle();
      expect(await unpublished()).toBe(0);
    }
  }, ms);
}
