import { z } from 'zod';
import type { Socket } from 'socket.io-client';
import { EventEnvelope, EventPayloads, type EventType } from './events';
import type { PresenceUser, SubscribeAck } from './protocol';

export interface TopicHandlers {
  /** Each event once, in seq order. */
  onEvent(event: EventEnvelope): void;
  onPresence?(users: PresenceUser[]): void;
  onTyping?(user: PresenceUser, section?: string): void;
  /** The server refused the topic (the ack's error). */
  onError?(error: string): void;
  /** The subscription is in place: every event after `seq` will come (once, for each subscriber). */
  onReady?(seq: number): void;
  /**
   * The events between what this subscriber has seen and `seq` can no longer be sent one by one (the
   * server keeps them for a limited time): reload what is shown from the HTTP API; events after `seq` follow.
   */
  onRefetch?(seq: number): void;
  /** Start after this seq (e.g. the seq a page was loaded at); without it, only events from now on. */
  afterSeq?: number;
}

export interface RealtimeClientOptions {
  /** How long a gap in seqs may last before the missing events are fetched again. */
  gapMs?: number;
  /** Fetch at once when this many events wait behind a gap. */
  maxBuffer?: number;
  /** Send `typing` at most this often per topic. */
  typingMs?: number;
}

interface Subscriber {
  handlers: TopicHandlers;
  /** The last seq this subscriber has seen; null until the first ack says where "now" is. */
  after: number | null;
  /** onReady has been called. */
  ready: boolean;
}

interface TopicState {
  subscribers: Set<Subscriber>;
  /** Everything up to here has been delivered; null until the first ack (when no afterSeq was given). */
  lastSeq: number | null;
  /** The highest seq heard of, from an ack or an event: where a late subscriber without afterSeq starts. */
  head: number | null;
  acked: boolean;
  /** Events that arrived ahead of a gap, by seq. */
  buffer: Map<number, EventEnvelope>;
  gapTimer?: ReturnType<typeof setTimeout>;
  /** A subscribe is waiting for its ack. */
  pending: boolean;
  /** The last ack's seq: the server's replay brings everything up to here. */
  replayTo: number;
  presence?: PresenceUser[];
}

const PresenceUserSchema = z.object({ id: z.string(), displayName: z.string() });
const PresenceSchema = z.object({ topic: z.string(), users: z.array(PresenceUserSchema) });
const TypingSchema = z.object({ topic: z.string(), user: PresenceUserSchema, section: z.string().optional() });
const RefetchSchema = z.object({ topic: z.string(), seq: z.number().int().min(0) });

/**
 * The browser side of the realtime protocol (docs/architecture.md) over a socket the app created and controls.
 * The server may replay, repeat or reorder events (reconnects, re-sweeps, races with the replay); this
 * turns that into each event exactly once, in seq order, per subscriber.
 */
export class RealtimeClient {
  private readonly topics = new Map<string, TopicState>();
  private readonly typingSentAt = new Map<string, number>();
  private readonly gapMs: number;
  private readonly maxBuffer: number;
  private readonly typingMs: number;

  constructor(
    private readonly socket: Socket,
    options: RealtimeClientOptions = {},
  ) {
    this.gapMs = options.gapMs ?? 1000;
    this.maxBuffer = options.maxBuffer ?? 100;
    this.typingMs = options.typingMs ?? 2000;
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('event', this.onEvent);
    socket.on('presence', this.onPresence);
    socket.on('typing', this.onTyping);
    socket.on('refetch', this.onRefetch);
  }

  /** Follow a topic; returns the function that stops following it. */
  subscribe(topic: string, handlers: TopicHandlers): () => void {
    const { afterSeq } = handlers;
    let t = this.topics.get(topic);
    const subscriber: Subscriber = { handlers, after: afterSeq ?? (t?.acked ? t.head : null), ready: false };
    if (!t) {
      t = { subscribers: new Set(), lastSeq: afterSeq ?? null, head: afterSeq ?? null, acked: false, buffer: new Map(), pending: false, replayTo: 0 };
      this.topics.set(topic, t);
      t.subscribers.add(subscriber);
      this.send(topic, t);
    } else {
      t.subscribers.add(subscriber);
      // A newcomer wanting older events than the topic has reached: rewind and let the server replay;
      // the others skip what they have already seen.
      if (afterSeq !== undefined && (t.lastSeq === null || afterSeq < t.lastSeq)) {
        t.lastSeq = afterSeq;
        this.send(topic, t);
      } else if (t.acked && !t.pending) {
        // already in place: say so once the caller has its unsubscribe function
        const state = t;
        queueMicrotask(() => this.topics.get(topic) === state && state.subscribers.has(subscriber) && this.ready(subscriber));
      }
    }

    let active = true;
    return () => {
      if (!active) return;
      active = false;
      const current = this.topics.get(topic);
      if (!current?.subscribers.delete(subscriber) || current.subscribers.size > 0) return;
      clearTimeout(current.gapTimer);
      this.topics.delete(topic);
      if (this.socket.connected) this.socket.emit('unsubscribe', { topic });
    };
  }

