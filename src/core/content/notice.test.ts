import { describe, expect, it } from 'vitest';
import {
  compareNotices,
  isNoticeInForce,
  noticeConcerns,
  noticeInputSchema,
  noticeSchema,
} from './notice';

describe('the validity window', () => {
  const window = { validFrom: '2026-03-10T09:00:00+01:00', validTo: '2026-03-10T12:00:00+01:00' };
  it.each([
    ['before it opens', '2026-03-10T07:59:59Z', false],
    ['from its first instant (offsets compared as instants)', '2026-03-10T08:00:00Z', true],
    ['inside', '2026-03-10T10:30:00Z', true],
    ['not at its last instant (exclusive)', '2026-03-10T11:00:00Z', false],
  ])('%s', (_when, at, expected) => {
    expect(isNoticeInForce(window, new Date(at))).toBe(expected);
  });

  it('an open-ended notice is in force until withdrawn', () => {
    expect(
      isNoticeInForce({ validFrom: window.validFrom, validTo: null }, new Date('2030-01-01')),
    ).toBe(true);
  });

  it('must end after it begins', () => {
    const input = { title: 'Nede', validFrom: window.validTo, validTo: window.validFrom };
    const parsed = noticeInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['validTo']);
  });

  it('needs instants with an offset', () => {
    const parsed = noticeInputSchema.safeParse({ title: 'x', validFrom: '2026-03-10 09:00' });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['validFrom']);
  });

  it('fills in the defaults of a short notice', () => {
    expect(noticeInputSchema.parse({ title: 'Vedlikehald', validFrom: window.validFrom })).toEqual({
      title: 'Vedlikehald',
      body: '',
      severity: 'info',
      municipalityIds: [],
      categoryIds: [],
      translations: {},
      validFrom: window.validFrom,
      validTo: null,
    });
  });
});

describe('municipality scoping', () => {
  it.each([
    ['a general notice concerns a Molde requester', [], ['molde'], true],
    ['a Molde notice concerns a Molde requester', ['molde'], ['molde'], true],
    ['a Rauma notice does not', ['rauma'], ['molde'], false],
    ['a consultant of both', ['rauma'], ['molde', 'rauma'], true],
    ['staff of no municipality read them all', ['rauma'], [], true],
  ])('%s', (_who, notice, reader, expected) => {
    expect(noticeConcerns({ municipalityIds: notice }, reader)).toBe(expected);
  });
});

describe('a notice from the API', () => {
  const fromServer = {
    id: 'n1',
    title: 'Straumbrot',
    body: 'Vi arbeider med saka.',
    severity: 'critical',
    municipalityIds: [],
    categoryIds: [],
    translations: {},
    validFrom: '2026-03-10T08:00:00.000Z',
    validTo: null,
    active: true,
    updatedAt: '2026-03-10T08:00:00.000Z',
  };
  it('parses, and reads an unknown severity as info rather than failing', () => {
    expect(noticeSchema.parse(fromServer)).toEqual(fromServer);
    expect(noticeSchema.parse({ ...fromServer, severity: 'apocalypse' }).severity).toBe('info');
  });

  it('sorts the most serious first, then the newest', () => {
    const n = (severity: 'info' | 'warning' | 'critical', validFrom: string) => ({
      severity,
      validFrom,
    });
    const sorted = [
      n('info', '2026-03-10T10:00:00Z'),
      n('critical', '2026-03-09T10:00:00Z'),
      n('info', '2026-03-10T11:00:00Z'),
      n('warning', '2026-03-01T10:00:00Z'),
    ].sort(compareNotices);
    expect(sorted.map((x) => `${x.severity} ${x.validFrom.slice(5, 13)}`)).toEqual([
      'critical 03-09T10',
      'warning 03-01T10',
      'info 03-10T11',
      'info 03-10T10',
    ]);
  });
});
