import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/server/cli';
import { startServer } from '../../src/server/server';
import { engines } from './helpers/engines';
import { caller } from './helpers/test-server';

const dir = mkdtempSync(join(tmpdir(), 'saksbord-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    const code = await runCli([...args, '--data', dir], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  }
}

describe('saksbord user and db commands (SQLite)', () => {
  it('adds, lists and disables accounts, and backs up a running server', async () => {
    expect((await cli('db', 'migrate')).out).toContain('applied: 001-core');
    expect((await cli('db', 'migrate')).out).toBe('the database is up to date');
    const added = await cli(
      'user',
      'add',
      'Kari',
      '--role',
      'consultant',
      '--name',
      'Kari Nordmann',
      '--municipality',
      'molde,aukra',
    );
    expect(added.code).toBe(0);
    const password = added.out.match(/password: (\S+)/)![1]!;
    expect((await cli('user', 'add', 'kari', '--role', 'agent')).code).toBe(1);
    expect((await cli('user', 'add', 'per', '--role', 'boss')).code).toBe(2);
    expect((await cli('user', 'list')).out).toMatch(/kari\s+consultant\s+molde,aukra\s+active/);

    const server = await startServer({ dataDir: dir, options: { staticDir: null } });
    try {
      const call = caller((req) => fetch(req), server.url);
      const signIn = () =>
        call('POST', '/api/v1/auth/sign-in', { body: { username: 'kari', password } });
      const ok = await signIn();
      expect(ok.status).toBe(200);
      expect(ok.body.user).toMatchObject({
        role: 'consultant',
        municipalityIds: ['molde', 'aukra'],
      });

      const backup = join(dir, 'backup.db');
      expect((await cli('db', 'backup', backup)).code).toBe(0);
      expect(existsSync(backup)).toBe(true);
      const copy = new Database(backup, { readonly: true });
      expect(copy.prepare('select username from users').all()).toEqual([{ username: 'kari' }]);
      copy.close();
      expect((await cli('db', 'backup', backup)).code).toBe(1);

      expect((await cli('user', 'disable', 'kari')).code).toBe(0);
      expect((await call('GET', '/api/v1/auth/me', { token: ok.body.token })).status).toBe(401);
      expect((await signIn()).status).toBe(401);
      expect((await cli('user', 'enable', 'kari')).code).toBe(0);
      expect((await signIn()).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

const postgres = engines.find((e) => e.name === 'postgres')!;

describe.skipIf(!postgres.available || !pgDumpInstalled())(
  'saksbord db backup (PostgreSQL)',
  () => {
    it('dumps the schema named in DATABASE_URL with pg_dump, and refuses to overwrite', async () => {
      const { databaseUrl } = postgres.freshLocation();
      const saved = process.env.DATABASE_URL;
      process.env.DATABASE_URL = databaseUrl;
      const run = async (...args: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli([...args, '--data', dir], {
          out: (t) => out.push(t),
          err: (t) => err.push(t),
        });
        return { code, out: out.join('\n'), err: err.join('\n') };
      };
      try {
        expect((await run('db', 'migrate')).code).toBe(0);
        expect((await run('user', 'add', 'ola', '--role', 'agent')).code).toBe(0);
        const file = join(dir, 'backup-pg.sql');
        const backup = await run('db', 'backup', file);
        expect(backup).toMatchObject({ code: 0, out: `backup written to ${file}` });
        const schema = new URL(databaseUrl!).searchParams.get('schema')!;
        const dump = readFileSync(file, 'utf8');
        expect(dump).toContain(`CREATE TABLE ${schema}.users`);
        expect(dump).toContain(`CREATE TABLE ${schema}.cases`);
        // The row itself (COPY data), not just the table.
        expect(dump).toMatch(/\n[^\n]*\tola\t[^\n]*\n/);
        expect((await run('db', 'backup', file)).code).toBe(1);
      } finally {
        if (saved === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = saved;
      }
    });
  },
);

function pgDumpInstalled(): boolean {
  const found = spawnSync('pg_dump', ['--version']).status === 0;
  if (!found) console.warn('pg_dump is not installed; skipping the PostgreSQL backup test');
  return found;
}
