import { describe, expect, it } from 'vitest';
import { createServiceCalendar, defaultCalendarConfig } from '../calendar/index';
import { defaultSlaConfig, slaStateOfCase } from '../sla/index';
import { type CaseChangeInput, caseChangeSchema } from './case-change';
import type { CaseRecord } from './case-record';
import { applyChange } from './case-reducer';

const caseId = '0b7a5c1e-2d3f-4a5b-8c9d-0e1f2a3b4c5d';
const calendar = createServiceCalendar(defaultCalendarConfig);

/** Applies changes at the given Oslo times (all on Tuesday 24 November 2026, +01:00). */
function history(...steps: [string, CaseChangeInput][]): CaseRecord {
  let record: CaseRecord | null = null;
  steps.forEach(([time, input], i) => {
    record = applyChange(record, caseChangeSchema.parse(input), {
      caseId,
      at: `2026-11-24T${time}:00+01:00`,
      actorId: 'agent-1',
      actorRole: 'agent',
      seq: i + 1,
    });
  });
  return record!;
}

const created: CaseChangeInput = {
  type: 'created',
  title: 'Fagsystemet svarar ikkje',
  priority: 'high',
  channel: 'phone',
  requester: { name: 'Ola', municipalityId: 'molde' },
};
const at = (time: string) => Date.parse(`2026-11-24T${time}:00+01:00`);

describe('the reducer leaves the SLA facts of every change on the case', () => {
  it.each<[string, [string, CaseChangeInput][], string[]]>([
    ['creation starts the clocks', [['09:00', created]], ['created']],
    [
      'starting work is the first response',
      [
        ['09:00', created],
        ['09:10', { type: 'statusChanged', status: 'inProgress' }],
      ],
      ['created', 'responded'],
    ],
    [
      'only the first response counts',
      [
        ['09:00', created],
        ['09:10', { type: 'acknowledged' }],
        ['09:20', { type: 'statusChanged', status: 'inProgress' }],
      ],
      ['created', 'responded'],
    ],
    [
      'an internal comment is no response',
      [
        ['09:00', created],
        ['09:10', { type: 'commented', commentId: caseId, body: 'notat', visibility: 'internal' }],
      ],
      ['created'],
    ],
    [
      'waiting pauses, leaving waiting resumes',
      [
        ['09:00', created],
        ['09:10', { type: 'statusChanged', status: 'waiting', waitingReason: 'requester' }],
        ['10:00', { type: 'statusChanged', status: 'inProgress' }],
      ],
      ['created', 'responded', 'paused', 'resumed'],
    ],
    [
      'a new waiting reason is no new pause',
      [
        ['09:00', created],
        ['09:10', { type: 'statusChanged', status: 'waiting', waitingReason: 'requester' }],
        ['09:20', { type: 'statusChanged', status: 'waiting', waitingReason: 'thirdParty' }],
      ],
      ['created', 'responded', 'paused'],
    ],
    [
      'same priority again changes no target',
      [
        ['09:00', created],
        ['09:10', { type: 'prioritySet', priority: 'high' }],
      ],
      ['created'],
    ],
    [
      'raising the priority re-targets',
      [
        ['09:00', created],
        ['09:10', { type: 'prioritySet', priority: 'critical' }],
      ],
      ['created', 'priorityChanged'],
    ],
    [
      'resolving and reopening',
      [
        ['09:00', created],
        ['09:10', { type: 'statusChanged', status: 'resolved' }],
        ['09:30', { type: 'statusChanged', status: 'reopened' }],
      ],
      ['created', 'responded', 'resolved', 'reopened'],
    ],
    [
      'closing a resolved case is no second resolution',
      [
        ['09:00', created],
        ['09:10', { type: 'statusChanged', status: 'resolved' }],
        ['09:30', { type: 'statusChanged', status: 'closed' }],
      ],
      ['created', 'responded', 'resolved'],
    ],
    [
      'merging resolves',
      [
        ['09:00', created],
        ['09:10', { type: 'merged', intoCaseId: caseId }],
      ],
      ['created', 'responded', 'resolved'],
    ],
  ])('%s', (_rule, steps, kinds) => {
    expect(history(...steps).slaTimeline.map((fact) => fact.kind)).toEqual(kinds);
  });

  it('a case waiting an hour has its response clock stopped and resolution paused', () => {
    const record = history(
      ['09:00', created],
      ['09:30', { type: 'statusChanged', status: 'waiting', waitingReason: 'thirdParty' }],
    );
    const state = slaStateOfCase(record, calendar, defaultSlaConfig, at('10:30'))!;
    expect(state.response.status).toBe('met');
    expect(state.resolution).toMatchObject({ status: 'paused', usedMinutes: 30 });
  });

  it('a record without history has no SLA state', () => {
    expect(slaStateOfCase({ slaTimeline: [] }, calendar, defaultSlaConfig, at('10:00'))).toBeNull();
  });
});
