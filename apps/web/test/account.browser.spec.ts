/// <reference lib="dom" />
/**
 * The account page in a real browser, under the web client's CSP: download my data, log out everywhere
 * (another browser of the same person is signed out live), delete the account with the password.
 */
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, expectTitle, pageSignedInAs } from './browser';
import { Client, isolated, newUser, startApp } from '../../api/test/harness';

let app: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  app = await startApp(await isolated('account-browser'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A browser of its own, signed in as `input` (the session cookie from a real sign-in). */
async function signedInPage(input: { email: string; password: string }): Promise<Page> {
  const client = new Client(app.url);
  const res = await client.post('/api/auth/login', { email: input.email, password: input.password });
  if (res.status !== 200) throw new Error(`login ${res.status}`);
  return pageSignedInAs(browser, app.url, client);
}

const header = (page: Page) => page.getByRole('banner');

test('log out everywhere signs out this browser and, live, the other one', async () => {
  const input = newUser({ displayName: 'Pat Everywhere' });
  expect((await new Client(app.url).post('/api/auth/register', input)).status).toBe(201);
  const here = await signedInPage(input);
  const elsewhere = await signedInPage(input);
  await elsewhere.goto('/tools');
  await header(elsewhere).getByText('Pat Everywhere').waitFor();

  await here.goto('/');
  await header(here).getByRole('link', { name: 'Pat Everywhere' }).click();
  await here.waitForURL(`${app.url}/account`);
  await expectTitle(here, 'Your account – Data Tools Commons');
  expect(await here.getByRole('link', { name: 'Download my data' }).getAttribute('href')).toBe('/api/me/export');
  const exported = await here.evaluate(async () => (await fetch('/api/me/export')).json());
  expect(exported.user.displayName).toBe('Pat Everywhere');

  await here.getByRole('button', { name: 'Log out everywhere' }).click();
  await here.waitForURL(`${app.url}/sign-in`);
  await header(here).getByRole('link', { name: 'Sign in' }).waitFor();
  // The other browser hears it on its user topic and signs out without a reload.
  await header(elsewhere).getByRole('link', { name: 'Sign in' }).waitFor();
  await here.context().close();
  await elsewhere.context().close();
});

test('deleting the account needs the password, then signs out for good', async () => {
  const input = newUser({ displayName: 'Lee Leaving' });
  expect((await new Client(app.url).post('/api/auth/register', input)).status).toBe(201);
  const page = await signedInPage(input);
  await page.goto('/account');
  const password = page.getByLabel('Enter your password to confirm');
  const remove = page.getByRole('button', { name: 'Delete my account' });

  await remove.click();
  await page.locator('#password-error').waitFor();
  await expectTitle(page, 'Error: Your account – Data Tools Commons');

  await password.fill('not my password');
  await remove.click();
  await page.locator('#password-error').getByText('The password is wrong').waitFor();

  await password.fill(input.password);
  await remove.click();
  await page.waitForURL(`${app.url}/`);
  await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
  expect((await new Client(app.url).post('/api/auth/login', { email: input.email, password: input.password })).status).toBe(401);
  await page.context().close();
});