  /** Up to which seq the topic's events have been delivered (undefined when not followed or not yet known). */
  lastSeq(topic: string): number | undefined {
    return this.topics.get(topic)?.lastSeq ?? undefined;
  }

  /** Who is on the topic, as last told by the server. */
  presence(topic: string): PresenceUser[] | undefined {
    return this.topics.get(topic)?.presence;
  }

  /** Tell the topic we are typing; call it on every keystroke, it sends at most once per typingMs. */
  typing(topic: string, section?: string) {
    const now = Date.now();
    const key = `${topic}#${section ?? ''}`;
    if (!this.socket.connected || now - (this.typingSentAt.get(key) ?? -Infinity) < this.typingMs) return;
    this.typingSentAt.set(key, now);
    this.socket.emit('typing', section ? { topic, section } : { topic });
  }

  /** Stop listening to the socket (the socket itself belongs to the caller). */
  close() {
    for (const t of this.topics.values()) clearTimeout(t.gapTimer);
    this.topics.clear();
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('event', this.onEvent);
    this.socket.off('presence', this.onPresence);
    this.socket.off('typing', this.onTyping);
    this.socket.off('refetch', this.onRefetch);
  }

  /** (Re)subscribe on the server, asking for everything after what we have. */
  private send(topic: string, t: TopicState) {
    // While disconnected, onConnect subscribes everything; emitting now would only queue a duplicate.
    if (!this.socket.connected) return;
    t.pending = true;
    const request = t.lastSeq === null ? { topic } : { topic, afterSeq: t.lastSeq };
    this.socket.emit('subscribe', request, (ack: SubscribeAck) => {
      if (this.topics.get(topic) !== t) return;
      t.pending = false;
      if (!ack?.ok) {
        const error = typeof ack?.error === 'string' ? ack.error : 'Subscription refused';
        for (const s of [...t.subscribers]) s.handlers.onError?.(error);
        return;
      }
      t.acked = true;
      t.head = Math.max(t.head ?? 0, ack.seq);
      t.replayTo = ack.seq;
      // Nothing before ack.seq will be replayed: whoever has not seen up to it reloads instead.
      const behind = ack.refetch ? this.skipTo(t, ack.seq) : [];
      t.lastSeq ??= ack.seq;
      for (const s of t.subscribers) s.after ??= ack.seq;
      this.drain(topic, t);
      for (const s of [...t.subscribers]) if (this.topics.get(topic) === t && t.subscribers.has(s)) this.ready(s);
      this.refetched(topic, t, behind, ack.seq);
    });
  }

  private ready(s: Subscriber) {
    if (s.ready || s.after === null) return;
    s.ready = true;
    try {
      s.handlers.onReady?.(s.after);
    } catch (error) {
      console.error('realtime: onReady failed', error);
    }
  }

  private readonly onConnect = () => {
    for (const [topic, t] of this.topics) this.send(topic, t);
  };

  private readonly onDisconnect = () => {
    // Acks of requests in flight will never come; the resubscribe on connect replaces them.
    for (const t of this.topics.values()) t.pending = false;
  };

  private readonly onEvent = (raw: unknown) => {
    const parsed = EventEnvelope.safeParse(raw);
    if (!parsed.success) return;
    const event = parsed.data as EventEnvelope;
    const t = this.topics.get(event.topic);
    if (!t) return;
    t.head = Math.max(t.head ?? 0, event.seq);
    if (t.lastSeq !== null && event.seq <= t.lastSeq) return;
    t.buffer.set(event.seq, event);
    this.drain(event.topic, t);
  };

