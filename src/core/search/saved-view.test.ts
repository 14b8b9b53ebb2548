import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../case/case-record';
import { mayEditView, viewAllows, viewsFor } from './saved-view';

const record = {
  line: 2,
  status: 'inProgress',
  priority: 'high',
  requester: { municipalityId: 'molde' },
  categoryId: 'printer',
  assigneeId: 'u1',
} as unknown as CaseRecord;

describe('saved views', () => {
  it.each([
    [{}, true],
    [{ lines: [2] }, true],
    [{ lines: [1, 3] }, false],
    [{ statuses: ['new'] }, false],
    [{ priorities: ['high', 'critical'] }, true],
    [{ municipalities: ['rauma'] }, false],
    [{ categories: ['printer'] }, true],
    [{ assignees: ['mine'] }, true],
    [{ assignees: ['none'] }, false],
    [{ assignees: ['u2', 'none'] }, false],
    [{ sla: ['breached'] }, false],
    [{ sla: ['stopped'] }, true],
  ] as const)('%j lets the case through: %s', (filters, expected) => {
    expect(viewAllows(record, filters as never, 'u1', () => null)).toBe(expected);
  });

  it('lets owners edit their views, and team leaders the shared ones', () => {
    expect(mayEditView({ ownerId: 'u1', scope: 'personal' }, { id: 'u1', role: 'agent' })).toBe(
      true,
    );
    expect(mayEditView({ ownerId: 'u1', scope: 'personal' }, { id: 'u9', role: 'admin' })).toBe(
      false,
    );
    expect(mayEditView({ ownerId: 'u1', scope: 'shared' }, { id: 'u9', role: 'teamLeader' })).toBe(
      true,
    );
    expect(mayEditView({ ownerId: 'u1', scope: 'shared' }, { id: 'u9', role: 'agent' })).toBe(
      false,
    );
  });

  it('shows shared views first, then the user’s own, each by name', () => {
    const views = [
      { name: 'Mine kritiske', scope: 'personal', ownerId: 'u1' },
      { name: 'Andre sine', scope: 'personal', ownerId: 'u2' },
      { name: 'Molde', scope: 'shared', ownerId: 'u2' },
      { name: 'Aukra', scope: 'shared', ownerId: 'u3' },
    ] as const;
    expect(viewsFor(views, 'u1').map((v) => v.name)).toEqual(['Aukra', 'Molde', 'Mine kritiske']);
  });
});
