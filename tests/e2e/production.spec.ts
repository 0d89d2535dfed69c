import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';

// The production build behind nginx: no mock inside, the API proxied to the
// mock API server, and the strict Content-Security-Policy of deploy/nginx.conf.

/** Collects every CSP violation the page reports, from its first script on. */
async function watchCspViolations(
  page: Page,
): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return () =>
    page.evaluate(
      () =>
        (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
}

test('the production build runs under its CSP: sign in, properties, events, sign out', async ({
  page,
}) => {
  const violations = await watchCspViolations(page);
  const response = await page.goto('/login');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');

  // No mock in this build: no demo hint, and the one service worker is the
  // app's own (offline.production.spec.ts), never MSW's.
  await expect(page.getByText(/Demo account/)).toHaveCount(0);

  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'Основное' });
  await nav.getByRole('link', { name: 'Объекты' }).click();
  await expect(page.getByText('Квартира на Профсоюзной').first()).toBeVisible();
  await nav.getByRole('link', { name: 'Операции' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Операции' }),
  ).toBeVisible();

  // A deep link reloads through nginx's SPA fallback, past the service
  // worker, which asks the network for every page first.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Операции' }),
  ).toBeVisible();

  expect(
    await page.evaluate(async () =>
      (await navigator.serviceWorker.getRegistrations()).map(
        (registration) => new URL(registration.scope).pathname,
      ),
    ),
  ).toEqual(['/']);
  expect(
    await page.evaluate(
      () =>
        new URL(navigator.serviceWorker.controller?.scriptURL ?? '').pathname,
    ),
  ).toBe('/sw.js');

  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await violations()).toEqual([]);
});

test('every kind of dialog and toast opens under the CSP, and a modal holds the page still', async ({
  page,
}) => {
  const violations = await watchCspViolations(page);
  await page.goto('/login?returnTo=%2Fobjects');
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('6 объектов')).toBeVisible();
  const html = page.locator('html');

  // A form dialog, and the confirmation that opens over it.
  await page.getByRole('button', { name: 'Добавить объект' }).click();
  const add = page.getByRole('dialog', { name: 'Новый объект' });
  await add.getByLabel('Название').fill('Гараж');
  await expect(html).toHaveClass(/\bscroll-locked\b/);
  expect(
    await html.evaluate((element) => getComputedStyle(element).overflow),
  ).toBe('hidden');
  await page.keyboard.press('Escape');
  const discard = page.getByRole('alertdialog', {
    name: 'Отменить изменения?',
  });
  await discard.getByRole('button', { name: 'Отменить изменения' }).click();
  await expect(add).toBeHidden();
  await expect(html).not.toHaveClass(/\bscroll-locked\b/);

  // A delete confirmation, then the toast with Undo.
  await page
    .getByRole('button', { name: 'Удалить «Квартира на Профсоюзной»' })
    .click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: 'Удалить объект' })
    .click();
  await page.getByRole('button', { name: 'Отменить', exact: true }).click();
  await expect(page.getByText('6 объектов')).toBeVisible();
  await expect(html).not.toHaveClass(/\bscroll-locked\b/);
  expect(await violations()).toEqual([]);
});

test('a CSV export downloads under the CSP (a Blob behind a download link), and imported again adds nothing', async ({
  page,
}) => {
  const violations = await watchCspViolations(page);
  const period = '/events?date_from=2025-12-01&date_to=2026-01-31';
  await page.goto(`/login?returnTo=${encodeURIComponent(period)}`);
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /^Итоги по/ }),
  ).toBeVisible({ timeout: 15_000 });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Экспорт CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(
    'smartcomm-events-2025-12-01–2026-01-31.csv',
  );
  const text = await readFile(await download.path(), 'utf8');
  expect(text).toMatch(/^\uFEFFДата;Объект;Описание;Доход;Расход\r\n2026-01-/);

  // Read back in, in a worker under the CSP: every row is already there.
  await page.getByRole('button', { name: 'Импорт', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Импорт операций из файла' });
  await dialog.getByLabel('Выберите файл').setInputFiles(await download.path());
  const rows = text.trim().split('\r\n').length - 1;
  await expect(dialog.getByLabel('Объект', { exact: true })).toHaveValue(
    'column',
  );
  await expect(
    dialog.getByRole('button', { name: `Пропуск ${rows}` }),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Новые 0' })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('hashed assets are cached for long, the app shell is not', async ({
  request,
}) => {
  const shell = await request.get('/events');
  expect(shell.headers()['cache-control']).toBe('no-cache');
  const html = await shell.text();
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeDefined();
  const script = await request.get(asset ?? '');
  expect(script.headers()['cache-control']).toBe('max-age=31536000');
  expect(
    await request
      .get('/mockServiceWorker.js')
      .then((r) => r.headers()['content-type']),
  ).toContain('text/html');
});

