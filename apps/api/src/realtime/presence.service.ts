import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ChainableCommander } from 'ioredis';
import type { Server, Socket } from 'socket.io';
import type { PresenceUser, Topic } from '@commons/realtime';
import { ENV, Env } from '../config/env';
import { RedisService } from '../redis/redis.module';

/** Between instances (socket.io's server-side emit, over the Redis adapter): a topic's people changed. */
const CHANGED = 'presence:changed';

interface Entry extends PresenceUser {
  instance: string;
}

/**
 * Reaps one topic (KEYS: its hash, the heartbeats, the topics set; ARGV: topic, now, deadAfter) and says
 * how many entries went. One script, so liveness is judged at the moment of deleting: an instance that beat
 * and put its people back just before cannot lose them to an older view of who is alive. Stale heartbeats
 * go too (read and deleted in one step, so a refreshed one never does): an instance that was only stalled
 * then finds no previous beat and puts its people back.
 */
const REAP = `
local live = {}
local beats = redis.call('HGETALL', KEYS[2])
for i = 1, #beats, 2 do
  if tonumber(ARGV[2]) - tonumber(beats[i + 1]) < tonumber(ARGV[3]) then live[beats[i]] = true
  else redis.call('HDEL', KEYS[2], beats[i]) end
end
local reaped = 0
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  if not live[cjson.decode(entries[i + 1]).instance] then
    redis.call('HDEL', KEYS[1], entries[i])
    reaped = reaped + 1
  end
end
if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SREM', KEYS[3], ARGV[1]) end
return reaped`;

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
  private reads = 0;
  /** Per topic, the newest read of its list still in flight on this instance. */
  private readonly newest = new Map<Topic, number>();

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly redis: RedisService,
  ) {}

  private key(suffix: string) {
    return `${this.env.REDIS_PREFIX}:presence:${suffix}`;
  }

  attach(server: Server) {
    this.server = server;
    server.sockets.on(CHANGED, (topic: Topic) => void this.tellHere(topic).catch(() => undefined));
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
    if (user) await this.enter(this.redis.client.multi(), socket.id, user, topic).exec();
    // Another tab of someone already here (or an anonymous reader) changes nothing anyone sees.
    // Telling everyone on every join would cost n² messages as a busy topic fills.
    if (!user || before.some((u) => u.id === user.id)) {
      if (!this.closing) socket.emit('presence', { topic, users: before });
      return;
    }
    await this.changed(topic);
    // A joiner still replaying missed events is not in the topic's room yet, so the room's list missed it.
    if (!socket.rooms.has(topic) && !this.closing) socket.emit('presence', { topic, users: await this.users(topic) });
  }

  async leave(socket: Socket, topic: Topic) {
    const user = socket.data.user as PresenceUser | null;
    if (!user) return;
    await this.redis.client.hdel(this.key(topic), socket.id);
    const after = await this.users(topic);
    if (!after.some((u) => u.id === user.id)) await this.changed(topic);
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

  /**
   * Someone came or went: every instance reads the list afresh and tells its own sockets. Instances send
   * each other only the topic, never a list: a list read on one instance can reach another's sockets after
   * a newer one read there, and would then stay shown until the next change.
   */
  async changed(topic: Topic) {
    // While closing, the adapter's Redis clients go away and a publish would reject unhandled.
    if (this.closing) return;
    this.server?.serverSideEmit(CHANGED, topic);
    await this.tellHere(topic);
  }

  /** Of overlapping reads of one topic, only the newest is sent, since it saw at least what the older ones saw. */
  private async tellHere(topic: Topic) {
    // Every instance hears of every change: one with nobody in the topic's room has no one to tell, so no read.
    if (!this.server?.sockets.adapter.rooms.has(topic)) return;
    const read = ++this.reads;
    this.newest.set(topic, read);
    try {
      const users = await this.users(topic);
      if (this.newest.get(topic) === read && !this.closing) this.server?.local.to(topic).emit('presence', { topic, users });
    } finally {
      if (this.newest.get(topic) === read) this.newest.delete(topic);
    }
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
        this.enter(write, socket.id, user, topic);
        restored.add(topic);
      }
    }
    if (!restored.size) return;
    await write.exec();
    for (const topic of restored) await this.changed(topic);
  }

  /** The one writer of an entry: the reaper's script reads its `instance`. */
  private enter(write: ChainableCommander, socketId: string, user: PresenceUser, topic: Topic) {
    const entry: Entry = { id: user.id, displayName: user.displayName, instance: this.instance };
    return write.hset(this.key(topic), socketId, JSON.stringify(entry)).sadd(this.key('topics'), topic);
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
      for (const topic of (await this.redis.client.smembers(this.key('topics'))) as Topic[]) {
        const reaped = (await this.redis.client.eval(REAP, 3, this.key(topic), this.key('instances'), this.key('topics'), topic, Date.now(), this.deadAfter())) as number;
        if (reaped) await this.changed(topic);
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
