import { expect, test } from '@playwright/test';
import { docScreenshot } from './doc-screenshot';
import { signIn } from './helpers';

// Screenshots for the README (docs/screenshots/ with `npm run screenshots`), from the real app with demo data.
test.use({ viewport: { width: 1600, height: 1000 }, permissions: ['notifications'] });

test('screenshots of the board, a case and phone intake', async ({ page }) => {
  await signIn(page, 'teamleiar');
  await expect(page.getByTestId('sync-status')).toContainText('Alt er synkronisert');
  // The first sync pulls the demo in pages, and the status can say "synced" between two of them:
  // wait for the open queue of the demo (about a third of its 300 cases).
  const shown = async () =>
    Number(
      /(\d+) saker/.exec((await page.locator('.board-toolbar__count').textContent()) ?? '')?.[1],
    );
  await expect.poll(shown, { timeout: 15_000 }).toBeGreaterThan(60);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: docScreenshot('board.png') });

  // A case with some history: the first in progress on line 2.
  await page
    .getByTestId('column-2-inProgress')
    .getByTestId('case-card')
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByTestId('history').locator('li').nth(1)).toBeVisible();
  await page.screenshot({ path: docScreenshot('case.png'), fullPage: true });

  await page.getByRole('link', { name: 'Ny telefonsak' }).click();
  await page.getByRole('button', { name: 'Finn prioritet med spørsmåla' }).click();
  await page.screenshot({ path: docScreenshot('intake.png') });
});