test('API answers are never kept by the browser: after sign-out its cache holds none', async ({
  page,
}) => {
  const answers = new Map<string, Record<string, string>>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (
      url.pathname.startsWith('/api/') &&
      response.request().method() === 'GET'
    ) {
      answers.set(url.href, response.headers());
    }
  });
  await page.goto('/login?returnTo=%2Fprofile');
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Имя')).toHaveValue('Алексей');
  const nav = page.getByRole('navigation', { name: 'Основное' });
  await nav.getByRole('link', { name: 'Операции' }).click();
  // Every answer the page needs is in once the totals are summed (the
  // first screen's rows may by then come from the index, with no Load more).
  await expect(page.getByText(/^Итоги по [\d\s]+ операци/)).toBeVisible();
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/login$/);

  const urls = [...answers.keys()];
  expect(urls.some((url) => url.endsWith('/api/profile'))).toBe(true);
  for (const headers of answers.values()) {
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['x-content-type-options']).toBe('nosniff');
  }
  // Asked for from the cache alone, not one answer is there.
  const cached = await page.evaluate(
    (urls) =>
      Promise.all(
        urls.map((url) =>
          fetch(url, { cache: 'only-if-cached', mode: 'same-origin' }).then(
            () => url,
            () => null,
          ),
        ),
      ),
    urls,
  );
  expect(cached.filter(Boolean)).toEqual([]);
});

test('the signed-out pages come as HTML in the visitor’s language, and their code takes them over node for node', async ({
  browser,
  baseURL,
}) => {
  // The browser's locale is its Accept-Language and navigator.languages.
  // Sign-in ends on the overview; registration is only looked at.
  const visits = [
    {
      path: '/login',
      locale: 'ru-RU',
      cookie: null,
      heading: 'Вход',
      home: 'Обзор',
    },
    {
      path: '/login',
      locale: 'de-DE',
      cookie: null,
      heading: 'Sign in',
      home: 'Overview',
    },
    {
      path: '/login',
      locale: 'en-US',
      cookie: 'ru',
      heading: 'Вход',
      home: 'Обзор',
    },
    {
      path: '/register',
      locale: 'ru-RU',
      cookie: null,
      heading: 'Регистрация',
      home: null,
      // Its own code is asked for with the entry, not once the entry ran.
      ownCode: /\/assets\/register-[^/]+\.js$/,
    },
  ];
  for (const { path, locale, cookie, heading, home, ownCode } of visits) {
    const context = await browser.newContext({ baseURL, locale });
    if (cookie) {
      await context.addCookies([
        { name: 'smartcomm_language', value: cookie, url: baseURL ?? '' },
      ]);
    }
    const page = await context.newPage();
    const violations = await watchCspViolations(page);
    // The app's code is held back: what shows is the HTML alone.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/index-*.js', async (route) => {
      await held;
      await route.continue();
    });
    const ownCodeAsked = ownCode && page.waitForRequest(ownCode);
    const response = await page.goto(path, { waitUntil: 'commit' });
    expect(response?.headers().vary).toContain('Accept-Language');
    const title = page.getByRole('heading', { level: 1, name: heading });
    await expect(title).toBeVisible();
    const submit = page.locator('button[type="submit"]');
    await expect(submit).toBeDisabled();
    // What is typed before the code runs is kept, and is what is sent.
    await page.locator('input[name="login"]').fill('admin');
    await page.locator('input[name="password"]').fill('Qwerty123');
    await ownCodeAsked;
    await page.evaluate(() =>
      Object.assign(window, {
        __painted: [
          document.querySelector('h1'),
          document.querySelector('button[type="submit"]'),
        ],
      }),
    );
    release();
    await expect(submit).toBeEnabled();
    expect(
      await page.evaluate(() => {
        const painted = (window as unknown as { __painted: Element[] })
          .__painted;
        return (
          painted[0] === document.querySelector('h1') &&
          painted[1] === document.querySelector('button[type="submit"]')
        );
      }),
    ).toBe(true);
    await expect(title).toBeVisible();
    await expect(page.locator('input[name="login"]')).toHaveValue('admin');
    if (home) {
      await submit.click();
      await expect(
        page.getByRole('heading', { level: 1, name: home }),
      ).toBeVisible();
    }
    expect(await violations()).toEqual([]);
    await context.close();
  }
});
