import {
  applyChange,
  type CaseChangeInput,
  type CaseEvent,
  type CaseRecord,
  caseChangeSchema,
} from '@core/case/index';
import type { Page } from '@playwright/test';
import { rebuildLocalCase } from '../src/renderer/src/db/case-rebase';
import { seedOfflineStore } from '../tests/e2e/offline-store-seed';
import { benchPage, heapFigure, withAppInBrowser } from './browser';
import type { BenchResult } from './run-all';
import { prng } from './sync/seed';

const CASES = 20_000;
const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
const dbName = 'saksbord-bench-sla-board';
const priorities = ['critical', 'high', 'medium', 'medium', 'low', 'low'] as const;
const municipalities = ['molde', 'aukra', 'hustadvika', 'rauma', 'vestnes', 'gjemnes'];
const staff = Array.from({ length: 40 }, (_, i) => ({
  id: `u-agent-${i}`,
  displayName: `Agent ${i}`,
  role: 'agent',
  municipalityIds: [],
}));

/** 20,000 cases over the last 30 days, each through the core reducer, and their events. */
function makeHistory(now: number): { cases: unknown[]; events: CaseEvent[] } {
  const rnd = prng(20261124);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const cases: unknown[] = [];
  const events: CaseEvent[] = [];
  let seq = 0;
  for (let i = 0; i < CASES; i++) {
    const caseId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    let at = now - Math.floor(rnd() * 30 * DAY);
    let record: CaseRecord | null = null;
    const actorId = pick(staff).id;
    const step = (input: CaseChangeInput, afterMinutes: number) => {
      at = Math.min(now, at + Math.floor(rnd() * afterMinutes * MINUTE));
      seq += 1;
      const change = caseChangeSchema.parse(input);
      const iso = new Date(at).toISOString();
      record = applyChange(record, change, { caseId, at: iso, actorId, actorRole: 'agent', seq });
      events.push({
        id: `00000000-0000-4000-a000-${seq.toString(16).padStart(12, '0')}`,
        caseId,
        seq,
        at: iso,
        clientAt: iso,
        actorId,
        deviceId: 'bench',
        mutationId: null,
        change,
      });
    };
    step(
      {
        type: 'created',
        title: `Sak ${i}: ${pick(['Skrivar', 'VPN', 'Fagsystem', 'Telefon', 'E-post'])} fungerer ikkje`,
        priority: pick(priorities),
        channel: 'phone',
        requester: { name: `Person ${i % 900}`, municipalityId: pick(municipalities) },
      },
      0,
    );
    if (rnd() < 0.85) step({ type: 'acknowledged' }, 240);
    step(
      { type: 'worklogAdded', entryId: crypto.randomUUID(), minutes: 5 + (i % 55), line: 1 },
      120,
    );
    const r = rnd();
    if (r < 0.3)
      step({ type: 'statusChanged', status: 'waiting', waitingReason: 'requester' }, 600);
    else if (r < 0.75) step({ type: 'statusChanged', status: 'resolved' }, 2_000);
    const done: CaseRecord = {
      ...(record as unknown as CaseRecord),
      number: `2026-${String(i + 1).padStart(5, '0')}`,
    };
    // Stored as a finished sync stores it.
    cases.push(rebuildLocalCase(caseId, done, []));
  }
  return { cases, events };
}

/** From a reload of the SLA board to the first frame with its figures and risk list. */
async function openBoard(page: Page): Promise<number> {
  await page.reload();
  const handle = await page.waitForFunction(
    () =>
      /\d/.test(document.querySelector('[data-testid=kpi-open]')?.textContent ?? '') &&
      document.querySelectorAll('[data-testid=risk-row]').length > 0 &&
      performance.now(),
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** From leaving the case board for the SLA board (in the running app) to its figures shown. */
async function switchToBoard(page: Page): Promise<number> {
  await page.evaluate(() => {
    location.hash = '#/';
  });
  await page.getByTestId('case-card').first().waitFor({ timeout: 60_000 });
  const handle = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        location.hash = '#/sla';
        const check = () => {
          const shown =
            /\d/.test(document.querySelector('[data-testid=kpi-open]')?.textContent ?? '') &&
            document.querySelectorAll('[data-testid=risk-row]').length > 0;
          if (shown) resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
  return handle;
}

export function run(): Promise<BenchResult[]> {
  return withAppInBrowser('sla-view', async (server, browser) => {
    const { cases, events } = makeHistory(Date.now());
    const page = await benchPage(browser);
    await page.goto(`${server.url}/`);
    await seedOfflineStore(page, {
      dbName,
      staff,
      cases,
      events,
      syncedAt: new Date().toISOString(),
    });
    await page.goto(`${server.url}/#/sla`);
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) opens.push(await openBoard(page));
    const open = await page.getByTestId('kpi-open').textContent();
    const switches: number[] = [];
    for (let i = 0; i < 3; i++) switches.push(await switchToBoard(page));
    switches.sort((a, b) => a - b);
    const rows = await page.getByTestId('risk-row').count();

    const heap = await heapFigure(page, 'sla-board view: renderer JS heap');
    opens.sort((a, b) => a - b);
    return [
      {
        name: 'sla-board view: reload to figures shown (20,000 cases, 30 days)',
        value: opens[1]!,
        unit: 'ms',
        target: '< 1000 ms (issue 6: renders in under 1 s)',
        note: `median of 3 reloads in Chromium; ${events.length.toLocaleString('en')} events; open: ${open?.replace(/\s+/g, ' ')}; ${rows} risk rows`,
      },
      {
        name: 'sla-board view: from the case board to figures shown (in the running app)',
        value: switches[1]!,
        unit: 'ms',
        target: '< 1000 ms',
        note: 'median of 3; reads the store and computes the report each time',
      },
      heap,
    ];
  });
}
