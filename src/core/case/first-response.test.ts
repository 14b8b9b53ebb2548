import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../rules/actor';
import { type CaseChangeInput, caseChangeSchema } from './case-change';
import { countsAsFirstResponse } from './first-response';

const id = '7b0d4f7e-4a8e-4c57-9a55-0a7f3f0e7a01';
const staff = roles.filter((r): r is Exclude<Role, 'requester'> => r !== 'requester');

/** change → does it stop the response clock when staff do it? (A requester's act never does.) */
const table: [string, CaseChangeInput, boolean][] = [
  ['acknowledged', { type: 'acknowledged' }, true],
  [
    'comment to the requester',
    { type: 'commented', commentId: id, body: 'Vi ser på det', visibility: 'requester' },
    true,
  ],
  [
    'internal note',
    { type: 'commented', commentId: id, body: 'notat', visibility: 'internal' },
    false,
  ],
  ['taken in work', { type: 'statusChanged', status: 'inProgress' }, true],
  [
    'set waiting for the requester',
    { type: 'statusChanged', status: 'waiting', waitingReason: 'requester' },
    true,
  ],
  ['resolved', { type: 'statusChanged', status: 'resolved', note: 'Bytta toner' }, true],
  ['reopened', { type: 'statusChanged', status: 'reopened' }, true],
  ['closed (confirmed)', { type: 'statusChanged', status: 'closed' }, true],
  ['escalated', { type: 'escalated', toLine: 2, reason: 'Treng tilgang' }, true],
  ['merged', { type: 'merged', intoCaseId: id }, true],
  ['priority set', { type: 'prioritySet', priority: 'high' }, false],
  ['assigned', { type: 'assigned', assigneeId: 'agent-7' }, false],
  ['title edited', { type: 'fieldsChanged', changes: { title: 'Ny tittel' } }, false],
  ['worklog', { type: 'worklogAdded', entryId: id, minutes: 5, line: 1 }, false],
  ['linked', { type: 'linked', otherCaseId: id }, false],
  [
    'attachment',
    {
      type: 'attachmentAdded',
      attachmentId: id,
      fileName: 'skjerm.png',
      contentType: 'image/png',
      sizeBytes: 2048,
    },
    false,
  ],
  [
    'created',
    {
      type: 'created',
      title: 'Skrivaren skriv ikkje ut',
      priority: 'medium',
      channel: 'phone',
      requester: { name: 'Kari Nordmann', municipalityId: 'molde' },
    },
    false,
  ],
];

describe('what counts as the service’s first response', () => {
  describe.each(staff)('done by %s', (role) => {
    it.each(table)('%s → %s', (_what, input, expected) => {
      expect(countsAsFirstResponse(caseChangeSchema.parse(input), role)).toBe(expected);
    });
  });

  describe('done by the requester: never', () => {
    it.each(table)('%s', (_what, input) => {
      expect(countsAsFirstResponse(caseChangeSchema.parse(input), 'requester')).toBe(false);
    });
  });
});
