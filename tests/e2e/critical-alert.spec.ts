import { expect, test } from '@playwright/test';
import { apiToken, createCaseViaApi, signIn } from './helpers';

test.use({ permissions: ['notifications'] });

test('a critical case from another client raises a notification within a second, until acknowledged', async ({
  page,
  request,
}) => {
  // Observe notifications by wrapping window.Notification before the app loads.
  await page.addInitScript(() => {
    const Real = window.Notification;
    const seen: Array<{ title: string; body: string; at: number }> = [];
    (window as unknown as { __notifications: typeof seen }).__notifications = seen;
    class Observed extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        seen.push({ title, body: options?.body ?? '', at: Date.now() });
      }
    }
    Object.defineProperty(Observed, 'permission', { get: () => Real.permission });
    Observed.requestPermission = Real.requestPermission.bind(Real);
    window.Notification = Observed as typeof Notification;
  });
  await signIn(page);
  // Wait for the live stream before the other client acts.
  await expect(page.getByTestId('sync-status')).toContainText('Alt er synkronisert');
  await page.waitForTimeout(500);

  const token = await apiToken(request, 'agent2');
  const sentAt = Date.now();
  const created = await createCaseViaApi(request, token, {
    title: 'Pasientjournalen er nede på legevakta',
    priority: 'critical',
    municipalityId: 'rauma',
  });
  const notifications = () =>
    page.evaluate(
      (title) =>
        (
          window as unknown as {
            __notifications: Array<{ title: string; body: string; at: number }>;
          }
        ).__notifications.filter((n) => n.title === title),
      `Kritisk sak ${created.number}`,
    );
  await expect.poll(async () => (await notifications()).length, { timeout: 3_000 }).toBe(1);
  const [first] = await notifications();
  expect(first!.at - sentAt).toBeLessThan(1_500);
  expect(first!.body).toContain('Pasientjournalen er nede på legevakta (Rauma kommune)');

  // On screen too, with one button to acknowledge it (records the first response).
  const alerts = page.getByTestId('critical-alerts');
  await expect(alerts).toContainText(created.number);
  await alerts.getByRole('button', { name: `Kvitter ut ${created.number}` }).click();
  await expect(alerts).not.toContainText(created.number);
  await expect
    .poll(async () => {
      const answer = await request.get(`/api/v1/cases/${created.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await answer.json()) as { case: { firstResponseAt: string | null } }).case
        .firstResponseAt;
    })
    .not.toBeNull();
});

test('the alert repeats every five minutes and says when the case is for on-call', async ({
  page,
  request,
}) => {
  // Saturday evening in Oslo: support is closed, on-call takes critical cases.
  await page.clock.install({ time: new Date('2026-11-28T21:00:00+01:00') });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __bodies: string[] }).__bodies = seen;
    const Real = window.Notification;
    class Observed extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        seen.push(`${title}|${options?.body ?? ''}`);
      }
    }
    Object.defineProperty(Observed, 'permission', { get: () => Real.permission });
    window.Notification = Observed as typeof Notification;
  });
  await signIn(page);
  await expect(page.getByTestId('sync-status')).toContainText('Alt er synkronisert');
  const token = await apiToken(request, 'agent3');
  const created = await createCaseViaApi(request, token, {
    title: 'Tryggleiksalarmane sender ikkje varsel',
    priority: 'critical',
  });
  const count = () =>
    page.evaluate(
      (n) =>
        (window as unknown as { __bodies: string[] }).__bodies.filter((b) => b.startsWith(n))
          .length,
      `Kritisk sak ${created.number}|`,
    );
  await expect.poll(count, { timeout: 3_000 }).toBe(1);
  const body = await page.evaluate(() => (window as unknown as { __bodies: string[] }).__bodies);
  expect(body.find((b) => b.includes(created.title))).toContain(
    'Utanfor opningstida: saka er for vakta.',
  );
  await page.clock.runFor(4 * 60_000);
  expect(await count()).toBe(1);
  await page.clock.runFor(61_000);
  await expect.poll(count).toBe(2);
});
