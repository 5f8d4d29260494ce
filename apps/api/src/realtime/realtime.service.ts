import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import { EventEnvelope, parseTopic, ParsedTopic, SubscribeAck, SubscribeInput, Topic, TypingInput, UnsubscribeInput } from '@commons/realtime';
import type { GlobalRole } from '@commons/domain';
import { ENV, Env } from '../config/env';
import { AuthService, SESSION_COOKIE } from '../identity/auth.service';
import { DeliveryService } from './delivery.service';
import { PresenceService } from './presence.service';
import { RelayService } from './relay.service';

export interface SocketUser {
  id: string;
  displayName: string;
  roles: GlobalRole[];
}

const TYPING_EVERY_MS = 1000;

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
    socket.data.topics = new Set<Topic>();
    socket.data.typingAt = new Map<string, number>();
    if (user) await socket.join(`u:${user.id}`);
  }

  async subscribe(socket: Socket, input: unknown): Promise<SubscribeAck> {
    const parsed = SubscribeInput.safeParse(input);
    if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ') };
    const topic = parseTopic(parsed.data.topic)!;
    const refused = refusal(topic, socket.data.user);
    if (refused) return { ok: false, error: refused };

    const seq = await this.delivery.follow(socket, topic.topic, parsed.data.afterSeq);
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
    }
  }

  /** Events published by any process, as they come through Redis, go to this instance's own sockets. */
  deliver(envelopes: EventEnvelope[]) {
    if (!this.server) return;
    for (const e of envelopes) {
      this.delivery.deliver(e);
      if (e.type === 'user.roles.changed') this.rolesChanged(e as EventEnvelope<'user.roles.changed'>);
      // After the event itself went out, so the user's pages hear why before their sockets close.
      if (e.type === 'user.sessions.revoked') this.server.local.in(`u:${(e as EventEnvelope<'user.sessions.revoked'>).payload.userId}`).disconnectSockets(true);
    }
  }

  /**
   * A socket's roles follow the account at once: a demoted moderator stops receiving moderation. The
   * roles are read afresh, not taken from the event: an old change sent again (the sweeper repeats what
   * looked unpublished) must not bring back roles taken away since.
   */
  private rolesChanged(e: EventEnvelope<'user.roles.changed'>) {
    const sockets = [...(this.server!.sockets.adapter.rooms.get(`u:${e.payload.userId}`) ?? [])].flatMap((id) => this.server!.sockets.sockets.get(id) ?? []);
    this.recheck(sockets).catch((error: Error) => this.logger.warn(`reading ${e.payload.userId}'s roles again: ${error.message}`));
  }

  private applyRoles(socket: Socket, roles: SocketUser['roles']) {
    const user = socket.data.user as SocketUser;
    user.roles = roles;
    if (refusal(parseTopic('moderation')!, user) && socket.data.topics.delete('moderation')) this.delivery.unfollow(socket, 'moderation');
  }
}
