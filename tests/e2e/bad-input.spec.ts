import type { Locator, Page } from '@playwright/test';

import { expect, test, TODAY, yearOf } from './fixtures';

const XSS = '<img src=x onerror=alert(1)>';
const RTL = 'إيجار الشهر';
// Right-to-left text, an emoji and a combining accent (e + U+0301).
const MIXED = `${RTL} 🏠 Cafe\u0301`;
const TEN_THOUSAND = 'ж'.repeat(10_000);
const PHONE = { width: 375, height: 812 };
// Later than every seeded event: a new event on it is the first row.
const NEWEST_DATE = `${yearOf(TODAY) + 1}-12-31`;
/** The event rows (not the heading row). */
const ROWS = '[role="row"]:has([role="cell"])';

test.use({ viewport: PHONE, hasTouch: true });

/** Fails the test if the page ever opens an alert, confirm or prompt. */
function forbidDialogs(page: Page) {
  const opened: string[] = [];
  page.on('dialog', (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return opened;
}

/** Every API request the page makes from now on. */
function recordApiRequests(page: Page) {
  const sent: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/')) {
      sent.push(`${request.method()} ${pathname}`);
    }
  });
  return sent;
}

/** The page is no wider than the screen: nothing scrolls sideways. */
async function expectFitsTheScreen(page: Page) {
  expect(
    await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      screen: window.innerWidth,
    })),
  ).toEqual({ page: PHONE.width, screen: PHONE.width });
}

/** Nothing typed became markup: no element came from the injected HTML. */
async function expectNoInjectedMarkup(page: Page, dialogs: string[]) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
}

async function signInAsAdmin(page: Page, path: string) {
  await page.goto(`/login?returnTo=${encodeURIComponent(path)}`);
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible();
}

const described = (field: Locator, message: string | RegExp) =>
  expect(field).toHaveAccessibleDescription(message);

test('sign-in: markup stays text, 10,000 characters are refused before sending', async ({
  page,
}) => {
  const dialogs = forbidDialogs(page);
  await page.goto('/login');
  const login = page.getByLabel('Login');
  const password = page.getByLabel('Password', { exact: true });
  await login.fill(XSS);
  await password.fill(XSS);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong login or password.');
  await expect(login).toHaveValue(XSS);
  await expectNoInjectedMarkup(page, dialogs);

  const sent = recordApiRequests(page);
  await login.fill(TEN_THOUSAND);
  await password.fill(TEN_THOUSAND);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await described(login, 'At most 254 characters');
  await described(password, 'At most 128 characters');
  expect(sent).toEqual([]);
  await expectFitsTheScreen(page);
});

