import fc from 'fast-check';
import { FEEDBACK_ROLES, renderMarkdown } from '@commons/domain';
import { BODY_LIMIT } from '../src/app';
import { Client, connect, isolated, newUser, Received, signedInAdmin, startApp, subscribe, TestApp } from './harness';

/**
 * Property-based fuzzing of every route and socket event: random JSON, wrong types, huge strings, deep
 * nesting, unicode tricks, null bytes, prototype-pollution keys, odd numbers. Whatever arrives, the
 * answer is below 500, a 4xx says what is wrong in the contract's shape, and a refused write changes
 * nothing stored. Runs as an admin (who is also a moderator), so every route gets past its guard and the
 * input really reaches validation and the service.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

let t: TestApp;
let admin: Client;
const tool = `fuzz-${process.pid}`;
const initiative = `fuzz-initiative-${process.pid}`;
let threadId: number;
let messageId: number;
let milestoneId: number;
let orgId: number;
let itemId: number;
let userId: string;
let fingerprintSql = '';
let tried = 0;
const sockets: Received[] = [];

// Values that have broken servers before.
const nastyStrings = [
  '', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDFFF', '\u202Eevil', '\u200B', '\uFEFF', 'e\u0301', 'ﬁ', '𝕏', '👍🏽', '\r\n',
  "'; DROP TABLE users; --", '%', '_', '\\', '../../etc/passwd', '<script>alert(1)</script>', 'javascript:alert(1)', '${7*7}', '{{7*7}}',
  'NaN', 'Infinity', '-0', '1e309', '-1e309', '0x10', '9'.repeat(40), '00000000-0000-0000-0000-000000000000', 'null', 'undefined', 'true',
  '__proto__', 'constructor', 'prototype', 'x'.repeat(70_000),
];
const nastyNumbers = [0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), Number.MAX_VALUE, Number.MIN_VALUE, 1e21];
const keys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''];

const nastyString = fc.oneof(fc.constantFrom(...nastyStrings), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 40 }));
const leaf = fc.oneof(nastyString, fc.constantFrom(...nastyNumbers), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 12 })), tie('v'), { maxKeys: 4 })),
})).v;

/** A valid body with one field replaced, removed, or joined by a hostile key: the near-misses that matter. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const fields = Object.keys(valid);
  if (!fields.length) return fc.record({ key: fc.constantFrom(...keys), v: value }).map(({ key, v }) => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(v ?? null)}}`));
  return fc.oneof(
    fc.record({ field: fc.constantFrom(...fields), v: value }).map(({ field, v }) => ({ ...valid, [field]: v })),
    fc.constantFrom(...fields).map((field) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== field))),
    fc.record({ key: fc.constantFrom(...keys), v: value }).map(({ key, v }) => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(v ?? null)}, ${JSON.stringify(valid).slice(1)}`)),
  );
}

interface Target {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: () => string;
  /** A valid body to mutate (writes), or the query parameters the route reads (reads). */
  valid?: Record<string, unknown>;
  query?: string[];
}

