'use strict';
/**
 * One abusive client: connects anonymously and sends `count` subscribes to threads that do not exist, all
 * at once, `rounds` times, each round on a new connection once the last one's answers are in (or it was
 * disconnected for its flood). Reports how the server answered: over IPC when forked
 * (apps/api/test/limits.spec.ts), else one JSON line on stdout (bench/flood.js).
 *
 *   node bench/flood-client.js URL COUNT ROUNDS
 */
const { performance } = require('node:perf_hooks');
const { io } = require('socket.io-client');

const [url, count = '10000', rounds = '1'] = process.argv.slice(2);
const report = (m) => (process.send ? process.send(m) : process.stdout.write(JSON.stringify(m) + '\n'));

function connect() {
  const socket = io(url, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, timeout: 30_000 });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function main() {
  const refused = {};
  let ok = 0;
  let unanswered = 0;
  let disconnected = 0;
  let started;
  for (let r = 0; r < Number(rounds); r++) {
    const socket = await connect();
    if (r === 0) {
      report({ started: true });
      started = performance.now();
    }
    socket.once('disconnect', (reason) => reason === 'io server disconnect' && disconnected++);
    const acks = [];
    for (let i = 0; i < Number(count); i++) {
      // Ids no thread has: the flood, `thread:N` that do not exist.
      const topic = `thread:${9_000_000_000_000 + r * Number(count) + i}`;
      acks.push(
        socket.timeout(60_000).emitWithAck('subscribe', { topic }).then(
          (ack) => {
            if (ack?.ok) ok++;
            else {
              const reason = String(ack?.error).split(':')[0];
              refused[reason] = (refused[reason] ?? 0) + 1;
            }
          },
          () => unanswered++, // never answered: the server closed the connection
        ),
      );
    }
    await Promise.all(acks);
    socket.disconnect();
  }
  report({ ok, refused, unanswered, disconnected, ms: performance.now() - started });
  setTimeout(() => process.exit(0), 50);
}

main().catch((err) => {
  console.error(`flood client: ${err.message}`);
  process.exit(2);
});
