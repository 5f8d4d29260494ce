import type { Feature } from '../common/feature';
import { ChangeCounter } from './change-counter';
import { DeliveryService } from './delivery.service';
import { OutboxService } from './outbox.service';
import { PresenceService } from './presence.service';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';
import { RelayService } from './relay.service';
import { TopicDirectory } from './topic-directory';

/** Writing events (outbox → relay → Redis, BullMQ) in both processes; the socket.io gateway in the API. */
export const realtimeFeature: Feature = {
  providers: [OutboxService, RelayService, ChangeCounter],
  api: [RealtimeGateway, RealtimeService, DeliveryService, PresenceService, TopicDirectory],
};
