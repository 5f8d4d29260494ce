import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { Env } from '../config/env';
import { RealtimeService } from './realtime.service';

function ready(client: Redis, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * socket.io on the API's own port and origin. The Redis pub/sub adapter carries cross-instance
 * broadcasts (presence, typing, room membership); durable events come through the outbox and are
 * replayed by seq, so socket.io's own connection-state recovery stays off (it loses and repeats
 * events across instances: docs/…/MEASURED).
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(
    private readonly app: INestApplicationContext,
    private readonly env: Env,
  ) {
    super(app);
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const realtime = this.app.get(RealtimeService);
    const server: Server = super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      serveClient: false,
      // A message past this (one event or binary attachment over websocket, a polling POST) closes the
      // connection before it is parsed; the largest the client sends is a live design edit (512 KiB).
      maxHttpBufferSize: this.env.SOCKET_MAX_MESSAGE_BYTES,
      // Checked here, before the upgrade: socket.io's `cors` option alone lets a foreign page connect.
      allowRequest: (req, callback) => callback(null, realtime.originAllowed(req.headers.origin)),
    } as ServerOptions);
    const pub = new Redis(this.env.REDIS_URL, { connectionName: 'commons-io-pub' });
    const sub = pub.duplicate({ connectionName: 'commons-io-sub' });
    for (const client of [pub, sub]) client.on('error', () => undefined);
    this.clients.push(pub, sub);
    server.adapter(createAdapter(pub, sub, { key: `${this.env.REDIS_PREFIX}:socket.io` }));
    return server;
  }

  /** Closing the server closes its adapter (which unsubscribes); only then may its Redis clients go. */
  async close(server: Server) {
    // A client still connecting gets a moment (its subscribe is queued; cutting it would reject that
    // unhandled inside the adapter). One that does not connect (Redis away) would hold the adapter's
    // unsubscribe, and so close(), until its retries ran out: cut it.
    await Promise.all(this.clients.map((c) => (c.status === 'ready' ? undefined : ready(c, 1000))));
    for (const c of this.clients) if (c.status !== 'ready') c.disconnect();
    await super.close(server);
    await Promise.all(this.clients.splice(0).map((c) => (c.status === 'ready' ? c.quit().catch(() => c.disconnect()) : c.disconnect())));
  }
}
