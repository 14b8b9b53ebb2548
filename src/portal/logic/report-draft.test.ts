import { defaultProblemCategories } from '@core/config';
import { describe, expect, it } from 'vitest';
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
      'description',
      'priority-completeLoss',
    ]);
    expect(problems[1]!.message).toBe('«Namn eller plassering på skrivaren» må fyllast ut.');
    expect(problems[3]!.message).toBe('«Kva skjedde?» må fyllast ut.');
    expect(problems[4]!.message).toMatch(/^Svar på spørsmålet: «Hindrar feilen deg/);
  });

  it('says which field is too long, in the chosen language', () => {
    const draft: ReportDraft = {
      ...emptyDraft,
      categoryId: 'printer',
      title: 'Skrivar',
      description: 'Tomt',
      fields: { printerName: 'x'.repeat(201), problem: 'toner' },
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
      description: ' Papirstopp. ',
      fields: { printerName: '2. etasje', problem: 'paper-jam' },
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
        noNetwork: false,
      },
      categoryId: 'printer',
      // The description is asked once, not again as a form field.
      formValues: { printerName: '2. etasje', problem: 'paper-jam' },
    });
    expect(Object.keys(body)).not.toContain('assigneeId');
  });

  it('form values: checkboxes are booleans, empty texts are left out', () => {
    const login = defaultProblemCategories.find((c) => c.id === 'login-password')!;
    expect(toFormValues(login, { system: 'pc', username: ' ', assetTag: 'x' })).toEqual({
      system: 'pc',
      accountLocked: false,
    });
  });

  it('a form with a required text area of its own does not ask "Kva skjedde?" as well', () => {
    const access = defaultProblemCategories.find((c) => c.id === 'new-user-access')!;
    const draft: ReportDraft = {
      ...emptyDraft,
      categoryId: access.id,
      title: 'Ny tilsett',
      fields: { personName: 'Per', startDate: '2026-04-01', access: 'Visma' },
    };
    expect(checkDraft(draft, access, done, t, 'nn')).toEqual([]);
  });
});

describe('"Eg har ikkje nett": the agents must be able to phone, and see that they should', () => {
  const base: ReportDraft = {
    ...emptyDraft,
    categoryId: 'printer',
    title: 'Nettet er nede',
    description: 'Ingen nett på kontoret.',
    fields: { printerName: '2. etasje', problem: 'other' },
  };
  it.each([
    ['no network, a phone number', true, '900 12 345', []],
    ['no network, e-mail and phone', true, 'kari@molde.kommune.no, 900 12 345', []],
    ['no network, only an e-mail', true, 'kari@molde.kommune.no', ['contact']],
    ['no network, no contact', true, '', ['contact']],
    ['network, no contact', false, '', []],
  ])('%s', (_name, noNetwork, contact, expected) => {
    const problems = checkDraft({ ...base, noNetwork, contact }, printer, done, t, 'nn');
    expect(problems.map((p) => p.inputId)).toEqual(expected);
    if (expected.length > 0) expect(problems[0]!.message).toMatch(/telefonnummer/);
  });

  it('the answer is sent with the requester', () => {
    const body = createCaseBody(
      { ...base, noNetwork: true, contact: '900 12 345' },
      printer,
      done.answers,
      'low',
      user,
    );
    expect(body.requester).toMatchObject({ contact: '900 12 345', noNetwork: true });
  });
});
