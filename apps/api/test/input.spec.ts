import { BODY_LIMIT } from '../src/app';
import { Client, signedIn, signedInAdmin, startApp, TestApp } from './harness';

let t: TestApp;
let admin: Client;
let memberId: string;
beforeAll(async () => {
  t = await startApp();
  admin = await signedInAdmin(t.url);
  memberId = (await signedIn(t.url)).user.id;
});
afterAll(() => t.close());

/** Route, then bodies each of which must be refused with 400 naming `field`. */
const cases: [method: 'POST' | 'PUT', path: () => string, body: unknown, field: string][] = [
  ['POST', () => '/api/auth/register', { password: 'a sensible passphrase', displayName: 'A' }, 'email'],
  ['POST', () => '/api/auth/register', { email: 'not-an-email', password: 'a sensible passphrase', displayName: 'A' }, 'email'],
  ['POST', () => '/api/auth/register', { email: 'a@b.org', password: 12345678901, displayName: 'A' }, 'password'],
  ['POST', () => '/api/auth/register', { email: 'a@b.org', password: 'a sensible passphrase', displayName: '' }, 'displayName'],
  ['POST', () => '/api/auth/register', { email: 'a@b.org', password: 'a sensible passphrase', displayName: 'x'.repeat(81) }, 'displayName'],
  ['POST', () => '/api/auth/register', { email: 'a@b.org', password: 'a sensible passphrase', displayName: 'A\u0000B' }, 'displayName'],
  ['POST', () => '/api/auth/register', { email: 'a@b.org', password: 'a sensible passphrase', displayName: 'A', organisationId: 'Camden' }, 'organisationId'],
  ['POST', () => '/api/auth/register', { email: 'a@b.org', password: 'x'.repeat(257), displayName: 'A' }, 'password'],
  // Beyond what the integer column holds: named here, not left to Postgres to refuse.
  ['POST', () => '/api/auth/register', { email: 'a@b.org', password: 'a sensible passphrase', displayName: 'A', organisationId: 514280085987 }, 'organisationId'],
  ['POST', () => '/api/tools', { name: 'Overflow', summary: 'An organisation id too big for the column.', originOrganisationId: 514280085987 }, 'originOrganisationId'],
  ['POST', () => '/api/auth/register', [], 'body'],
  ['POST', () => '/api/auth/login', { email: 'a@b.org' }, 'password'],
  ['POST', () => '/api/auth/login', { email: ['a@b.org'], password: 'x' }, 'email'],
  ['POST', () => '/api/auth/login', 'null', 'body'],
  ['PUT', () => `/api/users/${memberId}/roles`, { roles: ['superuser'] }, 'roles.0'],
  ['PUT', () => `/api/users/${memberId}/roles`, { roles: 'admin' }, 'roles'],
  ['PUT', () => `/api/users/${memberId}/roles`, { roles: ['admin', 'admin'] }, 'roles'],
  ['PUT', () => `/api/users/not-a-uuid/roles`, { roles: [] }, 'id'],
];

describe('bad input gets 400 naming the field, never 500', () => {
  it.each(cases.map(([m, p, b, f], i) => [i, m, p, b, f] as const))('case %i: %s', async (_i, method, path, body, field) => {
    const res = await admin.request(method, path(), body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields).toHaveProperty([field]);
  });

  it('rejects bad query strings', async () => {
    for (const path of ['/api/users?limit=0', '/api/users?limit=abc', '/api/users?offset=-1', '/api/tools?stage=finished', '/api/organisations?kind=council']) {
      const res = await admin.get(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.error.fields).toBeDefined();
    }
  });

  it('answers malformed JSON with 400', async () => {
    const res = await admin.request('POST', '/api/auth/login', '{"email": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('refuses prototype-pollution keys', async () => {
    const res = await admin.request('POST', '/api/auth/login', '{"__proto__": {"admin": true}, "email": "a@b.org", "password": "x"}');
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses bodies that are not JSON with 415', async () => {
    const res = await admin.request('POST', '/api/auth/login', 'email=a@b.org', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('refuses oversized bodies with 413 and stores nothing', async () => {
    // This account only: other test files register users in the same database meanwhile.
    const res = await admin.post('/api/auth/register', { email: 'big@example.org', password: 'a sensible passphrase', displayName: 'x'.repeat(BODY_LIMIT) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'big@example.org'`)).toEqual([{ n: 0 }]);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await admin.get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('keeps a caller-supplied request id and mints one otherwise', async () => {
    expect((await admin.request('GET', '/api/health', undefined, { 'x-request-id': 'trace-123' })).headers.get('x-request-id')).toBe('trace-123');
    expect((await admin.get('/api/health')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
