/**
 * The spreadsheet import in a real browser: the justice ministry's liaison opens the import page
 * from the reporting inbox, uploads a file that is not a spreadsheet and is told so, then uploads
 * the sample workbook, sees what each row will do, confirms, and finds the draft in the editor.
 * Every state passes axe's WCAG 2.1 A/AA rules; screenshots go to test-artifacts/portal/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@cocuk-koruma/platform/config';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launchBrowser, signedIn, startPortalStack, type PortalStack } from '../support/browser.js';

const SAMPLE = path.join(REPO_ROOT, 'packages/spreadsheet-import/examples/ornek-adalet.xlsx');
let portal: PortalStack;
let browser: Browser;

beforeAll(async () => {
  portal = await startPortalStack('import_walk', {
    subgraphTimeoutMs: 2000,
    today: new Date().toISOString().slice(0, 10),
  });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('spreadsheet import in a browser', () => {
  it('justice.liaison uploads, previews and confirms the sample workbook', async () => {
    const { context, page } = await signedIn(browser, portal, 'justice.liaison');
    await page.getByRole('navigation', { name: 'Ana menü' }).getByRole('link', { name: 'Raporlama' }).click();
    await page.getByRole('link', { name: 'Tablodan içe aktar (XLSX, CSV)' }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Tablodan içe aktarma');
    await checkPage(page, 'import-empty');

    const file = page.getByLabel('Dosya (XLSX ya da CSV, en çok 5.000 satır)');
    await file.setInputFiles({ name: 'rapor.xlsx', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
    await page.getByRole('button', { name: 'Önizle' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'hiçbir şey yazılmadı' });
    await expect.poll(() => alert.textContent()).toContain('not a spreadsheet');
    await checkPage(page, 'import-not-a-spreadsheet');

    await file.setInputFiles({
      name: 'ornek-adalet.xlsx',
      mimeType: 'application/octet-stream',
      buffer: fs.readFileSync(SAMPLE),
    });
    await page.getByRole('button', { name: 'Önizle' }).click();
    await expect
      .poll(() => page.locator('#preview-heading').textContent())
      .toBe('Önizleme: henüz hiçbir şey yazılmadı');
    const table = page.getByRole('table', { name: 'Satırlar' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(6);
    await expect.poll(() => table.locator('tbody').textContent()).toContain('A1.H1.E2.G1/2025-Q3/06/justice');
    await checkPage(page, 'import-preview');

    await page.getByRole('button', { name: 'Onayla: 6 satırı yaz' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'İçe aktarıldı' }).textContent())
      .toContain('6 yeni, 0 güncellenen, 0 değişmeyen');
    await expect.poll(() => page.locator('#preview-heading').textContent()).toBe('İçe aktarma tamamlandı');
    await checkPage(page, 'import-committed');

    // The imported report waits in the editor as a draft of this liaison.
    await page.goto(new URL('/reporting/A1.H1.E2/2025-Q3', portal.portalUrl).href);
    await page.locator('#editor-heading').waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain('Örnek: adli görüşme odaları');
    await context.close();
  });
});
