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
