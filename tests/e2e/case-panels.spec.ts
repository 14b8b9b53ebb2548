import { expect, type Page, test } from '@playwright/test';
import { apiToken, createCaseViaApi, findCard, signIn } from './helpers';

async function openCase(page: Page, number: string) {
  const card = await findCard(page, number);
  await card.getByRole('link', { name: new RegExp(number) }).click();
  const view = page.getByTestId('case-view');
  await expect(view.getByRole('heading', { level: 1 })).toContainText(number);
  return view;
}

test('a comment to the requester does not make the next one go there too', async ({
  page,
  request,
}) => {
  const token = await apiToken(request, 'agent2');
  const created = await createCaseViaApi(request, token, {
    title: 'Kommentarsynlegheit',
    priority: 'low',
  });
  await signIn(page);
  const view = await openCase(page, created.number);
  const visibility = view.getByLabel('Kven kan sjå kommentaren');
  await view.getByLabel('Ny kommentar').fill('Vi ser på det no.');
  await visibility.selectOption({ label: 'Til innmeldar' });
  await view.getByRole('button', { name: 'Legg til kommentar' }).click();
  await expect(view.locator('.feed__comment--requester')).toContainText('Vi ser på det no.');
  // Back to internal: the next note stays inside the service unless chosen again.
  await expect(visibility).toHaveValue('internal');
  await view.getByLabel('Ny kommentar').fill('Intern: truleg nettverkskortet.');
  await view.getByRole('button', { name: 'Legg til kommentar' }).click();
  await expect(view.locator('.feed__comment--internal')).toContainText('truleg nettverkskortet');
});

test('the worklog lists its entries, and the history names no device ids', async ({
  page,
  request,
}) => {
  const token = await apiToken(request, 'agent2');
  const created = await createCaseViaApi(request, token, {
    title: 'Tidsføring med merknad',
    priority: 'low',
  });
  await signIn(page);
  const me = ((await page.getByText(/^Innlogga som /).textContent()) ?? '').replace(
    'Innlogga som ',
    '',
  );
  const view = await openCase(page, created.number);
  await view.getByLabel('Minutt').fill('25');
  await view.getByLabel('Merknad').fill('Sjekka skrivardrivaren');
  await view.getByRole('button', { name: 'Før tid' }).click();
  const entries = view.getByRole('list', { name: 'Ført tid' });
  await expect(entries).toContainText('25 min på 1. linje');
  await expect(entries).toContainText('Sjekka skrivardrivaren');
  await expect(entries).toContainText(me);

  // Synced: the server's events, with this computer named in words, other devices not at all.
  const history = page.getByTestId('history');
  await expect(history).not.toContainText('ventar på synkronisering', { timeout: 10_000 });
  await expect(history).toContainText(`${me} på denne maskina`);
  await expect(history).not.toContainText('web-');
  await expect(history).not.toContainText('e2e-agent2');
});

test('"Tildel til" on a line-2 case offers only its municipality\'s consultants', async ({
  page,
  request,
}) => {
  const token = await apiToken(request, 'agent2');
  const created = await createCaseViaApi(request, token, {
    title: 'Lokal skrivar i Molde',
    priority: 'medium',
    municipalityId: 'molde',
  });
  const escalated = await request.post(`/api/v1/cases/${created.id}/changes`, {
    headers: { authorization: `Bearer ${token}` },
    data: { change: { type: 'escalated', toLine: 2, reason: 'Lokal skrivar', tried: '' } },
  });
  expect(escalated.ok(), await escalated.text()).toBe(true);
  const directory = await request.get('/api/v1/users', {
    headers: { authorization: `Bearer ${token}` },
  });
  const { users } = (await directory.json()) as {
    users: Array<{ id: string; displayName: string; role: string; municipalityIds: string[] }>;
  };
  const consultants = users.filter((u) => u.role === 'consultant');
  const molde = consultants.filter((u) => u.municipalityIds.includes('molde'));
  expect(molde.length).toBeGreaterThan(0);
  expect(consultants.length).toBeGreaterThan(molde.length);

  await signIn(page);
  const view = await openCase(page, created.number);
  const picker = view.getByLabel('Tildel til');
  const offered = await picker.locator('option').allTextContents();
  expect(offered.sort()).toEqual(['Ingen tildelt', ...molde.map((u) => u.displayName)].sort());
  // A line-1 agent cannot take a line-2 case: no "Ta saka" that the rules would refuse.
  await expect(view.getByRole('button', { name: 'Ta saka' })).toHaveCount(0);

  await picker.selectOption({ label: molde[0]!.displayName });
  await expect(picker).toHaveValue(molde[0]!.id);
  await expect(page.getByTestId('history')).toContainText(`Tildelt ${molde[0]!.displayName}`);
});

test('signing out offline with changes waiting warns with the count, and can be cancelled', async ({
  page,
  context,
  request,
}) => {
  const token = await apiToken(request, 'agent2');
  const created = await createCaseViaApi(request, token, {
    title: 'Utlogging fråkopla',
    priority: 'low',
  });
  await signIn(page);
  const view = await openCase(page, created.number);
  await context.setOffline(true);
  for (const text of ['Første merknad', 'Andre merknad']) {
    await view.getByLabel('Ny kommentar').fill(text);
    await view.getByRole('button', { name: 'Legg til kommentar' }).click();
    await expect(view.locator('.feed__comment--internal').filter({ hasText: text })).toBeVisible();
  }
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '2');

  await page.getByRole('button', { name: 'Logg ut' }).click();
  const dialog = page.getByRole('dialog', { name: 'Logge ut med endringar som ventar?' });
  await expect(dialog).toContainText('2 endringar er ikkje sende til serveren enno.');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/^Innlogga som /)).toBeVisible();

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.getByRole('button', { name: 'Logg ut likevel' }).click();
  await expect(page.getByLabel('Brukarnamn')).toBeVisible();
  await context.setOffline(false);
});
