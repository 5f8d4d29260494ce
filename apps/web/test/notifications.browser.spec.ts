/**
 * The header's notification count is live: an admin's role change reaches the worker's fan-out job,
 * whose notification appears in the open page without a reload. Needs dist/web and chromium.
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { expectUnread, launchChromium, pageSignedInAs } from './browser';
import { eventually, settled, signedIn, signedInAdmin, startApp, startWorker, TestApp, isolated } from '../../api/test/harness';

let app: TestApp;
let worker: INestApplicationContext;
let browser: Browser;

beforeAll(async () => {
  // Its own database and Redis prefix: other files' events must not reach this page (see isolated).
  const own = await isolated('notifications-browser');
  app = await startApp(own);
  worker = await startWorker(own);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await app?.close();
});

it('shows a new notification in the header at once, and clears it when read', async () => {
  const { client, user } = await signedIn(app.url, { displayName: 'Nell Notified' });
  const page = await pageSignedInAs(browser, app.url, client);
  await page.goto('/');
  await page.getByText('Signed in as Nell Notified').waitFor();
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await expect(page.getByTestId('notifications-unread').count()).resolves.toBe(0);

  const admin = await signedInAdmin(app.url);
  const id = user.id;
  await admin.put(`/api/users/${id}/roles`, { roles: ['moderator'] });

  await expectUnread(page, 1);
  // Same page, no reload: the marker survives.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  await page.getByTestId('notifications-link').click();
  await page.getByText('Your roles are now: moderator').waitFor();
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await page.getByText('Nothing unread.').waitFor();
  await expect(page.getByTestId('notifications-unread').count()).resolves.toBe(0);
});

it('watches a thread from its page: each new message there lights the bell live; the settings page lists it and changes it', async () => {
  const { client: wanda } = await signedIn(app.url, { displayName: 'Wanda Watcher' });
  const page = await pageSignedInAs(browser, app.url, wanda);
  await page.goto('/');
  await page.getByText('Signed in as Wanda Watcher').waitFor();

  const other = await signedIn(app.url, { displayName: 'Otto Other' });
  const thread = (await other.client.post('/api/threads', { subjectType: 'general', title: 'Respite night counts', body: 'Where do we start?' })).body.thread;
  // The first message's fan-out finished before Wanda watches, so the counts below are exact.
  await settled(app.db, worker);
  await page.goto(`/threads/${thread.id}`);
  const level = page.getByLabel('Notifications from this page');
  await level.waitFor();
  expect(await level.inputValue()).toBe('normal');
  await level.selectOption('watching');
  await page.getByTestId('watch-control').getByRole('button', { name: 'Save notification setting' }).click();
  await page.getByTestId('watch-control').getByText('Saved').waitFor();
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));

  await other.client.post(`/api/threads/${thread.id}/messages`, { body: 'Start with the 903 return.' });
  await expectUnread(page, 1);
  await other.client.post(`/api/threads/${thread.id}/messages`, { body: 'And the episodes table.' });
  await expectUnread(page, 2);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);

  await page.getByTestId('notifications-link').click();
  await page.getByRole('link', { name: 'Notification settings' }).click();
  // No SMTP_URL in this test: the page says email is off.
  await page.getByTestId('email-unavailable').waitFor();
  const row = page.getByTestId('watch-row').filter({ hasText: 'Respite night counts' });
  const select = row.getByLabel('Notifications from Respite night counts');
  expect(await select.inputValue()).toBe('watching');
  await select.selectOption('muted');
  await eventually(async () => expect((await wanda.get(`/api/watches/thread/${thread.id}`)).body.level).toBe('muted'));
  await page.context().close();
});
