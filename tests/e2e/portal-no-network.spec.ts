import { expect, test } from '@playwright/test';
import { findCard, signIn } from './helpers';
import { expectNoAxeViolations, portalSignIn } from './portal-helpers';

// A working Tuesday at 10:00 in Oslo: support is open (the browser clock only).
const openTuesday = new Date('2026-03-10T10:00:00+01:00');

test.use({ viewport: { width: 1280, height: 900 } });

test('"Eg har ikkje nett" in the portal reaches the agent: on the card, and "Ring innmeldar" in the case', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  await page.clock.setFixedTime(openTuesday);
  await portalSignIn(page, 'brukar-molde-1');
  await page.getByRole('navigation').getByRole('link', { name: 'Meld ei sak' }).click();
  await page.getByRole('radio', { name: /^Nettverk og VPN/ }).check();
  const title = `Mistar nettet på kontoret (${Date.now().toString(36)})`;
  await page.getByLabel(/^Kort overskrift/).fill(title);
  await page.getByLabel(/^Kvar er du/).selectOption('office');
  await page.getByLabel(/^Kva skjedde/).fill('Nettet fell ut kvart femte minutt.');
  await page.locator('#priority-completeLoss-false').check();
  await page.getByLabel(/ikkje nett/).check();
  await page.getByLabel(/^Telefon eller e-post/).fill('marit@molde.kommune.no');

  // Without a phone number nobody can reach a requester without network: named, tied to the field.
  await page.getByRole('button', { name: 'Send inn saka' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('skriv eit telefonnummer');
  const contact = page.getByLabel(/^Telefon eller e-post/);
  await expect(contact).toHaveAttribute('aria-invalid', 'true');
  await expect(contact).toHaveAccessibleDescription(/skriv eit telefonnummer/);
  await expectNoAxeViolations(page, 'report form, phone number missing');
  // Fixed: the error leaves the field and the summary at once.
  await contact.fill('marit@molde.kommune.no, 900 12 345');
  await expect(summary).toHaveCount(0);
  await expect(contact).not.toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('button', { name: 'Send inn saka' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Saka di er registrert' }),
  ).toBeFocused();
  await expect(page.getByText('Du har ikkje nett, så vi ringjer deg på 900 12 345.')).toBeVisible();
  // The receipt speaks of a registered case, not one that is still to be registered.
  await expect(page.getByTestId('phone-advice')).toContainText('oppgi saksnummeret');
  await expect(page.getByTestId('phone-advice')).not.toContainText('registrert her i tillegg');
  const number = (await page.getByText(/^Saksnummer: /).textContent())!
    .replace('Saksnummer: ', '')
    .trim();

  // The agent's board: the card says it, and the case view says whom to ring.
  const agentContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const board = await agentContext.newPage();
  await signIn(board, 'agent1');
  const card = await findCard(board, number);
  await expect(card).toContainText('Ikkje nett – ring');
  await card.getByRole('link').click();
  const note = board.getByTestId('no-network');
  await expect(note).toContainText('Innmeldar har ikkje nett');
  const call = note.getByRole('link', { name: 'Ring innmeldar: 900 12 345' });
  await expect(call).toBeVisible();
  await expect(call).toHaveAttribute('href', 'tel:90012345');
  await agentContext.close();
});

test('the error summary follows the fields: a fixed error leaves it, the rest stay', async ({
  page,
}) => {
  await portalSignIn(page, 'brukar-molde-1');
  await page.getByRole('navigation').getByRole('link', { name: 'Meld ei sak' }).click();
  await page.getByRole('radio', { name: /^Skrivar/ }).check();
  await page.getByRole('button', { name: 'Send inn saka' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /Kort overskrift/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Kva skjedde/ })).toBeVisible();
  await page.getByLabel(/^Kort overskrift/).fill('Skrivaren skriv ikkje ut');
  await expect(summary.getByRole('link', { name: /Kort overskrift/ })).toHaveCount(0);
  await expect(summary.getByRole('link', { name: /Kva skjedde/ })).toBeVisible();
  // "Kva skjedde?" is asked once: no category field asks it again, nor the unit.
  await expect(page.getByLabel(/Kva skjedde/)).toHaveCount(1);
  await expect(page.getByLabel(/^Eining/)).toHaveCount(1);
});
