import { Inject, Injectable } from '@nestjs/common';
import type { ErrorBody } from '@commons/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Gauge, Histogram, Registry } from 'prom-client';
import type { Server } from 'socket.io';
import { DataSource } from 'typeorm';
import { QUEUES } from '@commons/realtime';
import { ENV, Env } from '../config/env';
import { JobsService } from '../jobs/jobs.service';
import { bearerMatches } from './bearer';
import { exposition } from './process-metrics';

function refuse(reply: FastifyReply, status: number, code: ErrorBody['error']['code'], message: string) {
  const body: ErrorBody = { error: { code, message } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

const QUEUE_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;
const OLDEST_UNPUBLISHED = `SELECT extract(epoch FROM now() - created_at)::float8 AS age FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 1`;
const UNPUBLISHED = `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`;

/**
 * The API process's Prometheus metrics (GET /api/metrics). Gauges are read when scraped, from the
 * services as they are (socket.io's sockets, BullMQ's counts, the outbox), so nothing is counted on
 * the hot path except each request's duration. A registry per app, not prom-client's global one, so
 * two apps in one process (the tests) do not share series.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private sockets?: Server;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** Which of the sources the last scrape read answered (1) or not (0). */
  private readonly sourceUp: Gauge<'source'>;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly jobs: JobsService,
    private readonly dataSource: DataSource,
  ) {
    const registers = [this.registry];
    this.httpDuration = new Histogram({
      name: 'commons_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern (not the raw URL) and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.sourceUp = new Gauge({ name: 'commons_metrics_source_up', help: 'Whether a source the gauges read answered at the last scrape', labelNames: ['source'], registers });
    const sockets = () => [...(this.sockets?.of('/').sockets.values() ?? [])];
    new Gauge({
      name: 'commons_sockets_open',
      help: 'socket.io connections open on this instance',
      registers,
      collect() {
        this.set(sockets().length);
      },
    });
    new Gauge({
      name: 'commons_subscriptions',
      help: 'Topic subscriptions held by sockets on this instance, by topic kind (thread, tool, moderation, …)',
      labelNames: ['kind'],
      registers,
      collect() {
        const byKind = new Map<string, number>();
        for (const socket of sockets()) {
          for (const topic of (socket.data.topics ?? []) as Set<string>) {
            const kind = topic.split(':')[0];
            byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
          }
        }
        this.reset();
        for (const [kind, n] of byKind) this.set({ kind }, n);
      },
    });
    const service = this;
    new Gauge({
      name: 'commons_queue_jobs',
      help: 'BullMQ jobs by queue and state (failed: retries exhausted, kept for an admin to read)',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        const counts = await service.read('redis', () => Promise.all(QUEUES.map((q) => service.jobs.queue(q).getJobCounts(...QUEUE_STATES))));
        counts?.forEach((c, i) => QUEUE_STATES.forEach((state) => this.set({ queue: QUEUES[i], state }, c[state] ?? 0)));
      },
    });
    new Gauge({
      name: 'commons_outbox_lag_seconds',
      help: 'Age of the oldest outbox event not yet published (0 when all are)',
      registers,
      async collect() {
        const rows = await service.read<{ age: number }[]>('postgres', () => service.dataSource.query(OLDEST_UNPUBLISHED));
        if (rows) this.set(rows[0]?.age ?? 0);
        else this.reset();
      },
    });
    new Gauge({
      name: 'commons_outbox_unpublished',
      help: 'Outbox events not yet published',
      registers,
      async collect() {
        const rows = await service.read<{ n: number }[]>('postgres', () => service.dataSource.query(UNPUBLISHED));
        if (rows) this.set(rows[0].n);
        else this.reset();
      },
    });
  }

  /** The socket.io server whose sockets and subscriptions are counted (metered-io.adapter.ts). */
  attachSockets(server: Server) {
    this.sockets = server;
  }

  /** Fastify onResponse hook: unmatched URLs share one label, so a scan of random paths adds no series. */
  readonly onResponse = async (request: FastifyRequest, reply: FastifyReply) => {
    this.httpDuration.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  };

  /**
   * GET /api/metrics: the exposition text for a scraper holding METRICS_TOKEN; 404 while no token is
   * configured. A Fastify route of its own (metrics.route.ts), not a Nest controller: the API's guard reads
   * any `Authorization: Bearer` as a personal access token, and this one is not a person's.
   */
  readonly scrape = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = this.env.METRICS_TOKEN;
    if (!token) return refuse(reply, 404, 'not_found', 'Metrics are off: set METRICS_TOKEN');
    if (!bearerMatches(request.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer');
      return refuse(reply, 401, 'unauthorized', 'Send Authorization: Bearer <METRICS_TOKEN>');
    }
    const { contentType, text } = await exposition(this.registry);
    return reply.type(contentType).header('cache-control', 'no-store').send(text);
  };

  /** A source that does not answer leaves its series out of this scrape rather than failing it. */
  private async read<T>(source: 'redis' | 'postgres', fn: () => Promise<T>): Promise<T | undefined> {
    try {
      const value = await fn();
      this.sourceUp.set({ source }, 1);
      return value;
    } catch {
      this.sourceUp.set({ source }, 0);
      return undefined;
    }
  }
}
