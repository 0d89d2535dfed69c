import type { Page, Request } from '@playwright/test';

import type { FaultRule } from '../../src/mocks/switches';
import { expect, test, TODAY, yearOf, type ConsoleErrors } from './fixtures';

// admin's profile is in Russian: these are the messages admin reads.
// The banner says what is kept while offline: admin's tab is not a
// remembered one, so the tab keeps it.
const OFFLINE =
  'Нет подключения к интернету. Операции, которые вы добавите, измените или удалите, хранятся в этой вкладке';
const TIMEOUT = 'Сервер слишком долго не отвечает.';
const UNEXPECTED = 'Сервер прислал ответ, который приложение не понимает.';
const SERVER = 'На сервере что-то пошло не так.';

/** A fault rule of the mock backend, with a path that survives JSON. */
type Fault = Omit<FaultRule, 'path' | 'errors'> & {
  /** A prefix of the path below /api, or `^…$` for a RegExp. */
  path: string;
};

/** Replaces the mock backend's forced faults (see src/mocks/switches.ts). */
async function setFaults(page: Page, faults: Fault[]) {
  await page.evaluate((rules) => {
    const mock = window.__smartcommMock;
    if (!mock) throw new Error('no mock backend in the page');
    mock.setSwitches({
      faults: rules.map((rule) => ({
        ...rule,
        path: rule.path.startsWith('^') ? new RegExp(rule.path) : rule.path,
      })),
    });
  }, faults);
}

async function signIn(page: Page, path: string) {
  await page.goto(`/login?returnTo=${encodeURIComponent(path)}`);
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible();
}

/** The API requests the page makes from now on, with when they were made. */
function recordApiRequests(page: Page) {
  const sent: { request: Request; at: number }[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) {
      sent.push({ request, at: Date.now() });
    }
  });
  const matching = (method: string, path: RegExp) =>
    sent.filter(
      ({ request }) =>
        request.method() === method &&
        path.test(new URL(request.url()).pathname),
    );
  return { matching };
}

/**
 * When, by the page's own clock, each request of the page to a path that
 * matches is sent from now on (the runner hears of requests late, and not
 * equally late).
 */
async function whenSent(page: Page, path: RegExp) {
  type Timed = Window & { __sentAt?: number[] };
  await page.evaluate((source) => {
    const pattern = new RegExp(source);
    const sentAt: number[] = [];
    (window as Timed).__sentAt = sentAt;
    const send = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (pattern.test(new URL(url, location.href).pathname)) {
        sentAt.push(Date.now());
      }
      return send(input, init);
    };
  }, path.source);
  return () => page.evaluate(() => (window as Timed).__sentAt ?? []);
}

/**
 * Offline, the browser's own fetch of the tab icon fails and says so in the
 * console; that line is allowed, and every failed request is checked to be
 * that icon or an API call the app handles.
 */
function allowOfflineIconFetch(page: Page, consoleErrors: ConsoleErrors) {
  consoleErrors.allow('Failed to load resource: net::ERR_FAILED');
  const failed: string[] = [];
  page.on('requestfailed', (request) => {
    failed.push(new URL(request.url()).pathname);
  });
  return () =>
    expect(
      failed.filter(
        (path) => path !== '/favicon.svg' && !path.startsWith('/api/'),
      ),
    ).toEqual([]);
}

