import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

import {
  expect,
  expectAccessibleInBothThemes,
  saveEnglishInProfile,
  test,
  TODAY,
  yearOf,
} from './fixtures';

async function signIn(page: Page, path = '/') {
  await page.goto(`/login?returnTo=${encodeURIComponent(path)}`);
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The overview once the period's sums are in. */
async function overviewReady(page: Page, summed: RegExp) {
  await expect(
    page.getByRole('status').filter({ hasText: summed }),
  ).toBeVisible({ timeout: 15_000 });
}

// "This year" is the calendar year of the day the owner looks, on its first
// day and on its last as on any other.
for (const day of ['01-01', '12-31']) {
  const today = `${yearOf(TODAY)}-${day}`;
  test.describe(`on ${today}`, () => {
    test.use({ today });

    test('the overview shows this year, January to December', async ({
      page,
    }) => {
      await signIn(page);
      await overviewReady(page, /^Итоги по/);
      await expect(page.getByLabel('Период', { exact: true })).toHaveValue(
        'this-year',
      );
      await page.getByRole('button', { name: 'Таблица' }).click();
      const months = page
        .getByRole('table', { name: 'Денежный поток по месяцам' })
        .getByRole('rowheader');
      await expect(months).toHaveCount(12);
      await expect(months.first()).toHaveText(`январь ${yearOf(today)} г.`);
      await expect(months.last()).toHaveText(`декабрь ${yearOf(today)} г.`);
    });
  });
}

test.describe('the overview', () => {
  test('shows the year at a glance in Russian, in both themes, with a chart the keyboard can read', async ({
    page,
    axe,
  }) => {
    await signIn(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Обзор');
    await overviewReady(page, /^Итоги по/);
    await expect(page.getByLabel('Период', { exact: true })).toHaveValue(
      'this-year',
    );

    const year = yearOf(TODAY);
    const chart = page.getByRole('slider', { name: 'График денежного потока' });
    await chart.focus();
    // Focus starts on the last month; the arrow keys walk through the year.
    await expect(chart).toHaveAttribute(
      'aria-valuetext',
      new RegExp(`^декабрь ${year} г\\.: доход `),
    );
    await page.keyboard.press('ArrowLeft');
    await expect(chart).toHaveAttribute(
      'aria-valuetext',
      new RegExp(`^ноябрь ${year} г\\.:`),
    );
    await expect(chart.getByText(`ноябрь ${year} г.`)).toBeVisible();
    await page.keyboard.press('Home');
    await expect(chart).toHaveAttribute('aria-valuenow', '1');

    await expectAccessibleInBothThemes(page, axe);

    // The upcoming payments go to the phone's calendar as a file.
    const download = page.waitForEvent('download');
    await page
      .getByRole('button', { name: 'Добавить в календарь (.ics)' })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      /^smartcomm-upcoming-\d{4}-\d{2}-\d{2}\.ics$/,
    );
    const ics = await readFile(await file.path(), 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Таблица' }).click();
    const table = page.getByRole('table', {
      name: 'Денежный поток по месяцам',
    });
    await expect(table.getByRole('row')).toHaveCount(13);
    await expect(table.getByRole('rowheader').first()).toHaveText(
      `январь ${year} г.`,
    );
    await expectAccessibleInBothThemes(page, axe);
  });

  test('speaks English after the profile says so, and keeps the period in the address', async ({
    page,
    axe,
  }) => {
    await signIn(page, '/profile');
    await saveEnglishInProfile(page);

    await page.getByRole('link', { name: 'Overview' }).first().click();
    await overviewReady(page, /^Totals of/);
    await expect(
      page.getByRole('heading', { name: 'Cash flow by month' }),
    ).toBeVisible();
    await page.getByLabel('Period', { exact: true }).selectOption('last-year');
    await expect(page).toHaveURL(/\?period=last-year$/);
    await overviewReady(page, /^Totals of/);
    await page.getByRole('button', { name: 'Profit per m²' }).click();
    await expect(
      page.getByRole('table', { name: 'Properties by Profit per m²' }),
    ).toBeVisible();
    await expectAccessibleInBothThemes(page, axe);

    // Back returns to the default period, which the address leaves out.
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByLabel('Period', { exact: true })).toHaveValue(
      'this-year',
    );
  });

  test('fits a phone without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, '/?period=all');
    await overviewReady(page, /^Итоги по/);
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
    await expect(page.getByRole('slider')).toBeVisible();
    expect(await overflow()).toBe(0);
    await page.getByRole('button', { name: 'Таблица' }).click();
    await expect(
      page.getByRole('table', { name: 'Денежный поток по месяцам' }),
    ).toBeVisible();
    expect(await overflow()).toBe(0);
  });
});
