/// <reference lib="dom" />
// (the page.evaluate callbacks run in the browser)
/**
 * Co-design in a real browser: Ann proposes a tool from the browser; Bob opens it in another browser
 * context and sees Ann there, sees her editing and her saved text arrive without a reload; when they both
 * edit from the same revision, Bob's save is refused with Ann's newer text shown, and his merge lands.
 * Needs dist/web (npm run build:web) and the chromium binary.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './browser';
import { signedIn, signedInAdmin, startApp, type TestApp, isolated, verifiedMemberOf } from '../../api/test/harness';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Its own database and Redis prefix: other files' events must not reach this page (see isolated).
  const own = await isolated('tools-browser');
  app = await startApp(own);
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await app?.close();
});

async function reader(): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

/** A browser context signed in as a fresh member (the session cookie from an HTTP registration). */
async function member(displayName: string, organisationId?: number): Promise<Page> {
  const { client } = await signedIn(app.url, { displayName, ...(organisationId && { organisationId }) });
  return withCookie(client.cookie);
}

async function withCookie(cookie: string): Promise<Page> {
  const page = await reader();
  const [name, value] = cookie.split('=');
  await page.context().addCookies([{ name, value, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return page;
}

const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);
const markNotReloaded = (page: Page) => page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

const section = (page: Page, key: string) => page.locator(`section[data-key="${key}"]`);

test('two members co-design a tool live: presence, typing, live edits and a merge after a conflict', async () => {
  const ann = await member('Ann Author');
  const bob = await member('Bob Builder');
  const name = `Care Leaver Tracker ${Date.now()}`;

  // Ann proposes the tool from the catalogue.
  await ann.goto('/tools');
  await ann.getByRole('link', { name: 'Propose a tool' }).click();
  await ann.waitForURL(`${app.url}/tools/new`);
  const form = ann.getByRole('form', { name: 'Propose a tool' });
  await form.getByRole('button', { name: 'Propose tool' }).click();
  await form.locator('#name-error').waitFor(); // the shared schema, in the browser
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Summary').fill('Keeps track of care leavers’ pathway plans and contact.');
  await form.getByLabel('Datasets (optional)').fill('SSDA903');
  await form.getByRole('button', { name: 'Propose tool' }).click();
  await ann.waitForURL(/\/tools\/care-leaver-tracker-\d+$/);
  const path = new URL(ann.url()).pathname;
  await ann.getByRole('heading', { level: 1, name }).waitFor();

  // Bob opens the same tool; his page must never reload from here on.
  await bob.goto(path);
  await bob.getByRole('heading', { level: 1, name }).waitFor();
  await markNotReloaded(bob);
  await bob.getByTestId('viewers').filter({ hasText: 'Ann Author' }).waitFor();
  await ann.getByTestId('viewers').filter({ hasText: 'Bob Builder' }).waitFor();

  // Ann edits the problem section: Bob sees her editing, then her text.
  await section(ann, 'problem').getByRole('button', { name: 'Edit problem' }).click();
  await section(bob, 'problem').getByRole('button', { name: 'Edit problem' }).click(); // Bob starts from revision 0 too
  await section(ann, 'problem').getByRole('textbox').fill('Care leavers drop out of contact at 18.');
  await bob.getByTestId('editing').filter({ hasText: 'Ann Author is editing “Problem”' }).waitFor();
  // Ann's save answers only once it has been heard live: her page gets her own save as an event first,
  // and must not tell her that someone saved a newer version.
  let heard!: () => void;
  const heardLive = new Promise<void>((resolve) => (heard = resolve));
  await ann.route('**/design/sections/problem', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    const response = await route.fetch();
    await heardLive;
    await route.fulfill({ response });
  });
  await section(ann, 'problem').getByRole('button', { name: 'Save problem' }).click();

  // Bob, still on revision 0, is told at once that Ann saved, with her text.
  const bobProblem = section(bob, 'problem');
  await bobProblem.getByText('Ann Author saved a newer version').waitFor();
  await new Promise((r) => setTimeout(r, 300)); // Ann's page has heard the same event by now
  expect(await section(ann, 'problem').getByText('saved a newer version').count()).toBe(0);
  heard();
  await section(ann, 'problem').getByText('Revision 1, by Ann Author').waitFor();
  await ann.unroute('**/design/sections/problem');
  await bobProblem.getByLabel('Their text').filter({ hasText: 'Care leavers drop out of contact at 18.' }).waitFor();

  // Bob's save from the old base is refused (409): his text stays, Ann's is shown, and the merge saves.
  await bobProblem.getByRole('textbox').fill('Nobody notices when they move.');
  await bobProblem.getByRole('button', { name: 'Save problem' }).click();
  await bobProblem.getByText('Your text was not saved').waitFor();
  expect(await bobProblem.getByRole('textbox').inputValue()).toBe('Nobody notices when they move.');
  await bobProblem.getByRole('textbox').fill('Care leavers drop out of contact at 18.\n\nNobody notices when they move.');
  await bobProblem.getByRole('button', { name: 'Save problem' }).click();
  await bobProblem.getByText('Revision 2, by Bob Builder').waitFor();

  // Ann sees Bob's merge arrive live.
  await section(ann, 'problem').getByText('Nobody notices when they move.').waitFor();
  expect(await notReloaded(bob)).toBe(true);

  // Anyone can compare revisions.
  await section(ann, 'problem').getByText('Revisions of problem').click();
  await section(ann, 'problem').getByRole('button', { name: 'Show changes' }).first().click();
  await section(ann, 'problem').locator('.app-diff__added', { hasText: 'Nobody notices when they move.' }).waitFor();
  await ann.screenshot({ path: '/tmp/tool-page.png', fullPage: true });
});

test('the catalogue searches, shows a proposed tool live, and counts adoption against every authority', async () => {
  const word = `zebrafinch${Date.now()}`;
  const list = await reader();
  await list.goto('/tools');
  // The catalogue's own filter form (the header has the site-wide search box).
  const filters = list.getByRole('search', { name: 'Search tools' });
  await filters.getByRole('searchbox', { name: 'Search' }).fill('validator');
  await filters.getByRole('button', { name: 'Search' }).click();
  await list.waitForURL(/q=validator/);
  // Name matches come first.
  await list.locator('.app-tool h2').first().filter({ hasText: /validator/i }).waitFor();

  await list.goto(`/tools?q=${word}`);
  await list.getByText('No tools match.').waitFor();
  await markNotReloaded(list);
  const { client } = await signedIn(app.url);
  const created = await client.post('/api/tools', { name: `Tool ${word}`, summary: 'Appears in the catalogue without a reload.' });
  expect(created.status).toBe(201);
  const slug = created.body.tool.slug;
  await list.getByRole('link', { name: `Tool ${word}` }).waitFor();
  expect(await notReloaded(list)).toBe(true);

  // A member of an authority records that it uses the tool; a reader on the tool page sees the count move.
  const [authority] = await app.db.query(`SELECT id, name FROM organisations WHERE kind = 'local_authority' ORDER BY name LIMIT 1`);
  await list.goto(`/tools/${slug}`);
  await list.getByText('Used by 0 of 153 authorities').waitFor();
  // Only a verified member records it: a confirmed address on the authority's domain.
  const cat = await signedIn(app.url, { displayName: 'Cat Council', organisationId: authority.id });
  await verifiedMemberOf(app, cat.client, authority.id);
  const councillor = await withCookie(cat.client.cookie);
  await councillor.goto(`/tools/${slug}`);
  await councillor.getByLabel('Your authority and this tool').selectOption('uses');
  await list.getByText('Used by 1 of 153 authorities').waitFor();
  await list.getByRole('link', { name: authority.name }).click();
  await list.getByRole('heading', { level: 1, name: authority.name }).waitFor();
  await list.getByRole('row', { name: new RegExp(`Tool ${word}.*Uses it`) }).waitFor();

  // An admin makes the councillor a maintainer: the edit form appears on the councillor's open page.
  expect(await councillor.getByText('Edit this tool').count()).toBe(0);
  const admin = await withCookie((await signedInAdmin(app.url)).cookie);
  await admin.goto(`/tools/${slug}`);
  await admin.getByText('Assign maintainers').click();
  await admin.getByLabel('Find a person by name or email').fill('Cat Council');
  await admin.getByRole('button', { name: 'Find' }).click();
  await admin.getByRole('button', { name: 'Add Cat Council as maintainer' }).click();
  await councillor.getByText('Edit this tool').waitFor();
});
