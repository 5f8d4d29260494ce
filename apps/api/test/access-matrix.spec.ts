import type { INestApplicationContext } from '@nestjs/common';
import { FEEDBACK_ROLES } from '@commons/domain';
import { Client, connect, eventually, flushed, isolated, newUser, Received, received, settled, signedInAdmin, startApp, startWorker, subscribe, TestApp, verifiedMemberOf } from './harness';
import { DeliveryService } from '../src/realtime/delivery.service';

/**
 * Every route × every kind of person, and every socket topic × every kind of person: the exact set
 * allowed (allowed = anything but 401/403). A route the app serves that this table does not list fails
 * the test, so a new route cannot ship without deciding who may use it.
 */
const ROLES = ['anonymous', 'member', 'maintainer', 'leader', 'moderator', 'admin'] as const;
type Role = (typeof ROLES)[number];

const ALL: Role[] = [...ROLES];
const SIGNED_IN: Role[] = ['member', 'maintainer', 'leader', 'moderator', 'admin'];
const ADMINS: Role[] = ['admin'];
const MODERATORS: Role[] = ['moderator', 'admin'];
const MAINTAINERS: Role[] = ['maintainer', 'admin'];
const LEADERS: Role[] = ['leader', 'admin'];
const NOBODY: Role[] = [];

interface Call {
  path: string;
  body?: unknown;
  query?: string;
}
interface Route {
  /** As the OpenAPI document names it: `GET /api/tools/{slug}`. */
  route: string;
  allowed: Role[];
  /** The concrete request; made for each role (fresh resources where the request would use them up). */
  call: (role: Role) => Call | Promise<Call>;
  /** Signs out or replaces the sign-in: made with a second sign-in of the role's user. */
  freshSession?: boolean;
  /** Ends every session of the user: the role signs in again afterwards. */
  endsAllSessions?: boolean;
  note?: string;
}

let t: TestApp;
let worker: INestApplicationContext;
const clients = {} as Record<Role, Client>;
const emails = {} as Record<Role, string>;
const ids = {} as Record<Role, string | null>;
const sockets: Received[] = [];
let author: Client;
let adminAll: Client;
let tool: string;
let initiative: string;
let milestoneId: number;
let threadId: number;
let messageId: number;
let questionThreadId: number;
let ideaId: number;
let guideSlug: string;
let orgId: number;
let moderationItemId: number;
let counter = 0;
const PASSWORD = 'a sensible passphrase';
const NHS = '943 476 5919';
const HELD_MARKER = 'heldmarker-zq7';

async function register(displayName: string) {
  const c = new Client(t.url);
  const input = newUser({ displayName, organisationId: orgId, password: PASSWORD });
  const res = await c.post('/api/auth/register', input);
  if (res.status !== 201) throw new Error(`register ${res.status}`);
  return { c, id: res.body.user.id as string, email: input.email };
}

async function freshSession(role: Role) {
  const c = new Client(t.url);
  if (role !== 'anonymous') await c.post('/api/auth/login', { email: emails[role], password: PASSWORD });
  return c;
}

async function newMessage() {
  const res = await author.post(`/api/threads/${threadId}/messages`, { body: `message ${++counter}` });
  return res.body.message.id as number;
}

async function throwaway() {
  return (await register(`Throwaway ${++counter}`)).id;
}

const n = () => ++counter;

