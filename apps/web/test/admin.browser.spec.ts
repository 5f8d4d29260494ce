/// <reference lib="dom" />
/**
 * The admin screens and a local-authority-only tool in a real browser: an admin finds a self-declared member
 * (shown unverified), makes them a moderator and disables them (their open page is signed out at once),
 * adds and confirms a domain, and reads it all in the audit log; a tool kept to local authority staff shows
 * its name, summary and how to get access to everyone else, and everything to a verified council member.
 * Needs dist/web (npm run build) and the chromium binary.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './browser';
import { Client, signedIn, signedInAdmin, startApp, type TestApp, isolated, verifiedMemberOf } from '../../api/test/harness';

let app: TestApp;
let browser: Browser;
let admin: Client;
let camden: { id: number; name: string };
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startApp(await isolated('admin-browser'));
  browser = await launchChromium();
  admin = await signedInAdmin(app.url);
  [camden] = await app.db.query(`SELECT id, name FROM organisations WHERE la_code = '202'`);
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await app?.close();
});

async function pageAs(cookie?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1200, height: 900 } });
  contexts.push(context);
  if (cookie) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  }
  return context.newPage();
}

test('an admin manages people, domains and reads the audit log', async () => {
  const name = `Dana Declared ${Date.now()}`;
  const dana = await signedIn(app.url, { displayName: name, organisationId: camden.id });
  const danaPage = await pageAs(dana.client.cookie);
  await danaPage.goto('/tools');
  await danaPage.getByRole('link', { name }).waitFor();

  const page = await pageAs(admin.cookie);
  page.on('dialog', (d) => void d.accept());
  await page.goto('/');
  await page.getByRole('link', { name: 'Admin', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  await page.getByLabel('Name, email address or organisation').fill(name);
  await page.getByRole('button', { name: 'Find people' }).click();
  const row = page.getByTestId(`person-${dana.user.email}`);
  await row.getByText('unverified').waitFor();
  // The box shows the roles as stored: it turns checked once the change is saved and read back.
  await row.getByLabel('Moderator').click();
  await row.getByLabel('Moderator').and(page.locator(':checked')).waitFor();
  await page.screenshot({ path: '/tmp/admin-people.png', fullPage: true });

  // Disabling signs Dana out of her open page at once (her sockets close; the header offers sign-in).
  await row.getByRole('button', { name: `Disable ${name}` }).click();
  await row.getByText(/^disabled/).waitFor();
  await danaPage.getByRole('link', { name: 'Sign in' }).first().waitFor();
  expect((await dana.client.get('/api/auth/me')).status).toBe(401);

  // Organisations: Camden's seeded domain is unconfirmed; add another and confirm it.
  await page.getByRole('link', { name: 'Organisations' }).click();
  await page.getByLabel('Name, LA code or domain').fill('Camden');
  await page.getByRole('button', { name: 'Find organisations' }).click();
  const org = page.getByTestId(`organisation-${camden.id}`);
  await org.locator('code', { hasText: /^camden\.gov\.uk$/ }).waitFor();
  await org.getByRole('button', { name: 'Mark confirmed camden.gov.uk' }).waitFor();
  const domain = `social-${Date.now()}.camden.example`;
  await org.getByRole('textbox', { name: 'Add a domain' }).fill('not a domain');
  await org.getByRole('button', { name: `Add a domain to ${camden.name}` }).click();
  await org.getByText('Enter a domain such as camden.gov.uk').waitFor();
  await org.getByRole('textbox', { name: 'Add a domain' }).fill(domain);
  await org.getByRole('button', { name: `Add a domain to ${camden.name}` }).click();
  await org.locator('code', { hasText: domain }).waitFor();
  await org.getByRole('button', { name: `Mark confirmed ${domain}` }).click();
  await org.getByRole('button', { name: `Mark unconfirmed ${domain}` }).waitFor();
  await page.screenshot({ path: '/tmp/admin-organisations.png', fullPage: false });

  await page.getByRole('link', { name: 'Audit log' }).click();
  const audit = page.getByTestId('audit');
  await audit.getByRole('row', { name: /Domain confirmed.*Camden/ }).waitFor();
  await audit.getByRole('row', { name: new RegExp(`Domain added.*Camden.*${domain.replace(/\./g, '\\.')}`) }).waitFor();
  await audit.getByRole('row', { name: new RegExp(`Account disabled.*${name}`) }).waitFor();
  await audit.getByRole('row', { name: new RegExp(`Roles changed.*${name}.*member → member, moderator`) }).waitFor();
  await page.screenshot({ path: '/tmp/admin-audit.png', fullPage: false });

  // Not for anyone else.
  const member = await pageAs((await signedIn(app.url)).client.cookie);
  await member.goto('/admin/people');
  await member.getByText('Only admins can see this page.').waitFor();
});

test('a tool kept to local authority staff: set on the edit form; everyone else sees how to get access', async () => {
  const slug = `la-only-browser-${Date.now()}`;
  expect((await admin.post('/api/tools', { slug, name: 'Quillwort sufficiency toolkit', summary: 'Forecasts placement sufficiency by area.', description: 'The secret sauce of the toolkit.' })).status).toBe(201);

  // A reader has it open while it is public.
  const anonymous = await pageAs();
  await anonymous.goto(`/tools/${slug}`);
  await anonymous.getByText('The secret sauce of the toolkit.').waitFor();

  // The admin keeps it to local authority staff from the tool's edit form.
  const adminPage = await pageAs(admin.cookie);
  await adminPage.goto(`/tools/${slug}`);
  await adminPage.getByText('Edit this tool').click();
  await adminPage.getByLabel('Who can read it').selectOption('local_authority');
  await adminPage.getByRole('button', { name: 'Save changes' }).click();
  await adminPage.getByText('Saved.').waitFor();
  await adminPage.locator('.govuk-tag', { hasText: 'Local authority staff only' }).waitFor();

  // The open page turns to how to get access, without a reload.
  await anonymous.getByTestId('how-to-get-access').waitFor();
  await anonymous.goto(`/tools/${slug}`);
  await anonymous.getByRole('heading', { level: 1, name: 'Quillwort sufficiency toolkit' }).waitFor();
  await anonymous.getByText('Forecasts placement sufficiency by area.').waitFor();
  await anonymous.getByTestId('how-to-get-access').getByText(/local authority staff only/).waitFor();
  expect(await anonymous.getByText('The secret sauce of the toolkit.').count()).toBe(0);
  expect(await anonymous.getByRole('heading', { name: 'Design document' }).count()).toBe(0);
  await anonymous.screenshot({ path: '/tmp/la-only-anonymous.png', fullPage: true });
  // Nor in the catalogue.
  await anonymous.goto(`/tools?q=${'quillwort'}`);
  await anonymous.getByText('No tools match.').waitFor();

  // A self-declared Camden member is told the same; a verified one reads it all.
  const declared = await pageAs((await signedIn(app.url, { organisationId: camden.id })).client.cookie);
  await declared.goto(`/tools/${slug}`);
  await declared.getByTestId('how-to-get-access').waitFor();
  const staff = await signedIn(app.url, { organisationId: camden.id });
  await verifiedMemberOf(app, staff.client, camden.id);
  const staffPage = await pageAs(staff.client.cookie);
  await staffPage.goto(`/tools/${slug}`);
  await staffPage.getByText('The secret sauce of the toolkit.').waitFor();
  await staffPage.getByRole('heading', { name: 'Design document' }).waitFor();
  await staffPage.getByLabel('Your authority and this tool').waitFor();
  await staffPage.screenshot({ path: '/tmp/la-only-staff.png', fullPage: false });

  // A self-declared member of an authority is told why they cannot record its use of a public tool.
  const declaredPublic = await pageAs((await signedIn(app.url, { organisationId: camden.id })).client.cookie);
  await declaredPublic.goto('/tools/903-validator');
  await declaredPublic.getByTestId('adoption-unverified').getByText('unverified').waitFor();
});
