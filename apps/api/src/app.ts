import fastifyCookie from '@fastify/cookie';
import { useGlobalPrefix } from './common/global-prefix';
import fastifyHelmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger, PinoLogger } from 'nestjs-pino';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiModule } from './app.module';
import { GlobalExceptionFilter } from './common/exception.filter';
import { refuseNonJsonBodies } from './common/json-only';
import { refuseNullCharacters } from './common/null-characters';
import { Env } from './config/env';
import { DatabaseService } from './database/database.module';
import { mountQueueBoard } from './admin-queues/queue-board';
import { MeteredIoAdapter } from './metrics/metered-io.adapter';
import { mountMetrics } from './metrics/metrics.module';
import { MetricsService } from './metrics/metrics.service';
import { UsersService } from './identity/users.service';
import { DemoSeeder } from './seed/demo.seed';
import { openApiDocument } from './openapi';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * For the web client's pages: its scripts and styles come from this origin only (Vite's build has no
 * inline script); style attributes are allowed because React sets them. Swagger UI at /api/docs needs
 * inline script, so it goes without.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Bodies past this are refused with 413 before they are parsed. */
export const BODY_LIMIT = 1024 * 1024;

function webDist(env: Env): string | null {
  // Relative to the working directory: the repo root for npm scripts, /app in the container.
  const dir = resolve(env.WEB_DIST ?? 'dist/web');
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

let shuttingDown = false;
/**
 * Called on SIGTERM (main.ts): requests in flight are still answered, but with Connection: close, or their
 * keep-alive connections would hold the closing server open until the keep-alive timeout.
 */
export function stopKeepingAlive() {
  shuttingDown = true;
}

/** Builds the API (migrated and seeded, not yet listening); main.ts and the tests both use it. */
export async function createApiApp(env: Env): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    trustProxy: env.TRUST_PROXY,
    // A caller's request id is kept so one request can be followed across services; otherwise we mint one.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  // JSON only: a cross-site form can send text/plain without a preflight, so refusing it (415) is part of CSRF defence.
  adapter.getInstance().removeContentTypeParser('text/plain');
  adapter.getInstance().addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  adapter.getInstance().addHook('onRequest', refuseNonJsonBodies);
  adapter.getInstance().addHook('preHandler', refuseNullCharacters);
  adapter.getInstance().addHook('onSend', async (_request, reply, payload) => {
    if (shuttingDown) reply.header('connection', 'close');
    return payload;
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(env), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // One line per request, with its id, from a hook rather than nestjs-pino's middleware: that one also
  // binds each request's logger in an AsyncLocalStorage, which runs a hook on every promise the API makes,
  // and goes through middie; the two were ≈8 % of the API's CPU and 15 % of what a feedback submission
  // allocated (docs/PERFORMANCE.md, "Memory and garbage collection"). So what services log carries no request id; the request's line has it.
  // On nestjs-pino's root logger: app.module.ts's level and redaction apply.
  // Requests at info (LOG_LEVEL=info, production: one line each); server errors at error, so a terminal at
  // LOG_LEVEL=warn (`npm start`) shows those alone. Probes and scrapes are never logged.
  const logRequest = pinoHttp({
    logger: PinoLogger.root,
    autoLogging: { ignore: (req) => /^\/api\/(health|metrics)(\/|\?|$)/.test(req.url ?? '') },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
  });
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    (request.raw as { id?: string }).id = request.id;
    logRequest(request.raw, reply.raw, done);
  });
  app.enableShutdownHooks();
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  adapter.getInstance().addHook('onSend', async (request, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html') && !request.url.startsWith('/api/docs')) reply.header('content-security-policy', CSP);
    return payload;
  });
  useGlobalPrefix(app);
  app.useWebSocketAdapter(new MeteredIoAdapter(app.get(MetricsService), app, env));
  mountMetrics(app);

  const web = webDist(env);
  if (web) app.useStaticAssets({ root: web, prefix: '/', index: ['index.html'] });
  await mountQueueBoard(app);
  app.useGlobalFilters(new GlobalExceptionFilter(web !== null));

  // withCredentials: "Try it out" sends the session cookie that POST /api/auth/login set (same origin).
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs/openapi.json', swaggerOptions: { withCredentials: true } });

  await app.get(DatabaseService).migrate(async () => {
    await app.get(UsersService).ensureAdmin();
    if (env.SEED_DEMO) await app.get(DemoSeeder).seed();
  });
  return app;
}
