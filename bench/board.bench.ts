import { applyChange, type CaseRecord, type CaseStatus, caseChangeSchema } from '@core/case/index';
import type { Page } from '@playwright/test';
import { rebuildLocalCase } from '../src/renderer/src/db/case-rebase';
import { seedDemo } from '../src/server/demo/demo-seed';
import { benchPage, heapFigure, withAppInBrowser } from './browser';
import type { BenchResult } from './run-all';

const CASES = 10_000;
const municipalities = ['molde', 'aukra', 'hustadvika', 'rauma', 'vestnes', 'gjemnes'];
const priorities = ['critical', 'high', 'medium', 'medium', 'low', 'low'] as const;
const statuses: CaseStatus[] = ['new', 'inProgress', 'waiting'];

/** 10,000 open cases made by the core reducer, so they carry real SLA facts. */
function makeCases(now: number): unknown[] {
  const rows: unknown[] = [];
  for (let i = 0; i < CASES; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const at = new Date(now - (i % 2000) * 60_000 - 3_600_000).toISOString();
    const meta = {
      caseId: id,
      at,
      actorId: 'bench',
      actorRole: 'agent' as const,
      seq: 1_000_000 + i * 3,
    };
    let record: CaseRecord = applyChange(
      null,
      caseChangeSchema.parse({
        type: 'created',
        title: `Sak ${i} ${['Skrivar', 'VPN', 'Fagsystem', 'Telefon', 'E-post'][i % 5]} fungerer ikkje`,
        priority: priorities[i % priorities.length],
        channel: 'phone',
        requester: { name: `Person ${i % 700}`, municipalityId: municipalities[i % 6]! },
      }),
      meta,
    );
    // Most open cases on a real board have had their first response (no alert pending).
    record = applyChange(record, caseChangeSchema.parse({ type: 'acknowledged' }), {
      ...meta,
      seq: meta.seq + 1,
      at: new Date(Date.parse(at) + 30_000).toISOString(),
    });
    const status = statuses[i % 3]!;
    if (status !== 'new') {
      record = applyChange(
        record,
        caseChangeSchema.parse({
          type: 'statusChanged',
          status,
          waitingReason: status === 'waiting' ? 'requester' : null,
        }),
        { ...meta, seq: meta.seq + 2, at: new Date(Date.parse(at) + 60_000).toISOString() },
      );
    }
    record = { ...record, number: `2026-${String(10_000 + i)}`, line: ((i % 3) + 1) as 1 | 2 | 3 };
    // Stored as a finished sync stores it.
    rows.push(rebuildLocalCase(id, record, []));
  }
  return rows;
}

