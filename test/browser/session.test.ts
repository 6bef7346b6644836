/**
 * The portal's session in a real browser: a short-lived access token is renewed without the
 * person noticing, and signing out ends the session at the identity provider as well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Request } from 'playwright-core';
import {
  accessibilityViolations,
  launchBrowser,
  screenshot,
  signIn,
  signedIn,
  startPortalStack,
  type PortalStack,
} from '../support/browser.js';

// oidc-client-ts renews a minute before expiry: a 65-second token is renewed about 5 s after
// sign-in, so the walk sees a renewal without waiting out the realm's five minutes.
const LIFESPAN_SECONDS = 65;

let portal: PortalStack;
let browser: Browser;

beforeAll(async () => {
  portal = await startPortalStack('portal_session', {
    subgraphTimeoutMs: 5000,
    today: '2020-06-30',
    accessTokenLifespan: LIFESPAN_SECONDS,
  });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

const bearerOf = (request: Request) => request.headers()['authorization'] ?? '';

describe('the portal session', () => {
  it('renews a short-lived token in the background, and the next page is read with the new one', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'tr-TR' });
    const page = await context.newPage();
    const graphCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') graphCalls.push(bearerOf(request));
    });
    await signIn(page, portal.portalUrl, 'justice.liaison');
    await page.locator('.result-count').waitFor();
    const firstToken = graphCalls.at(-1);
    expect(firstToken).toMatch(/^Bearer /);

    // The renewal is a refresh-token grant at the realm's token endpoint, with no page load.
    await page.waitForRequest(
      (request) =>
        request.url().endsWith('/protocol/openid-connect/token') &&
        (request.postData() ?? '').includes('grant_type=refresh_token'),
      { timeout: 30_000 },
    );
    await page.getByRole('link', { name: 'Kurul panosu' }).click();
    await page.locator('#matrix-heading').waitFor();
    await expect.poll(() => graphCalls.at(-1)).not.toBe(firstToken);
    expect(graphCalls.at(-1)).toMatch(/^Bearer /);
    // Still signed in, as the same person, with no error on the page.
    await expect.poll(() => page.locator('header').textContent()).toContain('Adalet');
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    await context.close();
  });

  it('signs out at the identity provider too, so the portal asks for the password again', async () => {
    const { context, page } = await signedIn(browser, portal, 'health.focal');
    await page.getByRole('button', { name: 'Oturumu kapat' }).click();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 30_000 }).toContain('Oturumunuz kapatıldı');
    await screenshot(page, 'signed-out-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(portal.portalUrl);
    await page.locator('#kc-form-login').waitFor();
    expect(await page.locator('#password').inputValue()).toBe('');
    await context.close();
  });
});
