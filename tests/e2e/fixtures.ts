import { networkInterfaces } from 'node:os';
import { AxeBuilder } from '@axe-core/playwright';
import {
  test as base,
  expect,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
} from '@playwright/test';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

export type A11yOptions = {
  /** CSS selectors left out of the scan (e.g. a third-party widget). */
  exclude?: string[];
  /** axe rule ids not run; say why next to the call. */
  disableRules?: string[];
};

export type Axe = {
  /**
   * Runs axe (WCAG 2.0–2.2 A/AA and best practices) on the page as it is now
   * and fails with a readable list if any violation is serious or critical.
   * `page` defaults to the test's page.
   */
  expectNoSeriousA11yViolations(
    page?: Page,
    options?: A11yOptions,
  ): Promise<void>;
};

export type ConsoleErrors = {
  /**
   * Every error so far, allowed or not: console.error texts and uncaught
   * exceptions as "Name: message". Network lines for /api/ are not collected.
   */
  readonly messages: readonly string[];
  /**
   * Tolerates errors whose text matches `pattern` (a string matches as a
   * substring) for the rest of the test, for a fault injected on purpose.
   * Anything else still fails the test when it ends.
   */
  allow(pattern: RegExp | string): void;
};

const AXE_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
  'best-practice',
];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

// The browser's own line for an API answer of 4xx/5xx or a failed request. The
// app handles those on screen (which the tests assert), it cannot silence them.
const API_PATH = '/api/';
const FAILED_RESOURCE = 'Failed to load resource: ';

function describeViolation(violation: Violation): string {
  const nodes = violation.nodes.map((node) => {
    const target = node.target.map(String).join(' ');
    const summary = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim();
    return `    - ${target}: ${summary}`;
  });
  return [
    `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}`,
    `    ${violation.helpUrl}`,
    ...nodes,
  ].join('\n');
}

function isToleratedBrowserLine(message: ConsoleMessage): boolean {
  if (!message.text().startsWith(FAILED_RESOURCE)) return false;
  const { url } = message.location();
  try {
    return new URL(url).pathname.startsWith(API_PATH);
  } catch {
    return false;
  }
}

// The demo mock answers with a realistic delay; tests run it at full speed
// unless a test sets its own switches first.
const MOCK_SWITCHES_KEY = 'smartcomm.mock.switches';

/**
 * The day every test's browser lives in, unless a test names another with
 * `test.use({ today })`: what "this year" and the demo's seed mean never
 * depends on when the suite runs.
 */
export const TODAY = '2026-06-15';

/** The year of a YYYY-MM-DD day. */
export const yearOf = (day: string) => Number(day.slice(0, 4));

// On a machine whose only network is loopback, Chromium says it is offline
// (`navigator.onLine` is false) although every page and API of these tests
// is on 127.0.0.1.
const LOOPBACK_ONLY = Object.values(networkInterfaces())
  .flat()
  .every((address) => address?.internal ?? true);

/**
 * Network emulation overrides that belief with "online", so pages see the
 * connection as they would anywhere else: at 1 GB/s it throttles nothing.
 */
async function keepOnline(page: Page): Promise<void> {
  if (!LOOPBACK_ONLY) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: 1e9,
    uploadThroughput: 1e9,
  });
}

/** The connection of a context, cut and given back as a user's would be. */
export type Network = {
  offline(): Promise<void>;
  online(): Promise<void>;
};

/**
 * Readies a context as every test's is: time flows from 09:00 UTC of `day`,
 * and the connection counts as up on any machine.
 */
export async function prepareContext(
  context: BrowserContext,
  day = TODAY,
): Promise<Network> {
  await context.clock.install({ time: new Date(`${day}T09:00:00Z`) });
  context.on('page', (page) => void keepOnline(page));
  await Promise.all(context.pages().map(keepOnline));
  return {
    offline: () => context.setOffline(true),
    async online() {
      await context.setOffline(false);
      await Promise.all(context.pages().map(keepOnline));
    },
  };
}

