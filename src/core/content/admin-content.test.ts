import { describe, expect, it } from 'vitest';
import type { MunicipalityConfig } from '../config/municipality-config';
import { auditCsv } from './audit-entry';
import { inLocale } from './localized-content';
import { directoryDrift, driftReport } from './municipality-directory';
import { fillTemplateText, replyTemplateInputSchema, templatesFor } from './reply-template';
import { paragraphsOf, statementInputSchema } from './statement';

describe('content in three languages', () => {
  const translations = { en: 'Printer' };
  it.each([
    ['nn', 'Skrivar', 'nn', false],
    ['nb', 'Skrivar', 'nn', true],
    ['en', 'Printer', 'en', false],
  ] as const)('read in %s: %s (in %s, fallback %s)', (locale, value, shownIn, fallback) => {
    expect(inLocale('Skrivar', translations, locale)).toEqual({ value, locale: shownIn, fallback });
  });

  it('a translation left empty counts as not written; a half-written one names its field', () => {
    const ok = statementInputSchema.parse({
      title: 'Tilgjengelegheitserklæring',
      body: 'Tekst',
      translations: { nb: { title: '', body: '' }, en: { title: 'Accessibility', body: 'Text' } },
    });
    expect(Object.keys(ok.translations)).toEqual(['en']);
    const half = statementInputSchema.safeParse({
      title: 'T',
      body: 'B',
      translations: { nb: { title: 'T', body: '' } },
    });
    expect(half.error?.issues.map((i) => i.path.join('.'))).toEqual(['translations.nb.body']);
  });

  it('paragraphs are separated by blank lines', () => {
    expect(paragraphsOf('Ein.\n\n  To,\nframhald.\n\n\n')).toEqual(['Ein.', 'To,\nframhald.']);
  });
});

describe('reply templates', () => {
  const t = (lines: number[], categoryIds: string[], retired = false) => ({
    lines,
    categoryIds,
    retired,
  });
  it.each([
    ['every line and category', t([], []), 2, 'printer', true],
    ['its line', t([1], []), 1, null, true],
    ['another line', t([1], []), 2, null, false],
    ['its category', t([], ['printer']), 1, 'printer', true],
    ['a case of no category', t([], ['printer']), 1, null, false],
    ['retired', t([], [], true), 1, null, false],
  ])('offered for %s: %s', (_what, template, line, category, offered) => {
    expect(templatesFor([template], line, category)).toHaveLength(offered ? 1 : 0);
  });

  it('fills placeholders; one without a value stays as written', () => {
    expect(
      fillTemplateText('Sak {caseNumber}: ring {callNumber}, {agent}', {
        caseNumber: '2026-00042',
        callNumber: '70 16 29 99',
      }),
    ).toBe('Sak 2026-00042: ring 70 16 29 99, {agent}');
  });

  it.each([
    ['Ring {telefon}', ['body']],
    ['Ring {callNumber}', []],
  ])('%s: problems at %o', (body, paths) => {
    const parsed = replyTemplateInputSchema.safeParse({ name: 'x', body });
    expect(parsed.error?.issues.map((i) => i.path.join('.')) ?? []).toEqual(paths);
  });

  it('a template may not set a case back to new', () => {
    const parsed = replyTemplateInputSchema.safeParse({ name: 'x', body: 'y', setsStatus: 'new' });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['setsStatus']);
  });
});

describe('the municipality directory against the file', () => {
  const m = (id: string, name: string, extra: Partial<MunicipalityConfig> = {}) =>
    ({ id, name, line2Group: null, ...extra }) as MunicipalityConfig;
  const seeded = [m('molde', 'Molde kommune'), m('aukra', 'Aukra kommune')];
  it.each([
    ['unchanged', seeded, []],
    ['renamed in the file', [m('molde', 'Molde by'), seeded[1]!], ['molde changed']],
    [
      'a consultant added',
      [
        m('molde', 'Molde kommune', { line2Group: { name: 'IKT', consultantIds: ['u1'] } }),
        seeded[1]!,
      ],
      ['molde changed'],
    ],
    [
      'one added, one removed',
      [seeded[0]!, m('rauma', 'Rauma kommune')],
      ['rauma added', 'aukra removed'],
    ],
    ['reordered only', [seeded[1]!, seeded[0]!], []],
  ] as const)('%s', (_what, inFile, expected) => {
    expect(directoryDrift(seeded, inFile).map((d) => `${d.municipalityId} ${d.kind}`)).toEqual(
      expected,
    );
  });

  it('reports drift in one line, and nothing when there is none', () => {
    expect(driftReport([])).toBeNull();
    expect(driftReport(directoryDrift(seeded, [seeded[0]!]))).toMatch(
      /^configuration: municipalities changed in the file .*\(aukra removed\); not applied/,
    );
  });
});

describe('the audit log as CSV', () => {
  it('has translated headers, details as JSON, and neutralises formulas', () => {
    const csv = auditCsv(
      [
        {
          id: 'a1',
          at: '2026-03-10T09:00:00.000Z',
          actorId: 'u1',
          actorName: '=Tone',
          action: 'category.update',
          targetType: 'category',
          targetId: 'printer',
          summary: 'Skrivar: renamed',
          details: { before: 1 },
          deviceId: null,
          address: '127.0.0.1',
        },
      ],
      (column) => column.toUpperCase(),
    );
    const [header, row] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      'AT;ACTOR;ACTORID;ACTION;TARGETTYPE;TARGETID;SUMMARY;DETAILS;DEVICE;ADDRESS',
    );
    expect(row).toBe(
      `2026-03-10T09:00:00.000Z;'=Tone;u1;category.update;category;printer;Skrivar: renamed;"{""before"":1}";;127.0.0.1`,
    );
  });
});
