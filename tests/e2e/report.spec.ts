import type { Page } from '@playwright/test';

import { expect, expectAccessibleInBothThemes, test, TODAY } from './fixtures';

// The profit-and-loss report (issue 17): its sums against the mock
// database, the year before as far as the same day, and a page that
// prints on A4.

async function signIn(page: Page, path: string) {
  await page.goto(`/login?returnTo=${encodeURIComponent(path)}`);
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('heading', { name: 'Доходы и расходы' }),
  ).toBeVisible();
}

type Figures = {
  name: string;
  income: number;
  expense: number;
  net: number;
  before: number;
};

/** admin's properties summed from the database: `from`–`to` up to `asOf`, and a year before. */
function expected(page: Page, from: string, to: string, asOf: string) {
  return page.evaluate(
    ({ from, to, asOf }) => {
      const mock = window.__smartcommMock;
      const admin = mock?.db.users.find((user) => user.login === 'admin');
      const back = (iso: string) =>
        `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
      return (mock?.db.objects ?? [])
        .filter((object) => object.ownerId === admin?.id)
        .map((object) => {
          const of = (a: string, b: string) =>
            (mock?.db.events ?? []).filter(
              (event) =>
                event.object_id === object.id &&
                event.notification_date >= a &&
                event.notification_date <= b,
            );
          const done = of(from, to < asOf ? to : asOf);
          const before = of(back(from), back(to < asOf ? to : asOf));
          const income = done.reduce((sum, event) => sum + event.income, 0);
          const expense = done.reduce((sum, event) => sum + event.expense, 0);
          return {
            name: object.name,
            income,
            expense,
            net: income - expense,
            before: before.reduce(
              (sum, event) => sum + event.income - event.expense,
              0,
            ),
          };
        });
    },
    { from, to, asOf },
  );
}

/** How many A4 pages the page prints on. */
async function pdfPages(page: Page) {
  const pdf = await page.pdf({ format: 'A4' });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** A money cell as a number: "+1 234 ₽" is 1234, "−56 ₽" is −56. */
const amount = (text: string) =>
  (/[−-]/.test(text) ? -1 : 1) * Number(text.replace(/\D/g, '') || '0');

async function shown(page: Page, name: string) {
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const cells = await row.getByRole('cell').allTextContents();
  return cells;
}

async function expectReport(
  page: Page,
  figures: Figures[],
  comparable: boolean,
) {
  // Summed: the total row is there.
  await expect(
    page.getByRole('rowheader', { name: 'Все объекты' }),
  ).toBeVisible();
  for (const property of figures) {
    const cells = await shown(page, property.name);
    expect(amount(cells[0] ?? '')).toBe(property.income);
    expect(amount(cells[1] ?? '')).toBe(property.expense);
    expect(amount(cells[2] ?? '')).toBe(property.net);
    if (comparable) {
      const before = cells.at(-2) ?? '';
      expect(amount(before)).toBe(property.before);
    }
  }
  const total = await shown(page, 'Все объекты');
  expect(amount(total[2] ?? '')).toBe(
    figures.reduce((sum, p) => sum + p.net, 0),
  );
}

test('this year’s report and last year’s sum each property as the database holds it, the year before as far as the same day', async ({
  page,
}) => {
  const year = Number(TODAY.slice(0, 4));
  await signIn(page, '/reports');
  await expect(
    page.getByRole('columnheader', { name: 'Плановая прибыль' }),
  ).toBeVisible();
  await expectReport(
    page,
    await expected(page, `${year}-01-01`, `${year}-12-31`, TODAY),
    true,
  );

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
  await expectReport(
    page,
    await expected(page, `${year - 1}-01-01`, `${year - 1}-12-31`, TODAY),
    true,
  );
});

test('a custom period’s report sums the same, shows each month on demand, prints on A4 and passes axe in both themes', async ({
  page,
  axe,
}) => {
  await signIn(page, '/reports?date_from=2025-03-01&date_to=2025-08-31');
  const figures = await expected(page, '2025-03-01', '2025-08-31', TODAY);
  await expectReport(page, figures, true);

  const [first] = figures;
  if (!first) throw new Error('admin has no property');
  await page.getByRole('button', { name: first.name, exact: true }).click();
  const months = page.getByRole('table', { name: `${first.name} по месяцам` });
  await expect(months.getByRole('row')).toHaveCount(1 + 6);
  await expectAccessibleInBothThemes(page, axe);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Основное' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Печать' })).toBeHidden();
  await expect(
    page.getByText('Алексей Воронцов', { exact: true }).last(),
  ).toBeVisible();
  // The table on the first page, the opened property's months on its own.
  await expect(
    page.getByRole('heading', { level: 2, name: first.name }),
  ).toBeVisible();
  expect(await pdfPages(page)).toBe(2);

  await page.emulateMedia({ media: 'screen' });
  await page
    .getByRole('button', { name: 'Помесячно по всем объектам' })
    .click();
  await expect(
    page.getByRole('button', { name: 'Скрыть помесячно' }),
  ).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  expect(await pdfPages(page)).toBe(1 + figures.length);
});

test('the transactions page prints every row of its filter, not only those drawn, and a filter too long for paper points to the report', async ({
  page,
}) => {
  const from = '2026-01-01';
  const to = '2026-02-28';
  await page.goto(
    `/login?returnTo=${encodeURIComponent(`/events?date_from=${from}&date_to=${to}`)}`,
  );
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
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

  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('table:visible tbody tr');
  await expect(printed).toHaveCount(stored);
  await expect(page.getByRole('navigation', { name: 'Основное' })).toBeHidden();
  expect(await pdfPages(page)).toBeGreaterThan(1);

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
