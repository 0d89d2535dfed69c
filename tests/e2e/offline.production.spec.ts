import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chromium,
  type APIRequestContext,
  type Page,
  type TestInfo,
} from '@playwright/test';

import { chromiumPath } from '../../scripts/machine.mjs';
import {
  expect,
  prepareContext,
  test,
  type ConsoleErrors,
  type Network,
} from './fixtures';

// The production build's web app manifest and service worker (vite.config.ts,
// `installable`), behind nginx with the CSP of deploy/nginx.conf.

const SERVICE_WORKER = new URL('../../dist-prod/sw.js', import.meta.url);

/** Cuts the connection; the browser's own lines about it are expected. */
async function goOffline(network: Network, consoleErrors: ConsoleErrors) {
  await network.offline();
  consoleErrors.allow('Failed to load resource');
  consoleErrors.allow('ERR_INTERNET_DISCONNECTED');
}

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
  // The app's files come from the service worker; the API cannot answer.
  await goOffline(network, consoleErrors);

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

/** Every record a store of the device's database holds, of any owner. */
function deviceRecords(page: Page, store: 'reads' | 'outbox'): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('smartcomm-offline');
        opening.onupgradeneeded = () => opening.transaction?.abort();
        opening.onerror = () => resolve(0); // never made: nothing kept
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains(name)) return resolve(0);
          const counting = db.transaction(name).objectStore(name).count();
          counting.onsuccess = () => {
            db.close();
            resolve(counting.result);
          };
          counting.onerror = () => reject(new Error('count'));
        };
      }),
    store,
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
  await expect.poll(() => deviceRecords(page, 'reads')).toBe(17);

  await goOffline(network, consoleErrors);
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
  await expect.poll(() => deviceRecords(page, 'reads')).toBe(0);
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

type Owner = {
  login: string;
  /** The API as this owner, beside the browser: "elsewhere". */
  api: (method: string, path: string, data?: unknown) => Promise<unknown>;
  events: () => Promise<
    {
      id: number;
      notification_date: string;
      income: number;
      expense: number;
      description: string;
    }[]
  >;
};

/**
 * A new owner with one property and two events of June, made through the
 * API: the journeys change them without touching anyone else's ledger on
 * the shared server.
 */
async function newOwner(
  request: APIRequestContext,
  testInfo: TestInfo,
): Promise<Owner> {
  const login = `owner-${testInfo.workerIndex}-${testInfo.repeatEachIndex}-${Date.now()}`;
  const registered = await request.post('/api/auth/register', {
    data: {
      login,
      name: 'Ирина',
      surname: 'Соколова',
      birthDate: '1979-03-02',
      phone: '+79161234567',
      email: `${login}@example.com`,
      countryId: 1,
      password: 'Secret-pass1',
    },
  });
  expect(registered.status()).toBe(201);
  const signedIn = await request.post('/api/auth/login', {
    data: { login, password: 'Secret-pass1' },
  });
  const { data } = (await signedIn.json()) as { data: { token: string } };
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await request.fetch(`/api/${path}`, {
      method,
      data: body,
      headers: { Authorization: `Bearer ${data.token}` },
    });
    expect(response.ok()).toBe(true);
    return response.status() === 204
      ? undefined
      : ((await response.json()) as unknown);
  };
  const { data: flat } = (await api('POST', 'objects', {
    name: 'Дача в Репино',
    area: 80,
    address: 'Репино, Лесная, 3',
  })) as { data: { id: number } };
  for (const event of [
    {
      notification_date: '2026-06-10',
      income: 50_000,
      expense: 0,
      description: 'Аренда за июнь',
    },
    {
      notification_date: '2026-06-05',
      income: 0,
      expense: 3_000,
      description: 'Налог',
    },
  ]) {
    await api('POST', 'events', { ...event, object_id: flat.id });
  }
  return {
    login,
    api,
    events: async () =>
      ((await api('GET', 'events?limit=200')) as { data: [] }).data,
  };
}

