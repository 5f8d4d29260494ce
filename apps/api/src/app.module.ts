import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { ConfigModule } from './config/config.module';
import { Env } from './config/env';
import { DatabaseModule } from './database/database.module';
import { DiscussionsCoreModule, DiscussionsModule } from './discussions/discussions.module';
import { FeedbackModule } from './feedback/feedback.module';
import { HealthModule } from './health/health.module';
import { ModerationHttpModule, ModerationModule } from './moderation/moderation.module';
import { IdentityModule } from './identity/identity.module';
import { InitiativesCoreModule, InitiativesModule } from './initiatives/initiatives.module';
import { WorkerService } from './jobs/worker.service';
import { NotificationsCoreModule, NotificationsModule } from './notifications/notifications.module';
import { GatewayModule, OutboxModule } from './realtime/realtime.module';
import { RedisModule } from './redis/redis.module';
import { DemoSeeder } from './seed/demo.seed';
import { ToolsModule } from './tools/tools.module';

/** What both processes share: config, logging, Postgres, Redis. */
function common(env: Env) {
  return [
    ConfigModule.forRoot(env),
    LoggerModule.forRoot({
      pinoHttp: { level: env.LOG_LEVEL, redact: ['req.headers.cookie', 'res.headers["set-cookie"]'] },
      // Requests are logged from a Fastify hook (app.ts), not by this module's middleware.
      forRoutes: [],
    }),
    DatabaseModule,
    RedisModule,
    OutboxModule,
  ];
}

/** The HTTP + socket.io process. */
@Module({})
export class ApiModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: ApiModule,
      imports: [...common(env), IdentityModule, HealthModule, ToolsModule, GatewayModule, NotificationsModule, FeedbackModule, ModerationModule, ModerationHttpModule, DiscussionsModule, InitiativesModule],
      providers: [{ provide: APP_PIPE, useClass: ZodValidationPipe }, DemoSeeder],
    };
  }
}

/** The BullMQ process: same modules, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(env: Env): DynamicModule {
    return { module: WorkerModule, imports: [...common(env), InitiativesCoreModule, NotificationsCoreModule, ModerationModule, DiscussionsCoreModule], providers: [WorkerService] };
  }
}
