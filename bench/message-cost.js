'use strict';
/**
 * What one posted message costs each process, in ms of CPU (BENCH_ONLY=message): messages posted at
 * BENCH_RATE a second to a thread with one reader socket, so neither the load generator's 1,000 sockets
 * nor the broadcast weighs, only the write path (the post, its relay, its check and notifications).
 * A warm-up, then two timed phases of BENCH_SECONDS; each waits 1.5 s after its last post for the jobs
 * and marks it caused. docs/PERFORMANCE.md ("What a message costs") reads these figures.
 */
const { io } = require('socket.io-client');
const { cpuSeconds, cpuPercent, sleep } = require('./util');

async function messageCost(target, { rate, seconds, log }) {
  const socket = io(target.url, { transports: ['websocket'], extraHeaders: target.headers, reconnection: false });
  let received = 0;
  socket.on('event', (e) => target.isMeasured(e) && received++);
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  await socket.timeout(10_000).emitWithAck('subscribe', { topic: target.topic });
  let next = 0;
  const phase = async (label, count) => {
    const pids = target.pids();
    const before = cpuSeconds(pids);
    const start = Date.now();
    const pending = [];
    for (let i = 0; i < count; i++) {
      const wait = start + (i * 1000) / rate - Date.now();
      if (wait > 0) await sleep(wait);
      pending.push(target.write(next++));
    }
    await Promise.all(pending);
    await sleep(1500);
    const wallS = (Date.now() - start) / 1000;
    const cpu = cpuPercent(before, cpuSeconds(pids), wallS);
    // % of a core over wallS → ms of CPU per message.
    const perMessage = Object.fromEntries(Object.entries(cpu).map(([name, pct]) => [name, +((pct * wallS * 10) / count).toFixed(2)]));
    log(`message cost, ${label}: ${count} posts at ${rate}/s; ms of CPU per message: ${JSON.stringify(perMessage)}`);
    return { label, count, perMessage };
  };
  try {
    await phase('warm-up', rate * 4);
    const phases = [await phase('run 1', rate * seconds), await phase('run 2', rate * seconds)];
    return { rate, seconds, phases, received };
  } finally {
    socket.disconnect();
  }
}

module.exports = { messageCost };
