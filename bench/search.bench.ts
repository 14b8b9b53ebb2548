/**
 * Search figures (issue 16): server full-text search over 1,000,000 cases on PostgreSQL and
 * 200,000 on SQLite (each case with 3 comments, one of them internal), and the offline search
 * in Chromium over 50,000 local cases, keystroke to repaint. Bulk figures are added by
 * `bench/bulk` parts when present.
 *
 * The cases are generated in bulk (PostgreSQL: `generate_series` in SQL, in a schema of its
 * own, dropped afterwards; SQLite: one transaction of prepared inserts), from a vocabulary
 * whose index terms come from core (`indexText`), so the index holds exactly what the write
 * path would write. The GIN index (PostgreSQL) and the FTS5 rows (SQLite) are built after the
 * rows, and that build is timed. Queries are typical one- and two-word searches of a line-1
 * morning, through the server's own `searchCases` (ranked, snippets, total).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseSearchQuery } from '@core/api';
import { applyChange, type CaseRecord, caseChangeSchema } from '@core/case';
import { defaultServiceConfig } from '@core/config';
import { indexText } from '@core/search';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { rebuildLocalCase } from '../src/renderer/src/db/case-rebase';
import type { CaseActor } from '../src/server/cases/case-rules';
import { migrateToLatest, openDatabase } from '../src/server/db/database';
import { seedDemo } from '../src/server/demo/demo-seed';
import { searchCases } from '../src/server/search/case-search-query';
import type { ServerContext } from '../src/server/server-context';
import { benchPage, withAppInBrowser } from './browser';
import { bulkEscalateFigures } from './bulk-escalate';
import type { BenchResult } from './run-all';

const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// Vocabulary: Nynorsk and Bokmål forms, as agents and requesters write.
const subjects = [
  'Skrivaren', 'Skriveren', 'Printaren', 'Skjermen', 'PC-en', 'Telefonen', 'VPN', 'Visma',
  'E-posten', 'Passordet', 'Nettverket', 'Tastaturet', 'Musa', 'Teams', 'Outlook', 'Fagsystemet',
  'Serveren', 'Fellesområdet', 'Kopimaskina', 'Skannaren', 'Nettbrettet', 'Mobilen', 'Wifi',
  'Headsettet', 'Dokkingstasjonen', 'Kalenderen', 'Journalsystemet', 'Gerica', 'Profil',
  'Acos', 'Elements', 'Brannmuren', 'Lisensen', 'Brukarkontoen', 'Brukerkontoen', 'Mappa',
  'Kameraet', 'Projektoren', 'Lydkortet', 'Oppdateringa',
]; // biome-ignore format: a word list
const places = [
  'rådhuset', 'legekontoret', 'skulen', 'barnehagen', 'sjukeheimen', 'heimetenesta',
  'biblioteket', 'servicetorget', 'teknisk etat', 'NAV-kontoret', 'kulturhuset', 'helsestasjonen',
  'brannstasjonen', 'ungdomsskolen', 'barneskulen', 'omsorgssenteret', 'PPT', 'barnevernet',
  'heimekontoret', 'kommunehuset', 'hamnekontoret', 'musikkskulen', 'symjehallen', 'lageret',
  'sentralbordet',
]; // biome-ignore format: a word list
const problems = [
  'skriv ikkje ut', 'er treg', 'fell ut heile tida', 'startar ikkje', 'manglar tilgang',
  'viser feilmelding', 'heng seg opp', 'får ikkje logga inn', 'er frakoblet', 'svarer ikke',
  'krev nytt passord', 'er låst', 'blinkar raudt', 'synkroniserer ikkje', 'har ingen lyd',
  'finn ikkje nettverket', 'må installerast på nytt', 'er full', 'vert ikkje funnen', 'er nede',
]; // biome-ignore format: a word list
const descriptions = Array.from(
  { length: 30 },
  (_, i) =>
    `${['Brukaren', 'Brukeren', 'Innmeldar', 'Leiaren'][i % 4]} melder at ${problems[(i * 7) % 20]} sidan ${['i går', 'i morgon tidleg', 'måndag', 'lunsj', 'oppdateringa'][i % 5]}. ${['Prøvd omstart utan hell.', 'Gjeld fleire tilsette.', 'Haster før møte.', 'Feilkode 0x8004'.concat(String(i)), 'Same feil som før.'][i % 5]}`,
);
const comments = Array.from(
  { length: 50 },
  (_, i) =>
    `${['Ringde innmeldar', 'Sjekka loggen', 'Fjernstyrte maskina', 'Bytta kabel', 'Venter på leverandør', 'Prøvde ny driver'][i % 6]}: ${subjects[(i * 3) % subjects.length]} ${problems[(i * 11) % 20]} ${['framleis', 'no løyst', 'delvis', 'etter omstart', 'på mandag'][i % 5]}`,
);
const names = Array.from(
  { length: 200 },
  (_, i) =>
    `${['Kari', 'Ola', 'Per', 'Anne', 'Ingrid', 'Lars', 'Siri', 'Knut', 'Marit', 'Jon'][i % 10]} ${['Nordmann', 'Hansen', 'Olsen', 'Berg', 'Dahl', 'Lie', 'Moen', 'Vik', 'Aas', 'Strand', 'Haugen', 'Bakke', 'Eide', 'Solberg', 'Lund', 'Sæther', 'Røed', 'Holm', 'Myhre', 'Tangen'][Math.floor(i / 10)]}`,
);
const municipalities = ['molde', 'aukra', 'hustadvika', 'rauma', 'vestnes', 'gjemnes'];
const statuses = ['new', 'inProgress', 'waiting', 'resolved', 'closed'];
const prioritiesList = ['critical', 'high', 'medium', 'medium', 'low', 'low'];

/** Typical one- and two-word searches (with the Nynorsk/Bokmål mix people type). */
const queries = [
  'skrivar',
  'skrivarane ',
  'vpn',
  'passord',
  'outlook treg',
  'teams lyd',
  'visma tilgang',
  'skjerm heimekontor',
  'rådhuset skrivar',
  'radhuset printer',
  'brannmur',
  'kari hansen',
  'gerica',
  'e-post',
  'journalsystem nede',
  'legekontor',
];

