import type { INestApplicationContext } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { mentionToken } from '@commons/domain';
import { EmailService } from '../src/notifications/email.service';
import { Client, connect, eventually, isolated, Received, settled as waitSettled, signedIn, signedInAdmin, startApp, startWorker, subscribe, TestApp } from './harness';

/**
 * Removed means gone: once a message is held, hidden, rejected, deleted or redacted, its earlier text is
 * nowhere a reader other than a moderator can look — replay from seq 0, the thread's pages, the edit
 * history, notifications, exports, search, and emails not yet sent.
 */

let t: TestApp;
let worker: INestApplicationContext;
let smtp: SMTPServer;
let admin: Client;
const mails: { to: string[]; text: string }[] = [];
const sockets: Received[] = [];
const settled = () => waitSettled(t.db, worker);

/** Letters only, so no detector takes it for an identifier. */
function marker() {
  return `marker${Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
}

/** A random valid NHS number, written 3-3-4 (outside the 999 test range). */
function nhsNumber() {
  for (;;) {
    const digits = [4, ...Array.from({ length: 8 }, () => Math.floor(Math.random() * 10))];
    const check = (11 - (digits.reduce((sum, d, i) => sum + d * (10 - i), 0) % 11)) % 11;
    if (check === 10) continue;
    const s = [...digits, check].join('');
    return `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`;
  }
}

/** Quoted-printable undone, so a marker split over a soft line break is still found. */
function decode(raw: string) {
  return Buffer.from(raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text: decode(Buffer.concat(chunks).toString('latin1')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  // A database of its own: the digest goes to everyone in it who chose email.
  const env = { ...(await isolated('removal')), SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Commons <commons@example.org>', MESSAGE_RATE_PER_MINUTE: '1000' };
  t = await startApp(env);
  worker = await startWorker({ ...env, PUBLIC_ORIGIN: t.url });
  admin = await signedInAdmin(t.url);
});
afterEach(() => sockets.splice(0).forEach((s) => s.socket.disconnect()));
afterAll(async () => {
  await worker?.close();
  await t?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

interface Scene {
  poster: Awaited<ReturnType<typeof signedIn>>;
  watcher: Awaited<ReturnType<typeof signedIn>>;
  mentioned: Awaited<ReturnType<typeof signedIn>>;
  threadId: number;
}

async function post(s: Scene, body: string) {
  const res = await s.poster.client.post(`/api/threads/${s.threadId}/messages`, { body: `${body} ${mentionToken({ id: s.mentioned.user.id, displayName: 'Mentioned' })}` });
  // Shown at first: what is removed later was public.
  expect([res.status, res.body.message.state]).toEqual([201, 'visible']);
  return res.body.message as { id: number };
}

async function edit(s: Scene, id: number, body: string) {
  const res = await s.poster.client.patch(`/api/messages/${id}`, { body });
  expect(res.status).toBe(200);
  return res.body.message as { state: string };
}

/** A moderator decides the message's open flag item (an edit with personal data, or a member's flag, made it). */
async function decide(id: number, decision: 'reject' | 'redact') {
  const [item] = await t.db.query(`SELECT id FROM moderation_items WHERE subject_type = 'message' AND subject_id = $1 AND reason = 'flag'`, [id]);
  expect((await admin.post(`/api/moderation/items/${item.id}/decision`, { decision })).status).toBe(200);
}

/** How each removal happens, and the texts that must then be gone (`kept`: what readers see instead). */
const removals: [string, (s: Scene) => Promise<{ id: number; gone: string[]; heldForAuthor?: string; kept?: string }>][] = [
  [
    'held by the check',
    async (s) => {
      const m = marker();
      const { id } = await post(s, `This validator is fucking useless ${m}`);
      await settled();
      expect((await t.db.query(`SELECT state FROM messages WHERE id = $1`, [id]))[0].state).toBe('held');
      return { id, gone: [m], heldForAuthor: m };
    },
  ],
  [
    'hidden on edit',
    async (s) => {
      const [before, after, nhs] = [marker(), marker(), nhsNumber()];
      const { id } = await post(s, `The plan for Tuesday ${before}`);
      await settled();
      expect((await edit(s, id, `Update ${after}: the child is NHS number ${nhs}`)).state).toBe('held');
      return { id, gone: [before, after, nhs], heldForAuthor: after };
    },
  ],
  [
    'flagged by a member',
    async (s) => {
      const [before, after] = [marker(), marker()];
      const { id } = await post(s, `Budget figures ${before}`);
      await settled();
      await edit(s, id, `Budget figures, revised ${after}`);
      // A flag holds the message at once, before any moderator looks.
      expect((await s.watcher.client.post(`/api/messages/${id}/flags`, { reason: 'personal_data' })).status).toBe(202);
      return { id, gone: [before, after], heldForAuthor: after };
    },
  ],
  [
    'rejected by a moderator',
    async (s) => {
      const [before, after] = [marker(), marker()];
      const { id } = await post(s, `Our counts look odd ${before}`);
      await settled();
      await edit(s, id, `Our counts look odd, see ${after}`);
      expect((await s.watcher.client.post(`/api/messages/${id}/flags`, { reason: 'other' })).status).toBe(202);
      await decide(id, 'reject');
      return { id, gone: [before, after] };
    },
  ],
  [
    'deleted by its author',
    async (s) => {
      const [before, after] = [marker(), marker()];
      const { id } = await post(s, `Meeting notes ${before}`);
      await settled();
      await edit(s, id, `Meeting notes, corrected ${after}`);
      await settled();
      expect((await s.poster.client.delete(`/api/messages/${id}`)).status).toBe(204);
      return { id, gone: [before, after] };
    },
  ],
  [
    'redacted by a moderator',
    async (s) => {
      const [before, nhs] = [marker(), nhsNumber()];
      const { id } = await post(s, `Referral notes ${before}`);
      await settled();
      expect((await edit(s, id, `Referral for the child with NHS number ${nhs} is late`)).state).toBe('held');
      await decide(id, 'redact');
      return { id, gone: [before, nhs], kept: '[NHS number removed]' };
    },
  ],
];

describe('removed means gone', () => {
  it.each(removals)('%s: no reader but moderators finds the earlier text anywhere', async (_name, remove) => {
    const poster = await signedIn(t.url, { displayName: 'Pat Poster' });
    const watcher = await signedIn(t.url, { displayName: 'Wes Watcher' });
    const mentioned = await signedIn(t.url, { displayName: 'Mia Mentioned' });
    for (const who of [watcher, mentioned]) expect((await who.client.put('/api/notifications/preferences', { email: 'on' })).status).toBe(200);
    const created = await poster.client.post('/api/threads', { subjectType: 'general', title: 'Placement returns this quarter', body: 'Opening the thread' });
    const threadId = created.body.thread.id as number;
    await settled();
    expect((await watcher.client.put(`/api/watches/thread/${threadId}`, { level: 'watching' })).status).toBe(200);
    const scene = { poster, watcher, mentioned, threadId };

    const { id, gone, heldForAuthor, kept } = await remove(scene);
    await settled();
    // Still news after the removal: the watcher's digest has something in it.
    const still = (await poster.client.post(`/api/threads/${threadId}/messages`, { body: 'Still on the agenda for Thursday' })).body.message;
    await settled();

    const leaks: string[] = [];
    const look = (where: string, value: unknown) => {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      for (const g of gone) if (text.includes(g)) leaks.push(`${where}: ${g}`);
    };
    const anonymous = new Client(t.url);
    for (const [who, client] of [
      ['anonymous', anonymous],
      ['watcher', watcher.client],
      ['mentioned', mentioned.client],
    ] as const) {
      const replay = connect(t.url, client.cookie ? { cookie: client.cookie } : {});
      sockets.push(replay);
      const ack = await subscribe(replay.socket, `thread:${threadId}`, 0);
      expect(ack.ok).toBe(true);
      // Every event stays (seqs gapless), without the text.
      await eventually(() => expect(replay.events.map((e) => e.seq)).toEqual(Array.from({ length: ack.seq! }, (_, i) => i + 1)));
      look(`${who} replay`, replay.events);
      for (const path of [
        `/api/threads/${threadId}/messages`,
        `/api/threads/${threadId}/messages?after=0`,
        `/api/messages/${id}/revisions`,
        `/api/threads/${threadId}`,
        '/api/threads?subjectType=general&limit=100',
        ...gone.map((g) => `/api/tools?q=${encodeURIComponent(g)}`),
      ]) {
        look(`${who} GET ${path}`, (await client.get(path)).body);
      }
      if (who !== 'anonymous') {
        look(`${who} notifications`, (await client.get('/api/notifications?limit=100')).body);
        look(`${who} export`, (await client.get('/api/me/export')).body);
      }
    }
    // What the author may still see: a held message, theirs, as today; never a removed one's history.
    if (!heldForAuthor) {
      look('author revisions', (await poster.client.get(`/api/messages/${id}/revisions`)).body);
      look('author export', (await poster.client.get('/api/me/export')).body);
    }

    // Email not yet sent: the digest leaves out news of a message that has since gone from view.
    const digest = await worker.get(EmailService).digest();
    expect(digest.sent).toBeGreaterThanOrEqual(1);
    const toWatcher = mails.filter((m) => m.to.includes(watcher.user.email));
    expect(toWatcher.some((m) => m.text.includes(`#message-${still.id}`))).toBe(true);
    if (!kept) expect(toWatcher.filter((m) => m.text.includes(`#message-${id}`))).toEqual([]);
    for (const m of mails) look(`mail to ${m.to.join(', ')}`, m.text);

    expect(leaks).toEqual([]);

    // So the checks above could fail: moderators still have the text; a held message's author sees it too.
    const forModerators = JSON.stringify((await admin.get(`/api/threads/${threadId}/messages`)).body) + JSON.stringify((await admin.get(`/api/messages/${id}/revisions`)).body);
    expect(forModerators).toContain(gone[0]);
    if (heldForAuthor) expect(JSON.stringify((await poster.client.get(`/api/threads/${threadId}/messages`)).body)).toContain(heldForAuthor);
    if (kept) expect(JSON.stringify((await anonymous.get(`/api/threads/${threadId}/messages`)).body)).toContain(kept);
  }, 60_000);
});
