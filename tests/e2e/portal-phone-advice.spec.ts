import { expect, type Page, test } from '@playwright/test';
import { docScreenshot } from './doc-screenshot';
import { expectNoAxeViolations, portalSignIn } from './portal-helpers';

/** Opens "Meld ei sak" and answers for a lost health system (critical) or a unit (high). */
async function describeFault(page: Page, priority: 'critical' | 'high') {
  await page.getByRole('navigation').getByRole('link', { name: 'Meld ei sak' }).click();
  if (priority === 'critical') {
    await page.getByRole('radio', { name: /EPJ \/ fagsystem helse/ }).check();
    await page.locator('#priority-completeLoss').check(); // the category presets life and health
  } else {
    await page.getByRole('radio', { name: /^Skrivar/ }).check();
    await page.locator('#priority-completeLoss').check();
    for (const key of ['lifeAndHealth', 'homeOffice', 'highUptimeSystem']) {
      await page.locator(`#priority-${key}-false`).check();
    }
    await page.locator('#priority-scope-unit').check();
  }
  const label = priority === 'critical' ? 'kritisk' : 'høg';
  await expect(page.getByTestId('priority-result')).toHaveText(
    `Prioritet etter svara dine: ${label}`,
  );
}

const advice = (page: Page) => page.getByTestId('phone-advice');

test.describe('which number the portal gives, at fixed instants', () => {
  test('open (Tuesday 10:00): the support number, for critical and high alike', async ({
    page,
  }) => {
    await page.clock.setFixedTime(new Date('2026-03-10T10:00:00+01:00'));
    await portalSignIn(page, 'brukar-aukra-1');
    await describeFault(page, 'critical');
    await expect(advice(page).getByRole('heading')).toHaveText('Ring brukarstøtta no: 70 16 29 99');
    await describeFault(page, 'high');
    await expect(advice(page).getByRole('heading')).toHaveText('Ring brukarstøtta no: 70 16 29 99');
  });

  test('on-call (Tuesday 20:00): on-call for critical only; high waits; the case is still registered', async ({
    page,
  }) => {
    await page.clock.setFixedTime(new Date('2026-03-10T20:00:00+01:00'));
    await portalSignIn(page, 'brukar-aukra-1');
    await describeFault(page, 'high');
    await expect(advice(page).getByRole('heading')).toHaveText('Brukarstøtta er stengd');
    await expect(advice(page)).toContainText('Vakttelefonen er berre for kritiske feil');
    await expect(advice(page)).toContainText('onsdag 11.3. 08:00');
    await expect(advice(page)).not.toContainText('70 16 24 46');

    await page.getByRole('radio', { name: /EPJ \/ fagsystem helse/ }).check();
    await page.locator('#priority-completeLoss').check();
    await expect(advice(page).getByRole('heading')).toHaveText(
      'Ring vakttelefonen no: 70 16 24 46',
    );
    await page.getByLabel(/^Kort overskrift/).fill('Pasientjournalen svarar ikkje');
    await page.getByLabel(/^Kva system gjeld det/).selectOption('ehr');
    await page.getByLabel(/^Eining eller avdeling/).fill('Aukra sjukeheim');
    await page.getByLabel(/^Kva skjedde/).fill('Får ikkje opna journalen.');
    await page.getByRole('button', { name: 'Send inn saka' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Saka di er registrert' }),
    ).toBeVisible();
    await expect(page.getByText('Prioritet: kritisk')).toBeVisible();
    await expect(advice(page)).toContainText('70 16 24 46');
    await expectNoAxeViolations(page, 'receipt with on-call advice');
  });

  test('holiday (1 May, a Friday, 10:00): on-call for critical; high waits for Monday', async ({
    page,
  }) => {
    await page.clock.setFixedTime(new Date('2026-05-01T10:00:00+02:00'));
    await portalSignIn(page, 'brukar-aukra-1');
    await describeFault(page, 'critical');
    await expect(advice(page).getByRole('heading')).toHaveText(
      'Ring vakttelefonen no: 70 16 24 46',
    );
    await advice(page).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: docScreenshot('portal-on-call.png') });
    await describeFault(page, 'high');
    await expect(advice(page).getByRole('heading')).toHaveText('Brukarstøtta er stengd');
    await expect(advice(page)).toContainText('måndag 4.5. 08:00');
  });

  test('no network, low priority, while open: call support; in Bokmål and English too', async ({
    page,
  }) => {
    await page.clock.setFixedTime(new Date('2026-03-10T10:00:00+01:00'));
    await portalSignIn(page, 'brukar-aukra-1');
    await page.getByRole('navigation').getByRole('link', { name: 'Meld ei sak' }).click();
    await page.getByRole('radio', { name: /^Nettverk og VPN/ }).check();
    await page.locator('#priority-completeLoss-false').check();
    await expect(advice(page)).toHaveCount(0);
    await page.getByLabel(/ikkje nett/).check();
    await expect(advice(page).getByRole('heading')).toHaveText('Ring brukarstøtta no: 70 16 29 99');
    await page.getByLabel('Språk').selectOption('nb');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(advice(page).getByRole('heading')).toHaveText(
      'Ring brukerstøtten nå: 70 16 29 99',
    );
    await page.getByLabel('Språk').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(advice(page).getByRole('heading')).toHaveText(
      'Call user support now: 70 16 29 99',
    );
    await expectNoAxeViolations(page, 'report form in English');
  });
});
