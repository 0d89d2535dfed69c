import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, URL } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { loadEnv, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const WORKER = 'mockServiceWorker.js';

/**
 * Serves MSW's service worker in dev and emits it into mock builds only, so
 * the production build never contains it (no copy lives in `public/`).
 */
function mockServiceWorker(enabled: boolean): Plugin {
  const source = () =>
    readFileSync(
      createRequire(import.meta.url).resolve(`msw/${WORKER}`),
      'utf8',
    );
  return {
    name: 'smartcomm:mock-service-worker',
    configureServer(server) {
      if (!enabled) return;
      server.middlewares.use(`/${WORKER}`, (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        res.end(source());
      });
    },
    generateBundle() {
      if (!enabled) return;
      this.emitFile({ type: 'asset', fileName: WORKER, source: source() });
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  return {
    plugins: [
      react(),
      tailwindcss(),
      mockServiceWorker(env.VITE_API_MOCK === 'true'),
    ],
    resolve: {
      alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
    },
    build: {
      target: 'es2022',
      sourcemap: false,
      // Every browser that runs es2022 preloads modules natively.
      modulePreload: { polyfill: false },
    },
    server: { port: 5173, strictPort: true },
    preview: { port: 4173, strictPort: true },
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/testing/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
      restoreMocks: true,
      // Above Testing Library's 5 s wait (src/testing/setup.ts), so a
      // missing element fails with its own message, not a timeout.
      testTimeout: 15_000,
    },
  };
});