/** Events of admin's store whose description is `text`. */
function storedEvents(page: Page, text: string) {
  return page.evaluate(
    (description) =>
      window.__smartcommMock?.db.events.filter(
        (event) => event.description === description,
      ).length,
    text,
  );
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Основное' });
const ROWS = '[role="row"]:has([role="cell"])';
const lastYear = yearOf(TODAY) - 1;

test.describe('offline', () => {
  test('a banner says so; a list asked for offline loads once the connection is back', async ({
    page,
    network,
    consoleErrors,
  }) => {
    const onlyIconFailed = allowOfflineIconFetch(page, consoleErrors);
    // This year's months come into the index; last year's do not.
    await signIn(page, '/events?period=this-year');
    const table = page.getByRole('table', { name: 'Операции' });
    await expect(table).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByText(/^Итоги по [\d\s]+ операци/)).toBeVisible({
      timeout: 10_000,
    });
    const firstRow = (await page.locator(ROWS).first().textContent()) ?? '';
    const requests = recordApiRequests(page);

    await network.offline();
    const banner = page
      .getByRole('status')
      .filter({ hasText: OFFLINE })
      .first();
    await expect(banner).toBeVisible();
    await page.getByLabel('Период', { exact: true }).selectOption('last-year');
    await expect(page).toHaveURL(/\?period=last-year$/);
    // The read waits: nothing is sent, however long it is offline; the rows
    // shown stay, marked as busy.
    await page.clock.runFor(30_000);
    expect(requests.matching('GET', /\/api\//)).toHaveLength(0);
    await expect(table).toHaveAttribute('aria-busy', 'true');
    await expect(page.locator(ROWS).first()).toHaveText(firstRow);
    await expect(page.getByRole('alert')).toHaveCount(0);

    await network.online();
    await expect(banner).toBeHidden();
    await expect(table).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator(`${ROWS} [role="cell"]`).first()).toContainText(
      String(lastYear),
    );
    expect(
      requests
        .matching('GET', /\/api\/events$/)
        .some(({ request }) =>
          request.url().includes(`date_from=${lastYear}-01-01`),
        ),
    ).toBe(true);
    onlyIconFailed();
  });

  test('a page whose code never came, opened offline, says so and opens by itself once back online', async ({
    page,
    network,
    consoleErrors,
  }) => {
    // The events page's own code, requested for the first time offline.
    consoleErrors.allow('Failed to load resource: net::ERR_FAILED');
    consoleErrors.allow('Failed to fetch dynamically imported module');
    await signIn(page, '/profile');
    await network.offline();
    await nav(page).getByRole('link', { name: 'Операции' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'Нет связи, поэтому страница не загрузилась.',
    );
    await expect(nav(page)).toBeVisible();

    await network.online();
    // Fetched again as the connection returns (and quietly twice more, a
    // second and two apart, should its first request not go through yet).
    await expect(
      page.getByRole('heading', { level: 1, name: 'Операции' }),
    ).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a save made offline is kept in the tab, named as not sent, and sent once back online', async ({
    page,
    network,
    consoleErrors,
  }) => {
    const onlyIconFailed = allowOfflineIconFetch(page, consoleErrors);
    const description = `Залог, внесён без связи ${Date.now()}`;
    await signIn(page, '/events');
    await page.getByRole('button', { name: 'Добавить операцию' }).click();
    const add = page.getByRole('dialog', { name: 'Новая операция' });
    await add.getByLabel('Объект').selectOption({ label: 'Квартира в Казани' });
    await add.getByLabel('Доход').fill('12000');
    await add.getByLabel('Описание').fill(description);

    await network.offline();
    await add.getByRole('button', { name: 'Добавить операцию' }).click();
    await expect(add).toBeHidden();
    await expect(
      page.getByText('Сохранено на этом устройстве').first(),
    ).toBeVisible();
    const unsent = page.getByRole('region', {
      name: 'Ещё не отправленные изменения',
    });
    await expect(unsent).toContainText('1 изменение ждёт отправки.');
    await unsent.getByRole('button', { name: 'Показать' }).click();
    await expect(unsent.getByRole('listitem')).toContainText('Добавлена: ');
    await expect(unsent.getByRole('listitem')).toContainText(description);
    // Not on the server yet.
    expect(await storedEvents(page, description)).toBe(0);

    await network.online();
    await expect(unsent).toBeHidden();
    await expect.poll(() => storedEvents(page, description)).toBe(1);
    onlyIconFailed();
  });
});

test('a request that hangs is given up after 15 s with a message and Retry', async ({
  page,
}) => {
  // Simulated time: the client's real 15 s bound passes without waiting it.
  await signIn(page, '/profile');
  await setFaults(page, [
    { method: 'GET', path: '^/objects$', kind: 'hang', times: 1 },
  ]);
  await page.goto('/objects');
  await expect(page.getByRole('heading', { name: 'Объекты' })).toBeVisible();

  await page.clock.fastForward(10_000);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.clock.fastForward(5_100);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(TIMEOUT);
  await expect(nav(page).getByRole('link', { name: 'Операции' })).toBeVisible();

  await alert.getByRole('button', { name: 'Повторить' }).click();
  await expect(page.getByText('6 объектов')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a list that fails with 500 is retried twice, quietly and with backoff, then offers Retry', async ({
  page,
}) => {
  await signIn(page, '/profile');
  await setFaults(page, [
    { method: 'GET', path: '^/objects$', kind: 'status', status: 500 },
  ]);
  const requests = recordApiRequests(page);
  const sentAt = await whenSent(page, /^\/api\/objects$/);
  await nav(page).getByRole('link', { name: 'Объекты' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(SERVER);
  expect(requests.matching('GET', /\/api\/objects$/)).toHaveLength(3);
  const [first = 0, second = 0, third = 0] = await sentAt();
  expect(second - first).toBeGreaterThanOrEqual(500);
  expect(third - second).toBeGreaterThanOrEqual(1_000);
  // Nothing more once it has said so, however long the page stays open.
  await page.clock.runFor(60_000);
  expect(requests.matching('GET', /\/api\/objects$/)).toHaveLength(3);

  await setFaults(page, []);
  await alert.getByRole('button', { name: 'Повторить' }).click();
  await expect(page.getByText('6 объектов')).toBeVisible();
});

test.describe('an answer the app cannot read', () => {
  const cases = [
    {
      what: 'malformed JSON for the events list',
      url: '/events?period=all',
      fault: { method: 'GET', path: '/events', kind: 'malformed-json' },
      requests: /\/api\/events$/,
      // The loader's prefetch and the page's list, and the totals' first
      // probes of the history: six at once (src/ledger/shards.ts), the
      // first unreadable answer calling off the rest.
      atMost: 2 + 6,
      loaded: (page: Page) => page.locator(ROWS).first(),
    },
    {
      what: 'a contract-breaking property',
      url: '/objects/1',
      fault: { method: 'GET', path: '/objects/1', kind: 'contract-break' },
      requests: /\/api\/objects\/1$/,
      atMost: 2,
      loaded: (page: Page) =>
        page.getByRole('heading', {
          level: 1,
          name: 'Квартира на Профсоюзной',
        }),
    },
    {
      what: 'a contract-breaking profile',
      url: '/profile',
      fault: { method: 'GET', path: '/profile', kind: 'contract-break' },
      requests: /\/api\/profile$/,
      atMost: 2,
      loaded: (page: Page) => page.getByLabel('Имя'),
    },
  ] as const;

  for (const { what, url, fault, requests: path, atMost, loaded } of cases) {
    test(`${what}: "unexpected response", the app still works, nothing is retried in a loop`, async ({
      page,
    }) => {
      await signIn(page, '/objects');
      await setFaults(page, [fault]);
      const requests = recordApiRequests(page);
      await page.goto(url);
      const retry = page.getByRole('button', { name: 'Повторить' });
      const alert = page.getByRole('alert').filter({ has: retry });
      await expect(alert).toContainText(UNEXPECTED);
      await expect(nav(page)).toBeVisible();
      // Retrying cannot fix it, so it is not tried again behind the user's
      // back: each query asked once (a loader and its page may both ask).
      const asked = requests.matching('GET', path).length;
      expect(asked).toBeLessThanOrEqual(atMost);
      await page.clock.runFor(60_000);
      expect(requests.matching('GET', path)).toHaveLength(asked);

      await setFaults(page, []);
      await alert.getByRole('button', { name: 'Повторить' }).click();
      await expect(loaded(page)).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
    });
  }

  test('cursors that go round in a loop are not followed forever, and the ledger says its answer could not be read', async ({
    page,
  }) => {
    await signIn(page, '/objects');
    await setFaults(page, [
      { method: 'GET', path: '/events', kind: 'cursor-loop' },
    ]);
    const requests = recordApiRequests(page);
    // All time: read by cursor until the index is in (this year's months
    // each fit one page, so no cursor is followed).
    await page.goto('/events?period=all');
    const retry = page.getByRole('button', { name: 'Повторить' });
    await expect(page.getByRole('alert').filter({ has: retry })).toContainText(
      UNEXPECTED,
    );
    // Never that the ledger is empty or complete.
    await expect(page.getByText(/^Это всё/)).toHaveCount(0);
    await expect(
      page.getByRole('heading', { name: 'Операций пока нет' }),
    ).toHaveCount(0);
    const asked = requests.matching('GET', /\/api\/events$/).length;
    await page.clock.runFor(60_000);
    const queries = requests
      .matching('GET', /\/api\/events$/)
      .map(({ request }) => new URL(request.url()).searchParams);
    expect(queries).toHaveLength(asked);
    expect(new Set(queries.map((query) => query.get('cursor')))).toEqual(
      new Set([null, 'loop-a', 'loop-b']),
    );
    // Each walk asks loop-a and loop-b once, and stops when loop-a comes
    // again. A walk (one set of filters) may be walked more than once, and
    // one may have been under way when recording began (the properties
    // page reads this year's months), so it shows without its first page.
    const walks = new Map<string, (string | null)[]>();
    for (const query of queries) {
      const cursor = query.get('cursor');
      query.delete('cursor');
      const walk = query.toString();
      walks.set(walk, [...(walks.get(walk) ?? []), cursor]);
    }
    for (const [walk, cursors] of walks) {
      const times = (cursor: string | null) =>
        cursors.filter((value) => value === cursor).length;
      expect(times('loop-a'), walk).toBeLessThanOrEqual(times(null) + 1);
      expect(times('loop-b'), walk).toBeLessThanOrEqual(times(null) + 1);
    }
  });
});

test('a page that fails to render shows the error view, with no stack trace or token in the console', async ({
  page,
}) => {
  const logged: string[] = [];
  page.on('console', (message) => logged.push(message.text()));
  // Forces a render error: formatting an amount throws, as a bug would.
  await page.addInitScript(() => {
    const original = Object.getOwnPropertyDescriptor(
      Intl.NumberFormat.prototype,
      'format',
    );
    Object.defineProperty(Intl.NumberFormat.prototype, 'format', {
      get(this: Intl.NumberFormat) {
        const format = original?.get?.call(this) as (value: number) => string;
        return (value: number) => {
          if (sessionStorage.getItem('test.breakRendering') === 'yes') {
            throw new TypeError('forced render failure');
          }
          return format(value);
        };
      },
    });
  });
  await signIn(page, '/profile');
  await page.evaluate(() =>
    sessionStorage.setItem('test.breakRendering', 'yes'),
  );
  await nav(page).getByRole('link', { name: 'Операции' }).click();

  await expect(
    page.getByRole('heading', { name: 'Не удалось показать страницу' }),
  ).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(
    'forced render failure',
  );
  await expect(
    page.getByRole('button', { name: 'Перезагрузить страницу' }),
  ).toBeVisible();

  await page.evaluate(() => sessionStorage.removeItem('test.breakRendering'));
  await nav(page).getByRole('link', { name: 'Объекты' }).click();
  await expect(page.getByText('6 объектов')).toBeVisible();

  const token = await page.evaluate(() =>
    sessionStorage.getItem('smartcomm.token'),
  );
  expect(token).toBeTruthy();
  expect(logged.filter((text) => text.includes(token ?? ''))).toEqual([]);
  expect(
    logged.filter((text) => /forced render failure|\n\s+at /.test(text)),
  ).toEqual([]);
});
