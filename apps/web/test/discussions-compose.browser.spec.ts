/// <reference lib="dom" />
// (the page.evaluate callbacks run in the browser)
/**
 * The message box in a real browser against the real API and worker: Markdown preview, drafts that
 * survive navigation and reload, @-mention autocomplete over all members by keyboard (a readable
 * mention in the box, a mention notification for the person), the personal-data warning, and the
 * shortcuts. Needs dist/web (npm run build:web) and chromium.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { launchChromium } from './browser';
import { mentionToken, personalDataHoldWarning } from '@commons/domain';
import { eventually, isolated, signedIn, startApp, startWorker, type TestApp } from '../../api/test/harness';

let app: TestApp;
let worker: INestApplicationContext;
let browser: Browser;
const contexts: BrowserContext[] = [];
const PASSWORD = 'a sensible passphrase';
const run = Date.now().toString(36);

beforeAll(async () => {
  const own = await isolated('discussions-compose');
  app = await startApp(own);
  worker = await startWorker(own);
  browser = await launchChromium();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await app?.close();
});

/** A member registered over HTTP, in a fresh browser context holding their sign-in cookie (the form has its own tests). */
async function member(displayName: string) {
  const { client, user } = await signedIn(app.url, { displayName, password: PASSWORD });
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  const [name, ...value] = client.cookie.split('=');
  await context.addCookies([{ name, value: value.join('='), url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  page.on('pageerror', (e) => console.error(`[${displayName}] page error`, e));
  return { client, user, page, requests };
}

async function thread(client: Awaited<ReturnType<typeof member>>['client'], title: string) {
  const res = await client.post('/api/threads', { subjectType: 'general', title, body: 'Opening message' });
  expect(res.status).toBe(201);
  return res.body.thread.id as number;
}

const messageWith = (page: Page, text: string) => page.locator('article.app-message', { hasText: text });
const drafts = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('commons.draft')));

test('preview renders like a message; the draft survives navigation and reload; Ctrl+Enter sends and clears it', async () => {
  const pat = await member('Pat Previewer');
  const title = `Drafts ${run}`;
  const threadId = await thread(pat.client, title);
  await pat.page.goto(`/threads/${threadId}`);
  const box = pat.page.getByLabel('Message', { exact: true });
  await box.fill('We check the **census** <img src=x onerror="window.pwned=1"> [docs](javascript:alert(1))');

  // Preview: the messages' renderer, so Markdown shows and raw HTML or script links do not run.
  await pat.page.getByRole('tab', { name: 'Preview' }).click();
  const preview = pat.page.getByRole('tabpanel', { name: 'Preview' });
  await preview.locator('strong', { hasText: 'census' }).waitFor();
  expect(await preview.locator('img').count()).toBe(0);
  expect(await preview.locator('a[href^="javascript"]').count()).toBe(0);
  expect(await pat.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(await box.isVisible()).toBe(false);
  await pat.page.locator('.app-composer').screenshot({ path: '/tmp/compose-preview.png' });
  // Esc in the preview goes back to writing; the shortcuts are listed by the box
  await preview.press('Escape');
  await box.waitFor({ state: 'visible' });
  await pat.page.locator('.app-compose__help', { hasText: 'Ctrl+Enter' }).getByText('kept as a draft on this device only').waitFor();

  // The draft is kept across a reload and across navigation, per thread.
  await box.fill('Half-written thoughts about *episodes*');
  await pat.page.reload();
  expect(await box.inputValue()).toBe('Half-written thoughts about *episodes*');
  const other = await thread(pat.client, `Another ${run}`);
  await pat.page.goto(`/threads/${other}`);
  await messageWith(pat.page, 'Opening message').waitFor();
  expect(await pat.page.getByLabel('Message', { exact: true }).inputValue()).toBe('');
  await pat.page.goBack();
  await pat.page.getByRole('heading', { level: 1, name: title }).waitFor();
  expect(await box.inputValue()).toBe('Half-written thoughts about *episodes*');
  expect(await drafts(pat.page)).toEqual([`commons.draft.v1:${pat.user.id}:thread:${threadId}`]);

  // Ctrl+Enter sends; the draft goes with it.
  await box.press('Control+Enter');
  await messageWith(pat.page, 'Half-written thoughts about').locator('em', { hasText: 'episodes' }).waitFor();
  expect(await box.inputValue()).toBe('');
  expect(await drafts(pat.page)).toEqual([]);
  await pat.page.reload();
  expect(await box.inputValue()).toBe('');
});

test('@-mention autocomplete by keyboard over all members inserts a readable mention that notifies the person', async () => {
  // Helen never posted in the thread: the list still offers her.
  const helen = await signedIn(app.url, { displayName: `Helen Quill${run}` });
  await signedIn(app.url, { displayName: `Helena Quillfeather${run}` });
  const sam = await member('Sam Mentioner');
  const threadId = await thread(sam.client, `Mentions ${run}`);
  await sam.page.goto(`/threads/${threadId}`);
  const box = sam.page.getByLabel('Message', { exact: true });

  await box.pressSequentially('Thanks @Hel', { delay: 20 });
  const list = sam.page.getByRole('listbox', { name: 'People to mention' });
  const helenOption = list.getByRole('option', { name: `Helen Quill${run}` });
  await list.getByRole('option', { name: `Helena Quillfeather${run}` }).waitFor();
  await sam.page.getByRole('status').filter({ hasText: /people match/ }).waitFor();
  expect(await box.getAttribute('aria-expanded')).toBe('true');
  expect(await box.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
  // the first is active; arrows move, and wrap
  const activeName = async () => sam.page.locator(`#${await box.getAttribute('aria-activedescendant')}`).innerText();
  const first = await activeName();
  await box.press('ArrowDown');
  expect(await activeName()).not.toBe(first);
  await box.press('ArrowDown');
  expect(await activeName()).toBe(first);
  await box.press('ArrowUp');
  expect(await activeName()).not.toBe(first);
  // typing on narrows the list
  await box.pressSequentially('en Qu', { delay: 20 });
  await eventually(async () => expect(await list.getByRole('option').allInnerTexts()).toEqual([`Helen Quill${run}`]));
  expect(await activeName()).toBe(`Helen Quill${run}`);
  expect(await helenOption.getAttribute('aria-selected')).toBe('true');
  await sam.page.locator('.app-composer').screenshot({ path: '/tmp/compose-mention-list.png' });
  await box.press('Enter');
  expect(await box.inputValue()).toBe(`Thanks @Helen Quill${run} `);
  await list.waitFor({ state: 'detached' });
  expect(await box.getAttribute('aria-expanded')).toBe('false');

  // Esc closes the list and leaves the text alone; a second Esc leaves the box.
  await box.pressSequentially('and @Hel', { delay: 20 });
  await list.waitFor();
  await box.press('Escape');
  await list.waitFor({ state: 'detached' });
  expect(await box.inputValue()).toBe(`Thanks @Helen Quill${run} and @Hel`);
  expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
  await box.press('Escape');
  expect(await box.evaluate((el) => el === document.activeElement)).toBe(false);

  // Sent, the readable mention is the machine form the API reads; Helen is told.
  await box.fill(`Thanks @Helen Quill${run}, see the notes`);
  await box.press('Control+Enter');
  await messageWith(sam.page, 'see the notes').locator('strong', { hasText: `@Helen Quill${run}` }).waitFor();
  const sent = sam.requests.find((r) => r.method() === 'POST' && r.url().endsWith(`/api/threads/${threadId}/messages`));
  expect(sent?.postDataJSON().body).toBe(`Thanks ${mentionToken({ id: helen.user.id, displayName: `Helen Quill${run}` })}, see the notes`);
  const told = await eventually(async () => {
    const res = await helen.client.get('/api/notifications');
    const found = res.body.items.find((n: { kind: string }) => n.kind === 'mention');
    expect(found).toBeDefined();
    return found;
  });
  expect(told.title).toBe(`Sam Mentioner mentioned you in “Mentions ${run}”`);
  await sam.page.screenshot({ path: '/tmp/compose-mention-sent.png' });

  // Editing shows the mention readable again, and keeps it a mention.
  await messageWith(sam.page, 'see the notes').getByRole('button', { name: 'Edit your message' }).click();
  const edit = sam.page.getByRole('textbox', { name: 'Edit your message' });
  expect(await edit.inputValue()).toBe(`Thanks @Helen Quill${run}, see the notes`);
  await edit.press('End');
  await edit.pressSequentially(' again', { delay: 10 });
  await edit.press('Control+Enter');
  await messageWith(sam.page, 'see the notes again').locator('strong', { hasText: `@Helen Quill${run}` }).waitFor();
  const saved = sam.requests.find((r) => r.method() === 'PATCH' && r.url().includes('/api/messages/'));
  expect(saved?.postDataJSON().body).toBe(`Thanks ${mentionToken({ id: helen.user.id, displayName: `Helen Quill${run}` })}, see the notes again`);
});

test('the box warns about personal data as it is typed, and a new thread keeps its draft', async () => {
  const kim = await member('Kim Careful');
  const threadId = await thread(kim.client, `Warnings ${run}`);
  await kim.page.goto(`/threads/${threadId}`);
  const box = kim.page.getByLabel('Message', { exact: true });
  await box.fill('The child with NHS number 943 476 5919 moved');
  const warning = kim.page.locator('#composer-body-warning');
  await warning.getByText(personalDataHoldWarning(['nhs_number']).slice(0, 'This looks like an NHS number'.length)).waitFor();
  expect(await box.getAttribute('aria-describedby')).toContain('composer-body-warning');
  await kim.page.locator('.app-composer').screenshot({ path: '/tmp/compose-warning.png' });
  await box.fill('Nothing personal here');
  await warning.getByText('This looks like').waitFor({ state: 'detached' });

  // The new-thread form: title and message kept across a reload, gone once the thread starts.
  await kim.page.goto('/discussions');
  await kim.page.getByRole('button', { name: 'Start a thread' }).click();
  await kim.page.getByLabel('Title').fill(`Kept title ${run}`);
  await kim.page.getByLabel('First message').fill('Kept **body**');
  await kim.page.reload();
  await kim.page.getByRole('button', { name: 'Start a thread' }).click();
  expect(await kim.page.getByLabel('Title').inputValue()).toBe(`Kept title ${run}`);
  expect(await kim.page.getByLabel('First message').inputValue()).toBe('Kept **body**');
  expect(await drafts(kim.page)).toContain(`commons.draft.v1:${kim.user.id}:new:general:`);
  await kim.page.screenshot({ path: '/tmp/compose-new-thread.png' });
  await kim.page.getByLabel('First message').press('Control+Enter');
  await kim.page.waitForURL(/\/threads\/\d+$/, { timeout: 10_000 }).catch(async (e) => {
    throw new Error(`${e}; the page shows: ${await kim.page.locator('main').innerText()}`);
  });
  await kim.page.getByRole('heading', { level: 1, name: `Kept title ${run}` }).waitFor();
  await messageWith(kim.page, 'Kept').locator('strong', { hasText: 'body' }).waitFor();
  expect((await drafts(kim.page)).filter((k) => k.includes(':new:'))).toEqual([]);
});
