import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { connect, createServer } from 'node:net';
import { Client } from 'pg';
import { knownMigrations } from '../src/database/pending-migrations';
import { isolated } from './harness';

// The launchers' own reading of package.json (plain JS, shared with scripts/*.sh and the bench).
const { nodeArgs } = require('../../../scripts/node-args') as { nodeArgs: (script: string) => string[] };

/** The built entry points, exactly as `npm run start:api` / `start:worker` run them, flags included (npm test builds first). */
const API = nodeArgs('start:api');
const WORKER = nodeArgs('start:worker');
const MIGRATE = nodeArgs('migrate');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, { env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200)); // the poll's interval: the deadline above ends it
  }
  throw new Error(`timed out waiting for ${what}`);
}

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

describe('the built processes', () => {
  beforeAll(async () => {
    const entry = API[API.length - 1];
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does)`);
    // The run's database, for the workers started on it below: a worker waits until it is migrated.
    const migrate = run(MIGRATE, {});
    expect({ code: (await migrate.exited).code, output: migrate.output() }).toMatchObject({ code: 0 });
  });

  it('the API serves HTTP and the web client on one port and stops cleanly on SIGTERM', async () => {
    const own = await isolated('process');
    const port = await freePort();
    const api = run(API, { ...own, PORT: String(port), PUBLIC_ORIGIN: `http://127.0.0.1:${port}` });
    children.push(api.child);
    const health = await until('health', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      return res.ok ? res.json() : undefined;
    });
    expect(health).toEqual({ postgres: 'up', redis: 'up' });
    // The web client is built before the tests run (npm test does it), and served from the same port.
    const page = await fetch(`http://127.0.0.1:${port}/some/client/route`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    // Structured JSON logs: a line per request with its id, the cookie redacted, health checks left out.
    await fetch(`http://127.0.0.1:${port}/api/organisations`, { headers: { 'x-request-id': 'process-test-1', cookie: 'commons_session=process-test-secret', authorization: 'Basic cHJvY2Vzcy10ZXN0LXRva2Vu' } });
    const line = await until('request log', async () => api.output().split('\n').find((l) => l.includes('"id":"process-test-1"')), 5_000);
    expect(JSON.parse(line)).toMatchObject({ req: { method: 'GET', url: '/api/organisations', headers: { cookie: '[Redacted]', authorization: '[Redacted]' } }, res: { statusCode: 200 } });
    expect(api.output()).not.toContain('process-test-secret');
    expect(api.output()).not.toContain('cHJvY2Vzcy10ZXN0LXRva2Vu');
    expect(api.output()).not.toContain('"url":"/api/health"');

    api.child.kill('SIGTERM');
    const { code, signal } = await api.exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
  });

  it('on SIGTERM stops taking connections but answers the request in flight, then exits', async () => {
    const own = await isolated('shutdown');
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const api = run(API, { ...own, PORT: String(port), PUBLIC_ORIGIN: origin });
    children.push(api.child);
    await until('health', async () => ((await fetch(`${origin}/api/health`)).ok ? true : undefined));

    // A login whose body is still on its way when the signal comes.
    const body = JSON.stringify({ email: 'nobody@example.org', password: 'not the password' });
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    // Pacing, not a check: time for the API to read the headers (a late signal can only fail the test, not pass it).
    await new Promise((r) => setTimeout(r, 300));
    api.child.kill('SIGTERM');

    await until('new connections refused', () =>
      fetch(`${origin}/api/health`).then(
        () => undefined,
        (error: Error & { cause?: { code?: string } }) => (error.cause?.code === 'ECONNREFUSED' ? true : undefined),
      ),
    );
    expect(api.child.exitCode).toBeNull();
    socket.write(body.slice(10));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    const { code, signal } = await api.exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
  });

  it('the worker starts at a lower CPU priority than the API (WORKER_NICE) and stops cleanly on SIGTERM', async () => {
    const worker = run(WORKER, {});
    children.push(worker.child);
    await until('worker start', async () => (worker.output().includes('worker started') ? true : undefined));
    // Started with this test's nice value, it lowers itself to 10 (never raises itself back above it).
    expect(getPriority(worker.child.pid!)).toBe(Math.max(10, getPriority()));
    worker.child.kill('SIGTERM');
    const { code, signal } = await worker.exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
  });

  it('WORKER_NICE=0 leaves the worker at the priority it was started with', async () => {
    const worker = run(WORKER, { WORKER_NICE: '0' });
    children.push(worker.child);
    await until('worker start', async () => (worker.output().includes('worker started') ? true : undefined));
    expect(getPriority(worker.child.pid!)).toBe(getPriority());
    worker.child.kill('SIGTERM');
    await worker.exited;
  });

  it("the image's default command is start:api's (the Dockerfile cannot run npm's scripts, so it repeats it)", () => {
    const cmd = readFileSync('Dockerfile', 'utf8').match(/^CMD (\[.*\])$/m);
    expect(cmd && JSON.parse(cmd[1])).toEqual(['node', ...API]);
  });

  it('migrate (the compose one-shot service) applies every migration to an empty database, exits 0, and changes nothing when run again', async () => {
    const own = await isolated('migrate');
    const first = run(MIGRATE, own);
    expect({ code: (await first.exited).code, output: first.output() }).toMatchObject({ code: 0 });
    expect(first.output()).toMatch(/"msg":"applied \d+ migration\(s\): Foundation1732000000000, /);
    const client = new Client({ connectionString: own.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT name FROM migrations ORDER BY id`);
      expect(rows.map((r) => r.name)).toEqual(knownMigrations());
    } finally {
      await client.end();
    }
    const again = run(MIGRATE, own);
    expect((await again.exited).code).toBe(0);
    expect(again.output()).toContain('"msg":"the schema is up to date"');
  });

  it('the worker started on an empty database waits for the migrations, says so, and starts once they are applied', async () => {
    const own = await isolated('worker-waits');
    const worker = run(WORKER, own);
    children.push(worker.child);
    await until('the waiting line', async () => (worker.output().includes('waiting for') && worker.output().includes('migration(s) to be applied') ? true : undefined));
    expect(worker.output()).not.toContain('worker started');
    const migrate = run(MIGRATE, own);
    expect({ code: (await migrate.exited).code, output: migrate.output() }).toMatchObject({ code: 0 });
    await until('worker start', async () => (worker.output().includes('worker started') ? true : undefined));
    expect(worker.output()).toContain('migrations applied: starting');
    expect(worker.output()).not.toMatch(/does not exist/);
    worker.child.kill('SIGTERM');
    await worker.exited;
  });

  it("the worker serves its metrics (job durations) on WORKER_METRICS_PORT to METRICS_TOKEN's holder", async () => {
    const port = await freePort();
    const token = 'worker-metrics-token-0123456789';
    const worker = run(WORKER, { METRICS_TOKEN: token, WORKER_METRICS_PORT: String(port), HOST: '127.0.0.1' });
    children.push(worker.child);
    await until('worker start', async () => (worker.output().includes('worker started') ? true : undefined));
    expect(worker.output()).toContain(`metrics on port ${port}`);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
    const res = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('# TYPE commons_job_duration_seconds histogram');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    worker.child.kill('SIGTERM');
    const { code, signal } = await worker.exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
  });

  it('LOG_FORMAT=pretty (npm start) writes readable lines, not JSON; at LOG_LEVEL=warn no line per request', async () => {
    const own = await isolated('pretty');
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const api = run(API, { ...own, PORT: String(port), PUBLIC_ORIGIN: origin, LOG_FORMAT: 'pretty', LOG_LEVEL: 'warn', NO_COLOR: '1' });
    children.push(api.child);
    await until('health', async () => ((await fetch(`${origin}/api/health/ready`)).ok ? true : undefined), 60_000);
    for (let i = 0; i < 5; i++) await fetch(`${origin}/api/organisations`, { headers: { 'x-request-id': `quiet-${i}` } });
    // Stopped first, so everything it wrote is read.
    api.child.kill('SIGTERM');
    await api.exited;
    expect(api.output()).not.toContain('quiet-');
    expect(api.output().split('\n').filter((l) => l.trim().startsWith('{'))).toEqual([]);

    const verbose = run(API, { ...own, PORT: String(port), PUBLIC_ORIGIN: origin, LOG_FORMAT: 'pretty', LOG_LEVEL: 'info', NO_COLOR: '1' });
    children.push(verbose.child);
    await until('health', async () => ((await fetch(`${origin}/api/health/ready`)).ok ? true : undefined), 60_000);
    await fetch(`${origin}/api/organisations`, { headers: { 'x-request-id': 'pretty-1' } });
    const line = await until('request line', async () => verbose.output().split('\n').find((l) => l.includes('pretty-1')), 5_000);
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: GET \/api\/organisations 200 \d+ms pretty-1 · request completed/);
    verbose.child.kill('SIGTERM');
    await verbose.exited;
  });

  it('refuses to start with a bad variable, naming it', async () => {
    const api = run(API, { PORT: 'eighty' });
    const { code } = await api.exited;
    expect(code).toBe(1);
    expect(api.output()).toMatch(/Invalid environment:\n\s+PORT:/);
  });
});
