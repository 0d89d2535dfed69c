import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';

// Bringing history in from a file (issue 16): a Russian bank's statement
// and an English spreadsheet, previewed, imported, imported again, resumed
// after a failure and offline, and undone; checked in the mock database.

async function signIn(page: Page) {
  await page.goto(
    `/login?returnTo=${encodeURIComponent('/events?period=all')}`,
  );
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Операции' })).toBeVisible();
}

/** Text in windows-1251, as Russian banks export it: А–я are 0xC0–0xFF. */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0) ?? 0x3f;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      const others: Record<string, number> = {
        ё: 0xb8,
        Ё: 0xa8,
        '\u00a0': 0xa0,
      };
      return others[char] ?? 0x3f;
    }),
  );
}

const STATEMENT = cp1251(
  [
    'Выписка по счёту 40817810000000000001;;;',
    'Период: 01.01.2025 - 31.03.2025;;;',
    'Дата операции;Описание;Сумма;Валюта',
    '10.01.2025 12:30;Импорт: аренда за январь;+65\u00a0000,00;RUB',
    '15.01.2025;"Импорт: коммунальные; январь";-4\u00a0512,50;RUB',
    '10.02.2025;Импорт: аренда за февраль;+65\u00a0000,00;RUB',
    '31.02.2025;Импорт: ошибка даты;-100,00;RUB',
    '10.03.2025;"Импорт: аренда',
    'за март";+65\u00a0000,00;RUB',
    'Итого;;190\u00a0387,50;',
  ].join('\r\n'),
);

/** admin's events made by these imports: what the database holds. */
function imported(page: Page) {
  return page.evaluate(() =>
    (window.__smartcommMock?.db.events ?? [])
      .filter((event) => /^(Импорт|Import)/.test(event.description))
      .map((event) => ({
        date: event.notification_date,
        objectId: event.object_id,
        income: event.income,
        expense: event.expense,
        description: event.description,
      }))
      .sort((a, b) => a.date.localeCompare(b.date)),
  );
}

async function adminObjects(page: Page) {
  return page.evaluate(() => {
    const mock = window.__smartcommMock;
    const admin = mock?.db.users.find((user) => user.login === 'admin');
    return (mock?.db.objects ?? [])
      .filter((object) => object.ownerId === admin?.id)
      .map((object) => ({ id: object.id, name: object.name }));
  });
}

