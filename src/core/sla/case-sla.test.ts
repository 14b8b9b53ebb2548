import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createServiceCalendar, defaultCalendarConfig } from '../calendar/index';
import type { SlaFact } from '../case/case-sla-facts';
import { slaStateOfCase } from './case-sla';
import { defaultSlaConfig } from './sla-targets';

const calendar = createServiceCalendar(defaultCalendarConfig);
/** A wall-clock time in Oslo (a Monday in opening hours). */
const t = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Oslo' }).toMillis();

/**
 * Views read the SLA on the minute (the clock floored), and a client's clock may lag the
 * server's by seconds: a fact of the record can be later than `now`. It has happened, so the
 * state is read at the latest fact, never dropped (no badge, sorted as if no clock ran) nor
 * stale (a response already given still shown as running).
 */
describe('slaStateOfCase when now is before the record’s latest fact', () => {
  const cases: Array<{
    name: string;
    facts: SlaFact[];
    now: string;
    response: string;
    responseLeft: number;
  }> = [
    {
      name: 'created 47 s into the current minute',
      facts: [{ at: t('2026-11-30T13:15:47'), kind: 'created', priority: 'high' }],
      now: '2026-11-30T13:15:00',
      response: 'running',
      responseLeft: 60,
    },
    {
      name: 'answered 30 s into the current minute',
      facts: [
        { at: t('2026-11-30T13:00:00'), kind: 'created', priority: 'high' },
        { at: t('2026-11-30T13:16:30'), kind: 'responded' },
      ],
      now: '2026-11-30T13:16:00',
      response: 'met',
      responseLeft: 44,
    },
    {
      name: 'now after every fact: read at now',
      facts: [{ at: t('2026-11-30T13:00:00'), kind: 'created', priority: 'high' }],
      now: '2026-11-30T13:50:00',
      response: 'atRisk',
      responseLeft: 10,
    },
  ];
  it.each(cases)('$name', ({ facts, now, response, responseLeft }) => {
    const state = slaStateOfCase({ slaTimeline: facts }, calendar, defaultSlaConfig, t(now));
    expect(state?.response.status).toBe(response);
    expect(Math.round(state?.response.leftMinutes ?? -1)).toBe(responseLeft);
  });
});
