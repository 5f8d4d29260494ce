import { Global, Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { JobsController } from '../jobs/jobs.controller';
import { JobsService } from '../jobs/jobs.service';
import { DeliveryService } from './delivery.service';
import { OutboxService } from './outbox.service';
import { PresenceService } from './presence.service';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';
import { RelayService } from './relay.service';

/** Writing events (outbox → relay → Redis, BullMQ): needed by both processes. */
@Global()
@Module({ providers: [OutboxService, RelayService, JobsService], exports: [OutboxService, RelayService, JobsService] })
export class OutboxModule {}

/** The socket.io gateway and the admin view of jobs: API process only. */
@Module({ imports: [IdentityModule], controllers: [JobsController], providers: [RealtimeGateway, RealtimeService, DeliveryService, PresenceService], exports: [RealtimeService, PresenceService] })
export class GatewayModule {}
