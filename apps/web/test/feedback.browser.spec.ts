/// <reference lib="dom" />
// (the page.evaluate callbacks run in the browser)
/**
 * Page feedback and the moderator console in a real browser against the real API and worker: a reader
 * sends feedback holding a child's NHS number; a moderator's open console shows it at once, redacted,
 * then held once the moderation job has run; the original (number highlighted) only behind an audited
 * "Show original"; the moderator edits the redaction and redacts it. Needs dist/web
 * (npm run build:web) and the chromium binary.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { type Browser, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import { launchChromium, expectTitle } from './browser';
import { FEEDBACK_ROLES, FEEDBACK_THANKS, FeedbackInput, fieldsFromIssues } from '@commons/domain';
import { signedIn, signedInAdmin, startApp, startWorker, type TestApp, isolated } from '../../api/test/harness';

let app: TestApp;
let worker: INestApplicationContext;
let browser: Browser;
const contexts: BrowserContext[] = [];

const NHS_NUMBER = '943 476 5919';
const ROLE = FEEDBACK_ROLES[0];

beforeAll(async () => {
  // Its own database and Redis prefix: other files' events must not reach this page (see isolated).
  const own = await isolated('feedback-browser');
  app = await startApp(own);
  worker = await startWorker(own);
  browser = await launchChromium();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await app?.close();
});

/** A fresh browser context (own cookies, own socket) and a page that records every request it makes. */
async function newPage(): Promise<{ page: Page; requests: Request[] }> {
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  return { page, requests };
}

/** Opens the "Help us improve this page" disclosure and returns the form. */
async function openFeedback(page: Page): Promise<Locator> {
  await page.getByText('Help us improve this page', { exact: true }).first().click();
  const form = page.getByRole('form', { name: 'Page feedback' });
  await form.waitFor();
  return form;
}

const feedbackRequests = (requests: Request[]) => requests.filter((r) => r.url().endsWith('/api/feedback'));

