import { expect, test } from '@playwright/test';
import { docScreenshot } from './doc-screenshot';
import { apiToken, findCard, signIn } from './helpers';
import { expectNoAxeViolations, portalSignIn, tabTo } from './portal-helpers';

// A working Tuesday at 10:00 in Oslo: support is open (the browser clock only; the server
// keeps real time).
const openTuesday = new Date('2026-03-10T10:00:00+01:00');

test.use({ viewport: { width: 1280, height: 900 } });

test('portal journey by keyboard: report → on the agents’ board → agent reply → confirm', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(60_000);
  // Content for the front page, written by the team leader.
  const leader = await apiToken(request, 'teamleiar');
  const auth = { authorization: `Bearer ${leader}` };
  const stamp = Date.now().toString(36);
  await request.post('/api/v1/notices', {
    headers: auth,
    data: {
      title: `Treg innlogging i fagsystemet for helse (${stamp})`,
      body: 'Leverandøren arbeider med feilen. Ny melding kl. 12.',
      severity: 'warning',
      validFrom: new Date(Date.now() - 3600_000).toISOString(),
      validTo: new Date(Date.now() + 3 * 3600_000).toISOString(),
    },
  });
  await request.post('/api/v1/faq', {
    headers: auth,
    data: {
      question: 'Korleis byter eg passord?',
      answer: 'Trykk Ctrl+Alt+Del og vel «Endre passord». Passordet må ha minst 12 teikn.',
      categoryId: 'login-password',
    },
  });

  // An agent's board is open in another browser: the new case must show up there live.
  const agentContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const board = await agentContext.newPage();
  await signIn(board, 'agent1');

  await page.clock.setFixedTime(openTuesday);
  await page.goto('/portal/');
  await expectNoAxeViolations(page, 'sign-in');
  await page.screenshot({ path: docScreenshot('portal-sign-in.png') });
  await portalSignIn(page, 'brukar-molde-1');

  // Front page: notices first, then the FAQ search, then "Meld ei sak".
  const headings = await page.locator('main h2').allTextContents();
  expect(headings.slice(0, 3)).toEqual(['Driftsmeldingar', 'Ofte stilte spørsmål', 'Meld ei sak']);
  await expect(page.getByText(`Treg innlogging i fagsystemet for helse (${stamp})`)).toBeVisible();
  await tabTo(page, page.getByLabel('Søk i spørsmål og svar'));
  await page.keyboard.type('passord');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Korleis byter eg passord?').first()).toBeVisible();
  await expectNoAxeViolations(page, 'front page');
  await page.screenshot({ path: docScreenshot('portal-home.png'), fullPage: true });

  // Meld ei sak, by keyboard.
  await tabTo(page, page.getByRole('main').getByRole('link', { name: 'Meld ei sak' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Meld ei sak' })).toBeFocused();

  // Sending nothing names what is missing, linked to the field.
  await tabTo(page, page.getByRole('button', { name: 'Send inn saka' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Vel kva saka gjeld.');
  await expectNoAxeViolations(page, 'report form with errors');

  await tabTo(page, page.getByRole('radio', { name: /Pålogging og passord/ }));
  await page.keyboard.press('ArrowDown'); // → Skrivar
  await expect(page.getByRole('radio', { name: /^Skrivar/ })).toBeChecked();
  const title = 'Skrivaren i 2. etasje skriv ikkje ut';
  await tabTo(page, page.getByLabel(/^Kort overskrift/));
  await page.keyboard.type(title);
  // A missing required field is named, tied to its input.
  await tabTo(page, page.getByRole('button', { name: 'Send inn saka' }));
  await page.keyboard.press('Enter');
  const printerName = page.getByLabel(/^Namn eller plassering på skrivaren/);
  await expect(printerName).toHaveAttribute('aria-invalid', 'true');
  await expect(printerName).toHaveAccessibleDescription(
    /«Namn eller plassering på skrivaren» må fyllast ut\./,
  );
  await tabTo(page, printerName);
  await page.keyboard.type('Kontoret, 2. etasje');
  await page.keyboard.press('Tab'); // the problem list
  await page.keyboard.type('Papir');
  await expect(page.getByLabel(/^Kva er problemet/)).toHaveValue('paper-jam');
  await page.keyboard.press('Tab');
  await page.keyboard.type(
    'Papirstopp, og lampa blinkar raudt. Heile eininga får ikkje skrive ut.',
  );
  // Priority: the seed's questions, one at a time.
  await tabTo(page, page.locator('#priority-completeLoss'));
  await page.keyboard.press('Space'); // yes, it stops the work
  for (const key of ['lifeAndHealth', 'homeOffice', 'highUptimeSystem']) {
    await tabTo(page, page.locator(`#priority-${key}`));
    await page.keyboard.press('ArrowRight'); // no
  }
  await tabTo(page, page.locator('#priority-scope'));
  await page.keyboard.press('ArrowRight'); // the whole unit
  await expect(page.getByTestId('priority-result')).toHaveText('Prioritet etter svara dine: høg');
  // High while support is open: call the support number now (and the case is still sent).
  const advice = page.getByTestId('phone-advice');
  await expect(advice.getByRole('heading')).toHaveText('Ring brukarstøtta no: 70 16 29 99');
  await expectNoAxeViolations(page, 'report form filled in');
  await page.screenshot({ path: docScreenshot('portal-report.png'), fullPage: true });

  await tabTo(page, page.getByRole('button', { name: 'Send inn saka' }));
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Saka di er registrert' }),
  ).toBeFocused();
  await expect(page.getByTestId('phone-advice')).toContainText('70 16 29 99');
  const numberText = await page.getByText(/^Saksnummer: /).textContent();
  const number = numberText!.replace('Saksnummer: ', '').trim();
  expect(number).toMatch(/^\d{4}-\d+$/);
  await expectNoAxeViolations(page, 'receipt');
  await page.screenshot({ path: docScreenshot('portal-receipt.png') });

  // The agents' API has it: a portal case on line 1, for nobody in particular.
  const agent = await apiToken(request, 'agent1');
  const listed = await request.get(`/api/v1/cases?q=${number}`, {
    headers: { authorization: `Bearer ${agent}` },
  });
  const [record] = ((await listed.json()) as { cases: Record<string, unknown>[] }).cases;
  expect(record).toMatchObject({
    number,
    title,
    channel: 'portal',
    priority: 'high',
    line: 1,
    assigneeId: null,
    categoryId: 'printer',
  });
  // ...and the agent's open board shows it within seconds (SSE poke, pull).
  await findCard(board, number);
  await agentContext.close();

  // The agent answers through the REST API and resolves the case.
  const caseId = record!.id as string;
  const change = (body: Record<string, unknown>) =>
    request.post(`/api/v1/cases/${caseId}/changes`, {
      headers: { authorization: `Bearer ${agent}` },
      data: { change: body },
    });
  const reply = 'Vi har nullstilt skrivaren. Prøv å skrive ut no.';
  expect(
    (
      await change({
        type: 'commented',
        commentId: crypto.randomUUID(),
        body: reply,
        visibility: 'requester',
      })
    ).ok(),
  ).toBe(true);
  expect(
    (
      await change({
        type: 'commented',
        commentId: crypto.randomUUID(),
        body: 'Internt: toner bestilt',
        visibility: 'internal',
      })
    ).ok(),
  ).toBe(true);
  expect((await change({ type: 'statusChanged', status: 'inProgress' })).ok()).toBe(true);
  const resolution = 'Bytte tonerkassett i skrivaren';
  expect((await change({ type: 'statusChanged', status: 'resolved', note: resolution })).ok()).toBe(
    true,
  );

  // My cases → the case: the reply is there, the internal note is not.
  await tabTo(page, page.getByRole('navigation').getByRole('link', { name: 'Mine saker' }));
  await page.keyboard.press('Enter');
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('Løyst');
  await expectNoAxeViolations(page, 'my cases');
  await page.screenshot({ path: docScreenshot('portal-my-cases.png') });
  await tabTo(page, row.getByRole('link', { name: title }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('history')).toContainText(reply);
  await expect(page.getByTestId('history')).not.toContainText('toner bestilt');
  await expect(page.getByTestId('history')).toContainText(resolution);
  await expect(page.getByRole('heading', { name: 'Er problemet løyst?' })).toBeVisible();
  await expectNoAxeViolations(page, 'case page');
  await page.screenshot({ path: docScreenshot('portal-case.png'), fullPage: true });

  // Confirm the solution with the keyboard.
  await tabTo(page, page.getByRole('button', { name: 'Ja, stadfest at det er løyst' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-status')).toHaveText('Lukka');
  await expect(page.getByRole('status').filter({ hasText: 'Takk! Saka er lukka.' })).toBeVisible();
});
