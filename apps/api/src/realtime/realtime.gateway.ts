import { Inject, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { Redis } from 'ioredis';
import type { Server, Socket } from 'socket.io';
import type { EventEnvelope } from '@commons/realtime';
import { ENV, Env } from '../config/env';
import { eventsChannel } from './relay.service';
import { RealtimeService } from './realtime.service';

/** The socket.io side of the realtime protocol (docs/architecture.md). Logic lives in RealtimeService. */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayDisconnect, OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeGateway.name);
  private readonly subscriber: Redis;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly service: RealtimeService,
  ) {
    this.subscriber = new Redis(env.REDIS_URL, { connectionName: 'commons-events', autoResubscribe: false });
    this.subscriber.on('error', () => undefined);
    // At every (re)connect: subscribe, then catch up from the outbox on what was published while this
    // instance was not listening (after an outage the sweeper's publishes reached nobody here).
    this.subscriber.on('ready', () => {
      this.subscriber.subscribe(eventsChannel(env)).then(
        () => this.service.resync(),
        (error: Error) => this.logger.warn(`subscribing to events: ${error.message}`),
      ).catch((error: Error) => this.logger.warn(`catching up after a reconnect: ${error.message}`));
    });
  }

  afterInit(server: Server) {
    this.service.attach(server);
    server.use((socket, next) => {
      this.service.authenticate(socket).then(() => next(), (error: Error) => next(error));
    });
    this.subscriber.on('message', (_channel, message) => {
      try {
        this.service.deliver(JSON.parse(message) as EventEnvelope[]);
      } catch (error) {
        this.logger.error(`bad events message: ${(error as Error).message}`);
      }
    });
  }

  handleDisconnect(socket: Socket) {
    return this.service.disconnected(socket);
  }

  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.service.subscribe(socket, body);
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.service.unsubscribe(socket, body);
  }

  @SubscribeMessage('typing')
  typing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    this.service.typing(socket, body);
  }

  onApplicationShutdown() {
    this.subscriber.disconnect();
  }
}
