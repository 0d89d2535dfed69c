import { expect, test } from './fixtures';

test('an unknown page says so and offers a way back', async ({ page, axe }) => {
  await page.goto('/login');
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible();

  await page.goto('/no/such/page');
  await expect(
    page.getByRole('heading', { name: 'Страница не найдена' }),
  ).toBeVisible();
  await axe.expectNoSeriousA11yViolations();
  await page.getByRole('link', { name: 'Перейти к обзору' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Обзор' }),
  ).toBeVisible();
});