const ROUTES: Route[] = [
  // identity
  { route: 'POST /api/auth/register', allowed: ALL, freshSession: true, call: () => ({ path: '/api/auth/register', body: newUser() }) },
  { route: 'POST /api/auth/login', allowed: ALL, freshSession: true, call: (r) => ({ path: '/api/auth/login', body: { email: emails[r === 'anonymous' ? 'member' : r], password: PASSWORD } }) },
  { route: 'POST /api/auth/logout', allowed: ALL, freshSession: true, call: () => ({ path: '/api/auth/logout', body: {} }) },
  { route: 'GET /api/auth/me', allowed: SIGNED_IN, call: () => ({ path: '/api/auth/me' }) },
  { route: 'POST /api/auth/logout-all', allowed: SIGNED_IN, freshSession: true, endsAllSessions: true, call: () => ({ path: '/api/auth/logout-all', body: {} }) },
  { route: 'GET /api/me/export', allowed: SIGNED_IN, call: () => ({ path: '/api/me/export' }) },
  // An empty body: the guard answers before validation, so 400 means "let through" and nobody is deleted.
  { route: 'DELETE /api/me', allowed: SIGNED_IN, call: () => ({ path: '/api/me', body: {} }) },
  // Account settings: empty bodies (400 = let through) or unknown ids (404), so nothing changes.
  { route: 'PATCH /api/me', allowed: SIGNED_IN, call: () => ({ path: '/api/me', body: {} }) },
  { route: 'POST /api/auth/password', allowed: SIGNED_IN, call: () => ({ path: '/api/auth/password', body: {} }) },
  { route: 'POST /api/me/email', allowed: SIGNED_IN, call: () => ({ path: '/api/me/email', body: {} }) },
  { route: 'POST /api/me/verification', allowed: SIGNED_IN, call: () => ({ path: '/api/me/verification', body: {} }) },
  { route: 'GET /api/me/sessions', allowed: SIGNED_IN, call: () => ({ path: '/api/me/sessions' }) },
  { route: 'DELETE /api/me/sessions/{id}', allowed: SIGNED_IN, call: () => ({ path: '/api/me/sessions/00000000-0000-4000-8000-000000000000' }) },
  { route: 'GET /api/me/tokens', allowed: SIGNED_IN, call: () => ({ path: '/api/me/tokens' }) },
  { route: 'POST /api/me/tokens', allowed: SIGNED_IN, call: () => ({ path: '/api/me/tokens', body: {} }) },
  { route: 'DELETE /api/me/tokens/{id}', allowed: SIGNED_IN, call: () => ({ path: '/api/me/tokens/00000000-0000-4000-8000-000000000000' }) },
  { route: 'POST /api/auth/password-reset', allowed: ALL, call: () => ({ path: '/api/auth/password-reset', body: { email: 'nobody-matrix@example.org' } }) },
  { route: 'POST /api/auth/password-reset/confirm', allowed: ALL, call: () => ({ path: '/api/auth/password-reset/confirm', body: {} }) },
  { route: 'POST /api/auth/confirm-email', allowed: ALL, call: () => ({ path: '/api/auth/confirm-email', body: {} }) },
  { route: 'GET /api/users', allowed: ADMINS, call: () => ({ path: '/api/users' }) },
  { route: 'GET /api/members', allowed: SIGNED_IN, call: () => ({ path: '/api/members?q=Matrix' }) },
  { route: 'PUT /api/users/{id}/roles', allowed: ADMINS, call: async () => ({ path: `/api/users/${await throwaway()}/roles`, body: { roles: [] } }) },
  { route: 'GET /api/organisations', allowed: ALL, call: () => ({ path: '/api/organisations' }) },
  { route: 'GET /api/organisations/{id}/tools', allowed: ALL, call: () => ({ path: `/api/organisations/${orgId}/tools` }) },
  // admin screens (docs/identity.md, "Admin screens")
  { route: 'GET /api/admin/users', allowed: ADMINS, call: () => ({ path: '/api/admin/users?q=Matrix' }) },
  { route: 'PUT /api/admin/users/{id}/disabled', allowed: ADMINS, call: async () => ({ path: `/api/admin/users/${await throwaway()}/disabled`, body: { disabled: true } }) },
  { route: 'GET /api/admin/organisations', allowed: ADMINS, call: () => ({ path: '/api/admin/organisations' }) },
  { route: 'GET /api/admin/audit', allowed: ADMINS, call: () => ({ path: '/api/admin/audit' }) },
  { route: 'GET /api/organisations/{id}/domains', allowed: ADMINS, call: () => ({ path: `/api/organisations/${orgId}/domains` }) },
  { route: 'POST /api/organisations/{id}/domains', allowed: ADMINS, call: () => ({ path: `/api/organisations/${orgId}/domains`, body: { domain: `matrix-${n()}.${process.pid}.example` } }) },
  { route: 'PATCH /api/organisations/{id}/domains/{domain}', allowed: ADMINS, call: () => ({ path: `/api/organisations/${orgId}/domains/camden.gov.uk`, body: { confirmed: false } }) },
  { route: 'DELETE /api/organisations/{id}/domains/{domain}', allowed: ADMINS, call: () => ({ path: `/api/organisations/${orgId}/domains/not-there-${n()}.example` }) },
  { route: 'GET /api/health', allowed: ALL, call: () => ({ path: '/api/health' }) },
  { route: 'GET /api/health/live', allowed: ALL, call: () => ({ path: '/api/health/live' }) },
  { route: 'GET /api/health/ready', allowed: ALL, call: () => ({ path: '/api/health/ready' }) },
  // jobs
  { route: 'GET /api/admin/jobs', allowed: ADMINS, call: () => ({ path: '/api/admin/jobs?queue=notifications&state=failed' }) },
  { route: 'POST /api/admin/jobs/{queue}/{id}/retry', allowed: ADMINS, call: () => ({ path: '/api/admin/jobs/notifications/no-such-job/retry', body: {} }) },
  // feedback and moderation
  { route: 'POST /api/feedback', allowed: ALL, call: () => ({ path: '/api/feedback', body: { page: '/tools', role: FEEDBACK_ROLES[0], summary: `Matrix feedback ${n()}` } }) },
  { route: 'GET /api/feedback', allowed: ['maintainer', 'moderator', 'admin'], note: 'page of the maintainer’s tool', call: () => ({ path: `/api/feedback?page=/tools/${tool}` }) },
  { route: 'GET /api/moderation/queue', allowed: MODERATORS, call: () => ({ path: '/api/moderation/queue' }) },
  { route: 'GET /api/moderation/items/{id}', allowed: MODERATORS, call: () => ({ path: `/api/moderation/items/${moderationItemId}` }) },
  { route: 'GET /api/moderation/items/{id}/audit', allowed: MODERATORS, call: () => ({ path: `/api/moderation/items/${moderationItemId}/audit` }) },
  { route: 'POST /api/moderation/items/{id}/original', allowed: MODERATORS, call: () => ({ path: `/api/moderation/items/${moderationItemId}/original`, body: {} }) },
  { route: 'POST /api/moderation/items/{id}/decision', allowed: MODERATORS, call: () => ({ path: `/api/moderation/items/${moderationItemId}/decision`, body: { decision: 'approve' } }) },
  // notifications
  { route: 'GET /api/notifications', allowed: SIGNED_IN, call: () => ({ path: '/api/notifications' }) },
  { route: 'POST /api/notifications/read', allowed: SIGNED_IN, call: () => ({ path: '/api/notifications/read', body: {} }) },
  { route: 'GET /api/notifications/preferences', allowed: SIGNED_IN, call: () => ({ path: '/api/notifications/preferences' }) },
  { route: 'PUT /api/notifications/preferences', allowed: SIGNED_IN, call: () => ({ path: '/api/notifications/preferences', body: { email: 'off' } }) },
  // The emailed link: the signed token says who, so no session is needed (a forged token gets 400/404).
  { route: 'GET /api/notifications/unsubscribe', allowed: ALL, call: () => ({ path: '/api/notifications/unsubscribe?token=forged' }) },
  { route: 'POST /api/notifications/unsubscribe', allowed: ALL, call: () => ({ path: '/api/notifications/unsubscribe?token=forged', body: {} }) },
  { route: 'GET /api/watches', allowed: SIGNED_IN, call: () => ({ path: '/api/watches' }) },
  { route: 'GET /api/watches/{subjectType}/{subjectId}', allowed: SIGNED_IN, call: () => ({ path: `/api/watches/tool/${tool}` }) },
  { route: 'PUT /api/watches/{subjectType}/{subjectId}', allowed: SIGNED_IN, call: () => ({ path: `/api/watches/tool/${tool}`, body: { level: 'watching' } }) },
  // discussions
  { route: 'GET /api/threads', allowed: ALL, call: () => ({ path: '/api/threads?subjectType=general' }) },
  { route: 'GET /api/threads/unread', allowed: SIGNED_IN, call: () => ({ path: '/api/threads/unread' }) },
  { route: 'POST /api/threads', allowed: SIGNED_IN, call: () => ({ path: '/api/threads', body: { subjectType: 'general', title: `Matrix thread ${n()}`, body: 'hello' } }) },
  { route: 'GET /api/threads/{id}', allowed: ALL, call: () => ({ path: `/api/threads/${threadId}` }) },
  { route: 'PATCH /api/threads/{id}', allowed: MODERATORS, note: 'someone else’s thread, renamed', call: () => ({ path: `/api/threads/${threadId}`, body: { title: `Renamed ${n()}` } }) },
  { route: 'GET /api/threads/{id}/messages', allowed: ALL, call: () => ({ path: `/api/threads/${threadId}/messages` }) },
  { route: 'POST /api/threads/{id}/messages', allowed: SIGNED_IN, call: () => ({ path: `/api/threads/${threadId}/messages`, body: { body: `reply ${n()}` } }) },
  { route: 'PUT /api/threads/{id}/read', allowed: SIGNED_IN, call: () => ({ path: `/api/threads/${threadId}/read`, body: { seq: 1 } }) },
  { route: 'PATCH /api/messages/{id}', allowed: NOBODY, note: 'someone else’s message: only its author edits', call: () => ({ path: `/api/messages/${messageId}`, body: { body: `edited ${n()}` } }) },
  { route: 'DELETE /api/messages/{id}', allowed: MODERATORS, note: 'someone else’s message', call: async () => ({ path: `/api/messages/${await newMessage()}` }) },
  { route: 'GET /api/messages/{id}/revisions', allowed: ALL, call: () => ({ path: `/api/messages/${messageId}/revisions` }) },
  { route: 'PUT /api/messages/{id}/reactions/{emoji}', allowed: SIGNED_IN, call: () => ({ path: `/api/messages/${messageId}/reactions/${encodeURIComponent('👍')}`, body: {} }) },
  { route: 'POST /api/messages/{id}/flags', allowed: SIGNED_IN, call: async () => ({ path: `/api/messages/${await newMessage()}/flags`, body: { reason: 'spam' } }) },
  // tools
  { route: 'GET /api/tools', allowed: ALL, call: () => ({ path: '/api/tools' }) },
  { route: 'POST /api/tools', allowed: SIGNED_IN, call: () => ({ path: '/api/tools', body: { name: `Matrix tool ${n()}`, summary: 'A tool made by the access matrix.' } }) },
  { route: 'GET /api/tools/{slug}', allowed: ALL, call: () => ({ path: `/api/tools/${tool}` }) },
  { route: 'PATCH /api/tools/{slug}', allowed: MAINTAINERS, call: () => ({ path: `/api/tools/${tool}`, body: { description: `Edited ${n()}` } }) },
  { route: 'PUT /api/tools/{slug}/maintainers/{userId}', allowed: ADMINS, call: async () => ({ path: `/api/tools/${tool}/maintainers/${await throwaway()}`, body: {} }) },
  { route: 'DELETE /api/tools/{slug}/maintainers/{userId}', allowed: ADMINS, call: async () => ({ path: `/api/tools/${tool}/maintainers/${await throwaway()}` }) },
  { route: 'GET /api/tools/{slug}/releases', allowed: ALL, call: () => ({ path: `/api/tools/${tool}/releases` }) },
  { route: 'POST /api/tools/{slug}/releases', allowed: MAINTAINERS, call: () => ({ path: `/api/tools/${tool}/releases`, body: { version: `1.0.${n()}` } }) },
  { route: 'GET /api/tools/{slug}/adoptions', allowed: ALL, call: () => ({ path: `/api/tools/${tool}/adoptions` }) },
  { route: 'PUT /api/tools/{slug}/adoptions/{organisationId}', allowed: ADMINS, note: 'everyone here says they belong to that authority, unverified: only verified members (membership.spec) and admins record', call: () => ({ path: `/api/tools/${tool}/adoptions/${orgId}`, body: { status: 'uses' } }) },
  { route: 'GET /api/tools/{slug}/design', allowed: ALL, call: () => ({ path: `/api/tools/${tool}/design` }) },
  { route: 'POST /api/tools/{slug}/design/sections', allowed: MAINTAINERS, call: () => ({ path: `/api/tools/${tool}/design/sections`, body: { key: `extra_${n()}`, title: 'Extra section' } }) },
  { route: 'PUT /api/tools/{slug}/design/sections/{key}', allowed: SIGNED_IN, call: () => ({ path: `/api/tools/${tool}/design/sections/problem`, body: { body: `text ${n()}`, baseRevision: 0 } }) },
  { route: 'GET /api/tools/{slug}/design/sections/{key}/revisions', allowed: ALL, call: () => ({ path: `/api/tools/${tool}/design/sections/problem/revisions` }) },
  { route: 'GET /api/tools/{slug}/design/sections/{key}/compare', allowed: ALL, call: () => ({ path: `/api/tools/${tool}/design/sections/problem/compare?from=0&to=1` }) },
  { route: 'POST /api/tools/{slug}/design/sections/{key}/versions', allowed: SIGNED_IN, call: () => ({ path: `/api/tools/${tool}/design/sections/problem/versions`, body: { name: `Version ${n()}` } }) },
  { route: 'POST /api/tools/{slug}/design/sections/{key}/restore', allowed: SIGNED_IN, note: 'a revision that may not exist yet: 404 is still past the access check', call: () => ({ path: `/api/tools/${tool}/design/sections/problem/restore`, body: { revision: 1 } }) },
  { route: 'GET /api/moderation/design-sections', allowed: MODERATORS, call: () => ({ path: '/api/moderation/design-sections' }) },
  { route: 'POST /api/tools/{slug}/design/sections/{key}/clear', allowed: MODERATORS, call: () => ({ path: `/api/tools/${tool}/design/sections/problem/clear`, body: {} }) },
  { route: 'GET /api/tools/{slug}/design/comments', allowed: ALL, call: () => ({ path: `/api/tools/${tool}/design/comments` }) },
  { route: 'POST /api/tools/{slug}/design/sections/{key}/comments', allowed: SIGNED_IN, call: () => ({ path: `/api/tools/${tool}/design/sections/problem/comments`, body: { body: `Comment ${n()}` } }) },
  { route: 'PUT /api/tools/{slug}/design/sections/{key}/comments/{id}/resolved', allowed: SIGNED_IN, note: 'a comment that may not exist: 404 is still past the access check', call: () => ({ path: `/api/tools/${tool}/design/sections/problem/comments/1/resolved`, body: { resolved: true } }) },
  // initiatives
  { route: 'GET /api/initiatives', allowed: ALL, call: () => ({ path: '/api/initiatives' }) },
  { route: 'POST /api/initiatives', allowed: SIGNED_IN, call: () => ({ path: '/api/initiatives', body: { title: `Matrix initiative ${n()}`, summary: 'An initiative made by the access matrix.', focusArea: 'facilitating' } }) },
  { route: 'GET /api/initiatives/{slug}', allowed: ALL, call: () => ({ path: `/api/initiatives/${initiative}` }) },
  { route: 'PATCH /api/initiatives/{slug}', allowed: LEADERS, call: () => ({ path: `/api/initiatives/${initiative}`, body: { summary: `Edited by the matrix ${n()}` } }) },
  { route: 'PUT /api/initiatives/{slug}/leaders/{userId}', allowed: LEADERS, call: async () => ({ path: `/api/initiatives/${initiative}/leaders/${await throwaway()}`, body: {} }) },
  { route: 'DELETE /api/initiatives/{slug}/leaders/{userId}', allowed: ADMINS, call: async () => ({ path: `/api/initiatives/${initiative}/leaders/${await throwaway()}` }) },
  { route: 'POST /api/initiatives/{slug}/milestones', allowed: LEADERS, call: () => ({ path: `/api/initiatives/${initiative}/milestones`, body: { title: `Milestone ${n()}` } }) },
  { route: 'PATCH /api/initiatives/{slug}/milestones/{id}', allowed: LEADERS, call: () => ({ path: `/api/initiatives/${initiative}/milestones/${milestoneId}`, body: { title: `Milestone renamed ${n()}` } }) },
  { route: 'POST /api/initiatives/{slug}/updates', allowed: LEADERS, call: () => ({ path: `/api/initiatives/${initiative}/updates`, body: { body: `Update ${n()}` } }) },
  { route: 'PUT /api/initiatives/{slug}/follow', allowed: SIGNED_IN, call: () => ({ path: `/api/initiatives/${initiative}/follow`, body: {} }) },
  { route: 'DELETE /api/initiatives/{slug}/follow', allowed: SIGNED_IN, call: () => ({ path: `/api/initiatives/${initiative}/follow` }) },
  { route: 'PUT /api/initiatives/{slug}/participation', allowed: SIGNED_IN, call: () => ({ path: `/api/initiatives/${initiative}/participation`, body: {} }) },
  { route: 'DELETE /api/initiatives/{slug}/participation', allowed: SIGNED_IN, call: () => ({ path: `/api/initiatives/${initiative}/participation` }) },
  { route: 'GET /api/me/initiatives', allowed: SIGNED_IN, call: () => ({ path: '/api/me/initiatives' }) },
  // single sign-on (not configured here: the login and callback answer 404 to everyone)
  { route: 'GET /api/auth/oidc', allowed: ALL, call: () => ({ path: '/api/auth/oidc' }) },
  { route: 'GET /api/auth/oidc/login', allowed: ALL, call: () => ({ path: '/api/auth/oidc/login' }) },
  { route: 'GET /api/auth/oidc/callback', allowed: ALL, call: () => ({ path: '/api/auth/oidc/callback' }) },
  { route: 'GET /api/admin/sso/tenants', allowed: ADMINS, call: () => ({ path: '/api/admin/sso/tenants' }) },
  { route: 'POST /api/admin/sso/tenants', allowed: ADMINS, call: () => ({ path: '/api/admin/sso/tenants', body: {} }) },
  { route: 'DELETE /api/admin/sso/tenants/{id}', allowed: ADMINS, call: () => ({ path: '/api/admin/sso/tenants/999999' }) },
  // search, the community, exports and feeds
  { route: 'GET /api/search', allowed: ALL, call: () => ({ path: '/api/search?q=validator' }) },
  { route: 'GET /api/authorities', allowed: ALL, call: () => ({ path: '/api/authorities' }) },
  { route: 'GET /api/activity', allowed: ALL, call: () => ({ path: '/api/activity' }) },
  { route: 'GET /api/exports/tools.csv', allowed: ALL, call: () => ({ path: '/api/exports/tools.csv' }) },
  { route: 'GET /api/exports/adoptions.csv', allowed: ALL, call: () => ({ path: '/api/exports/adoptions.csv' }) },
  { route: 'GET /api/exports/ideas.csv', allowed: ALL, call: () => ({ path: '/api/exports/ideas.csv' }) },
  { route: 'GET /feeds/releases.atom', allowed: ALL, call: () => ({ path: '/feeds/releases.atom' }) },
  { route: 'GET /feeds/initiatives.atom', allowed: ALL, call: () => ({ path: '/feeds/initiatives.atom' }) },
  // needs and ideas
  { route: 'GET /api/ideas', allowed: ALL, call: () => ({ path: '/api/ideas' }) },
  { route: 'POST /api/ideas', allowed: SIGNED_IN, call: () => ({ path: '/api/ideas', body: { title: `Matrix need ${n()}`, body: 'A need raised by the access matrix for its checks.' } }) },
  { route: 'GET /api/ideas/{id}', allowed: ALL, call: () => ({ path: `/api/ideas/${ideaId}` }) },
  { route: 'PUT /api/ideas/{id}/backing', allowed: NOBODY, note: 'only verified members of a local authority back (ideas.spec); nobody here is one', call: () => ({ path: `/api/ideas/${ideaId}/backing`, body: {} }) },
  { route: 'DELETE /api/ideas/{id}/backing', allowed: NOBODY, note: 'as backing', call: () => ({ path: `/api/ideas/${ideaId}/backing` }) },
  { route: 'PATCH /api/ideas/{id}', allowed: MODERATORS, call: () => ({ path: `/api/ideas/${ideaId}`, body: { status: 'under_review' } }) },
  // guides: written by moderators, tool maintainers and initiative leaders; edited by their owner (the maintainer here) and moderators
  { route: 'GET /api/guides', allowed: ALL, call: () => ({ path: '/api/guides' }) },
  { route: 'POST /api/guides', allowed: SIGNED_IN, note: 'every role here maintains a tool by now (POST /api/tools above); a plain member is refused in guides.spec', call: () => ({ path: '/api/guides', body: guide() }) },
  { route: 'POST /api/threads/{id}/guide', allowed: MODERATORS, note: 'a general thread: no tool whose maintainers could', call: () => ({ path: `/api/threads/${questionThreadId}/guide`, body: guide() }) },
  { route: 'GET /api/guides/{slug}', allowed: ALL, call: () => ({ path: `/api/guides/${guideSlug}` }) },
  { route: 'PATCH /api/guides/{slug}', allowed: ['maintainer', 'moderator', 'admin'], call: () => ({ path: `/api/guides/${guideSlug}`, body: { summary: `Summary edited by the matrix ${n()}` } }) },
  { route: 'POST /api/guides/{slug}/reviewed', allowed: ['maintainer', 'moderator', 'admin'], call: () => ({ path: `/api/guides/${guideSlug}/reviewed`, body: {} }) },
  // you said, we did: moderators, or the people who run the work (the leader, for a milestone)
  { route: 'GET /api/answers', allowed: ALL, call: () => ({ path: `/api/answers?initiative=${initiative}` }) },
  { route: 'GET /api/answers/targets', allowed: SIGNED_IN, call: () => ({ path: '/api/answers/targets' }) },
  { route: 'POST /api/answers', allowed: ['leader', 'moderator', 'admin'], call: () => ({ path: '/api/answers', body: { source: { type: 'thread', id: questionThreadId }, target: { type: 'milestone', id: milestoneId } } }) },
];

