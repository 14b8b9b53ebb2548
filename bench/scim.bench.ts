/**
 * SCIM provisioning figures (issue 12): a provider's first cycle creates every user, then
 * looks each one up by its matching attribute on every later cycle. Times the store's create
 * (one user per transaction, with its audit entry, as the HTTP route does) and the lookups
 * Entra ID sends (`userName eq`, `externalId eq`) at 3,000 users, on SQLite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultServiceConfig } from '@core/config';
import { identityProviderSchema } from '@core/config/identity-provider';
import { parseScimFilter } from '../src/server/scim/scim-filter';
import { createScimUser, findScimUsers } from '../src/server/scim/scim-store';
import { closeServerContext, createServerContext } from '../src/server/server';
import type { BenchResult } from './run-all';

const users = 3_000;
const lookups = 50;

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'saksbord-scim-bench-'));
  const provider = identityProviderSchema.parse({
    id: 'bench',
    name: 'Bench kommune',
    issuer: 'https://login.example.test',
    clientId: 'bench',
    clientSecretEnv: 'BENCH_SECRET',
    municipalities: ['molde'],
  });
  const ctx = await createServerContext({ dataDir: dir, config: defaultServiceConfig });
  const scope = { provider, base: 'http://127.0.0.1/scim/v2' };
  try {
    let started = performance.now();
    for (let i = 0; i < users; i++) {
      await ctx.db.transaction().execute((trx) =>
        createScimUser(
          trx,
          scope,
          {
            schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
            userName: `person${i}@molde.kommune.no`,
            externalId: `object-${i}`,
            name: { givenName: 'Kari', familyName: `Nordmann ${i}` },
            emails: [{ value: `person${i}@molde.kommune.no`, type: 'work', primary: true }],
          },
          new Date(),
        ),
      );
    }
    const create = (performance.now() - started) / users;
    const lookup = async (filter: string) => {
      const parsed = (i: number) =>
        parseScimFilter(filter.replace('{i}', String((i * 37) % users)));
      started = performance.now();
      for (let i = 0; i < lookups; i++) await findScimUsers(ctx.db, scope, parsed(i));
      return (performance.now() - started) / lookups;
    };
    const byUserName = await lookup('userName eq "person{i}@molde.kommune.no"');
    const byExternalId = await lookup('externalId eq "object-{i}"');
    return [
      { name: 'SCIM create user (SQLite, audited)', value: create, unit: 'ms' },
      { name: `SCIM userName eq, ${users} users (SQLite)`, value: byUserName, unit: 'ms' },
      { name: `SCIM externalId eq, ${users} users (SQLite)`, value: byExternalId, unit: 'ms' },
    ];
  } finally {
    await closeServerContext(ctx);
    rmSync(dir, { recursive: true, force: true });
  }
}
