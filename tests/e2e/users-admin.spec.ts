import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { totpCodeAt } from '../../src/server/auth/totp';
import { apiToken, signIn } from './helpers';
import { expectNoAxeViolations, portalSignIn } from './portal-helpers';

const axeCheck = async (page: Page, selector: string) => {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include(selector)
    .analyze();
  expect(result.violations).toEqual([]);
};

/**
 * Issue 12, the Users screen: an admin filters the accounts, makes a local account (the
 * password policy names the field in Nynorsk), changes its role and disables it, and sees
 * each change in the user's history — with the keyboard, and axe finds nothing.
 */
test('an admin finds, creates, changes and disables a user with the keyboard', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const username = `ny-agent-${stamp}`;
  await signIn(page, 'admin');

  // One nav entry, reached with the keyboard.
  const nav = page.getByRole('navigation').getByRole('link', { name: 'Brukarar' });
  await nav.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Brukarar' })).toBeVisible();

  // Filter by role, then by words.
  await page
    .getByLabel('Rolle', { exact: true })
    .selectOption({ label: 'Konsulent i kommunen (2. linje)' });
  const rows = page.locator('.users__table tbody tr');
  await expect(rows.filter({ hasText: 'konsulent-molde' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'agent1' })).toHaveCount(0);
  await page.getByLabel('Søk etter namn, brukarnamn eller e-post').fill('molde');
  await expect(rows).toHaveCount(1);
  await axeCheck(page, '.users');
  await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Alle' });
  await page.getByLabel('Søk etter namn, brukarnamn eller e-post').fill('');

  // A new local account: first a password the policy refuses, then a good one.
  await page.getByRole('button', { name: 'Ny lokal brukar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny lokal brukar' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Namn', { exact: true }).focus();
  await page.keyboard.type('Nora Nyansatt');
  await page.keyboard.press('Tab');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(`${username}@romsdal-ikt.no`);
  await dialog.getByLabel('Første passord').fill('for-kort');
  await axeCheck(page, 'dialog[open]');
  await dialog.getByRole('button', { name: 'Opprett brukaren' }).press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText(/Passordet må ha minst 12 teikn/);
  await expect(dialog.getByLabel('Første passord')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Første passord').fill('grøn kaffi på tysdag');
  await dialog.getByLabel('Første passord').press('Enter');
  await expect(dialog).toBeHidden();

  // Open it from the list, with the keyboard.
  await page.getByLabel('Søk etter namn, brukarnamn eller e-post').fill(stamp);
  const link = page.getByRole('link', { name: 'Nora Nyansatt' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Nora Nyansatt' })).toBeVisible();

  // Change the role: the history says who, when and what.
  await page
    .getByLabel('Rolle', { exact: true })
    .selectOption({ label: 'Seniorkonsulent (3. linje)' });
  await page.getByRole('button', { name: 'Lagre endringane' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Endringane er lagra.' })).toBeVisible();
  const history = page.getByTestId('user-history');
  await expect(history.locator('li').first()).toHaveText(
    /\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} .+ endra rolla frå Agent \(1\. linje\) til Seniorkonsulent \(3\. linje\)/,
  );

  // Disable: the account is closed and the history says so.
  await page.getByRole('button', { name: 'Sperr brukaren' }).press('Enter');
  await expect(page.getByText('Nora Nyansatt er sperra og logga ut overalt.')).toBeVisible();
  await expect(history.locator('li').first()).toHaveText(/sperra brukaren/);
  await expect(page.getByRole('button', { name: 'Opne brukaren att' })).toBeVisible();
  await axeCheck(page, '.users');

  // Back to the list: disabled accounts can be filtered.
  await page.getByRole('link', { name: 'Tilbake til alle brukarar' }).press('Enter');
  await page.getByLabel('Status').selectOption({ label: 'Sperra' });
  await page.getByLabel('Søk etter namn, brukarnamn eller e-post').fill(stamp);
  await expect(rows.filter({ hasText: username })).toHaveCount(1);
});

/**
 * The portal's "Byt passord": the current password is required and the policy's refusal is
 * said in Nynorsk with the field marked (refusals only: a changed demo password would outlive
 * the run).
 */
test('a portal user is told, in their language, why a new password is refused', async ({
  page,
}) => {
  await portalSignIn(page, 'brukar-aukra-2');
  await page.getByRole('link', { name: 'Byt passord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Byt passord' })).toBeVisible();
  await page.getByLabel('Noverande passord').fill('saksbord-demo');
  await page.getByLabel('Nytt passord', { exact: true }).fill('for-kort');
  await page.getByLabel('Nytt passord ein gong til').fill('for-kort');
  await page.getByLabel('Nytt passord ein gong til').press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/Passordet må ha minst 12 teikn/);
  await expect(page.getByLabel('Nytt passord', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await page.getByLabel('Noverande passord').fill('feil-passord-her');
  await page.getByLabel('Nytt passord', { exact: true }).fill('grøn kaffi på tysdag');
  await page.getByLabel('Nytt passord ein gong til').fill('grøn kaffi på tysdag');
  await page.getByRole('button', { name: 'Byt passord' }).click();
  await expect(page.getByRole('alert')).toHaveText('Det noverande passordet er feil.');
  await expectNoAxeViolations(page, 'the portal’s password page');
});

/**
 * Two-step sign-in in the workstation: a local account with TOTP on is asked for the app's
 * code after its password, a wrong code is refused in Nynorsk, the right one signs in.
 */
test('the sign-in form asks for the app’s code as a second step', async ({ page, request }) => {
  const stamp = Date.now().toString(36);
  const username = `totp-${stamp}`;
  const password = 'grøn kaffi på tysdag';
  const admin = await apiToken(request, 'admin');
  const created = await request.post('/api/v1/admin/users', {
    headers: { authorization: `Bearer ${admin}` },
    data: { username, displayName: 'Tor Totrinn', role: 'agent', municipalityIds: [], password },
  });
  expect(created.status()).toBe(201);
  const signedIn = await request.post('/api/v1/auth/sign-in', { data: { username, password } });
  const token = ((await signedIn.json()) as { token: string }).token;
  const auth = { authorization: `Bearer ${token}` };
  const enrolment = (await (
    await request.post('/api/v1/account/totp', { headers: auth })
  ).json()) as { secret: string };
  const confirmed = await request.put('/api/v1/account/totp', {
    headers: auth,
    data: { secret: enrolment.secret, code: totpCodeAt(enrolment.secret, new Date()) },
  });
  expect(confirmed.status()).toBe(204);

  await page.goto('/');
  await page.getByLabel('Brukarnamn').fill(username);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('alert')).toHaveText('Skriv inn koden frå autentiseringsappen din.');
  const code = page.getByLabel('Kode frå appen');
  await expect(code).toBeFocused();
  await page.keyboard.type('000000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/Koden frå appen stemmer ikkje/);
  // The enrolment used this step's code; the next one (the app a little ahead) signs in.
  await code.fill(totpCodeAt(enrolment.secret, new Date(Date.now() + 30_000)));
  await code.press('Enter');
  await expect(page.getByRole('heading', { name: /^1\. linje/ })).toBeVisible();
});
