import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

test('registers a phone case from the keyboard, with an earlier requester and the wizard', async ({
  page,
}) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Ny telefonsak' }).click();
  await expect(page.getByRole('heading', { name: /Ny telefonsak/ })).toBeVisible();

  // Find the requester from earlier cases (demo names; "an" is in many of them).
  const search = page.getByRole('combobox', { name: /Finn innmeldar/ });
  await search.fill('an');
  const suggestions = page.getByRole('listbox', { name: 'Tidlegare innmeldarar' });
  await expect(suggestions.getByRole('option').first()).toBeVisible();
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(page.getByLabel('Namn *')).not.toHaveValue('');
  await expect(page.getByLabel('Kommune *')).not.toHaveValue('');

  await page.getByLabel('Kategori').selectOption({ index: 1 });
  await page.getByLabel('Kva er feilen? (tittel) *').fill('Skjermen på resepsjonen er svart');
  await page.getByLabel('Skildring').fill('Ringde inn kl. 10. Har prøvd å starte på nytt.');

  // The priority wizard, keyboard only.
  await page.getByRole('button', { name: 'Finn prioritet med spørsmåla' }).press('Enter');
  const wizard = page.getByTestId('priority-wizard');
  for (let i = 0; i < 8 && (await wizard.getByTestId('wizard-result').count()) === 0; i++) {
    // Answer "no" to everything except the first question (does it stop your work? yes).
    const label = i === 0 ? 'Ja' : 'Nei';
    const options = wizard.getByRole('button', { name: label, exact: true });
    if ((await options.count()) > 0) await options.press('Enter');
    else await wizard.getByRole('button').first().press('Enter'); // a choice question
  }
  await expect(wizard.getByTestId('wizard-result')).toContainText('Forslag:');
  await wizard.getByRole('button', { name: /^Bruk / }).press('Enter');

  await page.getByLabel('Kva er feilen? (tittel) *').press('Control+Enter');
  const view = page.getByTestId('case-view');
  await expect(view.getByRole('heading', { level: 1 })).toContainText(
    'Skjermen på resepsjonen er svart',
  );
  // Synced: the server's number replaces the provisional one.
  await expect(view.getByRole('heading', { level: 1 })).toContainText(/\d{4}-\d{5}/, {
    timeout: 10_000,
  });
  await expect(view.getByText('Telefon', { exact: true })).toBeVisible();

  // All fields stay editable: a better title, recorded in the history.
  await view.getByRole('button', { name: 'Endre opplysningane' }).click();
  await view
    .getByLabel('Tittel', { exact: true })
    .fill('Skjermen på resepsjonen er svart etter straumbrot');
  await view.getByRole('button', { name: 'Lagre' }).click();
  await expect(view.getByRole('heading', { level: 1 })).toContainText('etter straumbrot');
  await expect(page.getByTestId('history')).toContainText('Endra: tittel');
});

/**
 * Runs the priority wizard to its suggestion: the work stops, on a system many depend on all
 * the time (high), no to the rest.
 */
async function runWizardToSuggestion(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Finn prioritet med spørsmåla' }).click();
  const wizard = page.getByTestId('priority-wizard');
  for (let i = 0; i < 8 && (await wizard.getByTestId('wizard-result').count()) === 0; i++) {
    const question = (await wizard.getByRole('heading').textContent()) ?? '';
    const yes = /Hindrar feilen|mange er avhengige/.test(question);
    const options = wizard.getByRole('button', { name: yes ? 'Ja' : 'Nei', exact: true });
    if ((await options.count()) > 0) await options.click();
    else await wizard.getByRole('button').first().click();
  }
  const result = (await wizard.getByTestId('wizard-result').textContent()) ?? '';
  const suggested = /Forslag: (\S+)/.exec(result)?.[1];
  if (!suggested) throw new Error(`no suggestion in "${result}"`);
  return suggested;
}

async function fillPhoneCase(page: Page, title: string): Promise<void> {
  await page.getByLabel('Namn *').fill('Kari Telefon');
  await page.getByLabel('Kommune *').selectOption({ index: 1 });
  await page.getByLabel('Kva er feilen? (tittel) *').fill(title);
}

test('registers the suggested priority when "Bruk" was not pressed, and says so', async ({
  page,
}) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Ny telefonsak' }).click();
  const title = `Forslag utan Bruk ${Date.now()}`;
  await fillPhoneCase(page, title);
  const suggested = await runWizardToSuggestion(page);
  expect(suggested).not.toBe('medium'); // else this test would prove nothing

  await page.getByLabel('Kva er feilen? (tittel) *').press('Control+Enter');
  const view = page.getByTestId('case-view');
  await expect(view.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(view.locator('.case-header .priority')).toHaveText(
    new RegExp(`^${suggested}$`, 'i'),
  );
  await expect(page.getByTestId('toast')).toContainText(
    new RegExp(`prioriteten frå spørsmåla: ${suggested}`, 'i'),
  );
});

test('will not register while the wizard is left halfway, and names the field', async ({
  page,
}) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Ny telefonsak' }).click();
  await fillPhoneCase(page, `Halvvegs ${Date.now()}`);
  await page.getByRole('button', { name: 'Finn prioritet med spørsmåla' }).click();
  await expect(page.getByTestId('priority-wizard').getByRole('heading')).toBeVisible();
  await page.getByLabel('Kva er feilen? (tittel) *').press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: /^Prioritet:/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Ny telefonsak/ })).toBeVisible();

  // Cancelling the questions leaves the priority in the list: it registers.
  await page.getByTestId('priority-wizard').getByRole('button', { name: 'Avbryt' }).click();
  await page.getByLabel('Kva er feilen? (tittel) *').press('Control+Enter');
  await expect(page.getByTestId('case-view').locator('.case-header .priority')).toHaveText(
    /^medium$/i,
  );
});

test('the toast names the server number once the case is synced', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Ny telefonsak' }).click();
  await fillPhoneCase(page, `Nummer i meldinga ${Date.now()}`);
  await page.getByLabel('Kva er feilen? (tittel) *').press('Control+Enter');
  const heading = page.getByTestId('case-view').getByRole('heading', { level: 1 });
  await expect(heading).toContainText(/\d{4}-\d{5}/, { timeout: 10_000 });
  const number = /\d{4}-\d{5}/.exec((await heading.textContent()) ?? '')?.[0];
  await expect(page.getByTestId('toast')).toHaveText(`Sak ${number} er registrert.`);
  await expect(page.getByRole('status').filter({ hasText: `Sak ${number}` })).toHaveCount(1);
});

test('a keyboard shortcut opens a new phone case, shown beside the link', async ({ page }) => {
  await signIn(page);
  const link = page.getByRole('link', { name: 'Ny telefonsak' });
  await expect(link).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+N');
  await expect(link).toContainText('Alt+Shift+N');
  // From anywhere, also while typing in a field.
  await page.getByTestId('filter-text').focus();
  await page.keyboard.press('Alt+Shift+KeyN');
  await expect(page.getByRole('heading', { name: /Ny telefonsak/ })).toBeVisible();
  await expect(page.getByTestId('filter-text')).toHaveCount(0);
});
