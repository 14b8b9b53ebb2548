import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a revoked session keeps local work and asks to sign in again', async ({ page, request }) => {
  await signIn(page);
  // Revoke this page's token on the server, as an expiry or an administrator would.
  const token = await page.evaluate(async () => {
    const { dbName } = JSON.parse(localStorage.getItem('saksbord.lastSession')!) as {
      dbName: string;
    };
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open(dbName);
      open.onsuccess = () => resolve(open.result);
    });
    return new Promise<string>((resolve) => {
      const get = db.transaction('session').objectStore('session').get('current');
      get.onsuccess = () => resolve((get.result as { token: string }).token);
    });
  });
  const revoked = await request.post('/api/v1/auth/sign-out', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(revoked.status()).toBe(204);

  // A local change still works; its push is refused for the token.
  await page.getByTestId('column-1-new').getByTestId('case-card').first().getByRole('link').click();
  await page.getByLabel('Ny kommentar').fill('Notat skrive etter at økta gjekk ut');
  await page.getByRole('button', { name: 'Legg til kommentar' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Økta di har gått ut' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByTestId('sync-status')).toContainText('1 endring ventar');

  // Signing in again sends what was waiting.
  await page.getByRole('button', { name: 'Logg inn på nytt' }).click();
  await page.getByLabel('Brukarnamn').fill('agent1');
  await page.getByLabel('Passord').fill('saksbord-demo');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Alt er synkronisert', {
    timeout: 15_000,
  });
});
