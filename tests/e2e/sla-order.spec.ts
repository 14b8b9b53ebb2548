/**
 * The SLA order on a busy morning (seeded, offline, at Tuesday 10 March 2026 10:00 Oslo):
 * what can still be saved comes first on the board, the SLA board and the wall; breached
 * cases are a group of their own with their count. And the wall: its banner, the critical
 * cases nobody has acknowledged, no CSV, one 1080p screen, and a way back.
 */
import { expect, type Page, test } from '@playwright/test';
import {
  buildFixture,
  created,
  fixtureHistory,
  fixtureNow,
  type Step,
} from '../../src/core/reports/sla-board-fixtures';
import { seedOfflineStore } from './offline-store-seed';

const dbName = 'saksbord-e2e-sla-order';
const staff = [
  { id: 'u-kari', displayName: 'Kari Nordmann', role: 'consultant', municipalityIds: ['molde'] },
  { id: 'u-per', displayName: 'Per Hansen', role: 'agent', municipalityIds: [] },
  { id: 'u-ola', displayName: 'Ola Vik', role: 'senior', municipalityIds: [] },
  { id: 'u-vakt', displayName: 'Vakthavande', role: 'agent', municipalityIds: [] },
];

/** The fixture plus 40 cases nobody answered since February (all breached for weeks). */
function withOldBreaches(extra: Record<string, Step[]>): Record<string, Step[]> {
  const history: Record<string, Step[]> = { ...fixtureHistory, ...extra };
  for (let i = 0; i < 40; i++) {
    const day = String(2 + (i % 20)).padStart(2, '0');
    history[String.fromCharCode(0x100 + i)] = [
      [`2026-02-${day}T09:00`, created('medium', `Gamal ubesvart sak ${i + 1}`)],
    ];
  }
  return history;
}

async function seed(page: Page, history: Record<string, Step[]>): Promise<void> {
  const { records, events } = buildFixture(history);
  await page.clock.setFixedTime(fixtureNow);
  await page.goto('/');
  await seedOfflineStore(page, {
    dbName,
    staff,
    cases: records.map((r) => ({
      ...r,
      pendingCount: 0,
      provisionalNumber: null,
      rejectedCount: 0,
      server: r,
    })),
    events,
    syncedAt: '2026-03-10T08:59:30.000Z',
  });
}

/** A hash change alone does not reload the page: load it again so the session is restored. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.reload();
}

test('the board puts a new high case with 59 minutes left above 42 breached ones', async ({
  page,
}) => {
  const fresh = 'Ny sak med 59 minutt att';
  await seed(page, withOldBreaches({ N: [['2026-03-10T09:59', created('high', fresh)]] }));
  await open(page, '/#/');
  const column = page.getByTestId('column-1-new');
  const cards = column.getByTestId('case-card');
  await expect(cards.first()).toBeVisible();
  // What can still be saved, soonest deadline first: C (at risk, due 10:15), the new case
  // (due 10:59), J (resolution due today); then the breached ones, the most recent first.
  await expect(cards.nth(0)).toContainText('Fagsystem for barnevern utilgjengeleg');
  await expect(cards.nth(1)).toContainText(fresh);
  await expect(cards.nth(2)).toContainText('Telefoni i rådhuset');
  await expect(cards.nth(3)).toContainText('E-post synkroniserer ikkje');
  await expect(cards.nth(4)).toContainText('Gamal ubesvart sak');
  await expect(page.getByTestId('board-sla-counts')).toHaveText('I faresona: 2 · Brote: 42');
  // Without SLA sorting the counts go, and the order is by priority.
  await page.getByLabel('Sorter etter SLA').uncheck();
  await expect(page.getByTestId('board-sla-counts')).toHaveCount(0);
});

/**
 * Eight more high cases at risk and five critical ones nobody has acknowledged (each case is
 * keyed by one character: its id is made from it).
 */
