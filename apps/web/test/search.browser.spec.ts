/// <reference lib="dom" />
// (the page.evaluate callbacks run in the browser)
/**
 * The one search box in a real browser: the header's box leads to /search, results come grouped with
 * their matches marked, the count is announced, text from people is shown as text (never markup), and
 * a held message is found by its author only. Needs dist/web (npm run build:web) and the chromium binary.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './browser';
import { signedIn, startApp, type TestApp } from '../../api/test/harness';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await app?.close();
});

async function open(cookie?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  if (cookie) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  }
  return context.newPage();
}

async function searchFromHeader(page: Page, q: string) {
  const box = page.getByRole('search', { name: 'Site' }).getByLabel('Search tools, initiatives and discussions');
  await box.fill(q);
  await box.press('Enter');
  await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === q);
}

/** A word found nowhere else. */
const marker = () => `zq${Math.random().toString(36).replace(/[^a-z]/g, '').slice(0, 8)}`;

describe('search in the browser', () => {
  it('finds tools from a misspelling typed in the header, grouped, marked and counted', async () => {
    const page = await open();
    await page.goto('/');
    await searchFromHeader(page, 'valdator');
    await page.getByRole('heading', { name: /^Tools/ }).waitFor();
    const status = page.getByRole('status').filter({ hasText: 'for “valdator”' });
    await status.waitFor();
    expect(await status.textContent()).toMatch(/^\d+ results? for “valdator”$/);
    const tools = page.getByRole('region', { name: /^Tools/ });
    await tools.getByRole('link', { name: 'SSDA903 validator' }).waitFor();
    expect(await tools.locator('mark').allTextContents()).toContain('validator');
    await tools.getByRole('link', { name: 'SSDA903 validator' }).click();
    await page.waitForURL('**/tools/903-validator');
  });

  it('shows what people wrote as text, and a held message only to its author', async () => {
    const alice = await signedIn(app.url, { displayName: 'Alice Search' });
    const bob = await signedIn(app.url, { displayName: 'Bob Search' });
    const word = marker();
    const title = `<img src=x onerror="window.__xss=1"> ${word} plans`;
    const created = await alice.client.post('/api/threads', { subjectType: 'general', title, body: 'Where are we with the returns?' });
    expect(created.status).toBe(201);
    const held = await alice.client.post(`/api/threads/${created.body.thread.id}/messages`, { body: `${word}: the child is 943 476 5919` });
    expect(held.body.message.state).toBe('held');

    const author = await open(alice.client.cookie);
    await author.goto(`/search?q=${word}`);
    const discussions = author.getByRole('region', { name: /^Discussions/ });
    await discussions.getByRole('link', { name: title }).waitFor();
    expect(await discussions.locator('img').count()).toBe(0);
    expect(await discussions.locator('mark').allTextContents()).toEqual([word]);
    await author.getByRole('region', { name: /^Messages/ }).getByText('the child is').waitFor();
    await author.getByRole('region', { name: /^Messages/ }).getByText('Held: only its writer and moderators see it').waitFor();
    expect(await author.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    const other = await open(bob.client.cookie);
    await other.goto(`/search?q=${word}`);
    await other.getByRole('status').filter({ hasText: `1 result for “${word}”` }).waitFor();
    expect(await other.getByRole('region', { name: /^Messages/ }).count()).toBe(0);
  });

  it('says so when nothing matches', async () => {
    const page = await open();
    await page.goto(`/search?q=${marker()}`);
    await page.getByRole('status').filter({ hasText: /^No results for/ }).waitFor();
  });
});
