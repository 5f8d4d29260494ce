import { ConnectedSocket, MessageBody, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { DesignLive } from './design-live.service';

/**
 * The design document's socket events, on the same socket.io server, handshake (session cookie) and
 * Origin check as the realtime gateway. Logic lives in DesignLive.
 */
@WebSocketGateway()
export class DesignGateway implements OnGatewayInit, OnGatewayDisconnect {
  constructor(private readonly live: DesignLive) {}

  afterInit(server: Server) {
    this.live.attach(server);
  }

  handleDisconnect(socket: Socket) {
    return this.live.disconnected(socket);
  }

  @SubscribeMessage('design:join')
  join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.live.join(socket, body);
  }

  @SubscribeMessage('design:update')
  update(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.live.update(socket, body);
  }

  @SubscribeMessage('design:awareness')
  awareness(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    this.live.awareness(socket, body);
  }

  @SubscribeMessage('design:leave')
  leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.live.leave(socket, body);
  }
}