const guide = () => ({ title: `Matrix guide ${n()}`, summary: 'A guide written by the access matrix.', body: 'Advice written by the access matrix, long enough to pass.', slug: `matrix-guide-${process.pid}-${n()}` });

beforeAll(async () => {
  const env = { ...(await isolated('matrix')), FEEDBACK_RATE_PER_MINUTE: '10000', MESSAGE_RATE_PER_MINUTE: '10000', LOGIN_ATTEMPTS_PER_ADDRESS: '10000' };
  t = await startApp(env);
  worker = await startWorker(env);
  orgId = (await t.db.query(`SELECT id FROM organisations WHERE la_code = '202'`))[0].id;
  adminAll = await signedInAdmin(t.url);
  for (const role of ROLES) {
    if (role === 'anonymous') {
      clients[role] = new Client(t.url);
      ids[role] = null;
      continue;
    }
    const r = await register(`Matrix ${role}`);
    clients[role] = r.c;
    emails[role] = r.email;
    ids[role] = r.id;
  }
  await adminAll.put(`/api/users/${ids.moderator}/roles`, { roles: ['moderator'] });
  await adminAll.put(`/api/users/${ids.admin}/roles`, { roles: ['admin'] });
  tool = `matrix-tool-${process.pid}`;
  expect((await clients.maintainer.post('/api/tools', { slug: tool, name: 'Matrix tool', summary: 'The tool the matrix maintains.' })).status).toBe(201);
  initiative = `matrix-initiative-${process.pid}`;
  expect((await clients.leader.post('/api/initiatives', { slug: initiative, title: 'Matrix initiative', summary: 'The initiative the matrix leads.', focusArea: 'facilitating' })).status).toBe(201);
  milestoneId = (await clients.leader.post(`/api/initiatives/${initiative}/milestones`, { title: 'First milestone' })).body.milestone?.id;
  if (!milestoneId) milestoneId = (await t.db.query(`SELECT id FROM initiative_milestones ORDER BY id DESC LIMIT 1`))[0].id;
  author = (await register('Matrix author')).c;
  const thread = (await author.post('/api/threads', { subjectType: 'general', title: 'The matrix thread', body: 'first' })).body;
  threadId = thread.thread.id;
  messageId = thread.message.id;
  questionThreadId = (await author.post('/api/threads', { subjectType: 'general', kind: 'question', title: 'A matrix question', body: 'why?' })).body.thread.id;
  await new Client(t.url).post('/api/feedback', { page: `/tools/${tool}`, role: FEEDBACK_ROLES[0], summary: 'Feedback for the matrix' });
  moderationItemId = (await t.db.query(`SELECT id FROM moderation_items ORDER BY id DESC LIMIT 1`))[0].id;
  ideaId = (await author.post('/api/ideas', { title: 'The matrix need', body: 'A need the access matrix reads and moves on.' })).body.idea.id;
  guideSlug = (await clients.maintainer.post('/api/guides', guide())).body.guide.slug;
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.socket.disconnect();
  await worker?.close();
  await t?.close();
});