function busyMorning(): Record<string, Step[]> {
  const extra: Record<string, Step[]> = {};
  for (let i = 0; i < 8; i++) {
    // 46–53 of 60 response minutes used: at risk, due 10:06–10:13.
    extra[String.fromCharCode(0x200 + i)] = [
      [
        `2026-03-10T09:${String(6 + i).padStart(2, '0')}`,
        created('high', `Snart for seint ${i + 1}`),
      ],
    ];
  }
  for (let i = 0; i < 4; i++) {
    extra[String.fromCharCode(0x300 + i)] = [
      [`2026-03-10T09:5${i}`, created('critical', `Kritisk utan svar ${i + 1}`)],
    ];
  }
  // Critical since 09:30: response breached at 09:45.
  extra[String.fromCharCode(0x310)] = [
    ['2026-03-10T09:30', created('critical', 'Kritisk, responstida er brote')],
  ];
  return withOldBreaches(extra);
}

test('the SLA board lists at risk first, breached apart, each with its count', async ({ page }) => {
  await seed(page, busyMorning());
  await open(page, '/#/sla');
  const atRisk = page.getByTestId('risk-group-atRisk');
  const breached = page.getByTestId('risk-group-breached');
  await expect(atRisk.getByRole('heading', { level: 3 })).toHaveText(/I faresona \(10\)/);
  await expect(breached.getByRole('heading', { level: 3 })).toHaveText(/Brote \(43\)/);
  // What can still be saved is at the top of the page, soonest deadline first.
  const first = page.getByTestId('risk-row').first();
  await expect(first).toHaveAttribute('data-status', 'atRisk');
  await expect(first).toContainText('Snart for seint 1');
  await expect(atRisk.getByTestId('risk-row')).toHaveCount(10);
  // Breached: critical first, the most recent breach first (09:45, then B at 07:00).
  await expect(breached.getByTestId('risk-row').nth(0)).toContainText(
    'Kritisk, responstida er brote',
  );
  await expect(breached.getByTestId('risk-row').nth(1)).toContainText('Alarmsentral utan samband');
  await expect(breached.getByTestId('risk-row')).toHaveCount(43);
});

test('the wall: banner, unacknowledged critical cases, both groups, no CSV, one 1080p screen, a way back', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await seed(page, busyMorning());
  await open(page, '/?wall=1');
  const wall = page.getByTestId('sla-wall');
  await expect(wall).toBeVisible();
  await expect(wall.getByTestId('banner')).toContainText('Brukarstøtta er open til 16:00');

  const critical = page.getByTestId('wall-critical');
  await expect(critical.getByRole('heading')).toHaveText(
    /Kritiske saker som ventar på kvittering \(5\)/,
  );
  await expect(critical.getByTestId('wall-critical-row')).toHaveCount(3);
  await expect(critical.getByTestId('wall-critical-row').first()).toContainText(
    'Kritisk utan svar 1',
  );
  await expect(critical).toContainText('… og 2 til');

  await expect(page.getByTestId('risk-group-atRisk').getByTestId('risk-row')).toHaveCount(5);
  await expect(page.getByTestId('risk-group-atRisk')).toContainText('… og 5 til');
  await expect(page.getByTestId('risk-group-breached').getByTestId('risk-row')).toHaveCount(3);
  await expect(page.getByTestId('risk-group-breached')).toContainText('… og 40 til');

  await expect(page.getByRole('button', { name: /CSV/ })).toHaveCount(0);
  const size = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }));
  expect(size.height).toBeLessThanOrEqual(1080);
  expect(size.width).toBeLessThanOrEqual(1920);

  // The way back: a link, and Escape.
  await page.getByRole('link', { name: 'Lukk veggskjermen' }).click();
  await expect(page.getByTestId('sla-board')).toBeVisible();
  await page.getByRole('link', { name: 'Veggskjerm' }).click();
  await expect(wall).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sla-board')).toBeVisible();
});
