'use strict';
/**
 * The jobs baseline: an empty BullMQ processor (no-op, concurrency 8, the notifications queue's default) in its own
 * process, on its own queue name and prefix (`<REDIS_PREFIX>:bench-bare-bull`, so scripts/bench.sh
 * deletes its keys with the rest), on the same Redis. Jobs carry the Commons' job options (5 attempts,
 * exponential backoff, completed jobs kept up to 10,000).
 *
 * Driven by its parent over IPC:
 *   {cmd: 'fill', n}  empties the queue, adds n jobs while the worker is paused → {filled: n}
 *   {cmd: 'go'}       resumes the worker → {done: n, ms} once n jobs completed (ms from 'go')
 * Sends {ready: true} once connected; stops on SIGTERM/SIGINT or when its parent goes.
 */
const { performance } = require('node:perf_hooks');
const { Queue, Worker } = require('bullmq');
const { Redis } = require('ioredis');

const env = process.env;
const prefix = `${env.REDIS_PREFIX || 'commons-bench'}:bench-bare-bull`;
const NAME = 'bench-noop';
const OPTIONS = { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { age: 24 * 3600, count: 10_000 }, removeOnFail: false };

const producer = new Redis(env.REDIS_URL || 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const consumer = new Redis(env.REDIS_URL || 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const queue = new Queue(NAME, { connection: producer, prefix, defaultJobOptions: OPTIONS });
const worker = new Worker(NAME, async () => undefined, { connection: consumer, prefix, concurrency: 8, autorun: false });
worker.on('error', (e) => process.stderr.write(`[bare-bullmq] ${e.message}\n`));

let round = null;
let running = false;
worker.on('completed', () => {
  if (!round) return;
  round.done++;
  if (round.done === round.n) {
    const ms = performance.now() - round.start;
    worker.pause(true).catch(() => undefined);
    process.send?.({ done: round.n, ms });
    round = null;
  }
});

process.on('message', async (m) => {
  try {
    if (m.cmd === 'fill') {
      await queue.drain(true);
      for (let i = 0; i < m.n; i += 1000) {
        const jobs = [];
        for (let j = i; j < Math.min(m.n, i + 1000); j++) jobs.push({ name: 'check', data: { subjectType: 'feedback', subjectId: j + 1 } });
        await queue.addBulk(jobs);
      }
      process.send?.({ filled: m.n });
    } else if (m.cmd === 'go') {
      round = { n: m.n, done: 0, start: performance.now() };
      if (!running) {
        running = true;
        worker.run().catch((e) => process.stderr.write(`[bare-bullmq] ${e.message}\n`));
      } else worker.resume();
    }
  } catch (err) {
    process.send?.({ error: err.message });
  }
});

Promise.all([queue.waitUntilReady(), worker.waitUntilReady()]).then(
  () => process.send?.({ ready: true }),
  (err) => {
    process.stderr.write(`[bare-bullmq] ${err.message}\n`);
    process.exit(1);
  },
);

async function stop() {
  setTimeout(() => process.exit(0), 2000).unref();
  await Promise.allSettled([worker.close(true), queue.close()]);
  producer.disconnect();
  consumer.disconnect();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