const TARGETS: Target[] = [
  { method: 'POST', path: () => '/api/auth/register', valid: { email: 'fuzz@example.org', password: 'a sensible passphrase', displayName: 'Fuzz' } },
  { method: 'POST', path: () => '/api/auth/login', valid: { email: 'fuzz@example.org', password: 'a sensible passphrase' } },
  { method: 'DELETE', path: () => '/api/me', valid: { password: 'not the admin password' } },
  { method: 'PUT', path: () => `/api/users/${userId}/roles`, valid: { roles: ['moderator'] } },
  { method: 'GET', path: () => '/api/users', query: ['q', 'limit', 'offset'] },
  { method: 'GET', path: () => '/api/organisations', query: ['kind', 'region'] },
  { method: 'GET', path: () => `/api/organisations/${orgId}/tools`, query: [] },
  { method: 'GET', path: () => '/api/admin/jobs', query: ['queue', 'state', 'limit'] },
  { method: 'POST', path: () => '/api/feedback', valid: { page: '/tools', role: FEEDBACK_ROLES[0], summary: 'Fuzzed feedback', details: 'more', email: 'a@b.org', nature: 'bug', organisation: 'Camden', hp_field: '' } },
  { method: 'GET', path: () => '/api/feedback', query: ['page', 'limit'] },
  { method: 'GET', path: () => '/api/moderation/queue', query: ['state', 'limit', 'before'] },
  { method: 'POST', path: () => `/api/moderation/items/${itemId}/decision`, valid: { decision: 'approve', note: 'ok' } },
  { method: 'GET', path: () => '/api/notifications', query: ['limit', 'before'] },
  { method: 'POST', path: () => '/api/notifications/read', valid: { ids: [1, 2] } },
  { method: 'PUT', path: () => '/api/notifications/preferences', valid: { email: 'on' } },
  { method: 'GET', path: () => '/api/notifications/unsubscribe', query: ['token'] },
  { method: 'PUT', path: () => `/api/watches/tool/${tool}`, valid: { level: 'watching' } },
  { method: 'GET', path: () => '/api/threads', query: ['subjectType', 'subjectId', 'limit', 'before', 'q'] },
  { method: 'POST', path: () => '/api/threads', valid: { subjectType: 'tool', subjectId: tool, title: 'Fuzz thread', kind: 'question', body: 'hello' } },
  { method: 'PATCH', path: () => `/api/threads/${threadId}`, valid: { title: 'Renamed', pinned: true, locked: false, acceptedMessageId: 1 } },
  { method: 'GET', path: () => `/api/threads/${threadId}/messages`, query: ['before', 'after', 'limit'] },
  { method: 'POST', path: () => `/api/threads/${threadId}/messages`, valid: { body: 'reply', parentId: 1 } },
  { method: 'PUT', path: () => `/api/threads/${threadId}/read`, valid: { seq: 1 } },
  { method: 'PATCH', path: () => `/api/messages/${messageId}`, valid: { body: 'edited' } },
  { method: 'PUT', path: () => `/api/messages/${messageId}/reactions/x`, valid: {} },
  { method: 'POST', path: () => `/api/messages/${messageId}/flags`, valid: { reason: 'spam', note: 'n' } },
  { method: 'GET', path: () => '/api/tools', query: ['q', 'stage', 'dataset', 'technology', 'region', 'limit', 'offset'] },
  { method: 'POST', path: () => '/api/tools', valid: { name: 'Fuzz tool', summary: 'A tool the fuzzer proposes.', slug: 'fuzz-tool', datasets: ['SSDA903'], technology: ['Python'], description: 'd' } },
  { method: 'PATCH', path: () => `/api/tools/${tool}`, valid: { summary: 'A summary long enough.', stage: 'pilot', description: 'd', datasets: [], technology: [] } },
  { method: 'POST', path: () => `/api/tools/${tool}/releases`, valid: { version: '9.9.9', notes: 'n', releasedOn: '2026-01-01' } },
  { method: 'PUT', path: () => `/api/tools/${tool}/adoptions/${orgId}`, valid: { status: 'uses' } },
  { method: 'POST', path: () => `/api/tools/${tool}/design/sections`, valid: { key: 'fuzz-key', title: 'Fuzz' } },
  { method: 'PUT', path: () => `/api/tools/${tool}/design/sections/problem`, valid: { body: 'text', baseRevision: 0 } },
  { method: 'GET', path: () => `/api/tools/${tool}/design/sections/problem/compare`, query: ['from', 'to'] },
  { method: 'GET', path: () => '/api/initiatives', query: ['status', 'focusArea'] },
  { method: 'POST', path: () => '/api/initiatives', valid: { title: 'Fuzz initiative', summary: 'An initiative the fuzzer proposes.', focusArea: 'facilitating', startDate: '2026-01-01', targetDate: '2026-06-01', toolSlugs: [] } },
  { method: 'PATCH', path: () => `/api/initiatives/${initiative}`, valid: { summary: 'A summary long enough.', status: 'active', targetDate: '2026-12-31' } },
  { method: 'POST', path: () => `/api/initiatives/${initiative}/milestones`, valid: { title: 'Fuzz milestone', dueDate: '2026-02-01', position: 0 } },
  { method: 'PATCH', path: () => `/api/initiatives/${initiative}/milestones/${milestoneId}`, valid: { title: 'Renamed', done: true, dueDate: null, position: 1 } },
  { method: 'POST', path: () => `/api/initiatives/${initiative}/updates`, valid: { body: 'An update', rag: 'green' } },
];

