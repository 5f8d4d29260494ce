import type { WatchLevel } from '@commons/domain';
import type { EventPayload, EventType, JobSpec } from '@commons/realtime';
import type { JobHandler } from '../jobs/job-handlers';
import type { OutboxEvent } from './outbox.event';

/** An event of type T, its payload typed from the event catalogue. */
export type EventOf<T extends EventType> = Omit<OutboxEvent, 'type' | 'payload'> & { type: T; payload: EventPayload<T> };

/** One person told of an event, and what they are told (`userId` null: nobody, e.g. a reply to no one). */
export interface Told {
  userId: string | null;
  kind: string;
  title: string;
  url: string | null;
}

/**
 * Who hears of an event, in order of reason (each person is told once, by the first). The notifications
 * feature leaves out the actor (`actorId` when given, else the event's) and anyone `levels` says muted.
 */
export interface Audience {
  told: Told[];
  levels?: Map<string, WatchLevel>;
  actorId?: string | null;
}

/** What an audience rule may read (the notifications feature's repositories, in the caller's transaction). */
export interface AudienceReads {
  messageContext(threadId: number, parentId: number | null, messageId: number): Promise<{ title: string; threadAuthor: string; kind: string; parentAuthor: string | null } | null>;
  watchLevels(subject: { threadId: number } | { toolSlug: string } | { initiativeSlug: string }): Promise<Map<string, WatchLevel>>;
  toolTitle(slug: string): Promise<string | null>;
  moderatorIds(): Promise<string[]>;
  notifiedAbout(url: string): Promise<string[]>;
  /** An idea's author and the members who backed it. */
  ideaFollowers(ideaId: number): Promise<string[]>;
  /** The members who asked what these answers answer. */
  askersOf(answerIds: number[]): Promise<string[]>;
  /** The verified members of the authorities that use or pilot a tool. */
  adoptersOf(toolSlug: string): Promise<string[]>;
}

/**
 * What a feature's events imply, declared next to the feature (`<feature>/<feature>.events.ts`) and
 * collected in apps/api/src/events.ts: the jobs each event implies (decided from the event alone, so
 * the relay and the sweeper always derive the same jobs with the same ids), who is told of it, and the
 * job processors the feature brings to the worker.
 */
export interface FeatureEvents {
  jobs?: { [T in EventType]?: (event: EventOf<T>) => JobSpec[] };
  audience?: { [T in EventType]?: (event: EventOf<T>, reads: AudienceReads) => Promise<Audience> };
  handlers?: JobHandler[];
}

/** The `notifications/fan-out` job of an event: one per event, whoever it tells. */
export function fanOut(event: OutboxEvent): JobSpec {
  return { queue: 'notifications', name: 'fan-out', jobId: `notify:event:${event.id}`, data: { eventId: event.id } };
}

/** Everyone watching the subject (`levels`), told for `kind`. */
export function watchers(levels: Map<string, WatchLevel>, kind: string, title: string, url: string): Told[] {
  return [...levels].filter(([, level]) => level === 'watching').map(([userId]) => ({ userId, kind, title, url }));
}

/** Every feature's declarations in one place; the relay, the fan-out and the worker ask it. */
export class EventRegistry {
  private readonly jobRules = new Map<EventType, (event: OutboxEvent) => JobSpec[]>();
  private readonly audienceRules = new Map<EventType, (event: OutboxEvent, reads: AudienceReads) => Promise<Audience>>();
  readonly handlers: JobHandler[];

  constructor(features: FeatureEvents[]) {
    for (const feature of features) {
      for (const [type, rule] of Object.entries(feature.jobs ?? {})) add(this.jobRules, type as EventType, rule as (event: OutboxEvent) => JobSpec[]);
      for (const [type, rule] of Object.entries(feature.audience ?? {})) add(this.audienceRules, type as EventType, rule as (event: OutboxEvent, reads: AudienceReads) => Promise<Audience>);
    }
    this.handlers = features.flatMap((f) => f.handlers ?? []);
  }

  /** The background work `event` implies. */
  jobs(event: OutboxEvent): JobSpec[] {
    return this.jobRules.get(event.type)?.(event) ?? [];
  }

  /** Who hears of `event`; null when its type tells nobody. */
  audience(event: OutboxEvent, reads: AudienceReads): Promise<Audience | null> {
    return this.audienceRules.get(event.type)?.(event, reads) ?? Promise.resolve(null);
  }
}

// One feature owns an event's rule: a second declaration would silently override the first.
function add<R>(rules: Map<EventType, R>, type: EventType, rule: R) {
  if (rules.has(type)) throw new Error(`two rules declared for ${type}`);
  rules.set(type, rule);
}
