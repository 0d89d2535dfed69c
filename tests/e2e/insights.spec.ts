import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

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

  test('an upcoming payment opens its own transaction, in the ledger of its month', async ({
    page,
  }) => {
    await signIn(page);
    await overviewReady(page, /^Итоги по/);
    const next = page.getByRole('region', { name: 'Следующие 30 дней' });
    const link = next.locator('a[href*="event="]').first();
    const href = (await link.getAttribute('href')) ?? '';
    const id = Number(new URL(href, page.url()).searchParams.get('event'));
    const event = await page.evaluate(
      (id) => window.__smartcommMock?.db.events.find((e) => e.id === id),
      id,
    );
    if (!event) throw new Error(`no event ${id} in the mock database`);
    await expect(link).toContainText(event.description || 'Без описания');

    await link.click();
    const dialog = page.getByRole('dialog', { name: 'Изменить операцию' });
    await expect(dialog.getByLabel('Описание')).toHaveValue(event.description);
    const month = event.notification_date.slice(0, 7);
    await expect(page).toHaveURL(
      new RegExp(
        `/events\\?date_from=${month}-01&date_to=${month}-\\d\\d&event=${id}$`,
      ),
    );
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/events\?date_from=[\d-]+&date_to=[\d-]+$/);
    // The ledger shows the month the event is in.
    await expect(page.getByLabel('Период', { exact: true })).toHaveValue(
      'custom',
    );
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

/** The chart's month labels, where they are on screen. */
function axisLabels(chart: Locator) {
  return chart.locator('svg text').evaluateAll((texts) =>
    texts.map((text) => {
      const box = text.getBoundingClientRect();
      return {
        text: text.textContent ?? '',
        year: text.querySelector('tspan')?.textContent ?? null,
        left: box.left,
        right: box.right,
      };
    }),
  );
}

/** Where the chart's visible part ends on the left (the amounts' column) and on the right. */
async function plotEdges(page: Page, chart: Locator) {
  const axis = await page
    .locator('svg[aria-hidden="true"].absolute')
    .first()
    .boundingBox();
  const frame = await chart.boundingBox();
  if (!axis || !frame) throw new Error('the chart is not on screen');
  return { left: axis.x + axis.width, right: frame.x + frame.width };
}

// "This year" on a phone: twelve months in 375 px, the first label whole,
// the tooltip of the last months inside the chart, and a click on a month
// opens its transactions.
test('this year at 375 px: no label cut off, the tooltips of November and December inside the chart, and a click on a month opens its transactions', async ({
  page,
}) => {
  const year = yearOf(TODAY);
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page);
  await overviewReady(page, /^Итоги по/);
  const chart = page.getByRole('slider', { name: 'График денежного потока' });
  await expect(chart).toBeVisible();
  // Twelve months fit: the chart does not scroll.
  expect(
    await chart.evaluate(
      (element) => element.scrollWidth - element.clientWidth,
    ),
  ).toBe(0);

  const edges = await plotEdges(page, chart);
  const labels = await axisLabels(chart);
  expect(labels[0]).toMatchObject({ text: `янв.${year}`, year: String(year) });
  for (const label of labels) {
    expect(label.left).toBeGreaterThanOrEqual(edges.left);
    expect(label.right).toBeLessThanOrEqual(edges.right);
  }

  const months = chart.locator('svg rect.cursor-pointer');
  await expect(months).toHaveCount(12);
  const frame = await chart.boundingBox();
  for (const [index, name] of [
    [10, 'ноябрь'],
    [11, 'декабрь'],
  ] as const) {
    await months.nth(index).hover();
    const tooltip = chart
      .getByText(`${name} ${year} г.`, { exact: true })
      .locator('..');
    await expect(tooltip).toBeVisible();
    const box = await tooltip.boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(frame?.x ?? Infinity);
    expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(
      (frame?.x ?? 0) + (frame?.width ?? 0),
    );
  }

  // A click on the year's last month with money: its transactions, as
  // many as the database holds.
  const counts = await page.evaluate((year) => {
    const mock = window.__smartcommMock;
    const admin = mock?.db.users.find((user) => user.login === 'admin');
    const own = new Set(
      (mock?.db.objects ?? [])
        .filter((object) => object.ownerId === admin?.id)
        .map((object) => object.id),
    );
    const byMonth = Array.from({ length: 12 }, () => 0);
    for (const event of mock?.db.events ?? []) {
      const day = event.notification_date;
      if (own.has(event.object_id) && day.startsWith(`${year}-`)) {
        const index = Number(day.slice(5, 7)) - 1;
        byMonth[index] = (byMonth[index] ?? 0) + 1;
      }
    }
    return byMonth;
  }, year);
  const month = counts.findLastIndex((count) => count > 0);
  expect(month).toBeGreaterThan(0);
  const mm = String(month + 1).padStart(2, '0');
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  await months.nth(month).click();
  await expect(page).toHaveURL(
    new RegExp(
      `/events\\?date_from=${year}-${mm}-01&date_to=${year}-${mm}-${lastDay}$`,
    ),
  );
  await expect(page.getByLabel('С', { exact: true })).toHaveValue(
    `01.${mm}.${year}`,
  );
  await expect(page.getByLabel('По', { exact: true })).toHaveValue(
    `${lastDay}.${mm}.${year}`,
  );
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^Итоги по ${counts[month]} операци`) }),
  ).toBeVisible();
});

// Over 40 months the chart says which year each label is, cuts no label
// off at 375 or 1440 px, and a month opens its transactions.
for (const width of [375, 1440]) {
  test(`a 40-month chart at ${width} px: every January and the first label carry the year, none is cut off, and a month opens its transactions`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, '/?date_from=2023-03-01&date_to=2026-06-30');
    await overviewReady(page, /^Итоги по/);
    const chart = page.getByRole('slider', { name: /./ });
    // The keyboard alone: no pointer resting over a month.
    await page.mouse.move(0, 0);
    await chart.focus();
    await page.keyboard.press('Home');
    await expect(chart).toHaveJSProperty('scrollLeft', 0);

    const labels = await axisLabels(chart);
    const first = labels[0];
    expect(first?.year).toBe('2023');
    for (const label of labels) {
      if (label.text.startsWith('янв.')) expect(label.year).not.toBeNull();
    }
    expect(
      labels.filter((label) => label.year).map((label) => label.year),
    ).toEqual(['2023', '2024', '2025', '2026']);
    // Nothing under the amounts at the axis, nothing past the chart's edge.
    expect(first?.left ?? 0).toBeGreaterThanOrEqual(
      (await plotEdges(page, chart)).left,
    );
    await page.keyboard.press('End');
    const last = (await axisLabels(chart)).at(-1);
    expect(last?.right ?? Infinity).toBeLessThanOrEqual(
      (await plotEdges(page, chart)).right + 1,
    );

    // Enter on the last month: its transactions.
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(
      /\/events\?date_from=2026-06-01&date_to=2026-06-30$/,
    );
    await expect(page.getByRole('heading', { name: 'Операции' })).toBeVisible();
  });
}
