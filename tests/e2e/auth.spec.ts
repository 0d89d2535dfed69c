import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';

async function signIn(page: Page, login: string, password: string) {
  await page.getByLabel(/^(Login|Логин)$/).fill(login);
  await page.getByLabel(/^(Password|Пароль)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|Войти)$/ }).click();
}

test.describe('signing in and out', () => {
  test('the sign-in page follows the browser language and switches to Russian', async ({
    page,
    axe,
  }) => {
    await page.goto('/login');
    await expect(page).toHaveTitle('SmartComm');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await axe.expectNoSeriousA11yViolations();

    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
    await expect(page.getByLabel('Логин')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByText('Обязательное поле')).toHaveCount(2);
    await axe.expectNoSeriousA11yViolations();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
  });

  test('admin signs in, sees the shell in Russian, signs out, and Back shows nothing private', async ({
    page,
    axe,
  }) => {
    await page.goto('/events?object_id=2');
    await expect(page).toHaveURL(
      /\/login\?returnTo=%2Fevents%3Fobject_id%3D2$/,
    );
    await signIn(page, 'admin', 'Qwerty123');
    await expect(page).toHaveURL(/\/events\?object_id=2$/);

    // admin's profile language is Russian: it wins over the browser's.
    const nav = page.getByRole('navigation', { name: 'Основное' });
    await expect(nav.getByRole('link', { name: 'Объекты' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Операции' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Профиль' })).toBeVisible();
    await expect(page.getByText('Алексей Воронцов')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Операции' })).toBeVisible();
    await expect(page.getByRole('cell').first()).toBeVisible();
    await axe.expectNoSeriousA11yViolations();

    for (const [link, heading] of [
      ['Объекты', 'Объекты'],
      ['Профиль', 'Профиль'],
      ['Обзор', 'Обзор'],
    ] as const) {
      await nav.getByRole('link', { name: link }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: heading }),
      ).toBeVisible();
      await axe.expectNoSeriousA11yViolations();
    }

    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByText('Вы вышли из учётной записи.')).toBeVisible();
    expect(
      await page.evaluate(() => [
        sessionStorage.getItem('smartcomm.token'),
        localStorage.getItem('smartcomm.token'),
      ]),
    ).toEqual([null, null]);

    await page.goBack();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText('Алексей Воронцов')).toHaveCount(0);
    await expect(page.getByRole('cell')).toHaveCount(0);
  });

  test('signing out in one tab signs out the others', async ({
    context,
    page,
  }) => {
    await page.goto('/login');
    await page.getByLabel('Remember me on this device').check();
    await signIn(page, 'admin', 'Qwerty123');
    await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible();

    const other = await context.newPage();
    await other.goto('/objects');
    await expect(other.getByRole('heading', { name: 'Объекты' })).toBeVisible();

    await page.getByRole('button', { name: 'Выйти' }).click();
    // Signed out there: here, back to this page after signing in again.
    await expect(other).toHaveURL(/\/login\?returnTo=%2Fobjects$/);
    await expect(page).toHaveURL(/\/login$/);
    await expect(other.getByText('Квартира на Профсоюзной')).toHaveCount(0);
  });

  test('a wrong password says so; repeated failures are throttled with a countdown', async ({
    page,
  }) => {
    await page.goto('/login');
    await signIn(page, 'admin', 'not-the-password');
    await expect(page.getByRole('alert')).toHaveText(
      'Wrong login or password.',
    );
    await expect(page.getByLabel('Login')).toHaveValue('admin');

    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toHaveText(
        'Wrong login or password.',
      );
    }
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      /^Too many attempts\. Try again in (30|29|28) s\.$/,
    );
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    await expect(page.getByRole('alert')).toHaveText(
      /^Too many attempts\. Try again in (2[0-8]) s\.$/,
      { timeout: 5_000 },
    );
  });
});

test.describe('registration', () => {
  test('a new owner registers with the country phone format and sees no one else’s data', async ({
    page,
    axe,
  }) => {
    await page.goto('/register');
    await expect(
      page.getByRole('heading', { name: 'Create an account' }),
    ).toBeVisible();
    await axe.expectNoSeriousA11yViolations();

    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Required').first()).toBeVisible();

    await page.getByLabel('Login').fill('jane.doe');
    await page.getByLabel('First name').fill('Jane');
    await page.getByLabel('Last name').fill('Doe');
    await page.getByLabel('Date of birth').fill('1987-05-19');
    await page.getByLabel('Country').selectOption({ label: 'United States' });
    const phone = page.getByLabel('Phone');
    await phone.pressSequentially('2025550');
    await page.getByLabel('E-mail').fill('jane@example.com');
    await page.getByLabel('Password', { exact: true }).fill('Secret-pass1');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText(/^Enter the whole number/)).toBeVisible();

    await phone.pressSequentially('143');
    await expect(phone).toHaveValue('(202) 555-0143');
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText('Welcome, Jane')).toBeVisible();
    await page.getByRole('link', { name: 'Properties' }).click();
    await expect(
      page.getByRole('button', { name: 'Add your first property' }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Transactions' }).click();
    await expect(page.getByText('No transactions yet')).toBeVisible();
    await page.getByRole('link', { name: 'Profile' }).click();
    await expect(page.getByLabel('Phone')).toHaveValue('(202) 555-0143');
    await expect(page.getByLabel('E-mail')).toHaveValue('jane@example.com');
  });

  test('a taken login and e-mail are shown under their fields, and input is kept', async ({
    page,
  }) => {
    await page.goto('/register');
    await page.getByLabel('Login').fill('admin');
    await page.getByLabel('First name').fill('Копия');
    await page.getByLabel('Last name').fill('Админа');
    await page.getByLabel('Date of birth').fill('1990-01-31');
    await page.getByLabel('Country').selectOption({ label: 'Russia' });
    await page.getByLabel('Phone').pressSequentially('9161234567');
    await page.getByLabel('E-mail').fill('alexey.vorontsov@example.com');
    await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page.getByText('This login is already taken.')).toBeVisible();
    await expect(page.getByLabel('Login')).toBeFocused();
    await expect(page.getByLabel('Phone')).toHaveValue('(916) 123-45-67');
    await expect(page.getByLabel('First name')).toHaveValue('Копия');
  });
});
