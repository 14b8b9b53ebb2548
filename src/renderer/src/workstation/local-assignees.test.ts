import { type CaseChangeInput, caseChangeSchema } from '@core/case/index';
import type { Actor } from '@core/rules/index';
import { describe, expect, it } from 'vitest';
import { localAssigneeLookup } from './local-assignees';

const me: Actor = { id: 'agent1', role: 'agent', municipalityIds: [] };
const staff: Actor[] = [
  { id: 'konsulent-molde', role: 'consultant', municipalityIds: ['molde'] },
  { id: 'senior1', role: 'senior', municipalityIds: [] },
];
const change = (input: CaseChangeInput) => caseChangeSchema.parse(input);

describe('the local check of an assignment knows the directory', () => {
  it.each([
    ['a known colleague', { type: 'assigned', assigneeId: 'konsulent-molde' }, 'consultant'],
    ['oneself', { type: 'assigned', assigneeId: 'agent1' }, 'agent'],
    [
      'someone not in the directory: the server decides',
      { type: 'assigned', assigneeId: 'ny' },
      null,
    ],
    ['unassigning', { type: 'assigned', assigneeId: null }, null],
    ['another change', { type: 'acknowledged' }, null],
  ] as const)('%s', (_, input, role) => {
    const lookup = localAssigneeLookup(change(input as CaseChangeInput), me, staff);
    const assignee = input.type === 'assigned' ? input.assigneeId : null;
    expect(lookup && assignee ? lookup(assignee)?.role : null).toBe(role);
  });
});
