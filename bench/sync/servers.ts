/**
 * The two servers of the sync benchmark, both on 127.0.0.1 and both on disk in a temp dir:
 * the real Saksbord server (SQLite) and a PouchDB server (express-pouchdb over PouchDB's
 * LevelDB adapter). Each also serves the browser harness, so the page and its API share one
 * origin (no CORS, no proxy in between).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { CaseRecord } from '@core/case/index';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';
import { actorOf } from '../../src/server/cases/case-rules';
import { type RunningServer, startServer } from '../../src/server/server';
import { createUser } from '../../src/server/users/user-store';
import { type SeedResult, seedCases } from './seed';

export const benchUser = { username: 'bench-agent', password: 'benk-passord-1' };

export interface SaksbordSide {
  server: RunningServer;
  url: string;
  token: string;
  userId: string;
  seed: SeedResult;
}

/**
 * Starts the Saksbord server with `staticDir` as its web root, creates an agent, signs in over
 * HTTP and seeds `cases` cases.
 */
export async function startSaksbord(
  dataDir: string,
  staticDir: string,
  cases: number,
): Promise<SaksbordSide> {
  const server = await startServer({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    options: { staticDir },
  });
  try {
    const user = await createUser(
      server.ctx.db,
      {
        username: benchUser.username,
        displayName: 'Benchmark Agent',
        role: 'agent',
        password: benchUser.password,
      },
      new Date(),
    );
    const res = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...benchUser, deviceId: 'bench-browser' }),
    });
    if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    const seed = await seedCases(server.ctx, actorOf(user), cases);
    return { server, url: server.url, token, userId: user.id, seed };
  } catch (error) {
    await server.close();
    throw error;
  }
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

export interface PouchSide {
  url: string;
  /** The database URL the browser replicates with. */
  dbUrl: string;
  /** The server's own handle on that database. */
  db: BenchPouchDB;
  close(): Promise<void>;
}

/**
 * Starts express-pouchdb (its `minimumForPouchDB` mode: what PouchDB needs to replicate) on a
 * LevelDB directory, serving `staticDir` under `/__bench/` besides, and loads `records` into
 * database `cases` as JSON documents (`_id` = case id).
 */
export async function startPouch(
  dataDir: string,
  staticDir: string,
  records: readonly CaseRecord[],
): Promise<PouchSide> {
  const Prefixed = PouchDB.defaults({ prefix: `${dataDir}/` });
  const app = expressPouchDB(Prefixed, {
    mode: 'minimumForPouchDB',
    logPath: join(dataDir, 'log.txt'),
    configPath: join(dataDir, 'config.json'),
  });
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/__bench/')) {
      const file = normalize(join(staticDir, path));
      if (!file.startsWith(staticDir) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
      return;
    }
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const db = new Prefixed('cases');
  for (let i = 0; i < records.length; i += 1_000) {
    const docs = records.slice(i, i + 1_000).map((r) => ({ _id: r.id, ...r }));
    const results = await db.bulkDocs(docs);
    const failed = results.find((r) => r.error);
    if (failed) throw new Error(`loading PouchDB failed: ${failed.error}`);
  }
  return {
    url,
    dbUrl: `${url}/cases`,
    db,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
