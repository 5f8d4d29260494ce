import type { INestApplicationContext } from '@nestjs/common';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { loadEnv } from '../src/config/env';
import { JobsService } from '../src/jobs/jobs.service';
import { serveWorkerMetrics } from '../src/metrics/job-metrics';
import { Client, connect, eventually, isolated, startApp, startWorker, subscribe, TestApp } from './harness';

/**
 * GET /api/metrics against the real Postgres and Redis: the token, and each family read from what it
 * measures (requests by route pattern, sockets and subscriptions, queues, outbox lag, job durations).
 */
const TOKEN = 'metrics-test-token-0123456789';
let t: TestApp;
let own: Record<string, string>;
let worker: INestApplicationContext | undefined;
let workerMetrics: Server | null = null;

beforeAll(async () => {
  own = await isolated('metrics');
  // The sweeper is slowed so an unpublished event stays unpublished while the lag is read.
  t = await startApp({ ...own, METRICS_TOKEN: TOKEN, OUTBOX_SWEEP_MS: '60000' });
});
afterAll(async () => {
  workerMetrics?.close();
  await worker?.close();
  await t?.close();
});

async function scrape(app = t, token = TOKEN) {
  const res = await fetch(`${app.url}/api/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text(), headers: res.headers };
}

/** A sample's value by its exact series (`name{label="…",…}`), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('GET /api/metrics', () => {
  it('needs the bearer token: 401 without it or with another, the exposition text with it', async () => {
    const none = await scrape(t, '');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await scrape(t, `${TOKEN}x`)).status).toBe(401);
    const session = await new Client(t.url).request('GET', '/api/metrics', undefined, { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` });
    expect(session.status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(ok.text).toContain('# TYPE commons_http_request_duration_seconds histogram');
    expect(ok.text).toContain('process_resident_memory_bytes');
  });

  it('is 404 while METRICS_TOKEN is unset (metrics are off)', async () => {
    const off = await startApp({ ...own, METRICS_TOKEN: '' }); // empty is unset (loadEnv)
    try {
      expect((await scrape(off)).status).toBe(404);
      expect((await scrape(off, '')).status).toBe(404);
    } finally {
      await off.close();
    }
  });

  it('times requests by route pattern, never by raw URL', async () => {
    const client = new Client(t.url);
    await client.get('/api/tools/no-such-tool-1');
    await client.get('/api/tools/no-such-tool-2');
    await client.get('/api/this/is/not/a/route');
    const { text } = await scrape();
    expect(sample(text, 'commons_http_request_duration_seconds_count{method="GET",route="/api/tools/:slug",status="404"}')).toBe(2);
    expect(sample(text, 'commons_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('no-such-tool');
    expect(text).not.toContain('/api/this/is/not');
  });

  it('counts open sockets and their subscriptions by topic kind', async () => {
    const slug = (await new Client(t.url).get('/api/tools')).body.items[0].slug as string;
    const sockets = [connect(t.url), connect(t.url)];
    try {
      for (const s of sockets) expect(await subscribe(s.socket, `tool:${slug}`)).toMatchObject({ ok: true });
      const { text } = await scrape();
      expect(sample(text, 'commons_sockets_open')).toBe(2);
      expect(sample(text, 'commons_subscriptions{kind="tool"}')).toBe(2);
    } finally {
      sockets.forEach((s) => s.socket.disconnect());
    }
    await eventually(async () => {
      const { text } = await scrape();
      expect(sample(text, 'commons_sockets_open')).toBe(0);
      expect(sample(text, 'commons_subscriptions{kind="tool"}')).toBeUndefined();
    });
  });

  it("reports the outbox's lag: the age of the oldest unpublished event", async () => {
    expect(sample((await scrape()).text, 'commons_outbox_lag_seconds')).toBeLessThan(60);
    const [{ id }] = await t.db.query(
      `INSERT INTO outbox (topic, seq, type, payload, created_at) VALUES ('thread:987654321', 1, 'message.created', '{}', now() - interval '120 seconds') RETURNING id`,
    );
    try {
      const { text } = await scrape();
      expect(sample(text, 'commons_outbox_lag_seconds')).toBeGreaterThanOrEqual(120);
      expect(sample(text, 'commons_outbox_unpublished')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'commons_metrics_source_up{source="postgres"}')).toBe(1);
    } finally {
      await t.db.query(`DELETE FROM outbox WHERE id = $1`, [id]);
    }
  });

  it("reports queue depths and failures, and the worker's job durations on its own port", async () => {
    const queue = t.app.get(JobsService).queue('moderation');
    // No worker yet: a job waits.
    await queue.add('purge-originals', {}, { jobId: 'metrics-waiting' });
    let { text } = await scrape();
    expect(sample(text, 'commons_queue_jobs{queue="moderation",state="waiting"}')).toBe(1);
    expect(sample(text, 'commons_queue_jobs{queue="moderation",state="failed"}')).toBe(0);
    expect(sample(text, 'commons_metrics_source_up{source="redis"}')).toBe(1);

    // A worker runs it; a job nobody handles fails at once (one attempt).
    worker = await startWorker(own);
    const port = await freePort();
    workerMetrics = await serveWorkerMetrics(loadEnv({ ...process.env, ...own, METRICS_TOKEN: TOKEN, WORKER_METRICS_PORT: String(port) }), '127.0.0.1');
    await queue.add('no-such-job', {}, { jobId: 'metrics-failing', attempts: 1 });
    await eventually(async () => {
      ({ text } = await scrape());
      expect(sample(text, 'commons_queue_jobs{queue="moderation",state="failed"}')).toBe(1);
      expect(sample(text, 'commons_queue_jobs{queue="moderation",state="waiting"}')).toBe(0);
    });

    const url = `http://127.0.0.1:${port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    const jobs = await (await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(sample(jobs, 'commons_job_duration_seconds_count{queue="moderation",name="purge-originals",outcome="completed"}')).toBeGreaterThanOrEqual(1);
    expect(sample(jobs, 'commons_job_duration_seconds_count{queue="moderation",name="no-such-job",outcome="failed"}')).toBe(1);
  });

  it("serves nothing on the worker's port while METRICS_TOKEN is unset", async () => {
    expect(await serveWorkerMetrics(loadEnv({ ...process.env, METRICS_TOKEN: '' }))).toBeNull();
  });
});
