import { expect, test } from '@playwright/test';
import { apiToken, createCaseViaApi, findCard, keyboardMove, mouseDrag, signIn } from './helpers';

test('escalates a case from line 1 to line 2 with the keyboard, giving a reason', async ({
  page,
  request,
}) => {
  const token = await apiToken(request, 'agent2');
  const created = await createCaseViaApi(request, token, {
    title: 'Fagsystemet hengjer ved pålogging',
    priority: 'medium',
  });
  await signIn(page);
  const card = await findCard(page, created.number);
  await expect(page.getByTestId('column-1-new')).toContainText(created.number);

  // Space picks the card up, ArrowDown moves it to the lane below, Space drops it.
  await keyboardMove(page, card, ['ArrowDown'], '2. linje, Ny');

  const dialog = page.getByRole('dialog', { name: `Eskalere sak ${created.number} til 2. linje` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Eskaler' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Skriv kvifor saka skal flyttast.');
  await dialog.getByLabel('Grunn').fill('Treng lokal tilgang til servaren i kommunen');
  await dialog.getByLabel('Kva er prøvd').fill('Starta klienten på nytt, tømt hurtigminnet');
  await dialog.getByRole('button', { name: 'Eskaler' }).click();

  await expect(page.getByTestId('column-2-new')).toContainText(created.number);
  await expect(page.getByTestId('column-1-new')).not.toContainText(created.number);

  // The reason is in the history, and the server has it once synced.
  await page
    .getByTestId('column-2-new')
    .getByRole('link', { name: new RegExp(created.number) })
    .click();
  const history = page.getByTestId('history');
  await expect(history).toContainText(
    'Flytt til 2. linje: Treng lokal tilgang til servaren i kommunen',
  );
  await expect(history).toContainText('Prøvd: Starta klienten på nytt, tømt hurtigminnet');
  await expect(history).not.toContainText('ventar på synkronisering', { timeout: 10_000 });
  const onServer = await request.get(`/api/v1/cases/${created.id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(((await onServer.json()) as { case: { line: number } }).case.line).toBe(2);
});

test('refuses a move the rules forbid, saying which rule', async ({ page, request }) => {
  const token = await apiToken(request, 'agent2');
  const created = await createCaseViaApi(request, token, {
    title: 'Skrivaren i andre etasje står fast',
    priority: 'low',
  });
  await signIn(page);
  const card = await findCard(page, created.number);
  // New → in progress is allowed (a mouse drag this time) ...
  await mouseDrag(page, card, page.getByTestId('column-1-inProgress'));
  await expect(page.getByTestId('column-1-inProgress')).toContainText(created.number);
  await expect(page.getByTestId('toast')).toContainText('er flytt til Under arbeid');
  // ... but in progress → new is not.
  await keyboardMove(page, card, ['ArrowLeft'], '1. linje, Ny');
  await expect(page.getByTestId('toast')).toHaveText(
    `Kan ikkje flytte sak ${created.number}: Ei sak som er under arbeid, kan ikkje setjast til ny.`,
  );
  await expect(page.getByTestId('column-1-inProgress')).toContainText(created.number);
});
