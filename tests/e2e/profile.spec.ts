import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';

async function signIn(page: Page, login = 'admin', password = 'Qwerty123') {
  await page.goto('/login');
  await page.getByLabel(/^(Login|Логин)$/).fill(login);
  await page.getByLabel(/^(Password|Пароль)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|Войти)$/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** admin's profile page; admin's profile language is Russian. */
async function openProfile(page: Page) {
  await signIn(page);
  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Профиль');
  await expect(page.getByLabel('Имя')).toHaveValue('Алексей');
}

async function saveLanguage(page: Page, label: RegExp, language: string) {
  await page.getByLabel(label, { exact: true }).selectOption({
    label: language,
  });
  await page.getByRole('button', { name: /^(Save|Сохранить)$/ }).click();
}

test.describe('the profile', () => {
  test('every field can be edited and stays edited after a reload', async ({
    page,
  }) => {
    await openProfile(page);
    await page.getByLabel('Логин').fill('alexey.v');
    await page.getByLabel('Имя').fill('Алексей Петрович');
    await page.getByLabel('Фамилия').fill('Воронцов-Вельяминов');
    await page.getByLabel('Дата рождения').fill('20.4.1985');
    await page.getByLabel('Страна').selectOption({ label: 'Беларусь' });
    const phone = page.getByLabel('Телефон');
    // The Russian digits stay until replaced.
    await expect(phone).not.toHaveValue('');
    await phone.clear();
    await phone.pressSequentially('291234567');
    await expect(phone).toHaveValue('(29) 123-45-67');
    await page.getByLabel('E-mail').fill('alexey@example.org');
    await page
      .getByLabel('Валюта', { exact: true })
      .selectOption({ label: 'Евро (€)' });
    await page
      .getByLabel('Язык', { exact: true })
      .selectOption({ label: 'English' });
    await expect(page.getByText('Есть несохранённые изменения')).toBeVisible();
    await page.getByRole('button', { name: 'Сохранить' }).click();

    // Saving English switches the UI at once, the toast included.
    await expect(
      page
        .getByRole('region', { name: /^Notifications/ })
        .getByText('Profile saved'),
    ).toBeVisible();
    await expect(page.getByText('All changes saved')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profile');

    await page.reload();
    await expect(page.getByLabel('Login')).toHaveValue('alexey.v');
    await expect(page.getByLabel('First name')).toHaveValue('Алексей Петрович');
    await expect(page.getByLabel('Last name')).toHaveValue(
      'Воронцов-Вельяминов',
    );
    // English in Belarus: day first.
    await expect(page.getByLabel('Date of birth')).toHaveValue('20/04/1985');
    await expect(
      page.getByLabel('Country').locator('option:checked'),
    ).toHaveText('Belarus');
    await expect(page.getByLabel('Phone')).toHaveValue('(29) 123-45-67');
    await expect(page.getByText('Format: +375 (##) ###-##-##')).toBeVisible();
    await expect(page.getByLabel('E-mail')).toHaveValue('alexey@example.org');
    await expect(
      page.getByLabel('Language', { exact: true }).locator('option:checked'),
    ).toHaveText('English');
    await expect(
      page.getByLabel('Currency', { exact: true }).locator('option:checked'),
    ).toHaveText('Euro (€)');
    await expect(
      page.getByText('Алексей Петрович Воронцов-Вельяминов'),
    ).toBeVisible();
  });

  test('the whole UI follows the profile language, also after the next sign-in', async ({
    page,
  }) => {
    await openProfile(page);
    await saveLanguage(page, /^Язык$/, 'English');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Properties' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profile');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await saveLanguage(page, /^Language$/, 'Русский');
    const navRu = page.getByRole('navigation', { name: 'Основное' });
    for (const link of ['Обзор', 'Объекты', 'Операции', 'Профиль']) {
      await expect(navRu.getByRole('link', { name: link })).toBeVisible();
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Профиль');
    await expect(
      page.getByRole('heading', { level: 2, name: 'Личные данные' }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await page.getByLabel('Фамилия').fill('');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByLabel('Фамилия')).toHaveAccessibleDescription(
      'Обязательное поле',
    );
    await page.getByRole('button', { name: 'Сбросить' }).click();

    // The profile wins over the browser (en-US) at the next sign-in, once
    // this browser has forgotten the choice (kept in storage and a cookie).
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.evaluate(() => localStorage.removeItem('smartcomm.language'));
    await page.context().clearCookies({ name: 'smartcomm_language' });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await signIn(page);
    await expect(
      page.getByRole('navigation', { name: 'Основное' }),
    ).toBeVisible();

    await page.getByRole('link', { name: 'Профиль' }).click();
    await saveLanguage(page, /^Язык$/, 'English');
    await expect(nav.getByRole('link', { name: 'Transactions' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('a language without translation shows English and says so', async ({
    page,
  }) => {
    await openProfile(page);
    await saveLanguage(page, /^Язык$/, 'Қазақ тілі');
    await expect(
      page.getByText(
        'Қазақ тілі is not translated yet, so the app is shown in English.',
      ),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profile');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('a new currency re-labels the amounts on the events page', async ({
    page,
  }) => {
    await signIn(page);
    await page.goto('/events');
    const main = page.getByRole('main');
    await expect(main).toContainText('₽');
    await expect(main).not.toContainText('$');

    await page.getByRole('link', { name: 'Профиль' }).click();
    await expect(page.getByText(/не пересчитываются/)).toContainText(
      '125 000 ₽',
    );
    await page
      .getByLabel('Валюта', { exact: true })
      .selectOption({ label: 'Доллар США ($)' });
    await expect(page.getByText(/не пересчитываются/)).toContainText(
      '125 000 $',
    );
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByText('Все изменения сохранены')).toBeVisible();

    await page.getByRole('link', { name: 'Операции' }).click();
    await expect(main).toContainText('$');
    await expect(main).not.toContainText('₽');
  });

  test('a 422 on save is shown under its field and the input stays', async ({
    page,
  }) => {
    await openProfile(page);
    await page.evaluate(() => {
      window.__smartcommMock?.setSwitches({
        faults: [
          {
            method: 'PATCH',
            path: '/profile',
            kind: 'status',
            status: 422,
            times: 1,
            errors: [
              { field: 'email', message: 'This mailbox does not exist' },
            ],
          },
        ],
      });
    });
    const email = page.getByLabel('E-mail');
    await email.fill('nobody@example.org');
    await page.getByLabel('Имя').fill('Алёша');
    await page.getByRole('button', { name: 'Сохранить' }).click();

    await expect(email).toHaveAccessibleDescription(
      'This mailbox does not exist',
    );
    await expect(email).toBeFocused();
    await expect(email).toHaveValue('nobody@example.org');
    await expect(page.getByLabel('Имя')).toHaveValue('Алёша');
    await expect(page.getByText('Есть несохранённые изменения')).toBeVisible();

    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByText('Все изменения сохранены')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('E-mail')).toHaveValue('nobody@example.org');
  });

  test('unsaved changes are not lost to a click on the navigation or a closing tab', async ({
    page,
  }) => {
    await openProfile(page);
    await page.getByLabel('Фамилия').fill('Новая');
    await page.getByRole('link', { name: 'Объекты' }).click();
    const dialog = page.getByRole('alertdialog', {
      name: 'Уйти без сохранения?',
    });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Остаться' }).click();
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByLabel('Фамилия')).toHaveValue('Новая');

    // Closing or reloading the tab asks the browser to confirm.
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const confirm = await asked;
    expect(confirm.type()).toBe('beforeunload');
    await confirm.dismiss();
    expect(page.isClosed()).toBe(false);
    await expect(page.getByLabel('Фамилия')).toHaveValue('Новая');
  });

  test('the dark theme is applied at once, kept across reloads with no flash, and both themes pass axe', async ({
    page,
    axe,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    // Which theme the page has when its body first exists, i.e. before the
    // first paint could happen.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.body) return;
        document.documentElement.dataset.themeAtFirstBody =
          document.documentElement.classList.contains('dark')
            ? 'dark'
            : 'light';
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await openProfile(page);
    const html = page.locator('html');
    await expect(html).not.toHaveClass(/dark/);
    await axe.expectNoSeriousA11yViolations();

    await page.getByRole('radio', { name: 'Тёмная' }).check();
    await expect(html).toHaveClass(/dark/);
    await expect(page.locator('body')).toHaveCSS(
      'background-color',
      'rgb(15, 18, 22)',
    );
    await axe.expectNoSeriousA11yViolations();

    await page.reload();
    await expect(html).toHaveAttribute('data-theme-at-first-body', 'dark');
    await expect(html).toHaveClass(/dark/);
    await expect(page.getByRole('radio', { name: 'Тёмная' })).toBeChecked();
    // A form with errors and a filled status, in the dark.
    await expect(page.getByLabel('Имя')).toHaveValue('Алексей');
    await page.getByLabel('Имя').fill('');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByText('Обязательное поле')).toBeVisible();
    await axe.expectNoSeriousA11yViolations();
    await page.getByRole('button', { name: 'Сбросить' }).click();

    // "As the system" follows the system, even while the page is open.
    await page.getByRole('radio', { name: 'Как в системе' }).check();
    await expect(html).not.toHaveClass(/dark/);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveClass(/dark/);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html).not.toHaveClass(/dark/);
    await page.reload();
    await expect(html).toHaveAttribute('data-theme-at-first-body', 'light');
  });
});
