/**
 * The coordination boards' pages in a real browser, on the whole stack (see portal.test.ts): the
 * secretary runs a meeting from scheduling to the PDF of its frozen board pack, and a board member
 * sees an approval reach the dashboard. Walk 7 runs first: walk 6 compares with the meeting it closed.
 * Every page passes axe's WCAG 2.1 A/AA rules; screenshots at 1280 and 768 px go to test-artifacts/portal/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  accessibilityViolations,
  ARTIFACTS,
  launchBrowser,
  queryAs,
  screenshot,
  checkPage,
  signedIn,
  startPortalStack,
  type PortalStack,
} from '../support/browser.js';

let portal: PortalStack;
let browser: Browser;

beforeAll(async () => {
  portal = await startPortalStack('boards_walks', { subgraphTimeoutMs: 2000, today: '2020-06-30' });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** What a person sees first: the top of the page, not the whole scroll (easier to judge by eye). */
async function viewportShots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 1100 });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-top-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Types a date into a date field segment by segment, in the page's order (day, month, year in Turkish). */
async function typeDate(scope: Page | Locator, label: string, digits: string): Promise<void> {
  const field = scope.getByRole('group', { name: label });
  await field.getByRole('spinbutton').first().click();
  await field.page().keyboard.type(digits);
}

function agendaCodes(page: Page): Promise<string[]> {
  return page.locator('.agenda .agenda-label').allTextContents();
}

async function addAgendaItem(page: Page, search: string, optionText: string): Promise<void> {
  const before = (await agendaCodes(page)).length;
  await page.getByRole('combobox', { name: /Plan maddesi/ }).fill(search);
  await page.getByRole('option').filter({ hasText: optionText }).first().click();
  await page.getByRole('button', { name: 'Ekle', exact: true }).click();
  await expect.poll(async () => (await agendaCodes(page)).length).toBe(before + 1);
}

const MEETING_ID = 'provincial-06-2020-06-15';
/** Closing and the cross-agency views read every ministry through the gateway: give them time. */
const SLOW = { timeout: 20_000 };

