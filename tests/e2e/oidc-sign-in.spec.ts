/**
 * Issue 12: "Logg inn med kommunen din" through a real OpenID provider's own login pages
 * (oidc-provider on loopback, the demo's users), for the portal and the workstation in web
 * mode. This spec runs its own Saksbord server (configured with the provider) beside the
 * suite's shared one, so the other specs keep a sign-in page without single sign-on.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, type Page, test } from '@playwright/test';
import {
  demoOidcClient,
  demoOidcSecretEnv,
  demoOidcServiceConfig,
} from '../../src/server/demo/demo-oidc-config';
import {
  demoOidcUsers,
  type RunningOidcProvider,
  startOidcProvider,
} from '../../src/server/demo/demo-oidc-provider';
import { expectNoAxeViolations } from './portal-helpers';

const port = Number(process.env.SAKSBORD_E2E_OIDC_PORT ?? 4397);
const origin = `http://127.0.0.1:${port}`;
const providerButton = 'Logg inn med Demo-innlogging (Molde og Aukra)';

let provider: RunningOidcProvider;
let server: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const secret = randomBytes(16).toString('hex');
  provider = await startOidcProvider({
    users: demoOidcUsers,
    clients: [demoOidcClient([origin], secret)],
  });
  const dir = mkdtempSync(join(tmpdir(), 'saksbord-e2e-oidc-'));
  const config = join(dir, 'config.json');
  const configured = demoOidcServiceConfig(provider.issuer);
  // A second provider that does not answer (nothing listens on port 9).
  configured.identityProviders = [
    ...(configured.identityProviders ?? []),
    {
      id: 'rauma',
      name: 'Rauma kommune',
      issuer: 'http://127.0.0.1:9',
      clientId: 'saksbord',
      clientSecretEnv: demoOidcSecretEnv,
      municipalities: ['rauma'],
    },
  ];
  writeFileSync(config, JSON.stringify(configured));
  server = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/server/cli.ts',
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--data',
      dir,
      '--config',
      config,
    ],
    { env: { ...process.env, [demoOidcSecretEnv]: secret }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the server stopped (exit ${code})`)));
    createInterface({ input: server.stdout! }).on('line', (line) => {
      if (line.includes('listening on')) resolve();
    });
  });
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await provider?.close();
});

/** The provider's own login page: its login name field, any password, its button. */
async function signInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('demo');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

test('portal: pick the municipality, sign in at its provider, come back signed in', async ({
  page,
}) => {
  await page.goto(`${origin}/portal/`);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Logg inn med kommunen din' }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'the portal sign-in page with single sign-on');
  await page.getByLabel('Kommunen din', { exact: true }).selectOption({ label: 'Aukra kommune' });
  await page.getByRole('button', { name: 'Logg inn med kommunen din' }).click();

  await signInAtProvider(page, 'olav.aukra');

  await expect(page.getByRole('heading', { level: 1, name: 'Brukarstøtte' })).toBeVisible();
  await expect(page.getByText('Innlogga som Olav Eide')).toBeVisible();
  // The one-time code is gone from the address.
  expect(new URL(page.url()).search).toBe('');

  await page.getByRole('button', { name: 'Logg ut' }).click();
  // Signed out here; the provider's own sign-out is offered, and the municipality remembered.
  await expect(
    page.getByRole('link', { name: 'Logg ut hos Demo-innlogging (Molde og Aukra) òg' }),
  ).toBeVisible();
  await expect(page.getByLabel('Kommunen din', { exact: true })).toHaveValue('aukra');
  await page.getByRole('link', { name: 'Logg ut hos Demo-innlogging (Molde og Aukra) òg' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/session/end`));
});

test('portal: a provider that does not answer is named on the sign-in page; passwords still work', async ({
  page,
}) => {
  await page.goto(`${origin}/portal/`);
  await page.getByLabel('Kommunen din', { exact: true }).selectOption({ label: 'Rauma kommune' });
  await page.getByRole('button', { name: 'Logg inn med kommunen din' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Innlogginga til kommunen svarar ikkje no. Prøv igjen om litt, eller logg inn med brukarnamn og passord.',
  );
  await expect(page).toHaveURL(`${origin}/portal/`);
  await page.getByLabel('Brukarnamn').fill('ingen');
  await page.getByLabel('Passord').fill('feil-passord');
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Feil brukarnamn eller passord.');
});

test('workstation in a browser: a line-1 agent signs in through the provider by redirect', async ({
  page,
}) => {
  await page.goto(`${origin}/`);
  await expect(page.getByRole('button', { name: providerButton })).toBeVisible();
  await expectNoAxeViolations(page, 'the workstation sign-in screen with single sign-on');
  await page.getByRole('button', { name: providerButton }).click();

  await signInAtProvider(page, 'per.molde');

  // Back in the workstation as the agent the groups claim made (created at this first sign-in).
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Per Brekke').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '1. linje – Brukarstøtta' })).toBeVisible();
  // The session is kept like a password sign-in's: a reload needs no new sign-in.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
});
