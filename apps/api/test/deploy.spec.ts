import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { parse } from 'yaml';
import { EnvSchema } from '../src/config/env';

/**
 * The deployable stack, checked without a container engine (none runs here; `docker compose config` is
 * not available): docker-compose.yml parsed, its settings and wiring checked against the code, and the
 * backup script run against the real Postgres. processes.spec.ts runs the image's entry commands.
 */
const { nodeArgs } = require('../../../scripts/node-args') as { nodeArgs: (script: string) => string[] };

type Service = { image?: string; build?: string; command?: string[]; entrypoint?: string[]; ports?: string[]; expose?: string[]; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; volumes?: string[]; container_name?: string; healthcheck?: unknown };
const text = readFileSync('docker-compose.yml', 'utf8');
const compose = parse(text, { merge: true }) as { services: Record<string, Service> };
const { services } = compose;
const caddyfile = readFileSync('deploy/Caddyfile', 'utf8');

describe('docker-compose.yml', () => {
  it('passes every setting of EnvSchema to the API, the worker and the migrate service', () => {
    const settings = Object.keys(EnvSchema.shape);
    expect(settings.length).toBeGreaterThan(20);
    for (const name of ['api', 'worker', 'migrate']) {
      const passed = Object.keys(services[name].environment ?? {});
      expect({ service: name, missing: settings.filter((s) => !passed.includes(s)) }).toEqual({ service: name, missing: [] });
    }
  });

  it('runs production behind the proxy: NODE_ENV, TRUST_PROXY, an https PUBLIC_ORIGIN, JSON logs', () => {
    const env = services.api.environment!;
    expect(env.NODE_ENV).toBe('production');
    expect(env.TRUST_PROXY).toBe('true');
    expect(env.PUBLIC_ORIGIN).toMatch(/^https:\/\/\$\{DOMAIN:\?/);
    expect(env.LOG_FORMAT).toBe('${LOG_FORMAT:-json}');
  });

  it('puts Caddy (TLS, ports 80 and 443) in front of API replicas that publish no host port, so --scale api=N works', () => {
    expect(services.api.ports).toBeUndefined();
    expect(services.api.container_name).toBeUndefined();
    expect(services.api.expose).toEqual(['3000']);
    expect(services.caddy.image).toMatch(/^caddy:2/);
    expect(services.caddy.ports).toEqual(expect.arrayContaining(['80:80', '443:443']));
    expect(services.caddy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    // Caddy's site address is the domain (automatic certificates), its upstreams every `api` replica.
    expect(caddyfile).toMatch(/^\{\$DOMAIN\} \{$/m);
    expect(caddyfile).toMatch(/dynamic a \{\s*name api\s*port 3000/);
    expect(caddyfile).toMatch(/respond \/api\/metrics 404/);
    // No other service is published beyond the host's loopback.
    for (const [name, service] of Object.entries(services)) {
      if (name === 'caddy') continue;
      for (const port of service.ports ?? []) expect({ name, port }).toEqual({ name, port: expect.stringMatching(/^127\.0\.0\.1:/) });
    }
  });

  // Caddy's own parser, where it is installed (Debian: apt-get install caddy): a typo in a directive fails here.
  (spawnSync('caddy', ['version']).status === 0 ? it : it.skip)('has a Caddyfile that Caddy accepts (caddy validate)', () => {
    const run = spawnSync('caddy', ['validate', '--adapter', 'caddyfile', '--config', 'deploy/Caddyfile'], { env: { ...process.env, DOMAIN: 'commons.example.org' }, encoding: 'utf8' });
    expect({ status: run.status, output: run.stdout + run.stderr }).toMatchObject({ status: 0, output: expect.stringContaining('Valid configuration') });
    const adapted = JSON.parse(spawnSync('caddy', ['adapt', '--adapter', 'caddyfile', '--config', 'deploy/Caddyfile'], { env: { ...process.env, DOMAIN: 'commons.example.org' }, encoding: 'utf8' }).stdout);
    const text = JSON.stringify(adapted);
    expect(text).toContain('"host":["commons.example.org"]');
    expect(text).toContain('"dynamic_upstreams":{"name":"api","port":"3000"');
  });

  it('gives Redis a password and noeviction, and the apps a REDIS_URL with the password', () => {
    const command = services.redis.command!.join(' ');
    expect(command).toContain('--requirepass "$$REDIS_PASSWORD"');
    expect(command).toContain('--maxmemory-policy noeviction');
    expect(services.redis.environment!.REDIS_PASSWORD).toMatch(/^\$\{REDIS_PASSWORD:\?/);
    expect(services.api.environment!.REDIS_URL).toBe('redis://:${REDIS_PASSWORD:?set REDIS_PASSWORD}@redis:6379');
  });

  it('starts the API and the worker only after the one-shot migrate service has succeeded', () => {
    expect(services.migrate.command).toEqual(['node', ...nodeArgs('migrate')]);
    expect(services.migrate).toMatchObject({ restart: 'no', depends_on: { postgres: { condition: 'service_healthy' } } });
    for (const name of ['api', 'worker']) expect(services[name].depends_on!.migrate).toEqual({ condition: 'service_completed_successfully' });
    expect(services.worker.command).toEqual(['node', ...nodeArgs('start:worker')]);
    // The API runs the image's default command (processes.spec checks it is start:api's).
    expect(services.api.command).toBeUndefined();
    for (const name of ['api', 'worker', 'migrate']) expect(services[name].image).toBe('data-tools-commons:latest');
  });

  it('builds Node 22 images', () => {
    const froms = [...readFileSync('Dockerfile', 'utf8').matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(froms.length).toBeGreaterThan(0);
    for (const from of froms) expect(from).toMatch(/^node:22[.-]/);
  });

  it('asks for every required variable in deploy/env.example', () => {
    const required = new Set([...text.matchAll(/\$\{(\w+):\?/g)].map((m) => m[1]));
    const example = readFileSync('deploy/env.example', 'utf8');
    expect([...required].filter((name) => !new RegExp(`^${name}=`, 'm').test(example))).toEqual([]);
  });

  it('backs up nightly with retention, into a volume of the host', () => {
    const backup = services.backup;
    expect(backup.image).toMatch(/^postgres:15/);
    expect(backup.entrypoint).toEqual(['sh', '/usr/local/bin/commons-backup']);
    expect(backup.volumes).toContain('./deploy/backup.sh:/usr/local/bin/commons-backup:ro');
    expect(backup.environment).toMatchObject({ PGHOST: 'postgres', BACKUP_AT: '${BACKUP_AT:-02:30}', BACKUP_KEEP_DAYS: '${BACKUP_KEEP_DAYS:-14}' });
  });
});

describe('deploy/backup.sh', () => {
  const url = new URL(process.env.DATABASE_URL!);
  const pgEnv = { PGHOST: url.hostname, PGPORT: url.port || '5432', PGUSER: decodeURIComponent(url.username), PGPASSWORD: decodeURIComponent(url.password), PGDATABASE: url.pathname.slice(1) };

  it('writes a restorable dump and deletes only dumps older than BACKUP_KEEP_DAYS', async () => {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    await db.query(`CREATE TABLE IF NOT EXISTS backup_probe (id int)`).finally(() => db.end());
    const dir = mkdtempSync(join(tmpdir(), 'commons-backup-'));
    const day = 86_400;
    const aged = (name: string, days: number) => {
      writeFileSync(join(dir, name), 'old');
      const at = Date.now() / 1000 - days * day;
      utimesSync(join(dir, name), at, at);
    };
    aged('commons-old.dump', 10);
    aged('commons-recent.dump', 2);
    aged('notes.txt', 30); // not a dump: never touched
    const run = spawnSync('sh', ['deploy/backup.sh'], { env: { ...process.env, ...pgEnv, BACKUP_DIR: dir, BACKUP_KEEP_DAYS: '7', BACKUP_ONCE: '1' }, encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(expect.arrayContaining(['commons-recent.dump', 'notes.txt']));
    expect(files).not.toContain('commons-old.dump');
    const dump = files.find((f) => f.startsWith(`${pgEnv.PGDATABASE}-`) && f.endsWith('.dump'));
    expect(dump).toBeDefined();
    expect(files.some((f) => f.endsWith('.partial'))).toBe(false);
    expect(run.stdout).toContain('deleted');
    // A real dump: pg_restore reads its table of contents.
    expect(execFileSync('pg_restore', ['--list', join(dir, dump!)], { encoding: 'utf8' })).toMatch(/TABLE public backup_probe/);
  });

  it('keeps every older dump when pg_dump fails, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'commons-backup-'));
    writeFileSync(join(dir, 'commons-1.dump'), 'old');
    utimesSync(join(dir, 'commons-1.dump'), 0, 0);
    const run = spawnSync('sh', ['deploy/backup.sh'], { env: { ...process.env, ...pgEnv, PGDATABASE: 'no_such_database_here', BACKUP_DIR: dir, BACKUP_KEEP_DAYS: '1', BACKUP_ONCE: '1' }, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain('ERROR: pg_dump failed');
    expect(readdirSync(dir)).toEqual(['commons-1.dump']);
  });
});
