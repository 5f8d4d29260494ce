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
    /** A pause in live editing of a design section this long (ms) saves its text as an automatic version. */
    DESIGN_VERSION_PAUSE_MS: z.coerce.number().int().min(50).max(3_600_000).default(10_000),
    /** Longest a revision comparison may compute (ms) before it answers with a coarse, whole-text diff. */
    DESIGN_COMPARE_MS: z.coerce.number().int().min(10).max(10_000).default(300),
    /** Trust X-Forwarded-For (set it behind a load balancer; otherwise clients could choose their address). */
    TRUST_PROXY: bool,
    /** Feedback submissions per client address per minute. */
    FEEDBACK_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(10),
    /**
     * Failed sign-ins to one account from one client address before each further try from there waits
     * (1 s, doubling, up to 15 minutes). Other addresses are not held back, so nobody can lock the owner out.
     */
    LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000_000).default(10),
    /** Registrations per client address per hour. */
    REGISTRATIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(10),
    /** Password-reset requests per client address per hour (each account also gets at most 3 reset emails an hour). */
    PASSWORD_RESETS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(10),
    /**
     * Salts the keys rate-limit counters are stored under, so Redis never holds a guessable hash of an
     * address or email. Unset: a random secret the migrations generated and keep in the database.
     */
    RATE_LIMIT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** A session used at least once an hour slides (SESSION_TTL_HOURS from its last use), but never past this many days after sign-in. */
    SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
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
    /** Member look-ups (the @-mention autocomplete) a member may make per minute. */
    MEMBER_LOOKUPS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
    /** Writes (POST, PUT, PATCH, DELETE) one signed-in member may make per minute, on every route together. */
    THROTTLE_MEMBER_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
    /** Writes per client address per minute, signed in or not (an office behind one address shares it). */
    THROTTLE_ADDRESS_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** Writes without a signed-in member (registration, sign-in, password reset, feedback) per client address per minute. */
    THROTTLE_ANONYMOUS_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
    /** New socket connections per client address per minute (every instance together); past it the handshake is refused. */
    SOCKET_CONNECTIONS_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    /** Topics one socket may follow at once; past it, a subscribe is refused in its ack. */
    SOCKET_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).max(100_000).default(200),
    /**
     * Messages (subscribes, typing, live design edits and cursors) one socket may send per second, after a
     * burst of five seconds' worth; past it each is refused at once and the socket is read more slowly, and a
     * burst's worth refused in a row disconnects it.
     */
    SOCKET_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(50),
    /** Events a socket may have waiting to be written before it stops getting them live and catches up from the outbox once it has read them. */
    SOCKET_MAX_BACKLOG: z.coerce.number().int().min(10).max(1_000_000).default(1000),
    /** The largest message a socket may send (bytes; a live design edit may carry 512 KiB); a larger one closes the connection. */
    SOCKET_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(600_000),
    /** Hours live events are kept in the outbox for reconnecting clients to catch up from; an older position is told to reload. */
    OUTBOX_RETENTION_HOURS: z.coerce.number().int().min(1).max(24 * 3650).default(24 * 7),
    /** Days an expired or revoked sign-in is kept before the worker deletes it. */
    SESSION_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
    /** Days a read notification is kept before the worker deletes it (unread ones are kept). */
    NOTIFICATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /** Where the built web client lives; the API serves it at / when present. */
    WEB_DIST: z.string().optional(),
    /** Bearer token a Prometheus scraper sends to GET /api/metrics (and the worker's metrics port). Unset: no metrics (404). */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** The worker's own metrics port (job durations and its process), served only when METRICS_TOKEN is set. */
    WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).default(9464),
    /** Log lines as JSON (for a log collector) or pretty (readable at a terminal; `npm start` uses it). */
    LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
    /**
     * Single sign-on (OpenID Connect): the provider's issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0
     * or .../organizations/v2.0 for any Entra ID tenant. Unset: no single sign-on. https only, except on loopback.
     */
    OIDC_ISSUER: z
      .url({ protocol: /^https?$/ })
      .refine((u) => u.startsWith('https:') || ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname), 'must be https (http only on loopback)')
      .optional(),
    /** The application (client) id registered with the provider. */
    OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
    /** Its client secret; unset for a public client (PKCE alone). */
    OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
    /** The provider's name on the sign-in button: "Sign in with <name>". */
    OIDC_DISPLAY_NAME: z.string().min(1).max(60).default('Microsoft'),
    /** Scopes asked for; openid is required, email and profile give the address and name. */
    OIDC_SCOPES: z.string().regex(/(^| )openid( |$)/, 'must include openid').default('openid email profile'),
  })
  .refine((e) => !e.OIDC_ISSUER === !e.OIDC_CLIENT_ID, {
    path: ['OIDC_CLIENT_ID'],
    message: 'OIDC_ISSUER and OIDC_CLIENT_ID must be set together',
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
