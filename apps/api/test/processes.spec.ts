import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { connect, createServer } from 'node:net';
import { isolated } from './harness';

// The launchers' own reading of package.json (plain JS, shared with scripts/*.sh and the bench).
const { nodeArgs } = require('../../../scripts/node-args') as { nodeArgs: (script: string) => string[] };

/** The built entry points, exactly as `npm run start:api` / `start:worker` run them, flags included (npm test builds first). */
const API = nodeArgs('start:api');
const WORKER = nodeArgs('start:worker');

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
  beforeAll(() => {
    const entry = API[API.length - 1];
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does)`);
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
    await fetch(`http://127.0.0.1:${port}/api/organisations`, { headers: { 'x-request-id': 'process-test-1', cookie: 'commons_session=process-test-secret' } });
    const line = await until('request log', async () => api.output().split('\n').find((l) => l.includes('"id":"process-test-1"')), 5_000);
    expect(JSON.parse(line)).toMatchObject({ req: { method: 'GET', url: '/api/organisations', headers: { cookie: '[Redacted]' } }, res: { statusCode: 200 } });
    expect(api.output()).not.toContain('process-test-secret');
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

  it('refuses to start with a bad variable, naming it', async () => {
    const api = run(API, { PORT: 'eighty' });
    const { code } = await api.exited;
    expect(code).toBe(1);
    expect(api.output()).toMatch(/Invalid environment:\n\s+PORT:/);
  });
});
