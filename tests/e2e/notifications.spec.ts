import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';
import { expectNoAxeViolations, portalSignIn } from './portal-helpers';

const axeCheck = async (page: Page, selector: string) => {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include(selector)
    .analyze();
  expect(result.violations).toEqual([]);
};

/**
 * Issue 13: each person chooses their notifications per kind. Staff under "Varsel" in the
 * workstation (mail and in the app; an admin also sees the "could not deliver" list), a
 * requester under "E-postvarsel" in the portal (the page every mail links to); with the
 * keyboard, the choice is kept, and axe finds nothing.
 */
test('an admin chooses notifications under Varsel and sees the could-not-deliver list', async ({
  page,
}) => {
  await signIn(page, 'admin');
  const nav = page.getByRole('navigation').getByRole('link', { name: 'Varsel' });
  await nav.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Varsel' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Kunne ikkje leverast' })).toBeVisible();
  const escalated = page.getByRole('checkbox', {
    name: /Sak eskalert til linja eller kommunen min I appen/,
  });
  await expect(escalated).toBeChecked();
  await escalated.focus();
  await page.keyboard.press('Space');
  await expect(escalated).not.toBeChecked();
  // "Assigned to me" by mail is essential: shown, fixed.
  await expect(page.getByRole('checkbox', { name: /Sak tildelt meg .*E-post/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Lagre val' }).click();
  await expect(page.getByText('Vala er lagra.')).toBeVisible();
  await axeCheck(page, '.notifications');
  await page.reload();
  await expect(
    page.getByRole('checkbox', { name: /Sak eskalert til linja eller kommunen min I appen/ }),
  ).not.toBeChecked();
});

test('a requester chooses e-mail under E-postvarsel in the portal', async ({ page }) => {
  await portalSignIn(page, 'brukar-molde-1');
  await page.getByRole('link', { name: 'E-postvarsel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'E-postvarsel' })).toBeVisible();
  const replies = page.getByRole('checkbox', { name: 'Svar frå brukarstøtta' });
  await expect(replies).toBeChecked();
  await replies.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: /Når saka er løyst/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Lagre' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Vala er lagra.' })).toBeVisible();
  await expectNoAxeViolations(page, 'the portal’s e-mail choices');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Svar frå brukarstøtta' })).not.toBeChecked();
});
