/**
 * The API documentation and the GraphiQL explorer in a real browser, served by the gateway as
 * `npm start` runs it: the explorer signs in through the development identity provider with the
 * portal's client, sends the token with each operation, and nothing is fetched from outside.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import {
  accessibilityViolations,
  ARTIFACTS,
  launchBrowser,
  PASSWORD,
  screenshot,
  startPortalStack,
  type PortalStack,
} from '../support/browser.js';

let portal: PortalStack;
let browser: Browser;

beforeAll(async () => {
  portal = await startPortalStack('explorer', { subgraphTimeoutMs: 5000, today: '2020-06-30' });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** Every address the browser asked for, workers' included, but in-page data and blob URLs. */
function recordRequests(context: BrowserContext): Request[] {
  const requests: Request[] = [];
  context.on('request', (request) => {
    if (/^https?:/.test(request.url())) requests.push(request);
  });
  return requests;
}

describe('the API explorer', () => {
  it('signs in through the identity provider, runs a query with the token, and fetches only from this machine', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'tr-TR' });
    const requests = recordRequests(context);
    const page = await context.newPage();
    await page.goto(`${portal.portalUrl}explorer`);
    await page.locator('#kc-form-login').waitFor();
    await page.fill('#username', 'justice.liaison');
    await page.fill('#password', PASSWORD);
    await page.click('#kc-login');
    await page.waitForURL((url) => url.pathname === '/explorer');
    await page.getByRole('heading', { level: 1, name: /API gezgini/ }).waitFor();

    const run = page.locator('.graphiql-execute-button');
    await run.waitFor();
    await page.locator('.graphiql-query-editor').getByText('StrategicAreas').waitFor();
    await run.click();
    const result = page.locator('.result-window');
    // Monaco lays out spaces as no-break spaces.
    const shown = async () => ((await result.textContent()) ?? '').replace(/\u00a0/g, ' ');
    await expect.poll(shown, { timeout: 20_000 }).toContain('"areas"');
    expect(await shown()).toContain('"code": "A1"');
    await screenshot(page, 'explorer-query-1280');

    const graphCalls = requests.filter((r) => new URL(r.url()).pathname === '/graphql');
    expect(graphCalls.length).toBeGreaterThan(0);
    for (const call of graphCalls) expect(call.headers()['authorization']).toMatch(/^Bearer ey/);
    const hosts = new Set(requests.map((r) => new URL(r.url()).hostname));
    expect([...hosts]).toEqual(['127.0.0.1']);
    await context.close();
  });
});

/**
 * The page holds every type of the API, too long for axe to read whole in a test's time (minutes on
 * a busy machine). Every section comes from one template, so axe reads the landmarks, the overview
 * with its tables, and a type of each kind.
 */
const DOCS_SAMPLE = [
  'header',
  '#index',
  '#content > section:first-child',
  ...['Query', 'ProgressReport', 'Action', 'ProgressReportInput', 'ReportState', 'Date'].map((t) => `#type-${t}`),
];

/** The window as a reader sees it; the whole page is too tall for one picture. */
async function viewportShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

describe('the API documentation', () => {
  it('passes axe in both languages, filters its type index as one types, and loads only from the gateway', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'tr-TR' });
    const requests = recordRequests(context);
    const page = await context.newPage();
    await page.goto(`${portal.portalUrl}docs`);
    await page.getByRole('heading', { level: 1, name: 'Çocuk Koruma Koordinasyon API belgeleri' }).waitFor();
    expect(await accessibilityViolations(page, DOCS_SAMPLE)).toEqual([]);

    const index = page.getByRole('navigation', { name: 'Tür dizini' });
    const allTypes = await index.getByRole('link').count();
    await index.getByLabel('Türleri süz').fill('ilerleme raporu');
    await expect.poll(() => index.getByRole('link').filter({ visible: true }).count()).toBeLessThan(allTypes);
    await index.getByRole('link', { name: 'ProgressReport', exact: true }).waitFor({ state: 'visible' });
    await index.getByRole('link', { name: 'CoordinationBody', exact: true }).waitFor({ state: 'hidden' });
    expect(await index.getByRole('status').textContent()).toMatch(/^\d+ tür gösteriliyor$/);
    await index.getByRole('link', { name: 'ProgressReport', exact: true }).click();
    await page.waitForURL((url) => url.hash === '#type-ProgressReport');
    const section = page.getByRole('region', { name: /^ProgressReport/ });
    expect(await section.getByText('Eylemin ne kadarının tamamlandığı, 0 ile 100 arası.').isVisible()).toBe(true);
    await viewportShot(page, 'docs-tr-1280');

    await page.getByRole('link', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Child Protection Coordination API reference' }).waitFor();
    expect(await accessibilityViolations(page, DOCS_SAMPLE)).toEqual([]);
    await page.setViewportSize({ width: 768, height: 900 });
    await viewportShot(page, 'docs-en-768');

    expect([...new Set(requests.map((r) => new URL(r.url()).origin))]).toEqual([portal.portalUrl.replace(/\/$/, '')]);
    await context.close();
  }, 180_000);
});
