import type { EventType, Topic } from '@commons/realtime';
import { eventRegistry } from '../events';
import { EventRegistry, fanOut } from './event-rules';
import type { OutboxEvent } from './outbox.event';

/** The jobs every feature's events imply (the features' declarations, collected in events.ts). */
const impliedJobs = (e: OutboxEvent) => eventRegistry.jobs(e);

/** Only what the job rules read: the id, topic, type and payload. */
function event(type: EventType, payload: unknown, topic: Topic = 'thread:1', id = 7): OutboxEvent {
  return { id, topic, seq: 1, type, payload, actorId: null, createdAt: new Date(0) };
}
const notify = (id = 7) => ({ queue: 'notifications', name: 'fan-out', jobId: `notify:event:${id}`, data: { eventId: id } });
const check = (subjectType: string, subjectId: number, eventId?: number) => ({
  queue: 'moderation',
  name: 'check',
  jobId: `moderate:${subjectType}:${subjectId}`,
  data: { subjectType, subjectId, ...(eventId && { eventId }) },
});
const item = (over: Record<string, unknown>) => ({ id: 3, subjectType: 'feedback', subjectId: 11, reason: 'new', state: 'pending', decision: null, ...over });

describe('the jobs events imply', () => {
  it('a role change: a fan-out, keyed by the event', () => {
    expect(impliedJobs(event('user.roles.changed', { userId: 'u', roles: ['member'], by: 'u' }, 'user:u' as Topic))).toEqual([notify()]);
  });

  it('a new moderation item: one check per subject; moderators are told only of one held for them', () => {
    expect(impliedJobs(event('moderation.item.created', item({})))).toEqual([check('feedback', 11)]);
    expect(impliedJobs(event('moderation.item.created', item({ state: 'held' })))).toEqual([check('feedback', 11), notify()]);
    // A flag holds a message at once: no check (it was checked when posted), but moderators hear of it.
    expect(impliedJobs(event('moderation.item.created', item({ reason: 'flag', subjectType: 'message', state: 'held' })))).toEqual([notify()]);
    expect(impliedJobs(event('moderation.item.created', item({ reason: 'flag', state: 'held', decision: 'approve' })))).toEqual([]);
  });

  it('an updated item: a fan-out only while it is held and undecided', () => {
    expect(impliedJobs(event('moderation.item.updated', item({ state: 'held' })))).toEqual([notify()]);
    expect(impliedJobs(event('moderation.item.updated', item({ state: 'held', decision: 'reject' })))).toEqual([]);
    expect(impliedJobs(event('moderation.item.updated', item({ state: 'approved', decision: 'approve' })))).toEqual([]);
  });

  it('releases and stage moves: one fan-out, from the tool topic, not from the catalogue copy', () => {
    for (const type of ['tool.release.published', 'tool.stage.changed'] as const) {
      expect(impliedJobs(event(type, { slug: 'x' }, 'tool:x'))).toEqual([notify()]);
      expect(impliedJobs(event(type, { slug: 'x' }, 'catalogue'))).toEqual([]);
    }
  });

  it('a notification: an email at once only for mentions, replies and answers (the rest wait for the digest)', () => {
    for (const kind of ['mention', 'reply', 'answer']) {
      expect(impliedJobs(event('notification.created', { id: 5, kind }))).toEqual([{ queue: 'notifications', name: 'email', jobId: 'email:notification:5', data: { notificationId: 5 } }]);
    }
    for (const kind of ['message', 'roles', 'moderation', 'tool', 'initiative']) expect(impliedJobs(event('notification.created', { id: 5, kind }))).toEqual([]);
  });

  it('initiatives: every update, and a milestone only when it is done', () => {
    expect(impliedJobs(event('initiative.update.posted', { body: 'b' }, 'initiative:i'))).toEqual([notify()]);
    expect(impliedJobs(event('initiative.milestone.changed', { completed: true }, 'initiative:i'))).toEqual([notify()]);
    expect(impliedJobs(event('initiative.milestone.changed', { completed: false }, 'initiative:i'))).toEqual([]);
  });

  it('a message: checked once when posted visible (the check tells people, not a fan-out); a held one is not checked again', () => {
    expect(impliedJobs(event('message.created', { id: 9, state: 'visible' }))).toEqual([check('message', 9, 7)]);
    expect(impliedJobs(event('message.created', { id: 9, state: 'held' }))).toEqual([]);
  });

  it('the same event always gives the same job ids (so a sweep repeats nothing), and other events give none', () => {
    const e = event('moderation.item.created', item({ state: 'held' }));
    expect(impliedJobs(e)).toEqual(impliedJobs({ ...e }));
    expect(impliedJobs(event('message.updated', { id: 9, state: 'visible' }))).toEqual([]);
    expect(impliedJobs(event('tool.adoption.changed', { slug: 'x' }, 'tool:x'))).toEqual([]);
  });
});

describe('EventRegistry', () => {
  it('refuses a second rule for one event type (one feature owns each event)', () => {
    const rule = { jobs: { 'user.roles.changed': (e: OutboxEvent) => [fanOut(e)] } };
    expect(() => new EventRegistry([rule, rule])).toThrow('two rules declared for user.roles.changed');
  });
});