describe('HTTP routes × roles', () => {
  it('lists every route the app serves', async () => {
    const doc = (await new Client(t.url).get('/api/docs/openapi.json')).body;
    const served = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const listed = ROUTES.map((r) => r.route);
    expect(served.filter((r) => !listed.includes(r)).sort()).toEqual([]);
    expect(listed.filter((r) => !served.includes(r)).sort()).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it.each(ROUTES.map((r) => [r.route, r] as const))('%s', async (_, route) => {
    const [method] = route.route.split(' ');
    const allowed: Role[] = [];
    const statuses: Record<string, number> = {};
    for (const role of ROLES) {
      const call = await route.call(role);
      const client = route.freshSession ? await freshSession(role) : clients[role];
      const res = await client.request(method, call.path, call.body);
      statuses[role] = res.status;
      if (route.endsAllSessions && role !== 'anonymous') clients[role] = await freshSession(role);
      expect(res.status).toBeLessThan(500);
      if (res.status !== 401 && res.status !== 403) allowed.push(role);
      // A refusal says why, in the contract's shape.
      if (res.status === 401) expect(res.body.error.code).toBe('unauthorized');
      if (res.status === 403) expect(res.body.error.code).toBe('forbidden');
    }
    expect({ route: route.route, allowed }).toEqual({ route: route.route, allowed: route.allowed });
  });
});

describe('socket topics × roles', () => {
  const TOPICS: [kind: string, topic: () => string, allowed: Role[] | ((role: Role) => boolean)][] = [
    ['catalogue', () => 'catalogue', ALL],
    ['tool', () => `tool:${tool}`, ALL],
    ['initiative', () => `initiative:${initiative}`, ALL],
    ['thread', () => `thread:${threadId}`, ALL],
    ['moderation', () => 'moderation', MODERATORS],
    ['own user', () => 'user:OWN', SIGNED_IN],
    ['another user', () => `user:${ids.member}`, ['member']],
  ];

  it.each(TOPICS)('%s', async (_, topicOf, allowed) => {
    const ok: Role[] = [];
    for (const role of ROLES) {
      const r = connect(t.url, role === 'anonymous' ? {} : { cookie: clients[role].cookie });
      sockets.push(r);
      const topic = topicOf().replace('OWN', ids[role] ?? '00000000-0000-4000-8000-000000000000');
      const ack = await subscribe(r.socket, topic);
      if (ack.ok) ok.push(role);
      else expect(ack.error).toEqual(expect.any(String));
      r.socket.disconnect();
    }
    expect(ok).toEqual(allowed);
  });
});

describe('personal data never reaches anyone but moderators and admins', () => {
  it('held feedback, held messages and redacted originals: no route, no topic', async () => {
    const watchers = (['anonymous', 'member', 'maintainer', 'leader'] as Role[]).map((role) => ({ role, r: connect(t.url, role === 'anonymous' ? {} : { cookie: clients[role].cookie }) }));
    sockets.push(...watchers.map((w) => w.r));
    const modSocket = connect(t.url, { cookie: clients.moderator.cookie });
    sockets.push(modSocket);
    const topics = ['catalogue', `tool:${tool}`, `initiative:${initiative}`, `thread:${threadId}`, `thread:${questionThreadId}`];
    for (const w of watchers) for (const topic of [...topics, ...(ids[w.role] ? [`user:${ids[w.role]}`] : [])]) await subscribe(w.r.socket, topic, 0);
    await subscribe(modSocket.socket, 'moderation');

    // Feedback on the maintainer's tool page: one left held, one a moderator redacts.
    const held = await new Client(t.url).post('/api/feedback', { page: `/tools/${tool}`, role: FEEDBACK_ROLES[0], summary: `Held: child ${NHS} ${HELD_MARKER}-feedback` });
    const redacted = await new Client(t.url).post('/api/feedback', { page: `/tools/${tool}`, role: FEEDBACK_ROLES[0], summary: `Redact me: child ${NHS} is wrong` });
    expect([held.status, redacted.status]).toEqual([202, 202]);
    // A message held at write time, and one redacted after it was seen.
    const heldMessage = (await author.post(`/api/threads/${threadId}/messages`, { body: `Child ${NHS} ${HELD_MARKER}-message` })).body.message;
    expect(heldMessage.state).toBe('held');
    const toRedact = (await author.post(`/api/threads/${questionThreadId}/messages`, { body: `Child ${NHS} needs a review` })).body.message;

    const items = await eventually(() => {
      const byFeedback = (id: number) => modSocket.events.filter((e) => e.payload.subjectType === 'feedback' && e.payload.subjectId === id && e.payload.state === 'held').at(-1)?.payload;
      const byMessage = (id: number) => modSocket.events.filter((e) => e.payload.subjectType === 'message' && e.payload.subjectId === id && e.payload.state === 'held' && e.payload.checkedAt).at(-1)?.payload;
      const found = [byFeedback(held.body.id), byFeedback(redacted.body.id), byMessage(heldMessage.id), byMessage(toRedact.id)];
      expect(found.every(Boolean)).toBe(true);
      return found as { id: number }[];
    }, 20_000);
    expect((await clients.moderator.post(`/api/moderation/items/${items[1].id}/decision`, { decision: 'redact' })).status).toBe(200);
    expect((await clients.moderator.post(`/api/moderation/items/${items[3].id}/decision`, { decision: 'redact' })).status).toBe(200);
    // The redacted versions are out: the maintainer reads the feedback, everyone the message.
    await eventually(async () => expect(JSON.stringify((await clients.maintainer.get(`/api/feedback?page=/tools/${tool}`)).body)).toContain('Redact me: child [NHS number removed]'));
    await eventually(async () => expect(JSON.stringify((await new Client(t.url).get(`/api/threads/${questionThreadId}/messages`)).body)).toContain('[NHS number removed]'));

    // Moderators do see the originals, behind the audited action (so the checks below can fail).
    expect(JSON.stringify((await clients.moderator.post(`/api/moderation/items/${items[1].id}/original`, {})).body)).toContain(NHS);

    const leaks: string[] = [];
    const gets = ROUTES.filter((r) => r.route.startsWith('GET ') && !r.route.startsWith('GET /api/health'));
    const extra = [`/api/threads/${questionThreadId}/messages`, `/api/messages/${toRedact.id}/revisions`, `/api/messages/${heldMessage.id}/revisions`, `/api/feedback?page=/tools/${tool}`, `/api/feedback?page=/tools`];
    for (const w of watchers) {
      for (const path of [...(await Promise.all(gets.map(async (r) => (await r.call(w.role)).path))), ...extra]) {
        const text = JSON.stringify((await clients[w.role].get(path)).body);
        if (text.includes(NHS) || text.includes(HELD_MARKER)) leaks.push(`${w.role} GET ${path}`);
      }
      for (const e of w.r.events) if (JSON.stringify(e).includes(NHS) || JSON.stringify(e).includes(HELD_MARKER)) leaks.push(`${w.role} event ${e.type} on ${e.topic}`);
    }
    // Replay from the start, after everything happened, must not bring them back either.
    for (const w of watchers) {
      const late = connect(t.url, w.role === 'anonymous' ? {} : { cookie: clients[w.role].cookie });
      sockets.push(late);
      for (const topic of topics) {
        const ack = await subscribe(late.socket, topic, 0);
        if (ack.ok) await received(late, topic, ack.seq!); // the whole replay, up to the seq when it was asked
      }
      for (const e of late.events) if (JSON.stringify(e).includes(NHS) || JSON.stringify(e).includes(HELD_MARKER)) leaks.push(`${w.role} replayed ${e.type} on ${e.topic}`);
    }
    expect(leaks).toEqual([]);
  }, 60_000);
});

/**
 * A local-authority-only tool: its description, releases, design document and threads are for verified
 * members of a local authority, moderators and admins. Everyone else gets its name, summary and how to
 * get access from GET /api/tools/{slug}, 403 from the rest, nothing in lists, sockets or notifications.
 */
describe('local-authority-only tools × readers', () => {
  const READERS = ['anonymous', 'self-declared', 'other verified', 'la staff', 'moderator', 'admin'] as const;
  type Reader = (typeof READERS)[number];
  const MAY_READ: Reader[] = ['la staff', 'moderator', 'admin'];
  const as = {} as Record<Reader, Client>;
  const userIds = {} as Record<Reader, string>;
  let la: string;
  let laThread: number;
  let laMessage: number;
  const SECRET = 'la-only-description-k3x';

  beforeAll(async () => {
    const dfe = (await t.db.query(`SELECT id FROM organisations WHERE kind <> 'local_authority' ORDER BY id LIMIT 1`))[0].id;
    as.anonymous = new Client(t.url);
    for (const reader of READERS.slice(1)) {
      const r = await register(`LA ${reader}`);
      as[reader] = r.c;
      userIds[reader] = r.id;
    }
    await verifiedMemberOf(t, as['la staff'], orgId);
    await verifiedMemberOf(t, as['other verified'], dfe);
    await adminAll.put(`/api/users/${userIds.moderator}/roles`, { roles: ['moderator'] });
    await adminAll.put(`/api/users/${userIds.admin}/roles`, { roles: ['admin'] });
    la = `la-only-${process.pid}`;
    expect((await adminAll.post('/api/tools', { slug: la, name: 'LA only tool', summary: 'A tool kept to local authority staff.', description: SECRET })).status).toBe(201);
    expect((await adminAll.post(`/api/tools/${la}/releases`, { version: '1.0.0', notes: `${SECRET} notes` })).status).toBe(201);
    // Set by a verified member of a local authority who maintains it.
    await adminAll.put(`/api/tools/${la}/maintainers/${userIds['la staff']}`, {});
    expect((await as['la staff'].patch(`/api/tools/${la}`, { access: 'local_authority' })).status).toBe(200);
    const thread = (await as['la staff'].post('/api/threads', { subjectType: 'tool', subjectId: la, title: 'LA only thread', body: `${SECRET} first` })).body;
    laThread = thread.thread.id;
    laMessage = thread.message.id;
  }, 60_000);

  const LA_ROUTES: [route: string, call: () => Call, allowed: Reader[]][] = [
    ['GET /api/tools/{slug}/releases', () => ({ path: `/api/tools/${la}/releases` }), MAY_READ],
    ['GET /api/tools/{slug}/adoptions', () => ({ path: `/api/tools/${la}/adoptions` }), MAY_READ],
    ['GET /api/tools/{slug}/design', () => ({ path: `/api/tools/${la}/design` }), MAY_READ],
    ['GET /api/tools/{slug}/design/sections/{key}/revisions', () => ({ path: `/api/tools/${la}/design/sections/problem/revisions` }), MAY_READ],
    ['GET /api/tools/{slug}/design/sections/{key}/compare', () => ({ path: `/api/tools/${la}/design/sections/problem/compare?from=1&to=1` }), MAY_READ],
    ['GET /api/tools/{slug}/design/comments', () => ({ path: `/api/tools/${la}/design/comments` }), MAY_READ],
    ['POST /api/tools/{slug}/design/sections/{key}/comments', () => ({ path: `/api/tools/${la}/design/sections/problem/comments`, body: { body: `Comment ${n()}` } }), MAY_READ],
    ['POST /api/tools/{slug}/design/sections/{key}/versions', () => ({ path: `/api/tools/${la}/design/sections/problem/versions`, body: { name: `Version ${n()}` } }), MAY_READ],
    ['GET /api/threads?subjectType=tool', () => ({ path: `/api/threads?subjectType=tool&subjectId=${la}` }), MAY_READ],
    ['GET /api/threads/{id}', () => ({ path: `/api/threads/${laThread}` }), MAY_READ],
    ['GET /api/threads/{id}/messages', () => ({ path: `/api/threads/${laThread}/messages` }), MAY_READ],
    ['GET /api/messages/{id}/revisions', () => ({ path: `/api/messages/${laMessage}/revisions` }), MAY_READ],
    ['POST /api/threads/{id}/messages', () => ({ path: `/api/threads/${laThread}/messages`, body: { body: `reply ${n()}` } }), MAY_READ],
    ['POST /api/threads (on the tool)', () => ({ path: '/api/threads', body: { subjectType: 'tool', subjectId: la, title: `Another ${n()}`, body: 'hello' } }), MAY_READ],
    ['PUT /api/tools/{slug}/design/sections/{key}', () => ({ path: `/api/tools/${la}/design/sections/problem`, body: { body: `text ${n()}`, baseRevision: 0 } }), MAY_READ],
    ['PUT /api/tools/{slug}/adoptions/{organisationId}', () => ({ path: `/api/tools/${la}/adoptions/${orgId}`, body: { status: 'uses' } }), ['la staff', 'admin']],
  ];

  it.each(LA_ROUTES)('%s', async (route, call, allowed) => {
    const ok: Reader[] = [];
    for (const reader of READERS) {
      const { path, body } = call();
      const res = await as[reader].request(route.split(' ')[0], path, body);
      expect(res.status).toBeLessThan(500);
      if (res.status === 403) expect(res.body.error.message).toMatch(/local authority staff only|verified/);
      if (res.status !== 401 && res.status !== 403) ok.push(reader);
    }
    expect(ok).toEqual(allowed);
  });

  it('GET /api/tools/{slug} gives everyone else only its name, summary, access and how to get access', async () => {
    for (const reader of READERS) {
      const res = await as[reader].get(`/api/tools/${la}`);
      expect(res.status).toBe(200);
      if (MAY_READ.includes(reader)) expect(res.body.tool).toMatchObject({ description: SECRET, access: 'local_authority' });
      else expect(res.body).toEqual({ restricted: true, tool: { slug: la, name: 'LA only tool', summary: 'A tool kept to local authority staff.', access: 'local_authority', howToGetAccess: expect.stringContaining('local authority staff only') } });
    }
  });

  it('lists (catalogue, facets, an authority’s tools, threads) leave it out for everyone else', async () => {
    await adminAll.put(`/api/tools/${la}/adoptions/${orgId}`, { status: 'uses' });
    for (const reader of READERS) {
      const listed = [
        (await as[reader].get('/api/tools?limit=100')).body.items.some((x: { slug: string }) => x.slug === la),
        (await as[reader].get(`/api/tools?q=${encodeURIComponent('LA only tool')}`)).body.items.some((x: { slug: string }) => x.slug === la),
        (await as[reader].get(`/api/organisations/${orgId}/tools`)).body.items.some((x: { tool: { slug: string } }) => x.tool.slug === la),
        (await as[reader].get('/api/threads?limit=100')).body.items.some((x: { id: number }) => x.id === laThread),
      ];
      expect({ reader, listed }).toEqual({ reader, listed: MAY_READ.includes(reader) ? [true, true, true, true] : [false, false, false, false] });
    }
  });

  it('its socket topics (and their replay) are for its readers only', async () => {
    for (const topic of [`tool:${la}`, `thread:${laThread}`]) {
      const ok: Reader[] = [];
      for (const reader of READERS) {
        const r = connect(t.url, reader === 'anonymous' ? {} : { cookie: as[reader].cookie });
        sockets.push(r);
        const ack = await subscribe(r.socket, topic, 0);
        if (ack.ok) {
          ok.push(reader);
          await received(r, topic, ack.seq!);
        } else expect(ack.error).toMatch(/local authority staff only/);
        if (!ack.ok) expect(r.events.filter((e) => e.topic === topic)).toEqual([]);
        r.socket.disconnect();
      }
      expect({ topic, ok }).toEqual({ topic, ok: MAY_READ });
    }
  });

  it('its live design document (design:join) is for its readers only', async () => {
    const ok: Reader[] = [];
    for (const reader of READERS) {
      const r = connect(t.url, reader === 'anonymous' ? {} : { cookie: as[reader].cookie });
      sockets.push(r);
      await subscribe(r.socket, 'catalogue');
      const ack = await r.socket.timeout(5000).emitWithAck('design:join', { slug: la, key: 'problem' });
      if (ack.ok) ok.push(reader);
      else expect(ack.error).toMatch(/local authority staff only/);
      r.socket.disconnect();
    }
    expect(ok).toEqual(MAY_READ);
  });

  it('notifications about it reach only its readers', async () => {
    for (const reader of READERS.slice(1)) expect((await as[reader].put(`/api/watches/tool/${la}`, { level: 'watching' })).status).toBeLessThan(500);
    expect((await adminAll.post(`/api/tools/${la}/releases`, { version: '1.1.0', notes: 'more' })).status).toBe(201);
    await settled(t.db, worker);
    const told: Reader[] = [];
    for (const reader of READERS.slice(1)) {
      const inbox = (await as[reader].get('/api/notifications')).body.items as { url: string | null; title: string }[];
      if (inbox.some((x) => x.url === `/tools/${la}` && x.title.includes('1.1.0'))) told.push(reader);
    }
    expect(told).toEqual(MAY_READ);
  }, 60_000);

  it('followers of a public tool who may not read it stop receiving the moment it is kept to local authority staff', async () => {
    const slug = `la-later-${process.pid}`;
    expect((await adminAll.post('/api/tools', { slug, name: 'LA later', summary: 'Public first, then kept to staff.', description: 'Open for now.' })).status).toBe(201);
    const thread = (await adminAll.post('/api/threads', { subjectType: 'tool', subjectId: slug, title: 'About LA later', body: 'hello' })).body.thread.id as number;
    const topics = [`tool:${slug}`, `thread:${thread}`];
    const followers = READERS.map((reader) => ({ reader, r: connect(t.url, reader === 'anonymous' ? {} : { cookie: as[reader].cookie }) }));
    sockets.push(...followers.map((f) => f.r));
    for (const { r } of followers) for (const topic of topics) expect((await subscribe(r.socket, topic)).ok).toBe(true);

    expect((await adminAll.patch(`/api/tools/${slug}`, { access: 'local_authority', description: `${SECRET} later` })).status).toBe(200);
    // The instance stops them following (an access change is rechecked as it arrives), readers keep following.
    const delivery = t.app.get(DeliveryService);
    const server = (t.app.get(DeliveryService) as unknown as { server: { sockets: { sockets: Map<string, unknown> } } }).server;
    const following = (id: string, topic: string) => delivery.following(server.sockets.sockets.get(id) as never, topic as never);
    await eventually(() => {
      for (const { reader, r } of followers) for (const topic of topics) expect({ reader, topic, following: following(r.socket.id!, topic) }).toEqual({ reader, topic, following: MAY_READ.includes(reader) });
    });
    const message = (await adminAll.post(`/api/threads/${thread}/messages`, { body: `${SECRET} after` })).body.message;
    await received(followers.find((f) => f.reader === 'la staff')!.r, `thread:${thread}`, message.seq);
    for (const { reader, r } of followers) {
      await flushed(r.socket);
      const leaked = r.events.filter((e) => JSON.stringify(e).includes(SECRET)).map((e) => `${e.type} on ${e.topic}`);
      expect({ reader, leaked: leaked.length > 0 }).toEqual({ reader, leaked: MAY_READ.includes(reader) });
    }
  });

  // Last: it takes the staff member's verification away.
  it('the personal-data export leaves out its shared documents once the person can no longer read it', async () => {
    expect((await as['la staff'].post(`/api/tools/${la}/releases`, { version: '1.2.0', notes: `${SECRET} release` })).status).toBe(201);
    const exported = async () => JSON.stringify((await as['la staff'].get('/api/me/export')).body.sections.toolReleases ?? []);
    expect(await exported()).toContain(`${SECRET} release`);
    await t.db.query(`UPDATE users SET email_verified_at = NULL WHERE id = $1`, [userIds['la staff']]);
    expect(await exported()).not.toContain(SECRET);
  });
});
