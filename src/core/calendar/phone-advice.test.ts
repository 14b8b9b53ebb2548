import { describe, expect, it } from 'vitest';
import type { Priority } from '../case/case-vocabulary';
import { createServiceCalendar, defaultCalendarConfig, statusAt } from './index';
import { phoneAdvice } from './phone-advice';

const calendar = createServiceCalendar(defaultCalendarConfig);
const advise = (at: string, priority: Priority, noNetwork = false) =>
  phoneAdvice(statusAt(calendar, new Date(at)), priority, noNetwork);

describe('which number to call right now', () => {
  it.each<[string, string, Priority, boolean, object]>([
    [
      'open: high calls support',
      '2026-03-10T10:00:00+01:00',
      'high',
      false,
      { kind: 'callSupport', phone: '70 16 29 99', reasons: ['priority'] },
    ],
    [
      'open: critical calls support, not on-call',
      '2026-03-10T10:00:00+01:00',
      'critical',
      false,
      { kind: 'callSupport', phone: '70 16 29 99' },
    ],
    ['open: medium needs no call', '2026-03-10T10:00:00+01:00', 'medium', false, { kind: 'none' }],
    [
      'open: no network calls support whatever the priority',
      '2026-03-10T10:00:00+01:00',
      'low',
      true,
      { kind: 'callSupport', phone: '70 16 29 99', reasons: ['network'] },
    ],
    [
      'overlap 15:45: support is still open',
      '2026-03-10T15:45:00+01:00',
      'critical',
      false,
      { kind: 'callSupport', phone: '70 16 29 99' },
    ],
    [
      'evening: critical calls on-call',
      '2026-03-10T20:00:00+01:00',
      'critical',
      false,
      { kind: 'callOnCall', phone: '70 16 24 46' },
    ],
    [
      'evening: high waits for the morning',
      '2026-03-10T20:00:00+01:00',
      'high',
      false,
      { kind: 'waitForOpening', opensAt: '2026-03-11T08:00:00+01:00' },
    ],
    [
      'evening: no network but not critical waits too',
      '2026-03-10T20:00:00+01:00',
      'low',
      true,
      { kind: 'waitForOpening', reasons: ['network'] },
    ],
    [
      'holiday (1 May): critical calls on-call',
      '2026-05-01T10:00:00+02:00',
      'critical',
      false,
      { kind: 'callOnCall', phone: '70 16 24 46' },
    ],
    [
      'holiday (1 May): high waits for Monday',
      '2026-05-01T10:00:00+02:00',
      'high',
      false,
      { kind: 'waitForOpening', opensAt: '2026-05-04T08:00:00+02:00' },
    ],
    ['Saturday: low needs no call', '2026-03-14T12:00:00+01:00', 'low', false, { kind: 'none' }],
  ])('%s', (_name, at, priority, noNetwork, expected) => {
    expect(advise(at, priority, noNetwork)).toMatchObject(expected);
  });

  it('gives both reasons when both apply', () => {
    expect(advise('2026-03-10T10:00:00+01:00', 'critical', true)).toMatchObject({
      reasons: ['priority', 'network'],
    });
  });
});
