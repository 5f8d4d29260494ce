import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import type { EventEnvelope, Topic } from '@commons/realtime';
import { ENV, Env } from '../config/env';
import { toEnvelope } from './outbox.event';
import { OutboxService } from './outbox.service';

const RETRY_MS = 1000;
/**
 * Sockets written to per turn of the event loop. A write costs ≈10 µs here (the kernel's loopback work
 * is done in the sender's syscall), so one emit to a room of 1,000 would hold the loop for 10–15 ms, and every
 * request under way (a post's next database reply among them) would wait behind it (docs/PERFORMANCE.md, "Fan-out").
 */
const BROADCAST_CHUNK = 100;

/** What the socket has waiting to be written to its connection. */
const backlog = (socket: Socket) => (socket.conn as unknown as { writeBuffer?: unknown[] }).writeBuffer?.length ?? 0;

/** Resolves once the socket's connection has taken what was waiting (or it has gone). */
function drained(socket: Socket): Promise<void> {
  if (backlog(socket) === 0 || !socket.connected) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      socket.conn.off('drain', done);
      socket.off('disconnect', done);
      resolve();
    };
    socket.conn.on('drain', done);
    socket.on('disconnect', done);
  });
}

/** One subscribe of one socket: a later subscribe (a rewind) makes a new one, and the old one's catch-up stops. */
interface Following {
  socket: Socket;
}

/** One topic that has followers on this instance. */
interface Stream {
  /** Every event up to this seq has gone to the room; null until a follower has read the topic's seq. */
  delivered: number | null;
  /** Events that arrived ahead of a gap, by seq. */
  ahead: Map<number, EventEnvelope>;
  /** Followers that join the room once `delivered` reaches the key (they have everything up to it). */
  joining: Map<number, Following[]>;
  /** Each socket following the topic (in the room, catching up, or waiting to join), by its current subscribe. */
  followers: Map<Socket, Following>;
  /** A gap is being fetched from the outbox, up to here; null when no fetch is under way. */
  filling: number | null;
}

