/**
 * The reporting workflow in a real browser, through the portal's pages only: the justice
 * ministry's liaison writes and submits a quarter's report, a focal point returns it with a
 * comment, the liaison answers the comment and resubmits, and the focal point approves it. Every
 * page visited passes axe's WCAG 2.1 A/AA rules; screenshots go to test-artifacts/portal/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  accessibilityViolations,
  launchBrowser,
  screenshot,
  checkPage,
  signedIn,
  startPortalStack,
  type PortalStack,
} from '../support/browser.js';

let portal: PortalStack;
let browser: Browser;
// The portal takes the current quarter from the browser's clock, so the graph runs on today too.
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  portal = await startPortalStack('reporting_walks', { subgraphTimeoutMs: 2000, today });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Ana menü' });
const FIRST_TEXT = 'Örnek: hâkim ve savcılara çocuk adaleti eğitimi sürüyor (example).';
const RETURN_COMMENT = 'Eğitim alan kişi sayısını ve illeri ekleyin.';
const SECOND_TEXT = 'Örnek: 12 ilde 240 hâkim ve savcı eğitildi (example).';
/** The action the walk reports on: the first one due this quarter, as the inbox lists it. */
let actionCode = '';

describe('reporting and approval in a browser', () => {
  it('(2) justice.liaison saves a draft for this quarter, then submits it', async () => {
    const { context, page } = await signedIn(browser, portal, 'justice.liaison');
    await nav(page).getByRole('link', { name: 'Raporlama' }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Kurumumuzun raporlaması');
    const due = page.locator('section[aria-labelledby="due-heading"]');
    const first = due.locator('tbody th a').first();
    await first.waitFor();
    actionCode = (await first.locator('.code').textContent()) ?? '';
    expect(actionCode).toMatch(/^A\d/);
    await checkPage(page, 'reporting-inbox');

    await first.click();
    await page.locator('#editor-heading').waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain('Bu dönem için henüz rapor yok');
    await page.getByLabel('Tamamlanma (%, 0–100)').fill('40');
    await page.getByLabel('Açıklama').fill(FIRST_TEXT);
    await page.getByRole('button', { name: 'Taslağı kaydet' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Taslak kaydedildi.' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Onaya sun' }).isEnabled()).toBe(true);
    await checkPage(page, 'report-draft');

    await page.getByRole('button', { name: 'Onaya sun' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('İncelemede: justice.liaison');
    await expect.poll(() => page.getByRole('button', { name: 'Geri çek' }).isVisible()).toBe(true);
    await checkPage(page, 'report-under-review');
    await context.close();
  });

  it('(3) justice.focal returns it with a comment, which the form requires', async () => {
    const { context, page } = await signedIn(browser, portal, 'justice.focal');
    await nav(page).getByRole('link', { name: 'Onay bekleyenler' }).click();
    const row = page.locator('tbody tr').filter({ hasText: actionCode });
    await row.first().waitFor();
    await checkPage(page, 'approvals-queue');
    await row.first().locator('th a').click();
    await page.locator('#compare-heading').waitFor();
    await expect.poll(() => page.locator('table').first().textContent()).toContain(FIRST_TEXT);
    await expect.poll(() => page.locator('table').first().textContent()).toContain('Değişti:');
    await checkPage(page, 'review-first');

    await page.getByRole('button', { name: 'İade et' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('İade ederken bir yorum yazın.');
    await page.getByLabel('Neyin düzeltilmesi gerektiği (zorunlu)').fill(RETURN_COMMENT);
    await page.getByRole('button', { name: 'İade et' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Rapor yorumunuzla iade edildi.');
    await context.close();
  });

  it('(4) the liaison sees the comment, corrects the report and submits it again', async () => {
    const { context, page } = await signedIn(browser, portal, 'justice.liaison');
    await nav(page).getByRole('link', { name: 'Raporlama' }).click();
    const returned = page.locator('section[aria-labelledby="returned-heading"]');
    await expect.poll(() => returned.textContent()).toContain(RETURN_COMMENT);
    await expect.poll(() => returned.textContent()).toContain('justice.focal');
    await returned.locator('tbody th a').filter({ hasText: actionCode }).click();
    await page.locator('#editor-heading').waitFor();
    await expect.poll(() => page.locator('.banner-warning').textContent()).toContain(RETURN_COMMENT);
    await expect.poll(() => page.getByLabel('Açıklama').inputValue()).toBe(FIRST_TEXT);
    await checkPage(page, 'report-returned');

    await page.getByLabel('Tamamlanma (%, 0–100)').fill('55');
    await page.getByLabel('Açıklama').fill(SECOND_TEXT);
    await expect.poll(() => page.getByRole('button', { name: 'Onaya sun' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Taslağı kaydet' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Taslak kaydedildi.' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Onaya sun' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('İncelemede');
    await context.close();
  });

  it('(5) the focal point approves it, and the action page shows the approved report', async () => {
    const { context, page } = await signedIn(browser, portal, 'justice.focal');
    await nav(page).getByRole('link', { name: 'Onay bekleyenler' }).click();
    await page.locator('tbody tr').filter({ hasText: actionCode }).first().locator('th a').click();
    await page.locator('#compare-heading').waitFor();
    await expect.poll(() => page.locator('table').first().textContent()).toContain(SECOND_TEXT);
    await checkPage(page, 'review-second');
    await page.getByRole('button', { name: 'Raporu onayla' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Rapor onaylandı.');
    await page.getByRole('link', { name: 'Eylemin sayfası' }).click();
    await page.locator('#reports-heading').waitFor();
    const reports = page.locator('section[aria-labelledby="reports-heading"]');
    await expect.poll(() => reports.textContent()).toContain(SECOND_TEXT);
    await expect
      .poll(() => reports.locator('tbody tr').filter({ hasText: SECOND_TEXT }).textContent())
      .toContain('Onaylandı');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'action-approved-1280');

    // The period is locked now: its editor says who approved it and offers a correction.
    await nav(page).getByRole('link', { name: 'Raporlama' }).click();
    await page.locator('section[aria-labelledby="all-heading"] tbody th a').filter({ hasText: actionCode }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Onaylandı: justice.focal');
    await expect.poll(() => page.getByRole('button', { name: 'Düzeltme aç' }).isVisible()).toBe(true);
    await checkPage(page, 'report-approved');
    await context.close();
  });
});