async function inject(page: Page, rows: unknown[]): Promise<void> {
  await page.evaluate(async (cases) => {
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
  }, rows);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** From navigation start to the first frame that shows cards. */
async function coldStart(page: Page): Promise<number> {
  await page.reload();
  const handle = await page.waitForFunction(
    () => document.querySelectorAll('[data-testid=case-card]').length > 0 && performance.now(),
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** What marks a keystroke's result as shown. */
type ShownWhen =
  /** Any change inside the element (the board's count of shown cases). */
  | { selector: string; when: 'changed' }
  /** The element's data-query equals the typed value (the link panel's match list). */
  | { selector: string; when: 'queryShown' };

/**
 * Types `values` one after the other into `input`; for each, the time from the input event to
 * the next frame after the result was committed (seen by a MutationObserver, so no polling
 * frame is added; 1 s at most).
 */
async function keystrokesToPaint(
  page: Page,
  input: string,
  shown: ShownWhen,
  values: string[],
): Promise<number[]> {
  return page.evaluate(
    async ({ inputSelector, target, typed }) => {
      const field = document.querySelector<HTMLInputElement>(inputSelector)!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const times: number[] = [];
      for (const value of typed) {
        const element = document.querySelector<HTMLElement>(target.selector)!;
        const committed = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (target.when === 'queryShown' && element.dataset.query !== value) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(element, {
            childList: true,
            characterData: true,
            subtree: true,
            attributes: true,
          });
          setTimeout(() => {
            observer.disconnect();
            resolve();
          }, 1_000);
        });
        const t0 = performance.now();
        setValue.call(field, value);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        await committed;
        // requestAnimationFrame runs just before the browser paints what React committed.
        const painted = await new Promise<number>((r) =>
          requestAnimationFrame(() => r(performance.now())),
        );
        times.push(painted - t0);
      }
      return times;
    },
    { inputSelector: input, target: shown, typed: values },
  );
}

/** Every prefix of `text`, from `from` letters on. */
const prefixes = (text: string, from = 1) =>
  [...text].map((_, i) => text.slice(0, i + 1)).slice(from - 1);

/** The board filter: type `text`, delete it again letter by letter, to empty. */
function filterKeystrokes(page: Page, text: string): Promise<number[]> {
  const steps = prefixes(text);
  return keystrokesToPaint(
    page,
    '[data-testid=filter-text]',
    { selector: '.board-toolbar__count', when: 'changed' },
    [...steps, ...steps.slice(0, -1).reverse(), ''],
  );
}

/** The link panel's case search (in-memory index over every local case), two letters on. */
function searchKeystrokes(page: Page, queries: string[]): Promise<number[]> {
  return keystrokesToPaint(
    page,
    '[data-testid=link-search]',
    { selector: '[data-testid=link-matches]', when: 'queryShown' },
    queries.flatMap((q) => prefixes(q, 2)),
  );
}

/** Keyboard moves new → in progress; each measured from drop to the change stored locally. */
async function drags(page: Page, times: number): Promise<number[]> {
  const results: number[] = [];
  const announcements = page.locator('[id^="DndLiveRegion"]');
  const heading = await page.getByTestId('column-1-inProgress').getByRole('heading').textContent();
  const before = Number(/\((\d+)\)/.exec(heading ?? '')?.[1] ?? 0);
  let retries = 0;
  for (let i = 0; i < times; i++) {
    await page.evaluate(() => performance.clearMeasures('saksbord:drag-persisted'));
    const card = page.getByTestId('column-1-new').getByTestId('case-card').first();
    await card.getByRole('link').focus();
    await page.keyboard.press('Space');
    await announcements.filter({ hasText: 'er over' }).waitFor();
    await page.keyboard.press('ArrowRight');
    const over = await announcements
      .filter({ hasText: 'er over 1. linje, Under arbeid' })
      .waitFor({ timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (!over) {
      retries += 1;
      if (retries > 5) throw new Error('keyboard drags keep failing: the arrow key is not taken');
      // Now and then Chromium drops the arrow key right after the pick-up (seen about one
      // move in fifty): cancel this drag and make the move again; only drops are timed.
      await page.keyboard.press('Escape');
      await announcements
        .filter({ hasText: 'avbrote' })
        .waitFor({ timeout: 3_000 })
        .catch(() => {});
      i -= 1;
      continue;
    }
    await page.keyboard.press('Space');
    const handle = await page.waitForFunction(
      () => performance.getEntriesByName('saksbord:drag-persisted')[0]?.duration,
      undefined,
      { timeout: 10_000 },
    );
    results.push((await handle.jsonValue()) as number);
    // The board shows the move before the next one starts.
    await page
      .getByTestId('column-1-inProgress')
      .getByRole('heading', { name: `Under arbeid (${before + i + 1})` })
      .waitFor();
  }
  return results;
}

export function run(): Promise<BenchResult[]> {
  return withAppInBrowser('board', async (server, browser) => {
    await seedDemo(server.ctx, { cases: 50 });
    const page = await benchPage(browser);
    await page.goto(server.url);
    await page.getByLabel('Brukarnamn').fill('agent1');
    await page.getByLabel('Passord').fill('saksbord-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByTestId('case-card').first().waitFor({ timeout: 30_000 });
    await inject(page, makeCases(Date.now()));

    const starts = [];
    for (let i = 0; i < 3; i++) starts.push(await coldStart(page));
    await page.getByTestId('case-card').first().waitFor();
    const shown = await page.locator('.board-toolbar__count').textContent();
    // Digits narrow the result on every keystroke (case numbers and titles carry them).
    const keystrokes = [
      ...(await filterKeystrokes(page, '1234')),
      ...(await filterKeystrokes(page, '5678')),
      ...(await filterKeystrokes(page, '9753')),
    ];
    // Only the bench's own cases (new, on line 1), not the demo's; offline, so the moves are
    // measured alone (the server, which does not know these cases, would refuse the pushes).
    await page.getByTestId('filter-text').fill('Sak ');
    // A critical demo case raises the acknowledgement banner above the board; a layout shift
    // in the middle of a keyboard drag loses the move. Acknowledge it first.
    const acknowledge = page.getByRole('button', { name: /^Kvitter ut / });
    const raised = await acknowledge
      .first()
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (raised) {
      await acknowledge.first().click();
      await acknowledge.first().waitFor({ state: 'detached' });
    }
    await page.context().setOffline(true);
    const moved = await drags(page, 10);

    const heap = await heapFigure(page, 'renderer JS heap with 10,000 cases');

    // The case search: open a case, wait for the first match (the index loads in the
    // background on first use), then type queries that match many, few and no cases.
    const opened = performance.now();
    await page.getByTestId('case-card').first().getByRole('link').click();
    await page.getByTestId('link-search').fill('person 69');
    await page.getByTestId('link-matches').getByRole('listitem').first().waitFor();
    const firstMatch = performance.now() - opened;
    const searched = await searchKeystrokes(page, ['sak 12', 'person 4', 'vpn fungerer', 'zzz9']);

    return [
      {
        name: 'board cold start to interactive (10,000 open cases)',
        value: percentile(starts, 50),
        unit: 'ms',
        target: '< 1500 ms',
        note: `median of 3 reloads; ${shown}`,
      },
      {
        name: 'filter keystroke to repaint, p95',
        value: percentile(keystrokes, 95),
        unit: 'ms',
        target: '< 50 ms',
        note: `${keystrokes.length} keystrokes, median ${percentile(keystrokes, 50).toFixed(1)} ms`,
      },
      {
        name: 'drag to persisted, p95',
        value: percentile(moved, 95),
        unit: 'ms',
        target: '< 50 ms',
        note: `${moved.length} keyboard moves, median ${percentile(moved, 50).toFixed(1)} ms`,
      },
      {
        name: 'case search keystroke to repaint, p95',
        value: percentile(searched, 95),
        unit: 'ms',
        target: '< 50 ms',
        note: `${searched.length} keystrokes over 10,000+ cases, median ${percentile(searched, 50).toFixed(1)} ms; first match ${Math.round(firstMatch)} ms after opening a case`,
      },
      heap,
    ];
  });
}
