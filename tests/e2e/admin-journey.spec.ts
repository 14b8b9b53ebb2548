/**
 * A team leader runs the service without a file or the API (issue 15): adds a municipality
 * with a consultant, a category with a form, publishes a notice and an FAQ article, writes a
 * reply template and the accessibility statement, and finds every change in the audit log;
 * a requester of the new municipality then sees all of it in the portal and reports a case
 * in the new category, and an agent answers it with the template from the comment box by
 * keyboard. Every screen is checked with axe; a bad form names its fields in Nynorsk.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { openCaseFromBoard, signIn } from './helpers';
import { expectNoAxeViolations, tabTo } from './portal-helpers';

test.use({ viewport: { width: 1400, height: 1000 } });

const stamp = Date.now().toString(36).slice(-5);
const municipality = { id: `fjordvik-${stamp}`, name: `Fjordvik ${stamp} kommune` };
const category = { id: `nettbrett-${stamp}`, name: `Nettbrett ${stamp}` };
const noticeTitle = `Nettbrett-appen er treg (${stamp})`;
const faqQuestion = `Korleis startar eg nettbrettet på nytt? (${stamp})`;
const templateName = `Ventar på svar ${stamp}`;
/** The account policy refuses the demo password (it names the service). */
const requesterPassword = `Fjorden-ligg-blank-${stamp}-7`;

async function openAdmin(page: Page, section: string) {
  await page
    .getByRole('navigation', { name: 'Delar av administrasjonen' })
    .getByRole('link', { name: section })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
}

