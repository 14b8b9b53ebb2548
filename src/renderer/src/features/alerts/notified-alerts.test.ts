import { describe, expect, it } from 'vitest';
import { createNotifiedLog, type NotifiedStorage } from './notified-alerts';

function storage(initial: string | null = null): NotifiedStorage & { value: () => string | null } {
  let value = initial;
  return {
    getItem: () => value,
    setItem: (_key, v) => {
      value = v;
    },
    value: () => value,
  };
}

const day = 24 * 3600_000;

describe('the log of notified critical cases', () => {
  it('remembers across instances on the same storage', () => {
    const s = storage();
    createNotifiedLog(s).record(['a', 'b'], 1_000);
    const again = createNotifiedLog(s);
    expect(again.lastNotifiedAt('a')).toBe(1_000);
    expect(again.lastNotifiedAt('c')).toBeNull();
  });

  it.each([
    ['not JSON', '{oops'],
    ['an array', '["a"]'],
    ['a time that is not a number', '{"a":"yesterday"}'],
  ])('starts empty when the stored value is %s', (_what, stored) => {
    expect(createNotifiedLog(storage(stored)).lastNotifiedAt('a')).toBeNull();
  });

  it('drops entries older than two weeks', () => {
    const s = storage();
    const log = createNotifiedLog(s);
    log.record(['old'], 0);
    log.record(['new'], 15 * day);
    expect(log.lastNotifiedAt('old')).toBeNull();
    expect(JSON.parse(s.value()!)).toEqual({ new: 15 * day });
  });

  it('works in memory without storage', () => {
    const log = createNotifiedLog(null);
    log.record(['a'], 5);
    expect(log.lastNotifiedAt('a')).toBe(5);
  });
});
