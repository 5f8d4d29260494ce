/// <reference lib="dom" />
// (the page.evaluate callbacks run in the browser)
/**
 * The web client against the real API in a real browser: register, sign out, sign in, client-side
 * validation from the shared schema, and the not-found page. Needs dist/web (npm run build:web) and
 * the chromium binary.
 */
import { type Browser, type Page, type Request } from 'playwright-core';
import { launchChromium, expectTitle } from './browser';
import { RegisterInput, fieldsFromIssues } from '@commons/domain';
import { startApp, isolated } from '../../api/test/harness';

let app: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  // Its own database and Redis prefix: other files' events must not reach this page (see isolated).
  const own = await isolated('auth-browser');
  app = await startApp(own);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A fresh page (own cookies) that records every request it makes. */
async function newPage(): Promise<{ page: Page; requests: Request[] }> {
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  return { page, requests };
}

/** GOV.UK's own typeface is not ours to use (src/app.css): no font file may be requested. */
function expectNoFontRequests(requests: Request[]) {
  expect(requests.map((r) => r.url()).filter((u) => /\.(woff2?|ttf|otf)(\?|$)/.test(u))).toEqual([]);
}

const header = (page: Page) => page.getByRole('banner');

test('a visitor registers, signs out and signs back in through the forms', async () => {
  const { page, requests } = await newPage();
  const name = 'Robin Test';
  const email = `web-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const password = 'a long enough passphrase';

  await page.goto('/register');
  await expectTitle(page, 'Create an account – Data Tools Commons');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await page.waitForURL(`${app.url}/`);
  await header(page).getByText(name).waitFor();

  await header(page).getByRole('button', { name: 'Sign out' }).click();
  await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
  expect(await header(page).getByText(name).count()).toBe(0);

  await header(page).getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL(`${app.url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.waitForURL(`${app.url}/`);
  await header(page).getByText(name).waitFor();

  // Still signed in after a full reload: the session cookie, not page state, carries it.
  await page.reload();
  await header(page).getByText(name).waitFor();

  expectNoFontRequests(requests);
  await page.context().close();
});

test('a too-short password shows the shared schema’s message without asking the server', async () => {
  const { page, requests } = await newPage();
  const input = { displayName: 'Robin Test', email: 'short-password@example.org', password: 'short' };
  const parsed = RegisterInput.safeParse(input);
  if (parsed.success) throw new Error('the shared schema accepts the short password this test relies on');
  const expected = fieldsFromIssues(parsed.error.issues).password;

  await page.goto('/register');
  await page.getByLabel('Your name').fill(input.displayName);
  await page.getByLabel('Email address').fill(input.email);
  await page.getByLabel('Password', { exact: true }).fill(input.password);
  await page.getByRole('button', { name: 'Create account' }).click();

  const inline = page.locator('#password-error');
  await inline.waitFor();
  expect(await inline.innerText()).toContain(expected);

  // The error summary takes focus and links to the field.
  const summary = page.locator('.govuk-error-summary');
  expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
  await summary.getByRole('link', { name: expected }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
  await expectTitle(page, 'Error: Create an account – Data Tools Commons');

  expect(requests.filter((r) => r.url().includes('/api/auth/register'))).toEqual([]);
  expectNoFontRequests(requests);
  await page.context().close();
});

test('an unknown address shows "Page not found"', async () => {
  const { page } = await newPage();
  await page.goto('/no-such-page/anywhere');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await expectTitle(page, 'Page not found – Data Tools Commons');
  await page.context().close();
});
