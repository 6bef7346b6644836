import { type AuthConfig } from '@cocuk-koruma/platform';
import express, { type Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The portal's production build; the same relative place from gateway/src and gateway/dist. */
export const PORTAL_DIST = fileURLToPath(new URL('../../portal/dist/', import.meta.url));

/** The gateway's own routes: the portal's client-side routes never answer in their place. */
const API_PREFIXES = ['/graphql', '/health', '/exports', '/audit', '/docs', '/explorer'];

/** The client id the realm export gives the portal (a public client, code + PKCE). */
const PORTAL_CLIENT_ID = 'portal';

export interface PortalConfig {
  /** The realm's issuer, where the browser signs in. */
  authority: string;
  clientId: string;
}

/**
 * What the built portal reads at start, so one build works against the development identity
 * provider and a real Keycloak. PORTAL_KEYCLOAK_URL names the realm's address as the browser
 * reaches it, where that differs from the one the gateway uses (a container network).
 */
export function portalConfig(auth: AuthConfig, env: NodeJS.ProcessEnv = process.env): PortalConfig {
  const base = env.PORTAL_KEYCLOAK_URL?.trim().replace(/\/+$/, '') || auth.keycloakUrl;
  return { authority: `${base}/realms/${auth.realm}`, clientId: env.PORTAL_CLIENT_ID?.trim() || PORTAL_CLIENT_ID };
}

function isApiPath(url: string): boolean {
  return API_PREFIXES.some((prefix) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`));
}

/**
 * The built portal at `/` with a single-page fallback: any other GET that asks for HTML gets
 * index.html, so a reload on /actions/A1.H1.E1 works. Hashed assets are cached for good;
 * index.html never, so a new build is picked up at the next load.
 */
export function portalRoutes(auth: AuthConfig, distDir: string = PORTAL_DIST): Router {
  const router = express.Router();
  const config = portalConfig(auth);
  router.get('/portal-config.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(config);
  });
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return router;
  router.use(
    '/assets',
    express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  router.use(express.static(distDir, { index: false, maxAge: 0 }));
  router.get(/.*/, (req, res, next) => {
    if (isApiPath(req.path) || !req.accepts('html')) return next();
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}
