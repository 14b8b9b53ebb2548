import { expect, test } from '@playwright/test';
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
