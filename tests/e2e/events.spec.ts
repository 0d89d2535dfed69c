import type { Locator, Page } from '@playwright/test';

import { expect, prepareContext, test, TODAY, yearOf } from './fixtures';

// admin's profile is in Russian, with roubles.
const rub = new Intl.NumberFormat('ru', {
  style: 'currency',
  currency: 'RUB',
  maximumFractionDigits: 0,
});
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const signed = (amount: number) =>
  squash(
    `${amount > 0 ? '+' : amount < 0 ? '−' : ''}${rub.format(Math.abs(amount))}`,
  );

async function signIn(page: Page, path: string) {
  await page.goto(`/login?returnTo=${encodeURIComponent(path)}`);
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Операции' })).toBeVisible();
}

/** The figure under a totals label: "Доход", "Расход" or "Прибыль". */
function total(page: Page, label: string): Locator {
  return page
    .locator('dt', { hasText: new RegExp(`^${label}$`) })
    .locator('+ dd');
}

/** The totals, once the walk over every page is over. */
async function totalsShown(page: Page) {
  await expect(
    page.getByRole('status').filter({ hasText: /^Итоги по/ }),
  ).toBeVisible({
    timeout: 15_000,
  });
  return {
    income: squash(await total(page, 'Доход').innerText()),
    expense: squash(await total(page, 'Расход').innerText()),
    net: squash(await total(page, 'Прибыль').innerText()),
  };
}

/** Income, expense and net of admin's events in a range, from the mock's store. */
function databaseTotals(page: Page, from: string, to: string) {
  return page.evaluate(
    ([from, to]) => {
      const mock = window.__smartcommMock;
      if (!mock) throw new Error('no mock backend in the page');
      const { objects, events } = mock.db;
      const own = new Set(
        objects.filter((o) => o.ownerId === 1).map((o) => o.id),
      );
      let income = 0;
      let expense = 0;
      for (const event of events) {
        if (!own.has(event.object_id)) continue;
        if (event.notification_date < from || event.notification_date > to)
          continue;
        income += event.income;
        expense += event.expense;
      }
      return { income, expense };
    },
    [from, to] as const,
  );
}

const domSize = (page: Page) =>
  page.evaluate(() => document.getElementsByTagName('*').length);

const lastYear = yearOf(TODAY) - 1;

/** The event rows (not the heading row). */
const ROWS = '[role="row"]:has([role="cell"])';

