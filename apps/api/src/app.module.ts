import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { adminFeature } from './admin/admin.module';
import { authFeature } from './auth/auth.module';
import type { Feature } from './common/feature';
import { validationPipe } from './common/validation';
import { RateLimiter } from './common/rate-limiter';
import { ThrottleGuard } from './common/throttle.guard';
import { ConfigModule } from './config/config.module';
import { Env } from './config/env';
import { pinoOptions } from './config/logging';
import { DatabaseModule } from './database/database.module';
import { discussionsFeature } from './discussions/discussions.module';
import { eventRegistry } from './events';
import { communityFeature } from './community/community.module';
import { exportsFeature } from './exports/exports.module';
import { ideasFeature } from './ideas/ideas.module';
import { guidesFeature } from './guides/guides.module';
import { answersFeature } from './answers/answers.module';
import { feedbackFeature } from './feedback/feedback.module';
import { healthFeature } from './health/health.module';
import { identityFeature } from './identity/identity.module';
import { initiativesFeature } from './initiatives/initiatives.module';
import { jobsFeature } from './jobs/jobs.module';
import { metricsFeature } from './metrics/metrics.module';
import { moderationFeature } from './moderation/moderation.module';
import { notificationsFeature } from './notifications/notifications.module';
import { EventRegistry } from './realtime/event-rules';
import { realtimeFeature } from './realtime/realtime.module';
import { retentionFeature } from './retention/retention.module';
import { RedisModule } from './redis/redis.module';
import { DemoSeeder } from './seed/demo.seed';
import { searchFeature } from './search/search.module';
import { toolsFeature } from './tools/tools.module';
import { WorkerService } from './worker/worker.service';

const features: Feature[] = [
  authFeature,
  identityFeature,
  healthFeature,
  realtimeFeature,
  jobsFeature,
  retentionFeature,
  metricsFeature,
  moderationFeature,
  feedbackFeature,
  discussionsFeature,
  toolsFeature,
  initiativesFeature,
  searchFeature,
  notificationsFeature,
  exportsFeature,
  communityFeature,
  ideasFeature,
  guidesFeature,
  answersFeature,
  adminFeature,
];

/** One list for both processes (as immich's server does): every repository and service, and the entities. */
export const entities = features.flatMap((f) => f.entities ?? []);
/** The features' event declarations (events.ts) are one provider, asked by the relay, the fan-out and the worker. */
export const providers = [RateLimiter, { provide: EventRegistry, useValue: eventRegistry }, ...features.flatMap((f) => f.providers)];
export const controllers = features.flatMap((f) => f.controllers ?? []);
const apiProviders = features.flatMap((f) => f.api ?? []);

/** What both processes share: config, logging, Postgres, Redis. */
function common(env: Env) {
  return [
    ConfigModule.forRoot(env),
    LoggerModule.forRoot({
      // Readable at a terminal (LOG_FORMAT=pretty, `npm start`); JSON everywhere else.
      pinoHttp: pinoOptions(env),
      // Requests are logged from a Fastify hook (app.ts), not by this module's middleware.
      forRoutes: [],
    }),
    DatabaseModule,
    RedisModule,
    TypeOrmModule.forFeature(entities),
  ];
}

/** The HTTP + socket.io process. */
@Module({})
export class ApiModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: ApiModule,
      imports: common(env),
      controllers,
      // Nest 12's StandardSchemaValidationPipe with zod 4, not nestjs-zod: no nestjs-zod release accepts Nest 12 as a peer.
      // ThrottleGuard after the features' guards (AuthGuard among them): Nest runs global guards in this order, so it knows the member.
      providers: [...providers, ...apiProviders, { provide: APP_GUARD, useClass: ThrottleGuard }, { provide: APP_PIPE, useValue: validationPipe }, DemoSeeder],
    };
  }
}

/** The BullMQ process: the same providers, no HTTP controllers and no socket.io. */
@Module({})
export class WorkerModule {
  static forRoot(env: Env): DynamicModule {
    return { module: WorkerModule, imports: common(env), providers: [...providers, WorkerService] };
  }
}
