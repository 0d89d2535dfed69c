import { existsSync } from 'node:fs';

import { chromium, defineConfig, devices } from '@playwright/test';

import CHROMIUM_ARGS from './scripts/chromium-args.json' with { type: 'json' };

// Several checkouts on one machine can each serve their own build.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';

// The production build (no mock inside) behind nginx with its CSP, and the
// mock API as a separate HTTP server: opt-in, as `npm run test:e2e` does.
const PRODUCTION = process.env.E2E_PRODUCTION === '1';
const PRODUCTION_PORT = 8088;
const PRODUCTION_URL = `http://127.0.0.1:${PRODUCTION_PORT}`;
const BASE_URL = `http://localhost:${PORT}`;
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Stops on a setup mistake with one line, not a stack trace. */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** PLAYWRIGHT_CHROMIUM_PATH, else Debian's chromium, else Playwright's own. */
function findChromium(): string {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      fail(`PLAYWRIGHT_CHROMIUM_PATH=${fromEnv} does not exist`);
    }
    return fromEnv;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const bundled = chromium.executablePath();
  if (existsSync(bundled)) return bundled;
  fail(
    'No Chromium found: run `apt-get install -y chromium` or set PLAYWRIGHT_CHROMIUM_PATH',
  );
}

if (PRODUCTION && !existsSync('/usr/sbin/nginx')) {
  fail(
    'No nginx found: run `apt-get install -y nginx-light` (the production e2e project serves the build with it)',
  );
}
if (
  PRODUCTION &&
  !existsSync(new URL('dist-prod/index.html', import.meta.url))
) {
  fail(
    'dist-prod/ is missing: run `npm run build -- --outDir dist-prod` first',
  );
}

// A production build has no mock backend, so every journey would fail obscurely.
if (
  existsSync(new URL(`${DIST}/index.html`, import.meta.url)) &&
  !existsSync(new URL(`${DIST}/mockServiceWorker.js`, import.meta.url))
) {
  fail(
    `${DIST}/ is a production build: run \`npm run build:demo\` before the e2e tests`,
  );
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // Never retried, so a flaky test shows up as a failure.
  retries: 0,
  workers: 2,
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    {
      name: 'desktop',
      testIgnore: /production\.spec\.ts$/,
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
      },
    },
    ...(PRODUCTION
      ? [
          {
            name: 'production',
            testMatch: /production\.spec\.ts$/,
            use: {
              ...devices['Desktop Chrome'],
              viewport: { width: 1440, height: 900 },
              baseURL: PRODUCTION_URL,
            },
          },
        ]
      : []),
  ],
  // Serves the demo build (mock backend on) that `npm test` makes with `npm run build:demo`.
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
      url: BASE_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    ...(PRODUCTION
      ? [
          {
            command: `node scripts/serve-production.mjs --dist dist-prod --port ${PRODUCTION_PORT} --api-port 8787`,
            url: PRODUCTION_URL,
            reuseExistingServer: !process.env.CI,
            timeout: 60_000,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
  ],
});