const idx = (texts: readonly string[]) => texts.map((t) => indexText(t));

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const agent: CaseActor = {
  id: 'bench-agent',
  role: 'agent',
  municipalityIds: [],
  displayName: 'Bench',
};

function searchQuery(q: string): CaseSearchQuery {
  return { q, limit: 25, offset: 0 };
}

async function timeQueries(
  ctx: ServerContext,
  rounds: number,
): Promise<{ times: number[]; hits: number[] }> {
  const times: number[] = [];
  const hits: number[] = [];
  for (const q of queries) await searchCases(ctx, agent, searchQuery(q)); // warm the cache
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      const result = await searchCases(ctx, agent, searchQuery(q));
      times.push(performance.now() - t0);
      if (r === 0) hits.push(result.total);
    }
  }
  return { times, hits };
}

function benchContext(handle: Awaited<ReturnType<typeof openDatabase>>): ServerContext {
  return {
    handle,
    db: handle.db,
    config: defaultServiceConfig,
    now: () => new Date(),
  } as unknown as ServerContext;
}

/** Case i's texts, as the generated rows hold them (raw and as index terms). */
const titleOf = (i: number) =>
  `${subjects[i % 40]} på ${places[Math.floor(i / 40) % 25]} ${problems[Math.floor(i / 1000) % 20]}`;

