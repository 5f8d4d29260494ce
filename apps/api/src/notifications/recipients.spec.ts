import type { WatchLevel } from '@commons/domain';
import type { EventType, Topic } from '@commons/realtime';
import type { OutboxEvent } from '../realtime/outbox.event';
import type { NotificationRepository } from './notifications.repository';
import { eventRegistry } from '../events';
import { RecipientsService } from './recipients.service';
import type { WatchRepository } from './watch.repository';
import type { ToolRepository } from '../tools/tools.repository';

/**
 * The rules of who is told (the features' declarations and the rules every audience keeps), over plain inputs: what the repositories would have read is given as data
 * (their SQL is tested against Postgres in apps/api/test/notifications.spec.ts).
 */
function service(data: { levels?: Record<string, WatchLevel>; context?: { title: string; kind: string; threadAuthor: string; parentAuthor: string | null } | null; moderators?: string[]; told?: string[]; ideaFollowers?: string[]; askers?: string[]; adopters?: string[] }) {
  const notifications = {
    messageContext: async () => (data.context === undefined ? { title: 'T', kind: 'discussion', threadAuthor: 'author', parentAuthor: null } : data.context),
    moderatorIds: async () => data.moderators ?? [],
    notifiedAbout: async () => data.told ?? [],
    ideaFollowers: async () => data.ideaFollowers ?? [],
    askersOf: async () => data.askers ?? [],
    adoptersOf: async () => data.adopters ?? [],
  } as unknown as NotificationRepository;
  const watches = {
    levels: async () => new Map(Object.entries(data.levels ?? {})),
    subject: async () => ({ title: 'Tool X' }),
  } as unknown as WatchRepository;
  // Everyone may read the subject here; who may read a local-authority-only tool is tested against Postgres (access-matrix.spec.ts).
  const tools = { readersOf: async (_topic: string, ids: string[]) => new Set(ids) } as unknown as ToolRepository;
  return new RecipientsService(notifications, watches, eventRegistry, tools);
}
function event(type: EventType, payload: unknown, actorId: string | null = null, topic: Topic = 'thread:1'): OutboxEvent {
  return { id: 7, topic, seq: 1, type, payload, actorId, createdAt: new Date(0) };
}
const message = (over: Record<string, unknown> = {}) => ({ id: 9, threadId: 1, parentId: null, author: { id: 'writer', displayName: 'Wren' }, mentions: [], ...over });
const told = async (s: RecipientsService, e: OutboxEvent) => (await s.recipients(e)).map((n) => `${n.userId}: ${n.kind}`);

describe('RecipientsService.recipients', () => {
  it('a role change tells the person whose roles changed, naming them, unless they made the change', async () => {
    const s = service({});
    expect(await s.recipients(event('user.roles.changed', { userId: 'u', roles: ['member', 'moderator'], by: 'admin' }, 'admin'))).toEqual([
      { userId: 'u', eventId: 7, kind: 'roles', title: 'Your roles are now: moderator', url: null },
    ]);
    expect((await s.recipients(event('user.roles.changed', { userId: 'u', roles: ['member'], by: 'admin' }, 'admin')))[0].title).toBe('You no longer have moderator or admin roles');
    // The actor is left out: someone who changed their own roles is not told.
    expect(await s.recipients(event('user.roles.changed', { userId: 'u', roles: ['member'], by: 'u' }, 'u'))).toEqual([]);
  });

  it('a message: mention, then reply, then answer, then watching; each person once, by the first reason', async () => {
    const s = service({
      context: { title: 'Q', kind: 'question', threadAuthor: 'asker', parentAuthor: 'asker' },
      levels: { asker: 'watching', fan: 'watching', mentioned: 'watching', reader: 'normal' },
    });
    expect(await told(s, event('message.created', message({ mentions: ['mentioned'], parentId: 2 })))).toEqual(['mentioned: mention', 'asker: reply', 'fan: message']);
    const asked = service({ context: { title: 'Q', kind: 'question', threadAuthor: 'asker', parentAuthor: null } });
    expect(await told(asked, event('message.created', message()))).toEqual(['asker: answer']);
  });

  it('never the writer (even let through by a moderator), never the muted, nothing for a message no longer there', async () => {
    const s = service({ levels: { writer: 'watching', muted: 'muted', fan: 'watching' }, context: { title: 'T', kind: 'discussion', threadAuthor: 'writer', parentAuthor: 'muted' } });
    expect(await told(s, event('message.created', message({ mentions: ['muted', 'writer'] }), 'moderator'))).toEqual(['fan: message']);
    expect(await told(service({ context: null, levels: { fan: 'watching' } }), event('message.created', message()))).toEqual([]);
  });

  it('initiatives: watchers hear of updates and milestones done, not of other milestone edits', async () => {
    const s = service({ levels: { fan: 'watching', reader: 'normal', leader: 'watching' } });
    const initiative = { slug: 'i', title: 'Init' };
    expect(await told(s, event('initiative.update.posted', { body: 'b', initiative }, 'leader'))).toEqual(['fan: initiative']);
    expect(await told(s, event('initiative.milestone.changed', { title: 'M', completed: true, initiative }, 'leader'))).toEqual(['fan: initiative']);
    expect(await told(s, event('initiative.milestone.changed', { title: 'M', completed: false, initiative }, 'leader'))).toEqual([]);
  });

  it('moderation: every moderator not yet told of the item, with a title that names no content', async () => {
    const s = service({ moderators: ['m1', 'm2', 'm3'], told: ['m2'] });
    const found = await s.recipients(event('moderation.item.created', { id: 3, subjectType: 'message', subjectId: 9, state: 'held', decision: null }, null, 'moderation'));
    expect(found.map((n) => n.userId)).toEqual(['m1', 'm3']);
    expect(found[0]).toMatchObject({ kind: 'moderation', title: 'A message is waiting in the moderation queue', url: '/moderation#item-3' });
  });

  it('ideas: a status change tells the author and every member who backed it, not the moderator who made it', async () => {
    const s = service({ ideaFollowers: ['author', 'backer', 'moderator'] });
    const payload = { id: 4, title: 'A regional SEND dashboard', from: 'open', to: 'planned', reason: null, link: null, by: { id: 'moderator', displayName: 'Sam' } };
    const found = await s.recipients(event('idea.status.changed', payload, 'moderator', 'idea:4'));
    expect(found.map((n) => n.userId)).toEqual(['author', 'backer']);
    expect(found[0]).toMatchObject({ kind: 'idea', title: '“A regional SEND dashboard” is now planned', url: '/ideas/4' });
  });

  it('a release tells the tool’s watchers and the verified members of authorities that use it, once each, not the muted', async () => {
    const s = service({ levels: { fan: 'watching', muted: 'muted', both: 'watching' }, adopters: ['council', 'both', 'muted'] });
    const found = await s.recipients(event('tool.release.published', { slug: 'x', version: '2.0.0' }, 'maintainer', 'tool:x'));
    expect(found.map((n) => n.userId).sort()).toEqual(['both', 'council', 'fan']);
    expect(found[0]).toMatchObject({ kind: 'tool', title: 'Tool X 2.0.0 released', url: '/tools/x' });
  });

  it('a stage move tells only the watchers', async () => {
    const s = service({ levels: { fan: 'watching' }, adopters: ['council'] });
    expect((await s.recipients(event('tool.stage.changed', { slug: 'x', from: 'released', to: 'maintained' }, 'maintainer', 'tool:x'))).map((n) => n.userId)).toEqual(['fan']);
  });
});
