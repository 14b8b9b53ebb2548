import { expect, test } from '@playwright/test';
import { apiToken, createCaseViaApi, findCard, keyboardMove, mouseDrag, signIn } from './helpers';

test('a click anywhere on a card opens the case; the card keeps one keyboard target and still drags', async ({
  page,
  request,
}) => {
  const token = await apiToken(request, 'agent2');
  const created = await createCaseViaApi(request, token, {
    title: 'Skjermen på resepsjonen er svart',
    priority: 'low',
  });
  await signIn(page);
  const card = await findCard(page, created.number);

  // One focusable element per card: the title link.
  await expect(card.locator('a, button, input, select, textarea, [tabindex]')).toHaveCount(1);
  await expect(card.getByRole('link')).toHaveAccessibleName(new RegExp(created.number));

  // A drag moves the card and opens nothing.
  await mouseDrag(page, card, page.getByTestId('column-1-inProgress'));
  await expect(page.getByTestId('column-1-inProgress')).toContainText(created.number);
  await expect(page).not.toHaveURL(/#\/case\//);

  // A click on the card's number (not the title) opens the case.
  const moved = await findCard(page, created.number);
  await moved.getByText(created.number, { exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/case/${created.id}`));
  await expect(page.getByRole('heading', { name: new RegExp(created.title) })).toBeVisible();
});

test('moving a card to Løyst asks what was done, and the requester can read it', async ({
  page,
  request,
}) => {
  const token = await apiToken(request, 'agent2');
  const created = await createCaseViaApi(request, token, {
    title: 'Får ikkje skrive ut frå fagsystemet',
    priority: 'low',
  });
  await signIn(page);
  const card = await findCard(page, created.number);
  await mouseDrag(page, card, page.getByTestId('column-1-resolved'));

  const dialog = page.getByRole('dialog', { name: `Set sak ${created.number} til løyst` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Set til løyst' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Skriv kva som vart gjort for å løyse saka.');
  await expect(page.getByTestId('column-1-new')).toContainText(created.number);
  await dialog
    .getByLabel('Kva vart gjort for å løyse saka?')
    .fill('La inn skrivardrivaren på nytt');
  await dialog.getByRole('button', { name: 'Set til løyst' }).click();
  await expect(page.getByTestId('column-1-resolved')).toContainText(created.number);

  // The server has the note with the status change.
  await expect
    .poll(async () => {
      const answer = await request.get(`/api/v1/cases/${created.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await answer.json()) as {
        case: { status: string };
        events: Array<{ change: { type: string; note?: string } }>;
      };
      return [
        body.case.status,
        body.events.find((e) => e.change.type === 'statusChanged')?.change.note,
      ];
    })
    .toEqual(['resolved', 'La inn skrivardrivaren på nytt']);
});

test('line 1 cannot resolve a case on line 2', async ({ page, request }) => {
  const token = await apiToken(request, 'agent2');
  const created = await createCaseViaApi(request, token, {
    title: 'Fellesområdet til barnehagen er borte',
    priority: 'low',
  });
  const answer = await request.post(`/api/v1/cases/${created.id}/changes`, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      change: { type: 'escalated', toLine: 2, reason: 'Lokal filtenar', tried: 'Omstart' },
    },
  });
  expect(answer.ok(), await answer.text()).toBe(true);
  await signIn(page);
  const card = await findCard(page, created.number);
  await keyboardMove(page, card, ['ArrowRight', 'ArrowRight', 'ArrowRight'], '2. linje, Løyst');
  await expect(page.getByTestId('toast')).toContainText(
    'Saka ligg på 2. linje. Berre 2. linje eller teamleiaren kan setje ho til løyst.',
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('column-2-new')).toContainText(created.number);
});
