import { type APIRequestContext, expect, type Page } from '@playwright/test';

/** Demo accounts share this password (src/server/demo). */
export const demoPassword = 'saksbord-demo';

/** Signs in through the form (Nynorsk, the default) and waits for the board. */
export async function signIn(page: Page, username = 'agent1'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Brukarnamn').fill(username);
  await page.getByLabel('Passord').fill(demoPassword);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('heading', { name: /^1\. linje/ })).toBeVisible();
  // The first pull has landed when cards are on the board.
  await expect(page.getByTestId('case-card').first()).toBeVisible({ timeout: 15_000 });
}

/** A bearer token for `username`, as another client would get one. */
export async function apiToken(request: APIRequestContext, username: string): Promise<string> {
  const answer = await request.post('/api/v1/auth/sign-in', {
    data: { username, password: demoPassword, deviceId: `e2e-${username}` },
  });
  expect(answer.ok()).toBe(true);
  return ((await answer.json()) as { token: string }).token;
}

export interface CreatedCase {
  id: string;
  number: string;
  title: string;
}

/** Registers a case through the REST API (another client than the page). */
export async function createCaseViaApi(
  request: APIRequestContext,
  token: string,
  fields: {
    title: string;
    priority: 'critical' | 'high' | 'medium' | 'low';
    municipalityId?: string;
  },
): Promise<CreatedCase> {
  const answer = await request.post('/api/v1/cases', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      title: fields.title,
      description: 'Registrert av e2e-testen',
      priority: fields.priority,
      channel: 'phone',
      requester: { name: 'Test Testesen', municipalityId: fields.municipalityId ?? 'molde' },
    },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  const body = (await answer.json()) as { case: CreatedCase };
  return body.case;
}

/** The board card of a case, found by its number through the free-text filter. */
export async function findCard(page: Page, text: string) {
  await page.getByTestId('filter-text').fill(text);
  const card = page.getByTestId('case-card').filter({ hasText: text });
  await expect(card).toHaveCount(1);
  return card;
}

/** dnd-kit's screen-reader live region: what a keyboard drag announces. */
export function dragAnnouncements(page: Page) {
  return page.locator('[id^="DndLiveRegion"]');
}

/**
 * Moves a card from the keyboard: Space picks it up, the arrow keys move it, Space drops it.
 * Waits for each announcement, as a screen-reader user would hear it.
 */
export async function keyboardMove(
  page: Page,
  card: ReturnType<Page['locator']>,
  keys: string[],
  target: string,
): Promise<void> {
  await card.getByRole('link').focus();
  await page.keyboard.press('Space');
  await expect(dragAnnouncements(page)).toContainText('er over');
  for (const key of keys) {
    // A key pressed before dnd-kit has measured the columns moves nothing and announces
    // nothing; like a user who hears no change, press it again.
    const before = await dragAnnouncements(page).textContent();
    await expect(async () => {
      if ((await dragAnnouncements(page).textContent()) === before) await page.keyboard.press(key);
      await expect(dragAnnouncements(page)).not.toHaveText(before ?? '', { timeout: 1_000 });
    }).toPass({ timeout: 7_000 });
  }
  await expect(dragAnnouncements(page)).toContainText(`er over ${target}`);
  await page.keyboard.press('Space');
}

/** Drags a card with the mouse onto a column (small steps, as dnd-kit needs real moves). */
/** An element's box once it has stayed put for 200 ms (layout settled). */
async function stableBox(locator: ReturnType<Page['locator']>) {
  let last = '';
  let box: Awaited<ReturnType<typeof locator.boundingBox>> = null;
  await expect
    .poll(
      async () => {
        box = await locator.boundingBox();
        const now = JSON.stringify(box);
        const settled = box !== null && now === last;
        last = now;
        return settled;
      },
      { intervals: [200], timeout: 10_000 },
    )
    .toBe(true);
  return box!;
}

export async function mouseDrag(
  page: Page,
  card: ReturnType<Page['locator']>,
  column: ReturnType<Page['locator']>,
): Promise<void> {
  // The critical-alert strip appearing above the board after sign-in pushes it down; a press
  // measured before lands on the heading and picks nothing up. So the boxes are measured once
  // the page has stopped moving, and a press that did not pick the card up is made again.
  for (let attempt = 1; ; attempt++) {
    const from = await stableBox(card);
    await page.mouse.move(from.x + 20, from.y + 10);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 30, { steps: 5 });
    // While it is dragged, the card is shown twice (in place and in the drag overlay).
    const pickedUp = await expect(page.locator('.card--dragging').first())
      .toBeVisible({ timeout: 1_000 })
      .then(() => true)
      .catch(() => false);
    if (pickedUp || attempt === 3) break;
    await page.mouse.up();
    await page.keyboard.press('Escape');
  }
  const to = await stableBox(column);
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 10 });
  await page.mouse.up();
}

/** Opens a case from the board: its card found by number, then the title link. */
export async function openCaseFromBoard(page: Page, number: string) {
  const card = await findCard(page, number);
  await card.getByRole('link', { name: new RegExp(number) }).click();
  const view = page.getByTestId('case-view');
  await expect(view.getByRole('heading', { level: 1 })).toContainText(number);
  return view;
}

/**
 * Runs the phone intake's priority wizard to its suggestion: yes to the questions that match
 * `yes`, no to the rest, and in a choice question the option that matches `choose` (else the
 * first). Returns the wizard, its "Forslag: …" shown and not applied.
 */
export async function runPriorityWizard(page: Page, yes: RegExp, choose?: RegExp) {
  await page.getByRole('button', { name: 'Finn prioritet med spørsmåla' }).click();
  const wizard = page.getByTestId('priority-wizard');
  for (let i = 0; i < 8 && (await wizard.getByTestId('wizard-result').count()) === 0; i++) {
    const heading = wizard.getByRole('heading');
    await expect(heading).toBeVisible();
    const question = (await heading.textContent()) ?? '';
    const options = wizard.getByRole('button', {
      name: yes.test(question) ? 'Ja' : 'Nei',
      exact: true,
    });
    const chosen = choose ? wizard.getByRole('button', { name: choose }) : null;
    if ((await options.count()) > 0) await options.click();
    else if (chosen && (await chosen.count()) > 0) await chosen.click();
    else await wizard.getByRole('button').first().click();
    // The next question (or the suggestion, in the same heading) replaces this one first.
    await expect(heading).not.toHaveText(question);
  }
  return wizard;
}
