import { expect, test } from '@playwright/test';
import { apiToken, createCaseViaApi, findCard, signIn } from './helpers';

test('attaches a file to a case and lists it from the history', async ({ page, request }) => {
  const created = await createCaseViaApi(request, await apiToken(request, 'agent2'), {
    title: 'Feilmelding ved utskrift av vedtak',
    priority: 'medium',
  });
  await signIn(page);
  await (await findCard(page, created.number)).getByRole('link').click();
  // A button in the UI language opens the file chooser (not the browser's "Choose File").
  await expect(page.locator('input[type=file]')).toBeHidden();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('attachments').getByRole('button', { name: 'Legg ved fil' }).click();
  await (await chooser).setFiles({
    name: 'feilmelding.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Feil 0x80070005: tilgang nekta'),
  });
  await expect(page.getByTestId('toast')).toHaveText('feilmelding.txt er lagd ved.');
  const attachments = page.getByTestId('attachments');
  await expect(
    attachments.getByRole('button', { name: /Last ned feilmelding\.txt/ }),
  ).toBeVisible();
  await expect(page.getByTestId('history')).toContainText('Vedlegg lagt til: feilmelding.txt');
  const download = page.waitForEvent('download');
  await attachments.getByRole('button', { name: /Last ned feilmelding\.txt/ }).click();
  expect((await download).suggestedFilename()).toBe('feilmelding.txt');
});
