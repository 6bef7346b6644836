import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { createIdentityProvider, type IdentityProvider } from '@cocuk-koruma/dev-identity-provider/server';
import { loginWithPassword, realmUrl } from '@cocuk-koruma/dev-identity-provider/login-flow';
import { DEFAULT_REALM_EXPORT_PATH } from '@cocuk-koruma/dev-identity-provider/realm';
import { REPO_ROOT } from '@cocuk-koruma/platform/config';
import { postGraphQL, type GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { freePort } from './processes.js';
import { startProcessStack, type ProcessStack, type ProcessStackOptions } from './stack.js';

/** Where the walks leave their screenshots (gitignored); CI keeps them as artifacts if it likes. */
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/portal');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const PASSWORD = 'example-password';

/** The graph as `npm start` runs it, with the development identity provider, the gateway serving the portal. */
export interface PortalStack {
  /** http://127.0.0.1:<gateway>/ */
  portalUrl: string;
  /** The development identity provider the portal signs in with, http://127.0.0.1:<port>. */
  keycloakUrl: string;
  stack: ProcessStack;
  stop(): Promise<void>;
}

/**
 * The realm export with the test gateway's origin added to the portal client's redirect URIs
 * (the stack runs on free ports, not 4000), in a folder of its own.
 */
function realmExportFor(origin: string, dir: string, accessTokenLifespan?: number): string {
  const realm = JSON.parse(fs.readFileSync(DEFAULT_REALM_EXPORT_PATH, 'utf8')) as {
    accessTokenLifespan?: number;
    clients: { clientId: string; redirectUris: string[] }[];
  };
  if (accessTokenLifespan !== undefined) realm.accessTokenLifespan = accessTokenLifespan;
  const portal = realm.clients.find((client) => client.clientId === 'portal');
  if (!portal) throw new Error('the realm export has no portal client');
  portal.redirectUris.push(`${origin}/*`);
  const file = path.join(dir, 'realm-export.json');
  fs.writeFileSync(file, JSON.stringify(realm));
  return file;
}

export interface PortalStackOptions extends Pick<
  ProcessStackOptions,
  'subgraphTimeoutMs' | 'today' | 'env' | 'gatewayEnv'
> {
  /** Seconds an access token lives (the realm's 300 unless given): short, to see it renewed. */
  accessTokenLifespan?: number;
}

export async function startPortalStack(label: string, options: PortalStackOptions): Promise<PortalStack> {
  const { accessTokenLifespan, ...stackOptions } = options;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-${label}-`));
  const [gatewayPort, idpPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${gatewayPort}`;
  const keycloakUrl = `http://127.0.0.1:${idpPort}`;
  const idp: IdentityProvider = createIdentityProvider({
    realmExportPath: realmExportFor(origin, dir, accessTokenLifespan),
    issuerBaseUrl: keycloakUrl,
    dataDir: dir,
  });
  const listening = await idp.listen(idpPort);
  try {
    const stack = await startProcessStack(label, { ...stackOptions, keycloakUrl, gatewayPort });
    return {
      portalUrl: `${origin}/`,
      keycloakUrl,
      stack,
      async stop() {
        await stack.stop();
        await listening.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await listening.close();
    throw error;
  }
}

/**
 * The graph as an example user, with a token from the stack's identity provider (the portal
 * client's own code flow): for setup a walk needs but does not walk through. `stack.query` signs
 * with the test issuer, which this stack does not trust.
 */
export async function queryAs<T = Record<string, unknown>>(
  portal: PortalStack,
  username: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const tokens = await loginWithPassword({
    realmUrl: realmUrl(portal.keycloakUrl),
    clientId: 'portal',
    redirectUri: `${portal.portalUrl}auth/callback`,
    username,
    password: PASSWORD,
  });
  return postGraphQL<T>(portal.stack.gatewayUrl, query, variables, { authorization: `Bearer ${tokens.access_token}` });
}

/** Debian's chromium, headless, with a fresh profile (playwright's own temporary one). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

/** Signs in through the identity provider's login page and waits until the portal shows the plan. */
export async function signIn(page: Page, portalUrl: string, username: string): Promise<void> {
  await page.goto(portalUrl);
  await page.locator('#kc-form-login').waitFor();
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('#kc-login');
  await page.waitForURL((url) => url.href.startsWith(portalUrl) && !url.pathname.startsWith('/auth/'));
  await page.locator('main h1').waitFor();
}

/** The WCAG 2.1 A and AA rules of axe on the page as it is now, as readable lines: [] when it passes. */
/** A fresh browser profile signed in to the portal as an example user, in Turkish, at `width` px. */
export async function signedIn(
  browser: Browser,
  portal: PortalStack,
  username: string,
  width = 1280,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'tr-TR' });
  const page = await context.newPage();
  await signIn(page, portal.portalUrl, username);
  return { context, page };
}

/** axe on the page as it is, then screenshots at 1280 and at 768 px (a tablet) wide. */
export async function checkPage(page: Page, name: string): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 768, height: 900 });
  await screenshot(page, `${name}-768`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

export async function accessibilityViolations(page: Page, within: readonly string[] = []): Promise<string[]> {
  // `within` narrows the check to these selectors, for a page too long for axe to read whole in time.
  const builder = within.reduce(
    (axe, selector) => axe.include(selector),
    new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']),
  );
  const results = await builder.analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact ?? ''}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
    ),
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}