test('a team leader administers the service in the app; a requester and an agent use it', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await signIn(page, 'teamleiar');
  await page
    .getByRole('navigation', { name: 'Hovudmeny' })
    .getByRole('link', { name: 'Administrasjon' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administrasjon' })).toBeVisible();

  // Municipalities: an empty form names what is missing; then Fjordvik with a consultant.
  await expect(page.getByRole('heading', { level: 2, name: 'Kommunar' })).toBeVisible();
  await expectNoAxeViolations(page, 'municipalities');
  await page.getByRole('button', { name: 'Legg til kommune' }).click();
  await page.getByRole('button', { name: 'Lagre' }).click();
  const errors = page.getByTestId('admin-errors');
  await expect(errors).toBeFocused();
  await expect(errors).toContainText('Namn: må fyllast ut');
  await expect(errors).toContainText('Id: berre små bokstavar, tal og bindestrek');
  await expect(page.getByLabel('Namn', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'municipality form with errors');
  // By keyboard: the error summary's link leads to the field.
  await errors.getByRole('link', { name: /^Namn:/ }).press('Enter');
  await expect(page.getByLabel('Namn', { exact: true })).toBeFocused();
  await page.keyboard.type(municipality.name);
  await page.getByLabel('Id', { exact: true }).fill(municipality.id);
  await page.getByLabel('Namn på gruppa').fill(`IKT-konsulentar Fjordvik ${stamp}`);
  const consultants = page.getByRole('group', { name: 'Konsulentar i kommunen' });
  await consultants.getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Legg til eining' }).click();
  await page.getByLabel('Namn på eininga 1').fill('Helse og omsorg');
  await page.getByLabel('Id for eininga 1').fill('helse');
  await page.getByRole('button', { name: 'Lagre' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Lagra.' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(municipality.name) });
  await expect(row).toContainText('1 konsulentar · 1 einingar');

  // A category with a form: the Bokmål label left out is named; the preview shows the form.
  await openAdmin(page, 'Kategoriar og skjema');
  await page.getByRole('button', { name: 'Legg til kategori' }).click();
  await page.getByLabel('Id', { exact: true }).fill(category.id);
  for (const [lang, text] of [
    ['nynorsk', category.name],
    ['bokmål', category.name],
    ['engelsk', `Tablet ${stamp}`],
  ]) {
    await page.getByLabel(`Namn (${lang})`).fill(text!);
    await page
      .getByLabel(`Skildring (${lang})`)
      .fill(lang === 'engelsk' ? 'Tablets' : 'Nettbrett i tenesta');
  }
  await page.getByRole('button', { name: 'Legg til felt' }).click();
  await page.getByLabel('Id for feltet (Felt 1)').fill('modell');
  await page.getByLabel('Type (Felt 1)').selectOption('select');
  await page.getByLabel('Må fyllast ut (Felt 1)').check();
  await page.getByLabel('Etikett (Felt 1) (nynorsk)').fill('Kva modell?');
  await page.getByLabel('Etikett (Felt 1) (engelsk)').fill('Which model?');
  await page.getByLabel('Id for valet 1 (Felt 1)').fill('ipad');
  for (const lang of ['nynorsk', 'bokmål', 'engelsk']) {
    await page.getByLabel(`Val 1 (Felt 1) (${lang})`).fill('iPad');
  }
  await page.getByRole('button', { name: 'Legg til felt' }).click();
  await page.getByLabel('Id for feltet (Felt 2)').fill('sistFungerte');
  await page.getByLabel('Type (Felt 2)').selectOption('date');
  for (const [lang, text] of [
    ['nynorsk', 'Sist det verka'],
    ['bokmål', 'Sist det virket'],
    ['engelsk', 'Last worked'],
  ]) {
    await page.getByLabel(`Etikett (Felt 2) (${lang})`).fill(text!);
  }
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('admin-errors')).toContainText(
    'Felt 1 › Etikett (bokmål): må fyllast ut',
  );
  await page.getByLabel('Etikett (Felt 1) (bokmål)').fill('Kva modell?');
  const preview = page.getByTestId('category-preview');
  await expect(preview.getByLabel(/^Kva modell\?/)).toBeVisible();
  await expect(preview.getByLabel('Sist det verka')).toHaveAttribute('type', 'date');
  await page.locator('#category-preview-lang').selectOption('en');
  await expect(preview.getByLabel(/^Which model\?/)).toBeVisible();
  await expectNoAxeViolations(page, 'category form builder');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('list', { name: 'Kategoriane' })).toContainText(category.name);

  // An operational notice for Fjordvik and the new category, previewed in Bokmål (falls back).
  await openAdmin(page, 'Driftsmeldingar');
  await page.getByRole('button', { name: 'Skriv driftsmelding' }).click();
  await page.getByLabel('Tittel (nynorsk)').fill(noticeTitle);
  await page.getByLabel('Tekst (nynorsk)').fill('Leverandøren arbeider med feilen.');
  await page.getByLabel('Tittel (engelsk)').fill(`The tablet app is slow (${stamp})`);
  await page.getByLabel('Alvor').selectOption('warning');
  await page.getByRole('group', { name: 'Gjeld kommunane' }).getByLabel(municipality.name).check();
  await page.getByRole('group', { name: 'Gjeld kategoriane' }).getByLabel(category.name).check();
  await page.locator('#notice-preview-lang').selectOption('nb');
  const noticePreview = page.getByTestId('notice-preview');
  await expect(noticePreview).toContainText(noticeTitle);
  await expect(noticePreview).toContainText('Ikke skrevet på bokmål: nynorsk vises.');
  await expect(noticePreview).toContainText('Forstyrrelse');
  await expectNoAxeViolations(page, 'notice form');
  await page.getByRole('button', { name: 'Publiser' }).click();
  await expect(page.getByRole('list', { name: 'Driftsmeldingane' })).toContainText(
    `${noticeTitle} · Forstyrring · gjeld no`,
  );

  // An FAQ article for the category.
  await openAdmin(page, 'Ofte stilte spørsmål');
  await page.getByRole('button', { name: 'Skriv artikkel' }).click();
  await page.getByLabel('Spørsmål (nynorsk)').fill(faqQuestion);
  await page.getByLabel('Svar (nynorsk)').fill('Hald inne straumknappen i ti sekund.');
  await page.getByRole('group', { name: 'Kategoriar' }).getByLabel(category.name).check();
  await expectNoAxeViolations(page, 'FAQ form');
  await page.getByRole('button', { name: 'Publiser' }).click();
  await expect(page.getByRole('list', { name: 'Artiklane' })).toContainText(faqQuestion);

  // A reply template that sets the case waiting for the requester.
  await openAdmin(page, 'Svarmalar');
  await page.getByRole('button', { name: 'Ny svarmal' }).click();
  await page.getByLabel('Namn (nynorsk)').fill(templateName);
  await page
    .getByLabel('Tekst (nynorsk)')
    .fill('Hei {requester}! Vi ser på sak {caseNumber}. Ring {telefon} om det hastar.');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('admin-errors')).toContainText(
    'Tekst: har ein ukjend plasshaldar ({telefon})',
  );
  await page
    .getByLabel('Tekst (nynorsk)')
    .fill('Hei {requester}! Vi ser på sak {caseNumber}. Ring {callNumber} om det hastar.');
  await page.getByLabel('Set status når svaret blir sendt').selectOption('waiting');
  await expectNoAxeViolations(page, 'template form');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('list', { name: 'Svarmalane' })).toContainText(templateName);

  // The accessibility statement.
  await openAdmin(page, 'Erklæringar');
  const statementForm = page.getByRole('form', { name: 'Tilgjengelegheitserklæring' });
  await statementForm
    .getByLabel('Tekst (tom linje mellom avsnitt) (nynorsk)')
    .fill(`Portalen følgjer WCAG 2.1 AA (${stamp}).\n\nMeld frå om feil til brukarstøtta.`);
  await statementForm.getByRole('button', { name: 'Lagre' }).click();
  await expect(statementForm.getByRole('status')).toHaveText('Lagra.');
  await expectNoAxeViolations(page, 'statements');

  // Every change is in the audit log; filtered by what, and as CSV.
  await openAdmin(page, 'Revisjonslogg');
  const log = page.getByTestId('audit-table');
  for (const action of [
    'municipality.create',
    'category.create',
    'notice.create',
    'faq.create',
    'template.create',
    'statement.update',
  ]) {
    await expect(log).toContainText(action);
  }
  await page.getByLabel('Kva').selectOption('municipality.');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(log.getByRole('row').nth(1)).toContainText('municipality.create');
  await expect(log).not.toContainText('faq.create');
  await expectNoAxeViolations(page, 'audit log');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Last ned CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe(
    '\uFEFFTidspunkt (UTC);Kven;Brukar-id;Handling;Type;Id;Samandrag;Detaljar;Eining;Adresse',
  );
  expect(csv).toContain(`municipality.create;municipality;${municipality.id}`);

  // A requester of the new municipality (an account made with the CLI, as the Users screen
  // is another part) sees it all in the portal.
  execFileSync(
    'npx',
    [
      'tsx',
      'src/server/cli.ts',
      'user',
      'add',
      `brukar-${stamp}`,
      '--role',
      'requester',
      '--name',
      `Siri Fjordvik ${stamp}`,
      '--municipality',
      municipality.id,
      '--password-stdin',
      '--data',
      process.env.SAKSBORD_E2E_DATA!,
    ],
    { input: `${requesterPassword}\n`, stdio: ['pipe', 'ignore', 'inherit'] },
  );
  const portalContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const portal = await portalContext.newPage();
  await portal.goto('/portal/');
  await tabTo(portal, portal.getByLabel('Brukarnamn'));
  await portal.keyboard.type(`brukar-${stamp}`);
  await portal.keyboard.press('Tab');
  await portal.keyboard.type(requesterPassword);
  await portal.keyboard.press('Enter');
  await expect(portal.getByRole('heading', { level: 1, name: 'Brukarstøtte' })).toBeVisible();
  await expect(portal.getByText(noticeTitle)).toBeVisible();
  await expect(portal.getByText(faqQuestion)).toBeVisible();
  await expectNoAxeViolations(portal, 'portal front page');
  await tabTo(portal, portal.getByRole('main').getByRole('link', { name: 'Meld ei sak' }));
  await portal.keyboard.press('Enter');
  await portal.getByRole('radio', { name: new RegExp(category.name) }).check();
  const suggestions = portal.getByTestId('suggestions');
  await expect(suggestions).toContainText(noticeTitle);
  await expect(suggestions).toContainText(faqQuestion);
  await expect(portal.getByLabel(/^Kva modell\?/)).toBeVisible();
  await portal.getByLabel(/^Kort overskrift/).fill(`Nettbrettet startar ikkje (${stamp})`);
  await portal.getByLabel(/^Kva modell\?/).selectOption('ipad');
  await portal.getByLabel(/^Kva skjedde/).fill('Skjermen er svart.');
  // The municipality's units from the directory are offered for the unit field.
  await expect(portal.locator('#unit-options option[value="Helse og omsorg"]')).toHaveCount(1);
  await portal.locator('#unit').fill('Helse og omsorg');
  // The priority questions, one at a time (which come next depends on the answers): the
  // second choice of each, by keyboard.
  for (let i = 0; i < 8; i++) {
    const next = await portal.evaluate(() => {
      const firsts = Array.from(
        document.querySelectorAll<HTMLInputElement>('input[type=radio][id^="priority-"]'),
      );
      return (
        firsts.find((r) => !document.querySelector(`input[name="${r.name}"]:checked`))?.id ?? null
      );
    });
    if (!next) break;
    const first = portal.locator(`#${next}`);
    await tabTo(portal, first);
    await portal.keyboard.press('ArrowRight');
    const name = await first.getAttribute('name');
    await expect(portal.locator(`input[name="${name}"]:checked`)).toHaveCount(1);
  }
  await expectNoAxeViolations(portal, 'report form with suggestions');
  await tabTo(portal, portal.getByRole('button', { name: 'Send inn saka' }));
  await portal.keyboard.press('Enter');
  await expect(
    portal.getByRole('heading', { level: 1, name: 'Saka di er registrert' }),
  ).toBeVisible();
  const number = (await portal.getByText(/^Saksnummer: /).textContent())!
    .replace('Saksnummer: ', '')
    .trim();
  // The accessibility statement, from the footer.
  await portal
    .getByRole('navigation', { name: 'Om portalen' })
    .getByRole('link', { name: 'Tilgjengelegheitserklæring' })
    .click();
  await expect(portal.getByText(`Portalen følgjer WCAG 2.1 AA (${stamp}).`)).toBeVisible();
  await expectNoAxeViolations(portal, 'accessibility statement');
  await portalContext.close();

  // An agent answers with the template, by keyboard from the comment box.
  const agentContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const agent = await agentContext.newPage();
  await signIn(agent, 'agent1');
  const view = await openCaseFromBoard(agent, number);
  const comment = agent.getByLabel('Ny kommentar');
  await comment.focus();
  await agent.keyboard.press('Alt+m');
  const picker = agent.getByRole('dialog', { name: 'Set inn svarmal' });
  await expect(picker.getByRole('combobox', { name: 'Søk' })).toBeFocused();
  await agent.keyboard.type(stamp);
  await expect(picker.getByRole('option', { name: templateName })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(picker.getByTestId('reply-preview')).toContainText(
    `Hei Siri Fjordvik ${stamp}! Vi ser på sak ${number}.`,
  );
  await expectNoAxeViolations(agent, 'template picker');
  await agent.keyboard.press('Enter');
  await expect(comment).toBeFocused();
  await expect(comment).toHaveValue(
    new RegExp(`Vi ser på sak ${number}\\. Ring \\d\\d \\d\\d \\d\\d \\d\\d`),
  );
  await expect(agent.getByLabel('Kven kan sjå kommentaren')).toHaveValue('requester');
  await expect(agent.getByTestId('reply-sets-status')).toContainText('Ventar');
  await agent.getByRole('button', { name: 'Legg til kommentar' }).click();
  // The box empties once the comment is saved; until then its text is there twice.
  await expect(agent.getByRole('textbox', { name: 'Ny kommentar' })).toHaveValue('');
  await expect(view.getByText(`Hei Siri Fjordvik ${stamp}!`)).toBeVisible();
  await expect(view.locator('.tag').first()).toHaveText('Ventar');
  await agentContext.close();
});
