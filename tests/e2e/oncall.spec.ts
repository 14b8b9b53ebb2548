import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { apiToken, signIn } from './helpers';

test('the team leader keeps the rota in #/vakt; everyone sees on call now and next; WCAG 2.1 AA', async ({
  page,
  request,
}) => {
  const token = await apiToken(request, 'teamleiar');
  const people = await request.get('/api/v1/oncall/rota?days=1', {
    headers: { authorization: `Bearer ${token}` },
  });
  const agent = ((await people.json()) as { people: Array<{ id: string; name: string }> })
    .people[0]!;
  const put = await request.put('/api/v1/oncall/rota/settings', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      rotation: [agent.id],
      anchorDate: '2026-01-05',
      rotateBy: 'week',
      backupFromRotation: true,
    },
  });
  expect(put.status(), await put.text()).toBe(200);

  await signIn(page, 'teamleiar');
  await page.getByRole('navigation').getByRole('link', { name: 'Vakt', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vakt' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'På vakt no og neste' })).toBeVisible();
  const rota = page.getByRole('table', { name: /^Vaktliste frå/ });
  await expect(rota).toBeVisible();
  // Clearing one period's person is a warning for the team leader.
  const first = rota.getByRole('combobox', { name: /^På vakt / }).first();
  await first.selectOption('');
  await expect(page.getByRole('alert').filter({ hasText: 'Ingen på vakt' })).toBeVisible();
  await expect(page.getByLabel('Mobilnummer for SMS')).toBeVisible();
  const result = await new AxeBuilder({ page })
    .include('main')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);

  // The installable on-call page for the phone.
  await page.goto('/vakt/');
  // In the browser's language (nn, nb or en); signed out, only the sign-in form shows.
  await expect(page.getByRole('heading', { level: 1, name: /^(Vakt|On call)$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Logg inn|Sign in)$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Logg ut|Sign out)$/ })).toBeHidden();
  expect(
    (
      await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze()
    ).violations.map((v) => v.id),
  ).toEqual([]);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
    'href',
    '/vakt/manifest.webmanifest',
  );
});
