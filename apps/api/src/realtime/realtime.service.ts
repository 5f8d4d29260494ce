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

export interface SocketUser {
  id: string;
  displayName: string;
  roles: GlobalRole[];
}

const TYPING_EVERY_MS = 1000;
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
    const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    const auth = token ? await this.auth.validate(token) : null;
    const user: SocketUser | null = auth ? { id: auth.user.id, displayName: auth.user.displayName, roles: auth.user.roles } : null;
    socket.data.user = user;
    socket.data.sessionId = auth?.session.id ?? null;
    socket.data.topics = new Set<Topic>();
    socket.data.typingAt = new Map<string, number>();
    if (auth) {
      await socket.join([userRoom(auth.user.id), sessionRoom(auth.session.id)]);
      this.watchExpiry(auth.session.id, token!, auth.session.expiresAt);
    }
  }

  async subscribe(socket: Socket, input: unknown): Promise<SubscribeAck> {
    const parsed = SubscribeInput.safeParse(input);
    if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ') };
    const topic = parseTopic(parsed.data.topic)!;
    const refused = refusal(topic, socket.data.user) ?? (await this.stillEntitled(socket, topic));
    if (refused) return { ok: false, error: refused };

    const seq = await this.delivery.follow(socket, topic.topic, parsed.data.afterSeq);
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
    return { ok: true, seq };
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
