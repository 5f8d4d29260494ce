/// <reference lib="dom" />
/**
 * The live design document in real browsers: two members type in the same section at the same time and
 * both end with both edits; each sees the other's name at their cursor; a signed-out reader watches the
 * text change; an edit made offline merges when the connection is back.
 * Needs dist/web (npm run build) and the chromium binary.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './browser';
import { eventually, isolated, signedIn, signedInAdmin, startApp, type TestApp } from '../../api/test/harness';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startApp({ ...(await isolated('design-browser')), DESIGN_VERSION_PAUSE_MS: '500' });
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await app?.close();
});

async function page(cookie?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  if (cookie) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  }
  return context.newPage();
}

const box = (p: Page, title: string) => p.getByRole('textbox', { name: title, exact: true });
/** The text in a section's box, without the others' cursors (name labels drawn inside the text). */
const textOf = (p: Page, title: string) =>
  box(p, title).evaluate((el) => {
    if (el instanceof HTMLTextAreaElement) return el.value;
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.cm-ySelectionCaret').forEach((c) => c.remove());
    return Array.from(copy.querySelectorAll('.cm-line'), (l) => l.textContent).join('\n');
  });

test('two members type in one section at once and both end with both edits; readers watch; offline edits merge', async () => {
  const ann = await signedIn(app.url, { displayName: 'Ann Author' });
  const bob = await signedIn(app.url, { displayName: 'Bob Builder' });
  const slug = `live-design-${Date.now()}`;
  expect((await ann.client.post('/api/tools', { slug, name: `Live tool ${slug}`, summary: 'A tool written together in a test.' })).status).toBe(201);

  const a = await page(ann.client.cookie);
  const b = await page(bob.client.cookie);
  const reader = await page();
  for (const p of [a, b, reader]) await p.goto(`/tools/${slug}/design`);
  await box(a, 'Problem').waitFor();
  await box(b, 'Problem').waitFor();
  await a.getByText('Connecting…').first().waitFor({ state: 'detached' });
  await b.getByText('Connecting…').first().waitFor({ state: 'detached' });

  // Both type at the same time into the same section.
  await box(a, 'Problem').click();
  await box(b, 'Problem').click();
  await Promise.all([box(a, 'Problem').pressSequentially('Placements break down. ', { delay: 15 }), box(b, 'Problem').pressSequentially('Nobody sees it coming. ', { delay: 15 })]);
  for (const p of [a, b]) {
    await p.waitForFunction(() => {
      const t = document.querySelector('section[data-key="problem"] .cm-content')?.textContent ?? '';
      return t.includes('Placements break down.') && t.includes('Nobody sees it coming.');
    });
  }
  expect(await textOf(a, 'Problem')).toBe(await textOf(b, 'Problem'));
  // Each sees the other's name at their cursor.
  await a.locator('.cm-ySelectionInfo', { hasText: 'Bob Builder' }).waitFor({ state: 'attached' });
  await b.locator('.cm-ySelectionInfo', { hasText: 'Ann Author' }).waitFor({ state: 'attached' });
  // The signed-out reader watches it change, in a labelled, read-only box.
  await reader.waitForFunction(() => {
    const t = (document.querySelector('section[data-key="problem"] textarea') as HTMLTextAreaElement | null)?.value ?? '';
    return t.includes('Placements break down.') && t.includes('Nobody sees it coming.');
  });
  expect(await box(reader, 'Problem').getAttribute('readonly')).not.toBeNull();

  // Ann goes offline and keeps typing; Bob types too; when Ann is back both have both.
  await a.context().setOffline(true);
  await a.getByText('Connecting…').first().waitFor({ timeout: 15_000 }); // the page knows it is offline
  await box(a, 'Users').click();
  await box(a, 'Users').pressSequentially('Social workers.', { delay: 10 });
  await box(b, 'Users').click();
  await box(b, 'Users').pressSequentially('Analysts. ', { delay: 10 });
  await a.context().setOffline(false);
  for (const p of [a, b]) {
    await p.waitForFunction(
      () => {
        const t = document.querySelector('section[data-key="users"] .cm-content')?.textContent ?? '';
        return t.includes('Social workers.') && t.includes('Analysts.');
      },
      undefined,
      { timeout: 20_000 },
    );
  }
  await a.screenshot({ path: `${process.env.SCREENSHOTS ?? '/tmp'}/design-live.png`, fullPage: false });
}, 90_000);

