import { describe, expect, it } from 'vitest';
import { boundClientTime } from './client-time';

const now = new Date('2026-11-30T12:00:00.000Z');
const day = 24 * 3600_000;
const bounds = (notBefore: string | null = null) => ({
  serverNow: now,
  notBefore,
  maxOfflineMs: 14 * day,
});

describe('boundClientTime: the time a change counts from', () => {
  const cases: [string, string, string | null, string, string | null][] = [
    // name, clientAt, case's last change, happenedAt, claimed kept
    [
      'a normal edit a second ago',
      '2026-11-30T11:59:59.000Z',
      null,
      '2026-11-30T11:59:59.000Z',
      null,
    ],
    [
      'offline work of yesterday',
      '2026-11-29T09:00:00.000Z',
      null,
      '2026-11-29T09:00:00.000Z',
      null,
    ],
    [
      'a clock a little fast: the server’s time, no flag',
      '2026-11-30T12:01:00.000Z',
      null,
      '2026-11-30T12:00:00.000Z',
      null,
    ],
    [
      'a clock an hour fast: the server’s time, flagged',
      '2026-11-30T13:00:00.000Z',
      null,
      '2026-11-30T12:00:00.000Z',
      '2026-11-30T13:00:00.000Z',
    ],
    [
      'the year 2000: the start of the offline window, flagged',
      '2000-01-01T00:00:00.000Z',
      null,
      '2026-11-16T12:00:00.000Z',
      '2000-01-01T00:00:00.000Z',
    ],
    [
      'the year 1800 on a case changed today: the case’s last change, flagged',
      '1800-01-01T00:00:00.000Z',
      '2026-11-30T08:00:00.000Z',
      '2026-11-30T08:00:00.000Z',
      '1800-01-01T00:00:00.000Z',
    ],
    [
      'exactly at the case’s last change, written with another offset: kept',
      '2026-11-30T07:00:00.000Z',
      '2026-11-30T08:00:00+01:00',
      '2026-11-30T07:00:00.000Z',
      null,
    ],
    [
      'an earlier minute than the last change: moved to it',
      '2026-11-30T06:59:00.000Z',
      '2026-11-30T07:00:00.000Z',
      '2026-11-30T07:00:00.000Z',
      '2026-11-30T06:59:00.000Z',
    ],
  ];
  it.each(cases)('%s', (_name, clientAt, notBefore, happenedAt, claimed) => {
    const bounded = boundClientTime(clientAt, bounds(notBefore));
    expect(Date.parse(bounded.happenedAt)).toBe(Date.parse(happenedAt));
    expect(bounded.claimed).toBe(claimed);
  });

  it('keeps the client’s own text when it is within bounds (offsets and all)', () => {
    expect(boundClientTime('2026-11-30T09:00:00+01:00', bounds()).happenedAt).toBe(
      '2026-11-30T09:00:00+01:00',
    );
  });
});
