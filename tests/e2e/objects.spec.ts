import type { Page } from '@playwright/test';

import {
  expect,
  expectAccessibleInBothThemes,
  test,
  TODAY,
  yearOf,
} from './fixtures';

const NAME = 'Дача 🌲 <img src=x onerror=alert(1)>';
const RENAMED = `${NAME} у озера`;
const EVENT = 'Аренда 🌲 за январь';

async function signInAsAdmin(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible();
}

async function openObjectsFromMenu(page: Page) {
  await page
    .getByRole('navigation', { name: 'Основное' })
    .getByRole('link', { name: 'Объекты' })
    .click();
}

/** Fails the test if the page ever opens an alert, confirm or prompt. */
function forbidDialogs(page: Page) {
  const opened: string[] = [];
  page.on('dialog', (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return opened;
}

function card(page: Page, name: string) {
  return page
    .getByRole('list', { name: 'Объекты' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

test('a property from creation to deletion, with its events', async ({
  page,
  axe,
}) => {
  const dialogs = forbidDialogs(page);
  const year = yearOf(TODAY);
  await signInAsAdmin(page);

  // Create, with text that must stay text.
  await page
    .getByRole('navigation', { name: 'Основное' })
    .getByRole('link', {
      name: 'Объекты',
    })
    .click();
  await expect(page.getByText('6 объектов')).toBeVisible();
  await expectAccessibleInBothThemes(page, axe);
  await page.getByRole('button', { name: 'Добавить объект' }).click();
  const create = page.getByRole('dialog', { name: 'Новый объект' });
  await create.getByLabel('Название').fill(NAME);
  await expect(create.getByText(`${NAME.length} / 120`)).toBeVisible();
  await create.getByLabel('Площадь, м²').fill('28,5');
  await create.getByLabel('Адрес').fill('Тверская обл., д. Озёрки, 7');
  await create.getByRole('button', { name: 'Добавить объект' }).click();
  await expect(create).toBeHidden();
  await expect(card(page, NAME)).toContainText('28,5 м²');
  await expect(card(page, NAME)).toContainText('0 ₽');
  await expect(page.getByText('7 объектов')).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  // Edit: only the name and the area change.
  await page.getByRole('button', { name: `Изменить «${NAME}»` }).click();
  const edit = page.getByRole('dialog', { name: 'Изменение объекта' });
  await expect(edit.getByLabel('Площадь, м²')).toHaveValue('28,5');
  await edit.getByLabel('Название').fill(RENAMED);
  await edit.getByLabel('Площадь, м²').fill('30.25');
  const patch = page.waitForRequest(
    (request) =>
      request.method() === 'PATCH' &&
      /\/api\/objects\/\d+$/.test(request.url()),
  );
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  expect((await patch).postDataJSON()).toEqual({ name: RENAMED, area: 30.25 });
  await expect(card(page, RENAMED)).toContainText('30,25 м²');

  // Open it and record an income on its page.
  await page.getByRole('link', { name: RENAMED, exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: RENAMED }),
  ).toBeVisible();
  const objectUrl = page.url();
  // The ledger's toolbar button (its empty state offers another).
  await page.getByRole('button', { name: 'Добавить операцию' }).first().click();
  const addEvent = page.getByRole('dialog', { name: 'Новая операция' });
  await addEvent.getByLabel('Дата').fill(`${year}-01-15`);
  await addEvent.getByLabel('Доход').fill('12100');
  await addEvent.getByLabel('Описание').fill(EVENT);
  await addEvent.getByRole('button', { name: 'Добавить операцию' }).click();
  await expect(addEvent).toBeHidden();
  await expect(page.getByText(EVENT)).toBeVisible();
  // All time: 12 100 ₽ over 30,25 m² is 400 ₽ per m².
  const perArea = page.getByRole('region', { name: 'На м²' });
  await expect(perArea).toContainText('+400 ₽/м²');
  await expectAccessibleInBothThemes(page, axe);

  // The list shows this year's net.
  await page.getByRole('link', { name: 'Все объекты' }).click();
  await expect(card(page, RENAMED)).toContainText('+12 100 ₽');

  // Delete from its page, then Undo on the list.
  await page.getByRole('link', { name: RENAMED, exact: true }).click();
  await page.getByRole('button', { name: 'Удалить', exact: true }).click();
  const confirm = page.getByRole('alertdialog', {
    name: `Удалить «${RENAMED}»?`,
  });
  await expect(confirm).toContainText('Вместе с ним удалится 1 операция.');
  await confirm.getByRole('button', { name: 'Удалить объект' }).click();
  await expect(page).toHaveURL(/\/objects$/);
  await expect(page.getByText('6 объектов')).toBeVisible();
  await expect(card(page, RENAMED)).toHaveCount(0);
  await page.getByRole('button', { name: 'Отменить', exact: true }).click();
  await expect(card(page, RENAMED)).toBeVisible();
  await expect(page.getByText('7 объектов')).toBeVisible();

  // Its event is on the events page…
  const eventsOfTheDay = `/events?date_from=${year}-01-15&date_to=${year}-01-15`;
  await page.goto(eventsOfTheDay);
  await expect(page.getByText(EVENT)).toBeVisible();

  // …until the property is deleted for real: DELETE waits out the Undo window.
  await openObjectsFromMenu(page);
  let deleteSentAt = 0;
  page.on('request', (request) => {
    if (request.method() === 'DELETE') deleteSentAt = Date.now();
  });
  await page.getByRole('button', { name: `Удалить «${RENAMED}»` }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: 'Удалить объект' })
    .click();
  const confirmedAt = Date.now();
  await expect(card(page, RENAMED)).toHaveCount(0);
  const toast = page.getByText(`Объект «${RENAMED}» удалён`, { exact: true });
  await expect(toast).toBeVisible();
  await expect(toast).toBeHidden({ timeout: 15_000 });
  await expect.poll(() => deleteSentAt).toBeGreaterThan(0);
  expect(deleteSentAt - confirmedAt).toBeGreaterThan(4_000);

  await page.goto(eventsOfTheDay);
  await expect(page.getByRole('table', { name: 'Операции' })).toBeVisible();
  await expect(page.getByText(EVENT)).toHaveCount(0);
  await page.goto(objectUrl);
  await expect(
    page.getByRole('heading', { name: 'Страница не найдена' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Перейти к обзору' }),
  ).toBeVisible();

  expect(dialogs).toEqual([]);
});

test("someone else's property is not found, with a way back", async ({
  page,
  axe,
}) => {
  await signInAsAdmin(page);
  await page.goto('/objects/7');
  await expect(
    page.getByRole('heading', { name: 'Страница не найдена' }),
  ).toBeVisible();
  await expect(page.getByText('Flat on Nemiga')).toHaveCount(0);
  await axe.expectNoSeriousA11yViolations();
  await page.getByRole('link', { name: 'Перейти к обзору' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

  test('the list, the form as a full-screen sheet and the property page fit', async ({
    page,
    axe,
  }) => {
    const dialogs = forbidDialogs(page);
    await signInAsAdmin(page);
    await openObjectsFromMenu(page);
    await expect(page.getByText('6 объектов')).toBeVisible();
    const fits = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth <= window.innerWidth,
      );
    expect(await fits()).toBe(true);
    await expectAccessibleInBothThemes(page, axe);

    await page.getByRole('button', { name: 'Добавить объект' }).click();
    const sheet = page.getByRole('dialog', { name: 'Новый объект' });
    const box = await sheet.boundingBox();
    expect(box?.width).toBe(375);
    await sheet.getByLabel('Название').fill(`${'Длинное название '.repeat(7)}`);
    await sheet.getByLabel('Площадь, м²').fill('41');
    await sheet.getByLabel('Адрес').fill('Казань');
    await sheet.getByRole('button', { name: 'Добавить объект' }).click();
    await expect(sheet).toBeHidden();
    expect(await fits()).toBe(true);

    await page.getByRole('link', { name: /^Длинное название/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'Длинное название',
    );
    expect(await fits()).toBe(true);
    await expectAccessibleInBothThemes(page, axe);
    expect(dialogs).toEqual([]);
  });
});
