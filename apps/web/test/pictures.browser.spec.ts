/// <reference lib="dom" />
/**
 * The pictures render under the production CSP and pass axe: the England map on the home page, the
 * catalogue by stage and dataset, an initiative's burn-up and the most backed ideas. Each has its data
 * in a table beside it.
 * Needs dist/web (npm run build:web) and the chromium binary.
 */
import { readFileSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './browser';
import { isolated, signedIn, startApp, verifiedMemberOf, type TestApp } from '../../api/test/harness';

let app: TestApp;
let browser: Browser;
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  app = await startApp(await isolated('pictures-browser'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A page that records every CSP refusal the browser reports. */
async function open(path: string): Promise<{ page: Page; refused: string[] }> {
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  page.on('pageerror', (e) => refused.push(`page error: ${e.message}`));
  await page.goto(path);
  return { page, refused };
}

/** axe's violations inside the figure named `caption` (axe is evaluated in the page, not injected as a script the CSP would refuse). */
async function checkFigure(page: Page, caption: string) {
  const figure = page.locator('figure', { has: page.locator('figcaption', { hasText: caption }) });
  await figure.locator('svg[role="img"], figure[role="img"]').first().waitFor();
  await figure.getByText(/Show (the map )?as a table/).click();
  await figure.locator('table').waitFor();
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (text) => {
    const target = Array.from(document.querySelectorAll('figure')).find((f) => f.querySelector('figcaption')?.textContent?.includes(text))!;
    const result = await (window as unknown as { axe: { run(el: Element): Promise<{ violations: { id: string; help: string }[] }> } }).axe.run(target);
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  }, caption);
  expect(violations).toEqual([]);
}

test('the home page map, a tool’s adoption map and the catalogue charts render under the CSP and pass axe', async () => {
  await app.db.query(
    `INSERT INTO tool_adoptions (tool_id, organisation_id, status)
     SELECT t.id, o.id, 'uses' FROM tools t, organisations o WHERE o.la_code IN ('202', '886') ORDER BY t.id LIMIT 2 ON CONFLICT DO NOTHING`,
  );
  const home = await open('/');
  await checkFigure(home.page, 'Shared tools in use across England');
  await home.page.screenshot({ path: '.tmp/picture-home.png', fullPage: true });
  expect(home.refused).toEqual([]);

  const slug = (await app.db.query(`SELECT t.slug FROM tools t JOIN tool_adoptions a ON a.tool_id = t.id ORDER BY t.id LIMIT 1`))[0].slug;
  const tool = await open(`/tools/${slug}`);
  await checkFigure(tool.page, 'Adoption across England');
  await tool.page.locator('figure', { hasText: 'Adoption across England' }).first().screenshot({ path: '.tmp/picture-tool-map.png' });
  expect(tool.refused).toEqual([]);

  const tools = await open('/tools');
  await tools.page.getByRole('heading', { name: 'The catalogue at a glance' }).waitFor({ timeout: 5000 }).catch(() => undefined);
  expect(tools.refused).toEqual([]);
  await checkFigure(tools.page, 'Tools by stage');
  await checkFigure(tools.page, 'Tools by dataset');
  await tools.page.locator('section[aria-labelledby="glance"]').screenshot({ path: '.tmp/picture-tools.png' });
  expect(tools.refused).toEqual([]);
});

test('an initiative burn-up and the most backed ideas render under the CSP and pass axe', async () => {
  const lead = await signedIn(app.url);
  const slug = `burn-${Date.now().toString(36)}`;
  await lead.client.post('/api/initiatives', { slug, title: 'Burn-up check', summary: 'An initiative with milestones for the chart.', focusArea: 'facilitating' });
  for (const [title, dueDate] of [['Scope agreed', '2026-09-01'], ['Pilot live', '2026-10-15'], ['Rolled out', '2027-01-31']]) {
    await lead.client.post(`/api/initiatives/${slug}/milestones`, { title, dueDate });
  }
  const milestones = (await lead.client.get(`/api/initiatives/${slug}`)).body.initiative.milestones;
  await lead.client.patch(`/api/initiatives/${slug}/milestones/${milestones[0].id}`, { done: true });
  const initiative = await open(`/initiatives/${slug}`);
  await checkFigure(initiative.page, 'Milestones done against due');
  await initiative.page.locator('figure', { hasText: 'Milestones done against due' }).first().screenshot({ path: '.tmp/picture-burnup.png' });
  expect(initiative.refused).toEqual([]);

  const backer = await signedIn(app.url);
  await verifiedMemberOf(app, backer.client, (await app.db.query(`SELECT id FROM organisations WHERE la_code = '330'`))[0].id);
  const idea = await lead.client.post('/api/ideas', { title: 'A shared Annex A checker', body: 'Every authority prepares Annex A for inspection by hand, twice a year.' });
  await backer.client.put(`/api/ideas/${idea.body.idea.id}/backing`);
  const ideas = await open('/ideas');
  await checkFigure(ideas.page, 'Most backed');
  expect(ideas.refused).toEqual([]);
});
