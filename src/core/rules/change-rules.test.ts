import { describe, expect, it } from 'vitest';
import { type CaseChange, type CaseChangeInput, caseChangeSchema } from '../case/case-change';
import type { CaseRecord } from '../case/case-record';
import { defaultProblemCategories } from '../config/default-problem-categories';
import { checkChange } from './change-rules';
import {
  actor,
  context,
  otherCaseId,
  type Person,
  sampleCase,
  sampleCaseId,
} from './rule-test-fixtures';

const created = (
  overrides: Partial<Extract<CaseChangeInput, { type: 'created' }>> = {},
): CaseChangeInput => ({
  type: 'created',
  title: 'Får ikkje logge på',
  priority: 'low',
  channel: 'portal',
  requester: { name: 'Kari Nordmann', municipalityId: 'molde', userId: 'kari' },
  ...overrides,
});

const attachment: CaseChangeInput = {
  type: 'attachmentAdded',
  attachmentId: otherCaseId,
  fileName: 'skjermbilete.png',
  contentType: 'image/png',
  sizeBytes: 2048,
};

function check(current: CaseRecord | null, input: CaseChangeInput, who: Person) {
  const change: CaseChange = caseChangeSchema.parse(input);
  const verdict = checkChange(current, change, actor(who), context);
  return verdict.ok ? 'ok' : verdict.rule;
}

describe('registering a case', () => {
  it.each<[string, CaseChangeInput, Person, string]>([
    ['a requester reports in the portal, in their own name', created(), 'kari', 'ok'],
    [
      'a requester cannot register by phone channel',
      created({ channel: 'phone' }),
      'kari',
      'requester.portalOnly',
    ],
    [
      'a requester cannot report in somebody else’s name',
      created({ requester: { name: 'Ola', municipalityId: 'molde', userId: 'ola' } }),
      'kari',
      'requester.notOwnCase',
    ],
    [
      'a requester cannot claim critical without the answers for it',
      created({ priority: 'critical' }),
      'kari',
      'priority.aboveDefinition',
    ],
    [
      'critical when the answers say so',
      created({
        priority: 'critical',
        priorityAnswers: { completeLoss: true, lifeAndHealth: true },
      }),
      'kari',
      'ok',
    ],
    [
      'a requester may ask for less than the definitions give',
      created({ priority: 'low', priorityAnswers: { completeLoss: true, lifeAndHealth: true } }),
      'kari',
      'ok',
    ],
    [
      'an agent registers a phone case at any priority',
      created({
        channel: 'phone',
        priority: 'critical',
        requester: { name: 'Ola', municipalityId: 'aukra' },
      }),
      'agent',
      'ok',
    ],
    [
      'the municipality must be one the service supports',
      created({ requester: { name: 'Kari', municipalityId: 'oslo', userId: 'kari' } }),
      'agent',
      'case.unknownMunicipality',
    ],
  ])('%s', (_rule, change, who, expected) => {
    expect(check(null, change, who)).toBe(expected);
  });

  it('a case is registered once', () => {
    expect(check(sampleCase(), created(), 'agent')).toBe('case.alreadyExists');
  });

  it('other changes need the case first', () => {
    expect(check(null, { type: 'acknowledged' }, 'agent')).toBe('case.notFound');
  });
});

describe('what a requester may do on their own case', () => {
  const comment = (visibility: 'internal' | 'requester'): CaseChangeInput => ({
    type: 'commented',
    commentId: otherCaseId,
    body: 'Det verkar framleis ikkje',
    visibility,
  });
  it.each<[string, CaseChangeInput, string]>([
    ['comment to user support', comment('requester'), 'ok'],
    ['not an internal comment', comment('internal'), 'requester.internalComment'],
    ['not assign', { type: 'assigned', assigneeId: 'moldeConsultant' }, 'requester.cannotAssign'],
    [
      'not escalate',
      { type: 'escalated', toLine: 2, reason: 'Vil ha konsulenten' },
      'requester.cannotEscalate',
    ],
    ['not set the priority', { type: 'prioritySet', priority: 'critical' }, 'requester.notAllowed'],
    [
      'not edit the fields',
      { type: 'fieldsChanged', changes: { title: 'Ny tittel' } },
      'requester.notAllowed',
    ],
    [
      'not log time',
      { type: 'worklogAdded', entryId: otherCaseId, minutes: 5, line: 1 },
      'requester.notAllowed',
    ],
    ['not merge', { type: 'merged', intoCaseId: otherCaseId }, 'requester.notAllowed'],
    ['attach a file', attachment, 'ok'],
  ])('%s', (_rule, change, expected) => {
    expect(check(sampleCase(), change, 'kari')).toBe(expected);
  });
});

