'use strict';
/**
 * The feedback-intake baseline: a bare Node `http` server (no framework, no validation, no rate limit,
 * no outbox) in its own process, on 127.0.0.1, with one route:
 *
 *   POST /api/feedback   {page, role, summary, nature?} → one INSERT into bench_bare_feedback through
 *                        `pg` (a pool of 20, as the API's) → 202 {id, status: 'received'}
 *
 * After answering it emits `event` {type: 'moderation.item.created', payload: {subjectType, subjectId}}
 * to the socket.io room `moderation` (sockets join it with `subscribe` {topic}), so the bench can time
 * POST → a moderator's socket against the same floor: a durable insert and one socket.io emit.
 *
 * DATABASE_URL: the bench database (its table is created here). Prints one JSON line {port} once
 * listening; stops on SIGTERM/SIGINT or when its parent goes.
 */
const http = require('node:http');
const { Pool } = require('pg');
const { Server } = require('socket.io');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20, idleTimeoutMillis: 0 });
let seq = 0;

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/feedback') {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    try {
      const { rows } = await pool.query('INSERT INTO bench_bare_feedback (page, nature, summary, role) VALUES ($1, $2, $3, $4) RETURNING id', [
        body.page,
        body.nature ?? null,
        body.summary,
        body.role,
      ]);
      const id = Number(rows[0].id);
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id, status: 'received' }));
      io.to('moderation').emit('event', { id, topic: 'moderation', seq: ++seq, type: 'moderation.item.created', payload: { subjectType: 'feedback', subjectId: id }, at: new Date().toISOString() });
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: err.message }));
    }
  });
});

const io = new Server(server, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => {
  socket.on('subscribe', (input, ack) => {
    socket.join(String(input?.topic));
    if (typeof ack === 'function') ack({ ok: true, seq });
  });
});

pool
  .query(
    `CREATE TABLE IF NOT EXISTS bench_bare_feedback (
       id bigserial PRIMARY KEY, page text NOT NULL, nature text, summary text NOT NULL, role text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now())`,
  )
  // Open the pool's 20 connections now, so the bench sees their Postgres backends from the first step.
  .then(() => Promise.all(Array.from({ length: 20 }, () => pool.connect())).then((clients) => clients.forEach((c) => c.release())))
  .then(
    () =>
      server.listen(0, '127.0.0.1', () => {
        process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
      }),
    (err) => {
      process.stderr.write(`[bare-intake] ${err.message}\n`);
      process.exit(1);
    },
  );

function stop() {
  io.close();
  server.close();
  pool.end().catch(() => undefined);
  setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
