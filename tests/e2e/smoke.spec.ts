import { expect, test } from './fixtures';

test('the app opens with its name as the title', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('SmartComm');
});
