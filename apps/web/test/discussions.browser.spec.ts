/// <reference lib="dom" />
// (the page.evaluate callbacks run in the browser)
/**
 * Discussions in a real browser against the real API: two members open the same thread; one types
 * (the other sees "… is typing"), sends a message, and it appears for the other without a reload;
 * a reply (with its parent quoted) and a reaction show up live too; the composer checks an empty
 * message with the shared schema and sends nothing. Needs dist/web (npm run build:web) and chromium.
 */
import { type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { launchChromium } from './browser';
import { CreateThreadInput, PostMessageInput, fieldsFromIssues } from '@commons/domain';
import { ADMIN, eventually, signedIn, startApp, type TestApp, isolated } from '../../api/test/harness';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const PASSWORD = 'a sensible passphrase';

beforeAll(async () => {
  // the scrolling test posts more messages than a person may in a minute
  const own = await isolated('discussions-browser');
  app = await startApp({ ...own, MESSAGE_RATE_PER_MINUTE: '1000' });
  browser = await launchChromium();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A member registered over HTTP, signed in through the page of a fresh browser context. */
async function member(displayName: string) {
  const { client, user } = await signedIn(app.url, { displayName, password: PASSWORD });
  return { client, user, ...(await signInPage(displayName, user.email, PASSWORD)) };
}

async function signInPage(displayName: string, email: string, password: string) {
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  page.on('pageerror', (e) => console.error(`[${displayName}] page error`, e));
  await page.goto('/sign-in');
  await page.locator('main').getByLabel('Email address').fill(email);
  await page.locator('main').getByLabel('Password', { exact: true }).fill(password);
  await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${app.url}/`);
  return { page, requests };
}

const messageWith = (page: Page, text: string) => page.locator('article.app-message', { hasText: text });

/** Opens the thread through the menu and the list, as a member would. */
async function openThread(page: Page, title: string) {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: /Discussions/ }).click();
  await page.waitForURL(`${app.url}/discussions`);
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.locator('article.app-message').first().waitFor();
}

test('two members chat in a thread live: typing, a message, a reply and a reaction', async () => {
  const alex = await member('Alex Author');
  const sam = await member('Sam Reader');

  const title = `Census validation ${Date.now().toString(36)}`;
  const created = await alex.client.post('/api/threads', { subjectType: 'general', title, kind: 'question', body: 'How do you all check the **census** return?' });
  expect(created.status).toBe(201);
  const threadId: number = created.body.thread.id;

  await openThread(alex.page, title);
  await openThread(sam.page, title);
  expect(sam.page.url()).toBe(`${app.url}/threads/${threadId}`);
  await messageWith(sam.page, 'How do you all check the').locator('strong', { hasText: 'census' }).waitFor(); // Markdown rendered
  // Marks the document: had the page reloaded to show new messages, the mark would be gone.
  await sam.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // Both are here.
  await sam.page.getByTestId('presence').getByText('2 people here').waitFor();

  // Alex types: Sam sees it.
  const composer = alex.page.getByLabel('Message', { exact: true });
  await composer.pressSequentially('We run the', { delay: 20 });
  await sam.page.getByTestId('typing').getByText('Alex Author is typing…').waitFor({ timeout: 3000 });
  await sam.page.screenshot({ path: '/tmp/discussions-typing.png' });

  // Alex sends: it reaches Sam within a second, once.
  const text = `We run the validator every Monday ${Date.now().toString(36)}`;
  await composer.fill(text);
  const sentAt = Date.now();
  await alex.page.getByRole('button', { name: 'Send', exact: true }).click();
  await messageWith(sam.page, text).waitFor({ timeout: 1000 });
  expect(Date.now() - sentAt).toBeLessThan(1000);
  await messageWith(alex.page, text).waitFor();
  expect(await composer.inputValue()).toBe('');
  // the message ends the typing line
  await sam.page.getByTestId('typing').getByText('Alex Author is typing…').waitFor({ state: 'detached', timeout: 1000 });
  expect(await messageWith(sam.page, text).count()).toBe(1);
  expect(await messageWith(alex.page, text).count()).toBe(1);

  // Sam replies to it: Alex sees the reply with the parent quoted.
  await messageWith(sam.page, text).getByRole('button', { name: 'Reply to Alex Author' }).click();
  const replyBox = sam.page.getByLabel('Your reply', { exact: true });
  await replyBox.fill('Mondays work for us too, ');
  // "@" and a name offers members; Enter inserts the mention as people read it
  await replyBox.pressSequentially('@Alex Au', { delay: 20 });
  await sam.page.getByRole('listbox', { name: 'People to mention' }).getByRole('option', { name: 'Alex Author' }).waitFor();
  await replyBox.press('Enter');
  expect(await replyBox.inputValue()).toBe('Mondays work for us too, @Alex Author ');
  await sam.page.getByRole('button', { name: 'Send', exact: true }).click();
  const reply = messageWith(alex.page, 'Mondays work for us too');
  await reply.waitFor({ timeout: 2000 });
  await reply.locator('.app-message__quote', { hasText: 'Replying to Alex Author' }).waitFor();
  expect(await reply.locator('.app-message__quote').innerText()).toContain('We run the validator every Monday');
  await reply.locator('.app-message__body strong', { hasText: '@Alex Author' }).waitFor();

  // Alex reacts to the reply: Sam sees the count and who.
  await reply.locator('button.app-reaction[data-emoji="👍"]').click();
  const samsView = messageWith(sam.page, 'Mondays work for us too').locator('button.app-reaction[data-emoji="👍"]');
  await samsView.locator('.app-reaction__count', { hasText: '1' }).waitFor({ timeout: 2000 });
  expect(await samsView.getAttribute('title')).toContain('Alex Author');
  expect(await samsView.getAttribute('aria-pressed')).toBe('false');
  expect(await reply.locator('button.app-reaction[data-emoji="👍"]').getAttribute('aria-pressed')).toBe('true');

  // A message that looks like it holds personal data is held: its author sees it tagged, Alex not at all.
  await sam.page.getByLabel('Message', { exact: true }).fill('The child with NHS number 943 476 5919 is missing');
  await sam.page.getByRole('button', { name: 'Send', exact: true }).click();
  const held = messageWith(sam.page, 'The child with NHS number');
  await held.getByText('Held for review: it may contain personal data').waitFor();
  await alex.page.waitForTimeout(500);
  expect(await messageWith(alex.page, 'The child with NHS number').count()).toBe(0);

  // Nothing was reloaded, and no message shows twice.
  expect(await sam.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  const ids = await sam.page.locator('article.app-message').evaluateAll((els) => els.map((e) => e.getAttribute('data-message-id')));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toHaveLength(4);
  await sam.page.screenshot({ path: '/tmp/discussions-thread-sam.png' });
  await alex.page.screenshot({ path: '/tmp/discussions-thread-alex.png' });
});

test('the composer shows the shared schema’s error for an empty message and sends nothing', async () => {
  const parsed = PostMessageInput.safeParse({ body: '   ' });
  if (parsed.success) throw new Error('the shared schema accepts a blank message');
  const expected = fieldsFromIssues(parsed.error.issues).body;

  const alex = await member('Alex Empty');
  const title = `Empty messages ${Date.now().toString(36)}`;
  const created = await alex.client.post('/api/threads', { subjectType: 'general', title, body: 'First message' });
  expect(created.status).toBe(201);
  await alex.page.goto(`/threads/${created.body.thread.id}`);
  await messageWith(alex.page, 'First message').waitFor();

  await alex.page.getByLabel('Message', { exact: true }).fill('   ');
  await alex.page.getByRole('button', { name: 'Send', exact: true }).click();
  const error = alex.page.locator('#composer-body-error');
  await error.waitFor();
  expect(await error.innerText()).toContain(expected);
  expect(await alex.page.getByLabel('Message', { exact: true }).getAttribute('aria-describedby')).toContain('composer-body-error');
  expect(alex.requests.filter((r) => r.method() === 'POST' && r.url().includes('/messages'))).toEqual([]);
  await alex.page.locator('.app-composer').screenshot({ path: '/tmp/discussions-composer-error.png' });
});

test('a long thread: opens at the latest, loads older on scroll-up keeping the place, counts new messages below, jumps to the first unread', async () => {
  const alex = await member('Alex Poster');
  const sam = await member('Sam Scroller');
  const title = `Long thread ${Date.now().toString(36)}`;
  const created = await alex.client.post('/api/threads', { subjectType: 'general', title, body: 'Message number 1' });
  expect(created.status).toBe(201);
  const threadId: number = created.body.thread.id;
  for (let n = 2; n <= 70; n++) {
    const res = await alex.client.post(`/api/threads/${threadId}/messages`, { body: `Message number ${n}` });
    expect(res.status).toBe(201);
  }
  // Sam has read the first ten.
  expect((await sam.client.put(`/api/threads/${threadId}/read`, { seq: 10 })).status).toBe(200);

  // The list and the menu show what is unread.
  await sam.page.goto('/discussions');
  const row = sam.page.locator('li.app-thread-row', { hasText: title });
  await row.locator('.app-unread-badge', { hasText: '60 new' }).waitFor();
  await sam.page.getByTestId('unread-total').waitFor();
  expect(Number(await sam.page.getByTestId('unread-total').evaluate((el) => el.firstChild?.textContent))).toBeGreaterThanOrEqual(60);
  await sam.page.screenshot({ path: '/tmp/discussions-list.png' });

  await row.getByRole('link', { name: title }).click();
  await sam.page.locator('article[data-seq="70"]', { hasText: 'Message number 70' }).waitFor();
  const scroller = sam.page.locator('.app-thread__scroll');
  // Opened at the bottom, with the latest page only; reading the bottom recorded seq 70.
  expect(await scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(40);
  expect(await sam.page.locator('article[data-seq="1"]').count()).toBe(0);
  const reads = () => sam.requests.filter((r) => r.method() === 'PUT' && r.url().endsWith(`/api/threads/${threadId}/read`)).map((r) => r.postDataJSON().seq);
  await eventually(() => expect(reads()).toEqual([70]));

  // Scrolling to the top loads older messages above, and what Sam was looking at stays put.
  const anchor = sam.page.locator('article[data-seq="21"]');
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await sam.page.locator('article[data-seq="1"]', { hasText: 'Message number 1' }).waitFor();
  await sam.page.getByText('This is the start of the thread.').waitFor();
  const top = await anchor.evaluate((el) => el.getBoundingClientRect().top - el.closest('.app-thread__scroll')!.getBoundingClientRect().top);
  expect(Math.abs(top)).toBeLessThan(200);
  expect(await sam.page.locator('article.app-message').count()).toBe(70);

  // Scrolled up, new messages do not move the view: they are counted below.
  const before = await scroller.evaluate((el) => el.scrollTop);
  await alex.client.post(`/api/threads/${threadId}/messages`, { body: 'Message number 71' });
  await alex.client.post(`/api/threads/${threadId}/messages`, { body: 'Message number 72' });
  const pill = sam.page.getByRole('button', { name: '2 new messages ↓' });
  await pill.waitFor({ timeout: 2000 });
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(before);
  await sam.page.screenshot({ path: '/tmp/discussions-new-below.png' });
  await pill.click();
  expect(await scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(40);
  await pill.waitFor({ state: 'detached' });

  // The unread divider sits before message 11; the jump brings it into view.
  await sam.page.getByRole('button', { name: 'Jump to first unread' }).click();
  const divider = sam.page.locator('.app-unread-divider');
  expect(await divider.evaluate((el) => el.nextElementSibling?.textContent)).toContain('Message number 11');
  const inView = await divider.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const view = el.closest('.app-thread__scroll')!.getBoundingClientRect();
    return box.top >= view.top && box.bottom <= view.bottom;
  });
  expect(inView).toBe(true);
  await sam.page.screenshot({ path: '/tmp/discussions-unread.png' });
});

test('starting a thread from /discussions checks the fields with the shared schema, then opens the thread', async () => {
  const parsed = CreateThreadInput.safeParse({ subjectType: 'general', title: '', kind: 'discussion', body: '' });
  if (parsed.success) throw new Error('the shared schema accepts an empty thread');
  const expected = fieldsFromIssues(parsed.error.issues);

  const alex = await member('Alex Starter');
  await alex.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: /Discussions/ }).click();
  await alex.page.getByRole('heading', { level: 1, name: 'Discussions' }).waitFor();
  await alex.page.getByRole('button', { name: 'Start a thread' }).click();
  await alex.page.getByRole('button', { name: 'Start the thread' }).click();
  await alex.page.locator('#thread-title-error', { hasText: expected.title }).waitFor();
  await alex.page.locator('#thread-body-error', { hasText: expected.body }).waitFor();
  await alex.page.locator('.govuk-error-summary').getByRole('link', { name: expected.title }).waitFor();
  expect(alex.requests.filter((r) => r.method() === 'POST' && r.url().endsWith('/api/threads'))).toEqual([]);
  await alex.page.screenshot({ path: '/tmp/discussions-start-errors.png' });

  const title = `Sharing SQL for the SSDA903 ${Date.now().toString(36)}`;
  await alex.page.getByLabel('Title').fill(title);
  await alex.page.getByLabel('Question').check();
  await alex.page.getByLabel('First message').fill('Has anyone got a *tidy* query for episodes?');
  await alex.page.getByRole('button', { name: 'Start the thread' }).click();
  await alex.page.waitForURL(/\/threads\/\d+$/);
  await alex.page.getByRole('heading', { level: 1, name: title }).waitFor();
  await messageWith(alex.page, 'Has anyone got a').locator('em', { hasText: 'tidy' }).waitFor();
  await alex.page.locator('.app-thread__meta .govuk-tag', { hasText: 'Question' }).waitFor();

  // The author of a question marks the accepted answer (a reply, never the question itself).
  expect(await messageWith(alex.page, 'Has anyone got a').getByRole('button', { name: 'Mark as accepted answer' }).count()).toBe(0);
  await alex.page.getByLabel('Message', { exact: true }).fill('Found one: use the `episodes` view');
  await alex.page.keyboard.press('Control+Enter');
  await messageWith(alex.page, 'Found one').getByRole('button', { name: 'Mark as accepted answer' }).click();
  await alex.page.locator('article.app-message--accepted').getByText('Accepted answer', { exact: true }).waitFor();
  await alex.page.screenshot({ path: '/tmp/discussions-started.png' });

  // Anyone may read, live; taking part needs signing in.
  const context = await browser.newContext({ baseURL: app.url });
  contexts.push(context);
  const reader = await context.newPage();
  await reader.goto(alex.page.url());
  await messageWith(reader, 'Found one').getByText('Accepted answer', { exact: true }).waitFor();
  await reader.getByText('to reply.').waitFor();
  expect(await reader.locator('#composer-body').count()).toBe(0);
  expect(await reader.getByText('Live updates are not available').count()).toBe(0);
  await alex.page.getByLabel('Message', { exact: true }).fill('Shared it on the wiki too');
  await alex.page.getByRole('button', { name: 'Send', exact: true }).click();
  await messageWith(reader, 'Shared it on the wiki too').waitFor({ timeout: 2000 });
});

test('edits with history, reports, and a moderator pinning, locking and deleting, all seen live', async () => {
  const alex = await member('Alex Editor');
  const title = `Moderated thread ${Date.now().toString(36)}`;
  const created = await alex.client.post('/api/threads', { subjectType: 'general', title, body: 'Welcome, everyone' });
  const threadId: number = created.body.thread.id;
  await alex.client.post(`/api/threads/${threadId}/messages`, { body: 'Original wording' });
  const admin = await signInPage('Admin', ADMIN.email, ADMIN.password);

  await alex.page.goto(`/threads/${threadId}`);
  await admin.page.goto(`/threads/${threadId}`);
  await messageWith(alex.page, 'Original wording').waitFor();
  await messageWith(admin.page, 'Original wording').waitFor();

  // Alex edits; the admin sees the new text live, marked edited, with the old one in its history.
  await messageWith(alex.page, 'Original wording').getByRole('button', { name: 'Edit your message' }).click();
  await alex.page.getByLabel('Edit your message').fill('Better wording');
  await alex.page.getByRole('form', { name: 'Edit message' }).getByRole('button', { name: 'Save' }).click();
  const edited = messageWith(admin.page, 'Better wording');
  await edited.waitFor({ timeout: 2000 });
  await edited.getByRole('button', { name: /edited/ }).click();
  await edited.locator('.app-message__history', { hasText: 'Original wording' }).waitFor();
  expect(await admin.page.locator('article.app-message').count()).toBe(2);

  // The admin reports it: a reason is needed first.
  await edited.getByRole('button', { name: /Report/ }).click();
  await edited.getByRole('button', { name: 'Report', exact: true }).click();
  await edited.getByText('Select why you are reporting this message').waitFor();
  await edited.getByLabel('Why are you reporting this message?').selectOption('spam');
  await edited.getByRole('button', { name: 'Report', exact: true }).click();
  await edited.getByText('A moderator will look at this message').waitFor();
  await admin.page.screenshot({ path: '/tmp/discussions-moderator.png' });

  // Pin and lock: Alex sees both live, and the composer gives way.
  await admin.page.getByRole('button', { name: 'Pin this thread' }).click();
  await alex.page.locator('.app-thread__meta .govuk-tag', { hasText: 'Pinned' }).waitFor({ timeout: 2000 });
  await admin.page.getByRole('button', { name: 'Lock this thread' }).click();
  await alex.page.getByText('This thread is locked.').waitFor({ timeout: 2000 });
  expect(await alex.page.locator('#composer-body').count()).toBe(0);

  // The admin deletes Alex's message: it goes for Alex too.
  await edited.getByRole('button', { name: /^Delete/ }).click();
  await edited.getByRole('button', { name: 'Yes, delete' }).click();
  await messageWith(alex.page, 'This message was deleted.').waitFor({ timeout: 2000 });
  expect(await messageWith(alex.page, 'Better wording').count()).toBe(0);
  await alex.page.screenshot({ path: '/tmp/discussions-locked.png' });
});
