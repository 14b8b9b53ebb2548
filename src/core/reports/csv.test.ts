import { describe, expect, it } from 'vitest';
import { createServiceCalendar, defaultCalendarConfig } from '../calendar/index';
import { defaultSlaConfig } from '../sla/sla-targets';
import { countdownOf, formatCountdown } from './countdown';
import { quoteCsvField, toCsv } from './csv';
import { type CsvWords, csvFileName, figureCsv } from './figure-csv-columns';
import { buildFixture, fixtureNow, oslo } from './sla-board-fixtures';
import { slaBoardReport } from './sla-board-report';

/** Words that show which word function made each cell. */
const words: CsvWords = {
  header: (k) => `H:${k}`,
  priority: (p) => `P:${p}`,
  caseStatus: (s) => `CS:${s}`,
  slaStatus: (s) => `S:${s}`,
  clock: (c) => `C:${c}`,
  waitingReason: (r) => `W:${r}`,
  yesNo: (b) => (b ? 'yes' : 'no'),
  person: (id) => (id === null ? 'nobody' : `name:${id}`),
  caseNumber: (id) => `#${id}`,
};

describe('CSV (RFC 4180 quoting, ; separated, decimal comma, BOM)', () => {
  it.each([
    ['plain', 'plain'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['a,b', 'a,b'],
  ])('%j → %j', (text, quoted) => {
    expect(quoteCsvField(text, ';')).toBe(quoted);
  });
  const columns = [
    { key: 'title', value: (r: { title: string; n: number | null }) => r.title },
    { key: 'n', value: (r: { title: string; n: number | null }) => r.n },
  ];
  it('writes header, rows, CRLF and a BOM', () => {
    const csv = toCsv(columns, [
      { title: 'Skrivar; 2. etg', n: 1.5 },
      { title: '=HYPERLINK("x")', n: -3 },
      { title: 'Ærleg talt', n: null },
    ]);
    expect(csv).toBe(
      '\uFEFFtitle;n\r\n"Skrivar; 2. etg";1,5\r\n"\'=HYPERLINK(""x"")";-3\r\nÆrleg talt;\r\n',
    );
  });
  it('can write plain comma CSV with translated headers', () => {
    const csv = toCsv(columns, [{ title: 'a,b', n: 0.25 }], {
      separator: ',',
      bom: false,
      header: (k) => (k === 'title' ? 'Tittel' : 'Tal'),
    });
    expect(csv).toBe('Tittel,Tal\r\n"a,b",0.25\r\n');
  });
  it('exports the rows behind the at-risk figure in the given words, Oslo wall-clock times', () => {
    const { records } = buildFixture();
    const report = slaBoardReport({
      cases: records,
      worklogs: [],
      calendar: createServiceCalendar(defaultCalendarConfig),
      slaConfig: defaultSlaConfig,
      now: fixtureNow,
    });
    const csv = figureCsv('slaRisk', report.slaRisk.rows, 'Europe/Oslo', words);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'H:case;H:title;H:line;H:priority;H:assignee;H:clock;H:slaStatus;H:dueAt;H:leftMinutes;H:targetMinutes',
    );
    expect(lines).toHaveLength(5);
    // C: at risk, due 10:15 Oslo (09:15 UTC), unassigned; no English code, no id, no offset.
    expect(lines.find((l) => l.includes('P:high;nobody;C:response;S:atRisk'))).toContain(
      ';2026-03-10 10:15;15;60',
    );
    expect(csv).not.toMatch(/;(atRisk|high|response);|T\d\d:\d\d|00000000-/);
  });
  it('names people and cases, and writes yes/no, in the worklog and waiting exports', () => {
    const worklog = figureCsv(
      'worklog',
      [
        {
          entryId: 'e1',
          caseId: 'case-1',
          at: oslo('2026-07-01T08:05'),
          line: 2,
          minutes: 1.5,
          actorId: 'u-kari',
          note: 'Ringde',
          periods: [],
        },
      ],
      'Europe/Oslo',
      words,
    );
    expect(worklog.slice(1).split('\r\n')[1]).toBe(
      '#case-1;2026-07-01 08:05;2;1,5;name:u-kari;Ringde',
    );
    const waiting = figureCsv(
      'waiting',
      [
        {
          caseId: 'x',
          number: '2026-00042',
          title: 'Skrivar',
          line: 1,
          priority: 'low',
          assigneeId: null,
          reason: 'thirdParty',
          since: null,
          breached: true,
        },
      ],
      'Europe/Oslo',
      words,
    );
    expect(waiting.slice(1).split('\r\n')[1]).toBe(
      '2026-00042;Skrivar;1;P:low;nobody;W:thirdParty;;yes',
    );
  });
});

describe('CSV file names: words, then the Oslo wall-clock date and time', () => {
  it.each([
    [['SLA-tavle'], '2026-11-30T09:20:00Z', 'sla-tavle-2026-11-30-1020.csv'],
    [
      ['SLA-tavle', 'I faresona og brote'],
      '2026-06-30T22:05:00Z',
      'sla-tavle-i-faresona-og-brote-2026-07-01-0005.csv',
    ],
    [
      ['SLA board', 'Time spent', '7 days'],
      '2026-03-29T01:30:00Z',
      'sla-board-time-spent-7-days-2026-03-29-0330.csv',
    ],
    [
      ['SLA-tavle', 'tidsføring', ' / '],
      '2026-01-05T07:00:00Z',
      'sla-tavle-tidsføring-2026-01-05-0800.csv',
    ],
  ] as const)('%j at %s → %s', (parts, at, name) => {
    expect(csvFileName(parts, Date.parse(at), 'Europe/Oslo')).toBe(name);
  });
});

describe('countdown per tick', () => {
  const row = { dueAt: oslo('2026-03-10T10:15'), slaStatus: 'atRisk' as const };
  it.each([
    [fixtureNow, 15 * 60_000, 'atRisk', '0:15:00'],
    [oslo('2026-03-10T10:15'), 0, 'breached', '0:00:00'],
    [oslo('2026-03-10T10:15') + 12_000, -12_000, 'breached', '-0:00:12'],
  ])('at %s: %s ms, %s, %s', (now, msLeft, status, text) => {
    const c = countdownOf(row, now);
    expect([c.msLeft, c.status, formatCountdown(c.msLeft)]).toEqual([msLeft, status, text]);
  });
  it('shows days from 24 hours', () => {
    expect(formatCountdown((2 * 86_400 + 3 * 3600 + 61) * 1000, 'd')).toBe('2 d 3:01:01');
  });
  it.each([
    [15 * 60_000, '0:15:00'],
    [-12_000, '0:00:12 over fristen'],
    [-(27 * 86_400 + 3 * 3600) * 1000, '27 d 3:00:00 over fristen'],
  ])('%i ms with the words for overdue: %s (no minus with "over")', (ms, text) => {
    expect(formatCountdown(ms, 'd', 'over fristen')).toBe(text);
  });
});
