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

test('a page opens at the top, and Back returns to where the owner was', async ({
  page,
}) => {
  await page.goto('/login?returnTo=%2Fevents');
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/^Это всё: [\d\s]+ операци/)).toBeAttached();
  const scrollY = () => page.evaluate(() => window.scrollY);

  // Down the ledger, then to the overview, which opens at its top.
  await page.mouse.wheel(0, 2_400);
  await expect.poll(scrollY).toBeGreaterThan(2_000);
  const down = await scrollY();
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Обзор' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Обзор' }),
  ).toBeVisible();
  expect(await scrollY()).toBe(0);

  // Back: the ledger where the owner left it.
  await page.goBack();
  await expect(page).toHaveURL(/\/events$/);
  await expect.poll(scrollY).toBe(down);
});
