import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Server, Socket } from 'socket.io';
import type { PresenceUser, Topic } from '@commons/realtime';
import { ENV, Env } from '../config/env';
import { RedisService } from '../redis/redis.module';

interface Entry extends PresenceUser {
  instance: string;
}

/**
 * Who is on each topic, across every API instance, kept in Redis: one hash per topic
 * (socket id → user and instance). Each instance beats a heartbeat; entries of an instance that stopped
 * beating are reaped by the others, and everyone on the topic is told.
 */
@Injectable()
export class PresenceService implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  readonly instance = randomUUID();
  private server?: Server;
  private timer?: NodeJS.Timeout;
  private closing = false;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly redis: RedisService,
  ) {}

  private key(suffix: string) {
    return `${this.env.REDIS_PREFIX}:presence:${suffix}`;
  }

  attach(server: Server) {
    this.server = server;
  }

  onApplicationBootstrap() {
    void this.beat();
    this.timer = setInterval(() => void this.beat().then(() => this.reap()), this.env.PRESENCE_HEARTBEAT_MS);
    this.timer.unref();
  }

  /** The joiner always hears who is here; everyone else only when a new person arrived. */
  async join(socket: Socket, topic: Topic) {
    const user = socket.data.user as PresenceUser | null;
    const before = await this.users(topic);
    if (user) {
      const entry: Entry = { id: user.id, displayName: user.displayName, instance: this.instance };
      await this.redis.client.multi().hset(this.key(topic), socket.id, JSON.stringify(entry)).sadd(this.key('topics'), topic).exec();
    }
    // Another tab of someone already here (or an anonymous reader) changes nothing anyone sees.
    // Telling everyone on every join would cost n² messages as a busy topic fills.
    if (!user || before.some((u) => u.id === user.id)) {
      if (!this.closing) socket.emit('presence', { topic, users: before });
    } else {
      const users = await this.users(topic);
      await this.broadcast(topic, users);
      // A joiner still replaying missed events is not in the topic's room yet, so the broadcast missed it.
      if (!socket.rooms.has(topic) && !this.closing) socket.emit('presence', { topic, users });
    }
  }

  async leave(socket: Socket, topic: Topic) {
    const user = socket.data.user as PresenceUser | null;
    if (!user) return;
    await this.redis.client.hdel(this.key(topic), socket.id);
    const after = await this.users(topic);
    if (!after.some((u) => u.id === user.id)) await this.broadcast(topic, after);
  }

  async users(topic: Topic): Promise<PresenceUser[]> {
    const [entries, instances] = await Promise.all([this.redis.client.hgetall(this.key(topic)), this.liveInstances()]);
    const users = new Map<string, PresenceUser>();
    for (const raw of Object.values(entries)) {
      const e = JSON.parse(raw) as Entry;
      if (instances.has(e.instance)) users.set(e.id, { id: e.id, displayName: e.displayName });
    }
    return [...users.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Tells everyone on the topic, on every instance (through the socket.io Redis adapter). */
  async broadcast(topic: Topic, known?: PresenceUser[]) {
    const users = known ?? (await this.users(topic));
    // While closing, the adapter's Redis clients go away and a publish would reject unhandled.
    if (!this.closing) this.server?.to(topic).emit('presence', { topic, users });
  }

  private async beat() {
    try {
      const previous = await this.redis.client.hget(this.key('instances'), this.instance);
      await this.redis.client.hset(this.key('instances'), this.instance, Date.now());
      // Silent too long (a stalled event loop, a Redis outage): the others have reaped our people, who are
      // still here. Put them back rather than leave them invisible until they subscribe again.
      if (previous === null || Date.now() - Number(previous) >= this.deadAfter()) await this.reassert();
    } catch {
      // Redis away: the next beat tries again.
    }
  }

  private async reassert() {
    const restored = new Set<Topic>();
    const write = this.redis.client.multi();
    for (const socket of this.server?.sockets.sockets.values() ?? []) {
      const user = socket.data.user as PresenceUser | null;
      if (!user) continue;
      for (const topic of (socket.data.topics ?? []) as Set<Topic>) {
        write.hset(this.key(topic), socket.id, JSON.stringify({ id: user.id, displayName: user.displayName, instance: this.instance } satisfies Entry)).sadd(this.key('topics'), topic);
        restored.add(topic);
      }
    }
    if (!restored.size) return;
    await write.exec();
    for (const topic of restored) await this.broadcast(topic);
  }

  /** An instance silent for three beats is dead: its sockets no longer count as present. */
  private deadAfter() {
    return 3 * this.env.PRESENCE_HEARTBEAT_MS;
  }

  private async liveInstances(): Promise<Set<string>> {
    const beats = await this.redis.client.hgetall(this.key('instances'));
    return new Set(Object.entries(beats).filter(([, at]) => Date.now() - Number(at) < this.deadAfter()).map(([id]) => id));
  }

  /** Drops entries of dead instances and tells their topics. */
  async reap() {
    try {
      const live = await this.liveInstances();
      for (const topic of (await this.redis.client.smembers(this.key('topics'))) as Topic[]) {
        const entries = await this.redis.client.hgetall(this.key(topic));
        const dead = Object.entries(entries).filter(([, raw]) => !live.has((JSON.parse(raw) as Entry).instance)).map(([socketId]) => socketId);
        if (dead.length) {
          await this.redis.client.hdel(this.key(topic), ...dead);
          await this.broadcast(topic);
        }
        if (Object.keys(entries).length === dead.length) await this.redis.client.srem(this.key('topics'), topic);
      }
    } catch {
      // Redis away: the next beat tries again.
    }
  }

  onModuleDestroy() {
    this.closing = true;
  }

  /** On a clean stop this instance's people leave at once rather than after three missed beats. */
  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.redis.client.hdel(this.key('instances'), this.instance).catch(() => undefined);
    await this.reap();
  }
}
