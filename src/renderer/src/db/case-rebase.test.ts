import { describe, expect, it } from 'vitest';
import { rebuildLocalCase, serverRecordOf, stripLocal } from './case-rebase';
import type { LocalCase, OutboxItem } from './local-records';
import { createdChange, serverCase } from './test-fixtures';

const id = '00000000-0000-4000-8000-000000000001';
const server = serverCase({ id, title: 'Nettverket er nede', version: 3 });

function item(state: OutboxItem['state'], seq: number | null = null): OutboxItem {
  return {
    order: 1,
    mutationId: '00000000-0000-4000-8000-0000000000aa',
    caseId: id,
    mutation: {
      mutationId: '00000000-0000-4000-8000-0000000000aa',
      caseId: id,
      baseVersion: 3,
      clientAt: '2026-11-24T09:00:00.000Z',
      change: { type: 'fieldsChanged', changes: { title: 'Lokal tittel' } },
    },
    actorId: 'agent-1',
    state,
    attempts: 0,
    lastError: null,
    seq,
    rejectionReason: null,
    rejectionRule: null,
  };
}

describe('the shown case and the server record it rests on', () => {
  it.each([
    ['no local edits', [], 'Nettverket er nede', true],
    [
      'an edit acknowledged and already in the record',
      [item('acknowledged', 2)],
      'Nettverket er nede',
      true,
    ],
    ['a rejected edit (not shown)', [item('rejected')], 'Nettverket er nede', true],
    ['a pending edit', [item('pending')], 'Lokal tittel', false],
    ['an edit acknowledged but not pulled yet', [item('acknowledged', 4)], 'Lokal tittel', false],
  ] as const)(
    'with %s: shows %j; the server record is stored once only when nothing is on top',
    (_what, items, title, storedOnce) => {
      const local = rebuildLocalCase(id, server, items)!;
      expect(local.title).toBe(title);
      expect(local.serverIsShown === true).toBe(storedOnce);
      expect(local.server).toEqual(storedOnce ? null : server);
      expect(serverRecordOf(local)).toEqual(server);
    },
  );

  it('has no server record for a case created here and not yet synced', () => {
    const created = rebuildLocalCase(id, null, [
      {
        ...item('pending'),
        mutation: {
          ...item('pending').mutation,
          baseVersion: 0,
          change: createdChange({ title: 'Ny sak', priority: 'low' }),
        },
      },
    ])!;
    expect(created.provisionalNumber).toMatch(/^L-/);
    expect(serverRecordOf(created)).toBeNull();
  });

  it('reads rows stored before the flag existed (server record kept in full)', () => {
    const old: LocalCase = {
      ...server,
      pendingCount: 0,
      rejectedCount: 0,
      provisionalNumber: null,
      server,
    };
    expect(serverRecordOf(old)).toBe(server);
    expect(stripLocal(old)).toEqual(server);
  });
});
