/**
 * Sync in Chromium, side by side with PouchDB (issue 4, "Figures"):
 * (a) initial sync of 50,000 cases into an empty IndexedDB (target ≤ 10 s) and
 * (b) 1,000 edits made offline, pushed after reconnecting (target ≤ 3 s).
 *
 * Saksbord: the real server (SQLite, on disk) on 127.0.0.1 with 50,000 cases, and in the
 * page the real renderer store and sync engine over the HTTP transport. (a) ends when the
 * local cursor reaches the server's newest sequence; (b) when the outbox is empty: every
 * mutation acknowledged and its event pulled back (one `syncNow`, as after a reconnect).
 * PouchDB: express-pouchdb (LevelDB, on disk) on 127.0.0.1 with the same case records as JSON
 * documents; in the page pouchdb-browser (IndexedDB adapter) replicates them in, then pushes
 * 1,000 local document edits (from the local sequence before the edits, as a live `sync`).
 * Both in one Chromium (a persistent profile: IndexedDB on disk), one after the other. Ratios are Saksbord ÷ PouchDB (below 1: faster).
 *
 * Environment: SAKSBORD_BENCH_CASES (default 50000) and SAKSBORD_BENCH_MUTATIONS (default
 * 1000) scale it down for a quick run; SAKSBORD_BENCH_POUCH_BATCH sets PouchDB's batch_size
 * (default: PouchDB's own, 100); SAKSBORD_BENCH_PROFILE=1 first times each step of pulling
 * and applying a page (fetch, JSON, schema, Dexie and raw IndexedDB writes).
 * The Saksbord server commits every mutation on its own with synchronous=FULL; LevelDB under
 * express-pouchdb does not sync to disk on write, which favours PouchDB in (b).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { headSeq } from '../src/server/db/write-lock';
import { chromiumPath } from './browser';
import type { BenchResult } from './run-all';
import { buildHarness } from './sync/build-harness';
import type { SyncBenchApi } from './sync/protocol';
import { type PouchSide, type SaksbordSide, startPouch, startSaksbord } from './sync/servers';

const CASES = Number(process.env.SAKSBORD_BENCH_CASES ?? 50_000);
const MUTATIONS = Math.min(Number(process.env.SAKSBORD_BENCH_MUTATIONS ?? 1_000), CASES);

const log = (message: string) => console.error(`  sync: ${message}`);
const seconds = (ms: number) => ms / 1000;
const fmt = (n: number) => n.toLocaleString('en');

/** Calls one harness function in the page. */
function call<K extends keyof SyncBenchApi>(
  page: Page,
  name: K,
  args: Parameters<SyncBenchApi[K]>[0],
): Promise<Awaited<ReturnType<SyncBenchApi[K]>>> {
  return page.evaluate(
    ([n, a]) =>
      (globalThis as unknown as { syncBench: Record<string, (x: unknown) => Promise<unknown>> })
        .syncBench[n]!(a),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<SyncBenchApi[K]>>>;
}

async function openHarness(page: Page, origin: string): Promise<void> {
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  await page.goto(`${origin}/__bench/index.html`);
  await page.waitForFunction(() => document.title === 'sync bench ready');
}

export async function run(): Promise<BenchResult[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'saksbord-sync-bench-'));
  const webRoot = join(tmp, 'web');
  let saksbord: SaksbordSide | undefined;
  let pouch: PouchSide | undefined;
  let context: BrowserContext | undefined;
  try {
    let t = performance.now();
    await buildHarness(webRoot);
    log(`harness built in ${Math.round(performance.now() - t)} ms`);

    t = performance.now();
    saksbord = await startSaksbord(join(tmp, 'saksbord'), webRoot, CASES);
    const head = await headSeq(saksbord.server.ctx.db);
    log(
      `Saksbord server ${saksbord.url}: ${fmt(saksbord.seed.records.length)} cases seeded ` +
        `(${saksbord.seed.viaMutationPath} via applyMutation, the rest in bulk), head ${head}, ` +
        `${Math.round(performance.now() - t)} ms`,
    );

    t = performance.now();
    mkdirSync(join(tmp, 'pouch'));
    pouch = await startPouch(join(tmp, 'pouch'), webRoot, saksbord.seed.records);
    const pouchInfo = await pouch.db.info();
    log(
      `PouchDB server ${pouch.url}: ${fmt(pouchInfo.doc_count)} documents loaded, ` +
        `${Math.round(performance.now() - t)} ms`,
    );

    // A persistent profile, as the desktop app has: IndexedDB on disk (a fresh incognito-like
    // context would keep it in memory).
    context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });

    // Saksbord
    const sPage = await context.newPage();
    await openHarness(sPage, saksbord.url);
    if (process.env.SAKSBORD_BENCH_PROFILE) {
      const steps = await call(sPage, 'saksbordProfile', {
        token: saksbord.token,
        pages: Math.ceil(CASES / 1_000),
      });
      log(
        `profile (ms, all pages): ${Object.entries(steps)
          .map(([k, v]) => `${k} ${Math.round(v)}`)
          .join(', ')}`,
      );
    }
    const sInitial = await call(sPage, 'saksbordInitial', { token: saksbord.token, head });
    log(
      `Saksbord initial sync: ${seconds(sInitial.ms).toFixed(2)} s, ${fmt(sInitial.cases)} cases, ` +
        `${fmt(sInitial.events)} events, ${sInitial.pages} pages; pull requests ` +
        `${seconds(sInitial.pullMs).toFixed(2)} s in all (the next page is fetched while one is written)`,
    );
    const avg = (xs: number[]) =>
      Math.round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));
    log(
      `Saksbord page cycle (ms): first 5 pages ${avg(sInitial.pageMs.slice(0, 5))} on average, ` +
        `last 5 ${avg(sInitial.pageMs.slice(-5))}; all: ${sInitial.pageMs.join(' ')}`,
    );
    if (sInitial.cases !== CASES) throw new Error(`${sInitial.cases} cases synced, not ${CASES}`);
    const sOffline = await call(sPage, 'saksbordOffline', {
      count: MUTATIONS,
      userId: saksbord.userId,
    });
    const headAfter = await headSeq(saksbord.server.ctx.db);
    log(
      `Saksbord ${MUTATIONS} offline edits (made in ${seconds(sOffline.editMs).toFixed(2)} s) ` +
        `synced in ${seconds(sOffline.ms).toFixed(2)} s: push ${seconds(sOffline.pushMs ?? 0).toFixed(2)} s, ` +
        `pull ${seconds(sOffline.pullMs ?? 0).toFixed(2)} s; outbox left ${sOffline.left}, ` +
        `rejected ${sOffline.rejected}, conflicts ${sOffline.conflicts}, server head +${headAfter - head}`,
    );
    log(`Saksbord offline sync timeline (ms): ${sOffline.timeline}`);
    if (sOffline.left !== 0 || headAfter - head !== MUTATIONS) {
      throw new Error('Saksbord: not every offline edit reached the server');
    }
    await sPage.close();

    // PouchDB
    const pPage = await context.newPage();
    await openHarness(pPage, pouch.url);
    const pInitial = await call(pPage, 'pouchInitial', {
      remote: pouch.dbUrl,
      ...(process.env.SAKSBORD_BENCH_POUCH_BATCH
        ? { batchSize: Number(process.env.SAKSBORD_BENCH_POUCH_BATCH) }
        : {}),
    });
    log(
      `PouchDB initial replication: ${seconds(pInitial.ms).toFixed(2)} s, ` +
        `${fmt(pInitial.docs)} documents`,
    );
    if (pInitial.docs !== CASES) throw new Error(`${pInitial.docs} documents, not ${CASES}`);
    const pOffline = await call(pPage, 'pouchOffline', { count: MUTATIONS, remote: pouch.dbUrl });
    log(
      `PouchDB ${MUTATIONS} offline edits (made in ${seconds(pOffline.editMs).toFixed(2)} s) ` +
        `replicated in ${seconds(pOffline.ms).toFixed(2)} s, ${pOffline.written} written`,
    );
    if (pOffline.written !== MUTATIONS) throw new Error('PouchDB: not every edit was written');
    await pPage.close();

    const load = loadavg()[1]!.toFixed(1);
    log(`load average (5 min) at the end: ${load} on this machine's cores`);
    const n = fmt(CASES);
    const m = fmt(MUTATIONS);
    const initialTarget = CASES === 50_000 ? '≤ 10 s' : undefined;
    const pushTarget = MUTATIONS === 1_000 ? '≤ 3 s' : undefined;
    return [
      {
        name: `sync: Saksbord initial sync, ${n} cases`,
        value: seconds(sInitial.ms),
        unit: 's',
        target: initialTarget,
        note: `${sInitial.pages} pages; pull requests ${seconds(sInitial.pullMs).toFixed(1)} s in all, overlapping the IndexedDB writes`,
      },
      {
        name: `sync: PouchDB initial replication, ${n} docs`,
        value: seconds(pInitial.ms),
        unit: 's',
        note: 'pouchdb-browser (IndexedDB) from express-pouchdb (LevelDB), default batch size',
      },
      {
        name: 'sync: initial sync ratio Saksbord/PouchDB',
        value: sInitial.ms / pInitial.ms,
        unit: '×',
        note: `below 1: Saksbord faster; load average ${load}`,
      },
      {
        name: `sync: Saksbord ${m} offline edits pushed`,
        value: seconds(sOffline.ms),
        unit: 's',
        target: pushTarget,
        note: `until the outbox is empty (pushed, acknowledged, pulled back); push ${seconds(sOffline.pushMs ?? 0).toFixed(1)} s, pull ${seconds(sOffline.pullMs ?? 0).toFixed(1)} s`,
      },
      {
        name: `sync: PouchDB ${m} offline edits replicated`,
        value: seconds(pOffline.ms),
        unit: 's',
        note: 'replicate.to from the local sequence before the edits (as a live sync would)',
      },
      {
        name: 'sync: offline push ratio Saksbord/PouchDB',
        value: sOffline.ms / pOffline.ms,
        unit: '×',
        note: `below 1: Saksbord faster; load average ${load}`,
      },
    ];
  } finally {
    await context?.close();
    await pouch?.close();
    await saksbord?.server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
