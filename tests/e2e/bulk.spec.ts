import type { Locator, Page } from '@playwright/test';

import { expect, test, TODAY } from './fixtures';

// Entering money in bulk (issue 15): a repeat, a duplicate, Undo; then
// fixing it: a selection and each bulk change, with a failure retried.

async function signIn(page: Page, path: string) {
  await page.goto(`/login?returnTo=${encodeURIComponent(path)}`);
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Операции' })).toBeVisible();
}

/** The dates of admin's stored events described as `text`, in order. */
function storedDates(page: Page, text: string) {
  return page.evaluate(
    (description) =>
      (window.__smartcommMock?.db.events ?? [])
        .filter((event) => event.description === description)
        .map((event) => event.notification_date)
        .sort(),
    text,
  );
}

test('a repeat makes every month of a year on its clamped dates, and one Undo takes them all back', async ({
  page,
}) => {
  const year = TODAY.slice(0, 4);
  const description = 'Аренда парковки, ежемесячно';
  await signIn(page, '/events?period=all');
  await page.getByRole('button', { name: 'Добавить операцию' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новая операция' });
  await dialog.getByLabel('Дата').fill(`31.01.${year}`);
  await dialog.getByLabel('Объект').selectOption({ index: 1 });
  await dialog.getByLabel('Доход').fill('6 500');
  await dialog.getByLabel('Описание').fill(description);
  await dialog.getByLabel('Как часто').selectOption({ label: 'Каждый месяц' });
  await expect(dialog.getByLabel('Сколько операций')).toHaveValue('12');
  await expect(dialog.getByText(/^12 операций: с 31 янв\./)).toBeVisible();
  await dialog.getByText('Показать даты').click();
  await expect(
    dialog.getByText(`28 февр. ${year} г. (последний день месяца)`),
  ).toBeVisible();

  await dialog.getByRole('button', { name: 'Добавить 12 операций' }).click();
  await expect(dialog).toBeHidden();
  const toast = page
    .getByRole('region', { name: /^Уведомления/ })
    .getByText('12 операций добавлено');
  await expect(toast).toBeVisible();
  expect(await storedDates(page, description)).toEqual([
    `${year}-01-31`,
    `${year}-02-28`,
    `${year}-03-31`,
    `${year}-04-30`,
    `${year}-05-31`,
    `${year}-06-30`,
    `${year}-07-31`,
    `${year}-08-31`,
    `${year}-09-30`,
    `${year}-10-31`,
    `${year}-11-30`,
    `${year}-12-31`,
  ]);

  await page
    .getByRole('region', { name: /^Уведомления/ })
    .getByRole('button', { name: 'Отменить' })
    .click();
  await expect
    .poll(() => storedDates(page, description), { timeout: 10_000 })
    .toEqual([]);
  await expect(
    page
      .getByRole('region', { name: /^Уведомления/ })
      .getByText('12 операций удалено'),
  ).toBeVisible();
  await page.getByLabel('Поиск по описанию').fill('парковки, ежемесячно');
  await expect(
    page.getByRole('button', { name: new RegExp(`${description}$`) }),
  ).toHaveCount(0);
});

test('D on a row opens a copy dated today, and saving it adds exactly one', async ({
  page,
}) => {
  await signIn(page, '/events?period=this-month');
  const row = page
    .getByRole('button', { name: /^Изменить операцию: / })
    .first();
  const name = (await row.getAttribute('aria-label')) ?? '';
  await row.focus();
  await saveCopyDatedToday(page, name, () => page.keyboard.press('d'));
  // Focus is back on the row it was copied from.
  await expect(row).toBeFocused();
});

/**
 * Opens a copy of the event named `name` (`open`), checks it is dated
 * today and filled like it, saves it, and checks that the mock database
 * has exactly one more such event today.
 */
async function saveCopyDatedToday(
  page: Page,
  name: string,
  open: () => Promise<void>,
) {
  await open();
  const dialog = page.getByRole('dialog', { name: 'Новая операция' });
  const [year, month, day] = TODAY.split('-');
  await expect(dialog.getByLabel('Дата')).toHaveValue(
    `${day}.${month}.${year}`,
  );
  const copied = await dialog.getByLabel('Описание').inputValue();
  expect(name).toContain(copied);
  const today = async () =>
    (await storedDates(page, copied)).filter((date) => date === TODAY).length;
  const before = await today();
  await dialog.getByRole('button', { name: 'Добавить операцию' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(today).toBe(before + 1);
}

test('a quarterly repeat until a date lists its dates, each from the first one, and makes exactly those', async ({
  page,
}) => {
  const description = 'Страховка квартиры, раз в квартал';
  await signIn(page, '/events?period=all');
  await page.getByRole('button', { name: 'Добавить операцию' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новая операция' });
  await dialog.getByLabel('Дата').fill('30.11.2026');
  await dialog.getByLabel('Объект').selectOption({ index: 1 });
  await dialog.getByLabel('Расход').fill('3 200');
  await dialog.getByLabel('Описание').fill(description);
  await dialog
    .getByLabel('Как часто')
    .selectOption({ label: 'Каждый квартал' });
  await dialog.getByLabel('Окончание').selectOption({ label: 'По дате' });
  await dialog.getByLabel('Последняя дата').fill('31.08.2027');
  // 30 November, then the end of February, then the 30th again: each date
  // counted from the first, not from the one before.
  await expect(
    dialog.getByText('4 операции: с 30 нояб. 2026 г. по 30 авг. 2027 г.'),
  ).toBeVisible();
  await expect(
    dialog.getByText('28 февр. 2027 г. (последний день месяца)'),
  ).toBeVisible();
  await expect(dialog.getByText('30 мая 2027 г.')).toBeVisible();

  await dialog.getByRole('button', { name: 'Добавить 4 операции' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole('region', { name: /^Уведомления/ })
      .getByText('4 операции добавлены'),
  ).toBeVisible();
  expect(await storedDates(page, description)).toEqual([
    '2026-11-30',
    '2027-02-28',
    '2027-05-30',
    '2027-08-30',
  ]);
});

test.describe('on a phone', () => {
  test.use({
    viewport: { width: 375, height: 812 },
    hasTouch: true,
    isMobile: true,
  });

  test('a tap on a card’s Duplicate opens a copy dated today, and saving it adds exactly one', async ({
    page,
  }) => {
    await signIn(page, '/events?period=this-month');
    const duplicate = page
      .getByRole('button', { name: /^Дублировать операцию: / })
      .first();
    // Shown on every card to a finger, not only under a mouse.
    await expect(duplicate).toBeVisible();
    await expect(duplicate).toHaveCSS('opacity', '1');
    const label = (await duplicate.getAttribute('aria-label')) ?? '';
    await saveCopyDatedToday(page, label, () => duplicate.tap());
  });
});

/** admin's stored events of `month` (YYYY-MM), by id: their dates. */
function storedOfMonth(page: Page, month: string) {
  return page.evaluate((prefix) => {
    const db = window.__smartcommMock?.db;
    const admin = db?.users.find((user) => user.login === 'admin');
    const own = new Set(
      (db?.objects ?? [])
        .filter((object) => object.ownerId === admin?.id)
        .map((object) => object.id),
    );
    return Object.fromEntries(
      (db?.events ?? [])
        .filter(
          (event) =>
            own.has(event.object_id) &&
            event.notification_date.startsWith(prefix),
        )
        .map((event) => [event.id, event.notification_date]),
    );
  }, month);
}

test('a range chosen with Shift moves a month later, one that fails is kept with its reason, and Retry finishes it', async ({
  page,
}) => {
  const month = TODAY.slice(0, 7);
  await signIn(page, '/events?period=this-month');
  const before = await storedOfMonth(page, month);
  await page.getByRole('button', { name: 'Выбрать', exact: true }).click();
  const checks = page.getByRole('checkbox', { name: /^\d/ });
  await checks.nth(0).click();
  await checks.nth(4).click({ modifiers: ['Shift'] });
  const bar = page.getByRole('region', { name: 'Выбор операций' });
  await expect(bar.getByRole('status')).toHaveText(/^Выбрано 5 операций/);

  // The first PATCH fails.
  await page.evaluate(() =>
    window.__smartcommMock?.setSwitches({
      faults: [
        {
          method: 'PATCH',
          path: '/events/',
          kind: 'status',
          status: 500,
          times: 1,
        },
      ],
    }),
  );
  await bar.getByRole('button', { name: 'Изменить…' }).click();
  // Its title follows the selection: 5, then the 1 that failed.
  const dialog = page.getByRole('dialog');
  await expect(dialog).toHaveAccessibleName('Изменить 5 операций');
  await dialog
    .getByLabel('Что изменить')
    .selectOption({ label: 'Сдвинуть даты на месяцы' });
  await dialog.getByLabel('На сколько месяцев').fill('1');
  await dialog.getByRole('button', { name: 'Изменить 5' }).click();
  await expect(
    dialog.getByText(/^Не удалось изменить 1 операцию/),
  ).toBeVisible();
  // The one that failed is what is selected now.
  await expect(dialog).toHaveAccessibleName('Изменить 1 операцию');
  await dialog
    .getByRole('button', { name: 'Повторить для 1 неудачной' })
    .click();
  await expect(dialog).toBeHidden();

  // Five of this month's are next month's now, each moved once.
  const after = await storedOfMonth(page, month);
  const moved = Object.keys(before).filter((id) => !(id in after));
  expect(moved).toHaveLength(5);
  const next = await page.evaluate(
    (ids) =>
      (window.__smartcommMock?.db.events ?? [])
        .filter((event) => ids.includes(String(event.id)))
        .map((event) => event.notification_date.slice(0, 7)),
    moved,
  );
  const [year = 0, monthNumber = 0] = month.split('-').map(Number);
  const following = `${monthNumber === 12 ? year + 1 : year}-${String((monthNumber % 12) + 1).padStart(2, '0')}`;
  expect(next).toEqual(Array(5).fill(following));
});

test('select all the filter shows, delete after the count and sums, Undo keeps them, and then they go', async ({
  page,
}) => {
  const month = TODAY.slice(0, 7);
  await signIn(page, '/events?period=this-month');
  const count = Object.keys(await storedOfMonth(page, month)).length;
  expect(count).toBeGreaterThan(10);
  await page.getByRole('button', { name: 'Выбрать', exact: true }).click();
  const bar = page.getByRole('region', { name: 'Выбор операций' });
  await bar.getByRole('button', { name: `Выбрать все (${count})` }).click();
  await bar.getByRole('button', { name: 'Удалить' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(`Удалить ${count} операци`);
  await expect(confirm).toContainText(/Доход [+−]?[\d\s]+₽, расход/);
  await confirm.getByRole('button', { name: `Удалить ${count}` }).click();
  const notices = page.getByRole('region', { name: /^Уведомления/ });
  await notices.getByRole('button', { name: 'Отменить' }).click();
  expect(Object.keys(await storedOfMonth(page, month))).toHaveLength(count);

  await bar.getByRole('button', { name: `Выбрать все (${count})` }).click();
  await bar.getByRole('button', { name: 'Удалить' }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: `Удалить ${count}` })
    .click();
  // The Undo window closes, though the last toast's Undo had the pointer:
  // the DELETEs go.
  await page.clock.fastForward(10_000);
  await expect
    .poll(async () => Object.keys(await storedOfMonth(page, month)).length, {
      timeout: 15_000,
    })
    .toBe(0);
});

/** admin's stored events of `month` whose description holds `text`. */
function storedMatching(page: Page, month: string, text: string) {
  return page.evaluate(
    ({ prefix, needle }) => {
      const db = window.__smartcommMock?.db;
      const admin = db?.users.find((user) => user.login === 'admin');
      const own = new Set(
        (db?.objects ?? [])
          .filter((object) => object.ownerId === admin?.id)
          .map((object) => object.id),
      );
      return (db?.events ?? []).filter(
        (event) =>
          own.has(event.object_id) &&
          event.notification_date.startsWith(prefix) &&
          event.description.toLowerCase().includes(needle),
      );
    },
    { prefix: month, needle: text },
  );
}

test('every other bulk change lands on each selected transaction: an amount, a description, a property, a date', async ({
  page,
}) => {
  const month = TODAY.slice(0, 7);
  const [year, monthNumber] = month.split('-');
  await signIn(page, '/events?period=this-month');
  await page.getByLabel('Поиск по описанию').fill('аренда');
  const ids = (await storedMatching(page, month, 'аренда')).map(
    (event) => event.id,
  );
  expect(ids.length).toBeGreaterThan(1);
  await page.getByRole('button', { name: 'Выбрать', exact: true }).click();
  const bar = page.getByRole('region', { name: 'Выбор операций' });
  const [target] = await page.evaluate(() => {
    const db = window.__smartcommMock?.db;
    const admin = db?.users.find((user) => user.login === 'admin');
    return (db?.objects ?? [])
      .filter((object) => object.ownerId === admin?.id)
      .map((object) => ({ id: object.id, name: object.name }))
      .slice(-1);
  });
  if (!target) throw new Error('admin has no properties');

  const change = async (
    kind: string,
    fill: (dialog: Locator) => Promise<void>,
  ) => {
    await bar
      .getByRole('button', { name: `Выбрать все (${ids.length})` })
      .click();
    await bar.getByRole('button', { name: 'Изменить…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Что изменить').selectOption({ label: kind });
    await fill(dialog);
    await dialog
      .getByRole('button', { name: `Изменить ${ids.length}` })
      .click();
    await expect(dialog).toBeHidden();
  };
  const stored = () =>
    page.evaluate(
      (wanted) =>
        (window.__smartcommMock?.db.events ?? []).filter((event) =>
          wanted.includes(event.id),
        ),
      ids,
    );

  await change('Поставить сумму дохода', (dialog) =>
    dialog.getByLabel('Доход').fill('65 000'),
  );
  expect((await stored()).map((event) => event.income)).toEqual(
    ids.map(() => 65_000),
  );
  await change('Заменить описание', (dialog) =>
    dialog.getByLabel('Описание').fill('Аренда по новой ставке'),
  );
  expect(new Set((await stored()).map((event) => event.description))).toEqual(
    new Set(['Аренда по новой ставке']),
  );
  await change('Перенести на другой объект', async (dialog) => {
    await dialog.getByLabel('Объект').selectOption({ label: target.name });
  });
  expect(new Set((await stored()).map((event) => event.object_id))).toEqual(
    new Set([target.id]),
  );
  await change('Поставить одну дату', (dialog) =>
    dialog.getByLabel('Дата').fill(`05.${monthNumber}.${year}`),
  );
  expect(
    new Set((await stored()).map((event) => event.notification_date)),
  ).toEqual(new Set([`${month}-05`]));
  // Every one of them, once: nothing else changed hands.
  expect(await stored()).toHaveLength(ids.length);
});

/** `iso` moved by `days` (negative: earlier). */
function plusDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test('dates moved by days and an expense amount set land on exactly the transactions selected, once', async ({
  page,
}) => {
  const month = TODAY.slice(0, 7);
  await signIn(page, '/events?period=this-month');
  const byId = async () =>
    new Map(
      (await storedMatching(page, month, '')).map((event) => [event.id, event]),
    );
  const before = await byId();
  await page.getByRole('button', { name: 'Выбрать', exact: true }).click();
  const bar = page.getByRole('region', { name: 'Выбор операций' });
  const checks = page.getByRole('checkbox', { name: /^\d/ });
  const change = async (
    count: number,
    kind: string,
    fill: (dialog: Locator) => Promise<void>,
  ) => {
    for (let index = 0; index < count; index += 1) {
      await checks.nth(index).click();
    }
    await bar.getByRole('button', { name: 'Изменить…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Что изменить').selectOption({ label: kind });
    await fill(dialog);
    await dialog.getByRole('button', { name: `Изменить ${count}` }).click();
    await expect(dialog).toBeHidden();
  };

  // The newest three, two days earlier: still this month.
  await change(3, 'Сдвинуть даты на дни', (dialog) =>
    dialog.getByLabel('На сколько дней').fill('-2'),
  );
  const shifted = await byId();
  const moved = [...before.values()].filter(
    (event) =>
      shifted.get(event.id)?.notification_date !== event.notification_date,
  );
  expect(moved).toHaveLength(3);
  for (const event of moved) {
    expect(shifted.get(event.id)).toEqual({
      ...event,
      notification_date: plusDays(event.notification_date, -2),
    });
  }

  // Two of them (the rows on top now) get one expense; their income stays.
  await change(2, 'Поставить сумму расхода', (dialog) =>
    dialog.getByLabel('Расход').fill('4 321'),
  );
  const priced = await byId();
  const changed = [...shifted.values()].filter(
    (event) => priced.get(event.id)?.expense !== event.expense,
  );
  expect(changed).toHaveLength(2);
  for (const event of changed) {
    expect(priced.get(event.id)).toEqual({ ...event, expense: 4_321 });
  }
  // Nothing else in the month changed.
  expect(priced.size).toBe(before.size);
});
