import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

/** WCAG 2.1 A and AA rules of axe-core on the current page. */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

test('sign-in, board, case view and phone intake pass axe (WCAG 2.1 AA)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Logg inn i Saksbord' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await signIn(page);
  await expect(page.getByTestId('sync-status')).toContainText('Alt er synkronisert');
  expect(await violations(page)).toEqual([]);

  await page
    .getByTestId('column-1-inProgress')
    .getByTestId('case-card')
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByTestId('history')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Ny telefonsak' }).click();
  await page.getByRole('button', { name: 'Finn prioritet med spørsmåla' }).click();
  expect(await violations(page)).toEqual([]);
});

test('every control can be reached from the keyboard with a visible focus', async ({ page }) => {
  await signIn(page);
  await page.reload(); // start from the top of the page, as a keyboard user arriving would
  await expect(page.getByTestId('case-card').first()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Hopp til hovudinnhaldet' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});