/** Percent-encodes every byte (lone surrogates become U+FFFD, as a browser would send them). */
function enc(s: string) {
  return [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}
/** Query strings no encoder would produce. */
const RAW_QUERIES = ['%', '%ZZ', 'limit=%FF%FE', 'limit=%C0%80', 'a[b][c]=1', 'limit[]=1&limit[]=2', 'limit=1&limit=2', '&&&=&=', 'q=%E2%80%AE', '__proto__[x]=1', 'constructor[prototype][x]=1'];

/** Path segments a hostile caller might send in place of an id or slug. */
const ID_ROUTES = [
  (x: string) => `/api/threads/${x}`,
  (x: string) => `/api/threads/${x}/messages`,
  (x: string) => `/api/messages/${x}/revisions`,
  (x: string) => `/api/tools/${x}`,
  (x: string) => `/api/tools/${x}/adoptions`,
  (x: string) => `/api/tools/ok/design/sections/${x}/revisions`,
  (x: string) => `/api/initiatives/${x}`,
  (x: string) => `/api/organisations/${x}/tools`,
  (x: string) => `/api/moderation/items/${x}`,
  (x: string) => `/api/moderation/items/${x}/audit`,
  (x: string) => `/api/watches/${x}/1`,
  (x: string) => `/api/watches/thread/${x}`,
];

let tableNames: string[] = [];
/** `POST /api/threads/${threadId}/messages`, from the target's own source, for test names. */
function name(x: Target) {
  return `${x.method} ${/[`'](\/api[^`']*)[`']/.exec(x.path.toString())?.[1] ?? '?'}`;
}

async function fingerprint(): Promise<string> {
  return (await t.db.query(fingerprintSql))[0].fp;
}
function changedTables(a: string, b: string) {
  const x = a.split('|');
  const y = b.split('|');
  return tableNames.filter((_, i) => x[i] !== y[i]).join(', ');
}

/** One request; its answer must keep the contract, and a refused write must leave no trace. */
async function check(method: string, path: string, body: unknown, label: string, raw = false) {
  const before = method === 'GET' ? '' : await fingerprint();
  const res = await admin.request(method, path, raw ? (body as string) : body === undefined ? undefined : JSON.stringify(body));
  tried++;
  const where = `${label}: ${method} ${path.slice(0, 200)} ${raw ? '(raw)' : JSON.stringify(body)?.slice(0, 300)}`;
  if (res.status >= 500) throw new Error(`${res.status} for ${where}: ${JSON.stringify(res.body)}`);
  if (res.status >= 400) {
    if (typeof res.body?.error?.code !== 'string' || typeof res.body.error.message !== 'string' || !res.body.error.message) throw new Error(`unclear ${res.status} for ${where}: ${JSON.stringify(res.body)}`);
    if (res.body.error.code === 'validation_failed' && res.body.error.fields && Object.keys(res.body.error.fields).length === 0) throw new Error(`400 naming no field for ${where}`);
    const after = method === 'GET' ? '' : await fingerprint();
    if (after !== before) throw new Error(`refused (${res.status}) but changed ${changedTables(before, after)}: ${where}`);
  }
  return res;
}

