import { type CaseChangeInput, caseChangeSchema } from '@core/case/index';
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n/translate';
import { changeNote, describeChange, personWithRequester, worklogTotals } from './history-text';

const c = (input: CaseChangeInput) => caseChangeSchema.parse(input);
const lookups = { person: () => 'Kari', caseNumber: () => '2026-00001' };
const nn = (input: CaseChangeInput) => describeChange(c(input), translatorFor('nn'), 'nn', lookups);
const id = '7b0d4f7e-4a8e-4c57-9a55-0a7f3f0e7a01';

describe('history lines', () => {
  it.each([
    [{ type: 'prioritySet', priority: 'high' }, 'Prioritet sett til høg'],
    [
      { type: 'statusChanged', status: 'waiting', waitingReason: 'thirdParty' },
      'Status sett til Ventar på leverandør',
    ],
    [
      { type: 'escalated', toLine: 2, reason: 'Treng tilgang' },
      'Flytt til 2. linje: Treng tilgang',
    ],
    [{ type: 'assigned', assigneeId: 'x' }, 'Tildelt Kari'],
    [{ type: 'assigned', assigneeId: null }, 'Tildelinga fjerna'],
    [{ type: 'merged', intoCaseId: id }, 'Slått saman inn i 2026-00001'],
    [
      { type: 'fieldsChanged', changes: { title: 'x', categoryId: null } },
      'Endra: tittel, kategori',
    ],
  ] as const)('%o', (input, text) => {
    expect(nn(input)).toBe(text);
  });
  it('sums the worklog per line', () => {
    const log = [
      c({ type: 'worklogAdded', entryId: id, minutes: 10, line: 2 }),
      c({ type: 'worklogAdded', entryId: id, minutes: 15, line: 1 }),
      c({ type: 'worklogAdded', entryId: id, minutes: 5, line: 2 }),
    ];
    expect(worklogTotals(log)).toEqual([
      { line: 1, minutes: 15 },
      { line: 2, minutes: 15 },
    ]);
  });
});

describe('the requester in the history and the comments', () => {
  const requester = { name: 'Ola Nordmann', userId: 'portal-ola' };
  const staff = (id: string | null) =>
    id === null ? null : id === 'agent-1' ? 'Kari Agent' : 'Tildelt ein kollega';
  it.each([
    ['nn', 'portal-ola', 'Ola Nordmann (innmeldar)'],
    ['nb', 'portal-ola', 'Ola Nordmann (innmelder)'],
    ['en', 'portal-ola', 'Ola Nordmann (requester)'],
    ['nn', 'agent-1', 'Kari Agent'],
    ['nn', null, null],
  ] as const)('%s: %s is named %s', (locale, actorId, name) => {
    const person = personWithRequester(staff, requester, translatorFor(locale));
    expect(person(actorId)).toBe(name);
  });
  it('names nobody the requester when the case has no portal account', () => {
    const person = personWithRequester(staff, { name: 'Ola', userId: null }, translatorFor('nn'));
    expect(person('agent-1')).toBe('Kari Agent');
    expect(person(null)).toBeNull();
  });
});

describe('the note a change carries', () => {
  it.each([
    [
      { type: 'statusChanged', status: 'resolved', note: 'Bytta tonerkassetten' },
      'Bytta tonerkassetten',
    ],
    [{ type: 'statusChanged', status: 'inProgress', note: '  ' }, null],
    [{ type: 'prioritySet', priority: 'high', note: 'Heile kontoret' }, 'Heile kontoret'],
    [{ type: 'assigned', assigneeId: 'x' }, null],
  ] as const)('%o → %s', (input, expected) => {
    expect(changeNote(c(input))).toBe(expected);
  });
});
