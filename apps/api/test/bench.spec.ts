import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run bench` end to end at a toy size (npm test builds first): every scenario runs against the built
 * API and worker beside its baseline, and the results file and the table come out. It measures nothing
 * worth reading; it keeps the bench from rotting between the runs that do.
 */
const TINY = {
  COMMONS_SKIP_BUILD: '1',
  BENCH_SOCKETS: '20',
  BENCH_SECONDS: '1',
  BENCH_ROUNDS: '1',
  BENCH_WARMUP_SECONDS: '1',
  BENCH_FAST_SECONDS: '1',
  BENCH_SCALE_ROUNDS: '1',
  // The other test files share the machine: no round is set aside as disturbed.
  BENCH_MAX_REST: '1000',
  BENCH_INTAKE_MAX_REST: '1000',
  BENCH_INTAKE_TO: '250',
  BENCH_INTAKE_SECONDS: '1',
  BENCH_JOBS: '50',
  BENCH_JOBS_BASELINE: '200',
  BENCH_CONNECTIONS: '40',
  BENCH_CONN_IDLE_S: '1',
  BENCH_READS_SECONDS: '1',
  BENCH_NOTIFY_WATCHERS: '50',
  BENCH_NOTIFY_ONLINE: '10',
  BENCH_NOTIFY_ROUNDS: '1',
  BENCH_FLOOD_SUBSCRIBES: '500',
};

it('runs every scenario beside its baseline and writes the results and the table', async () => {
  const results = join(mkdtempSync(join(tmpdir(), 'commons-bench-')), 'results.json');
  const child = spawn('bash', ['scripts/bench.sh'], { env: { ...process.env, ...TINY, BENCH_RESULTS: results }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`npm run bench exited ${code}:\n${err.slice(-3000)}`);

  const report = JSON.parse(readFileSync(results, 'utf8'));
  expect(report.problems).toEqual([]);
  const scenarios = new Set<string>(report.results.map((r: { scenario: string }) => r.scenario.split(/[,:]/)[0]));
  for (const s of ['fan-out', 'scale-out', 'feedback intake', 'moderation jobs', 'connections', 'reads', 'notifications', 'flood']) expect(scenarios).toContain(s);
  const p99 = report.results.find((r: { metric: string }) => r.metric === 'post → receive p99');
  expect(p99.value).toBeGreaterThan(0);
  expect(p99.baseline).toBeGreaterThan(0);
  expect(report.results.find((r: { scenario: string; metric: string }) => r.scenario.startsWith('fan-out') && r.metric === 'events not received').value).toBe(0);
  expect(out).toContain('| scenario | metric | Commons | baseline | Commons / baseline | target | |');
}, 300_000);
