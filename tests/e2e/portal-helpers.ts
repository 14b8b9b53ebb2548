import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** Demo requesters (src/server/demo) share the demo password. */
export const portalPassword = 'saksbord-demo';

/** Presses Tab until `target` has focus: proves it is reachable with the keyboard alone. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((el) => el === document.activeElement, handle)) return;
  }
  throw new Error(`not reachable with Tab: ${target.toString()}`);
}

/** WCAG 2.1 A and AA rules (axe-core): the page must have no violations. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Signs in to the portal with the keyboard only: Tab to each field, type, Enter. */
export async function portalSignIn(page: Page, username: string): Promise<void> {
  await page.goto('/portal/');
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
  await tabTo(page, page.getByLabel('Brukarnamn'));
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(portalPassword);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Brukarstøtte' })).toBeVisible();
}
