'use strict';
/**
 * The baseline: a bare socket.io server (the Commons' own socket.io version, default in-memory
 * adapter, no auth, no database, no Redis) in its own process, on 127.0.0.1.
 *
 *   socket.io   `subscribe` {topic} → joins the room, acks {ok: true, seq}
 *   POST /emit  {topic, type, payload} → emits an `event` envelope {id, topic, seq, type, payload, at}
 *               to the room, then answers 200 {id, seq}
 *
 * Prints one JSON line {port} on stdout once listening; stops on SIGTERM/SIGINT or when its parent goes.
 */
const http = require('node:http');
const { Server } = require('socket.io');

const seqs = new Map();
let nextId = 1;

function envelope(topic, type, payload) {
  const seq = (seqs.get(topic) ?? 0) + 1;
  seqs.set(topic, seq);
  return { id: nextId++, topic, seq, type, payload, at: new Date().toISOString() };
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/emit') {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const e = envelope(body.topic, body.type, body.payload);
    io.to(body.topic).emit('event', e);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: e.id, seq: e.seq }));
  });
});

const io = new Server(server, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => {
  socket.on('subscribe', (input, ack) => {
    const topic = input && typeof input.topic === 'string' ? input.topic : null;
    if (!topic) return typeof ack === 'function' && ack({ ok: false, error: 'topic: required' });
    socket.join(topic);
    if (typeof ack === 'function') ack({ ok: true, seq: seqs.get(topic) ?? 0 });
  });
});

server.listen(Number(process.env.BENCH_BARE_PORT || 0), '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});

function stop() {
  io.close();
  server.close();
  setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Never outlive the orchestrator.
process.on('disconnect', stop);
