import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

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
  plugins: [react(), explorerPages],
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
