import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';

// With the keyboard alone: every dialog gives focus back to what opened it
// (or, when that is gone, to the page), so the next Tab goes on from there.

/** The focused element's accessible name, as far as this page needs it. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    const labels =
      element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement
        ? element.labels
        : null;
    return (
      element?.getAttribute('aria-label') ??
      labels?.[0]?.textContent?.trim() ??
      element?.textContent?.trim() ??
      ''
    );
  });

/** Presses Tab until the focused element's name matches, at most 80 times. */
async function tabTo(page: Page, name: RegExp) {
  for (let step = 0; step < 80; step += 1) {
    if (name.test(await focusedName(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name}`);
}

/** A confirmation: Cancel has focus; Tab to its action, and press it. */
async function confirmWithKeyboard(page: Page) {
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.getByRole('button', { name: 'Отмена' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
}

async function signIn(page: Page, path: string) {
  await page.goto(`/login?returnTo=${encodeURIComponent(path)}`);
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible();
}

test('an event is added, edited and deleted with the keyboard, and focus is never lost', async ({
  page,
}) => {
  await signIn(page, '/events?period=this-month');
  await expect(page.getByText(/^Итоги по [\d\s]+ операци/)).toBeVisible();
  const focused = page.locator(':focus');

  // Add, from the shortcut: focus comes back to the Add button.
  await page.keyboard.press('n');
  const add = page.getByRole('dialog', { name: 'Новая операция' });
  await expect(add.getByLabel('Дата')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(add.getByLabel('Объект')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await tabTo(page, /^Доход/);
  await page.keyboard.type('777');
  await tabTo(page, /^Описание/);
  await page.keyboard.type('Ключи от подвала');
  // The description takes Enter as a new line: on to the button.
  await tabTo(page, /^Добавить операцию$/);
  await page.keyboard.press('Enter');
  await expect(add).toBeHidden();
  await expect(focused).toHaveAccessibleName('Добавить операцию');

  // Edit from its row: focus comes back to the row.
  await tabTo(page, /^Изменить операцию: .*Ключи от подвала$/);
  const row = await focusedName(page);
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Изменить операцию' });
  await expect(edit.getByLabel('Дата')).toBeFocused();
  await tabTo(page, /^Доход/);
  await page.keyboard.press('End');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(edit).toBeHidden();
  await expect(focused).toHaveAccessibleName(row);

  // Delete from the same dialog: the row is gone, the page keeps focus.
  await page.keyboard.press('Enter');
  await expect(edit).toBeVisible();
  await tabTo(page, /^Удалить$/);
  await page.keyboard.press('Enter');
  await confirmWithKeyboard(page);
  await expect(
    page.getByRole('button', { name: /Ключи от подвала$/ }),
  ).toHaveCount(0);
  await expect(page.getByRole('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(focused).not.toHaveAccessibleName('Перейти к содержимому');
});

test('a property is added, edited and deleted with the keyboard, and focus is never lost', async ({
  page,
}) => {
  await signIn(page, '/objects');
  await expect(page.getByText('6 объектов')).toBeVisible();
  const focused = page.locator(':focus');

  await tabTo(page, /^Добавить объект$/);
  await page.keyboard.press('Enter');
  const add = page.getByRole('dialog', { name: 'Новый объект' });
  await expect(add.getByLabel('Название')).toBeFocused();
  await page.keyboard.type('Кладовая на Садовой');
  await tabTo(page, /^Площадь/);
  await page.keyboard.type('6');
  await tabTo(page, /^Адрес/);
  await page.keyboard.type('Москва, ул. Садовая, 5');
  await tabTo(page, /^Добавить объект$/);
  await page.keyboard.press('Enter');
  await expect(add).toBeHidden();
  await expect(page.getByText('7 объектов')).toBeVisible();
  await expect(focused).toHaveAccessibleName('Добавить объект');

  await tabTo(page, /^Изменить «Кладовая на Садовой»$/);
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Изменение объекта' });
  await expect(edit).toBeVisible();
  await tabTo(page, /^Площадь/);
  await page.keyboard.press('End');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(edit).toBeHidden();
  await expect(focused).toHaveAccessibleName('Изменить «Кладовая на Садовой»');

  // Deleted: its card is gone, the list of the others takes focus.
  await page.keyboard.press('Tab');
  await expect(focused).toHaveAccessibleName('Удалить «Кладовая на Садовой»');
  await page.keyboard.press('Enter');
  await confirmWithKeyboard(page);
  await expect(page.getByText('6 объектов')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Объекты' })).toBeFocused();
});
