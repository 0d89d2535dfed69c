import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';

import { chromiumPath } from '../../scripts/machine.mjs';
import { expect, test } from './fixtures';

// The production build's web app manifest and service worker (vite.config.ts,
// `installable`), behind nginx with the CSP of deploy/nginx.conf.

const SERVICE_WORKER = new URL('../../dist-prod/sw.js', import.meta.url);

/** Signs in as admin, then waits until the service worker holds every file. */
async function signInAndInstall(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible();
  // Active once every file of the build is in its cache.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

test('the app is installable: a manifest with its icons and a service worker, under the CSP', async ({
  page,
  baseURL,
}) => {
  const response = await page.goto('/login');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("worker-src 'self'");
  expect(csp).toContain("manifest-src 'self'");
  const manifest = await page.request.get('/manifest.webmanifest');
  expect(manifest.headers()['content-type']).toBe('application/manifest+json');
  expect(await manifest.json()).toMatchObject({
    name: 'SmartComm',
    start_url: '/',
    display: 'standalone',
    icons: expect.arrayContaining([
      expect.objectContaining({ sizes: '192x192' }),
      expect.objectContaining({ sizes: '512x512' }),
      expect.objectContaining({ purpose: 'maskable' }),
    ]),
  });

  // What Chromium itself checks before it offers to install an app, in a
  // profile of its own: a test's usual context is incognito, where it never
  // does.
  const profile = await mkdtemp(path.join(tmpdir(), 'smartcomm-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath() ?? undefined,
    baseURL,
  });
  try {
    const installing = context.pages()[0] ?? (await context.newPage());
    await signInAndInstall(installing);
    const cdp = await context.newCDPSession(installing);
    const { installabilityErrors } = (await cdp.send(
      'Page.getInstallabilityErrors',
    )) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('after one visit the app opens with no network, also a page not opened before, and keeps no API answer', async ({
  page,
  network,
  consoleErrors,
}) => {
  await signInAndInstall(page);
  await network.offline();
  // The app's files come from the service worker; the API cannot answer.
  consoleErrors.allow('Failed to load resource');
  consoleErrors.allow('ERR_INTERNET_DISCONNECTED');

  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Обзор' }),
  ).toBeVisible();
  await expect(
    page.getByText('Не удалось связаться с сервером.').first(),
  ).toBeVisible();

  // The report's code was never loaded online: the worker has it.
  await page
    .getByRole('navigation', { name: 'Основное' })
    .getByRole('link', { name: 'Отчёты' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Доходы и расходы' }),
  ).toBeVisible();

  // A page typed into the address bar opens too.
  await page.goto('/profile');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Профиль' }),
  ).toBeVisible();

  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      urls.push(...(await cache.keys()).map((request) => request.url));
    }
    return urls;
  });
  expect(cached.length).toBeGreaterThan(10);
  expect(
    cached.filter((url) => new URL(url).pathname.startsWith('/api/')),
  ).toEqual([]);
});

/** Every record the offline copy holds, of any owner. */
function offlineRecords(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('smartcomm-offline');
        opening.onupgradeneeded = () => opening.transaction?.abort();
        opening.onerror = () => resolve(0); // never made: nothing kept
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains('reads')) return resolve(0);
          const counting = db.transaction('reads').objectStore('reads').count();
          counting.onsuccess = () => {
            db.close();
            resolve(counting.result);
          };
          counting.onerror = () => reject(new Error('count'));
        };
      }),
  );
}

test('a remembered device shows offline what it last saw, says as of when, and forgets it all on sign-out', async ({
  page,
  network,
  consoleErrors,
}) => {
  await page.goto('/login');
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByLabel('Remember me on this device').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible();
  const upcoming = page.getByRole('region', { name: 'Следующие 30 дней' });
  const payments = upcoming.getByText(/^\d+ платеж/);
  await expect(payments).toBeVisible();
  const due = await payments.innerText();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  await page
    .getByRole('navigation', { name: 'Основное' })
    .getByRole('link', { name: 'Операции' })
    .click();
  const totals = page.getByRole('status').filter({ hasText: /^Итоги по/ });
  const end = page.getByText(/^Это всё: [\d\s]+ операци/);
  await expect(end).toBeVisible();
  const summed = await totals.innerText();
  const counted = await end.innerText();
  await expect.poll(() => offlineRecords(page)).toBe(17);

  await network.offline();
  consoleErrors.allow('Failed to load resource');
  consoleErrors.allow('ERR_INTERNET_DISCONNECTED');
  await page.reload();
  // Every row and sum of the year, as they were, and how old they are.
  await expect(end).toHaveText(counted);
  await expect(totals).toHaveText(summed);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Показано по состоянию на 09:\d\d\.$/ }),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Основное' })
    .getByRole('link', { name: 'Обзор' })
    .click();
  await expect(payments).toHaveText(due);
  await expect(page.getByText('Не удалось связаться с сервером.')).toHaveCount(
    0,
  );

  // Signing out, even offline, leaves nothing of the owner's on the device.
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
  await expect.poll(() => offlineRecords(page)).toBe(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
});

test('a new release is announced and taken on Reload, while the page open goes on with its own', async ({
  page,
}) => {
  await signInAndInstall(page);
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Обзор' }),
  ).toBeVisible();
  const release = await readFile(SERVICE_WORKER, 'utf8');
  try {
    // A deploy: a service worker that differs by one byte is a new one.
    await writeFile(SERVICE_WORKER, `${release}\n// the next release\n`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const banner = page.getByRole('status').filter({
      hasText: 'Готова новая версия SmartComm.',
    });
    await expect(banner).toBeVisible();
    // Nothing changes under the owner's hands until they choose to.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Обзор' }),
    ).toBeVisible();

    await banner.getByRole('button', { name: 'Перезагрузить' }).click();
    await expect(banner).toBeHidden();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Обзор' }),
    ).toBeVisible();
    expect(
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return {
          waiting: registration?.waiting ?? null,
          controlled: navigator.serviceWorker.controller !== null,
        };
      }),
    ).toEqual({ waiting: null, controlled: true });
  } finally {
    await writeFile(SERVICE_WORKER, release);
  }
});
