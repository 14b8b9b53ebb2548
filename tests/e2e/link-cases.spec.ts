import { expect, test } from '@playwright/test';
import { apiToken, createCaseViaApi, findCard, signIn } from './helpers';

test('finds another case by a word of its title and links the two', async ({ page, request }) => {
  const token = await apiToken(request, 'agent3');
  const stamp = Date.now().toString(36);
  const first = await createCaseViaApi(request, token, {
    title: `Skannaren på servicetorget ${stamp} les ikkje kort`,
    priority: 'medium',
  });
  const second = await createCaseViaApi(request, token, {
    title: `Kortlesar ${stamp} i resepsjonen sluttar å svare`,
    priority: 'low',
  });
  await signIn(page);
  const card = await findCard(page, first.number);
  await card.getByRole('link').click();

  const search = page.getByRole('searchbox', { name: 'Finn sak (nummer eller tittel)' });
  await search.fill(`kortlesar ${stamp}`);
  const match = page.getByRole('listitem').filter({ hasText: second.number });
  await expect(match).toBeVisible();
  // The case being edited is never offered as its own match.
  await search.fill(stamp);
  await expect(page.getByRole('listitem').filter({ hasText: second.number })).toBeVisible();
  await expect(page.getByRole('button', { name: `Slå saman inn i ${first.number}` })).toHaveCount(
    0,
  );

  await page
    .getByRole('listitem')
    .filter({ hasText: second.number })
    .getByRole('button', {
      name: 'Lenkje',
    })
    .click();
  await expect(page.getByTestId('history')).toContainText(second.number, { timeout: 10_000 });
  await search.fill('zz-ingen-treff');
  await expect(page.getByText('Ingen saker passar.')).toBeVisible();
});
