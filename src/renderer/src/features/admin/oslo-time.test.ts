import { describe, expect, it } from 'vitest';
import { instantFromOslo, osloDayStart, osloInputValue } from './oslo-time';

describe('Oslo time in the administration’s inputs', () => {
  it.each([
    ['winter', '2026-03-10T07:00:00.000Z', '2026-03-10T08:00'],
    ['summer', '2026-06-10T06:00:00.000Z', '2026-06-10T08:00'],
    ['the night summer time starts', '2026-03-29T01:30:00.000Z', '2026-03-29T03:30'],
  ])('%s: %s ↔ %s', (_when, iso, local) => {
    expect(osloInputValue(iso)).toBe(local);
    expect(instantFromOslo(local)).toBe(iso);
  });

  it('keeps what is not a time as typed (the form check names it)', () => {
    expect(instantFromOslo('i morgon')).toBe('i morgon');
  });

  it.each([
    ['2026-03-10', 0, '2026-03-09T23:00:00.000Z'],
    ['2026-03-10', 1, '2026-03-10T23:00:00.000Z'],
    ['2026-03-28', 1, '2026-03-28T23:00:00.000Z'],
    ['', 0, undefined],
  ])('day %s + %i starts %s', (date, add, expected) => {
    expect(osloDayStart(date, add)).toBe(expected);
  });
});