test('registration and profile: markup, right-to-left text and 10,000 characters in every text field', async ({
  page,
}) => {
  const dialogs = forbidDialogs(page);
  await page.goto('/register');
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const sent = recordApiRequests(page);
  for (const label of [
    'Login',
    'First name',
    'Last name',
    'E-mail',
    'Password',
  ]) {
    await field(label).fill(TEN_THOUSAND);
  }
  await page.getByRole('button', { name: 'Create account' }).click();
  await described(field('Login'), /^At most 32 characters/);
  await described(field('First name'), 'At most 64 characters');
  await described(field('Last name'), 'At most 64 characters');
  await described(field('E-mail'), /^Enter an e-mail address/);
  await described(field('Password'), /^At most 128 characters/);
  expect(sent.filter((line) => line.startsWith('POST'))).toEqual([]);
  await expectFitsTheScreen(page);

  // Markup where the contract allows any text, and where it does not.
  await field('Login').fill(XSS);
  await field('E-mail').fill(XSS);
  await page.getByRole('button', { name: 'Create account' }).click();
  await described(field('Login'), /^Invalid value/);
  await described(field('E-mail'), /^Enter an e-mail address/);
  const login = `rtl.${Date.now()}`;
  await field('Login').fill(login);
  await field('First name').fill(XSS);
  await field('Last name').fill(MIXED);
  await field('Date of birth').fill('1990-02-28');
  await page
    .getByLabel('Country')
    .selectOption({ label: 'United Arab Emirates' });
  await page.getByLabel('Phone').pressSequentially('501234567');
  await field('E-mail').fill(`${login}@example.com`);
  await field('Password').fill(`${XSS}-pass`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/$/);

  // The name shows as typed in the header, isolated from what is around it.
  const userName = page.locator('header [dir="auto"]', {
    hasText: `${XSS} ${MIXED}`,
  });
  await expect(userName).toBeVisible();
  await page.goto('/profile');
  await expect(page.getByLabel('First name')).toHaveValue(XSS);
  await expect(page.getByLabel('Last name')).toHaveValue(MIXED);
  await expect(page.getByLabel('Last name')).toHaveAttribute('dir', 'auto');

  const profileSent = recordApiRequests(page);
  for (const label of ['Login', 'First name', 'Last name', 'E-mail']) {
    await field(label).fill(TEN_THOUSAND);
  }
  await page.getByRole('button', { name: 'Save' }).click();
  await described(field('Login'), /^At most 32 characters/);
  await described(field('First name'), 'At most 64 characters');
  await described(field('Last name'), 'At most 64 characters');
  await described(field('E-mail'), /^Enter an e-mail address/);
  expect(profileSent.filter((line) => line.startsWith('PATCH'))).toEqual([]);
  await expectFitsTheScreen(page);
  await expectNoInjectedMarkup(page, dialogs);
});

test('a property: counters for long text, and its name and address stay text wherever shown', async ({
  page,
}) => {
  const dialogs = forbidDialogs(page);
  await signInAsAdmin(page, '/objects');
  await page.getByRole('button', { name: 'Добавить объект' }).click();
  const sheet = page.getByRole('dialog', { name: 'Новый объект' });
  const name = sheet.getByLabel('Название');
  const address = sheet.getByLabel('Адрес');
  const sent = recordApiRequests(page);
  await name.fill(TEN_THOUSAND);
  await sheet.getByLabel('Площадь, м²').fill('41');
  await address.fill(TEN_THOUSAND);
  await expect(sheet.getByText('10000 / 120')).toBeVisible();
  await expect(sheet.getByText('10000 / 300')).toBeVisible();
  await sheet.getByRole('button', { name: 'Добавить объект' }).click();
  await described(name, /Не больше 120 символов/);
  await described(address, /Не больше 300 символов/);
  expect(sent.filter((line) => line.startsWith('POST'))).toEqual([]);
  await expectFitsTheScreen(page);

  // The longest the contract allows, unbroken, with markup and RTL text.
  const longName = `${RTL}${XSS}${'Ж'.repeat(120)}`.slice(0, 120);
  const longAddress = `${XSS}${MIXED}${'ж'.repeat(300)}`.slice(0, 300);
  await name.fill(longName);
  await address.fill(longAddress);
  await sheet.getByRole('button', { name: 'Добавить объект' }).click();
  await expect(sheet).toBeHidden();
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: longName }) });
  await expect(card).toContainText(longAddress);
  await expect(
    card.locator('[dir="auto"]', { hasText: longName }),
  ).toBeVisible();
  await expectFitsTheScreen(page);

  await card.getByRole('link', { name: longName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(longName);
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute(
    'dir',
    'auto',
  );
  await expect(page.getByText(longAddress)).toBeVisible();
  await expectFitsTheScreen(page);
  await expectNoInjectedMarkup(page, dialogs);
});

