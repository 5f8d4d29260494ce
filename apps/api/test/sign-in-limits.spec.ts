import { createHash, createHmac } from 'node:crypto';
import { Redis } from 'ioredis';
import { Client, newUser, startApp, TestApp } from './harness';

/**
 * Sign-in that nobody can turn against its owner: limits keyed on address and account together, with
 * backoff; counters that parallel requests cannot race past; registration and reset requests throttled;
 * weak passwords refused; rate-limit keys salted. Real Postgres and Redis.
 */
let t: TestApp;
const SECRET = 'a rate limit secret of at least thirty-two characters';
const PREFIX = `${process.env.REDIS_PREFIX}:limits`;
let n = 0;

beforeAll(async () => {
  t = await startApp({ LOGIN_FAILURES_PER_ACCOUNT: '3', TRUST_PROXY: 'true', RATE_LIMIT_SECRET: SECRET, REDIS_PREFIX: PREFIX });
});
afterAll(() => t?.close());

/** A fresh client address for each test, so they do not share counters. */
const address = () => `198.51.100.${++n}`;
const login = (ip: string, email: string, password: string) => new Client(t.url).request('POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': ip });

async function account() {
  const input = newUser();
  expect((await new Client(t.url).request('POST', '/api/auth/register', input, { 'x-forwarded-for': '192.0.2.1' })).status).toBe(201);
  return input;
}

describe('sign-in limits', () => {
  it('a stranger’s failures from another address never refuse the owner’s correct password', async () => {
    const owner = await account();
    const stranger = address();
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await login(stranger, owner.email, 'a wrong guess')).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect((await login(address(), owner.email, owner.password)).status).toBe(200);
  });

  it('backs off from one address: 1 s, then 2 s; the right password after waiting clears it', async () => {
    const owner = await account();
    const ip = address();
    for (let i = 0; i < 3; i++) expect((await login(ip, owner.email, 'a wrong guess')).status).toBe(401);
    const refused = await login(ip, owner.email, owner.password);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await login(ip, owner.email, 'a wrong guess')).status).toBe(401);
    expect((await login(ip, owner.email, owner.password)).headers.get('retry-after')).toBe('2');
    await new Promise((r) => setTimeout(r, 2100));
    expect((await login(ip, owner.email, owner.password)).status).toBe(200);
    // Cleared: the next mistake is a free one again.
    expect((await login(ip, owner.email, 'a wrong guess')).status).toBe(401);
  });

  it('parallel guesses cannot race past the count: 40 at once get exactly 3 tries', async () => {
    const owner = await account();
    const ip = address();
    const statuses = await Promise.all(Array.from({ length: 40 }, () => login(ip, owner.email, 'a wrong guess').then((r) => r.status)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(37);
  });

  it('guessing from many addresses leaves each new one a single free try, so the owner still gets in', async () => {
    const owner = await account();
    // 3 × 10 tries at the account from anywhere raise the alarm.
    for (let i = 0; i < 11; i++) {
      const ip = address();
      for (let j = 0; j < 3; j++) await login(ip, owner.email, 'a wrong guess');
    }
    const guesser = address();
    expect((await login(guesser, owner.email, 'a wrong guess')).status).toBe(401);
    expect((await login(guesser, owner.email, 'another wrong guess')).status).toBe(429);
    expect((await login(address(), owner.email, owner.password)).status).toBe(200);
  });

  it('keeps no guessable hash of an address or email in Redis: keys are HMACs under the secret', async () => {
    const owner = await account();
    const ip = address();
    await login(ip, owner.email, 'a wrong guess');
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      // The sign-in, registration and reset counters (the write-route throttle keeps its own).
      const keys = (await redis.keys(`${PREFIX}:rate:*`)).filter((k) => /:rate:(login|register|reset|confirm):/.test(k));
      expect(keys.length).toBeGreaterThan(0);
      const sha = (s: string) => createHash('sha256').update(s).digest('hex');
      for (const guessable of [ip, owner.email, sha(ip), sha(owner.email)]) expect(keys.filter((k) => k.includes(guessable))).toEqual([]);
      const hmac = (...values: string[]) => createHmac('sha256', SECRET).update(values.join('\n')).digest('base64url');
      expect(keys).toContain(`${PREFIX}:rate:login:{${hmac(owner.email)}}:pair:${hmac(ip, owner.email)}`);
    } finally {
      redis.disconnect();
    }
  });
});

describe('registration and reset requests', () => {
  it('throttles registration per address (probing who has an account included)', async () => {
    const limited = await startApp({ REGISTRATIONS_PER_ADDRESS: '3', TRUST_PROXY: 'true', REDIS_PREFIX: `${PREFIX}:register` });
    try {
      const register = (ip: string, input = newUser()) => new Client(limited.url).request('POST', '/api/auth/register', input, { 'x-forwarded-for': ip });
      const taken = newUser();
      expect((await register('203.0.113.9', taken)).status).toBe(201);
      expect((await register('203.0.113.9', taken)).status).toBe(409);
      expect((await register('203.0.113.9')).status).toBe(201);
      const refused = await register('203.0.113.9', taken);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await register('203.0.113.10')).status).toBe(201);
    } finally {
      await limited.close();
    }
  });

  it('throttles password-reset requests per address', async () => {
    const limited = await startApp({ PASSWORD_RESETS_PER_ADDRESS: '2', TRUST_PROXY: 'true', REDIS_PREFIX: `${PREFIX}:reset` });
    try {
      const ask = (ip: string) => new Client(limited.url).request('POST', '/api/auth/password-reset', { email: 'someone@example.org' }, { 'x-forwarded-for': ip });
      expect((await ask('203.0.113.20')).status).toBe(202);
      expect((await ask('203.0.113.20')).status).toBe(202);
      expect((await ask('203.0.113.20')).status).toBe(429);
      expect((await ask('203.0.113.21')).status).toBe(202);
    } finally {
      await limited.close();
    }
  });
});

describe('password strength', () => {
  it.each(['password12', 'Password1!', 'qwerty1234', 'letmein12345'])('refuses %s at registration, naming the field', async (password) => {
    const res = await new Client(t.url).post('/api/auth/register', newUser({ password }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(Object.keys(res.body.error.fields)).toEqual(['password']);
    expect(res.body.error.fields.password).toMatch(/too easy to guess/);
  });

  it('refuses a password made of the person’s own name', async () => {
    const res = await new Client(t.url).post('/api/auth/register', newUser({ displayName: 'Okonkwo Hemsworth', password: 'okonkwohemsworth' }));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['password']);
  });
});