/** Signs in with Remember me and opens June's transactions. */
async function openJuneRemembered(page: Page, owner: Owner) {
  await page.goto(
    `/login?returnTo=${encodeURIComponent('/events?date_from=2026-06-01&date_to=2026-06-30')}`,
  );
  await page.getByLabel('Login').fill(owner.login);
  await page.getByLabel('Password', { exact: true }).fill('Secret-pass1');
  await page.getByLabel('Remember me on this device').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/^Это всё: 2 операции/)).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** Opens a row's dialog by its description. */
function rowOf(page: Page, description: string) {
  return page.getByRole('button', {
    name: new RegExp(`^Изменить операцию: .*${description}$`),
  });
}

const unsent = (page: Page) =>
  page.getByRole('region', { name: 'Ещё не отправленные изменения' });

test('what is added, changed and deleted offline waits on the device, outlives a reload, reaches the server once each, and goes with a sign-out', async ({
  page,
  network,
  consoleErrors,
  request,
}, testInfo) => {
  const owner = await newOwner(request, testInfo);
  await openJuneRemembered(page, owner);
  await goOffline(network, consoleErrors);
  await expect(
    page.getByText(
      /^Нет подключения к интернету\. Операции, которые вы добавите, измените или удалите, сохранятся на этом устройстве/,
    ),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Добавить операцию' }).click();
  const add = page.getByRole('dialog', { name: 'Новая операция' });
  await add.getByLabel('Дата').fill('14.06.2026');
  await add.getByLabel('Объект').selectOption({ label: 'Дача в Репино' });
  await add.getByLabel('Расход').fill('1 250');
  await add.getByLabel('Описание').fill('Сантехник');
  await add.getByRole('button', { name: 'Добавить операцию' }).click();
  await expect(add).toBeHidden();
  await expect(
    page.getByText('Сохранено на этом устройстве').first(),
  ).toBeVisible();
  await expect(
    page.getByRole('row').filter({ hasText: 'Сантехник' }),
  ).toContainText('Не отправлено');

  await rowOf(page, 'Аренда за июнь').click();
  const edit = page.getByRole('dialog', { name: 'Изменить операцию' });
  await edit.getByLabel('Доход').fill('55000');
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(edit).toBeHidden();

  await rowOf(page, 'Налог').click();
  await edit.getByRole('button', { name: 'Удалить' }).click();
  await page
    .getByRole('alertdialog', { name: 'Удалить эту операцию?' })
    .getByRole('button', { name: 'Удалить' })
    .click();
  // The Undo window closes: the delete joins the others.
  await page.clock.fastForward(9_000);
  await expect(unsent(page)).toContainText('3 изменения ждут отправки.');
  await expect(
    page.getByText(/Включая 3 изменения, ещё не отправленные\./),
  ).toBeVisible();
  // Nothing has reached the server.
  expect(
    (await owner.events()).map((event) => event.description).sort(),
  ).toEqual(['Аренда за июнь', 'Налог']);

  await expect.poll(() => deviceRecords(page, 'outbox')).toBe(3);

  // A reload with no network: the app, its rows and what waits are all there.
  await page.reload();
  await expect(unsent(page)).toContainText('3 изменения ждут отправки.');
  await expect(
    page.getByRole('row').filter({ hasText: 'Сантехник' }),
  ).toContainText('Не отправлено');
  await expect(rowOf(page, 'Налог')).toHaveCount(0);
  await unsent(page).getByRole('button', { name: 'Показать' }).click();
  await expect(unsent(page).getByRole('listitem')).toHaveText([
    /^Добавлена: 14 июн\. 2026 г\. · Дача в Репино · −1\s250\s₽ · Сантехник$/,
    /^Изменена: 10 июн\. 2026 г\. · Дача в Репино · \+55\s000\s₽ · Аренда за июнь$/,
    /^Удалена: 5 июн\. 2026 г\. · Дача в Репино · −3\s000\s₽ · Налог$/,
  ]);

  await network.online();
  await expect(unsent(page)).toBeHidden();
  const events = await owner.events();
  expect(
    events.map(({ description, income, expense }) => ({
      description,
      income,
      expense,
    })),
  ).toEqual([
    { description: 'Сантехник', income: 0, expense: 1_250 },
    { description: 'Аренда за июнь', income: 55_000, expense: 0 },
  ]);
  await expect(page.getByText(/^Это всё: 2 операции/)).toBeVisible();
  await expect(page.getByText('Не отправлено')).toHaveCount(0);
  expect(await deviceRecords(page, 'outbox')).toBe(0);

  // Offline again, a delete waits; signing out names it, and once the
  // owner lets it go nothing of theirs is left on the device.
  await network.offline();
  await rowOf(page, 'Сантехник').click();
  await edit.getByRole('button', { name: 'Удалить' }).click();
  await page
    .getByRole('alertdialog', { name: 'Удалить эту операцию?' })
    .getByRole('button', { name: 'Удалить' })
    .click();
  await page.getByRole('button', { name: 'Выйти' }).click();
  await page
    .getByRole('alertdialog', { name: '1 изменение не отправлено' })
    .getByRole('button', { name: 'Выйти и удалить их' })
    .click();
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
  await expect.poll(() => deviceRecords(page, 'outbox')).toBe(0);
  await expect.poll(() => deviceRecords(page, 'reads')).toBe(0);
  expect(
    (await owner.events()).filter((event) => event.description === 'Сантехник'),
  ).toHaveLength(1);
});

test('a change made offline to an event changed elsewhere meanwhile waits for the owner to choose', async ({
  page,
  network,
  consoleErrors,
  request,
}, testInfo) => {
  const owner = await newOwner(request, testInfo);
  await openJuneRemembered(page, owner);
  await goOffline(network, consoleErrors);
  await rowOf(page, 'Аренда за июнь').click();
  const edit = page.getByRole('dialog', { name: 'Изменить операцию' });
  await edit.getByLabel('Доход').fill('55000');
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(edit).toBeHidden();

  // Meanwhile, on another device: the rent is 52 000.
  const [rent] = (await owner.events()).filter(
    (event) => event.description === 'Аренда за июнь',
  );
  await owner.api('PATCH', `events/${rent?.id}`, { income: 52_000 });

  await network.online();
  await expect(unsent(page)).toContainText(
    '1 изменение ждёт отправки. 1 требует вашего решения.',
  );
  await expect(unsent(page)).toContainText(
    /После вашей правки её изменили в другом месте\. Сейчас: 10 июн\. 2026 г\. · Дача в Репино · \+52\s000\s₽ · Аренда за июнь\./,
  );
  await expect(
    page.getByRole('row').filter({ hasText: 'Аренда за июнь' }),
  ).toContainText('Нужно решение');
  // Nothing is sent over it until the owner chooses.
  expect(
    (await owner.events()).find((event) => event.id === rent?.id)?.income,
  ).toBe(52_000);

  await unsent(page).getByRole('button', { name: 'Оставить моё' }).click();
  await expect(unsent(page)).toBeHidden();
  expect(
    (await owner.events()).find((event) => event.id === rent?.id)?.income,
  ).toBe(55_000);
  await expect(
    page.getByRole('row').filter({ hasText: 'Аренда за июнь' }),
  ).toContainText(/\+55\s000/);
});

test('a tab not remembered says what it keeps offline, and signing out names what would be lost', async ({
  page,
  network,
  consoleErrors,
  request,
}, testInfo) => {
  const owner = await newOwner(request, testInfo);
  await page.goto('/login');
  await page.getByLabel('Login').fill(owner.login);
  await page.getByLabel('Password', { exact: true }).fill('Secret-pass1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Операции' }).first().click();
  await expect(rowOf(page, 'Налог')).toBeVisible();
  await goOffline(network, consoleErrors);
  await expect(
    page.getByText(
      /хранятся в этой вкладке и отправятся, когда связь вернётся; если закрыть или перезагрузить вкладку, они пропадут/,
    ),
  ).toBeVisible();

  await rowOf(page, 'Налог').click();
  const edit = page.getByRole('dialog', { name: 'Изменить операцию' });
  await edit.getByLabel('Расход').fill('3500');
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(unsent(page)).toContainText('1 изменение ждёт отправки.');

  await page.getByRole('button', { name: 'Выйти' }).click();
  const asked = page.getByRole('alertdialog', {
    name: '1 изменение не отправлено',
  });
  await expect(asked).toContainText('не попадут на сервер');
  await asked.getByRole('button', { name: 'Остаться' }).click();
  await expect(unsent(page)).toContainText('1 изменение ждёт отправки.');

  await page.getByRole('button', { name: 'Выйти' }).click();
  await asked.getByRole('button', { name: 'Выйти и удалить их' }).click();
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
  await network.online();
  expect(
    (await owner.events()).find((event) => event.description === 'Налог')
      ?.expense,
  ).toBe(3_000);
});

