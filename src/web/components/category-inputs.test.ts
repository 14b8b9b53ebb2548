import { checkFormValues, type ProblemCategory, problemCategorySchema } from '@core/config';
import { describe, expect, it } from 'vitest';
import { type FormInputs, toFormValues } from './category-inputs';

const text = (nn: string) => ({ nn, nb: nn, en: nn });
const category: ProblemCategory = problemCategorySchema.parse({
  id: 'printer',
  name: text('Skrivar'),
  description: text('Skrivaren'),
  presetAnswers: {},
  fields: [
    { id: 'printerName', label: text('Skrivar'), type: 'text', required: true },
    { id: 'pages', label: text('Sider'), type: 'number' },
    { id: 'since', label: text('Sidan'), type: 'date' },
    {
      id: 'kind',
      label: text('Type'),
      type: 'select',
      options: [{ id: 'laser', label: text('Laser') }],
    },
    { id: 'urgent', label: text('Hastar'), type: 'checkbox' },
  ],
});

describe('form inputs become the case’s form values', () => {
  it.each<[string, FormInputs, Record<string, unknown>]>([
    [
      'texts trimmed, an unticked checkbox false',
      { printerName: ' HP 4 ' },
      { printerName: 'HP 4', urgent: false },
    ],
    [
      'empty texts left out',
      { printerName: 'HP', pages: ' ', since: '' },
      { printerName: 'HP', urgent: false },
    ],
    [
      'a number with a decimal comma',
      { printerName: 'HP', pages: '1,5' },
      { printerName: 'HP', pages: 1.5, urgent: false },
    ],
    [
      'a whole number',
      { printerName: 'HP', pages: ' 12 ' },
      { printerName: 'HP', pages: 12, urgent: false },
    ],
    // Kept as typed so the form check names the field; the workstation used to store 0 for ''.
    [
      'a number that does not parse',
      { printerName: 'HP', pages: 'tolv' },
      { printerName: 'HP', pages: 'tolv', urgent: false },
    ],
    [
      'a list choice and a date as given',
      { kind: 'laser', since: '2026-03-10', urgent: true },
      { kind: 'laser', since: '2026-03-10', urgent: true },
    ],
    [
      'inputs of no field dropped',
      { printerName: 'HP', stray: 'x' },
      { printerName: 'HP', urgent: false },
    ],
  ])('%s', (_what, inputs, values) => {
    expect(toFormValues(category, inputs)).toEqual(values);
  });

  it.each<[string, FormInputs, string[]]>([
    ['a complete form passes core’s check', { printerName: 'HP', pages: '3' }, []],
    ['a missing required text is named', { pages: '3' }, ['printerName:required']],
    [
      'a number that does not parse is named',
      { printerName: 'HP', pages: 'tolv' },
      ['pages:wrongType'],
    ],
  ])('%s', (_what, inputs, problems) => {
    const found = checkFormValues(category, toFormValues(category, inputs));
    expect(found.map((p) => `${p.fieldId}:${p.problem}`)).toEqual(problems);
  });
});