async function postgresFigures(count: number): Promise<BenchResult[]> {
  const probe = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2_000 });
  try {
    await probe.connect();
  } catch {
    return [
      {
        name: 'search postgresql 1m p95',
        value: Number.NaN,
        unit: 'ms',
        note: 'PostgreSQL unreachable: skipped',
      },
    ];
  } finally {
    await probe.end().catch(() => {});
  }
  const schema = `bench_search_${process.pid}`;
  const url = new URL(postgresUrl);
  url.searchParams.set('schema', schema);
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  const client = new pg.Client(handle.pg!.config);
  await client.connect();
  try {
    await migrateToLatest(handle);
    await client.query('drop index case_search_terms');
    const params = [
      subjects, idx(subjects), places, idx(places), problems, idx(problems),
      descriptions, idx(descriptions), comments, idx(comments), names, idx(names),
      municipalities, statuses, prioritiesList, count,
    ]; // biome-ignore format: one parameter list
    const loaded0 = performance.now();
    // One statement per table, each row computed from i by generate_series.
    const rows = `
      with v as (select $1::text[] s, $2::text[] si, $3::text[] p, $4::text[] pi, $5::text[] pr,
        $6::text[] pri, $7::text[] d, $8::text[] di, $9::text[] c, $10::text[] ci, $11::text[] n,
        $12::text[] ni, $13::text[] m, $14::text[] st, $15::text[] prio),
      g as (select i, v.*,
        1 + i % 40 a, 1 + (i / 40) % 25 b, 1 + (i / 1000) % 20 e, 1 + (i * 7) % 30 dd,
        1 + (i * 13) % 50 c1, 1 + (i * 17 + 5) % 50 c2, 1 + (i * 19 + 11) % 50 c3, 1 + (i * 31) % 200 nn
        from v, generate_series(1, $16::int) i)`;
    await client.query(
      `${rows}
      insert into cases (id, number, line, status, priority, municipality_id, assignee_id,
        requester_user_id, created_by, version, updated_at, search_text, record)
      select md5(i::text)::uuid::text, '2026-' || lpad(i::text, 7, '0'), 1 + i % 3, st[1 + i % 5],
        prio[1 + i % 6], m[1 + i % 6], null, null, 'bench', i,
        to_char(timestamp '2026-01-01' + (i || ' seconds')::interval * 25, 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'),
        '',
        json_build_object('id', md5(i::text)::uuid::text, 'number', '2026-' || lpad(i::text, 7, '0'),
          'title', s[a] || ' på ' || p[b] || ' ' || pr[e], 'description', d[dd],
          'status', st[1 + i % 5], 'waitingReason', null, 'priority', prio[1 + i % 6],
          'priorityAnswers', null, 'line', 1 + i % 3, 'channel', 'phone',
          'requester', json_build_object('name', n[nn], 'contact', '', 'municipalityId', m[1 + i % 6], 'unit', p[b], 'userId', null),
          'categoryId', null, 'formValues', json_build_object(), 'assigneeId', null,
          'linkedCaseIds', json_build_array(), 'mergedIntoId', null,
          'createdAt', '2026-01-01T00:00:00.000Z', 'createdBy', 'bench',
          'updatedAt', to_char(timestamp '2026-01-01' + (i || ' seconds')::interval * 25, 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'),
          'firstResponseAt', null, 'resolvedAt', null, 'version', i, 'fieldVersions', json_build_object(),
          'slaTimeline', json_build_array())::text
      from g`,
      params,
    );
    await client.query(
      `${rows}
      insert into case_search (case_id, category_id, created_at, comments, internal_comments, attachments, terms)
      select md5(i::text)::uuid::text, null, '2026-01-01T00:00:00.000Z',
        json_build_array(c[c1], c[c2])::text, json_build_array(c[c3])::text, '[]',
        setweight(to_tsvector('simple', si[a] || ' ' || pi[b] || ' ' || pri[e]), 'A')
        || setweight(to_tsvector('simple', '2026' || lpad(i::text, 7, '0') || ' 2026 ' || lpad(i::text, 7, '0') || ' ' || i || ' ' || di[dd] || ' ' || ni[nn] || ' ' || pi[b]), 'B')
        || setweight(to_tsvector('simple', ci[c1] || ' ' || ci[c2]), 'C')
        || setweight(to_tsvector('simple', ci[c3]), 'D')
      from g`,
      params,
    );
    const loadSeconds = (performance.now() - loaded0) / 1000;
    const built0 = performance.now();
    await client.query('create index case_search_terms on case_search using gin (terms)');
    const buildSeconds = (performance.now() - built0) / 1000;
    await client.query('analyze cases; analyze case_search');
    const size = await client.query(
      `select pg_total_relation_size('cases') c, pg_total_relation_size('case_search') s,
        pg_relation_size('case_search_terms') g`,
    );
    const mb = (v: string) => (Number(v) / 1024 / 1024).toFixed(0);
    const { c, s, g } = size.rows[0] as { c: string; s: string; g: string };
    const { times, hits } = await timeQueries(benchContext(handle), 5);
    return [
      {
        name: 'search postgresql 1m p95',
        value: percentile(times, 95),
        unit: 'ms',
        target: '< 100 ms',
        note: `${count.toLocaleString('en')} cases × 3 comments; ${times.length} searches of ${queries.length} one/two-word queries (matches ${Math.min(...hits)}–${Math.max(...hits)}, totals capped at 1000), median ${percentile(times, 50).toFixed(1)} ms; rows loaded in ${loadSeconds.toFixed(0)} s, GIN index built in ${buildSeconds.toFixed(1)} s (${mb(g)} MB); cases ${mb(c)} MB, case_search with index ${mb(s)} MB`,
      },
    ];
  } finally {
    await client.query(`drop schema if exists "${schema}" cascade`).catch(() => {});
    await client.end();
    await handle.close();
  }
}