/**
 * Each follower gets each event of a topic once, in seq order, replayed ones before live ones
 * (the subscribe contract). Events can reach this instance out of order or twice: the API's and the
 * worker's relays publish independently, and the sweeper sends again what looked unpublished. So per
 * topic the instance delivers in seq order, fetching a gap from the outbox (an event is committed only
 * after every earlier seq of its topic, because the seq row stays locked until commit). A socket joins
 * the broadcast room only once it has caught up to the room, so live broadcasts stay one emit per topic.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);
  private readonly streams = new Map<Topic, Stream>();
  /** Broadcasts being written, a chunk of sockets per turn, in the order their events were delivered. */
  private readonly outgoing: { topic: Topic; stream: Stream; event: EventEnvelope; to: Following[]; at: number }[] = [];
  private server?: Server;

  /**
   * Packets a socket may have waiting in the API (engine.io's write buffer: its connection has not taken the
   * earlier ones, a reader that stopped reading or reads slowly) before it is no longer written to live: it
   * leaves the broadcast and, once its connection has taken what waits, catches up from the outbox a page
   * at a time and rejoins. A slow reader costs the API a bounded buffer and still gets every event, in order.
   */
  private readonly maxBacklog: number;

  constructor(
    private readonly outbox: OutboxService,
    @Inject(ENV) env: Env,
  ) {
    this.maxBacklog = env.SOCKET_MAX_BACKLOG;
  }

  attach(server: Server) {
    this.server = server;
  }

  /** Whether `socket` follows `topic` here already (so the topic is known to exist). */
  following(socket: Socket, topic: Topic): boolean {
    return this.streams.get(topic)?.followers.has(socket) ?? false;
  }

  /**
   * Makes `socket` follow `topic` and returns the topic's current seq (for the ack). It then gets every
   * event after `afterSeq` (or, without it, after that current seq), in order, and each live one after.
   * `refetch`: retention has deleted events after `afterSeq`, so the socket follows from the current seq
   * and must reload what it shows (the client does, on the ack's `refetch`).
   */
  async follow(socket: Socket, topic: Topic, afterSeq: number | undefined): Promise<{ seq: number; refetch: boolean }> {
    if (this.streams.get(topic)?.followers.has(socket)) {
      if (afterSeq === undefined) return { seq: await this.outbox.currentSeq(topic), refetch: false };
      this.unfollow(socket, topic); // a rewind: replay from afterSeq as for a newcomer
    }
    // The stream exists before the seq is read, so nothing published meanwhile is missed.
    const stream = this.stream(topic);
    const following: Following = { socket };
    stream.followers.set(socket, following);
    let position: { seq: number; pruned: number };
    try {
      position = await this.outbox.position(topic);
    } catch (error) {
      this.unfollow(socket, topic);
      throw error;
    }
    const { seq } = position;
    if (!socket.connected) {
      this.unfollow(socket, topic); // gone while we read: its disconnect saw no topic to leave
      return { seq, refetch: false };
    }
    if (stream.delivered === null) {
      stream.delivered = seq;
      this.drain(topic, stream);
    }
    const refetch = afterSeq !== undefined && afterSeq < Math.min(position.pruned, seq);
    const from = refetch ? seq : Math.min(afterSeq ?? seq, seq);
    // After the ack has gone.
    setImmediate(() => void this.catchUp(following, topic, stream, from));
    return { seq, refetch };
  }

  unfollow(socket: Socket, topic: Topic) {
    void socket.leave(topic);
    const stream = this.streams.get(topic);
    if (!stream?.followers.delete(socket)) return;
    for (const [seq, sockets] of stream.joining) {
      const left = sockets.filter((f) => f.socket !== socket);
      if (left.length) stream.joining.set(seq, left);
      else stream.joining.delete(seq);
    }
    if (stream.followers.size === 0) this.streams.delete(topic);
  }

  /** Events published by any process, as they come through Redis. */
  deliver(event: EventEnvelope) {
    const stream = this.streams.get(event.topic as Topic);
    if (!stream || (stream.delivered !== null && event.seq <= stream.delivered)) return;
    stream.ahead.set(event.seq, event);
    if (stream.delivered !== null) this.drain(event.topic as Topic, stream);
  }

  /**
   * After this instance stopped hearing Redis for a while (an outage, a reconnect): what was published
   * meanwhile went to nobody here, so each followed topic is fetched from the outbox up to its seq now.
   */
  async resync() {
    const followed = [...this.streams].filter(([, stream]) => stream.delivered !== null);
    if (!followed.length) return;
    const seqs = await this.outbox.currentSeqs(followed.map(([topic]) => topic));
    for (const [topic, stream] of followed) {
      const seq = seqs.get(topic) ?? 0;
      if (this.current(topic, stream) && seq > stream.delivered!) void this.fill(topic, stream, seq);
    }
  }

  private stream(topic: Topic): Stream {
    let stream = this.streams.get(topic);
    if (!stream) {
      stream = { delivered: null, ahead: new Map(), joining: new Map(), followers: new Map(), filling: null };
      this.streams.set(topic, stream);
    }
    return stream;
  }

  /** The stream is still this topic's, and (when given) the subscribe is still its socket's latest. */
  private current(topic: Topic, stream: Stream, following?: Following) {
    return this.streams.get(topic) === stream && (!following || (following.socket.connected && stream.followers.get(following.socket) === following));
  }

  /** Sends what is next in order to the room; on a gap, fetches the missing events. */
  private drain(topic: Topic, stream: Stream) {
    let next = stream.ahead.get(stream.delivered! + 1);
    while (next) {
      stream.ahead.delete(next.seq);
      this.broadcast(topic, stream, next);
      stream.delivered = next.seq;
      for (const following of stream.joining.get(next.seq) ?? []) if (this.current(topic, stream, following)) void following.socket.join(topic);
      stream.joining.delete(next.seq);
      next = stream.ahead.get(next.seq + 1);
    }
    let highest = 0;
    for (const seq of stream.ahead.keys()) {
      if (seq <= stream.delivered!) stream.ahead.delete(seq);
      else highest = Math.max(highest, seq);
    }
    const awaited = Math.max(highest, ...stream.joining.keys());
    if (awaited > stream.delivered!) void this.fill(topic, stream, awaited);
  }

  /**
   * Sends `event` to the room as it is now. A large room is written a chunk per turn of the event loop
   * (see BROADCAST_CHUNK), after any broadcast still being written, so each socket still gets a topic's
   * events in seq order. Whoever joins the room meanwhile has the event already (a socket joins once it
   * has everything delivered); one that unsubscribed or subscribed again meanwhile is skipped.
   */
  private broadcast(topic: Topic, stream: Stream, event: EventEnvelope) {
    const server = this.server;
    const room = server?.sockets.adapter.rooms.get(topic);
    if (!server || !room) return;
    if (room.size <= BROADCAST_CHUNK && !this.outgoing.length) {
      for (const id of room) {
        const socket = server.sockets.sockets.get(id);
        const following = socket && stream.followers.get(socket);
        if (following && backlog(socket) >= this.maxBacklog) this.fallBehind(topic, stream, following, event.seq - 1);
      }
      server.local.to(topic).emit('event', event);
      return;
    }
    const to: Following[] = [];
    for (const id of room) {
      const socket = server.sockets.sockets.get(id);
      const following = socket && stream.followers.get(socket);
      if (following) to.push(following);
    }
    this.outgoing.push({ topic, stream, event, to, at: 0 });
    if (this.outgoing.length === 1) this.flush();
  }

  private flush() {
    let budget = BROADCAST_CHUNK;
    while (budget > 0 && this.outgoing.length) {
      const b = this.outgoing[0];
      const chunk = b.to.slice(b.at, b.at + budget);
      b.at += chunk.length;
      budget -= chunk.length;
      const ids: string[] = [];
      for (const f of chunk) {
        if (!this.current(b.topic, b.stream, f)) continue;
        if (backlog(f.socket) >= this.maxBacklog) this.fallBehind(b.topic, b.stream, f, b.event.seq - 1);
        else ids.push(f.socket.id);
      }
      if (ids.length) this.server?.local.to(ids).emit('event', b.event);
      if (b.at >= b.to.length) this.outgoing.shift();
    }
    if (this.outgoing.length) setImmediate(() => this.flush());
  }

  /**
   * `following`'s socket has maxBacklog packets waiting: it leaves the room (what is queued for it under
   * this subscribe is skipped), and, once its connection has taken them, replays from `had` (every event up
   * to it was written to it) from the outbox, then rejoins.
   */
  private fallBehind(topic: Topic, stream: Stream, following: Following, had: number) {
    const { socket } = following;
    void socket.leave(topic);
    const next: Following = { socket };
    stream.followers.set(socket, next);
    this.behind++;
    void drained(socket).then(() => this.catchUp(next, topic, stream, had));
  }

  /** How many times a socket fell behind and caught up from the outbox (for the logs and metrics). */
  behind = 0;

  /** Fetches from the outbox what is missing up to `upto` (one fetch at a time per topic). */
  private async fill(topic: Topic, stream: Stream, upto: number) {
    const busy = stream.filling !== null;
    stream.filling = Math.max(stream.filling ?? 0, upto);
    if (busy) return; // the fetch under way goes on to the raised target
    try {
      while (this.current(topic, stream) && stream.delivered! < stream.filling!) {
        const events = await this.outbox.range(topic, stream.delivered!, stream.filling!);
        if (!events.length) break;
        for (const e of events) if (e.seq > stream.delivered!) stream.ahead.set(e.seq, toEnvelope(e));
        this.drain(topic, stream);
      }
    } catch (error) {
      this.logger.warn(`fetching ${topic} after seq ${stream.delivered} failed, retrying: ${(error as Error).message}`);
      setTimeout(() => this.current(topic, stream) && this.drain(topic, stream), RETRY_MS).unref();
    } finally {
      stream.filling = null;
    }
  }

  /** Replays to one follower from `from` until it has what the room has had, then puts it in the room. */
  private async catchUp(following: Following, topic: Topic, stream: Stream, from: number) {
    const { socket } = following;
    let cursor = from;
    while (this.current(topic, stream, following)) {
      const delivered = stream.delivered!;
      if (cursor === delivered) {
        void socket.join(topic);
        return;
      }
      if (cursor > delivered) {
        stream.joining.set(cursor, [...(stream.joining.get(cursor) ?? []), following]);
        void this.fill(topic, stream, cursor);
        return;
      }
      try {
        // A page at a time, each once the connection has taken about half of what waits (a slow reader).
        if (backlog(socket) >= this.maxBacklog / 2) await drained(socket);
        if (!this.current(topic, stream, following)) return;
        const events = await this.outbox.range(topic, cursor, delivered);
        if (!this.current(topic, stream, following)) return;
        // Delivered seqs are committed, so only retention can leave a hole (it pruned during the replay):
        // the socket is told to reload, and goes on from what the room has had.
        if (!events.length || events[0].seq !== cursor + 1) {
          socket.emit('refetch', { topic, seq: delivered });
          cursor = delivered;
          continue;
        }
        for (const e of events) socket.emit('event', toEnvelope(e));
        cursor = events[events.length - 1].seq;
      } catch (error) {
        this.logger.warn(`replay of ${topic} failed, retrying: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
      }
    }
  }
}