describe('the coordination boards in a browser', () => {
  it('(7) the secretary runs a meeting: agenda, decision, closing, and the PDF of its frozen pack', async () => {
    const { context, page } = await signedIn(browser, portal, 'family.secretariat');
    await page
      .getByRole('navigation', { name: 'Ana menü' })
      .getByRole('link', { name: 'Kurullar ve toplantılar' })
      .click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Koordinasyon kurulları');
    await expect.poll(() => page.locator('.result-count').textContent()).toContain('82 kuruldan 82');
    await checkPage(page, 'boards-bodies');

    // Turkish case folding: "İZMİR" typed in capitals finds İzmir's board; "ankara" finds Ankara's.
    const search = page.getByRole('searchbox', { name: 'Ara' });
    await search.fill('İZMİR');
    await expect.poll(() => page.locator('main tbody tr').count()).toBe(1);
    await expect.poll(() => page.locator('main tbody').textContent()).toContain('İzmir İl Çocuk Koruma');
    await search.fill('ankara');
    await page.getByRole('link', { name: 'Ankara İl Çocuk Koruma Koordinasyon Kurulu' }).click();
    await page.locator('#body-meetings-heading').waitFor();
    await checkPage(page, 'boards-body');

    await typeDate(page, 'Tarih', '15062020');
    await page.getByLabel('Toplantının adı').fill('Ankara il kurulu toplantısı (örnek)');
    await page.getByRole('button', { name: 'Toplantıyı planla' }).click();
    await page.waitForURL((url) => url.pathname === `/meetings/${MEETING_ID}`);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Ankara il kurulu toplantısı (örnek)');

    await addAgendaItem(page, 'A1.H1.E2', 'A1.H1.E2 ');
    await addAgendaItem(page, 'a4.h1', 'A4.H1.E1 ');
    await addAgendaItem(page, 'A1.H1', 'A1.H1 ');
    const [first, second, third] = await agendaCodes(page);
    expect([first, second, third].map((label) => label?.split(' ')[0])).toEqual(['A1.H1.E2', 'A4.H1.E1', 'A1.H1']);
    // Reordered with the buttons: the goal up twice, to the top.
    const up = page.getByRole('button', { name: 'Yukarı taşı: A1.H1', exact: true });
    await up.click();
    await expect.poll(async () => (await agendaCodes(page))[1]?.split(' ')[0]).toBe('A1.H1');
    await up.click();
    await expect
      .poll(async () => (await agendaCodes(page)).map((l) => l.split(' ')[0]))
      .toEqual(['A1.H1', 'A1.H1.E2', 'A4.H1.E1']);
    await page.getByRole('button', { name: 'Kaldır: A4.H1.E1' }).click();
    await expect.poll(async () => (await agendaCodes(page)).length).toBe(2);

    await page.getByLabel('Toplantı tutanağı').fill('Kurul adli görüşme odalarını görüştü (örnek tutanak).');
    await page.getByRole('button', { name: 'Tutanağı kaydet' }).click();
    await expect.poll(() => page.locator('.saved-note').textContent()).toBe('Tutanak kaydedildi.');

    const decisions = page.locator('section[aria-labelledby="decisions-heading"]');
    await decisions
      .getByLabel('Karar', { exact: true })
      .fill('Adalet Bakanlığı oda sayısını bildirecek (örnek karar).');
    await decisions.getByRole('button', { name: /Sorumlu bakanlık/ }).click();
    await page.getByRole('option', { name: 'Adalet Bakanlığı' }).click();
    await typeDate(decisions, 'Son tarih', '30092020');
    await decisions.getByRole('button', { name: 'Kararı kaydet' }).click();
    await expect.poll(() => decisions.locator('tbody').textContent()).toContain('oda sayısını bildirecek');
    await expect.poll(() => decisions.locator('tbody').textContent()).toContain('30.09.2020');
    await expect.poll(() => page.locator('.pack-basis').textContent(), SLOW).toContain('Canlı');
    await checkPage(page, 'boards-meeting-open');
    await viewportShots(page, 'boards-meeting-open');

    await page.getByRole('button', { name: 'Toplantıyı kapat…' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.textContent()).toContain('geri alınamaz');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'boards-close-dialog-1280');
    await dialog.getByRole('button', { name: 'Kapat ve dondur' }).click();
    await expect.poll(() => page.locator('.meeting-state').textContent(), SLOW).toBe('Kapandı');
    await expect.poll(() => page.locator('.pack-basis').textContent(), SLOW).toContain('dondurulmuş');
    // Frozen: nothing on the page edits the meeting any more.
    expect(await page.getByRole('button', { name: /Yukarı taşı/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Kararı kaydet' }).count()).toBe(0);
    // A provincial board's pack: Ankara's figures beside the national ones.
    await expect
      .poll(() => page.locator('section[aria-labelledby="pack-heading"]').textContent())
      .toContain('İl (06) son değeri');
    await checkPage(page, 'boards-meeting-closed');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PDF olarak indir' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`board-pack-${MEETING_ID}-tr.pdf`);
    const file = await download.path();
    await viewportShots(page, 'boards-meeting-closed');
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(2000);
    await context.close();
  }, 180_000);

  it('(6) after an approval the dashboard shows the new status, and what changed since the meeting', async () => {
    const { context, page } = await signedIn(browser, portal, 'family.board');
    await page.goto(`${portal.portalUrl}dashboard?body=provincial-06`);
    const cell = page.locator('tr[data-goal="A1.H1"] td[data-agency="JUSTICE"]');
    await expect.poll(() => cell.textContent(), SLOW).toContain('Sürüyor');
    expect(await cell.textContent()).not.toContain('Tamamlandı');
    await page.locator('[data-agency="JUSTICE"].agency-changes').waitFor();
    await checkPage(page, 'boards-dashboard');
    await viewportShots(page, 'boards-dashboard');

    // Justice's liaison reports the action complete; its focal point (another person) approves.
    const saved = await queryAs<{ justice: { saveProgressReport: { id: string; version: number } } }>(
      portal,
      'justice.liaison',
      `mutation { justice { saveProgressReport(input: { actionCode: "A1.H1.E2", period: "2020-Q2", status: COMPLETED,
        percentComplete: 100, narrative: "Örnek: odalar tüm adliyelerde." }) { id version } } }`,
    );
    expect(saved.errors).toBeUndefined();
    const report = saved.data?.justice.saveProgressReport;
    const submitted = await queryAs<{ justice: { submitProgressReport: { version: number } } }>(
      portal,
      'justice.liaison',
      'mutation($id: ID!, $v: Int!) { justice { submitProgressReport(input: { id: $id, expectedVersion: $v }) { version } } }',
      { id: report?.id, v: report?.version },
    );
    expect(submitted.errors).toBeUndefined();
    const approved = await queryAs(
      portal,
      'justice.focal',
      'mutation($id: ID!, $v: Int!) { justice { approveProgressReport(input: { id: $id, expectedVersion: $v }) { state } } }',
      { id: report?.id, v: submitted.data?.justice.submitProgressReport.version },
    );
    expect(approved.errors).toBeUndefined();

    await page.reload();
    await expect.poll(() => cell.textContent(), SLOW).toContain('Tamamlandı');
    const justice = page.locator('[data-agency="JUSTICE"].agency-changes');
    await expect.poll(() => justice.textContent(), SLOW).toContain('A1.H1.E2');
    await expect.poll(() => justice.textContent()).toContain('Onaylandı');
    await checkPage(page, 'boards-dashboard-approved');

    // With justice down its changes are unknown, never "no change".
    await portal.stack.kill('justice');
    await page.reload();
    await expect.poll(() => justice.textContent(), SLOW).toContain('bilinmiyor — Adalet Bakanlığı okunamadı');
    expect(await justice.textContent()).not.toContain('değişiklik yok.');
    await expect.poll(() => page.locator('.banner-warning').first().textContent()).toContain('Adalet Bakanlığı');
    await expect.poll(() => cell.textContent()).toContain('bilinmiyor');
    await checkPage(page, 'boards-dashboard-justice-down');
    await viewportShots(page, 'boards-dashboard-justice-down');
    await context.close();
  }, 180_000);
});