describe('who may attach a file', () => {
  it.each<[string, Partial<CaseRecord>, Person, string]>([
    ['the requester, on their own case', {}, 'kari', 'ok'],
    ['the requester, on their own closed case', { status: 'closed' }, 'kari', 'ok'],
    ['not another requester', {}, 'ola', 'access.notVisible'],
    ['an agent', {}, 'agent', 'ok'],
    ['a senior', { line: 3 }, 'senior', 'ok'],
    ['a team leader', {}, 'teamLeader', 'ok'],
    ['an admin', {}, 'admin', 'ok'],
    ['a consultant of the municipality', { line: 2 }, 'moldeConsultant', 'ok'],
    [
      'not a consultant of another municipality',
      { line: 2 },
      'aukraConsultant',
      'access.notVisible',
    ],
    [
      'a consultant of another municipality the case is assigned to',
      { line: 2, assigneeId: 'aukraConsultant' },
      'aukraConsultant',
      'ok',
    ],
    ['staff, on a closed case (an addition to its record)', { status: 'closed' }, 'agent', 'ok'],
  ])('%s', (_rule, overrides, who, expected) => {
    expect(check(sampleCase(overrides), attachment, who)).toBe(expected);
  });
});

describe('staff', () => {
  it.each<[string, CaseChangeInput, string]>([
    [
      'comment internally',
      { type: 'commented', commentId: otherCaseId, body: 'Sjekka AD', visibility: 'internal' },
      'ok',
    ],
    [
      'set a priority by the definitions',
      {
        type: 'prioritySet',
        priority: 'high',
        answers: {
          completeLoss: true,
          lifeAndHealth: false,
          homeOffice: false,
          highUptimeSystem: false,
          scope: 'unit',
        },
      },
      'ok',
    ],
    [
      'depart from the definitions only with a note',
      { type: 'prioritySet', priority: 'critical', answers: { completeLoss: false } },
      'priority.overrideNeedsNote',
    ],
    [
      'depart from the definitions with a note',
      {
        type: 'prioritySet',
        priority: 'critical',
        answers: { completeLoss: false },
        note: 'Gjeld valdagen',
      },
      'ok',
    ],
    ['set a priority without the wizard', { type: 'prioritySet', priority: 'medium' }, 'ok'],
    ['not merge a case into itself', { type: 'merged', intoCaseId: sampleCaseId }, 'merge.self'],
    ['merge a duplicate', { type: 'merged', intoCaseId: otherCaseId }, 'ok'],
    ['not link a case to itself', { type: 'linked', otherCaseId: sampleCaseId }, 'link.self'],
    [
      'not move the requester to an unknown municipality',
      { type: 'fieldsChanged', changes: { requester: { name: 'Kari', municipalityId: 'bergen' } } },
      'case.unknownMunicipality',
    ],
  ])('%s', (_rule, change, expected) => {
    expect(check(sampleCase(), change, 'agent')).toBe(expected);
  });
});

describe('a closed case only takes reopening and additions to its record', () => {
  const closed = sampleCase({ status: 'closed' });
  it.each<[string, CaseChangeInput, string]>([
    ['reopen', { type: 'statusChanged', status: 'reopened' }, 'ok'],
    [
      'comment',
      { type: 'commented', commentId: otherCaseId, body: 'Notat', visibility: 'internal' },
      'ok',
    ],
    ['log time', { type: 'worklogAdded', entryId: otherCaseId, minutes: 15, line: 1 }, 'ok'],
    ['link', { type: 'linked', otherCaseId }, 'ok'],
    ['attach a file', attachment, 'ok'],
    ['not escalate', { type: 'escalated', toLine: 3, reason: 'x' }, 'case.closed'],
    ['not assign', { type: 'assigned', assigneeId: 'agent' }, 'case.closed'],
    ['not reprioritise', { type: 'prioritySet', priority: 'high' }, 'case.closed'],
    ['not edit', { type: 'fieldsChanged', changes: { title: 'x' } }, 'case.closed'],
    ['not merge', { type: 'merged', intoCaseId: otherCaseId }, 'case.closed'],
  ])('%s', (_rule, change, expected) => {
    expect(check(closed, change, 'agent')).toBe(expected);
  });
});

describe('categories and portal forms, when the context has the categories', () => {
  const withCategories = { ...context, categories: defaultProblemCategories };
  const printerForm = { printerName: 'Rådhuset', problem: 'toner' };
  const run = (input: CaseChangeInput, who: Person, current: CaseRecord | null = null) => {
    const verdict = checkChange(current, caseChangeSchema.parse(input), actor(who), withCategories);
    return verdict.ok ? 'ok' : verdict.rule;
  };
  it.each<[string, CaseChangeInput, Person, string]>([
    [
      'a complete portal form',
      created({ categoryId: 'printer', formValues: printerForm }),
      'kari',
      'ok',
    ],
    [
      'a portal form missing a required field',
      created({ categoryId: 'printer', formValues: { problem: 'toner' } }),
      'kari',
      'case.formInvalid',
    ],
    [
      'an agent may register what is known so far',
      created({ categoryId: 'printer', formValues: {} }),
      'agent',
      'ok',
    ],
    [
      'an unknown category',
      created({ categoryId: 'coffee-machine' }),
      'agent',
      'case.unknownCategory',
    ],
    ['no category at all', created(), 'kari', 'ok'],
  ])('%s', (_rule, change, who, expected) => {
    expect(run(change, who)).toBe(expected);
  });

  it('recategorising needs a known category', () => {
    expect(
      run(
        { type: 'fieldsChanged', changes: { categoryId: 'coffee-machine' } },
        'agent',
        sampleCase(),
      ),
    ).toBe('case.unknownCategory');
    expect(
      run({ type: 'fieldsChanged', changes: { categoryId: 'email-teams' } }, 'agent', sampleCase()),
    ).toBe('ok');
  });
});
