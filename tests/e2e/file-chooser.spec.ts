/**
 * Choosing a file speaks the user's language: the native file input ("Choose File", in the
 * browser's language) is hidden, and a labelled button in the portal's language opens it.
 */
import { expect, test } from '@playwright/test';
import { demoPassword } from './helpers';
import { portalSignIn } from './portal-helpers';

test('portal upload: a "Vel fil" button opens the file chooser and shows the chosen name', async ({
  page,
  request,
}) => {
  const signIn = await request.post('/api/v1/auth/sign-in', {
    data: { username: 'brukar-molde-1', password: demoPassword, deviceId: 'e2e-file-chooser' },
  });
  const { token, user } = (await signIn.json()) as {
    token: string;
    user: { id: string; displayName: string };
  };
  const title = `Skannar (${Date.now().toString(36)})`;
  const created = await request.post('/api/v1/cases', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      title,
      description: 'Skannaren sender ikkje.',
      priority: 'low',
      channel: 'portal',
      requester: { name: user.displayName, municipalityId: 'molde', userId: user.id },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { case: c } = (await created.json()) as { case: { id: string } };

  await portalSignIn(page, 'brukar-molde-1');
  await page.goto(`/portal/saker/${c.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.locator('input[type=file]')).toBeHidden();
  await expect(page.getByText('Inga fil er vald')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Vel fil' }).click();
  await (await chooser).setFiles({
    name: 'skannar.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Feil 7: ingen kontakt'),
  });
  await expect(page.getByText('skannar.txt', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Last opp' }).click();
  await expect(page.getByText('Fila «skannar.txt» er lasta opp.')).toBeVisible();
});
