import type { Browser, Page } from '@playwright/test';

import { expect, prepareContext, test } from './fixtures';

// Two browsers signed in as the same owner against one server: the
// production build behind nginx with the mock API as a Node server, so both
// see the same data. They use olga, whom no other journey changes.

async function openAsOlga(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext();
  await prepareContext(context);
  const page = await context.newPage();
  await page.goto(`/login?returnTo=${encodeURIComponent(path)}`);
  await page.getByLabel('Login').fill('olga');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible();
  return page;
}

test('an edit made in another browser meanwhile is shown beside the owner’s, who chooses', async ({
  browser,
}) => {
  const [first, second] = await Promise.all([
    openAsOlga(browser, '/objects'),
    openAsOlga(browser, '/objects'),
  ]);
  const editLabel = await first
    .getByRole('button', { name: /^Изменить «/ })
    .first()
    .getAttribute('aria-label');
  const original = editLabel?.slice('Изменить «'.length, -1) ?? '';
  const base = original.slice(0, 50);
  const [mine, theirs, late] = [`${base} 1`, `${base} 2`, `${base} 3`];
  const rename = async (page: Page, from: string, to: string) => {
    await page.getByRole('button', { name: `Изменить «${from}»` }).click();
    const dialog = page.getByRole('dialog', { name: 'Изменение объекта' });
    await dialog.getByLabel('Название').fill(to);
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    return dialog;
  };

  // Both open the form on the same name; the first saves.
  await second.getByRole('button', { name: `Изменить «${original}»` }).click();
  const firstDialog = await rename(first, original, theirs);
  await expect(firstDialog).toBeHidden();

  // The second is told, with both names, and keeps its own.
  const dialog = second.getByRole('dialog', { name: 'Изменение объекта' });
  await dialog.getByLabel('Название').fill(mine);
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  const notice = dialog.getByRole('alert');
  await expect(notice).toContainText(`Сохранено сейчас: ${theirs}`);
  await expect(notice).toContainText(`Ваше: ${mine}`);
  await notice.getByRole('button', { name: 'Сохранить моё' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    second.getByRole('link', { name: mine, exact: true }),
  ).toBeVisible();

  // The first still shows its own name; editing it again says so too, and
  // this time the saved name is kept.
  const again = await rename(first, theirs, late);
  const secondNotice = again.getByRole('alert');
  await expect(secondNotice).toContainText(`Сохранено сейчас: ${mine}`);
  await secondNotice
    .getByRole('button', { name: 'Оставить сохранённое' })
    .click();
  await expect(again).toBeHidden();
  const saved = first.getByRole('link', { name: mine, exact: true });
  await expect(saved).toBeVisible();
  await expect(
    first.getByText('Оставлены сохранённые значения', { exact: true }),
  ).toBeVisible();
  await first.reload();
  await expect(saved).toBeVisible();
  await first.context().close();
  await second.context().close();
});

test('a delete keeps its event on Undo, and is still sent when the page is reloaded inside its Undo window', async ({
  browser,
}) => {
  const [first, second] = await Promise.all([
    openAsOlga(browser, '/events'),
    openAsOlga(browser, '/events'),
  ]);
  const rows = (page: Page) =>
    page.getByRole('button', { name: /^Изменить событие: / });
  const row = (page: Page, name: string) =>
    page.getByRole('button', { name, exact: true });
  const name = (await rows(first).first().getAttribute('aria-label')) ?? '';
  expect(name).not.toBe('');
  const askToDelete = async () => {
    await row(first, name).click();
    await first
      .getByRole('dialog', { name: 'Изменить событие' })
      .getByRole('button', { name: 'Удалить' })
      .click();
    await first
      .getByRole('alertdialog', { name: 'Удалить это событие?' })
      .getByRole('button', { name: 'Удалить' })
      .click();
    await expect(row(first, name)).toBeHidden();
  };

  // Deleted, then undone: nothing was sent, so the other browser can still
  // edit the very same event.
  await askToDelete();
  await first.getByRole('button', { name: 'Отменить', exact: true }).click();
  await expect(row(first, name)).toBeVisible();
  await row(second, name).click();
  const edit = second.getByRole('dialog', { name: 'Изменить событие' });
  await edit.getByLabel('Описание').fill('Проверено во второй вкладке');
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(edit).toBeHidden();
  await expect(
    second.getByText('Изменения сохранены', { exact: true }),
  ).toBeVisible();

  // Deleted again and the page reloaded at once: the browser asks, the
  // owner leaves, and the delete goes out as the page goes away.
  await askToDelete();
  first.on('dialog', (dialog) => void dialog.accept());
  await first.reload();
  await expect(rows(first).first()).toBeVisible();
  await second.reload();
  await expect(rows(second).first()).toBeVisible();
  await expect(second.getByText('Проверено во второй вкладке')).toHaveCount(0);
  await first.context().close();
  await second.context().close();
});