  /** The server cannot replay up to `seq` (see RefetchPayload): subscribers behind it reload, then go on from it. */
  private readonly onRefetch = (raw: unknown) => {
    const parsed = RefetchSchema.safeParse(raw);
    const t = parsed.success ? this.topics.get(parsed.data.topic) : undefined;
    if (!parsed.success || !t || !t.acked) return;
    const { topic, seq } = parsed.data;
    const behind = this.skipTo(t, seq);
    this.drain(topic, t);
    this.refetched(topic, t, behind, seq);
  };

  /** Moves the topic and its subscribers that are behind `seq` up to it; returns those subscribers. */
  private skipTo(t: TopicState, seq: number): Subscriber[] {
    t.head = Math.max(t.head ?? 0, seq);
    if (t.lastSeq === null || t.lastSeq < seq) t.lastSeq = seq;
    for (const key of t.buffer.keys()) if (key <= seq) t.buffer.delete(key);
    const behind = [...t.subscribers].filter((s) => s.after !== null && s.after < seq);
    for (const s of behind) s.after = seq;
    return behind;
  }

  private refetched(topic: string, t: TopicState, behind: Subscriber[], seq: number) {
    for (const s of behind) {
      if (this.topics.get(topic) !== t || !t.subscribers.has(s)) continue;
      try {
        s.handlers.onRefetch?.(seq);
      } catch (error) {
        console.error(`realtime: refetch handler for ${topic} failed`, error);
      }
    }
  }

  private readonly onPresence = (raw: unknown) => {
    const parsed = PresenceSchema.safeParse(raw);
    const t = parsed.success ? this.topics.get(parsed.data.topic) : undefined;
    if (!parsed.success || !t) return;
    t.presence = parsed.data.users;
    for (const s of [...t.subscribers]) s.handlers.onPresence?.(parsed.data.users);
  };

  private readonly onTyping = (raw: unknown) => {
    const parsed = TypingSchema.safeParse(raw);
    const t = parsed.success ? this.topics.get(parsed.data.topic) : undefined;
    if (!parsed.success || !t) return;
    for (const s of [...t.subscribers]) s.handlers.onTyping?.(parsed.data.user, parsed.data.section);
  };

  /** Deliver whatever is now contiguous, then deal with any gap left. */
  private drain(topic: string, t: TopicState) {
    // Before the first ack we do not know where "now" is for subscribers without afterSeq.
    if (!t.acked || t.lastSeq === null) return;
    for (const seq of t.buffer.keys()) if (seq <= t.lastSeq) t.buffer.delete(seq);
    for (let next = t.buffer.get(t.lastSeq + 1); next; next = t.buffer.get(t.lastSeq + 1)) {
      t.buffer.delete(next.seq);
      t.lastSeq = next.seq;
      this.deliver(t, next);
      if (this.topics.get(topic) !== t) return; // a handler unsubscribed the last subscriber
    }

    if (t.buffer.size === 0) {
      clearTimeout(t.gapTimer);
      t.gapTimer = undefined;
    } else if (t.buffer.size > this.maxBuffer && !t.pending && t.lastSeq >= t.replayTo) {
      // (not while a replay is still coming: it is what will close the gap)
      this.fetchGap(topic, t);
    } else if (!t.gapTimer) {
      t.gapTimer = setTimeout(() => this.fetchGap(topic, t), this.gapMs);
    }
  }

  /** Usually a gap is an event still in flight; one that lasts was lost, so ask the server to replay. */
  private fetchGap(topic: string, t: TopicState) {
    clearTimeout(t.gapTimer);
    t.gapTimer = undefined;
    if (this.topics.get(topic) !== t || t.buffer.size === 0) return;
    // Keep asking while the gap lasts, in case the replay itself was lost.
    t.gapTimer = setTimeout(() => this.fetchGap(topic, t), this.gapMs);
    this.send(topic, t);
  }

  private deliver(t: TopicState, event: EventEnvelope) {
    // An event this client cannot read (a newer type, a bad payload) still takes its seq, or the topic would stall.
    const schema: z.ZodType | undefined = Object.hasOwn(EventPayloads, event.type) ? EventPayloads[event.type as EventType] : undefined;
    const readable = schema?.safeParse(event.payload).success ?? false;
    for (const s of [...t.subscribers]) {
      if (!t.subscribers.has(s) || s.after === null || event.seq <= s.after) continue;
      s.after = event.seq;
      if (!readable) continue;
      try {
        s.handlers.onEvent(event);
      } catch (error) {
        // One failing handler must not cost the others their events or break the order.
        console.error(`realtime: handler for ${event.topic} failed`, error);
      }
    }
  }
}
