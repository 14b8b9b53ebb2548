import { type CaseChangeInput, caseChangeSchema } from '@core/case/index';
import { describe, expect, it } from 'vitest';
import type { EntryFacts } from './timeline-facts';
import { worklogEntries } from './worklog-entries';

const id = '7b0d4f7e-4a8e-4c57-9a55-0a7f3f0e7a01';
const fact = (
  key: string,
  at: string,
  change: CaseChangeInput,
  extra: Partial<EntryFacts> = {},
): EntryFacts => ({
  key,
  at,
  change: caseChangeSchema.parse(change),
  actorId: 'kari',
  deviceId: null,
  claimedAt: null,
  pending: false,
  rejectionReason: null,
  rejectionRule: null,
  rejectionParams: {},
  ...extra,
});

describe('worklog entries', () => {
  it('lists each entry with who, when, minutes, line and note, oldest first', () => {
    const facts = [
      fact('b', '2026-11-24T10:00:00Z', {
        type: 'worklogAdded',
        entryId: id,
        minutes: 15,
        line: 1,
        note: 'Ringde tilbake',
      }),
      fact('c', '2026-11-24T09:00:00Z', {
        type: 'commented',
        commentId: id,
        body: 'x',
        visibility: 'internal',
      }),
      fact(
        'a',
        '2026-11-24T08:30:00Z',
        { type: 'worklogAdded', entryId: id, minutes: 40, line: 2 },
        { actorId: 'ola', pending: true },
      ),
    ];
    expect(worklogEntries(facts)).toEqual([
      {
        key: 'a',
        actorId: 'ola',
        at: '2026-11-24T08:30:00Z',
        minutes: 40,
        line: 2,
        note: '',
        pending: true,
      },
      {
        key: 'b',
        actorId: 'kari',
        at: '2026-11-24T10:00:00Z',
        minutes: 15,
        line: 1,
        note: 'Ringde tilbake',
        pending: false,
      },
    ]);
  });
  it('leaves out an entry the server refused', () => {
    const refused = fact(
      'r',
      '2026-11-24T10:00:00Z',
      { type: 'worklogAdded', entryId: id, minutes: 5, line: 1 },
      { rejectionReason: 'Nei' },
    );
    expect(worklogEntries([refused])).toEqual([]);
  });
});
