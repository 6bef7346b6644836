/**
 * Walks through the portal in a real browser (Debian's chromium through playwright-core), against
 * the whole stack as `npm start` runs it: the compiled services on free ports, the development
 * identity provider's login page, the gateway serving the built portal. Every page a walk visits
 * must pass axe's WCAG 2.1 A/AA rules. Screenshots go to test-artifacts/portal/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  accessibilityViolations,
  isFocused,
  launchBrowser,
  screenshot,
  signedIn,
  startPortalStack,
  type PortalStack,
} from '../support/browser.js';

let portal: PortalStack;
let browser: Browser;

beforeAll(async () => {
  // Generous: on a loaded machine a slow answer must not turn into an "agency down" banner; walk 8
  // stops a process instead of waiting for a timeout.
  portal = await startPortalStack('portal_walks', { subgraphTimeoutMs: 5000, today: '2020-06-30' });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** The action table's rows, as the responsible ministry's short name and the status cell's text. */
async function actionRows(page: Page): Promise<{ agency: string; status: string }[]> {
  const table = page.locator('section[aria-labelledby="actions-heading"] table');
  await table.locator('tbody tr').first().waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => ({ agency: row.children[2]?.textContent ?? '', status: row.children[3]?.textContent ?? '' })),
    );
}

describe('the portal in a browser', () => {
  it('(1) justice.liaison signs in through the login page and sees the plan, then an action', async () => {
    const { context, page } = await signedIn(browser, portal, 'justice.liaison');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Eylem planı');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('tr');
    const header = page.locator('header');
    await expect.poll(() => header.textContent()).toContain('Adalet Bakanlığı');
    await expect.poll(() => header.textContent()).toContain('İrtibat görevlisi');
    const rows = await actionRows(page);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.some((row) => row.agency === 'Adalet')).toBe(true);
    await expect.poll(() => page.getByRole('navigation', { name: 'Alanlar ve hedefler' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'plan-1280');
    await page.setViewportSize({ width: 768, height: 900 });
    await screenshot(page, 'plan-768');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The text search folds Turkish case: "İ" and "i" find each other.
    await page.getByRole('searchbox', { name: 'Ara' }).fill('A1.');
    await expect.poll(() => page.locator('.result-count').textContent()).toContain('eylemden');

    await page.locator('section[aria-labelledby="actions-heading"] tbody th a').first().click();
    await page.locator('#institutions-heading').waitFor();
    await expect.poll(() => page.locator('main h1').textContent()).toContain('A1.');
    await page.locator('#indicators-heading').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'action-1280');
    await context.close();
  });

  it('reaches the skip link and the navigation with the keyboard alone', async () => {
    const { context, page } = await signedIn(browser, portal, 'family.board');
    await page.reload();
    // Settled first: the plan's list renders after the page's load event.
    await actionRows(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Ana içeriğe geç' });
    await expect.poll(() => isFocused(skip)).toBe(true);
    await expect.poll(() => skip.isVisible()).toBe(true);
    await screenshot(page, 'skip-link');
    await page.keyboard.press('Tab');
    await expect
      .poll(() =>
        isFocused(page.getByRole('navigation', { name: 'Ana menü' }).getByRole('link', { name: 'Eylem planı' })),
      )
      .toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => isFocused(page.locator('main'))).toBe(true);
    await context.close();
  });

  it('(9) switches to English, sees English labels, and keeps the choice', async () => {
    const { context, page } = await signedIn(browser, portal, 'health.focal');
    await page.getByRole('radio', { name: 'English' }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Action plan');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.locator('header').textContent()).toContain('Ministry of Health');
    await expect.poll(() => page.locator('header').textContent()).toContain('Focal point');
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'plan-english-1280');
    await page.reload();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Action plan');
    await context.close();
  });

  it("(8) with the justice ministry's service down, the banner names it and the others' data still shows", async () => {
    await portal.stack.kill('justice');
    const { context, page } = await signedIn(browser, portal, 'health.liaison');
    const banner = page.locator('.banner-warning');
    await expect.poll(() => banner.textContent()).toContain('Adalet Bakanlığı');
    const rows = await actionRows(page);
    const justice = rows.filter((row) => row.agency === 'Adalet');
    const others = rows.filter((row) => row.agency !== 'Adalet');
    expect(justice.length).toBeGreaterThan(0);
    expect(justice.every((row) => row.status === 'bilinmiyor')).toBe(true);
    expect(others.some((row) => row.status !== 'bilinmiyor')).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'plan-justice-down-1280');

    await page.getByRole('radio', { name: 'English' }).click();
    await expect.poll(() => banner.textContent()).toContain('Ministry of Justice');
    await expect.poll(() => banner.textContent()).not.toContain('Adalet');
    await context.close();
  });
});
