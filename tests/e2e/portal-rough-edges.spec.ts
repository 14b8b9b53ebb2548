import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, portalSignIn } from './portal-helpers';

/** Console errors and CSP violations the page reports, from now on. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Reports a printer case in the portal and opens it; returns its number. */
async function reportAndOpen(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Meld ei sak' }).click();
  await page.getByRole('radio', { name: /^Skrivar/ }).check();
  await page.getByLabel(/^Kort overskrift/).fill(title);
  await page.getByLabel(/^Namn eller plassering/).fill('2. etasje');
  await page.getByLabel(/^Kva er problemet/).selectOption('toner');
  await page.getByLabel(/^Kva skjedde/).fill('Tomt for toner.');
  await page.locator('#priority-completeLoss-false').check();
  await page.getByRole('button', { name: 'Send inn saka' }).click();
  await page.getByRole('link', { name: 'Opne saka' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test.use({ viewport: { width: 1280, height: 900 } });

test('no console or CSP errors on the portal’s pages', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await portalSignIn(page, 'brukar-molde-1');
  await reportAndOpen(page, `Toner (${Date.now().toString(36)})`);
  await page.getByRole('navigation').getByRole('link', { name: 'Mine saker' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a link opened in a new tab is signed in; signing out ends every tab', async ({
  page,
  context,
}) => {
  await portalSignIn(page, 'brukar-molde-1');
  const tab = await context.newPage();
  await tab.goto('/portal/saker');
  await expect(tab.getByRole('heading', { level: 1, name: 'Mine saker' })).toBeVisible();
  await tab.getByRole('button', { name: 'Logg ut' }).click();
  await expect(tab.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
});

test('an upload shows in the history at once, and the requester downloads it', async ({ page }) => {
  await portalSignIn(page, 'brukar-molde-1');
  await reportAndOpen(page, `Skrivar med vedlegg (${Date.now().toString(36)})`);
  await page.getByLabel('Legg ved ei fil').setInputFiles({
    name: 'feilmelding.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Feil 42: toner tom'),
  });
  await page.getByRole('button', { name: 'Last opp' }).click();
  await expect(page.getByText('Fila «feilmelding.txt» er lasta opp.')).toBeVisible();
  // The history shows it without waiting for the page's next poll.
  await expect(page.getByTestId('history')).toContainText('Vedlegg lagt til: feilmelding.txt', {
    timeout: 3_000,
  });
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Last ned feilmelding.txt' }).click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toBe('feilmelding.txt');
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  expect(await readFile(path, 'utf8')).toBe('Feil 42: toner tom');
  await expectNoAxeViolations(page, 'case page with an attachment');
});

test('in English the header is English too', async ({ page }) => {
  await portalSignIn(page, 'brukar-molde-1');
  await page.getByLabel('Språk').selectOption('en');
  const header = page.getByRole('banner');
  await expect(header).toContainText('Romsdal IKT user support');
  await expect(header).not.toContainText('brukarstøtte');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner')).toContainText('Romsdal IKT user support');
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('"Mine saker" shows every case’s status without scrolling sideways', async ({ page }) => {
    await portalSignIn(page, 'brukar-molde-1');
    await reportAndOpen(page, `Mobil (${Date.now().toString(36)})`);
    await page.getByRole('navigation').getByRole('link', { name: 'Mine saker' }).click();
    const rows = page.locator('table.cases tbody tr');
    await expect(rows.first()).toBeVisible();
    const status = rows.first().locator('.status');
    await expect(status).toBeInViewport({ ratio: 1 });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      table: document.querySelector('.table-wrap')!.scrollWidth,
      wrap: document.querySelector('.table-wrap')!.clientWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.table).toBeLessThanOrEqual(widths.wrap);
    await expectNoAxeViolations(page, 'my cases on a phone');
  });
});
