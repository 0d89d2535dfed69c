import type { Page } from '@playwright/test';

import { expect, test, TODAY } from './fixtures';

// Entering money in bulk (issue 15): a repeat, a duplicate, Undo.

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
  await page.keyboard.press('d');
  const dialog = page.getByRole('dialog', { name: 'Новая операция' });
  const [year, month, day] = TODAY.split('-');
  await expect(dialog.getByLabel('Дата')).toHaveValue(
    `${day}.${month}.${year}`,
  );
  const copied = await dialog.getByLabel('Описание').inputValue();
  expect(name).toContain(copied);
  const before = (await storedDates(page, copied)).filter(
    (date) => date === TODAY,
  ).length;
  await dialog.getByRole('button', { name: 'Добавить операцию' }).click();
  await expect(dialog).toBeHidden();
  // Focus is back on the row it was copied from.
  await expect(row).toBeFocused();
  await expect
    .poll(
      async () =>
        (await storedDates(page, copied)).filter((date) => date === TODAY)
          .length,
    )
    .toBe(before + 1);
});
