/// <reference lib="dom" />
// (the page.evaluate callbacks run in the browser)
/**
 * Initiatives in a real browser: Lena proposes one from the browser and adds milestones; Fred follows it
 * and keeps its page and his dashboard open; when Lena ticks a milestone, his progress bars move without a
 * reload, and her update appears on his page.
 * Needs dist/web (npm run build:web) and the chromium binary.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './browser';
import { signedIn, startApp, type TestApp, isolated } from '../../api/test/harness';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Its own database and Redis prefix: other files' events must not reach this page (see isolated).
  const own = await isolated('initiatives-browser');
  app = await startApp(own);
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await app?.close();
});

/** A browser context signed in as a fresh member (the session cookie from an HTTP registration). */
async function member(displayName: string): Promise<Page> {
  const { client } = await signedIn(app.url, { displayName });
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  const [name, value] = client.cookie.split('=');
  await context.addCookies([{ name, value, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);
const markNotReloaded = (page: Page) => page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
const percent = (page: Page, within = page.locator('body')) => within.getByTestId('progress').first().getAttribute('data-percent');

test('a leader ticks a milestone and a follower sees the progress bar move on the page and the dashboard, without reload', async () => {
  const lena = await member('Lena Leader');
  const fred = await member('Fred Follower');
  const title = `Care Leavers Standard ${Date.now()}`;

  // Lena proposes the initiative from the browser (the shared schema checks the form first).
  await lena.goto('/initiatives/new');
  const form = lena.getByRole('form', { name: 'Propose an initiative' });
  await form.getByRole('button', { name: 'Propose initiative' }).click();
  await form.locator('#title-error').waitFor();
  await form.locator('#focusArea-error').waitFor();
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Summary').fill('Agree one way to record care leavers across authorities.');
  await form.getByLabel('Focus area').selectOption('facilitating');
  await form.getByLabel('Linked tools (optional)').selectOption(['903-validator']);
  await form.getByRole('button', { name: 'Propose initiative' }).click();
  await lena.waitForURL(/\/initiatives\/care-leavers-standard-\d+$/);
  const path = new URL(lena.url()).pathname;
  const slug = path.split('/').pop()!;
  await lena.getByRole('heading', { level: 1, name: title }).waitFor();
  await lena.getByRole('link', { name: 'SSDA903 validator' }).waitFor();

  await lena.getByText('Add a milestone').click(); // it stays open for the next one
  for (const milestone of ['Draft the standard', 'Pilot in three authorities']) {
    const add = lena.getByRole('form', { name: 'Add a milestone' });
    await add.getByLabel('Milestone', { exact: true }).fill(milestone);
    await add.getByRole('button', { name: 'Add milestone' }).click();
    await lena.getByRole('checkbox', { name: milestone }).waitFor();
  }

  // Fred follows it and keeps its page open, and his dashboard in another tab.
  await fred.goto(path);
  await fred.getByRole('heading', { level: 1, name: title }).waitFor();
  await fred.getByRole('button', { name: 'Follow' }).click();
  await fred.getByRole('button', { name: 'Unfollow' }).waitFor();
  expect(await fred.getByRole('checkbox').count()).toBe(0); // only leaders tick
  const dashboard = await fred.context().newPage();
  await dashboard.goto('/initiatives/dashboard');
  const row = dashboard.getByTestId(`dashboard-${slug}`);
  await row.getByText('You follow this').waitFor();
  expect(await percent(fred)).toBe('0');
  expect(await percent(dashboard, row)).toBe('0');
  await markNotReloaded(fred);
  await markNotReloaded(dashboard);

  // Lena ticks the first milestone: both of Fred's pages move to 50 %.
  await lena.getByRole('checkbox', { name: 'Draft the standard' }).check();
  await fred.locator('[data-testid="progress"][data-percent="50"]').waitFor();
  await fred.getByText('1 of 2 milestones done (50%)').waitFor();
  await row.locator('[data-testid="progress"][data-percent="50"]').waitFor();
  await fred.getByText(/done by Lena Leader/).waitFor();

  // Her update appears on his page too.
  const update = lena.getByRole('form', { name: 'Post an update' });
  await update.getByLabel('Post an update to followers').fill('The draft is **out** for comment.');
  await update.getByLabel('How is it going? (optional)').selectOption('on_track');
  await update.getByRole('button', { name: 'Post update' }).click();
  await fred.locator('.app-update strong', { hasText: 'out' }).waitFor();
  await row.getByText(/Last update .* by Lena Leader/).waitFor();

  expect(await notReloaded(fred)).toBe(true);
  expect(await notReloaded(dashboard)).toBe(true);
  await fred.screenshot({ path: '/tmp/initiative-page.png', fullPage: true });
});

test('the overview filters by status and focus area', async () => {
  const { client } = await signedIn(app.url);
  const title = `Advice clinic ${Date.now()}`;
  const created = await client.post('/api/initiatives', { title, summary: 'Monthly advice for analysts.', focusArea: 'advising' });
  expect(created.status).toBe(201);
  const context = await browser.newContext({ baseURL: app.url });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/initiatives');
  await page.getByRole('link', { name: title }).waitFor();
  await page.getByLabel('Focus area').selectOption('maintaining');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/focusArea=maintaining/);
  await page.getByRole('link', { name: title }).waitFor({ state: 'detached' });
  await page.getByLabel('Focus area').selectOption('advising');
  await page.getByLabel('Status').selectOption('proposed');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('link', { name: title }).waitFor();
});
