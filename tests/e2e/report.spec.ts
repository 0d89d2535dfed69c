import { readFile } from 'node:fs/promises';
import type { Locator, Page, TestInfo } from '@playwright/test';

import { parseCsv } from '../../src/testing/parse-csv';
import {
  expect,
  expectAccessibleInBothThemes,
  saveEnglishInProfile,
  test,
  TODAY,
  yearOf,
} from './fixtures';

// The profit-and-loss report (issue 17): its sums against the mock
// database, the year before as far as the same day (income, expense and
// profit, with the change in money and per cent), the CSV, and pages that
// print on A4.

const OWNER = 'Алексей Воронцов';

async function signIn(page: Page, path: string) {
  await page.goto(`/login?returnTo=${encodeURIComponent(path)}`);
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

type Money = { income: number; expense: number; net: number };

type Figures = {
  name: string;
  area: number;
  /** Received and paid, up to `asOf`. */
  done: Money;
  /** After `asOf`. */
  planned: Money;
  /** A year before, as far as the same day a year before. */
  before: Money;
};

/** admin's properties summed from the database: `from`–`to` up to `asOf` and after it, and a year before. */
function expected(
  page: Page,
  from: string,
  to: string,
  asOf: string,
): Promise<Figures[]> {
  return page.evaluate(
    ({ from, to, asOf }) => {
      const mock = window.__smartcommMock;
      const admin = mock?.db.users.find((user) => user.login === 'admin');
      const back = (iso: string) =>
        `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
      const upTo = to < asOf ? to : asOf;
      return (mock?.db.objects ?? [])
        .filter((object) => object.ownerId === admin?.id)
        .map((object) => {
          const sum = (a: string, b: string, after = false) => {
            const money = { income: 0, expense: 0, net: 0 };
            for (const event of mock?.db.events ?? []) {
              const day = event.notification_date;
              if (
                event.object_id !== object.id ||
                day > b ||
                (after ? day <= a : day < a)
              ) {
                continue;
              }
              money.income += event.income;
              money.expense += event.expense;
              money.net += event.income - event.expense;
            }
            return money;
          };
          return {
            name: object.name,
            area: object.area,
            done: sum(from, upTo),
            planned: sum(asOf, to, true),
            before: sum(back(from), back(upTo)),
          };
        });
    },
    { from, to, asOf },
  );
}

/** The sum of every property's figures: the report's total. */
function total(figures: readonly Figures[]): Omit<Figures, 'name'> {
  const add = (pick: (property: Figures) => Money): Money => ({
    income: figures.reduce((sum, p) => sum + pick(p).income, 0),
    expense: figures.reduce((sum, p) => sum + pick(p).expense, 0),
    net: figures.reduce((sum, p) => sum + pick(p).net, 0),
  });
  return {
    area: figures.reduce((sum, p) => sum + Math.max(p.area, 0), 0),
    done: add((p) => p.done),
    planned: add((p) => p.planned),
    before: add((p) => p.before),
  };
}

/** The change in per cent as the report rounds it; none from zero. */
const share = (now: number, before: number) =>
  before === 0 ? null : Math.round(((now - before) / Math.abs(before)) * 100);

/** How many A4 pages the page prints on; the PDF is kept beside the test's results. */
async function pdfPages(page: Page, path: string) {
  const pdf = await page.pdf({ format: 'A4', path });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** The page as print emulation lays it out, kept beside the test's results to be looked at. */
async function printScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
}

/**
 * What heads every printed page after the first (the `@page` margin boxes
 * read it): the owner and the period.
 */
function printHeading(page: Page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    const text = (name: string) => {
      const value = style.getPropertyValue(name).trim();
      return value ? (JSON.parse(value) as string) : null;
    };
    return { owner: text('--print-owner'), period: text('--print-period') };
  });
}

/** A money cell as a number: "+1 234 ₽" is 1234, "−56 ₽" is −56. */
const amount = (text: string) =>
  (/[−-]/.test(text) ? -1 : 1) * Number(text.replace(/\D/g, '') || '0');

/** The cells of the row of `table` headed `name`. */
function cellsOf(table: Locator, name: string) {
  return table
    .getByRole('row')
    .filter({
      has: table.page().getByRole('rowheader', { name, exact: true }),
    })
    .getByRole('cell')
    .allTextContents();
}

/** A change cell, "+40 261 ₽(+5 %)", as its amount and its per cent. */
function change(text: string) {
  const [, money = '', percent] = /^([^(]*)(?:\((.*)\))?$/.exec(text) ?? [];
  return {
    money: amount(money),
    share: percent === undefined ? null : amount(percent),
  };
}

const RU = {
  total: 'Все объекты',
  measures: { income: 'Доход', expense: 'Расход', net: 'Прибыль' },
  compared: (name: string) => `${name} в сравнении с годом раньше`,
};
const EN = {
  total: 'All properties',
  measures: { income: 'Income', expense: 'Expense', net: 'Profit' },
  compared: (name: string) => `${name} against a year before`,
};

async function expectReport(
  page: Page,
  figures: Figures[],
  comparable: boolean,
) {
  // Summed: the total row is there.
  await expect(
    page.getByRole('rowheader', { name: RU.total, exact: true }).first(),
  ).toBeVisible();
  for (const property of [...figures, { name: RU.total, ...total(figures) }]) {
    const cells = await cellsOf(page.getByRole('table').first(), property.name);
    expect(amount(cells[0] ?? '')).toBe(property.done.income);
    expect(amount(cells[1] ?? '')).toBe(property.done.expense);
    expect(amount(cells[2] ?? '')).toBe(property.done.net);
    if (comparable) {
      expect(amount(cells.at(-2) ?? '')).toBe(property.before.net);
      expect(change(cells.at(-1) ?? '')).toEqual({
        money: property.done.net - property.before.net,
        share: share(property.done.net, property.before.net),
      });
    }
  }
}

/** A property's (or the total's) income, expense and profit beside the year before's, with the change. */
async function expectComparison(
  page: Page,
  words: typeof RU,
  name: string,
  figures: Omit<Figures, 'name'>,
) {
  const table = page.getByRole('table', { name: words.compared(name) });
  await expect(table).toBeVisible();
  for (const measure of ['income', 'expense', 'net'] as const) {
    const now = figures.done[measure];
    const before = figures.before[measure];
    const cells = await cellsOf(table, words.measures[measure]);
    expect(cells.slice(0, 2).map(amount)).toEqual([now, before]);
    expect(change(cells[2] ?? '')).toEqual({
      money: now - before,
      share: share(now, before),
    });
  }
}

test('this year’s report and last year’s sum each property as the database holds it, beside the year before as far as the same day: income, expense and profit with the change in money and per cent', async ({
  page,
}) => {
  const year = yearOf(TODAY);
  await signIn(page, '/reports');
  await expect(
    page.getByRole('columnheader', { name: 'Плановая прибыль' }),
  ).toBeVisible();
  const figures = await expected(page, `${year}-01-01`, `${year}-12-31`, TODAY);
  await expectReport(page, figures, true);
  // The portfolio against the year before, under the table.
  await expectComparison(page, RU, RU.total, total(figures));
  // Each property's, with its months.
  await page
    .getByRole('button', { name: 'Помесячно по всем объектам' })
    .click();
  for (const property of figures) {
    await expectComparison(page, RU, property.name, property);
  }

  await page.goto('/reports?period=last-year');
  await expect(
    page.getByRole('heading', { name: 'Доходы и расходы' }),
  ).toBeVisible();
  await expect(
    page.getByRole('columnheader', { name: 'Прибыль годом раньше' }),
  ).toBeVisible();
  // A past year has nothing planned.
  await expect(
    page.getByRole('columnheader', { name: 'Плановая прибыль' }),
  ).toBeHidden();
  const lastYear = await expected(
    page,
    `${year - 1}-01-01`,
    `${year - 1}-12-31`,
    TODAY,
  );
  await expectReport(page, lastYear, true);
  await expectComparison(page, RU, RU.total, total(lastYear));
});

test('a custom period’s report sums the same, shows each month on demand, prints on A4 and passes axe in both themes', async ({
  page,
  axe,
}, testInfo) => {
  await signIn(page, '/reports?date_from=2025-03-01&date_to=2025-08-31');
  const figures = await expected(page, '2025-03-01', '2025-08-31', TODAY);
  await expectReport(page, figures, true);

  const [first] = figures;
  if (!first) throw new Error('admin has no property');
  await page.getByRole('button', { name: first.name, exact: true }).click();
  const months = page.getByRole('table', { name: `${first.name} по месяцам` });
  await expect(months.getByRole('row')).toHaveCount(1 + 6);
  await expectComparison(page, RU, first.name, first);
  await expectAccessibleInBothThemes(page, axe);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Основное' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Печать' })).toBeHidden();
  await expect(page.getByText(OWNER, { exact: true }).last()).toBeVisible();
  // The table on the first page, the opened property's months on its own.
  await expect(
    page.getByRole('heading', { level: 2, name: first.name }),
  ).toBeVisible();
  expect(await pdfPages(page, testInfo.outputPath('one-open.pdf'))).toBe(1 + 1);
});

test('a whole year’s report prints on A4: the table on one page, each property on a page of its own, every page after the first headed by the owner and the period', async ({
  page,
}, testInfo) => {
  const year = yearOf(TODAY) - 1;
  await signIn(page, '/reports?period=last-year');
  const figures = await expected(page, `${year}-01-01`, `${year}-12-31`, TODAY);
  await expectReport(page, figures, true);
  const caption = page.getByRole('table').first().locator('caption');
  const period = (await caption.textContent())?.split(';')[0];
  expect(period).toContain(String(year));
  expect(await printHeading(page)).toEqual({ owner: OWNER, period });

  await printScreenshot(page, testInfo, 'report-year-print.png');
  await expect(page.getByRole('navigation', { name: 'Основное' })).toBeHidden();
  expect(await pdfPages(page, testInfo.outputPath('report-year.pdf'))).toBe(1);

  await page.emulateMedia({ media: 'screen' });
  await page
    .getByRole('button', { name: 'Помесячно по всем объектам' })
    .click();
  await expect(
    page.getByRole('button', { name: 'Скрыть помесячно' }),
  ).toBeVisible();
  await printScreenshot(page, testInfo, 'report-year-months-print.png');
  // Twelve months and the comparison of each property, on its own page.
  for (const property of figures) {
    const section = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: property.name }) });
    await expect(
      section
        .getByRole('table', { name: `${property.name} по месяцам` })
        .getByRole('row'),
    ).toHaveCount(1 + 12);
    await expect(
      section.getByRole('table', { name: RU.compared(property.name) }),
    ).toBeVisible();
  }
  expect(
    await pdfPages(page, testInfo.outputPath('report-year-months.pdf')),
  ).toBe(1 + figures.length);
});

test('in English the report, its comparison and its CSV: English headers, `,`-separated, every figure as the database holds it', async ({
  page,
}) => {
  const year = yearOf(TODAY) - 1;
  await signIn(page, '/profile');
  await saveEnglishInProfile(page);
  await page.goto('/reports?period=last-year');
  await expect(
    page.getByRole('heading', { name: 'Profit and loss' }),
  ).toBeVisible();
  await expect(
    page.getByRole('rowheader', { name: EN.total, exact: true }).first(),
  ).toBeVisible();
  const figures = await expected(page, `${year}-01-01`, `${year}-12-31`, TODAY);
  await expectComparison(page, EN, EN.total, total(figures));

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(
    `smartcomm-report-${year}-01-01–${year}-12-31.csv`,
  );
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [headers, ...rows] = parseCsv(bytes.toString('utf8'), ',');
  expect(headers).toEqual([
    'Property',
    'Income',
    'Expense',
    'Profit',
    'Profit per m²',
    'Planned income',
    'Planned expense',
    'Income a year before',
    'Expense a year before',
    'Profit a year before',
    'Change in profit',
    'Change in profit, %',
  ]);
  const text = (value: string) =>
    /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const line = (name: string, p: Omit<Figures, 'name'>) =>
    [
      text(name),
      p.done.income,
      p.done.expense,
      p.done.net,
      p.area > 0 ? Math.round(p.done.net / p.area) : '',
      p.planned.income,
      p.planned.expense,
      p.before.income,
      p.before.expense,
      p.before.net,
      p.done.net - p.before.net,
      share(p.done.net, p.before.net) ?? '',
    ].map(String);
  expect(rows.at(-1)).toEqual(line(EN.total, total(figures)));
  expect(rows.slice(0, -1).sort()).toEqual(
    figures.map((property) => line(property.name, property)).sort(),
  );
});

test('the transactions page prints every row of its filter, not only those drawn, headed by the owner and the period, and a filter too long for paper points to the report', async ({
  page,
}, testInfo) => {
  const from = '2026-01-01';
  const to = '2026-02-28';
  await signIn(page, `/events?date_from=${from}&date_to=${to}`);
  await expect(
    page.getByRole('status').filter({ hasText: /^Итоги по/ }),
  ).toBeVisible();
  const stored = await page.evaluate(
    ({ from, to }) => {
      const mock = window.__smartcommMock;
      const admin = mock?.db.users.find((user) => user.login === 'admin');
      const own = new Set(
        (mock?.db.objects ?? [])
          .filter((object) => object.ownerId === admin?.id)
          .map((object) => object.id),
      );
      return (mock?.db.events ?? []).filter(
        (event) =>
          own.has(event.object_id) &&
          event.notification_date >= from &&
          event.notification_date <= to,
      ).length;
    },
    { from, to },
  );
  expect(stored).toBeGreaterThan(40);

  await printScreenshot(page, testInfo, 'events-print.png');
  const printed = page.locator('table:visible tbody tr');
  await expect(printed).toHaveCount(stored);
  await expect(page.getByRole('navigation', { name: 'Основное' })).toBeHidden();
  const period = await page
    .locator('main p:visible', { hasText: /^\d+ янв\. 2026 г\./ })
    .textContent();
  expect(await printHeading(page)).toEqual({ owner: OWNER, period });
  expect(
    await pdfPages(page, testInfo.outputPath('events.pdf')),
  ).toBeGreaterThan(1);

  await page.emulateMedia({ media: 'screen' });
  await page.goto('/events?period=all');
  await expect(
    page.getByRole('status').filter({ hasText: /^Итоги по/ }),
  ).toBeVisible();
  await expect(page.getByRole('table').first()).toHaveAttribute(
    'aria-rowcount',
    /\d{4}/,
  );
  await page.emulateMedia({ media: 'print' });
  await expect(
    page.getByText(/больше, чем 2\s000, которые печатаются за раз/),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'отчёт о доходах и расходах' }),
  ).toBeVisible();
});
