import { expect, test } from '@playwright/test';
import { apiToken, findCard, signIn } from './helpers';

test('works offline and syncs when the network comes back', async ({ page, context, request }) => {
  await signIn(page);
  await context.setOffline(true);
  const status = page.getByTestId('sync-status');
  await expect(status).toContainText('Fråkopla');

  // Register a case while offline: it gets a provisional number and an unsynced mark.
  await page.getByRole('link', { name: 'Ny telefonsak' }).click();
  await page.getByLabel('Namn *').fill('Offline Olsen');
  await page.getByLabel('Kommune *').selectOption('aukra');
  const title = `Nettverket er nede på Aukra sjukeheim ${Date.now()}`;
  await page.getByLabel('Kva er feilen? (tittel) *').fill(title);
  await page.getByLabel('Prioritet', { exact: true }).selectOption('high');
  await page.getByRole('button', { name: 'Registrer saka' }).click();
  const heading = page.getByTestId('case-view').getByRole('heading', { level: 1 });
  await expect(heading).toContainText(/L-[0-9A-F]{4}/);
  const provisional = (await heading.textContent())!.match(/L-[0-9A-F]{4}/)![0];

  // Keep working on it offline: a comment and a status change.
  await page.getByLabel('Ny kommentar').fill('Ringde tilbake, ventar på svar frå leverandøren.');
  await page.getByRole('button', { name: 'Legg til kommentar' }).click();
  await page.getByLabel('Endre status').selectOption('inProgress');
  await expect(status).toContainText('3 endringar ventar');

  await page.getByRole('link', { name: 'Tavle', exact: true }).click();
  const card = await findCard(page, provisional);
  await expect(card.getByTestId('unsynced')).toBeVisible();
  await expect(page.getByTestId('column-1-inProgress')).toContainText(provisional);

  // Back online: pushed, numbered by the server, the mark gone.
  await context.setOffline(false);
  await expect(status).toContainText('Alt er synkronisert', { timeout: 15_000 });
  await page.getByTestId('filter-text').fill(title);
  const synced = page.getByTestId('case-card').filter({ hasText: title });
  await expect(synced).toContainText(/\d{4}-\d{5}/);
  await expect(synced.getByTestId('unsynced')).toHaveCount(0);

  // The server has the case with the comment and the status.
  const number = (await synced.textContent())!.match(/\d{4}-\d{5}/)![0];
  const bearer = await apiToken(request, 'agent3');
  const list = await request.get(`/api/v1/cases?q=${encodeURIComponent(number)}`, {
    headers: { authorization: `Bearer ${bearer}` },
  });
  const body = await list.text();
  expect(body).toContain(title);
  expect(body).toContain('"status":"inProgress"');
});

test('reloads and opens cases without network (the offline shell)', async ({ page, context }) => {
  await signIn(page);
  // The service worker has stored the app once it controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(page.getByTestId('case-card').first()).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('sync-status')).toContainText('Fråkopla');
  const card = page.getByTestId('case-card').first();
  await expect(card).toBeVisible();
  await card.getByRole('link').click();
  await expect(page.getByTestId('case-view')).toBeVisible();
  await context.setOffline(false);
});