export const test = base.extend<{
  axe: Axe;
  consoleErrors: ConsoleErrors;
  fastMock: void;
  today: string;
  network: Network;
}>({
  today: [TODAY, { option: true }],

  // A test can still fast-forward or run the clock.
  network: [
    async ({ context, today }, use) => {
      await use(await prepareContext(context, today));
    },
    { auto: true },
  ],

  fastMock: [
    async ({ context }, use) => {
      await context.addInitScript((key) => {
        if (window.location.origin === 'null') return; // about:blank
        if (localStorage.getItem(key) === null) {
          localStorage.setItem(
            key,
            JSON.stringify({ latencyMs: 0, faults: [] }),
          );
        }
      }, MOCK_SWITCHES_KEY);
      await use();
    },
    { auto: true },
  ],

  axe: async ({ page: testPage }, use, testInfo) => {
    await use({
      async expectNoSeriousA11yViolations(page = testPage, options = {}) {
        let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
        for (const selector of options.exclude ?? []) {
          builder = builder.exclude(selector);
        }
        if (options.disableRules?.length) {
          builder = builder.disableRules(options.disableRules);
        }
        const results = await builder.analyze();
        const blocking = results.violations.filter((violation) =>
          BLOCKING_IMPACTS.has(violation.impact ?? ''),
        );
        if (blocking.length > 0) {
          await testInfo.attach('axe-violations.json', {
            body: JSON.stringify(blocking, null, 2),
            contentType: 'application/json',
          });
        }
        expect(
          blocking.map(describeViolation),
          `serious or critical accessibility violations on ${page.url()}`,
        ).toEqual([]);
      },
    });
  },

  consoleErrors: [
    async ({ context }, use) => {
      const errors: { text: string; report: string }[] = [];
      const allowed: (RegExp | string)[] = [];
      const isAllowed = ({ text }: { text: string }) =>
        allowed.some((pattern) =>
          typeof pattern === 'string'
            ? text.includes(pattern)
            : pattern.test(text),
        );

      context.on('console', (message) => {
        if (message.type() !== 'error' || isToleratedBrowserLine(message)) {
          return;
        }
        const text = message.text();
        const { url, lineNumber } = message.location();
        const where = url ? ` (${url}:${lineNumber})` : '';
        errors.push({ text, report: `console.error: ${text}${where}` });
      });
      context.on('weberror', (webError) => {
        const error = webError.error();
        const text = `${error.name}: ${error.message}`;
        const where = webError.page()?.url() ?? 'unknown page';
        errors.push({ text, report: `uncaught ${text} (on ${where})` });
      });

      await use({
        get messages() {
          return errors.map(({ text }) => text);
        },
        allow(pattern) {
          allowed.push(pattern);
        },
      });

      expect(
        errors.filter((error) => !isAllowed(error)).map(({ report }) => report),
        'the page logged errors or threw (nothing may reach the console)',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

/** axe in the light theme and in the dark one. */
export async function expectAccessibleInBothThemes(page: Page, axe: Axe) {
  const html = page.locator('html');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const isDark = () =>
      html.evaluate((element) => element.classList.contains('dark'));
    // The theme follows the system live; a reload applies it otherwise.
    if ((await isDark()) !== (scheme === 'dark')) await page.reload();
    await expect.poll(isDark).toBe(scheme === 'dark');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Totals summed: the page as a user reads it, no skeletons.
    await expect(page.locator('.animate-pulse')).toHaveCount(0);
    // Colours that fade to the new theme (transition-colors) are read once
    // they are there, not halfway.
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation instanceof CSSTransition)
          .map((animation) => animation.finished),
      ),
    );
    await axe.expectNoSeriousA11yViolations();
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * On admin's profile page (in Russian, as the seed has it), saves English as
 * the profile language; the whole UI switches at once.
 */
export async function saveEnglishInProfile(page: Page) {
  await page.getByLabel('Язык', { exact: true }).selectOption({
    label: 'English',
  });
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profile');
}

export { expect };
