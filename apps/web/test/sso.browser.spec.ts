/// <reference lib="dom" />
/**
 * Single sign-on in Chromium against a real OpenID provider (oidc-provider) on loopback, on another
 * site (localhost vs 127.0.0.1): the person starts on a page, signs in through the provider and lands
 * back on that page; a password sign-in from a page's "Sign in" link returns there too. Needs dist/web
 * (npm run build:web) and the chromium binary.
 */
import type { Browser, Page } from 'playwright-core';
import { expectTitle, launchChromium, pageSignedInAs } from './browser';
import { Client, signedIn, signedInAdmin, startApp, type TestApp } from '../../api/test/harness';
import { startProvider, type TestProvider } from '../../api/test/oidc-provider';

let provider: TestProvider;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  provider = await startProvider('localhost');
  app = await startApp({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_DISPLAY_NAME: 'Test ID' });
  provider.register(`${app.url}/api/auth/oidc/callback`);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await provider?.close();
});

async function newPage(): Promise<Page> {
  return (await browser.newContext({ baseURL: app.url })).newPage();
}

const header = (page: Page) => page.getByRole('banner');

test('signing in with the provider from a page lands back on that page, signed in', async () => {
  const tid = crypto.randomUUID();
  const [organisation] = await app.db.query(`SELECT id, name FROM organisations WHERE kind = 'local_authority' ORDER BY id LIMIT 1 OFFSET 7`);
  expect((await (await signedInAdmin(app.url)).post('/api/admin/sso/tenants', { tenant: tid, organisationId: organisation.id })).status).toBe(201);
  const email = `sso-browser-${tid}@council.example.gov.uk`;
  provider.signInAs({ sub: tid, email, email_verified: true, name: 'Casey Council', tid });

  const page = await newPage();
  await page.goto('/tools?q=ofsted');
  await header(page).getByRole('link', { name: 'Sign in' }).click();
  await expectTitle(page, 'Sign in – Data Tools Commons');
  expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/tools?q=ofsted');

  await page.getByRole('button', { name: 'Sign in with Test ID' }).click();
  // The provider's own page, on its own site.
  await page.waitForURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.waitForURL(`${app.url}/tools?q=ofsted`);
  await header(page).getByText('Casey Council').waitFor();
  const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
  expect(me.user).toMatchObject({ email, organisationId: organisation.id, organisationVerified: true, emailVerified: true });
});

test('a refused single sign-on comes back to the sign-in page saying why, and the way back is kept', async () => {
  const { user } = await signedIn(app.url);
  provider.signInAs({ sub: crypto.randomUUID(), email: user.email, email_verified: false, name: 'Not Vouched' });
  const page = await newPage();
  await page.goto('/discussions');
  await header(page).getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign in with Test ID' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/sign-in\?sso=email-in-use/);
  await page.getByRole('alert').getByText('An account with your email address already exists').waitFor();
  await expectTitle(page, 'Error: Sign in – Data Tools Commons');
  expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/discussions');
});

test('a password sign-in from a page that asks for one returns to that page', async () => {
  const account = { email: `pw-${crypto.randomUUID()}@example.org`, password: 'a sensible passphrase', displayName: 'Pat Password' };
  expect((await new Client(app.url).post('/api/auth/register', account)).status).toBe(201);
  const page = await newPage();
  await page.goto('/initiatives/new');
  // The page's own prompt (SignInPrompt), not the header link.
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await expectTitle(page, 'Sign in – Data Tools Commons');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('main').getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${app.url}/initiatives/new`);
  await header(page).getByText('Pat Password').waitFor();
});

test('the register page offers single sign-on too, keeping the way back', async () => {
  const page = await newPage();
  await page.goto('/tools');
  await header(page).getByRole('link', { name: 'Register' }).click();
  await expectTitle(page, 'Create an account – Data Tools Commons');
  expect(await page.getByRole('link', { name: 'sign in with Test ID' }).getAttribute('href')).toBe('/api/auth/oidc/login?returnTo=%2Ftools');
});

test('without single sign-on configured the sign-in page offers only the password', async () => {
  const plain = await startApp({ OIDC_ISSUER: '', OIDC_CLIENT_ID: '' });
  try {
    const page = await (await browser.newContext({ baseURL: plain.url })).newPage();
    await page.goto('/sign-in');
    await expectTitle(page, 'Sign in – Data Tools Commons');
    await page.getByLabel('Email address').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: /Sign in with/ }).count()).toBe(0);
    await page.goto('/register');
    await expectTitle(page, 'Create an account – Data Tools Commons');
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(/sign in with/i).count()).toBe(0);
  } finally {
    await plain.close();
  }
});

test('an admin maps a tenant to an organisation at /admin/sso, and removes it', async () => {
  const tid = crypto.randomUUID();
  const [organisation] = await app.db.query(`SELECT id, name FROM organisations WHERE kind = 'local_authority' ORDER BY id LIMIT 1 OFFSET 11`);
  const page = await pageSignedInAs(browser, app.url, await signedInAdmin(app.url));
  page.on('dialog', (d) => void d.accept());
  await page.goto('/admin/sso');
  await expectTitle(page, 'Single sign-on – Data Tools Commons');
  await page.getByText('People can sign in with Test ID').waitFor();

  await page.getByRole('button', { name: 'Map tenant' }).click();
  await page.getByRole('link', { name: 'Enter the tenant ID' }).waitFor();

  await page.getByLabel('Tenant ID').fill(tid.toUpperCase());
  await page.getByLabel('Organisation').selectOption(String(organisation.id));
  await page.getByRole('button', { name: 'Map tenant' }).click();
  const row = page.getByRole('row').filter({ hasText: tid });
  await row.getByText(organisation.name).waitFor();
  expect(await app.db.query(`SELECT organisation_id FROM organisation_sso_tenants WHERE tenant = $1`, [tid])).toEqual([{ organisation_id: organisation.id }]);

  await row.getByRole('button', { name: `Remove ${tid}` }).click();
  await row.waitFor({ state: 'detached' });
  expect(await app.db.query(`SELECT 1 FROM organisation_sso_tenants WHERE tenant = $1`, [tid])).toEqual([]);
});