function sqliteFigures(count: number): Promise<BenchResult[]> {
  return (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saksbord-search-bench-'));
    try {
      const migrated = await openDatabase({ dataDir: dir });
      await migrateToLatest(migrated);
      await migrated.close();
      const file = join(dir, 'saksbord.db');
      const db = new SqliteDatabase(file);
      db.pragma('journal_mode = WAL');
      const [si, pi, pri, di, ci, ni] = [
        subjects,
        places,
        problems,
        descriptions,
        comments,
        names,
      ].map(idx) as [string[], string[], string[], string[], string[], string[]];
      const insertCase = db.prepare(
        `insert into cases (id, number, line, status, priority, municipality_id, assignee_id,
          requester_user_id, created_by, version, updated_at, search_text, record)
          values (?, ?, ?, ?, ?, ?, null, null, 'bench', ?, ?, '', ?)`,
      );
      const insertSearch = db.prepare(
        `insert into case_search (doc_id, case_id, category_id, created_at, comments, internal_comments, attachments)
          values (?, ?, null, '2026-01-01T00:00:00.000Z', ?, ?, '[]')`,
      );
      const insertFts = db.prepare(
        'insert into case_search_fts (rowid, title, body, comments, internal) values (?, ?, ?, ?, ?)',
      );
      const loaded0 = performance.now();
      const ftsRows: [number, string, string, string, string][] = [];
      db.transaction(() => {
        for (let i = 1; i <= count; i++) {
          const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
          const number = `2026-${String(i).padStart(7, '0')}`;
          const a = i % 40;
          const b = Math.floor(i / 40) % 25;
          const e = Math.floor(i / 1000) % 20;
          const d = (i * 7) % 30;
          const [c1, c2, c3] = [(i * 13) % 50, (i * 17 + 5) % 50, (i * 19 + 11) % 50];
          const n = (i * 31) % 200;
          const updatedAt = new Date(Date.parse('2026-01-01T00:00:00Z') + i * 25_000).toISOString();
          const record = {
            id, number, title: titleOf(i), description: descriptions[d], status: statuses[i % 5],
            waitingReason: null, priority: prioritiesList[i % 6], priorityAnswers: null, line: 1 + (i % 3),
            channel: 'phone', requester: { name: names[n], contact: '', municipalityId: municipalities[i % 6], unit: places[b], userId: null },
            categoryId: null, formValues: {}, assigneeId: null, linkedCaseIds: [], mergedIntoId: null,
            createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'bench', updatedAt, firstResponseAt: null,
            resolvedAt: null, version: i, fieldVersions: {}, slaTimeline: [],
          }; // biome-ignore format: one record
          insertCase.run(
            id,
            number,
            1 + (i % 3),
            statuses[i % 5],
            prioritiesList[i % 6],
            municipalities[i % 6],
            i,
            updatedAt,
            JSON.stringify(record),
          );
          insertSearch.run(
            i,
            id,
            JSON.stringify([comments[c1], comments[c2]]),
            JSON.stringify([comments[c3]]),
          );
          ftsRows.push([
            i,
            `${si[a]} ${pi[b]} ${pri[e]}`,
            `${indexText(number)} ${di[d]} ${ni[n]} ${pi[b]}`,
            `${ci[c1]} ${ci[c2]}`,
            ci[c3]!,
          ]);
        }
      })();
      const loadSeconds = (performance.now() - loaded0) / 1000;
      const built0 = performance.now();
      db.transaction(() => {
        for (const row of ftsRows) insertFts.run(...row);
      })();
      const buildSeconds = (performance.now() - built0) / 1000;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const sizeMb = statSync(file).size / 1024 / 1024;
      const handle = await openDatabase({ dataDir: dir });
      try {
        const { times, hits } = await timeQueries(benchContext(handle), 5);
        return [
          {
            name: 'search sqlite 200k p95',
            value: percentile(times, 95),
            unit: 'ms',
            target: '< 100 ms',
            note: `${count.toLocaleString('en')} cases × 3 comments; ${times.length} searches of ${queries.length} queries (matches ${Math.min(...hits)}–${Math.max(...hits)}), median ${percentile(times, 50).toFixed(1)} ms; rows in ${loadSeconds.toFixed(1)} s, FTS5 index built in ${buildSeconds.toFixed(1)} s; database file ${sizeMb.toFixed(0)} MB`,
          },
        ];
      } finally {
        await handle.close();
      }
    } finally {
      if (process.env.SAKSBORD_SEARCH_KEEP) console.error(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  })();
}

/** 50,000 local cases as a finished sync stores them (records made by the core reducer). */
function localCases(count: number, now: number): unknown[] {
  const rows: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const at = new Date(now - (i % 5000) * 60_000 - 3_600_000).toISOString();
    const meta = {
      caseId: id,
      at,
      actorId: 'bench',
      actorRole: 'agent' as const,
      seq: 2_000_000 + i,
    };
    let record: CaseRecord = applyChange(
      null,
      caseChangeSchema.parse({
        type: 'created',
        title: titleOf(i),
        description: descriptions[(i * 7) % 30],
        priority: prioritiesList[i % 6],
        channel: 'phone',
        requester: {
          name: names[(i * 31) % 200],
          municipalityId: municipalities[i % 6]!,
          unit: places[Math.floor(i / 40) % 25],
        },
      }),
      meta,
    );
    record = { ...record, number: `2026-${String(20_000 + i)}`, line: ((i % 3) + 1) as 1 | 2 | 3 };
    rows.push(rebuildLocalCase(id, record, []));
  }
  return rows;
}