test('an event: a counter for its description, which stays text and in its own cell', async ({
  page,
}) => {
  const dialogs = forbidDialogs(page);
  await signInAsAdmin(page, '/events?period=all');
  await page.getByRole('button', { name: 'Добавить операцию' }).click();
  const add = page.getByRole('dialog', { name: 'Новая операция' });
  const description = add.getByLabel('Описание');
  const sent = recordApiRequests(page);
  await add.getByLabel('Дата').fill(NEWEST_DATE);
  await add.getByLabel('Объект').selectOption({ label: 'Квартира в Казани' });
  await add.getByLabel('Доход').fill('1200');
  await description.fill(TEN_THOUSAND);
  await expect(add.getByText('10000 / 1000 символов')).toBeVisible();
  await add.getByRole('button', { name: 'Добавить операцию' }).click();
  await described(description, /Не больше 1000 символов/);
  expect(sent.filter((line) => line.startsWith('POST'))).toEqual([]);
  await expectFitsTheScreen(page);

  const text = `${MIXED} ${XSS}${'ж'.repeat(1000)}`.slice(0, 1000);
  await description.fill(text);
  await add.getByRole('button', { name: 'Добавить операцию' }).click();
  await expect(add).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: RTL }).first();
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').filter({ hasText: text })).toHaveAttribute(
    'dir',
    'auto',
  );
  await expectFitsTheScreen(page);
  await expectNoInjectedMarkup(page, dialogs);
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1440, height: 900 }, hasTouch: false });

  /** Adds income to Kazan on the newest date the form takes: the first row. */
  async function addNewestIncome(page: Page, income: string, text: string) {
    await page.getByRole('button', { name: 'Добавить операцию' }).click();
    const add = page.getByRole('dialog', { name: 'Новая операция' });
    await add.getByLabel('Дата').fill(NEWEST_DATE);
    await add.getByLabel('Объект').selectOption({ label: 'Квартира в Казани' });
    await add.getByLabel('Доход').fill(income);
    await add.getByLabel('Описание').fill(text);
    await add.getByRole('button', { name: 'Добавить операцию' }).click();
    await expect(add).toBeHidden();
  }

  test('right-to-left text does not move the cells around it', async ({
    page,
  }) => {
    await signInAsAdmin(page, '/events?period=all');
    await addNewestIncome(page, '1200', `${MIXED} 2024`);

    const row = page.getByRole('row').filter({ hasText: RTL }).first();
    const cells = row.getByRole('cell');
    await expect(cells).toHaveCount(6);
    const lefts = await cells.evaluateAll((elements) =>
      elements.map((element) => element.getBoundingClientRect().left),
    );
    // Date, property, description, income, expense, balance: left to right.
    expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
    await expect(cells.nth(2)).toHaveAttribute('dir', 'auto');
    await expect(cells.nth(3)).toHaveText(/^Доход\s*\+1\s200\s₽$/);
  });

  test('the largest amount the form takes stays inside its cell', async ({
    page,
  }) => {
    await signInAsAdmin(page, '/events?period=all');
    await addNewestIncome(page, '999999999999', 'Самая большая сумма');

    const row = page
      .getByRole('row')
      .filter({ hasText: 'Самая большая сумма' });
    const income = row.getByRole('cell').nth(3);
    await expect(income).toHaveText(/^Доход\s*\+999\s999\s999\s999\s₽$/);
    for (const width of [1440, 768]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await income.evaluate(
        (cell) => cell.scrollWidth - cell.clientWidth,
      );
      expect(overflow, `at ${width} px`).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('amounts and dates at their edges', () => {
  test.use({ viewport: { width: 1440, height: 900 }, hasTouch: false });

  const eventWrites = (page: Page) => {
    const bodies: unknown[] = [];
    page.on('request', (request) => {
      if (
        request.method() === 'POST' &&
        new URL(request.url()).pathname === '/api/events'
      ) {
        bodies.push(request.postDataJSON());
      }
    });
    return bodies;
  };

  async function openNewEvent(page: Page) {
    await page.getByRole('button', { name: 'Добавить операцию' }).click();
    const add = page.getByRole('dialog', { name: 'Новая операция' });
    await add.getByLabel('Объект').selectOption({ label: 'Квартира в Казани' });
    return add;
  }

  test('amounts: zero, the largest allowed, beyond it, negative, cents, and grouped as people type them', async ({
    page,
  }) => {
    await signInAsAdmin(page, '/events?period=all');
    const sent = eventWrites(page);
    const add = await openNewEvent(page);
    const income = add.getByLabel('Доход');
    const expense = add.getByLabel('Расход');
    const submit = add.getByRole('button', { name: 'Добавить операцию' });
    await add.getByLabel('Дата').fill(NEWEST_DATE);

    await income.fill('-5');
    await expense.fill('12,50');
    await submit.click();
    await described(income, /^Введите сумму без минуса/);
    await described(expense, /^Только целые суммы, без копеек\./);

    // One more than the contract's maximum, and far beyond a safe integer.
    await income.fill('1 000 000 000 000');
    await expense.fill('99999999999999999999');
    await submit.click();
    await described(income, /^Не больше 999\s999\s999\s999\./);
    await described(expense, /^Не больше 999\s999\s999\s999\./);
    expect(sent).toEqual([]);

    await income.fill('999999999999');
    await expense.fill('0');
    await submit.click();
    await expect(add).toBeHidden();
    expect(sent).toEqual([
      expect.objectContaining({ income: 999_999_999_999, expense: 0 }),
    ]);
    await expect(page.locator(ROWS).first()).toContainText(
      /\+999\s999\s999\s999\s₽/,
    );

    const next = await openNewEvent(page);
    await next.getByLabel('Доход').fill('1,200');
    await next.getByLabel('Расход').fill('1 200,00');
    await next.getByLabel('Описание').click();
    // Read as a thousand and two hundred, and shown so before it is sent.
    await expect(next.getByLabel('Доход')).toHaveValue(/^1\s200$/);
    await expect(next.getByLabel('Расход')).toHaveValue(/^1\s200$/);
    await next.getByRole('button', { name: 'Добавить операцию' }).click();
    await expect(next).toBeHidden();
    expect(sent[1]).toMatchObject({ income: 1200, expense: 1200 });
  });

  test('dates: 29 February only in leap years, no 31 April, and no period that ends before it starts', async ({
    page,
  }) => {
    await signInAsAdmin(page, '/events?period=all');
    const sent = eventWrites(page);
    const add = await openNewEvent(page);
    const date = add.getByLabel('Дата');
    const submit = add.getByRole('button', { name: 'Добавить операцию' });
    for (const impossible of ['29.02.2025', '31.04.2025', '2025-02-29']) {
      await date.fill(impossible);
      await submit.click();
      await described(date, /^Введите существующую дату, например/);
    }
    expect(sent).toEqual([]);
    await date.fill('29.02.2024');
    await add.getByLabel('Расход').fill('500');
    await submit.click();
    await expect(add).toBeHidden();
    expect(sent).toEqual([
      expect.objectContaining({ notification_date: '2024-02-29' }),
    ]);

    const from = page.getByLabel('С', { exact: true });
    const to = page.getByLabel('По', { exact: true });
    for (const impossible of ['29.02.2025', '31.04.2025']) {
      await from.fill(impossible);
      await from.press('Enter');
      await described(from, /Введите существующую дату, например/);
      await expect(page).toHaveURL(/\/events\?period=all$/);
    }
    await from.fill('29.02.2024');
    await from.press('Enter');
    await expect(page).toHaveURL(/\?date_from=2024-02-29$/);
    await to.fill('28.02.2024');
    await to.press('Enter');
    await described(to, /Дата «По» не может быть раньше даты «С»\./);
    await expect(page).toHaveURL(/\?date_from=2024-02-29$/);

    // A link whose period ends before it starts is explained, not obeyed.
    await page.goto('/events?date_from=2025-03-10&date_to=2025-03-01');
    await expect(
      page.getByRole('status').filter({ hasText: 'не удалось прочитать' }),
    ).toContainText(/Период начинается \(.*\) позже, чем заканчивается/);
    await expect(page.getByLabel('Период', { exact: true })).toHaveValue('all');
    await expect(page.locator(ROWS).first()).toBeVisible();
  });
});
