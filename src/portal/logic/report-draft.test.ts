import { describe, expect, it } from 'vitest';
import { defaultProblemCategories } from '../../core/config';
import { translatorFor } from '../i18n/translate';
import { priorityStepsFor } from './priority-steps';
import {
  checkDraft,
  createCaseBody,
  emptyDraft,
  type ReportDraft,
  toFormValues,
} from './report-draft';

const printer = defaultProblemCategories.find((c) => c.id === 'printer')!;
const t = translatorFor('nn');
const done = priorityStepsFor({}, { completeLoss: false });
const user = { id: 'u1', displayName: 'Kari Nordmann', municipalityIds: ['molde'] };

describe('checking the report form', () => {
  it('asks for a category first', () => {
    expect(checkDraft(emptyDraft, undefined, null, t, 'nn')).toEqual([
      { inputId: 'category-first', message: 'Vel kva saka gjeld.' },
    ]);
  });

  it('names every missing field by its label, in page order', () => {
    const draft: ReportDraft = { ...emptyDraft, categoryId: 'printer' };
    const problems = checkDraft(draft, printer, priorityStepsFor({}, {}), t, 'nn');
    expect(problems.map((p) => p.inputId)).toEqual([
      'title',
      'field-printerName',
      'field-problem',
      'field-whatHappened',
      'priority-completeLoss',
    ]);
    expect(problems[1]!.message).toBe('«Namn eller plassering på skrivaren» må fyllast ut.');
    expect(problems[4]!.message).toMatch(/^Svar på spørsmålet: «Hindrar feilen deg/);
  });

  it('says which field is too long, in the chosen language', () => {
    const draft: ReportDraft = {
      ...emptyDraft,
      categoryId: 'printer',
      title: 'Skrivar',
      fields: { printerName: 'x'.repeat(201), problem: 'toner', whatHappened: 'Tomt' },
    };
    expect(checkDraft(draft, printer, done, translatorFor('en'), 'en')).toEqual([
      {
        inputId: 'field-printerName',
        message: '“Printer name or location” is too long (at most 200 characters).',
      },
    ]);
  });

  it('a complete form has no problems and becomes a portal case for the user, unassigned', () => {
    const draft: ReportDraft = {
      ...emptyDraft,
      categoryId: 'printer',
      title: '  Skrivaren skriv ikkje ut ',
      contact: '900 00 000',
      fields: { printerName: '2. etasje', problem: 'paper-jam', whatHappened: 'Papirstopp.' },
    };
    expect(checkDraft(draft, printer, done, t, 'nn')).toEqual([]);
    const body = createCaseBody(draft, printer, done.answers, 'low', user);
    expect(body).toEqual({
      title: 'Skrivaren skriv ikkje ut',
      description: 'Papirstopp.',
      priority: 'low',
      priorityAnswers: { completeLoss: false },
      channel: 'portal',
      requester: {
        name: 'Kari Nordmann',
        contact: '900 00 000',
        municipalityId: 'molde',
        unit: '',
        userId: 'u1',
      },
      categoryId: 'printer',
      formValues: { printerName: '2. etasje', problem: 'paper-jam', whatHappened: 'Papirstopp.' },
    });
    expect(Object.keys(body)).not.toContain('assigneeId');
  });

  it('form values: checkboxes are booleans, empty texts are left out', () => {
    const login = defaultProblemCategories.find((c) => c.id === 'login-password')!;
    expect(toFormValues(login, { system: 'pc', username: ' ', whatHappened: ' Låst ' })).toEqual({
      system: 'pc',
      accountLocked: false,
      whatHappened: 'Låst',
    });
  });
});
