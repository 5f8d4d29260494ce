import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import { EventEnvelope, parseTopic, ParsedTopic, SubscribeAck, SubscribeInput, Topic, TypingInput, UnsubscribeInput } from '@commons/realtime';
import type { GlobalRole } from '@commons/domain';
import { ENV, Env } from '../config/env';
import { SESSION_COOKIE } from '../auth/auth-user';
import { AuthService } from '../auth/auth.service';
import { DeliveryService } from './delivery.service';
import { PresenceService } from './presence.service';
import { RelayService } from './relay.service';
import { TopicAccess } from './topic-access';
import { TopicDirectory } from './topic-directory';
import { RateLimitedException, RateLimiter } from '../common/rate-limiter';

export interface SocketUser {
  id: string;
  displayName: string;
  roles: GlobalRole[];
}

const TYPING_EVERY_MS = 1000;
/** Subscribes of one socket waiting for their turn; more at once are refused (a page follows a handful). */
const MAX_WAITING = 64;
/** setTimeout's longest delay (about 24.8 days): a later expiry is read again when the timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Rooms of one person's sockets and of one session's sockets (one browser), on this instance. */
const userRoom = (userId: string) => `u:${userId}`;
const sessionRoom = (sessionId: string) => `s:${sessionId}`;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Why `user` may not follow `topic`, or null if they may. */
export function refusal(topic: ParsedTopic, user: SocketUser | null): string | null {
  if (topic.kind === 'moderation' && !user?.roles.some((r) => r === 'moderator' || r === 'admin')) return 'Only moderators can follow moderation';
  if (topic.kind === 'user' && user?.id !== topic.id) return 'You can only follow your own user topic';
  return null;
}