async function offlineFigures(count: number): Promise<BenchResult[]> {
  return withAppInBrowser('search', async (server, browser) => {
    await seedDemo(server.ctx, { cases: 50 });
    const page = await benchPage(browser);
    await page.goto(server.url);
    await page.getByLabel('Brukarnamn').fill('agent1');
    await page.getByLabel('Passord').fill('saksbord-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { name: /^1\. linje/ }).waitFor({ timeout: 30_000 });
    const rows = localCases(count, Date.now());
    for (let i = 0; i < rows.length; i += 10_000) {
      await page.evaluate(
        async (cases) => {
          const { dbName } = JSON.parse(localStorage.getItem('saksbord.lastSession')!) as {
            dbName: string;
          };
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open(dbName);
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction('cases', 'readwrite');
            for (const c of cases) tx.objectStore('cases').put(c);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
          db.close();
        },
        rows.slice(i, i + 10_000),
      );
    }
    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: /^1\. linje/ }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('search-input');
    // The index has loaded every case when a search over all of them finds the last one.
    await input.fill(`2026-${20_000 + count - 1}`);
    await page.getByTestId('search-hit').first().waitFor({ timeout: 180_000 });
    const typed = [
      'skrivarane radhuset',
      'vpn heimekontor',
      'kari hansen',
      'passord gloymt',
    ].flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)).slice(1));
    const times = await page.evaluate(async (values) => {
      const field = document.querySelector<HTMLInputElement>('[data-testid=search-input]')!;
      const list = document.querySelector<HTMLElement>('.search-hits')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const out: number[] = [];
      for (const value of values) {
        const shown = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (list.dataset.query !== value) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(list, { attributes: true, childList: true, subtree: true });
          setTimeout(() => {
            observer.disconnect();
            resolve();
          }, 2_000);
        });
        const t0 = performance.now();
        setValue.call(field, value);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        await shown;
        const painted = await new Promise<number>((r) =>
          requestAnimationFrame(() => r(performance.now())),
        );
        out.push(painted - t0);
      }
      return out;
    }, typed);
    const source = await page.getByTestId('search-source').textContent();
    return [
      {
        name: 'search offline 50k p95',
        value: percentile(times, 95),
        unit: 'ms',
        target: '< 50 ms',
        note: `${count.toLocaleString('en')} local cases in Chromium, offline ("${source}"); ${times.length} keystrokes to repaint, median ${percentile(times, 50).toFixed(1)} ms`,
      },
    ];
  });
}

export async function run(): Promise<BenchResult[]> {
  const only = process.env.SAKSBORD_SEARCH_BENCH?.split(',');
  const want = (name: string) => !only || only.includes(name);
  const results: BenchResult[] = [];
  if (want('postgres'))
    results.push(
      ...(await postgresFigures(Number(process.env.SAKSBORD_SEARCH_PG_CASES ?? 1_000_000))),
    );
  if (want('sqlite')) {
    results.push(
      ...(await sqliteFigures(Number(process.env.SAKSBORD_SEARCH_SQLITE_CASES ?? 200_000))),
    );
  }
  if (want('offline')) results.push(...(await offlineFigures(50_000)));
  if (want('bulk')) results.push(...(await bulkEscalateFigures()));
  return results;
}
