import express, { type Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import { renderDocsPage, type DocsLanguage } from './docs/render.js';
import { readTurkishDescriptions } from './docs/turkish-descriptions.js';

export const DOCS_PATH = '/docs';

/**
 * The API reference at /docs, Turkish unless `?lang=en` (another `lang` is 400, as for the
 * board-pack downloads). Each language's page is rendered once, on its first request, from the
 * schema the gateway serves; it is static HTML with its style and filter inline, so it needs
 * nothing from outside the gateway.
 */
export function docsRoutes(schema: () => GraphQLSchema, options: { explorer: boolean }): Router {
  const router = express.Router();
  const turkish = readTurkishDescriptions();
  const pages = new Map<DocsLanguage, string>();
  router.get(DOCS_PATH, (req, res) => {
    const lang = req.query.lang ?? 'tr';
    if (lang !== 'tr' && lang !== 'en') {
      res.status(400).type('text/plain').send('lang: tr ya da en olmalı / must be tr or en');
      return;
    }
    let page = pages.get(lang);
    if (!page) {
      page = renderDocsPage(schema(), turkish, lang, options);
      pages.set(lang, page);
    }
    res.set('Content-Language', lang).set('Cache-Control', 'no-cache').type('html').send(page);
  });
  return router;
}
