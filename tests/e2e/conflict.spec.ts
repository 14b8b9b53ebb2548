import { expect, test } from '@playwright/test';
import { apiToken, createCaseViaApi, findCard, signIn } from './helpers';

test('a value that lost to another agent while offline is shown, and can be applied again', async ({
  page,
  context,
  request,
}) => {
  const token = await apiToken(request, 'agent2');
  const created = await createCaseViaApi(request, token, {
    title: 'Vaktlista i turnusprogrammet lagrar ikkje',
    priority: 'low',
  });
  await signIn(page);
  await (await findCard(page, created.number)).getByRole('link').click();
  const view = page.getByTestId('case-view');
  await expect(view).toBeVisible();

  // Offline, this agent sets medium; meanwhile another agent sets high on the server.
  await context.setOffline(true);
  await expect(page.getByTestId('sync-status')).toContainText('Fråkopla');
  await page.getByLabel('Prioritet', { exact: true }).selectOption('medium');
  const answer = await request.post(`/api/v1/cases/${created.id}/changes`, {
    headers: { authorization: `Bearer ${token}` },
    data: { change: { type: 'prioritySet', priority: 'high' } },
  });
  expect(answer.ok(), await answer.text()).toBe(true);
  await context.setOffline(false);

  // The server kept high; this agent sees why and what their value was.
  const conflicts = page.getByTestId('conflicts');
  await expect(conflicts).toContainText(
    /sette prioritet til «høg» medan du var fråkopla; verdien din var «medium»/,
    { timeout: 15_000 },
  );
  await expect(page.getByLabel('Prioritet', { exact: true })).toHaveValue('high');

  // One button applies it again.
  await conflicts.getByRole('button', { name: 'Bruk verdien min igjen' }).click();
  await expect(conflicts).toHaveCount(0);
  await expect(page.getByLabel('Prioritet', { exact: true })).toHaveValue('medium');
  await expect
    .poll(async () => {
      const r = await request.get(`/api/v1/cases/${created.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await r.json()) as { case: { priority: string } }).case.priority;
    })
    .toBe('medium');
});
