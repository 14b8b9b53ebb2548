import { describe, expect, it } from 'vitest';
import { createServiceCalendar, defaultCalendarConfig } from '../calendar/index';
import { defaultSlaConfig } from '../sla/sla-targets';
import { countdownOf, formatCountdown } from './countdown';
import { quoteCsvField, toCsv } from './csv';
import { figureCsvColumns } from './figure-csv-columns';
import { buildFixture, fixtureNow, oslo } from './sla-board-fixtures';
import { slaBoardReport } from './sla-board-report';

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
  it('exports the rows behind the at-risk figure with Oslo instants', () => {
    const { records } = buildFixture();
    const report = slaBoardReport({
      cases: records,
      worklogs: [],
      calendar: createServiceCalendar(defaultCalendarConfig),
      slaConfig: defaultSlaConfig,
      now: fixtureNow,
    });
    const csv = toCsv(figureCsvColumns('Europe/Oslo').slaRisk, report.slaRisk.rows, { bom: false });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'number;caseId;title;line;priority;assignee;clock;slaStatus;dueAt;leftMinutes;targetMinutes',
    );
    expect(lines).toHaveLength(5);
    // C first: the at-risk cases come before the breached ones (core/sla/sla-urgency.ts).
    expect(lines[1]).toContain(';high;;response;atRisk;2026-03-10T10:15:00+01:00;15;60');
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
});
