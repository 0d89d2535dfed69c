import { existsSync } from 'node:fs';

import { chromium, defineConfig, devices } from '@playwright/test';

// Several checkouts on one machine can each serve their own build.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';
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
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
      },
    },
  ],
  // Serves the demo build (mock backend on) that `npm test` makes with `npm run build:demo`.
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
