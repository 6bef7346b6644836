import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import type { AgencyCode } from './src/gql/graphql';
import { agencyVariantText, NAMESPACE, WRITTEN_FOR } from './src/graphql/agency-variants.ts';

/**
 * The manifest of the portal's persisted documents (hash → text), written by `npm run codegen`
 * beside the typed documents, goes out with the bundle that sends those hashes: the gateway reads
 * it from portal/dist, so a build and its manifest are always one. Each operation written for an
 * agency's namespace is added once per agency (agency-variants.ts), and the bundle learns their
 * hashes from `virtual:agency-document-hashes`.
 */
function persistedDocuments(): Plugin {
  const VIRTUAL = 'virtual:agency-document-hashes';
  const manifestFile = new URL('./src/gql/persisted-documents.json', import.meta.url);
  const expand = () => {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, string>;
    const documents: Record<string, string> = { ...manifest };
    const hashes: Record<string, Partial<Record<AgencyCode, string>>> = {};
    for (const [hash, text] of Object.entries(manifest)) {
      for (const agency of Object.keys(NAMESPACE) as AgencyCode[]) {
        const variant = agency === WRITTEN_FOR ? null : agencyVariantText(text, agency);
        if (variant === null) continue;
        const variantHash = `sha256:${createHash('sha256').update(variant).digest('hex')}`;
        documents[variantHash] = variant;
        (hashes[hash] ??= {})[agency] = variantHash;
      }
    }
    return { documents, hashes };
  };
  return {
    name: 'persisted-documents',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : null),
    load(id) {
      if (id !== `\0${VIRTUAL}`) return null;
      this.addWatchFile(fileURLToPath(manifestFile));
      return `export default ${JSON.stringify(expand().hashes)};`;
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'persisted-documents.json',
        source: JSON.stringify(expand().documents, null, 2),
      });
    },
  };
}

// In development (`npm run dev -w @cocuk-koruma/portal`) Vite serves the sources and hands the
// gateway's routes to a running gateway, so the portal keeps one origin as in production.
const gateway = process.env.GATEWAY_ORIGIN ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? '4000'}`;
const proxied = ['/graphql', '/portal-config.json', '/exports', '/health', '/docs', '/explorer/schema.graphql'];

// The gateway serves the explorer's page at /explorer and at its sign-in callback; so does the dev server.
const EXPLORER_PAGE = /^\/explorer(?:\/callback)?\/?(\?.*)?$/;
const explorerPages: Plugin = {
  name: 'explorer-pages',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const match = req.url?.match(EXPLORER_PAGE);
      if (match) req.url = `/explorer.html${match[1] ?? ''}`;
      next();
    });
  },
};

export default defineConfig({
  plugins: [react(), explorerPages, persistedDocuments()],
  // Nothing leaves the machine at run time: no CDN, no outside fonts, no analytics.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 800,
    // Two pages share one build and its chunks: the portal, and the API explorer (GraphiQL), which
    // the gateway serves at /explorer when API_EXPLORER is on.
    rollupOptions: {
      input: {
        portal: fileURLToPath(new URL('./index.html', import.meta.url)),
        explorer: fileURLToPath(new URL('./explorer.html', import.meta.url)),
      },
      // GraphiQL's React Compiler output starts modules with "use no memo", which bundling drops
      // harmlessly; the warning for each of them would bury every other line of the build.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // Monaco's and monaco-graphql's workers import modules of their own.
  worker: { format: 'es' },
  // GraphiQL imports Monaco's workers with `?worker`, which the dev server's dependency
  // pre-bundling cannot load; served as they are, Vite's own worker handling reads them.
  optimizeDeps: { exclude: ['graphiql', '@graphiql/react'] },
  server: {
    port: Number(process.env.PORTAL_DEV_PORT ?? 5173),
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
});
