/// <reference lib="dom" />
/**
 * "You said, we did" in a real browser: a reader sends page feedback about a tool and asks to be told
 * what happens; a moderator links it from the moderation queue to the release that answers it; the
 * tool's page then shows what was asked and what was done.
 * Needs dist/web (npm run build:web) and the chromium binary.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { FEEDBACK_ROLES } from '@commons/domain';
import { launchChromium, newPage } from './browser';
import { Client, isolated, settled, signedIn, signedInAdmin, startApp, startWorker, type TestApp } from '../../api/test/harness';

let app: TestApp;
let worker: INestApplicationContext;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const env = await isolated('answers-browser');
  app = await startApp(env);
  worker = await startWorker(env);
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await worker?.close();
  await app?.close();
});

const pageFor = (client: Client | null) => newPage(browser, app.url, client, contexts);

test('feedback asking to be told is linked to a release by a moderator and shows on the tool page', async () => {
  const maintainer = await signedIn(app.url);
  const slug = `said-did-${Date.now().toString(36)}`;
  await maintainer.client.post('/api/tools', { slug, name: 'Said Did Tool', summary: 'A tool for the you-said-we-did test.' });
  await maintainer.client.post(`/api/tools/${slug}/releases`, { version: '2.0.0', notes: 'Exports to CSV' });

  const reader = await pageFor(null);
  await reader.goto(`/tools/${slug}`);
  await reader.getByRole('heading', { level: 1, name: 'Said Did Tool' }).waitFor();
  await reader.getByText('Help us improve this page', { exact: true }).first().click();
  const form = reader.getByRole('region', { name: 'Page feedback' });
  await form.getByLabel('Summary').fill('Please let us export the results to CSV');
  await form.getByLabel('Your role').selectOption(FEEDBACK_ROLES[0]);
  await form.getByLabel(/^Tell me what happens/).check();
  await form.getByRole('button', { name: 'Send feedback' }).click();
  // "Tell me" needs an address: the form says so next to the email field.
  await form.locator('#feedback-email-error', { hasText: 'Give your email address so we can tell you what happens' }).waitFor();
  await form.getByLabel('Email address (optional)').fill('reader@example.org');
  await form.getByRole('button', { name: 'Send feedback' }).click();
  await form.getByText(/feedback received/i).waitFor();
  await settled(app.db, worker);

  const moderator = await pageFor(await signedInAdmin(app.url));
  await moderator.goto('/moderation?state=all');
  const item = moderator.locator('li.app-item', { hasText: `/tools/${slug}` }).first();
  await item.getByRole('button', { name: 'Link to what answers it' }).click();
  await item.getByLabel('What answers it').selectOption({ label: 'Said Did Tool 2.0.0 (done)' });
  await item.getByRole('button', { name: 'Link', exact: true }).click();
  await item.getByText('Linked. It is done, so the people who asked have been told.').waitFor();

  await reader.goto(`/tools/${slug}`);
  const section = reader.getByRole('region', { name: 'You said, we did' });
  await section.getByText('“Please let us export the results to CSV”').waitFor();
  await section.getByRole('link', { name: 'Said Did Tool 2.0.0' }).waitFor();
  await section.getByText(/^Done/).waitFor();
  await section.screenshot({ path: '.tmp/you-said-we-did.png' });
  expect((await app.db.query(`SELECT tell_me, email FROM feedback WHERE page = $1`, [`/tools/${slug}`]))[0]).toEqual({ tell_me: true, email: 'reader@example.org' });
});
