import { describe, expect, it } from 'vitest';
import { checkFormValues, type FormValues } from './category-form';
import { defaultProblemCategories } from './default-problem-categories';

const category = (id: string) => defaultProblemCategories.find((c) => c.id === id)!;
const printer = category('printer');
const newUser = category('new-user-access');
const login = category('login-password');

describe('checking a filled-in form against its category', () => {
  const goodPrinter = {
    printerName: 'Rådhuset 2. etg',
    problem: 'paper-jam',
  };
  it.each<[string, typeof printer, FormValues, string[]]>([
    ['a complete printer form passes', printer, goodPrinter, []],
    [
      'a required field left empty',
      printer,
      { ...goodPrinter, printerName: '  ' },
      ['printerName:required'],
    ],
    [
      'a select value that is not an option',
      printer,
      { ...goodPrinter, problem: 'fire' },
      ['problem:unknownOption'],
    ],
    [
      'a text longer than allowed',
      printer,
      { ...goodPrinter, printerName: 'x'.repeat(201) },
      ['printerName:tooLong'],
    ],
    [
      'a field the form does not have',
      printer,
      { ...goodPrinter, colour: 'red' },
      ['colour:unknownField'],
    ],
    [
      'a number in a text field',
      printer,
      { ...goodPrinter, printerName: 7 },
      ['printerName:wrongType'],
    ],
    [
      'a date that is not YYYY-MM-DD',
      newUser,
      { personName: 'Per', startDate: '1.4.2026', access: 'Visma' },
      ['startDate:invalidDate'],
    ],
    ['optional fields may be left out', login, { system: 'pc' }, []],
    [
      'a checkbox holds a boolean',
      login,
      { system: 'pc', accountLocked: 'yes' },
      ['accountLocked:wrongType'],
    ],
  ])('%s', (_rule, cat, values, expected) => {
    expect(checkFormValues(cat, values).map((p) => `${p.fieldId}:${p.problem}`)).toEqual(expected);
  });
});
