/// <reference lib="dom" />
/**
 * The community pages in a real browser: a member raises a need, a verified member of a council backs
 * it for their authority and a second browser on the page sees the backing arrive; an admin moves it
 * on and links the discussion that takes it forward. The authorities page lists the 153, the home page
 * shows recent activity.
 * Needs dist/web (npm run build:web) and the chromium binary.
 */
import { type Browser, type BrowserContext } from 'playwright-core';
import { launchChromium, newPage } from './browser';
import { ADMIN, Client, isolated, signedIn, startApp, verifiedMemberOf, type TestApp } from '../../api/test/harness';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startApp(await isolated('community-browser'));
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await app?.close();
});

const pageFor = (client: Client | null) => newPage(browser, app.url, client, contexts);

const orgId = async (laCode: string) => (await app.db.query(`SELECT id FROM organisations WHERE la_code = $1`, [laCode]))[0].id as number;

test('a need is raised, backed by a council (seen live by another reader) and moved on by an admin', async () => {
  const author = await signedIn(app.url, { displayName: 'Ada Author' });
  const page = await pageFor(author.client);
  await page.goto('/ideas');
  await page.getByRole('link', { name: 'Raise a need or an idea' }).click();
  const form = page.getByRole('form', { name: 'Raise a need or an idea' });
  await form.getByRole('button', { name: 'Raise it' }).click();
  await form.locator('#title-error').waitFor();
  await form.getByLabel('Title').fill('One place to check the CIN census');
  await form.getByLabel('Describe it').fill('Every authority checks its CIN census return by hand in the week before it is due.');
  await form.getByRole('button', { name: 'Raise it' }).click();
  await page.waitForURL(/\/ideas\/\d+$/);
  await page.getByRole('heading', { name: 'Not backed yet' }).waitFor();
  // The author's organisation is self-declared: they are told why they cannot back it.
  await page.getByText('Only verified members of a local authority back ideas').waitFor();
  const url = new URL(page.url()).pathname;

  const backer = await signedIn(app.url, { displayName: 'Ben Backer' });
  await verifiedMemberOf(app, backer.client, await orgId('202'));
  const backerPage = await pageFor(backer.client);
  await backerPage.goto(url);
  await backerPage.getByRole('button', { name: 'Back this for your authority' }).click();
  await backerPage.getByRole('heading', { name: 'Backed by 1 authority in 1 region' }).waitFor();
  await backerPage.getByRole('button', { name: 'Withdraw your authority’s backing' }).waitFor();
  // The author's page, open all along, shows the backing without a reload.
  await page.getByRole('heading', { name: 'Backed by 1 authority in 1 region' }).waitFor();
  await page.getByRole('link', { name: 'Camden' }).waitFor();

  const admin = new Client(app.url);
  await admin.post('/api/auth/login', ADMIN);
  const thread = await author.client.post('/api/threads', { subjectType: 'general', title: 'Designing the CIN checker', kind: 'discussion', body: 'Design notes.' });
  const adminPage = await pageFor(admin);
  await adminPage.goto(url);
  const status = adminPage.getByRole('form', { name: 'Change status' });
  await status.getByLabel('Status').selectOption('in_design');
  await status.getByLabel('Taken forward in (optional)').selectOption('thread');
  await status.getByLabel('Which one').fill(String(thread.body.thread.id));
  await status.getByRole('button', { name: 'Save' }).click();
  await page.getByText('In design').first().waitFor();
  await page.getByRole('link', { name: `Discussion ${thread.body.thread.id}` }).waitFor();
  await page.screenshot({ path: '.tmp/idea-page.png', fullPage: true });
});

test('the authorities page lists the 153 by region and filters by name or code', async () => {
  const page = await pageFor(null);
  await page.goto('/authorities');
  await page.getByRole('status').filter({ hasText: '153 local authorities' }).waitFor();
  await page.getByRole('table', { name: /^London/ }).waitFor();
  await page.getByLabel('Find an authority by name or code').fill('E10000016');
  await page.getByRole('status').filter({ hasText: '1 of 153 local authorities' }).waitFor();
  await page.getByRole('link', { name: 'Kent' }).waitFor();
});

test('the home page shows recent activity and links into every part', async () => {
  const m = await signedIn(app.url);
  await m.client.post('/api/threads', { subjectType: 'general', title: 'Who else runs the 903 validator nightly?', kind: 'question', body: 'Asking for our team.' });
  const page = await pageFor(null);
  await page.goto('/');
  await page.getByRole('link', { name: 'Who else runs the 903 validator nightly?' }).waitFor();
  for (const name of ['initiatives', 'discussions', 'local authorities', 'other authorities’ needs and ideas']) await page.getByRole('link', { name }).first().waitFor();
  await page.screenshot({ path: '.tmp/home.png', fullPage: true });
});

test('a verified council member records the version their authority runs; the tool page shows versions in use', async () => {
  const maintainer = await signedIn(app.url);
  const slug = `versions-page-${Date.now().toString(36)}`;
  await maintainer.client.post('/api/tools', { slug, name: 'Versions Page Tool', summary: 'A tool for the versions browser test.' });
  for (const version of ['1.0.0', '2.0.0']) await maintainer.client.post(`/api/tools/${slug}/releases`, { version });
  const member = await signedIn(app.url);
  await verifiedMemberOf(app, member.client, await orgId('886'));
  const page = await pageFor(member.client);
  await page.goto(`/tools/${slug}`);
  await page.getByLabel('Your authority and this tool').selectOption('uses');
  const form = page.getByRole('form', { name: 'The version your authority runs' });
  await form.getByText('The latest release is 2.0.0.').waitFor();
  await form.getByLabel('The version your authority runs').fill('1.0.0');
  await form.getByRole('button', { name: 'Save version' }).click();
  const versions = page.getByTestId('versions-in-use');
  await versions.getByText('1.0.0 (1 authority)').waitFor();
  await versions.getByText('1 authority runs an older major version than the latest release, 2.0.0.').waitFor();
  await page.getByRole('link', { name: 'Kent' }).first().waitFor();
  await versions.screenshot({ path: '.tmp/versions-in-use.png' });
});
