import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgres://postgres@127.0.0.1:5432/commons'),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
    /** Keeps two deployments (or two test runs) on one Redis apart. */
    REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9:_-]{1,64}$/).default('commons'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** The address to listen on: all interfaces in a container, 127.0.0.1 to keep it on this machine. */
    HOST: z.string().min(1).default('0.0.0.0'),
    PUBLIC_ORIGIN: z.url({ protocol: /^https?$/ }).default('http://localhost:3000').transform((u) => new URL(u).origin),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().optional(),
    /**
     * Signs one-click unsubscribe links. Unset: a random secret the migrations generated and keep in the
     * database, so every process agrees; set it to rotate (old links stop working).
     */
    UNSUBSCRIBE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SEED_DEMO: bool,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24 * 14),
    /** How often each process publishes outbox events that a crash or a Redis outage left unpublished. */
    OUTBOX_SWEEP_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    /** Presence heartbeat; an instance silent for three beats is taken for dead and its people leave. */
    PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(50).max(60_000).default(5000),
    /** Trust X-Forwarded-For (set it behind a load balancer; otherwise clients could choose their address). */
    TRUST_PROXY: bool,
    /** Feedback submissions per client address per minute. */
    FEEDBACK_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(10),
    /** Failed sign-ins per account per 15 minutes before it is refused for the rest of the window. */
    LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000_000).default(10),
    /** Sign-in attempts per client address per 15 minutes. */
    LOGIN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(100),
    /** Days moderators keep the original of redacted or rejected text before it is scrubbed. */
    ORIGINAL_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
    /** Jobs each worker process runs at once, per queue (each holds a database connection while it runs). */
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
    /**
     * The worker process's nice value (0–19; 0 leaves it as started). Its jobs are background work that
     * nobody watches happen, so on a machine it shares with the API, the API's requests and broadcasts
     * get the CPU first (docs/PERFORMANCE.md, "The worker's priority"). Jobs still run at full speed on an otherwise idle machine.
     */
    WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
    /** Messages a member may post per minute. */
    MESSAGE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
    /** Where the built web client lives; the API serves it at / when present. */
    WEB_DIST: z.string().optional(),
  })
  .refine((e) => !e.ADMIN_EMAIL === !e.ADMIN_PASSWORD, {
    path: ['ADMIN_PASSWORD'],
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
  });

export type Env = z.infer<typeof EnvSchema>;

/** Parsed once at start; a bad variable stops the process with its name. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings mean "unset" (docker-compose passes `VAR=` for unset optional variables).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Injection token for the parsed environment. */
export const ENV = Symbol('ENV');