test('what waits on a remembered device outlives closing the browser, and is sent once the next time it opens online', async ({
  request,
  baseURL,
}, testInfo) => {
  const owner = await newOwner(request, testInfo);
  // A browser profile of its own, opened twice: a restart.
  const profile = await mkdtemp(path.join(tmpdir(), 'smartcomm-restart-'));
  const open = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath() ?? undefined,
      baseURL,
    });
    const network = await prepareContext(context);
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, network, page };
  };
  try {
    const first = await open();
    await openJuneRemembered(first.page, owner);
    await first.network.offline();
    await rowOf(first.page, 'Налог').click();
    const edit = first.page.getByRole('dialog', { name: 'Изменить операцию' });
    await edit.getByLabel('Расход').fill('3100');
    await edit.getByRole('button', { name: 'Сохранить' }).click();
    await expect(unsent(first.page)).toContainText(
      '1 изменение ждёт отправки.',
    );
    await expect.poll(() => deviceRecords(first.page, 'outbox')).toBe(1);
    await first.context.close();

    const second = await open();
    await second.page.goto('/events?date_from=2026-06-01&date_to=2026-06-30');
    // Sent as the app starts; the row shows what the server now has.
    await expect(
      second.page.getByRole('row').filter({ hasText: 'Налог' }),
    ).toContainText(/−3\s100/);
    await expect(unsent(second.page)).toBeHidden();
    expect(
      (await owner.events()).find((event) => event.description === 'Налог')
        ?.expense,
    ).toBe(3_100);
    await second.context.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

test('a repeat cut short by leaving the page is finished by the next one, each month once', async ({
  page,
  request,
}, testInfo) => {
  const owner = await newOwner(request, testInfo);
  await openJuneRemembered(page, owner);
  // Two of the repeat's requests go through; the rest never get an answer.
  let posted = 0;
  await page.route('**/api/events', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    posted += 1;
    if (posted <= 2) return route.continue();
    // Held until the page goes.
  });
  await page.getByRole('button', { name: 'Добавить операцию' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новая операция' });
  await dialog.getByLabel('Дата').fill('01.07.2026');
  await dialog.getByLabel('Объект').selectOption({ label: 'Дача в Репино' });
  await dialog.getByLabel('Расход').fill('4 200');
  await dialog.getByLabel('Описание').fill('Охрана посёлка');
  await dialog.getByLabel('Как часто').selectOption({ label: 'Каждый месяц' });
  await dialog.getByLabel('Сколько операций').fill('6');
  await dialog.getByRole('button', { name: 'Добавить 6 операций' }).click();
  const guarded = async () =>
    (await owner.events()).filter(
      (event) => event.description === 'Охрана посёлка',
    );
  await expect.poll(async () => (await guarded()).length).toBe(2);

  // The owner leaves anyway (the page asked first), and comes back.
  page.once('dialog', (asked) => void asked.accept());
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.reload();
  await expect(page.getByText(/^Это всё: 2 операции/)).toBeVisible();
  await expect
    .poll(async () =>
      (await guarded()).map((event) => event.notification_date).sort(),
    )
    .toEqual([
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
    ]);
  await expect(unsent(page)).toBeHidden();
});
