/**
 * The SLA board over a seeded history (src/core/reports/sla-board-fixtures.ts) at a fixed
 * instant, Tuesday 10 March 2026 10:00 Oslo: exactly the counts worked out by hand in the core
 * tests. The store is seeded directly in IndexedDB and the session points at a server that
 * does not answer, so nothing but the seed is shown — and the board must work offline.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { buildFixture, caseIdOf, fixtureNow } from '../../src/core/reports/sla-board-fixtures';
import { docScreenshot } from './doc-screenshot';
import { seedOfflineStore } from './offline-store-seed';

const dbName = 'saksbord-e2e-sla-board';
const { records, events } = buildFixture();
const localCases = records.map((r) => ({
  ...r,
  pendingCount: 0,
  provisionalNumber: null,
  rejectedCount: 0,
  server: r,
}));
const numberOf = (letter: string) => records.find((r) => r.id === caseIdOf(letter))!.number!;
const staff = [
  { id: 'u-kari', displayName: 'Kari Nordmann', role: 'consultant', municipalityIds: ['molde'] },
  { id: 'u-per', displayName: 'Per Hansen', role: 'agent', municipalityIds: [] },
  { id: 'u-ola', displayName: 'Ola Vik', role: 'senior', municipalityIds: [] },
  { id: 'u-vakt', displayName: 'Vakthavande', role: 'agent', municipalityIds: [] },
];

/** Fills the store with the fixture at its fixed instant, signed in offline. */
async function seed(page: Page, language: 'nn' | 'nb' | 'en' = 'nn'): Promise<void> {
  await page.clock.setFixedTime(fixtureNow);
  await page.goto('/');
  await seedOfflineStore(page, {
    dbName,
    staff,
    cases: localCases,
    events,
    syncedAt: '2026-03-10T08:59:30.000Z',
    language,
  });
}

/** A hash change alone does not reload the page: load it again so the session is restored. */
async function openBoard(page: Page): Promise<void> {
  await page.goto('/#/sla');
  await page.reload();
}

