import { expect, test } from '@playwright/test';
import { apiToken, signIn } from './helpers';

test('active operational notices show beside the banner', async ({ page, request }) => {
  const token = await apiToken(request, 'teamleiar');
  const answer = await request.post('/api/v1/notices', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      title: 'Straumbrot i datasenteret',
      body: 'E-post og fagsystem kan vere ustabile fram til kl. 14.',
      severity: 'warning',
      validFrom: new Date(Date.now() - 60_000).toISOString(),
    },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  await signIn(page);
  const notices = page.getByRole('list', { name: 'Driftsmeldingar' });
  await expect(
    notices.getByTestId('notice').filter({ hasText: 'Straumbrot i datasenteret' }),
  ).toContainText('E-post og fagsystem kan vere ustabile fram til kl. 14.');
});
