import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium (the test set-up installs it), headless. Without the background-networking flags
 * it keeps trying to reach Google's hosts, which this machine's closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Waits for the page title (pages set it in an effect, just after they render); fails naming both titles. */
export async function expectTitle(page: Page, title: string) {
  try {
    await page.waitForFunction((t) => document.title === t, title, { timeout: 5000 });
  } catch {
    throw new Error(`page title is "${await page.title()}", expected "${title}"`);
  }
}

/** A browser page signed in as `client`'s session (set up over the API: the sign-in form has its own test). */
export async function pageSignedInAs(browser: Browser, url: string, client: { cookie: string }): Promise<Page> {
  const context = await browser.newContext({ baseURL: url });
  const [name, ...value] = client.cookie.split('=');
  await context.addCookies([{ name, value: value.join('='), url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

/** Waits for the header's unread count to be exactly `n`; fails naming what it shows ("1" would also match "12"). */
export async function expectUnread(page: Page, n: number, timeout = 10_000) {
  const badge = page.getByTestId('notifications-unread');
  try {
    await badge.filter({ hasText: new RegExp(`^${n} unread$`) }).waitFor({ timeout });
  } catch {
    const shown = (await badge.count()) ? `"${await badge.textContent()}"` : 'no unread count';
    throw new Error(`the header shows ${shown}, expected "${n} unread"`);
  }
}

/**
 * A new page at `url`, signed in as `client` when given (its session cookie), in a desktop-sized window;
 * its context is added to `contexts` for the file's afterAll to close.
 */
export async function newPage(browser: Browser, url: string, client: { cookie: string } | null, contexts: { close(): Promise<void> }[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  if (client) {
    const [name, ...value] = client.cookie.split('=');
    await context.addCookies([{ name, value: value.join('='), url, httpOnly: true, sameSite: 'Lax' }]);
  }
  return context.newPage();
}