@Injectable()
export class RealtimeService {
  private readonly logger = new Logger(RealtimeService.name);
  private server?: Server;
  /** One timer per session with sockets here (many tabs share one), at its expires_at as last read. */
  private readonly expiries = new Map<string, { at: number; timer: NodeJS.Timeout }>();

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly auth: AuthService,
    private readonly delivery: DeliveryService,
    private readonly presence: PresenceService,
    private readonly relay: RelayService,
    private readonly directory: TopicDirectory,
    private readonly access: TopicAccess,
    private readonly limiter: RateLimiter,
  ) {}

  attach(server: Server) {
    this.server = server;
    this.delivery.attach(server);
    this.presence.attach(server);
    // Only the events themselves: what a role change or a revocation does to sockets is done once, when
    // the Redis copy arrives (the copy's events are then repeats, dropped by seq).
    this.relay.deliverLocally((envelopes) => envelopes.forEach((e) => this.delivery.deliver(e)));
  }

  /** A browser always sends Origin; another site's page must not ride on the user's cookie (CSWSH). */
  originAllowed(origin: string | undefined) {
    return origin === undefined || origin === this.env.PUBLIC_ORIGIN;
  }

  /** Handshake: the session cookie makes a signed-in socket; no cookie (or a dead one) an anonymous one. */
  async authenticate(socket: Socket) {
    await this.admit(socket);
    const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    const auth = token ? await this.auth.validate(token) : null;
    const user: SocketUser | null = auth ? { id: auth.user.id, displayName: auth.user.displayName, roles: auth.user.roles } : null;
    socket.data.user = user;
    socket.data.sessionId = auth?.session.id ?? null;
    socket.data.topics = new Set<Topic>();
    socket.data.typingAt = new Map<string, number>();
    this.limitMessages(socket);
    if (auth) {
      await socket.join([userRoom(auth.user.id), sessionRoom(auth.session.id)]);
      this.watchExpiry(auth.session.id, token!, auth.session.expiresAt);
    }
  }

  /**
   * New connections per client address per minute, on every instance together (a handshake reads the
   * session and sets up presence): past SOCKET_CONNECTIONS_PER_ADDRESS_PER_MINUTE the handshake is refused,
   * and the client's reconnection backs off. Let through while Redis is away.
   */
  private async admit(socket: Socket) {
    const forwarded = socket.handshake.headers['x-forwarded-for'];
    // As Fastify reads it with TRUST_PROXY (app.ts): the client's own address is the first one listed.
    const address = (this.env.TRUST_PROXY && typeof forwarded === 'string' && forwarded.split(',')[0].trim()) || socket.handshake.address;
    try {
      await this.limiter.take(`sockets:address:${await this.limiter.salted(address)}`, this.env.SOCKET_CONNECTIONS_PER_ADDRESS_PER_MINUTE, 60);
    } catch (error) {
      if (error instanceof RateLimitedException) throw new Error(`Too many connections from this address: try again in ${error.retryAfterSeconds} seconds`);
      throw error;
    }
  }

  /**
   * A token bucket per socket, checked before any handler runs (socket.io middleware: no Nest dispatch, no
   * parse of the payload): past SOCKET_MESSAGES_PER_SECOND, after a burst of five seconds' worth, a message is
   * answered "slow down" at once and the connection is not read again until a message is allowed; a socket
   * refused a whole burst's worth in a row is disconnected (what it had sent meanwhile is never read). So one
   * socket's flood costs the API little and cannot crowd out other people's requests. Hand-written: a few
   * lines, where a limiter library would add a store and a promise per message.
   */
  private limitMessages(socket: Socket) {
    const rate = this.env.SOCKET_MESSAGES_PER_SECOND;
    const burst = rate * 5;
    let tokens = burst;
    let at = Date.now();
    let paused = false;
    let refused = 0;
    socket.use((packet, next) => {
      const now = Date.now();
      tokens = Math.min(burst, tokens + ((now - at) * rate) / 1000);
      at = now;
      if (tokens >= 1) {
        tokens -= 1;
        refused = 0;
        return next();
      }
      if (++refused >= burst) {
        if (socket.connected) this.logger.warn(`socket ${socket.id} sent ${burst} messages past its rate in a row: disconnected`);
        socket.disconnect(true);
        return;
      }
      const ack = packet[packet.length - 1];
      if (typeof ack === 'function') ack({ ok: false, error: `Too many messages: at most ${rate} a second` });
      // The websocket itself (ws's pause): what the client sends meanwhile waits in its own buffers.
      const ws = (socket.conn.transport as unknown as { socket?: { pause?(): void; resume?(): void } }).socket;
      if (!paused && ws?.pause && ws.resume) {
        paused = true;
        ws.pause();
        setTimeout(() => {
          paused = false;
          ws.resume!();
        }, Math.ceil(((1 - tokens) * 1000) / rate)).unref();
      }
    });
  }

  /**
   * Refusals that need no read come first (bad input, the cap); the rest of a socket's subscribes run one
   * at a time, so one socket sending thousands holds at most one database connection and never crowds out
   * other people's requests. Past MAX_WAITING queued, a subscribe is refused at once.
   */
  subscribe(socket: Socket, input: unknown): Promise<SubscribeAck> | SubscribeAck {
    const parsed = SubscribeInput.safeParse(input);
    if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ') };
    const topic = parseTopic(parsed.data.topic)!;
    const topics = socket.data.topics as Set<Topic>;
    const waiting = (socket.data.waiting ?? 0) as number;
    if (!topics.has(topic.topic) && topics.size + waiting >= this.env.SOCKET_MAX_SUBSCRIPTIONS) {
      return { ok: false, error: `Too many topics: a connection follows at most ${this.env.SOCKET_MAX_SUBSCRIPTIONS}; unsubscribe from some first` };
    }
    if (waiting >= MAX_WAITING) return { ok: false, error: 'Too many subscribes at once: wait for their answers' };
    socket.data.waiting = waiting + 1;
    const turn = ((socket.data.turn ?? Promise.resolve()) as Promise<unknown>).then(() => this.subscribeNow(socket, topic, parsed.data.afterSeq));
    socket.data.turn = turn.catch(() => undefined).finally(() => (socket.data.waiting -= 1));
    return turn;
  }

  private async subscribeNow(socket: Socket, topic: ParsedTopic, afterSeq: number | undefined): Promise<SubscribeAck> {
    if (!socket.connected) return { ok: false, error: 'Disconnected' };
    const refused = refusal(topic, socket.data.user) ?? (await this.stillEntitled(socket, topic)) ?? (await this.readerRefusal(socket, topic));
    if (refused) return { ok: false, error: refused };
    if (!this.delivery.following(socket, topic.topic) && !(await this.directory.exists(topic))) return { ok: false, error: `Unknown topic: ${topic.topic} does not exist` };

    const { seq, refetch } = await this.delivery.follow(socket, topic.topic, afterSeq);
    // A role taken away while the topic was being joined (applyRoles found nothing to leave yet).
    const lost = refusal(topic, socket.data.user);
    if (lost) {
      await this.unsubscribe(socket, { topic: topic.topic });
      return { ok: false, error: lost };
    }
    if (!socket.data.topics.has(topic.topic)) {
      socket.data.topics.add(topic.topic);
      void this.presence.join(socket, topic.topic).catch(() => undefined);
    }
    return refetch ? { ok: true, seq, refetch: true } : { ok: true, seq };
  }

  async unsubscribe(socket: Socket, input: unknown) {
    const parsed = UnsubscribeInput.safeParse(input);
    if (!parsed.success) return { ok: false, error: 'topic: Unknown topic' };
    const topic = parsed.data.topic as Topic;
    this.delivery.unfollow(socket, topic);
    if (socket.data.topics.delete(topic)) await this.presence.leave(socket, topic).catch(() => undefined);
    return { ok: true };
  }

  /** Ephemeral and throttled: never stored, at most once a second per socket and topic. */
  typing(socket: Socket, input: unknown) {
    const parsed = TypingInput.safeParse(input);
    const user = socket.data.user as SocketUser | null;
    if (!parsed.success || !user) return;
    const { topic, section } = parsed.data as { topic: Topic; section?: string };
    if (!socket.data.topics.has(topic)) return;
    const key = `${topic}#${section ?? ''}`;
    const last = socket.data.typingAt.get(key) ?? 0;
    if (Date.now() - last < TYPING_EVERY_MS) return;
    socket.data.typingAt.set(key, Date.now());
    socket.to(topic).emit('typing', { topic, user: { id: user.id, displayName: user.displayName }, ...(section && { section }) });
  }

  async disconnected(socket: Socket) {
    // The socket has left its rooms by now: the last of its session here takes the timer with it.
    const sessionId = socket.data.sessionId as string | null | undefined;
    if (sessionId && !this.server?.sockets.adapter.rooms.get(sessionRoom(sessionId))?.size) {
      clearTimeout(this.expiries.get(sessionId)?.timer);
      this.expiries.delete(sessionId);
    }
    for (const topic of (socket.data.topics ?? []) as Set<Topic>) {
      this.delivery.unfollow(socket, topic);
      await this.presence.leave(socket, topic).catch(() => undefined);
    }
  }

  /**
   * The instance did not hear Redis for a while. Who may hear what is checked first, since a role change
   * or a "sessions revoked" heard only then would go unnoticed: all signed-in sockets' sessions are read
   * again, in one query (gone: disconnected; roles: as for a live change). Then its sockets get what they missed.
   */
  async resync() {
    await this.recheck([...(this.server?.sockets.sockets.values() ?? [])]);
    await this.delivery.resync();
  }

  /** Reads the signed-in sockets' sessions again, in one query: gone, disconnected; roles, as they are now. */
  private async recheck(sockets: Socket[]) {
    const byToken = new Map<string, Socket[]>();
    for (const socket of sockets.filter((s) => s.data.user)) {
      const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE)!;
      // Pushed, not copied: thousands of sockets can share one session (one browser, many tabs; the bench).
      const same = byToken.get(token);
      if (same) same.push(socket);
      else byToken.set(token, [socket]);
    }
    if (!byToken.size) return;
    const live = await this.auth.validateMany([...byToken.keys()]);
    for (const [token, same] of byToken) {
      const auth = live.get(token);
      for (const socket of same) {
        if (!auth) socket.disconnect(true);
        else this.applyRoles(socket, auth.user.roles);
      }
      if (auth) this.watchExpiry(auth.session.id, token, auth.session.expiresAt);
    }
  }

  /**
   * `moderation` and `user:` are checked against the session as it is now, not as it was at the
   * handshake: a socket that missed a revocation or a role change (Redis away, a race with the
   * handshake) must not get back in, replay included. A dead session also ends the socket, after the ack.
   * The roles read here only refuse, never grant: a read older than a role change heard meanwhile
   * must not undo it.
   */
  private async stillEntitled(socket: Socket, topic: ParsedTopic): Promise<string | null> {
    if (topic.kind !== 'moderation' && topic.kind !== 'user') return null;
    const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE)!;
    const auth = await this.auth.validate(token);
    if (!auth) {
      setImmediate(() => socket.disconnect(true));
      return 'Your session has ended: sign in again';
    }
    this.watchExpiry(auth.session.id, token, auth.session.expiresAt);
    return refusal(topic, { ...(socket.data.user as SocketUser), roles: auth.user.roles });
  }

  /**
   * A topic with its own readers (a local-authority-only tool, or a thread about one): the person is read
   * as they are now (verified membership, roles), before anything is followed or replayed.
   */
  private async readerRefusal(socket: Socket, topic: ParsedTopic): Promise<string | null> {
    const check = await this.access.restricted(topic);
    if (!check) return null;
    const token = socket.data.user ? cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE) : undefined;
    const auth = token ? await this.auth.validate(token) : null;
    return check(auth?.user ?? null);
  }

  /** Arms (or moves) the session's timer: its sockets here are disconnected when it expires. */
  private watchExpiry(sessionId: string, token: string, expiresAt: Date) {
    const known = this.expiries.get(sessionId);
    if (known?.at === expiresAt.getTime()) return;
    clearTimeout(known?.timer);
    const delay = Math.min(Math.max(expiresAt.getTime() - Date.now(), 0), MAX_TIMER_MS);
    const timer = setTimeout(() => void this.expire(sessionId, token, expiresAt), delay);
    timer.unref();
    this.expiries.set(sessionId, { at: expiresAt.getTime(), timer });
  }

  /**
   * The session's time is up as last read. It is read again (a sliding expiry may have moved it, or
   * the timer's cap came first); ended, or unreadable, its sockets here are disconnected (fail closed:
   * they reconnect, and the handshake decides).
   */
  private async expire(sessionId: string, token: string, expiresAt: Date) {
    if (this.expiries.get(sessionId)?.at !== expiresAt.getTime()) return; // moved meanwhile
    this.expiries.delete(sessionId);
    const room = sessionRoom(sessionId);
    if (!this.server?.sockets.adapter.rooms.get(room)?.size) return;
    const auth = await this.auth.validate(token).catch(() => null);
    if (auth && auth.session.expiresAt.getTime() > Date.now()) this.watchExpiry(sessionId, token, auth.session.expiresAt);
    else this.server.local.in(room).disconnectSockets(true);
  }

  /** Events published by any process, as they come through Redis, go to this instance's own sockets. */
  deliver(envelopes: EventEnvelope[]) {
    if (!this.server) return;
    for (const e of envelopes) {
      this.delivery.deliver(e);
      if (e.type === 'user.roles.changed') this.rolesChanged(e as EventEnvelope<'user.roles.changed'>);
      // After the event itself went out, so the user's pages hear why before their sockets close.
      if (e.type === 'user.sessions.revoked') this.server.local.in(userRoom((e as EventEnvelope<'user.sessions.revoked'>).payload.userId)).disconnectSockets(true);
      if (e.type === 'user.session.revoked') this.server.local.in(sessionRoom((e as EventEnvelope<'user.session.revoked'>).payload.sessionId)).disconnectSockets(true);
      // A tool kept to local authority staff from now on: its (and its threads') followers are checked again.
      if (e.type === 'tool.updated' && (e as EventEnvelope<'tool.updated'>).payload.access === 'local_authority') {
        this.readersChanged().catch((error: Error) => this.logger.warn(`checking followers after an access change: ${error.message}`));
      }
    }
  }

  /** Sockets here that may no longer follow a tool or thread topic (TopicAccess) stop following it. */
  private async readersChanged() {
    const followers = new Map<Topic, Socket[]>();
    for (const socket of this.server?.sockets.sockets.values() ?? []) {
      for (const topic of (socket.data.topics ?? []) as Set<Topic>) {
        if (!/^(tool|thread):/.test(topic)) continue;
        const same = followers.get(topic);
        if (same) same.push(socket);
        else followers.set(topic, [socket]);
      }
    }
    for (const [topic, sockets] of followers) {
      const parsed = parseTopic(topic)!;
      if (!(await this.access.restricted(parsed))) continue;
      for (const socket of sockets) if (await this.readerRefusal(socket, parsed)) await this.unsubscribe(socket, { topic });
    }
  }

  /**
   * A socket's roles follow the account at once: a demoted moderator stops receiving moderation. The
   * roles are read afresh, not taken from the event: an old change sent again (the sweeper repeats what
   * looked unpublished) must not bring back roles taken away since.
   */
  private rolesChanged(e: EventEnvelope<'user.roles.changed'>) {
    const sockets = [...(this.server!.sockets.adapter.rooms.get(userRoom(e.payload.userId)) ?? [])].flatMap((id) => this.server!.sockets.sockets.get(id) ?? []);
    this.recheck(sockets).catch((error: Error) => this.logger.warn(`reading ${e.payload.userId}'s roles again: ${error.message}`));
  }

  private applyRoles(socket: Socket, roles: SocketUser['roles']) {
    const user = socket.data.user as SocketUser;
    user.roles = roles;
    if (!refusal(parseTopic('moderation')!, user)) return;
    // Left even when not yet in socket.data.topics: a subscribe may be joining it right now.
    this.delivery.unfollow(socket, 'moderation');
    if (socket.data.topics.delete('moderation')) void this.presence.leave(socket, 'moderation').catch(() => undefined);
  }
}
