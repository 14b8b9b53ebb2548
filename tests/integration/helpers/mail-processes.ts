/**
 * Saksbord servers as child processes for the outbox's crash and two-process checks (the
 * integration test and `npm run bench -- mail-outbox`): a configuration file whose `mail`
 * points at a mail catcher in the parent, a burst of created cases pushed through sync (each
 * case's requester has an address of their own, so each event causes exactly one mail), and
 * the notification rows read back. No vitest here: the bench imports it too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hashPassword } from '../../../src/server/auth/passwords';
import { migrateToLatest, openDatabase } from '../../../src/server/db/database';
import { createUser } from '../../../src/server/users/user-store';

const root = resolve(import.meta.dirname, '../../..');

export interface Location {
  dataDir: string;
  databaseUrl?: string;
}

export const burstPassword = 'riktig-passord-1';

/** Migrates a fresh database and adds the agent who pushes the burst. */
export async function prepareDatabase(location: Location): Promise<void> {
  const handle = await openDatabase(location);
  try {
    await migrateToLatest(handle);
    await createUser(
      handle.db,
      { username: 'agent', displayName: 'Agent', role: 'agent', password: '' },
      new Date(),
      await hashPassword(burstPassword),
    );
  } finally {
    await handle.close();
  }
}

/** The shipped configuration with `mail` sending to `smtpPort` on loopback. */
export function writeMailConfig(dir: string, smtpPort: number): string {
  const config = JSON.parse(
    readFileSync(join(root, 'resources/config/default-config.json'), 'utf8'),
  );
  config.mail = {
    smtp: { host: '127.0.0.1', port: smtpPort, secure: false },
    from: 'Brukarstøtta <brukarstotte@burst.test>',
    replyTo: 'brukarstotte@burst.test',
  };
  const file = join(dir, 'mail-config.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

export interface SpawnedServer {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

export async function spawnServer(
  location: Location,
  configFile: string,
  env: NodeJS.ProcessEnv = {},
): Promise<SpawnedServer> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (location.databaseUrl) childEnv.DATABASE_URL = location.databaseUrl;
  else delete childEnv.DATABASE_URL;
  delete childEnv.SAKSBORD_MAIL_CATCHER;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/server/cli.ts',
      'serve',
      '--port',
      '0',
      '--data',
      location.dataDir,
      '--config',
      configFile,
    ],
    { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 120 s: ${out}`));
    }, 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return { child, url, exited };
}

export async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: 'agent',
      password: burstPassword,
      deviceId: `burst-${randomUUID()}`,
    }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Pushes `n` created cases (in pushes of `batch`), each with its own requester address. */
export async function pushBurst(
  url: string,
  token: string,
  n: number,
  tag: string,
  batch = 250,
): Promise<void> {
  for (let start = 0; start < n; start += batch) {
    const mutations = [];
    for (let i = start; i < Math.min(n, start + batch); i++) {
      mutations.push({
        mutationId: randomUUID(),
        caseId: randomUUID(),
        baseVersion: 0,
        clientAt: new Date().toISOString(),
        change: {
          type: 'created',
          title: `Burst ${tag} ${i}`,
          description: '',
          priority: 'low',
          priorityAnswers: null,
          channel: 'phone',
          requester: {
            name: `Innmeldar ${i}`,
            municipalityId: 'molde',
            contact: '',
            email: `r${i}-${tag}@burst.test`,
            unit: '',
            userId: null,
          },
          categoryId: null,
          formValues: {},
        },
      });
    }
    const res = await fetch(`${url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ deviceId: 'burst', mutations }),
    });
    if (res.status !== 200) throw new Error(`push failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { results: { status: string }[] };
    const refused = body.results.filter((r) => r.status !== 'applied');
    if (refused.length > 0)
      throw new Error(`push refused ${refused.length}: ${JSON.stringify(refused[0])}`);
  }
}

export interface OutboxRow {
  id: string;
  status: string;
  claimed_by: string | null;
  attempts: number;
}

export async function emailRows(location: Location): Promise<OutboxRow[]> {
  const handle = await openDatabase(location);
  try {
    const rows = await handle.db
      .selectFrom('notifications')
      .select(['id', 'status', 'claimed_by', 'attempts'])
      .where('channel', '=', 'email')
      .execute();
    return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }));
  } finally {
    await handle.close();
  }
}

/** Stops a child: SIGKILL (a crash) or SIGTERM (a clean stop), and waits for it. */
export async function stop(server: SpawnedServer, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await server.exited;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
