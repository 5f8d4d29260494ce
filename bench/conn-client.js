'use strict';
/**
 * One of the connections scenario's load-generator processes (bench/connections.js starts several, so
 * no one process holds 10,000 sockets). Over IPC:
 *
 *   {cmd: 'open', url, count, headers, concurrency}  opens `count` socket.io connections (websocket, one
 *                                                     per socket), at most `concurrency` handshakes in
 *                                                     flight; answers {opened, failed, firstError, ms}
 *   {cmd: 'close'}                                   disconnects them all; answers {closed, dropped}
 *
 * The sockets stay idle (socket.io's own ping/pong only). Exits when its parent goes.
 */
const { performance } = require('node:perf_hooks');
const { io } = require('socket.io-client');

const sockets = [];
let dropped = 0;
let closing = false;

function openOne(url, headers) {
  return new Promise((resolve) => {
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true, timeout: 30_000 });
    socket.once('connect', () => {
      sockets.push(socket);
      socket.on('disconnect', () => closing || dropped++);
      resolve(null);
    });
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
  });
}

process.on('message', async (m) => {
  if (m.cmd === 'open') {
    const started = performance.now();
    let next = 0;
    let failed = 0;
    let firstError = null;
    const lane = async () => {
      while (next < m.count) {
        next++;
        const err = await openOne(m.url, m.headers);
        if (err) {
          failed++;
          firstError ??= err;
        }
      }
    };
    await Promise.all(Array.from({ length: m.concurrency }, lane));
    process.send({ opened: sockets.length, failed, firstError, ms: performance.now() - started });
  } else if (m.cmd === 'close') {
    closing = true;
    for (const s of sockets) s.disconnect();
    process.send({ closed: sockets.length, dropped });
    sockets.length = 0;
  }
});
process.on('disconnect', () => process.exit(0));
