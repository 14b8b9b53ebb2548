import { caseChangeSchema } from '@core/case/index';
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../db/case-repository';
import { entryFacts } from './timeline-facts';

const change = caseChangeSchema.parse({
  type: 'commented',
  commentId: '7b0d4f7e-4a8e-4c57-9a55-0a7f3f0e7a01',
  body: 'Prøvd på nytt',
  visibility: 'requester',
});

function serverEntry(claimedClientAt?: string): TimelineEntry {
  return {
    kind: 'server',
    event: {
      id: 'e1',
      caseId: 'c1',
      seq: 1,
      at: '2026-11-30T09:00:00.000Z',
      clientAt: '2026-11-30T09:00:00.000Z',
      actorId: 'kari',
      deviceId: 'd1',
      mutationId: null,
      change,
      ...(claimedClientAt ? { claimedClientAt } : {}),
    },
  } as unknown as TimelineEntry;
}

describe('entryFacts: the device clock the server did not take is kept for the history', () => {
  const cases: [string, string | undefined, string | null][] = [
    ['a time the server took', undefined, null],
    [
      'a time from the year 2000, moved by the server',
      '2000-01-01T10:00:00.000Z',
      '2000-01-01T10:00:00.000Z',
    ],
  ];
  it.each(cases)('%s', (_name, claimed, expected) => {
    expect(entryFacts(serverEntry(claimed)).claimedAt).toBe(expected);
  });
});
