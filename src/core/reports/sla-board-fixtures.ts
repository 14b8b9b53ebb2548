/**
 * A seeded history for the SLA board's tests, bench and end-to-end test: thirteen cases
 * around Tuesday 10 March 2026 10:00 Oslo with known breaches, at-risk cases, pauses, a
 * priority raise at night and worklogs. The expected figures are worked out by hand in
 * sla-board-report.test.ts; change the history and those tables together.
 */
import { DateTime } from 'luxon';
import { type CaseChangeInput, caseChangeSchema } from '../case/case-change';
import type { CaseEvent } from '../case/case-event';
import type { CaseRecord } from '../case/case-record';
import { applyChange } from '../case/case-reducer';

const ZONE = 'Europe/Oslo';

/** Epoch ms of an Oslo wall-clock time 'YYYY-MM-DDTHH:mm'. */
export function oslo(local: string): number {
  return DateTime.fromISO(local, { zone: ZONE }).toMillis();
}

/** The instant every expectation is computed at: Tuesday 10 March 2026 10:00 Oslo. */
export const fixtureNow = oslo('2026-03-10T10:00');

/** A stable UUID per fixture letter, e.g. caseIdOf('B'). */
export function caseIdOf(letter: string): string {
  const hex = letter.charCodeAt(0).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

const requester = {
  name: 'Innmeldar',
  contact: '',
  municipalityId: 'molde',
  unit: '',
  userId: null,
};

/** One step of a fixture case's history: when (Oslo), what, and who (default 'u-agent'). */
export type Step = [local: string, change: CaseChangeInput, actorId?: string];

/** A phone case registered with `priority`. */
export const created = (priority: string, title: string): CaseChangeInput =>
  ({ type: 'created', title, priority, channel: 'phone', requester }) as CaseChangeInput;
const status = (s: string, waitingReason: string | null = null): CaseChangeInput =>
  ({ type: 'statusChanged', status: s, waitingReason }) as CaseChangeInput;
const ack: CaseChangeInput = { type: 'acknowledged' };
const assign = (assigneeId: string | null): CaseChangeInput => ({ type: 'assigned', assigneeId });
const escalate = (toLine: 1 | 2 | 3): CaseChangeInput => ({
  type: 'escalated',
  toLine,
  reason: 'needs the consultant',
});
const worklog = (entry: string, line: 1 | 2 | 3, minutes: number): CaseChangeInput => ({
  type: 'worklogAdded',
  entryId: caseIdOf(entry).replace('8000', '9000'),
  line,
  minutes,
});

/** The history, per case letter. Comments give the state at `fixtureNow`. */
export const fixtureHistory: Record<string, Step[]> = {
  // Critical at night (on-call): answered in 10 min, resolved in 3 h. Met, met.
  A: [
    ['2026-03-09T22:00', created('critical', 'Journalsystemet nede')],
    ['2026-03-09T22:10', ack, 'u-vakt'],
    ['2026-03-09T22:30', worklog('a', 1, 20), 'u-vakt'],
    ['2026-03-10T01:00', status('resolved'), 'u-vakt'],
  ],
  // Critical at night, answered after 40 min (response breached, met late); still open on
  // line 2 at 10:00: resolution ran out at 07:00 (breached).
  B: [
    ['2026-03-10T03:00', created('critical', 'Alarmsentral utan samband')],
    ['2026-03-10T03:40', ack, 'u-vakt'],
    ['2026-03-10T04:00', worklog('b', 2, 30), 'u-kari'],
    ['2026-03-10T04:00', escalate(2), 'u-vakt'],
    ['2026-03-10T04:01', assign('u-kari'), 'u-kari'],
    ['2026-03-10T04:05', status('inProgress'), 'u-kari'],
  ],
  // High, new since 09:15: 45 of 60 response minutes used = 75 %: at risk, due 10:15.
  C: [['2026-03-10T09:15', created('high', 'Fagsystem for barnevern utilgjengeleg')]],
  // High, answered at 08:05, waiting for the requester since 08:30: both clocks paused.
  D: [
    ['2026-03-10T08:00', created('high', 'Skrivarar i heile eininga')],
    ['2026-03-10T08:05', ack, 'u-per'],
    ['2026-03-10T08:06', assign('u-per'), 'u-per'],
    ['2026-03-10T08:30', status('waiting', 'requester'), 'u-per'],
  ],
  // Medium on line 3, waited for a supplier Monday 10–14: 300 of 1440 minutes, running.
  E: [
    ['2026-03-09T09:00', created('medium', 'Lisensserver svarar ikkje')],
    ['2026-03-09T09:30', ack, 'u-ola'],
    ['2026-03-09T10:00', status('waiting', 'thirdParty'), 'u-ola'],
    ['2026-03-09T14:00', status('inProgress'), 'u-ola'],
    ['2026-03-09T14:30', escalate(3), 'u-ola'],
    ['2026-03-09T14:31', assign('u-ola'), 'u-ola'],
    ['2026-03-09T15:00', worklog('e', 3, 45), 'u-ola'],
  ],
  // Low since 25 February: 4320 of 4800 minutes = 90 %: at risk, due Wednesday 10:00.
  F: [
    ['2026-02-25T10:00', created('low', 'Heimekontor: ekstra skjerm')],
    ['2026-02-25T11:00', ack, 'u-kari'],
    ['2026-02-26T09:00', worklog('f', 2, 60), 'u-kari'],
    ['2026-02-26T09:30', escalate(2), 'u-kari'],
    ['2026-02-26T09:31', assign('u-kari'), 'u-kari'],
  ],
  // Medium, nobody answered since Thursday 08:00: response breached Thu 12:00, resolution
  // breached Monday 16:00.
  G: [['2026-03-05T08:00', created('medium', 'E-post synkroniserer ikkje')]],
  // High, Friday 15:30: answered 15:45, resolved Monday 09:00 after 90 open minutes. Met.
  H: [
    ['2026-03-06T15:30', created('high', 'Innbyggjartorget nede')],
    ['2026-03-06T15:45', ack, 'u-per'],
    ['2026-03-09T09:00', status('resolved'), 'u-per'],
  ],
  // Finished in January: outside every period.
  I: [
    ['2026-01-05T09:00', created('low', 'Gamal sak')],
    ['2026-01-05T09:10', ack, 'u-per'],
    ['2026-01-20T09:00', worklog('i', 1, 100), 'u-per'],
    ['2026-01-06T09:00', status('closed'), 'u-per'],
  ],
  // High, answered after 80 min today (response breached, met late); resolution running.
  J: [
    ['2026-03-10T08:10', created('high', 'Telefoni i rådhuset')],
    ['2026-03-10T08:11', assign('u-per'), 'u-per'],
    [
      '2026-03-10T09:30',
      {
        type: 'commented',
        commentId: caseIdOf('j'),
        body: 'Vi ser på det',
        visibility: 'requester',
      },
      'u-per',
    ],
  ],
  // Critical on Saturday (an earlier on-call period): met, met.
  K: [
    ['2026-03-07T12:00', created('critical', 'Pasientvarsling nede')],
    ['2026-03-07T12:05', ack, 'u-vakt'],
    ['2026-03-07T14:00', status('resolved'), 'u-vakt'],
  ],
  // Medium at 17:00, raised to critical at 23:00 (on-call), answered 23:05, resolved 01:00.
  L: [
    ['2026-03-09T17:00', created('medium', 'Omsorgstelefonar utan nett')],
    ['2026-03-09T23:00', { type: 'prioritySet', priority: 'critical' }, 'u-vakt'],
    ['2026-03-09T23:05', ack, 'u-vakt'],
    ['2026-03-10T01:00', status('resolved'), 'u-vakt'],
  ],
  // Low, waiting for a third party since Monday 11:00.
  M: [
    ['2026-03-09T10:00', created('low', 'Bestilling av ny PC')],
    ['2026-03-09T10:30', ack, 'u-ola'],
    ['2026-03-09T11:00', status('waiting', 'thirdParty'), 'u-ola'],
  ],
};

/** The fixture's cases folded by the core reducer, and their events, in time order. */
export function buildFixture(history: Record<string, Step[]> = fixtureHistory): {
  records: CaseRecord[];
  events: CaseEvent[];
} {
  const all: Array<{ letter: string; at: number; change: CaseChangeInput; actorId: string }> = [];
  for (const [letter, steps] of Object.entries(history)) {
    for (const [local, change, actorId] of steps) {
      all.push({ letter, at: oslo(local), change, actorId: actorId ?? 'u-agent' });
    }
  }
  all.sort((a, b) => a.at - b.at);
  const records = new Map<string, CaseRecord>();
  const events: CaseEvent[] = [];
  let seq = 0;
  for (const step of all) {
    seq++;
    const caseId = caseIdOf(step.letter);
    const change = caseChangeSchema.parse(step.change);
    const at = DateTime.fromMillis(step.at, { zone: ZONE }).toISO()!;
    const next = applyChange(records.get(caseId) ?? null, change, {
      caseId,
      at,
      actorId: step.actorId,
      // Every actor of the fixture works for the service.
      actorRole: 'agent',
      seq,
    });
    if (change.type === 'created') next.number = `2026-${String(seq).padStart(5, '0')}`;
    records.set(caseId, next);
    events.push({
      id: `00000000-0000-4000-a000-${seq.toString(16).padStart(12, '0')}`,
      caseId,
      seq,
      at,
      clientAt: at,
      actorId: step.actorId,
      deviceId: 'fixture',
      mutationId: null,
      change,
    });
  }
  return { records: [...records.values()], events };
}
