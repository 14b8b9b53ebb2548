import { expect, test } from '@playwright/test';

test('the app shell renders in web mode', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saksbord');
});
