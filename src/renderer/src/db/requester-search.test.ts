import { describe, expect, it } from 'vitest';
import { findRequesters } from './requester-search';

const r = (name: string, municipalityId: string, updatedAt: string, contact = '') => ({
  requester: { name, municipalityId, contact, unit: '', userId: null },
  updatedAt,
});

describe('finding earlier requesters', () => {
  const cases = [
    r('Kari Nordmann', 'molde', '2026-11-01T10:00:00Z', 'old'),
    r('Kari Nordmann', 'molde', '2026-11-20T10:00:00Z', 'new'),
    r('Kari Nordmann', 'aukra', '2026-11-10T10:00:00Z'),
    r('Ola Kari', 'rauma', '2026-11-05T10:00:00Z'),
    r('Per Hansen', 'molde', '2026-11-21T10:00:00Z'),
  ];
  it('finds each person once, newest details first', () => {
    const found = findRequesters(cases, 'kari');
    expect(found.map((f) => `${f.name}/${f.municipalityId}`)).toEqual([
      'Kari Nordmann/molde',
      'Kari Nordmann/aukra',
      'Ola Kari/rauma',
    ]);
    expect(found[0]!.contact).toBe('new');
  });
  it('waits for two letters', () => {
    expect(findRequesters(cases, 'k')).toEqual([]);
  });
});
