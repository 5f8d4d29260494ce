/// <reference lib="dom" />
/**
 * bull-board at /admin/queues: admins only (page, assets and its JSON API), and it renders in Chromium
 * under the site's Content-Security-Policy with no violation and no page error.
 */
import { type Browser } from 'playwright-core';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { loadEnv } from '../../api/src/config/env';
import { bullPrefix, JobsService } from '../../api/src/jobs/jobs.service';
import { Client, eventually, isolated, signedIn, signedInAdmin, startApp, TestApp } from '../../api/test/harness';
import { launchChromium, pageSignedInAs } from './browser';

let app: TestApp;
let own: Record<string, string>;
let browser: Browser;

beforeAll(async () => {
  own = await isolated('admin-queues');
  app = await startApp(own);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const html = { accept: 'text/html' };

describe('/admin/queues over HTTP', () => {
  it('sends a signed-out browser to sign in, and answers 401 to its API', async () => {
    const anonymous = new Client(app.url);
    const page = await fetch(`${app.url}/admin/queues`, { headers: html, redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/sign-in');
    const api = await anonymous.get('/admin/queues/api/queues');
    expect(api.status).toBe(401);
    expect(api.body).toEqual({ error: { code: 'unauthorized', message: 'Sign in to do this' } });
  });

  it('refuses members with 403: the page, its assets and its API', async () => {
    const { client } = await signedIn(app.url);
    for (const path of ['/admin/queues', '/admin/queues/static/favicon-32x32.png', '/admin/queues/api/queues']) {
      const res = await client.request('GET', path, undefined, html);
      expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 403, body: { error: { code: 'forbidden', message: 'This needs the admin role' } } });
    }
  });

  it('serves admins the board under the CSP, with every queue, and lets them retry a failed job', async () => {
    const admin = await signedInAdmin(app.url);
    const page = await admin.request('GET', '/admin/queues', undefined, html);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.body).toContain('<base href="/admin/queues/"');
    expect(page.body).not.toContain('fonts.googleapis.com');
    const queues = await admin.get('/admin/queues/api/queues');
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(expect.arrayContaining(['moderation', 'notifications']));

    // A job that fails (a worker of the test's own throws; one attempt), retried from the board's API.
    const queue = app.app.get(JobsService).queue('notifications');
    const env = loadEnv({ ...process.env, ...own });
    const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    const failing = new Worker('notifications', async () => { throw new Error('made to fail'); }, { connection, prefix: bullPrefix(env) });
    try {
      await queue.add('digest', {}, { jobId: 'board-retry', attempts: 1 });
      await eventually(async () => expect(await queue.getJobState('board-retry')).toBe('failed'));
    } finally {
      await failing.close();
      connection.disconnect();
    }
    const retry = await admin.request('PUT', '/admin/queues/api/queues/notifications/retry/failed');
    expect(retry.status).toBe(200);
    expect(await queue.getJobState('board-retry')).toBe('waiting');
  });
});

describe('/admin/queues in Chromium', () => {
  it('renders for an admin with no CSP violation and no page error', async () => {
    const admin = await signedInAdmin(app.url);
    const page = await pageSignedInAs(browser, app.url, admin);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => ((window as any).__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto('/admin/queues');
    expect(response?.status()).toBe(200);
    await page.getByText('moderation', { exact: true }).first().waitFor({ timeout: 15_000 });
    await page.getByText('notifications', { exact: true }).first().waitFor();
    await page.screenshot({ path: '/tmp/admin-queues.png', fullPage: true });
    expect(await page.evaluate(() => (window as any).__violations ?? [])).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows a member the 403, and sends a signed-out visitor to sign in', async () => {
    const { client } = await signedIn(app.url);
    const member = await pageSignedInAs(browser, app.url, client);
    expect((await member.goto('/admin/queues'))?.status()).toBe(403);
    const anonymous = await (await browser.newContext({ baseURL: app.url })).newPage();
    await anonymous.goto('/admin/queues');
    expect(new URL(anonymous.url()).pathname).toBe('/sign-in');
  });
});