async function openImport(
  page: Page,
  file: Parameters<Page['setInputFiles']>[1],
) {
  await page.getByRole('button', { name: 'Импорт', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Импорт операций из файла' });
  await dialog.getByLabel('Выберите файл').setInputFiles(file);
  return dialog;
}

test('a bank statement in windows-1251 is previewed with its bad rows, imported with its signs and rounding, and the same file again adds nothing', async ({
  page,
}) => {
  await signIn(page);
  const [property] = await adminObjects(page);
  if (!property) throw new Error('admin has no property');
  const file = {
    name: 'statement.csv',
    mimeType: 'text/csv',
    buffer: STATEMENT,
  };
  let dialog = await openImport(page, file);

  // Read as it was written: the preamble left out, the header found.
  await expect(dialog.getByLabel('Кодировка')).toHaveValue('windows-1251');
  await expect(dialog.getByLabel('Разделитель полей')).toHaveValue(';');
  await expect(dialog.getByText('Названия столбцов в строке 3')).toBeVisible();
  await expect(dialog.getByLabel('Формат дат')).toHaveValue('dmy');
  await dialog.getByLabel('Импортировать в').selectOption(String(property.id));
  const rows = dialog.getByRole('list', { name: 'Строки файла' });
  await expect(rows.getByRole('listitem')).toHaveCount(6);
  await expect(rows.getByRole('listitem').nth(3)).toContainText(
    'Дату не прочитать',
  );
  await expect(rows.getByRole('listitem').nth(1)).toContainText(
    'Округлено до целых',
  );
  await expect(dialog.getByText('1 сумма округлена до целых')).toBeVisible();

  // Nothing is sent with problems until they are skipped.
  const start = dialog.getByRole('button', {
    name: 'Импортировать 4 операции',
  });
  await expect(start).toBeDisabled();
  await dialog.getByLabel('Пропустить 2 строки с ошибками').check();
  await start.click();
  await expect(
    dialog.getByText('Импортировано 4 операции. Пропущено 2 строки.'),
  ).toBeVisible();
  expect(await imported(page)).toEqual([
    {
      date: '2025-01-10',
      objectId: property.id,
      income: 65000,
      expense: 0,
      description: 'Импорт: аренда за январь',
    },
    {
      date: '2025-01-15',
      objectId: property.id,
      income: 0,
      expense: 4513,
      description: 'Импорт: коммунальные; январь',
    },
    {
      date: '2025-02-10',
      objectId: property.id,
      income: 65000,
      expense: 0,
      description: 'Импорт: аренда за февраль',
    },
    {
      date: '2025-03-10',
      objectId: property.id,
      income: 65000,
      expense: 0,
      description: 'Импорт: аренда за март',
    },
  ]);
  await dialog.getByRole('button', { name: 'Готово' }).click();
  await expect(dialog).toBeHidden();
  // In the ledger at once.
  await page.getByLabel('Поиск по описанию').fill('Импорт: аренда');
  await expect(
    page.getByRole('row', { name: /Импорт: аренда за февраль/ }),
  ).toBeVisible();
  await page.getByLabel('Поиск по описанию').fill('');

  // The same file again: every row is already in.
  dialog = await openImport(page, file);
  await dialog.getByLabel('Импортировать в').selectOption(String(property.id));
  await expect(dialog.getByRole('button', { name: 'Пропуск 4' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Новые 0' })).toBeVisible();
  await expect(
    rows
      .getByRole('listitem')
      .filter({ hasText: 'Уже есть в ваших операциях' }),
  ).toHaveCount(4);
  await expect(
    dialog.getByRole('button', { name: 'Импортировать 0 операций' }),
  ).toBeDisabled();
  expect(await imported(page)).toHaveLength(4);
});

test('an English spreadsheet by property name: a failed row is listed and retried alone, offline pauses and Resume finishes, and Undo takes it all back', async ({
  page,
  context,
}) => {
  await signIn(page);
  const [first, second] = await adminObjects(page);
  if (!first || !second) throw new Error('admin has too few properties');
  const csv = [
    'Date,Property,Details,Paid in,Paid out',
    `01/31/2024,${first.name.toUpperCase()},Import: rent,"1,200.00",`,
    `02/29/2024,${first.name},"Import: plumber, ""urgent""",,(45.50)`,
    `03/15/2024,Old name,Import: insurance,,300`,
    `03/20/2024,${second.name},Import: deposit,500,`,
  ].join('\n');
  const file = {
    name: 'spreadsheet.csv',
    mimeType: 'text/csv',
    buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]),
  };
  const dialog = await openImport(page, file);
  await expect(dialog.getByLabel('Формат дат')).toHaveValue('mdy');
  await expect(dialog.getByLabel('Суммы')).toHaveValue('split');
  await expect(dialog.getByLabel('Объект', { exact: true })).toHaveValue(
    'column',
  );
  // A name that is none of the owner's properties is given one.
  await dialog
    .getByLabel('«Old name» (1 строка)')
    .selectOption(String(second.id));
  await expect(dialog.getByRole('button', { name: 'Новые 4' })).toBeVisible();

  // The first create fails; the rest are made, and Retry sends only it.
  await page.evaluate(() =>
    window.__smartcommMock?.setSwitches({
      faults: [
        {
          method: 'POST',
          path: '/events',
          kind: 'status',
          status: 500,
          times: 1,
        },
      ],
    }),
  );
  await dialog
    .getByRole('button', { name: 'Импортировать 4 операции' })
    .click();
  await expect(
    dialog.getByText('1 строку не удалось импортировать:'),
  ).toBeVisible();
  expect(await imported(page)).toHaveLength(3);

  // Offline, Retry sends nothing and says so; back online, Resume does.
  await context.setOffline(true);
  await dialog
    .getByRole('button', { name: 'Повторить для неудавшихся' })
    .click();
  await expect(
    dialog.getByText(/^Нет связи: 1 строка не отправлена/),
  ).toBeVisible();
  await context.setOffline(false);
  await dialog.getByRole('button', { name: 'Продолжить' }).click();
  await expect(
    dialog.getByText('Импортировано 4 операции. Пропущено 0 строк.'),
  ).toBeVisible();
  expect(await imported(page)).toEqual([
    {
      date: '2024-01-31',
      objectId: first.id,
      income: 1200,
      expense: 0,
      description: 'Import: rent',
    },
    {
      date: '2024-02-29',
      objectId: first.id,
      income: 0,
      expense: 46,
      description: 'Import: plumber, "urgent"',
    },
    {
      date: '2024-03-15',
      objectId: second.id,
      income: 0,
      expense: 300,
      description: 'Import: insurance',
    },
    {
      date: '2024-03-20',
      objectId: second.id,
      income: 500,
      expense: 0,
      description: 'Import: deposit',
    },
  ]);

  await dialog
    .getByRole('button', { name: 'Отменить импорт (4 операции)' })
    .click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => imported(page), { timeout: 10_000 }).toEqual([]);
});

test('an import cut short by a reload carries on when the file is chosen again, adding only the rest, and its Undo takes back both parts', async ({
  page,
}, testInfo) => {
  await signIn(page);
  const [property] = await adminObjects(page);
  if (!property) throw new Error('admin has no property');
  // A file on disk: chosen again, it is the same file (name, size, date).
  const path = testInfo.outputPath('rent.csv');
  const lines = ['Date;Description;Amount'];
  for (let month = 1; month <= 40; month += 1) {
    const year = 2020 + Math.floor((month - 1) / 12);
    const day = `10.${String(((month - 1) % 12) + 1).padStart(2, '0')}.${year}`;
    lines.push(`${day};Import: rent ${month};50 000`);
  }
  await writeFile(path, lines.join('\r\n'));
  const stored = () =>
    page.evaluate(
      () =>
        (window.__smartcommMock?.db.events ?? []).filter((event) =>
          event.description.startsWith('Import: rent '),
        ).length,
    );

  // Slow answers: the import is still running when the page reloads.
  await page.evaluate(() =>
    window.__smartcommMock?.setSwitches({ latencyMs: 500 }),
  );
  let dialog = await openImport(page, path);
  await dialog.getByLabel('Импортировать в').selectOption(String(property.id));
  await dialog
    .getByRole('button', { name: 'Импортировать 40 операций' })
    .click();
  await expect.poll(stored, { intervals: [100] }).toBeGreaterThanOrEqual(8);
  // Leaving asks first; the owner leaves.
  page.once('dialog', (question) => void question.accept());
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Операции' })).toBeVisible();
  await page.evaluate(() =>
    window.__smartcommMock?.setSwitches({ latencyMs: 0 }),
  );
  const before = await stored();
  expect(before).toBeLessThan(40);

  dialog = await openImport(page, path);
  await expect(dialog.getByText(/^Импорт этого файла прервался/)).toBeVisible();
  await dialog.getByLabel('Импортировать в').selectOption(String(property.id));
  await expect(
    dialog.getByRole('button', { name: `Пропуск ${before}` }),
  ).toBeVisible();
  await dialog
    .getByRole('button', { name: /^Импортировать \d+ операц/ })
    .click();
  await expect(dialog.getByText(/^Импортирован[оа] \d+ операц/)).toBeVisible();
  // Each month once.
  const months = await page.evaluate(() =>
    (window.__smartcommMock?.db.events ?? [])
      .filter((event) => event.description.startsWith('Import: rent '))
      .map((event) => event.description)
      .sort(),
  );
  expect(months).toHaveLength(40);
  expect(new Set(months).size).toBe(40);

  await dialog
    .getByRole('button', { name: 'Отменить импорт (40 операций)' })
    .click();
  await expect.poll(stored, { timeout: 10_000 }).toBe(0);
});
