import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';

import { parseCsv } from '../../src/testing/parse-csv';
import { expect, saveEnglishInProfile, test } from './fixtures';
import { newestFirst } from '../../src/testing/events';

// A period across a year boundary, as an accountant would ask for it.
const FROM = '2025-12-01';
const TO = '2026-01-31';
const PERIOD = `/events?date_from=${FROM}&date_to=${TO}`;

async function signIn(page: Page, path: string) {
  await page.goto(`/login?returnTo=${encodeURIComponent(path)}`);
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** admin's events in the range from the mock's store, as spreadsheet rows. */
async function databaseRows(page: Page, from: string, to: string) {
  const { objects, events } = await page.evaluate(() => {
    const mock = window.__smartcommMock;
    if (!mock) throw new Error('no mock backend in the page');
    return mock.db;
  });
  const names = new Map(
    objects.filter((o) => o.ownerId === 1).map((o) => [o.id, o.name]),
  );
  const text = (value: string) =>
    /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return events
    .filter(
      (event) =>
        names.has(event.object_id) &&
        event.notification_date >= from &&
        event.notification_date <= to,
    )
    .sort(newestFirst)
    .map((event) => [
      event.notification_date,
      text(names.get(event.object_id) ?? ''),
      text(event.description),
      String(event.income),
      String(event.expense),
    ]);
}

/** The downloaded file's text, after checking it starts with a UTF-8 BOM. */
async function downloadedText(download: Download): Promise<string> {
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.toString('utf8');
}

test.describe('CSV export', () => {
  test('in Russian: every row of the period, `;`-separated, from the months the index holds', async ({
    page,
    axe,
  }) => {
    await signIn(page, PERIOD);
    await expect(
      page.getByRole('status').filter({ hasText: /^Итоги по/ }),
    ).toBeVisible({ timeout: 15_000 });
    const expected = await databaseRows(page, FROM, TO);
    expect(expected.length).toBeGreaterThan(20);

    // Every month of the period is in the index already: the file is made
    // without asking the server again.
    const requests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) {
        requests.push(request.url());
      }
    });
    const button = page.getByRole('button', { name: 'Экспорт CSV' });
    await axe.expectNoSeriousA11yViolations();
    const downloading = page.waitForEvent('download');
    await button.click();
    const download = await downloading;
    // The toast goes after a few seconds: looked at before the file.
    await expect(
      page.getByText(
        new RegExp(`^Экспортирован[оаы] ${expected.length} операци[яий]$`),
      ),
    ).toBeVisible();
    expect(download.suggestedFilename()).toBe(
      `smartcomm-events-${FROM}–${TO}.csv`,
    );
    const records = parseCsv(await downloadedText(download), ';');
    expect(records[0]).toEqual([
      'Дата',
      'Объект',
      'Описание',
      'Доход',
      'Расход',
    ]);
    const rows = records.slice(1);
    expect(rows).toHaveLength(expected.length);
    expect(rows[0]).toEqual(expected[0]);
    expect(rows.at(-1)).toEqual(expected.at(-1));
    expect(rows).toEqual(expected);
    expect(requests).toEqual([]);
  });

  test('in English: headers in English, `,`-separated, from the keyboard', async ({
    page,
    axe,
  }) => {
    await signIn(page, '/profile');
    await saveEnglishInProfile(page);
    await page.goto(PERIOD);
    await expect(
      page.getByRole('status').filter({ hasText: /^Totals of/ }),
    ).toBeVisible({ timeout: 15_000 });
    const expected = await databaseRows(page, FROM, TO);
    await axe.expectNoSeriousA11yViolations();

    const downloading = page.waitForEvent('download');
    const button = page.getByRole('button', { name: 'Export CSV' });
    await button.focus();
    await page.keyboard.press('Enter');
    const download = await downloading;
    await expect(
      page.getByText(`Exported ${expected.length} transactions`, {
        exact: true,
      }),
    ).toBeVisible();
    expect(download.suggestedFilename()).toBe(
      `smartcomm-events-${FROM}–${TO}.csv`,
    );
    const records = parseCsv(await downloadedText(download), ',');
    expect(records[0]).toEqual([
      'Date',
      'Property',
      'Description',
      'Income',
      'Expense',
    ]);
    const rows = records.slice(1);
    expect(rows).toHaveLength(expected.length);
    expect(rows[0]).toEqual(expected[0]);
    expect(rows.at(-1)).toEqual(expected.at(-1));
    expect(rows).toEqual(expected);
    await expect(button).toBeFocused();
  });
});
