import express, { type RequestHandler, type Router } from 'express';
import { printSchema, type GraphQLSchema } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { PORTAL_DIST } from './portal.js';

/** Where the explorer opens, and where the realm sends the browser back after signing in. */
export const EXPLORER_PATH = '/explorer';
export const EXPLORER_CALLBACK_PATH = `${EXPLORER_PATH}/callback`;
const SCHEMA_PATH = `${EXPLORER_PATH}/schema.graphql`;

/**
 * GraphiQL, built with the portal (portal/explorer.html, its assets beside the portal's) and signed
 * in with the portal's OIDC client. It reads the schema as SDL from here rather than by
 * introspection, which production turns off; the SDL needs a token like /graphql. Switched off, every
 * explorer path is 404, so the portal's single-page fallback never answers for it either.
 */
export function explorerRoutes(
  enabled: boolean,
  bearerToken: RequestHandler,
  schema: () => GraphQLSchema,
  distDir: string = PORTAL_DIST,
): Router {
  const router = express.Router();
  const page = path.join(distDir, 'explorer.html');
  const paths = [EXPLORER_PATH, `${EXPLORER_PATH}/`, EXPLORER_CALLBACK_PATH, '/explorer.html'];
  if (!enabled) {
    router.all([...paths, SCHEMA_PATH], (_req, res) => {
      res.status(404).type('text/plain').send('API gezgini kapalı (API_EXPLORER=off) / the API explorer is off');
    });
    return router;
  }
  let sdl: string | undefined;
  router.get(SCHEMA_PATH, bearerToken, (_req, res) => {
    sdl ??= printSchema(schema());
    res.set('Cache-Control', 'no-cache').type('text/plain').send(sdl);
  });
  router.get(paths, (_req, res) => {
    if (!fs.existsSync(page)) {
      res.status(404).type('text/plain').send('API gezgini derlenmemiş / the explorer is not built: npm run build');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(page);
  });
  return router;
}
