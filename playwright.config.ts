import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

import CHROMIUM_ARGS from './scripts/chromium-args.json' with { type: 'json' };
import { chromiumPath, freePorts, nginxPath } from './scripts/machine.mjs';

/** Stops on a setup mistake with one line, not a stack trace. */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * Ports free when the run starts, so checkouts side by side never collide;
 * kept in the environment so that the workers, which load this file again,
 * agree with the runner. Set a variable to choose its port.
 */
async function ports(variables: string[]): Promise<number[]> {
  const free = await freePorts(variables.length);
  return variables.map((variable, index) =>
    Number((process.env[variable] ??= String(free[index]))),
  );
}

const DIST = process.env.E2E_DIST ?? 'dist';
const [PORT, PRODUCTION_PORT, PRODUCTION_API_PORT] = await ports([
  'E2E_PORT',
  'E2E_PRODUCTION_PORT',
  'E2E_MOCK_API_PORT',
]);
const BASE_URL = `http://localhost:${PORT}`;

// The production build (no mock inside) behind nginx with its CSP, and the
// mock API as a separate HTTP server: opt-in, as `npm run test:e2e` does.
const PRODUCTION = process.env.E2E_PRODUCTION === '1';

const CHROMIUM =
  chromiumPath() ??
  fail(
    "No Chromium found: run `npm test` once as root (its pretest installs Debian's chromium) or set CHROMIUM_PATH",
  );

if (PRODUCTION && !nginxPath()) {
  fail(
    "No nginx found: run `npm test` once as root (its pretest installs Debian's nginx-light) or set NGINX_PATH",
  );
}
if (
  PRODUCTION &&
  !existsSync(new URL('dist-prod/index.html', import.meta.url))
) {
  fail('dist-prod/ is missing: run `npm run build:prod-e2e` first');
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

const PRODUCTION_URL = `http://127.0.0.1:${PRODUCTION_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // Never retried, so a flaky test shows up as a failure.
  retries: 0,
  // Bounds for what a user waits for, wide enough for a busy 2-core machine
  // (a long journey there took over 30 s with a bench beside it): a test
  // that is wrong still fails, only later.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
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
            command: `node scripts/serve-production.mjs --dist dist-prod --port ${PRODUCTION_PORT} --api-port ${PRODUCTION_API_PORT}`,
            // Through nginx to the mock API, which starts after nginx does.
            url: `${PRODUCTION_URL}/api/dictionaries/languages`,
            reuseExistingServer: !process.env.CI,
            timeout: 60_000,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
  ],
});
