import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { apiToken, createCaseViaApi, signIn } from './helpers';

test('searches every case from anywhere, Nynorsk and Bokmål alike, on the server and offline', async ({
  page,
  context,
  request,
}) => {
  const token = await apiToken(request, 'agent3');
  const stamp = Date.now().toString(36);
  const nynorsk = await createCaseViaApi(request, token, {
    title: `Skrivaren på rådhuset ${stamp} skriv ikkje ut`,
    priority: 'medium',
  });
  const bokmaal = await createCaseViaApi(request, token, {
    title: `Skriverne i 2. etasje ${stamp} er frakoblet`,
    priority: 'low',
  });
  await signIn(page);

  // Ctrl+K from the board opens the search with the words field focused.
  await page.keyboard.press('Control+k');
  const input = page.getByRole('searchbox', { name: 'Søkeord' });
  await expect(input).toBeFocused();
  await input.fill(`skrivarar ${stamp}`);
  const hits = page.getByTestId('search-hit');
  await expect(hits.filter({ hasText: nynorsk.number })).toBeVisible();
  await expect(hits.filter({ hasText: bokmaal.number })).toBeVisible();
  await expect(page.getByTestId('search-source')).toHaveText('Søkt på tenaren (SQLite)');
  await expect(hits.first().locator('mark').first()).toBeVisible();

  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include('.search-view')
    .analyze();
  expect(axe.violations).toEqual([]);

  // Offline, the same words are searched in the local store, and the screen says so.
  await context.setOffline(true);
  await input.fill(`rådhus ${stamp} skriver`);
  await expect(page.getByTestId('search-source')).toHaveText(
    'Fråkopla: søkt lokalt på denne maskina',
  );
  await expect(hits.filter({ hasText: nynorsk.number })).toBeVisible();
  await expect(hits).toHaveCount(1);
  await context.setOffline(false);

  // Arrow down to the first result, Enter opens the case.
  await input.fill(`skriverne ${stamp}`);
  await input.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/case\//);
});
