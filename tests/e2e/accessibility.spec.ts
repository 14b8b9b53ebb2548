import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { apiToken, createCaseViaApi, signIn } from './helpers';

/** WCAG 2.1 A and AA rules of axe-core on the current page. */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => ({
    url: page.url(),
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

test('sign-in, board, case view and phone intake pass axe (WCAG 2.1 AA)', async ({ page }) => {
  // Four full-page axe runs, one over the demo board: as long as the other multi-page checks.
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Logg inn i Saksbord' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await signIn(page);
  await expect(page.getByTestId('sync-status')).toContainText('Alt er synkronisert');
  expect(await violations(page)).toEqual([]);

  await page
    .getByTestId('column-1-inProgress')
    .getByTestId('case-card')
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByTestId('history')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Ny telefonsak' }).click();
  await page.getByRole('button', { name: 'Finn prioritet med spørsmåla' }).click();
  expect(await violations(page)).toEqual([]);
});

test('every control can be reached from the keyboard with a visible focus', async ({ page }) => {
  await signIn(page);
  await page.reload(); // start from the top of the page, as a keyboard user arriving would
  await expect(page.getByTestId('case-card').first()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Hopp til hovudinnhaldet' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});

/** Switches the workstation's language with its own picker (kept across reloads). */
async function chooseLanguage(page: Page, language: 'nn' | 'nb' | 'en') {
  await page.getByLabel(/^(Språk|Language)$/).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** The team leader's screens: the SLA board, its targets form and the wall. */
async function expectTeamLeaderScreensPass(page: Page) {
  await page.goto('/#/sla');
  await expect(page.getByTestId('figure-slaRisk')).toBeVisible();
  await expect(page.getByTestId('risk-group-atRisk')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.locator('.sla-board__actions button').click();
  await expect(page.getByTestId('sla-settings')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.goto('/#/wall');
  await expect(page.getByTestId('sla-wall')).toBeVisible();
  await expect(page.getByTestId('risk-group-atRisk')).toBeVisible();
  await expect(page.getByTestId('banner')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sla-board')).toBeVisible();
}

for (const language of ['nn', 'nb', 'en'] as const) {
  test(`board, SLA board, SLA targets form and wall pass axe in ${language}`, async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, 'teamleiar');
    await chooseLanguage(page, language);
    await expect(page.getByTestId('case-card').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await expectTeamLeaderScreensPass(page);
  });
}

test("the SLA board's charts take no keyboard focus (they are hidden from screen readers)", async ({
  page,
}) => {
  await signIn(page, 'teamleiar');
  await page.goto('/#/sla');
  await expect(page.locator('.sla-chart svg').first()).toBeVisible();
  const focusable = await page
    .locator('[aria-hidden="true"] :is([tabindex]:not([tabindex="-1"]), a[href], button, input)')
    .count();
  expect(focusable).toBe(0);
});

test('the escalation dialog passes axe', async ({ page }) => {
  await signIn(page);
  await page
    .getByTestId('column-1-new')
    .getByTestId('case-card')
    .first()
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByTestId('history')).toBeVisible();
  await page.getByRole('button', { name: /^Eskaler: 2\. linje/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  // With the error shown, too.
  await page.getByRole('dialog').getByRole('button', { name: 'Eskaler' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the critical alerts pass axe', async ({ page, request }) => {
  await signIn(page);
  await expect(page.getByTestId('sync-status')).toContainText('Alt er synkronisert');
  const token = await apiToken(request, 'agent2');
  const created = await createCaseViaApi(request, token, {
    title: 'Sentralbordet svarar ikkje (axe)',
    priority: 'critical',
  });
  await expect(page.getByTestId('critical-alerts')).toContainText(created.number);
  expect(await violations(page)).toEqual([]);
});

test('on a phone (390 px): board, case view, intake, SLA board, targets form and wall pass axe', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'teamleiar');
  expect(await violations(page)).toEqual([]);

  await page.getByTestId('case-card').first().getByRole('link').first().click();
  await expect(page.getByTestId('history')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.goto('/#/intake');
  await expect(page.getByRole('button', { name: 'Finn prioritet med spørsmåla' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await expectTeamLeaderScreensPass(page);
});
