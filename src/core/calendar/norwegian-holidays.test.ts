import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  type HolidayKey,
  holidayKeys,
  holidayNames,
  norwegianHolidays,
} from './norwegian-holidays';

const known: Record<number, Record<HolidayKey, string>> = {
  2024: {
    newYearsDay: '2024-01-01',
    maundyThursday: '2024-03-28',
    goodFriday: '2024-03-29',
    easterSunday: '2024-03-31',
    easterMonday: '2024-04-01',
    labourDay: '2024-05-01',
    constitutionDay: '2024-05-17',
    ascensionDay: '2024-05-09',
    whitSunday: '2024-05-19',
    whitMonday: '2024-05-20',
    christmasDay: '2024-12-25',
    boxingDay: '2024-12-26',
  },
  2025: {
    newYearsDay: '2025-01-01',
    maundyThursday: '2025-04-17',
    goodFriday: '2025-04-18',
    easterSunday: '2025-04-20',
    easterMonday: '2025-04-21',
    labourDay: '2025-05-01',
    constitutionDay: '2025-05-17',
    ascensionDay: '2025-05-29',
    whitSunday: '2025-06-08',
    whitMonday: '2025-06-09',
    christmasDay: '2025-12-25',
    boxingDay: '2025-12-26',
  },
  2026: {
    newYearsDay: '2026-01-01',
    maundyThursday: '2026-04-02',
    goodFriday: '2026-04-03',
    easterSunday: '2026-04-05',
    easterMonday: '2026-04-06',
    labourDay: '2026-05-01',
    constitutionDay: '2026-05-17',
    ascensionDay: '2026-05-14',
    whitSunday: '2026-05-24',
    whitMonday: '2026-05-25',
    christmasDay: '2026-12-25',
    boxingDay: '2026-12-26',
  },
  2027: {
    newYearsDay: '2027-01-01',
    maundyThursday: '2027-03-25',
    goodFriday: '2027-03-26',
    easterSunday: '2027-03-28',
    easterMonday: '2027-03-29',
    labourDay: '2027-05-01',
    constitutionDay: '2027-05-17',
    ascensionDay: '2027-05-06',
    whitSunday: '2027-05-16',
    whitMonday: '2027-05-17',
    christmasDay: '2027-12-25',
    boxingDay: '2027-12-26',
  },
};

const rows = Object.entries(known).flatMap(([year, days]) =>
  holidayKeys.map((key) => ({ year: Number(year), key, date: days[key] })),
);

describe('the twelve Norwegian public holidays', () => {
  it.each(rows)('$key $year falls on $date', ({ year, key, date }) => {
    const found = norwegianHolidays(year).filter((h) => h.key === key);
    expect(found.map((h) => h.date)).toEqual([date]);
  });

  it.each([
    { year: 1900, date: '1900-04-15' },
    { year: 1913, date: '1913-03-23' },
    { year: 1943, date: '1943-04-25' },
    { year: 2000, date: '2000-04-23' },
    { year: 2008, date: '2008-03-23' },
    { year: 2038, date: '2038-04-25' },
    { year: 2100, date: '2100-03-28' },
  ])('Easter Sunday $year is $date', ({ year, date }) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('returns both holidays when 17 May 2027 is also Whit Monday', () => {
    const may17 = norwegianHolidays(2027).filter((h) => h.date === '2027-05-17');
    expect(may17.map((h) => h.name)).toEqual(['Grunnlovsdagen', 'Andre pinsedag']);
  });

  it.each([
    { key: 'newYearsDay', nn: 'Første nyttårsdag' },
    { key: 'maundyThursday', nn: 'Skjærtorsdag' },
    { key: 'goodFriday', nn: 'Langfredag' },
    { key: 'easterSunday', nn: 'Første påskedag' },
    { key: 'easterMonday', nn: 'Andre påskedag' },
    { key: 'labourDay', nn: 'Arbeidarane sin dag' },
    { key: 'constitutionDay', nn: 'Grunnlovsdagen' },
    { key: 'ascensionDay', nn: 'Kristi himmelfartsdag' },
    { key: 'whitSunday', nn: 'Første pinsedag' },
    { key: 'whitMonday', nn: 'Andre pinsedag' },
    { key: 'christmasDay', nn: 'Første juledag' },
    { key: 'boxingDay', nn: 'Andre juledag' },
  ] as const)('$key is called "$nn" in Nynorsk and has nb and en names', ({ key, nn }) => {
    expect(norwegianHolidays(2026).find((h) => h.key === key)?.name).toBe(nn);
    expect(holidayNames[key].nb.length).toBeGreaterThan(0);
    expect(holidayNames[key].en.length).toBeGreaterThan(0);
  });

  it('gives twelve sorted holidays with Easter on a Sunday in 22 March–25 April, 1900–2200', () => {
    for (let year = 1900; year <= 2200; year++) {
      const list = norwegianHolidays(year);
      expect(list).toHaveLength(12);
      const dates = list.map((h) => h.date);
      expect([...dates].sort()).toEqual(dates);
      const easter = easterSunday(year);
      expect(new Date(`${easter}T12:00:00Z`).getUTCDay()).toBe(0);
      expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
    }
  });

  it.each([1899, 2201, 2025.5, Number.NaN])('rejects year %s with a RangeError', (year) => {
    expect(() => norwegianHolidays(year)).toThrow(RangeError);
    expect(() => norwegianHolidays(year)).toThrow(/year must be a whole year from 1900 to 2200/);
  });
});
