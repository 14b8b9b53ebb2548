import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('signs in, shows the three lines, and switches language', async ({ page }) => {
  await signIn(page);
  for (const lane of [
    '1. linje – Brukarstøtta',
    '2. linje – Konsulent i kommunen',
    '3. linje – Seniorkonsulent',
  ]) {
    await expect(page.getByRole('heading', { name: lane })).toBeVisible();
  }
  await expect(page.getByTestId('sync-status')).toContainText('Tilkopla');
  await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Line 1 – User support' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nn');
});

test('refuses a wrong password with a clear message', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Brukarnamn').fill('agent1');
  await page.getByLabel('Passord').fill('feil');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('alert')).toHaveText('Feil brukarnamn eller passord.');
});

test('keeps the session: a reload needs no new sign-in, and the board works offline', async ({
  page,
  context,
}) => {
  await signIn(page);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
  await expect(page.getByTestId('case-card').first()).toBeVisible();
  // (A page cannot be reloaded offline without a service worker; the desktop app loads from
  // its own protocol.) The local store keeps the board while the network is gone.
  await context.setOffline(true);
  await expect(page.getByTestId('sync-status')).toContainText('Fråkopla');
  await page.getByTestId('filter-text').fill('a');
  await expect(page.getByTestId('case-card').first()).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId('sync-status')).toContainText('Tilkopla');
});
