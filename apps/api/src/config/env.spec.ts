import { loadEnv } from './env';

describe('loadEnv', () => {
  it('applies defaults for a local machine', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/commons', REDIS_URL: 'redis://127.0.0.1:6379', SEED_DEMO: false, PUBLIC_ORIGIN: 'http://localhost:3000', WORKER_CONCURRENCY: 8 });
  });

  it('fails naming the bad variable', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadEnv({ PUBLIC_ORIGIN: 'ftp://x' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => loadEnv({ ADMIN_EMAIL: 'root@example.org' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadEnv({ ADMIN_EMAIL: 'root@example.org', ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD: must be at least 10/);
    expect(() => loadEnv({ UNSUBSCRIBE_SECRET: 'too short' })).toThrow(/UNSUBSCRIBE_SECRET: must be at least 32/);
    expect(() => loadEnv({ SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL/);
    expect(() => loadEnv({ WORKER_CONCURRENCY: '0' })).toThrow(/WORKER_CONCURRENCY/);
  });

  it('treats empty strings as unset and parses booleans', () => {
    const env = loadEnv({ SMTP_URL: '', SEED_DEMO: 'true' });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.SEED_DEMO).toBe(true);
    expect(loadEnv({ SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
  });

  it('keeps only the origin of PUBLIC_ORIGIN', () => {
    expect(loadEnv({ PUBLIC_ORIGIN: 'https://commons.example.org/some/path' }).PUBLIC_ORIGIN).toBe('https://commons.example.org');
  });
});
