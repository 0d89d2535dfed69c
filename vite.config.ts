import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, URL } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { loadEnv, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

import { prerender } from './scripts/prerender.ts';
import { STARTUP_NAMESPACES } from './src/lib/startup-namespaces.ts';

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

/**
 * Preloads the translations the first page waits for, in every language,
 * with the entry: fetched beside it rather than once it has run and chosen
 * a language (a round trip later).
 */
function preloadStartupTranslations(): Plugin {
  const startup = new RegExp(
    `/src/locales/[a-z-]+/(${STARTUP_NAMESPACES.join('|')})\\.json$`,
  );
  return {
    name: 'smartcomm:preload-startup-translations',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) =>
        Object.values(bundle ?? {})
          .filter(
            (output) =>
              output.type === 'chunk' &&
              startup.test(output.facadeModuleId ?? ''),
          )
          .map((output) => ({
            tag: 'link',
            attrs: {
              rel: 'modulepreload',
              crossorigin: true,
              href: `/${output.fileName}`,
            },
            injectTo: 'head',
          })),
    },
  };
}

/**
 * The web app manifest and a service worker (Workbox) that precaches every
 * file of the build, so the app opens and moves between its pages with no
 * network once it has been opened. Pages are asked of the network first,
 * always: online, each address gets its own page (prerendered, in the
 * visitor's language) from a release that is the current one; offline,
 * the app's page from the cache. API requests never pass through it
 * (public/sw-routes.js). Mock builds have none: MSW's worker holds the
 * same scope there.
 */
function installable(mock: boolean) {
  return VitePWA({
    disable: mock,
    injectRegister: false, // src/app/show-page.tsx registers it
    registerType: 'prompt',
    manifest: {
      name: 'SmartComm',
      short_name: 'SmartComm',
      description: 'Income and expenses of every property you own.',
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#1f5fbf',
      background_color: '#ffffff',
      icons: [
        { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
        {
          src: '/icon-maskable-512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    },
    // The files below are precached already.
    includeManifestIcons: false,
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png}'],
      globIgnores: ['prerendered/**', 'sw-routes.js'],
      importScripts: ['/sw-routes.js'],
      // A page's request starts while the worker wakes, not after.
      navigationPreload: true,
      navigateFallback: null,
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        {
          urlPattern: ({ request }) => request.mode === 'navigate',
          handler: 'NetworkOnly',
          options: { precacheFallback: { fallbackURL: '/index.html' } },
        },
      ],
    },
  });
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  return {
    plugins: [
      react(),
      tailwindcss(),
      mockServiceWorker(env.VITE_API_MOCK === 'true'),
      preloadStartupTranslations(),
      prerender(),
      installable(env.VITE_API_MOCK === 'true'),
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
