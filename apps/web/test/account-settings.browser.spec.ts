/// <reference lib="dom" />
/**
 * The account page and the emailed-link pages in a real browser, under the web client's CSP, with a
 * real SMTP server on loopback: the strength hint, forgot and set a new password, confirming the
 * address, changing name, password and address, signing out one other session, and access tokens.
 */
import { type Browser, type Page } from 'playwright-core';
import { expectTitle, launchChromium, pageSignedInAs } from './browser';
import { Client, isolated, newUser, startApp } from '../../api/test/harness';
import { Mailbox } from '../../api/test/mailbox';

let app: { url: string; close(): Promise<void> };
let browser: Browser;
const mailbox = new Mailbox();
/** Set SCREENSHOTS=dir to keep a picture of each step. */
const shots = process.env.SCREENSHOTS;
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

beforeAll(async () => {
  const smtp = await mailbox.start();
  app = await startApp({ ...(await isolated('account-settings-browser')), SMTP_URL: smtp });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await mailbox.close();
});

async function registered(displayName: string) {
  const input = newUser({ displayName });
  const client = new Client(app.url);
  expect((await client.post('/api/auth/register', input)).status).toBe(201);
  return { input, client };
}

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url });
  return context.newPage();
}

test('forgot password: ask for a link, set a new password with a strength hint, sign in with it', async () => {
  const { input, client } = await registered('Robin Forgetful');
  const page = await freshPage();
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expectTitle(page, 'Reset your password – Data Tools Commons');
  await page.getByLabel('Email address').fill(input.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await shot(page, 'forgot-sent');

  const { url } = await mailbox.link(input.email, 2);
  await page.goto(url);
  await expectTitle(page, 'Set a new password – Data Tools Commons');
  const password = page.getByLabel('New password');
  await password.fill('Password1!');
  await page.locator('#password-after').getByText('Strength: Weak').waitFor();
  await shot(page, 'reset-weak-hint');
  await page.getByRole('button', { name: 'Set password' }).click();
  await page.locator('#password-error').getByText(/too easy to guess/).waitFor();

  await password.fill('heron lantern quietly');
  await page.locator('#password-after').getByText(/Strength: (Strong|Very strong)/).waitFor();
  await page.getByRole('button', { name: 'Set password' }).click();
  await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor();
  await shot(page, 'reset-done');
  expect((await client.get('/api/auth/me')).status).toBe(401);

  await page.getByRole('link', { name: 'Sign in' }).last().click();
  await page.getByLabel('Email address').fill(input.email);
  await page.getByLabel('Password', { exact: true }).fill('heron lantern quietly');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('banner').getByText('Robin Forgetful').waitFor();
  await page.context().close();
});

test('the confirmation link confirms the address; a used link says so', async () => {
  const { input, client } = await registered('Cass Confirm');
  const page = await pageSignedInAs(browser, app.url, client);
  await page.goto('/account');
  await page.getByText('Not confirmed').waitFor();
  const { url } = await mailbox.link(input.email);
  await page.goto(url);
  await expectTitle(page, 'Email address confirmed – Data Tools Commons');
  await shot(page, 'email-confirmed');
  await page.getByRole('link', { name: 'Go to your account' }).click();
  await page.getByText('Confirmed', { exact: true }).waitFor();
  await page.goto(url);
  await expectTitle(page, 'This link does not work – Data Tools Commons');
  await page.context().close();
});

test('the account page: name, password, email, sessions and access tokens', async () => {
  const { input, client } = await registered('Ada Account');
  const other = new Client(app.url);
  await other.request('POST', '/api/auth/login', { email: input.email, password: input.password }, { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Firefox/130.0' });
  const page = await pageSignedInAs(browser, app.url, client);
  await page.goto('/account');
  await expectTitle(page, 'Your account – Data Tools Commons');

  // Name.
  await page.getByLabel('Name', { exact: true }).fill('Ada Renamed');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByText('Your name has been changed.').waitFor();
  await page.getByRole('banner').getByText('Ada Renamed').waitFor();

  // Sessions: sign out the other browser only.
  await page.getByRole('cell', { name: 'Firefox on Windows', exact: true }).waitFor();
  await page.getByText('This browser').waitFor();
  await shot(page, 'account-page');
  await page.getByRole('row', { name: /Firefox on Windows/ }).getByRole('button', { name: /Sign out this one/ }).click();
  await page.getByRole('cell', { name: 'Firefox on Windows', exact: true }).waitFor({ state: 'detached' });
  expect((await other.get('/api/auth/me')).status).toBe(401);
  expect((await client.get('/api/auth/me')).status).toBe(200);

  // Access tokens: shown once, reads, revoked.
  await page.getByLabel('Token name').fill('Power BI dashboard');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = await page.getByLabel('Your new token').inputValue();
  expect(token).toMatch(/^cdt_/);
  await shot(page, 'token-created');
  const read = await fetch(`${app.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(read.status).toBe(200);
  await page.getByRole('button', { name: 'Revoke Power BI dashboard' }).click();
  await page.getByRole('cell', { name: 'Power BI dashboard', exact: true }).waitFor({ state: 'detached' });
  expect((await fetch(`${app.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

  // Password, with the hint and the server's word on a weak one.
  await page.getByLabel('Current password').fill(input.password);
  await page.getByLabel('New password').fill('qwerty1234');
  await page.locator('#newPassword-after').getByText(/Strength: (Very weak|Weak)/).waitFor();
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.locator('#newPassword-error').getByText(/too easy to guess/).waitFor();
  await page.getByLabel('New password').fill('marble orchard sixpence');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Your password has been changed.').waitFor();
  expect((await new Client(app.url).post('/api/auth/login', { email: input.email, password: 'marble orchard sixpence' })).status).toBe(200);

  // Email address: a link to the new one.
  const newEmail = `ada.moved.${Date.now()}@example.org`;
  await page.getByText('Change your email address').click();
  await page.getByLabel('New email address').fill(newEmail);
  await page.getByLabel('Your password', { exact: true }).fill('marble orchard sixpence');
  await page.getByRole('button', { name: 'Send confirmation link' }).click();
  await page.getByText(`We have sent a link to ${newEmail}`).waitFor();
  const { url } = await mailbox.link(newEmail);
  await page.goto(url);
  await page.getByText(newEmail).waitFor();
  await page.goto('/account');
  await page.getByText(newEmail).waitFor();
  await page.context().close();
});

test('registering shows the strength hint as the password is typed', async () => {
  const page = await freshPage();
  await page.goto('/register');
  await page.getByLabel('Your name').fill('Sam Strength');
  await page.getByLabel('Password', { exact: true }).fill('letmein12345');
  await page.locator('#password-after').getByText(/Strength: (Very weak|Weak)/).waitFor();
  await page.getByLabel('Password', { exact: true }).fill('gravel teapot nineteen');
  await page.locator('#password-after').getByText(/Strength: (Strong|Very strong)/).waitFor();
  await shot(page, 'register-hint');
  await page.context().close();
});