beforeAll(async () => {
  const env = { ...(await isolated('fuzz')), FEEDBACK_RATE_PER_MINUTE: '100000', MESSAGE_RATE_PER_MINUTE: '100000', LOGIN_ATTEMPTS_PER_ADDRESS: '100000', LOGIN_FAILURES_PER_ACCOUNT: '100000' };
  t = await startApp(env);
  admin = await signedInAdmin(t.url);
  orgId = (await t.db.query(`SELECT id FROM organisations WHERE la_code = '202'`))[0].id;
  userId = (await new Client(t.url).post('/api/auth/register', newUser())).body.user.id;
  await admin.post('/api/tools', { slug: tool, name: 'Fuzz target tool', summary: 'The tool the fuzzer edits.' });
  await admin.post('/api/initiatives', { slug: initiative, title: 'Fuzz target initiative', summary: 'The initiative the fuzzer edits.', focusArea: 'facilitating' });
  await admin.post(`/api/initiatives/${initiative}/milestones`, { title: 'Target milestone' });
  milestoneId = (await t.db.query(`SELECT id FROM initiative_milestones ORDER BY id DESC LIMIT 1`))[0].id;
  const thread = (await admin.post('/api/threads', { subjectType: 'general', title: 'Fuzz target thread', body: 'first' })).body;
  threadId = thread.thread.id;
  messageId = thread.message.id;
  await new Client(t.url).post('/api/feedback', { page: '/tools', role: FEEDBACK_ROLES[0], summary: 'Target feedback' });
  itemId = (await t.db.query(`SELECT id FROM moderation_items ORDER BY id DESC LIMIT 1`))[0].id;
  // Every table's rows. The outbox by count and topic_seqs not at all: the relay numbers and stamps
  // events after commit, so they change after a write has answered.
  const tables: { name: string }[] = await t.db.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('migrations', 'typeorm_metadata') ORDER BY 1`);
  tableNames = tables.map((x) => x.name);
  fingerprintSql = `SELECT concat_ws('|', ${tables
    .map(({ name }) => (name === 'topic_seqs' ? `''` : name === 'outbox' ? `(SELECT count(*)::text FROM "${name}")` : `(SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM "${name}" x)`))
    .join(', ')}) AS fp`;
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.socket.disconnect();
  await t?.close();
  // For the report: how many inputs were tried.
  console.log(`fuzz: ${tried} HTTP inputs`);
});

describe('HTTP: every route, hostile bodies and queries', () => {
  it.each(TARGETS.filter((x) => x.valid).map((x) => [name(x), x] as const))('%s', async (label, target) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(value, mutated(target.valid!)), async (body) => {
        await check(target.method, target.path(), body, label);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The hand-written nasties, once each.
    const huge = JSON.stringify({ ...target.valid, x: 'x'.repeat(BODY_LIMIT + 10) });
    expect((await check(target.method, target.path(), huge, label, true)).status).toBe(413);
    await check(target.method, target.path(), '['.repeat(50_000) + ']'.repeat(50_000), label, true);
    await check(target.method, target.path(), `{"a":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_001)}`, label, true);
    await check(target.method, target.path(), '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}', label, true);
    await check(target.method, target.path(), JSON.stringify(target.valid).replace(/"[^"]*"(?=[,}])/, '"\\u0000"'), label, true);
    await check(target.method, target.path(), '{"a": 1e309, "b": -0, "c": NaN}', label, true);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it.each(TARGETS.filter((x) => x.query).map((x) => [name(x), x] as const))('%s (query)', async (label, target) => {
    const names = [...target.query!, 'limit', '__proto__', 'constructor'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...names), fc.oneof(nastyString, fc.integer().map(String))), { maxLength: 4 }), async (pairs) => {
        const qs = pairs.map(([k, v]) => `${enc(k)}=${enc(v.slice(0, 3000))}`).join('&');
        await check('GET', `${target.path()}?${qs}`, undefined, label);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    await check('GET', `${target.path()}?${target.query![0] ?? 'x'}=a&${target.query![0] ?? 'x'}=b`, undefined, label);
    for (const raw of RAW_QUERIES) await check('GET', `${target.path()}?${raw}`, undefined, label);
  });

  it('hostile path segments', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ID_ROUTES), fc.oneof(nastyString.filter((s) => s.length < 3000), fc.integer().map(String)), async (route, segment) => {
        const path = route(enc(segment));
        for (const method of ['GET', 'DELETE', 'PATCH'] as const) await check(method, path, method === 'GET' ? undefined : {}, 'path');
      }),
      { numRuns: RUNS * 4, seed: SEED, endOnFailure: true },
    );
  });

  it('still works afterwards, and nothing was polluted', async () => {
    expect((await admin.get('/api/auth/me')).status).toBe(200);
    expect((await new Client(t.url).get('/api/health')).status).toBe(200);
    expect(Object.prototype).not.toHaveProperty('isAdmin');
  });
});

type JsonSchema = Record<string, any>;

/**
 * A fast-check arbitrary for the values a JSON schema (here: the OpenAPI document, generated from the
 * zod schemas) accepts. Refinements zod cannot express in JSON Schema (emails, date order, "change at
 * least one field") are not modelled, so some generated bodies are still refused: that is fine, the
 * property is about what happens either way.
 */
function fromSchema(schema: JsonSchema, doc: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.$ref) return fromSchema(doc.components.schemas[String(schema.$ref).split('/').pop()!], doc);
  const core = schemaCore(schema, doc);
  return schema.nullable ? fc.oneof(core, fc.constant(null)) : core;
}

function schemaCore(s: JsonSchema, doc: JsonSchema): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...(alternatives as JsonSchema[]).map((x) => fromSchema(x, doc)));
  if (s.allOf) return fromSchema(s.allOf[0], doc);
  const within = (v: string) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);
  switch (s.type) {
    case 'string':
      if (s.format === 'date') return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'uuid') return fc.uuid();
      if (s.format === 'email') return fc.emailAddress().filter(within);
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter(within);
      return fc.oneof(fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 300), unit: 'grapheme' }), fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 300) })).filter(within);
    case 'integer':
    case 'number': {
      const min = Math.max((s.minimum ?? -1e6) + (s.exclusiveMinimum === true ? 1 : 0), -1e12);
      const max = Math.min((s.maximum ?? 1e6) - (s.exclusiveMaximum === true ? 1 : 0), 1e12);
      return s.type === 'integer' ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fromSchema(s.items ?? {}, doc), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'object': {
      const props = Object.fromEntries(Object.entries((s.properties ?? {}) as Record<string, JsonSchema>).map(([k, v]) => [k, fromSchema(v, doc)]));
      return fc.record(props, { requiredKeys: (s.required ?? []) as string[] });
    }
    default:
      return fc.constant(null);
  }
}

describe('HTTP: bodies generated from every route’s zod schema (via the OpenAPI document)', () => {
  let doc: JsonSchema;
  /** Path parameters by name (and by the path they are in, where a name means different things). */
  const param = (path: string, name: string) =>
    ({
      slug: path.startsWith('/api/initiatives') ? initiative : tool,
      id: path.startsWith('/api/threads') ? threadId : path.startsWith('/api/messages') ? messageId : path.startsWith('/api/moderation') ? itemId : path.startsWith('/api/users') ? userId : milestoneId,
      userId,
      organisationId: orgId,
      key: 'problem',
      emoji: 'x',
      subjectType: 'tool',
      subjectId: tool,
    })[name] ?? name;

  it('every route with a body: schema-shaped input never gets a 500, and a refused one stores nothing', async () => {
    doc = (await admin.get('/api/docs/openapi.json')).body;
    const routes = Object.entries(doc.paths as Record<string, Record<string, JsonSchema>>).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.requestBody?.content?.['application/json']?.schema)
        .map(([method, op]) => ({ method: method.toUpperCase(), path, schema: op.requestBody.content['application/json'].schema as JsonSchema })),
    );
    expect(routes.length).toBeGreaterThanOrEqual(25);
    for (const route of routes) {
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(param(route.path, name))));
      await fc.assert(
        fc.asyncProperty(fromSchema(route.schema, doc), async (body) => {
          await check(route.method, path, body, `schema ${route.method} ${route.path}`);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
    expect((await admin.get('/api/auth/me')).status).toBe(200);
  }, 120_000);
});

describe('sockets: hostile payloads on every event', () => {
  it('subscribe, unsubscribe and typing answer with an error or nothing; nobody is disconnected', async () => {
    const bystander = connect(t.url);
    const fuzzer = connect(t.url, { cookie: admin.cookie });
    sockets.push(bystander, fuzzer);
    expect(await subscribe(bystander.socket, 'catalogue')).toMatchObject({ ok: true });
    await subscribe(fuzzer.socket, 'catalogue');
    const topicish = fc.oneof(nastyString, fc.constantFrom('thread:0', 'thread:-1', 'thread:1e3', `thread:${'9'.repeat(30)}`, 'user:', 'moderation ', 'tool:A', 'catalogue\u0000'));
    const payload = fc.oneof(value, fc.record({ topic: topicish, afterSeq: fc.oneof(value, fc.constantFrom(-1, 1.5, 2 ** 60, '1')) }, { requiredKeys: [] }), fc.record({ topic: topicish, section: value }, { requiredKeys: [] }));
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('subscribe', 'unsubscribe', 'typing'), payload, async (event, body) => {
        sent++;
        if (event === 'typing') {
          fuzzer.socket.emit('typing', body);
          return;
        }
        const ack = await fuzzer.socket.timeout(5000).emitWithAck(event, body);
        expect(ack).toHaveProperty('ok');
        if (ack.ok === false) expect(ack.error).toEqual(expect.any(String));
      }),
      { numRuns: RUNS * 10, seed: SEED, endOnFailure: true },
    );
    // Events the gateway does not know, and no payload at all.
    fuzzer.socket.emit('no-such-event', { x: 1 });
    expect(await fuzzer.socket.timeout(5000).emitWithAck('subscribe')).toMatchObject({ ok: false });
    expect(fuzzer.socket.connected).toBe(true);
    expect(bystander.socket.connected).toBe(true);
    expect(await subscribe(bystander.socket, `thread:${threadId}`)).toMatchObject({ ok: true });
    console.log(`fuzz: ${sent} socket payloads`);
  }, 60_000);
});

describe('Markdown (one renderer for API and web): generated XSS attempts', () => {
  // Pieces attackers combine; the property is that whatever the mix, the HTML keeps to an allow-list.
  const pieces = [
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg/onload=alert(1)>', '<a href="javascript:alert(1)">x</a>', '<iframe src=//evil>',
    'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java&#x09;script:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)', '//evil.example', '\\\\evil.example', 'https://example.org', 'mailto:a@b.org', '/tools', '#top', '"', "'", '<', '>', '`', '](', ')', '[', ']',
    '![x](', '<!--', '-->', '<![CDATA[', ' onmouseover=alert(1) ', '\n', '\n\n', '```html\n', '    ', '> ', '* ', '1. ', '| a | b |\n|---|---|\n', '**', '_', '~~',
    '@[<b onclick=alert(1)>Eve</b>](user:00000000-0000-4000-8000-000000000000)', '\u202E', '\u0000', '&lt;script&gt;', '<style>', '<base href=//evil>', '<form action=//evil>',
  ];
  const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 14 }).map((parts) => parts.join(''));
  const link = fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...pieces.slice(5, 18)), fc.string({ maxLength: 6 })).map(([label, url, rest]) => `[${label}](${url}${rest})`);
  const TAGS = new Set(['p', 'br', 'strong', 'em', 'code', 'pre', 'a', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 's', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
  const ATTRIBUTES = new Set(['href', 'rel', 'class', 'start', 'style']);

  function problems(html: string): string[] {
    const found: string[] = [];
    for (const [, close, tag, attrs] of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
      if (!TAGS.has(tag.toLowerCase())) found.push(`tag ${tag}`);
      if (close) continue;
      for (const [, name, value = ''] of attrs.matchAll(/\s([^\s=]+)(?:="([^"]*)")?/g)) {
        if (!ATTRIBUTES.has(name.toLowerCase())) found.push(`attribute ${name}`);
        if (name === 'style' && !/^text-align:(left|right|center)$/.test(value)) found.push(`style ${value}`);
        // Empty: `[x]()` links to the page itself, which is harmless.
        if (name === 'href' && value !== '' && !/^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(value)) found.push(`href ${value}`);
        if (name === 'class' && !/^language-[^"<>]*$/.test(value)) found.push(`class ${value}`);
      }
      if (tag === 'a' && !/rel="nofollow noopener noreferrer"/.test(attrs)) found.push('link without rel');
    }
    return found;
  }

  it('every output keeps to the allow-list of tags, attributes and link schemes', () => {
    fc.assert(
      fc.property(fc.oneof(text, link, fc.tuple(text, link, text).map((p) => p.join(' '))), (input) => {
        expect({ input, problems: problems(renderMarkdown(input)) }).toEqual({ input, problems: [] });
      }),
      { numRuns: RUNS * 40, seed: SEED },
    );
  });
});
