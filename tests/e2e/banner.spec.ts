import { expect, test } from '@playwright/test';

// The banner is computed from the service calendar in the page, at the page's clock, in
// Europe/Oslo whatever the browser's zone (the config runs the browser in New York).
const cases: Array<[string, string, string[]]> = [
  [
    'support open on a working day',
    '2026-11-24T10:00:00+01:00',
    ['Brukarstøtta er open til 16:00 — ring 70 16 29 99'],
  ],
  [
    'both numbers in the 15:30–16:00 overlap',
    '2026-11-24T15:45:00+01:00',
    [
      'Brukarstøtta er open til 16:00 — ring 70 16 29 99',
      'Vakta er bemanna — berre for kritiske feil — ring 70 16 24 46',
    ],
  ],
  [
    'only on-call in the evening, and when support opens',
    '2026-11-24T20:00:00+01:00',
    [
      'Vakta er bemanna — berre for kritiske feil — ring 70 16 24 46',
      'Brukarstøtta opnar onsdag 08:00',
    ],
  ],
  [
    'on-call all day on a public holiday (Christmas Day, a Friday)',
    '2026-12-25T11:00:00+01:00',
    [
      'Heilagdag: Første juledag',
      'Vakta er bemanna — berre for kritiske feil — ring 70 16 24 46',
      'Brukarstøtta opnar måndag 08:00',
    ],
  ],
];

for (const [name, instant, lines] of cases) {
  test(`banner: ${name}`, async ({ page }) => {
    await page.clock.setFixedTime(new Date(instant));
    await page.goto('/');
    const banner = page.getByTestId('banner');
    for (const line of lines) await expect(banner).toContainText(line);
    await expect(banner.locator('.live-banner__line')).toHaveCount(lines.length);
  });
}

test('banner changes on the minute support closes', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-27T15:59:30+01:00') }); // a Friday
  await page.goto('/');
  const banner = page.getByTestId('banner');
  await expect(banner).toContainText('Brukarstøtta er open til 16:00');
  await page.clock.runFor(31_000);
  await expect(banner).not.toContainText('Brukarstøtta er open');
  await expect(banner).toContainText('Brukarstøtta opnar måndag 08:00');
});
