/**
 * A page that was away longer than the server keeps live events reloads what it shows: a reader has a
 * thread open, loses the messages written meanwhile (its socket's traffic held back, as a sleeping laptop
 * would), the server's retention prunes them, and on reconnect the subscribe ack says `refetch`: the page
 * fetches the thread again and shows them, then goes on live. Needs dist/web (npm run build:web) and chromium.
 */
import type { Browser, BrowserContext, WebSocketRoute } from 'playwright-core';
import { topics } from '@commons/realtime';
import { RetentionService } from '../../api/src/retention/retention.service';
import { isolated, newThread, signedIn, startApp, type TestApp } from '../../api/test/harness';
import { launchChromium, pageSignedInAs } from './browser';

let app: TestApp;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  app = await startApp({ ...(await isolated('refetch-browser')), MESSAGE_RATE_PER_MINUTE: '1000' });
  browser = await launchChromium();
});
afterEach(() => context?.close());
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it('a page that missed events the server no longer keeps reloads them on reconnect, then goes on live', async () => {
  const poster = await signedIn(app.url, { displayName: 'Pat Poster' });
  const reader = await signedIn(app.url, { displayName: 'Rey Reader' });
  const id = await newThread(poster.client, 'Kept for a week');
  const post = async (body: string) => expect((await poster.client.post(`/api/threads/${id}/messages`, { body })).status).toBe(201);
  await post('Before the laptop slept');

  const page = await pageSignedInAs(browser, app.url, reader.client);
  context = page.context();
  // The page's socket goes through here: while `asleep`, what the server sends it is lost.
  let asleep = false;
  let route: WebSocketRoute | undefined;
  await context.routeWebSocket(/\/socket\.io\//, (ws) => {
    route = ws;
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => !asleep && ws.send(m));
  });
  await page.goto(`/threads/${id}`);
  await page.getByText('Before the laptop slept').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('article.app-message').length >= 2);

  asleep = true;
  await post('Written while it slept');
  await post('Also written while it slept');
  // A week passes: the server's retention deletes those events.
  await app.db.query(`UPDATE outbox SET created_at = now() - interval '200 hours' WHERE topic = $1`, [topics.thread(id)]);
  expect(await app.app.get(RetentionService).pruneOutbox(168)).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(300);
  expect(await page.getByText('Written while it slept').count()).toBe(0);

  // It wakes: the connection drops and comes back, asking for events after what it has.
  asleep = false;
  await route!.close({ code: 1006, reason: 'woke up' }).catch(() => undefined);
  await page.getByText('Also written while it slept').waitFor({ timeout: 15_000 });
  await page.getByText('Written while it slept', { exact: true }).waitFor();
  await page.screenshot({ path: '.tmp/refetch-after-wake.png', fullPage: true });

  await post('Live again');
  await page.getByText('Live again').waitFor({ timeout: 10_000 });
});