test.describe('the events ledger', () => {
  test('holds every event of all time from the index, scrolled through with a small DOM and no request', async ({
    page,
  }) => {
    const requests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/events')) {
        requests.push(request.url());
      }
    });
    await signIn(page, '/events?period=all');
    const end = page.getByText(/^Это всё: [\d\s]+ операци/);
    await expect(end).toBeVisible();
    const count = Number((await end.innerText()).replace(/\D/g, ''));
    expect(count).toBeGreaterThan(1_000);
    await expect(page.getByRole('table', { name: 'Операции' })).toHaveAttribute(
      'aria-rowcount',
      String(count + 1),
    );
    // Every row is in the index: scrolling asks the server for nothing.
    requests.length = 0;
    const deepRow = page.locator('[role="row"][aria-rowindex="1001"]');
    let largestDom = 0;
    // Where row 1001 is on the page, from the scroll position and the row
    // height, not from the DOM: rows render a moment after a wheel step
    // (on a busy machine, longer), and waiting for the row itself could
    // wheel past it. Stops with the row in the upper part of the screen.
    const reached = () =>
      page.evaluate(() => {
        // Any row rendered now says where the others are: rows are of one
        // height, each at its index.
        const row = document.querySelector(
          '[role="rowgroup"] + [role="rowgroup"] [role="row"][aria-rowindex]',
        );
        if (!row) return false;
        const box = row.getBoundingClientRect();
        const index = Number(row.getAttribute('aria-rowindex'));
        const rowTop = box.top + scrollY + (1001 - index) * box.height;
        return scrollY + innerHeight * 0.6 >= rowTop;
      });
    for (let step = 0; step < 400 && !(await reached()); step += 1) {
      const before = await page.evaluate(() => scrollY);
      await page.mouse.wheel(0, 500);
      await page
        .waitForFunction((y) => scrollY !== y, before, { timeout: 2_000 })
        .catch(() => undefined);
      largestDom = Math.max(largestDom, await domSize(page));
    }
    // The user is at the thousandth event, reading it.
    await expect(deepRow).toBeInViewport();
    expect(largestDom).toBeLessThanOrEqual(1_500);
    expect(requests).toEqual([]);
    // Only the rows where the user is are in the page.
    const rendered = await page
      .locator(ROWS)
      .evaluateAll((rows) =>
        rows.map((row) => Number(row.getAttribute('aria-rowindex'))),
      );
    expect(rendered.length).toBeLessThan(80);
    expect(Math.min(...rendered)).toBeGreaterThan(900);

    // The oldest month is one jump away; its first row takes focus.
    const jump = page.getByLabel('Перейти к месяцу');
    const options = jump.locator('option');
    const last = (await options.count()) - 1;
    const oldest = (await options.nth(last).textContent()) ?? '';
    await jump.selectOption({ index: last });
    const focused = page.locator(':focus');
    await expect(focused).toHaveAccessibleName(/^Изменить операцию: /);
    await expect(focused).toBeInViewport();
    const row = page.locator('[role="row"]:has(:focus)');
    const index = Number(await row.getAttribute('aria-rowindex'));
    expect(index).toBeGreaterThan(count - 200);
    await expect(row.locator('[role="cell"]').first()).toContainText(
      oldest.replace(/\D/g, ''),
    );
    expect(requests).toEqual([]);
  });

  test('searches, shows one kind, sorts and runs a balance over every event, as the database has them', async ({
    page,
  }) => {
    await signIn(page, '/events?period=all');
    await expect(page.getByText(/^Это всё: /)).toBeVisible();
    const own = await page.evaluate(() => {
      const mock = window.__smartcommMock;
      if (!mock) throw new Error('no mock backend in the page');
      const mine = new Set(
        mock.db.objects.filter((o) => o.ownerId === 1).map((o) => o.id),
      );
      return mock.db.events.filter((event) => mine.has(event.object_id));
    });
    const sum = (events: typeof own) =>
      events.reduce(
        (all, event) => ({
          income: all.income + event.income,
          expense: all.expense + event.expense,
        }),
        { income: 0, expense: 0 },
      );

    // A search without case, over every event of all time.
    await page.getByLabel('Поиск по описанию').fill('АРЕНДА');
    const rent = own.filter((event) =>
      event.description.toLowerCase().includes('аренда'),
    );
    expect(rent.length).toBeGreaterThan(50);
    await expect(
      page.getByText(`Итоги по ${rent.length} найденн`, { exact: false }),
    ).toBeVisible();
    expect(await totalsShown(page)).toMatchObject({
      income: signed(sum(rent).income),
    });
    await expect(page.locator(`${ROWS} mark`).first()).toHaveText(/аренда/i);

    // Expenses only: every row an expense, the sums the database's.
    await page.getByLabel('Поиск по описанию').fill('');
    await page.getByLabel('Показать').selectOption('expense');
    const expenses = own.filter((event) => event.expense > 0);
    const spent = sum(expenses);
    // Both changes hold, made in quick succession.
    await expect(page).toHaveURL(/\/events\?period=all&type=expense$/);
    await expect(
      page.getByText(
        `Итоги по ${expenses.length.toLocaleString('ru')} найденн`,
        { exact: false },
      ),
    ).toBeVisible();
    expect(await totalsShown(page)).toEqual({
      income: signed(0),
      expense: signed(-spent.expense),
      net: signed(spent.income - spent.expense),
    });
    // Planned: what is dated after today.
    const planned = sum(
      expenses.filter((event) => event.notification_date > TODAY),
    );
    await expect(
      page.getByText(`из них запланировано ${signed(-planned.expense)}`),
    ).toBeVisible();
    // The newest row's balance is the net of every row shown.
    const balance = (index: number) =>
      page.locator(ROWS).nth(index).locator('[role="cell"]').last();
    await expect(balance(0)).toHaveText(
      signed(spent.income - spent.expense).replace(/\s/g, ' '),
      { useInnerText: true },
    );

    // Largest expense first, then smallest, from the column heading.
    const heading = page.getByRole('columnheader', { name: /Расход/ });
    await heading.getByRole('button').click();
    await expect(heading).toHaveAttribute('aria-sort', 'descending');
    const largest = Math.max(...expenses.map((event) => event.expense));
    await expect(page.locator(ROWS).first()).toContainText(
      squash(signed(-largest)).replace('+', ''),
    );
    await heading.getByRole('button').click();
    await expect(heading).toHaveAttribute('aria-sort', 'ascending');
    await expect(page).toHaveURL(/type=expense&sort=expense$/);

    // Kept in the address: a reload shows the same view.
    await page.reload();
    await expect(page.getByLabel('Показать')).toHaveValue('expense');
    await expect(
      page.getByRole('columnheader', { name: /Расход/ }),
    ).toHaveAttribute('aria-sort', 'ascending');
  });

  test('last year: every date in it, totals equal to the database, filters kept on reload', async ({
    page,
    axe,
  }) => {
    await signIn(page, '/events');
    await page.getByLabel('Период', { exact: true }).selectOption('last-year');
    await expect(page).toHaveURL(/\?period=last-year$/);
    await expect(page.getByRole('table', { name: 'Операции' })).toHaveAttribute(
      'aria-busy',
      'false',
    );
    const dates = await page
      .locator(`${ROWS} [role="cell"]:first-child`)
      .allInnerTexts();
    expect(dates.length).toBeGreaterThan(10);
    for (const date of dates) expect(date).toContain(String(lastYear));

    const expected = await databaseTotals(
      page,
      `${lastYear}-01-01`,
      `${lastYear}-12-31`,
    );
    expect(await totalsShown(page)).toEqual({
      income: signed(expected.income),
      expense: signed(-expected.expense),
      net: signed(expected.income - expected.expense),
    });
    await axe.expectNoSeriousA11yViolations();

    await page.getByLabel('Объект', { exact: true }).selectOption({
      label: 'Квартира на Профсоюзной',
    });
    await expect(page).toHaveURL(/\?period=last-year&object_id=\d+$/);
    await page.reload();
    await expect(page.getByLabel('Период', { exact: true })).toHaveValue(
      'last-year',
    );
    await expect(page.getByLabel('Объект', { exact: true })).toHaveValue(
      /^\d+$/,
    );
    await expect(page.locator(ROWS).first()).toContainText(
      'Квартира на Профсоюзной',
    );

    await page.goBack();
    await expect(page).toHaveURL(/\?period=last-year$/);
    await expect(page.getByLabel('Объект', { exact: true })).toHaveValue('');
  });

  test('adds, edits and deletes an event, and the totals follow', async ({
    page,
  }) => {
    await signIn(page, '/events?period=last-year');
    const before = await databaseTotals(
      page,
      `${lastYear}-01-01`,
      `${lastYear}-12-31`,
    );
    expect(await totalsShown(page)).toMatchObject({
      income: signed(before.income),
    });

    await page.keyboard.press('n');
    const add = page.getByRole('dialog', { name: 'Новая операция' });
    await add.getByLabel('Дата').fill(`15.06.${lastYear}`);
    await add.getByLabel('Объект').selectOption({ label: 'Квартира в Казани' });
    await add.getByLabel('Доход').fill('12 000');
    await add
      .getByLabel('Описание')
      .fill('Залог <img src=x onerror=alert(1)> 🏠');
    await add.getByRole('button', { name: 'Добавить операцию' }).click();
    await expect(add).toBeHidden();
    await expect(page.getByText('Операция добавлена').first()).toBeVisible();
    await expect(total(page, 'Доход')).toHaveText(
      signed(before.income + 12_000),
    );

    const row = page.getByRole('button', {
      name: /^Изменить операцию: .*Залог <img src=x onerror=alert\(1\)> 🏠$/,
    });
    await page.getByLabel('С', { exact: true }).fill(`15.06.${lastYear}`);
    await page.getByLabel('С', { exact: true }).press('Enter');
    await page.getByLabel('По', { exact: true }).fill(`15.06.${lastYear}`);
    await page.getByLabel('По', { exact: true }).press('Enter');
    await expect(page).toHaveURL(
      new RegExp(`date_from=${lastYear}-06-15&date_to=${lastYear}-06-15`),
    );
    await row.click();
    const edit = page.getByRole('dialog', { name: 'Изменить операцию' });
    await expect(edit.getByLabel('Доход')).toHaveValue(/^12\s000$/);
    await edit.getByLabel('Доход').fill('15000');
    await edit.getByRole('button', { name: 'Сохранить' }).click();
    await expect(edit).toBeHidden();
    const day = await databaseTotals(
      page,
      `${lastYear}-06-15`,
      `${lastYear}-06-15`,
    );
    await expect(total(page, 'Доход')).toHaveText(signed(day.income));
    expect(day.income).toBeGreaterThanOrEqual(15_000);

    await row.click();
    await edit.getByRole('button', { name: 'Удалить' }).click();
    await page
      .getByRole('alertdialog', { name: 'Удалить эту операцию?' })
      .getByRole('button', { name: 'Удалить' })
      .click();
    await expect(row).toBeHidden();
    await expect(total(page, 'Доход')).toHaveText(signed(day.income - 15_000));
    await expect(page.getByText('Операция удалена').first()).toBeVisible();
  });

  test('is readable on a phone and clean for axe in both themes', async ({
    browser,
    axe,
  }) => {
    const looks = [
      { width: 375, height: 812, colorScheme: 'light' },
      { width: 375, height: 812, colorScheme: 'dark' },
      { width: 1440, height: 900, colorScheme: 'dark' },
    ] as const;
    for (const { width, height, colorScheme } of looks) {
      const context = await browser.newContext({
        viewport: { width, height },
        colorScheme,
        locale: 'en-US',
      });
      await prepareContext(context);
      await context.addInitScript(() => {
        localStorage.setItem(
          'smartcomm.mock.switches',
          JSON.stringify({ latencyMs: 0, faults: [] }),
        );
      });
      const page = await context.newPage();
      await signIn(page, '/events');
      await totalsShown(page);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(width);
      const card = page.locator(ROWS).first();
      await expect(
        card.getByRole('button', { name: /^Изменить операцию: / }),
      ).toBeVisible();
      if (width < 640) {
        // A list of cards: no column headings, each card within the screen.
        await expect(page.getByRole('columnheader').first()).toBeHidden();
        const box = await card.boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(
          width,
        );
        // The ledger's actions wrap rather than run off the screen.
        const actions = page
          .getByRole('button', { name: 'Добавить операцию' })
          .locator('xpath=..')
          .getByRole('button');
        for (const action of await actions.all()) {
          const place = await action.boundingBox();
          expect(place?.x ?? -1).toBeGreaterThanOrEqual(0);
          expect(
            (place?.x ?? 0) + (place?.width ?? Infinity),
          ).toBeLessThanOrEqual(width);
        }
      }
      await axe.expectNoSeriousA11yViolations(page);

      await page.getByRole('button', { name: 'Добавить операцию' }).click();
      await expect(
        page.getByRole('dialog', { name: 'Новая операция' }),
      ).toBeVisible();
      await axe.expectNoSeriousA11yViolations(page);
      await context.close();
    }
  });
});
