import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { defaultServiceConfig } from './default-service-config';
import { parseServiceConfig } from './parse-service-config';
import { serviceConfigSchema } from './service-config';

const defaultFile = fileURLToPath(
  new URL('../../../resources/config/default-config.json', import.meta.url),
);

/** The default configuration, deep-copied so a test can break it. */
const base = () =>
  structuredClone(defaultServiceConfig) as Record<string, unknown> & typeof defaultServiceConfig;

/** Parses `data` as file `config.json` and returns the error message (or 'ok'). */
function problemWith(data: unknown): string {
  try {
    parseServiceConfig(JSON.stringify(data), 'config.json');
    return 'ok';
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message;
  }
}

describe('the default configuration', () => {
  it('reproduces the seed', () => {
    const { organisation, calendar, alerts } = defaultServiceConfig;
    expect(organisation).toMatchObject({
      supportTeamLeaderPhone: '70 16 24 03',
      itManagerPhone: '70 16 24 42',
    });
    expect(calendar.phoneNumbers).toEqual({ support: '70 16 29 99', onCall: '70 16 24 46' });
    expect(calendar.extraClosedDays).toEqual([]);
    expect(alerts.repeatMinutes).toBe(5);
    expect(defaultServiceConfig.municipalities.map((m) => m.id)).toEqual([
      'molde',
      'aukra',
      'hustadvika',
      'rauma',
      'vestnes',
      'gjemnes',
    ]);
    expect(defaultServiceConfig.categories.length).toBeGreaterThanOrEqual(6);
  });

  it('is valid and unchanged by parsing', () => {
    expect(serviceConfigSchema.parse(structuredClone(defaultServiceConfig))).toEqual(
      defaultServiceConfig,
    );
  });

  it('equals resources/config/default-config.json (UPDATE_DEFAULT_CONFIG=1 rewrites the file)', () => {
    if (process.env.UPDATE_DEFAULT_CONFIG) {
      writeFileSync(defaultFile, `${JSON.stringify(defaultServiceConfig, null, 2)}\n`);
    }
    const text = readFileSync(defaultFile, 'utf8');
    expect(parseServiceConfig(text, 'default-config.json')).toEqual(defaultServiceConfig);
    expect(JSON.parse(text)).toEqual(defaultServiceConfig);
  });

  it('fills left-out sections with the seed defaults', () => {
    const { organisation, municipalities, categories } = defaultServiceConfig;
    const parsed = parseServiceConfig(
      JSON.stringify({ organisation, municipalities, categories }),
      'c.json',
    );
    expect(parsed).toEqual(defaultServiceConfig);
  });
});

describe('one-line errors naming the file, the field and what is wrong', () => {
  it.each<[string, (c: ReturnType<typeof base>) => unknown, string]>([
    [
      'a number where a phone number belongs',
      (c) => ({ ...c, calendar: { ...c.calendar, phoneNumbers: { support: '1', onCall: 42 } } }),
      'config.json: calendar.phoneNumbers.onCall: phoneNumbers.onCall must be a text, got number',
    ],
    [
      'a missing organisation name',
      (c) => ({ ...c, organisation: { ...c.organisation, name: undefined } }),
      'config.json: organisation.name: expected string, got nothing (the field is missing)',
    ],
    [
      'a misspelt field',
      (c) => ({ ...c, organisation: { ...c.organisation, nmae: 'x' } }),
      'config.json: organisation.nmae: unknown field (misspelt, or not part of the configuration)',
    ],
    [
      'a priority that does not exist',
      (c) => ({ ...c, categories: [{ ...c.categories[0], priorityHint: 'urgent' }] }),
      'config.json: categories[0].priorityHint: expected one of "critical", "high", "medium", "low", got "urgent"',
    ],
    [
      'a municipality id that is not kebab-case',
      (c) => ({ ...c, municipalities: [{ id: 'Molde kommune', name: 'Molde' }] }),
      'config.json: municipalities[0].id: must be a kebab-case id such as "molde" or "ny-brukar"',
    ],
    [
      'two municipalities with one id',
      (c) => ({ ...c, municipalities: [c.municipalities[0], c.municipalities[0]] }),
      'config.json: municipalities[1].id: duplicate municipality id "molde"',
    ],
    [
      'two categories with one id',
      (c) => ({ ...c, categories: [c.categories[0], c.categories[0]] }),
      'config.json: categories[1].id: duplicate category id "login-password"',
    ],
    [
      'two fields with one id',
      (c) => ({
        ...c,
        categories: [
          { ...c.categories[1], fields: [c.categories[1]!.fields[0], c.categories[1]!.fields[0]] },
        ],
      }),
      'config.json: categories[0].fields[1].id: duplicate field id "printerName"',
    ],
    [
      'a select field without options',
      (c) => ({
        ...c,
        categories: [
          {
            ...c.categories[0],
            fields: [{ id: 'x', label: { nn: 'a', nb: 'a', en: 'a' }, type: 'select' }],
          },
        ],
      }),
      'config.json: categories[0].fields[0].options: a select field needs options',
    ],
    [
      'a consultant listed twice',
      (c) => ({
        ...c,
        municipalities: [
          { id: 'molde', name: 'Molde', line2Group: { name: 'G', consultantIds: ['u1', 'u1'] } },
        ],
      }),
      'config.json: municipalities[0].line2Group.consultantIds[1]: consultant "u1" is listed twice',
    ],
    [
      'no municipalities',
      (c) => ({ ...c, municipalities: [] }),
      'config.json: municipalities: must list at least one municipality',
    ],
  ])('%s', (_case, breakIt, message) => {
    expect(problemWith(breakIt(base()))).toBe(message);
  });

  it('counts further problems without listing them', () => {
    const message = problemWith({ ...base(), organisation: {}, municipalities: [] });
    expect(message).toMatch(/^config\.json: organisation\.name: .* \(and 3 more\)$/);
  });

  it('reports broken JSON on one line', () => {
    expect(() => parseServiceConfig('{\n "organisation": ', 'config.json')).toThrow(
      /^config\.json: not valid JSON: [^\n]+$/,
    );
  });

  it('refuses YAML, naming the file', () => {
    expect(() => parseServiceConfig('a: 1', 'saksbord.yaml')).toThrow(
      'saksbord.yaml: YAML is not supported; write the configuration as JSON',
    );
  });
});
