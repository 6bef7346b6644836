import fs from 'node:fs';
import path from 'node:path';
import { startTestIssuer, type TestIssuer } from '@cocuk-koruma/testing/issuer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developerTools } from '../src/developer-tools.js';
import { createGateway, type Gateway } from '../src/gateway.js';
import { PORTAL_DIST } from '../src/portal.js';

let issuer: TestIssuer;
let on: Gateway;
let off: Gateway;
let onUrl: string;
let offUrl: string;

beforeAll(async () => {
  issuer = await startTestIssuer();
  on = await createGateway({ auth: issuer.authConfig, developerTools: { docs: true, explorer: true } });
  off = await createGateway({ auth: issuer.authConfig, developerTools: { docs: false, explorer: false } });
  onUrl = (await on.listen(0)).url.replace(/\/graphql$/, '');
  offUrl = (await off.listen(0)).url.replace(/\/graphql$/, '');
});

afterAll(async () => {
  await on?.stop();
  await off?.stop();
  await issuer?.close();
});

/** The page as a reader sees its text: tags dropped, entities read. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ');
}

/** Every address the page would make the browser fetch or follow. */
function referencedUrls(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1] as string);
}

const CDN_OR_REMOTE_LOAD =
  /(?:import\(|from|importScripts\(|new Worker\(|url\()\s*["']?https?:\/\/|esm\.sh|unpkg\.com|jsdelivr|cdnjs|fonts\.googleapis|fonts\.gstatic/;

describe('the API documentation at /docs', () => {
  it('describes a type and its fields in Turkish by default', async () => {
    const response = await fetch(`${onUrl}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="tr">');
    const text = visibleText(html);
    expect(text).toContain('Çocuk Koruma Koordinasyon API belgeleri');
    expect(text).toContain(
      'ProgressReport nesne türü Sorumlu kurumun kendi eylemlerinden biri için bir dönem üzerine verdiği ilerleme raporu.',
    );
    expect(text).toContain('percentComplete : Int! Eylemin ne kadarının tamamlandığı, 0 ile 100 arası.');
    expect(text).toContain('narrative : String! Kurumun dönemin çalışmasına ilişkin kendi anlatımı.');
    expect(text).toContain('period : String! Raporlama dönemi, 2026-Q3 gibi bir çeyrek.');
    // The limits and the error codes a client needs before the first request.
    expect(text).toContain('Maliyet sınırı 10.000');
    expect(text).toContain('SUBGRAPH_UNAVAILABLE');
    expect(text).not.toContain('(açıklama yok)');
  });

  it('describes the same type and fields in English with ?lang=en', async () => {
    const html = await (await fetch(`${onUrl}/docs?lang=en`)).text();
    expect(html).toContain('<html lang="en">');
    const text = visibleText(html);
    expect(text).toContain(
      'ProgressReport object type A progress report filed by the responsible agency on one of its own actions for one period.',
    );
    expect(text).toContain('percentComplete : Int! How far the action is done, 0 to 100.');
    expect(text).toContain("narrative : String! The agency's own account of the period's work.");
    expect(text).toContain('Cost limit 10,000');
    expect(text).not.toContain('(no description)');
  });

  it('links every type it mentions to its own section', async () => {
    const html = await (await fetch(`${onUrl}/docs`)).text();
    const anchors = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    const internal = referencedUrls(html).filter((url) => url.startsWith('#'));
    expect(internal).toContain('#type-ProgressReport');
    expect(internal.filter((url) => !anchors.has(url.slice(1)))).toEqual([]);
  });

  it('loads nothing from outside the gateway', async () => {
    for (const lang of ['tr', 'en']) {
      const html = await (await fetch(`${onUrl}/docs?lang=${lang}`)).text();
      expect(referencedUrls(html).filter((url) => !url.startsWith('#') && !url.startsWith('/'))).toEqual([]);
      expect(html).not.toMatch(/https?:\/\//);
    }
  });

  it('refuses a language it does not have', async () => {
    const response = await fetch(`${onUrl}/docs?lang=de`);
    expect(response.status).toBe(400);
  });
});

describe('the API explorer at /explorer', () => {
  it('is GraphiQL bundled from the build, loading only the gateway’s own assets', async () => {
    const response = await fetch(`${onUrl}/explorer`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const urls = referencedUrls(html);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith('/assets/'))).toEqual([]);
    // The scripts it loads, and the workers and chunks they load in turn, fetch nothing remote.
    const assets = fs.readdirSync(path.join(PORTAL_DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    const remote = assets.filter((file) =>
      CDN_OR_REMOTE_LOAD.test(fs.readFileSync(path.join(PORTAL_DIST, 'assets', file), 'utf8')),
    );
    expect(remote).toEqual([]);
    for (const url of urls) expect((await fetch(`${onUrl}${url}`)).status, url).toBe(200);
  });

  it('serves the same page where the realm sends the browser back after signing in', async () => {
    const response = await fetch(`${onUrl}/explorer/callback?code=x&state=y`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="explorer">');
  });

  it('gives the schema as SDL to a signed-in caller only, since production turns introspection off', async () => {
    expect((await fetch(`${onUrl}/explorer/schema.graphql`)).status).toBe(401);
    const token = issuer.token({ username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] });
    const response = await fetch(`${onUrl}/explorer/schema.graphql`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const sdl = await response.text();
    expect(sdl).toContain('type ProgressReport');
    expect(sdl).toContain('"""How far the action is done, 0 to 100."""');
    expect(sdl).not.toMatch(/join__|link__/);
  });
});

describe('switched off', () => {
  it('serves neither the documentation nor the explorer, and the portal does not answer in their place', async () => {
    for (const url of ['/docs', '/docs?lang=en', '/explorer', '/explorer/callback', '/explorer.html']) {
      const response = await fetch(`${offUrl}${url}`, { headers: { accept: 'text/html' } });
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('<div id="root">');
    }
  });

  it('is the default in production, and either can be switched on there', () => {
    expect(developerTools({ NODE_ENV: 'production' })).toEqual({ docs: false, explorer: false });
    expect(developerTools({ NODE_ENV: 'production', API_DOCS: 'on' })).toEqual({ docs: true, explorer: false });
    expect(developerTools({ NODE_ENV: 'production', API_EXPLORER: 'on' })).toEqual({ docs: false, explorer: true });
    expect(developerTools({ NODE_ENV: 'development' })).toEqual({ docs: true, explorer: true });
    expect(developerTools({ NODE_ENV: 'development', API_DOCS: 'off' })).toEqual({ docs: false, explorer: true });
    expect(() => developerTools({ API_EXPLORER: 'yes' })).toThrow('API_EXPLORER must be on or off, not "yes".');
  });
});