test.describe('SLA board over a seeded history', () => {
  test('shows exactly the expected counts at 10 March 2026 10:00', async ({ page }) => {
    await seed(page);
    await openBoard(page);
    const board = page.getByTestId('sla-board');
    await expect(board).toBeVisible();
    await expect(page.getByTestId('kpi-open')).toContainText('8');
    await expect(page.getByTestId('kpi-atRisk')).toContainText('2');
    await expect(page.getByTestId('kpi-breached')).toContainText('2');
    await expect(page.getByTestId('kpi-waiting')).toContainText('2');
    await expect(page.getByTestId('kpi-responseToday')).toContainText('33 %');

    // At risk first (what can still be saved, least time left first), then breached.
    const rows = page.getByTestId('risk-row');
    await expect(rows).toHaveCount(4);
    const expected = [
      ['C', 'atRisk', 'Ikkje tildelt'],
      ['F', 'atRisk', 'Kari Nordmann'],
      ['B', 'breached', 'Kari Nordmann'],
      ['G', 'breached', 'Ikkje tildelt'],
    ] as const;
    for (const [i, [letter, status, who]] of expected.entries()) {
      await expect(rows.nth(i)).toHaveAttribute('data-status', status);
      await expect(rows.nth(i)).toContainText(numberOf(letter));
      await expect(rows.nth(i)).toContainText(who);
    }
    await expect(rows.nth(0)).toContainText('0:15:00');

    // Open cases per line × priority.
    const cell = (key: string) =>
      page.getByTestId('open-cases-table').locator(`[data-cell="${key}"]`);
    await expect(cell('1-high')).toHaveText('3');
    await expect(cell('1-total')).toHaveText('5');
    await expect(cell('2-critical')).toHaveText('1');
    await expect(cell('3-medium')).toHaveText('1');

    // Compliance over 7 days (the default period), then today.
    await expect(page.getByTestId('compliance-response')).toHaveText('7 av 10 (70 %)');
    await expect(page.getByTestId('compliance-resolution')).toHaveText('4 av 6 (67 %)');
    await page.getByTestId('figure-compliance').getByText('I dag', { exact: true }).click();
    await expect(page.getByTestId('compliance-response')).toHaveText('1 av 3 (33 %)');

    // Waiting, and the last on-call period (Monday 15:30 – Tuesday 08:00).
    await expect(page.getByTestId('waiting-reasons')).toContainText('Ventar på innmeldar: 1');
    await expect(page.getByTestId('waiting-reasons')).toContainText('Ventar på leverandør: 1');
    await expect(page.getByTestId('oncall-summary')).toHaveText(
      '3 kritiske, 3 svart, 2 innan responstida, median 10 min',
    );
    await expect(page.getByTestId('figure-onCall')).toContainText(
      '09.03.2026 15:30 – 10.03.2026 08:00',
    );
  });

  test('countdowns tick every second; a deadline passing turns the row breached', async ({
    page,
  }) => {
    await seed(page);
    await openBoard(page);
    const c = page.getByTestId('risk-row').filter({ hasText: numberOf('C') });
    await expect(c).toContainText('0:15:00');
    await page.clock.setFixedTime(fixtureNow + 5_000);
    await expect(c).toContainText('0:14:55');
    await page.clock.setFixedTime(fixtureNow + 15 * 60_000 + 3_000);
    await expect(c.locator('.countdown')).toHaveAttribute('data-status', 'breached');
    await expect(c).toContainText('0:00:03 over fristen');
    await expect(c.locator('.countdown')).not.toContainText('-');
  });

  test('exports the rows behind a figure as CSV', async ({ page }) => {
    await seed(page);
    await openBoard(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-slaRisk').click(),
    ]);
    // Oslo wall-clock time in the name (10:00 Oslo is 09:00 UTC), words in the user's language.
    expect(download.suggestedFilename()).toBe('sla-tavle-i-faresona-og-brote-2026-03-10-1000.csv');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Sak;Tittel;Linje;Prioritet;Ansvarleg;Klokke;SLA-status;Frist;Minutt att;Mål (minutt)',
    );
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(['C', 'F', 'B', 'G'].map(numberOf));
    // Names, not ids; words, not codes; Oslo times without a UTC offset.
    expect(text).not.toMatch(/u-kari|;atRisk;|;breached;|;high;|\+01:00/);
    expect(text).toMatch(/;(I faresona|Brote);2026-03-\d\d \d\d:\d\d;/);
  });

  test('the SLA targets form names a bad field and does not send it', async ({ page }) => {
    await seed(page);
    await openBoard(page);
    await page.getByRole('button', { name: 'Endre SLA-mål' }).click();
    const field = page.getByLabel('Høg — Responstid', { exact: true });
    await field.fill('-5');
    const percent = page.getByLabel('I faresona frå (% av målet brukt)');
    await percent.fill('150');
    await page.getByRole('button', { name: 'Lagre og synkroniser' }).click();
    // Each field by its name in the user's language, what is wrong, and nothing English.
    const alert = page.getByTestId('sla-settings').getByRole('alert');
    await expect(alert).toContainText('Høg — Responstid: må vere minst 1 minutt');
    await expect(alert).toContainText(
      'I faresona frå (% av målet brukt): må vere meir enn 0 og mindre enn 100 %',
    );
    await expect(alert).not.toContainText('atRiskThreshold');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveValue('-5');
    await expect(percent).toHaveValue('150');
    await percent.fill('75');
    // Targets can be typed in hours or working days.
    await page.getByLabel('Høg — Responstid — eining').selectOption('hours');
    // A valid change while the server is down is not lost silently: the user is told.
    await field.fill('1,5');
    await page.getByRole('button', { name: 'Lagre og synkroniser' }).click();
    await expect(
      page.getByTestId('sla-settings').getByRole('status').filter({ hasText: 'Ikkje lagra' }),
    ).toBeVisible();
    await expect(field).toHaveValue('1,5');
  });

  test('wall mode: large, offline-proof, with last synced', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await seed(page);
    await page.goto('/?wall=1');
    const wall = page.getByTestId('sla-wall');
    await expect(wall).toBeVisible();
    await expect(page.getByTestId('kpi-breached')).toContainText('2');
    await expect(page.getByTestId('risk-row')).toHaveCount(4);
    await expect(page.getByTestId('last-synced')).toHaveText('Sist synkronisert 10.03.2026 09:59');
    await expect(wall).toContainText('Fråkopla');
    await page.waitForTimeout(300);
    await page.screenshot({ path: docScreenshot('sla-board-wall.png') });
  });

  test('screenshots of the board in Nynorsk and English', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await seed(page);
    await openBoard(page);
    await expect(page.getByTestId('risk-row')).toHaveCount(4);
    await page.waitForTimeout(300);
    await page.screenshot({ path: docScreenshot('sla-board.png'), fullPage: true });
    await page.evaluate(() =>
      localStorage.setItem(
        'saksbord.language',
        JSON.stringify({ state: { locale: 'en' }, version: 0 }),
      ),
    );
    await page.reload();
    await expect(page.getByRole('heading', { name: 'SLA board', level: 1 })).toBeVisible();
    await expect(page.getByTestId('compliance-response')).toHaveText('7 of 10 (70 %)');
    await page.waitForTimeout(300);
    await page.screenshot({ path: docScreenshot('sla-board-en.png'), fullPage: true });
  });
});
