/// <reference lib="dom" />
/**
 * Personal data in fields everyone sees, in a real browser: the writer is warned as they type (by the
 * detector, loaded only then, in a chunk of its own), and what the API refuses is shown next to the field.
 * Needs dist/web (npm run build:web) and the chromium binary.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './browser';
import { signedIn, startApp, type TestApp } from '../../api/test/harness';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

const REFUSED = 'This looks like personal data (an NHS number). Remove it before saving.';

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await app?.close();
});

/** A fresh member's page, with the script files it has asked for. */
async function member(): Promise<{ page: Page; scripts: string[] }> {
  const { client } = await signedIn(app.url, { displayName: 'Pat Writer' });
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  const [name, value] = client.cookie.split('=');
  await context.addCookies([{ name, value, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return { page, scripts };
}

const detectorLoaded = (scripts: string[]) => scripts.some((s) => /\/assets\/personalDataDetector-[\w-]+\.js$/.test(s));

test('a thread title with an NHS number: warned while typing, refused next to the field, never listed', async () => {
  const { page, scripts } = await member();
  const title = `TITLE ${Date.now()}: child NHS 943 476 5919`;
  await page.goto('/discussions');
  await page.getByRole('button', { name: 'Start a thread' }).click();
  const form = page.getByRole('form', { name: 'Start a thread' });
  await form.getByLabel('Title').waitFor();
  // Nothing typed yet: the detector has not been fetched.
  expect(detectorLoaded(scripts)).toBe(false);

  await form.getByLabel('Title').fill(title);
  const warning = form.locator('#thread-title-after .govuk-warning-text');
  await warning.waitFor();
  expect(await warning.innerText()).toContain(REFUSED);
  expect(detectorLoaded(scripts)).toBe(true);
  expect(await form.locator('#thread-title-after [aria-live="polite"]').count()).toBe(1);
  expect(await form.getByLabel('Title').getAttribute('aria-describedby')).toContain('thread-title-after');

  // The first message is held rather than refused, so its warning says so.
  await form.getByLabel('First message').fill('The child with NHS number 943 476 5919 is missing from the return');
  await form.locator('#thread-body-after .govuk-warning-text', { hasText: 'a moderator checks it before anyone else can see it' }).waitFor();
  await form.getByLabel('First message').fill('Which rule catches a missing placement end date?');
  await form.locator('#thread-body-after .govuk-warning-text').waitFor({ state: 'detached' });
  await page.screenshot({ path: '/tmp/personal-data-thread-warning.png', fullPage: true });

  await form.getByRole('button', { name: 'Start the thread' }).click();
  await form.locator('#thread-title-error', { hasText: REFUSED }).waitFor();
  await page.locator('.govuk-error-summary', { hasText: REFUSED }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/discussions');
  await page.screenshot({ path: '/tmp/personal-data-thread-refused.png', fullPage: true });

  // Taking the number out clears the warning, and the thread starts.
  await form.getByLabel('Title').fill('Missing placement end dates');
  await form.locator('#thread-title-after .govuk-warning-text').waitFor({ state: 'detached' });
  await form.getByRole('button', { name: 'Start the thread' }).click();
  await page.waitForURL(/\/threads\/\d+$/);
  const anonymous = await fetch(`${app.url}/api/threads?subjectType=general&limit=100`).then((r) => r.text());
  expect(anonymous).not.toContain('943 476 5919');
});

test('a tool description with an NHS number: warned while typing and refused next to the field', async () => {
  const { page } = await member();
  await page.goto('/tools/new');
  const form = page.getByRole('form', { name: 'Propose a tool' });
  await form.getByLabel('Name', { exact: true }).fill(`Return checker ${Date.now()}`);
  await form.getByLabel('Summary').fill('Checks a return before it is sent to the DfE.');
  await form.getByLabel('Description (optional)').fill('Built after the record of 943 476 5919 failed validation.');
  const warning = form.locator('#description-after .govuk-warning-text');
  await warning.waitFor();
  expect(await warning.innerText()).toContain(REFUSED);
  expect(await form.locator('#summary-after .govuk-warning-text').count()).toBe(0);
  await page.screenshot({ path: '/tmp/personal-data-tool-warning.png', fullPage: true });

  await form.getByRole('button', { name: 'Propose tool' }).click();
  await form.locator('#description-error', { hasText: REFUSED }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/tools/new');
  await page.screenshot({ path: '/tmp/personal-data-tool-refused.png', fullPage: true });

  await form.getByLabel('Description (optional)').fill('Built after a record failed validation.');
  await form.getByRole('button', { name: 'Propose tool' }).click();
  await page.waitForURL(/\/tools\/return-checker-\d+$/);
});