test('personal data: the editor warns as you type, readers stop seeing the section, a moderator clears it; comments are live', async () => {
  const ann = await signedIn(app.url, { displayName: 'Ann Author' });
  const slug = `held-design-${Date.now()}`;
  expect((await ann.client.post('/api/tools', { slug, name: `Held tool ${slug}`, summary: 'A tool whose design gets personal data.' })).status).toBe(201);
  const a = await page(ann.client.cookie);
  const reader = await page();
  const moderator = await page((await signedInAdmin(app.url)).cookie);
  for (const p of [a, reader, moderator]) await p.goto(`/tools/${slug}/design`);
  const dataIn = (p: Page) => p.locator('section[data-key="data_in"]');

  await box(a, 'Data in').click();
  await box(a, 'Data in').pressSequentially('The SSDA903 return. ', { delay: 5 });
  await reader.waitForFunction(() => (document.querySelector('section[data-key="data_in"] textarea') as HTMLTextAreaElement | null)?.value.includes('SSDA903'));

  // A comment on a passage appears for the reader at once.
  await box(a, 'Data in').selectText();
  await dataIn(a).getByLabel(/Comment on “The SSDA903 return/).fill('Which year?');
  await dataIn(a).getByRole('button', { name: 'Add comment' }).click();
  await dataIn(reader).getByText('Which year?').waitFor();

  await box(a, 'Data in').press('End');
  await box(a, 'Data in').pressSequentially('Child NHS number 943 476 5919.', { delay: 5 });
  await dataIn(a).getByText(/looks like personal data/i).waitFor(); // the warning, as typed
  await dataIn(a).getByText(/readers cannot see it until a moderator/).waitFor();
  await dataIn(reader).getByText('This section is hidden while a moderator checks it.').waitFor();
  expect(await box(reader, 'Data in').inputValue()).not.toContain('943');
  await a.screenshot({ path: `${process.env.SCREENSHOTS ?? '/tmp'}/design-held-member.png` });
  await reader.screenshot({ path: `${process.env.SCREENSHOTS ?? '/tmp'}/design-held-reader.png` });

  // Ann takes it out; a moderator clears the section; the reader sees the text again.
  await box(a, 'Data in').press('End');
  for (let i = 0; i < 'Child NHS number 943 476 5919.'.length; i++) await box(a, 'Data in').press('Backspace');
  // Moderators find it in their list of held sections.
  await dataIn(moderator).getByRole('link', { name: 'All held sections' }).click();
  await moderator.getByRole('row').filter({ hasText: 'Data in' }).filter({ hasText: 'NHS number' }).waitFor();
  await moderator.screenshot({ path: `${process.env.SCREENSHOTS ?? '/tmp'}/design-held-list.png` });
  await moderator.goBack();
  await dataIn(moderator).getByRole('button', { name: 'Clear for readers' }).click();
  await moderator.screenshot({ path: `${process.env.SCREENSHOTS ?? '/tmp'}/design-held-moderator.png` });
  await dataIn(reader).getByText('This section is hidden while a moderator checks it.').waitFor({ state: 'detached' });
  await reader.waitForFunction(() => (document.querySelector('section[data-key="data_in"] textarea') as HTMLTextAreaElement | null)?.value.trim() === 'The SSDA903 return.');
}, 90_000);

test('versions: name one, compare two, restore one, and everyone editing sees it', async () => {
  const ann = await signedIn(app.url, { displayName: 'Ann Author' });
  const bob = await signedIn(app.url, { displayName: 'Bob Builder' });
  const slug = `versions-design-${Date.now()}`;
  expect((await ann.client.post('/api/tools', { slug, name: `Versioned tool ${slug}`, summary: 'A tool whose design has versions.' })).status).toBe(201);
  const a = await page(ann.client.cookie);
  const b = await page(bob.client.cookie);
  for (const p of [a, b]) await p.goto(`/tools/${slug}/design`);
  const rules = a.locator('section[data-key="rules"]');
  const versionsOf = async () => {
    const summary = rules.getByText('Versions of rules');
    if (await rules.locator('details[open]').count()) await summary.click(); // close, so opening reads them again
    await summary.click();
  };

  await box(a, 'Rules').click();
  await box(a, 'Rules').pressSequentially('Count each placement once.', { delay: 5 });
  // After a pause it is a version (on a slow machine a pause may come mid-word: wait for the whole text); Ann names it.
  const first = await versionOf(ann.client, slug, 'Count each placement once.');
  await versionsOf();
  await rules.locator('li strong', { hasText: `Version ${first}` }).waitFor();
  await rules.getByLabel('Name this version').fill('First draft');
  await rules.getByRole('button', { name: 'Save version' }).click();
  await rules.locator('li strong', { hasText: 'First draft' }).waitFor();

  await box(a, 'Rules').press('End');
  await box(a, 'Rules').pressSequentially(' Ignore respite.', { delay: 5 });
  const second = await versionOf(ann.client, slug, 'Count each placement once. Ignore respite.');
  await versionsOf();
  await rules.locator('li strong', { hasText: `Version ${second}` }).waitFor();
  await rules.getByLabel('Compare from').selectOption({ label: 'First draft' });
  await rules.getByLabel('Compare to').selectOption({ label: `Version ${second}` });
  await rules.getByRole('button', { name: 'Compare' }).click();
  await rules.locator('.app-diff__added', { hasText: 'Count each placement once. Ignore respite.' }).waitFor();
  await rules.locator('.app-diff__removed', { hasText: 'Count each placement once.' }).waitFor();
  await a.screenshot({ path: `${process.env.SCREENSHOTS ?? '/tmp'}/design-versions.png` });

  await rules.getByRole('button', { name: `Restore version ${first}` }).click();
  for (const p of [a, b]) {
    await p.waitForFunction(async () => {
      const copy = document.querySelector('section[data-key="rules"] .cm-content')?.cloneNode(true) as HTMLElement | undefined;
      copy?.querySelectorAll('.cm-ySelectionCaret').forEach((c) => c.remove()); // others' cursors, with their names
      return copy?.textContent?.trim() === 'Count each placement once.';
    });
  }
}, 90_000);

/** The number of the version holding `body`, once the pause after typing it has made one. */
function versionOf(client: { get(path: string): Promise<{ body: { items: { revision: number; body: string }[] } }> }, slug: string, body: string): Promise<number> {
  return eventually(async () => {
    const found = (await client.get(`/api/tools/${slug}/design/sections/rules/revisions`)).body.items.find((r) => r.body === body);
    expect(found).toBeDefined();
    return found!.revision;
  }, 20_000);
}
