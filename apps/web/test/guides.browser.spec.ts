/// <reference lib="dom" />
/**
 * Guides in a real browser: a tool maintainer writes one linked to their tool and marks it reviewed; a
 * moderator turns a well-answered question into a guide from its draft; readers find both.
 * Needs dist/web (npm run build:web) and the chromium binary.
 */
import { type Browser, type BrowserContext } from 'playwright-core';
import { launchChromium, newPage } from './browser';
import { Client, isolated, signedIn, signedInAdmin, startApp, type TestApp } from '../../api/test/harness';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startApp(await isolated('guides-browser'));
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await app?.close();
});

const pageFor = (client: Client | null) => newPage(browser, app.url, client, contexts);

test('a maintainer writes a guide linked to their tool, edits it and marks it reviewed; readers see it', async () => {
  const m = await signedIn(app.url, { displayName: 'Mo Maintainer' });
  const slug = `guide-tool-${Date.now().toString(36)}`;
  await m.client.post('/api/tools', { slug, name: 'Guide Test Tool', summary: 'A tool for the guide browser test.' });
  const page = await pageFor(m.client);
  await page.goto('/guides');
  await page.getByRole('link', { name: 'Write a guide' }).click();
  const form = page.getByRole('form', { name: 'Write a guide' });
  await form.getByRole('button', { name: 'Publish guide' }).click();
  await form.locator('#title-error').waitFor();
  await form.getByLabel('Title').fill('Running the validator before a return');
  await form.getByLabel('Summary').fill('What to check, in which order, the week before a return is due.');
  await form.getByLabel('Guide', { exact: true }).fill('1. Run it on the **whole year**.\n2. Fix overlapping episodes first.');
  await form.getByLabel('Linked tools and initiatives (optional)').fill(`tool:${slug}`);
  await form.getByRole('button', { name: 'Publish guide' }).click();
  await page.waitForURL(/\/guides\/running-the-validator-before-a-return$/);
  await page.getByRole('heading', { level: 1, name: 'Running the validator before a return' }).waitFor();
  await page.locator('strong', { hasText: 'whole year' }).waitFor();
  await page.getByRole('link', { name: 'Guide Test Tool' }).waitFor();

  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Guide', { exact: true }).fill('1. Run it on the **whole year**.\n2. Fix overlapping episodes first.\n3. Then legal statuses.');
  await page.getByRole('button', { name: 'Save a new revision' }).click();
  await page.getByText('Then legal statuses.').waitFor();
  await page.getByText(/^2\. .* by Mo Maintainer$/).waitFor();
  await page.getByRole('button', { name: 'Mark as reviewed today' }).click();

  // A member who advises on nothing is told who writes guides, not offered a form that would refuse them.
  const plain = await pageFor((await signedIn(app.url)).client);
  await plain.goto('/guides');
  await plain.getByText('Guides are written by moderators, tool maintainers and initiative leaders.').waitFor();
  expect(await plain.getByRole('link', { name: 'Write a guide' }).count()).toBe(0);

  const reader = await pageFor(null);
  await reader.goto('/guides');
  await reader.getByRole('link', { name: 'Running the validator before a return' }).click();
  await reader.getByText('Owned by Mo Maintainer').waitFor();
  expect(await reader.getByRole('link', { name: 'Edit' }).count()).toBe(0);
});

test('a moderator turns a well-answered question into a guide that links back to it', async () => {
  const asker = await signedIn(app.url);
  const helper = await signedIn(app.url);
  const thread = (await asker.client.post('/api/threads', { subjectType: 'general', title: 'How do we report unaccompanied children?', kind: 'question', body: 'Which return carries them?' })).body.thread;
  const answer = (await helper.client.post(`/api/threads/${thread.id}/messages`, { body: 'They are in the SSDA903 return, with the UASC flag.' })).body.message;
  await asker.client.patch(`/api/threads/${thread.id}`, { acceptedMessageId: answer.id });

  const page = await pageFor(await signedInAdmin(app.url));
  await page.goto(`/guides/new?fromThread=${thread.id}`);
  await page.getByRole('heading', { name: 'Turn this question into a guide' }).waitFor();
  const form = page.getByRole('form', { name: 'Write a guide' });
  expect(await form.getByLabel('Title').inputValue()).toBe('How do we report unaccompanied children?');
  expect(await form.getByLabel('Guide', { exact: true }).inputValue()).toContain('They are in the SSDA903 return, with the UASC flag.');
  await form.getByLabel('Summary').fill('Where unaccompanied asylum-seeking children appear in the returns.');
  await form.getByRole('button', { name: 'Publish guide' }).click();
  await page.waitForURL(/\/guides\/how-do-we-report-unaccompanied-children$/);
  await page.getByRole('link', { name: 'How do we report unaccompanied children?' }).waitFor();
  await page.screenshot({ path: '.tmp/guide-page.png', fullPage: true });
});
