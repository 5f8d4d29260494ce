import type { Server, ServerOptions } from 'socket.io';
import { RealtimeIoAdapter } from '../realtime/io.adapter';
import { MetricsService } from './metrics.service';

/** The realtime adapter, handing its socket.io server to the metrics (sockets and subscriptions are read from it). */
export class MeteredIoAdapter extends RealtimeIoAdapter {
  constructor(
    private readonly metrics: MetricsService,
    ...args: ConstructorParameters<typeof RealtimeIoAdapter>
  ) {
    super(...args);
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options);
    this.metrics.attachSockets(server);
    return server;
  }
}
