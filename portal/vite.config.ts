import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development (`npm run dev -w @cocuk-koruma/portal`) Vite serves the sources and hands the
// gateway's routes to a running gateway, so the portal keeps one origin as in production.
const gateway = process.env.GATEWAY_ORIGIN ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? '4000'}`;
const proxied = ['/graphql', '/portal-config.json', '/exports', '/health'];

export default defineConfig({
  plugins: [react()],
  // Nothing leaves the machine at run time: no CDN, no outside fonts, no analytics.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: Number(process.env.PORTAL_DEV_PORT ?? 5173),
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
});