test('the feedback form checks the summary in the browser and warns about an NHS number', async () => {
  const { page, requests } = await newPage();
  const parsed = FeedbackInput.safeParse({ page: '/tools', summary: 'Hi', role: ROLE });
  if (parsed.success) throw new Error('the shared schema accepts the short summary this test relies on');
  const expected = fieldsFromIssues(parsed.error.issues).summary;

  await page.goto('/tools');
  const form = await openFeedback(page);
  await form.getByLabel('Summary').fill('Hi');
  await form.getByLabel('Your role').selectOption(ROLE);
  await form.getByRole('button', { name: 'Send feedback' }).click();

  const inline = page.locator('#feedback-summary-error');
  await inline.waitFor();
  expect(await inline.innerText()).toContain(expected);
  const summary = page.locator('.app-feedback .govuk-error-summary');
  expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
  await summary.getByRole('link', { name: expected }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('feedback-summary');
  expect(feedbackRequests(requests)).toEqual([]);

  // The warning comes while typing, from the shared detector, and does not stop anyone sending.
  const warning = form.locator('#feedback-summary-after .govuk-warning-text');
  expect(await warning.count()).toBe(0);
  await form.getByLabel('Summary').fill(`The child's NHS number ${NHS_NUMBER} shows twice`);
  await warning.waitFor();
  expect(await warning.innerText()).toContain('This looks like an NHS number. Please remove personal details about children or families before sending.');
  expect(await form.getByLabel('Summary').getAttribute('aria-describedby')).toContain('feedback-summary-after');

  // The honeypot is out of sight and out of reach.
  const honeypot = form.locator('input[name="hp_field"]');
  expect(await honeypot.getAttribute('tabindex')).toBe('-1');
  expect(await honeypot.getAttribute('autocomplete')).toBe('off');
  expect(await honeypot.evaluate((el) => el.closest('[aria-hidden="true"]') !== null)).toBe(true);
  expect(await honeypot.isVisible()).toBe(true); // rendered (bots see it) …
  const box = await honeypot.boundingBox();
  expect(box!.x + box!.width).toBeLessThan(0); // … but off-screen
  expect(await form.getByRole('textbox', { name: 'Leave this field empty' }).count()).toBe(0);
  await page.locator('.app-feedback').screenshot({ path: '/tmp/feedback-form-warning.png' });
});

test('a moderator sees new feedback live and redacted, looks at the original on record, and edits the redaction', async () => {
  // A moderator: registered over HTTP, made moderator by the admin, signed in through the browser.
  const password = 'a sensible passphrase';
  const { user } = await signedIn(app.url, { displayName: 'Morgan Moderator', password });
  const admin = await signedInAdmin(app.url);
  expect((await admin.put(`/api/users/${user.id}/roles`, { roles: ['moderator'] })).status).toBe(200);

  const { page: mod } = await newPage();
  await mod.goto('/sign-in');
  await mod.locator('main').getByLabel('Email address').fill(user.email);
  await mod.locator('main').getByLabel('Password', { exact: true }).fill(password);
  await mod.locator('main').getByRole('button', { name: 'Sign in' }).click();
  await mod.waitForURL(`${app.url}/`);
  await mod.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Moderation' }).click();
  await mod.waitForURL(`${app.url}/moderation`);
  await mod.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
  await mod.getByText(/Nothing needs a decision right now|Feedback on/).first().waitFor();
  expect(await mod.getByRole('link', { name: /Needs a decision/ }).getAttribute('aria-current')).toBe('page');
  await expectTitle(mod, 'Moderation – Data Tools Commons');
  // Marks this document: if the console reloaded to show the new item, the mark would be gone.
  await mod.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // The moderator's tab goes to the background: new items count up in its title.
  await mod.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });

  // An anonymous reader in a context of their own sends feedback from a page.
  const marker = `Visible-${Date.now().toString(36)}`;
  const summaryText = `${marker}: the validator showed the child's NHS number ${NHS_NUMBER} in the error list`;
  const { page: reader, requests } = await newPage();
  await reader.goto('/tools');
  const form = await openFeedback(reader);
  await form.getByLabel('I’ve identified a specific issue with this').check();
  await form.getByLabel('Summary').fill(summaryText);
  await form.getByLabel('Details (optional)').fill('It happens on every upload of the census file.');
  await form.getByLabel('Your role').selectOption(ROLE);
  await form.getByLabel('Your organisation (optional)').fill('Anytown Council');
  await form.getByRole('button', { name: 'Send feedback' }).dblclick(); // lands once
  await reader.getByText(FEEDBACK_THANKS, { exact: true }).waitFor();
  await reader.locator('.app-feedback').screenshot({ path: '/tmp/feedback-thanks.png' });
  // The form starts again, and the one request carried an idempotency key.
  expect(await form.getByLabel('Summary').inputValue()).toBe('');
  const sent = feedbackRequests(requests);
  expect(sent).toHaveLength(1);
  expect(sent[0].headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  expect(sent[0].postDataJSON()).toMatchObject({ page: '/tools', summary: summaryText, role: ROLE, organisation: 'Anytown Council' });

  // The moderator's console shows it without a reload…
  const item = mod.locator('li.app-item', { hasText: marker });
  await item.waitFor();
  expect(await item.getByText('Feedback on /tools').count()).toBe(1);
  await mod.waitForFunction(() => document.title === '(1) Moderation – Data Tools Commons');
  await mod.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await mod.waitForFunction(() => document.title === 'Moderation – Data Tools Commons');
  // …then held once the moderation job has run, showing the redacted copy: the number is nowhere on the page.
  await mod.locator('li.app-item[data-state="held"]', { hasText: marker }).waitFor();
  await item.locator('.govuk-tag', { hasText: 'Held' }).waitFor();
  await item.locator('.govuk-tag', { hasText: 'Personal data' }).waitFor();
  const copy = item.getByTestId('redacted-copy');
  await copy.getByText(`${marker}: the validator showed the child's NHS number [NHS number removed] in the error list`).waitFor();
  expect(await mod.locator('main').innerText()).not.toContain(NHS_NUMBER);
  expect(await mod.locator('.app-filter__count[data-state="held"]').innerText()).not.toBe('0');

  // The original, with the number highlighted and labelled, is one (recorded) click away.
  await item.getByRole('button', { name: /^Show original/ }).click();
  const mark = item.locator('[data-testid="original"] mark', { hasText: NHS_NUMBER });
  await mark.waitFor();
  expect(await mark.locator('.app-finding__kind').innerText()).toContain('NHS number');
  await mod.screenshot({ path: '/tmp/moderation-held.png', fullPage: true });
  await item.getByRole('button', { name: 'Hide original' }).click();
  expect(await item.innerText()).not.toContain(NHS_NUMBER);

  // The moderator edits the redaction (taking out the error list too) and redacts.
  await item.getByText('Edit the redaction').click();
  const summaryBox = item.getByLabel('Summary, as published');
  expect(await summaryBox.inputValue()).toBe(`${marker}: the validator showed the child's NHS number [NHS number removed] in the error list`);
  // Text that still holds personal data is refused, in the browser, by the shared schema.
  await summaryBox.fill(`${marker}: NHS number ${NHS_NUMBER}`);
  await item.getByRole('button', { name: /^Redact/ }).click();
  await item.getByText(/still looks like it holds personal data/).first().waitFor();
  await summaryBox.fill(`${marker}: the validator showed the child's NHS number [NHS number removed] [details removed]`);
  await item.getByLabel('Note (optional)').fill('NHS number removed');
  await mod.screenshot({ path: '/tmp/moderation-editing.png', fullPage: true });
  await item.getByRole('button', { name: /^Redact/ }).click();
  await item.locator('.govuk-tag', { hasText: 'Redacted' }).waitFor();
  await copy.getByText(`${marker}: the validator showed the child's NHS number [NHS number removed] [details removed]`).waitFor();
  await item.getByText(/Redacted by Morgan Moderator/).waitFor();
  expect(await item.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
  expect(await item.getByText('Edit the redaction').count()).toBe(0);

  // The audit trail records who looked at the original, and who redacted.
  await item.getByRole('button', { name: /Show audit trail/ }).click();
  const audit = item.locator('table.app-audit');
  await audit.waitFor();
  expect(await audit.innerText()).toMatch(/Morgan Moderator[\s\S]*Viewed the original[\s\S]*Morgan Moderator[\s\S]*Redacted[\s\S]*NHS number removed/);
  await mod.screenshot({ path: '/tmp/moderation-redacted.png', fullPage: true });

  expect(await mod.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test('someone who is not a moderator is told so, and sees no Moderation link', async () => {
  const { page } = await newPage();
  await page.goto('/moderation');
  await page.getByRole('heading', { level: 1, name: 'You need to be a moderator' }).waitFor();
  expect(await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Moderation' }).count()).toBe(0);
  expect(await page.locator('li.app-item').count()).toBe(0);
});
