import { createServiceCalendar, defaultCalendarConfig } from '@core/calendar/index';
import { csvFileName, csvHeaderKeys, figureCsv, slaBoardReport } from '@core/reports/index';
import { buildFixture, fixtureNow } from '@core/reports/sla-board-fixtures';
import { defaultSlaConfig } from '@core/sla/sla-targets';
import { describe, expect, it } from 'vitest';
import { csvFileParts, csvWords } from './csv-words';

const report = slaBoardReport({
  cases: buildFixture().records,
  worklogs: [],
  calendar: createServiceCalendar(defaultCalendarConfig),
  slaConfig: defaultSlaConfig,
  now: fixtureNow,
});
const staff = (id: string) => (id === 'u-agent' ? 'Kari Nordmann' : null);
const numbers = (id: string) => (id === 'case-1' ? '2026-00001' : null);

describe('CSV exports in the user language', () => {
  it.each([
    [
      'nn',
      'Sak;Tittel;Linje;Prioritet;Ansvarleg;Klokke;SLA-status;Frist;Minutt att;Mål (minutt)',
      ';Høg;Ikkje tildelt;Responstid;I faresona;2026-03-10 10:15;15;60',
    ],
    [
      'nb',
      'Sak;Tittel;Linje;Prioritet;Ansvarlig;Klokke;SLA-status;Frist;Minutter igjen;Mål (minutter)',
      ';Høy;Ikke tildelt;Responstid;I faresonen;2026-03-10 10:15;15;60',
    ],
    [
      'en',
      'Case;Title;Line;Priority;Assignee;Clock;SLA status;Due;Minutes left;Target (minutes)',
      ';High;Unassigned;Response;At risk;2026-03-10 10:15;15;60',
    ],
  ] as const)('%s: headers and values', (locale, header, atRiskTail) => {
    const csv = figureCsv(
      'slaRisk',
      report.slaRisk.rows,
      'Europe/Oslo',
      csvWords(locale, staff, numbers),
    );
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(header);
    expect(lines.some((l) => l.endsWith(atRiskTail))).toBe(true);
  });
  it.each(['nn', 'nb', 'en'] as const)('%s: every header is a word, none a code', (locale) => {
    const words = csvWords(locale, staff, numbers);
    for (const key of csvHeaderKeys) expect(words.header(key)).not.toBe(key);
  });
  it('names staff, the unassigned, strangers and cases', () => {
    const words = csvWords('nn', staff, numbers);
    expect(words.person('u-agent')).toBe('Kari Nordmann');
    expect(words.person(null)).toBe('Ikkje tildelt');
    expect(words.person('9f8e7d6c-0000-4000-8000-000000000000')).toBe('Kollega 9f8e7d6c');
    expect(words.caseNumber('case-1')).toBe('2026-00001');
    expect(words.yesNo(true)).toBe('ja');
    expect(words.waitingReason('requester')).toBe('Ventar på innmeldar');
    expect(words.caseStatus('inProgress')).toBe('Under arbeid');
  });
  it.each([
    ['nn', 'slaRisk', undefined, 'sla-tavle-i-faresona-og-brote-2026-11-30-1020.csv'],
    ['nb', 'worklog', 'days7', 'sla-tavle-tidføring-7-dager-2026-11-30-1020.csv'],
    ['en', 'compliance', 'today', 'sla-board-compliance-today-2026-11-30-1020.csv'],
  ] as const)('%s file name of %s (%s)', (locale, figure, period, name) => {
    const now = Date.parse('2026-11-30T09:20:00Z');
    expect(csvFileName(csvFileParts(locale, figure, period), now, 'Europe/Oslo')).toBe(name);
  });
});
