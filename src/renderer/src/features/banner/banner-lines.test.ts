import { createServiceCalendar, defaultCalendarConfig } from '@core/calendar/index';
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n/translate';
import { bannerLines } from './banner-lines';

const calendar = createServiceCalendar(defaultCalendarConfig);
const at = (iso: string) => bannerLines(calendar, Date.parse(iso), 'nn', translatorFor('nn'));

describe('the live banner', () => {
  it('says support is open until 16:00 on a working day morning', () => {
    expect(at('2026-11-24T10:00:00+01:00').map((l) => l.text)).toEqual([
      'Brukarstøtta er open til 16:00 — ring 70 16 29 99',
    ]);
  });
  it('shows both numbers in the 15:30–16:00 overlap', () => {
    expect(at('2026-11-24T15:45:00+01:00').map((l) => l.kind)).toEqual(['support', 'onCall']);
  });
  it('gives only the on-call number at night, and when support opens', () => {
    expect(at('2026-11-24T16:00:00+01:00').map((l) => l.text)).toEqual([
      'Vakta er bemanna — berre for kritiske feil — ring 70 16 24 46',
      'Brukarstøtta opnar onsdag 08:00',
    ]);
  });
  it('names the public holiday (17 May 2027 is a Monday)', () => {
    expect(at('2027-05-17T10:00:00+02:00').map((l) => l.text)).toEqual([
      'Heilagdag: Grunnlovsdagen, Andre pinsedag',
      'Vakta er bemanna — berre for kritiske feil — ring 70 16 24 46',
      'Brukarstøtta opnar tysdag 08:00',
    ]);
  });
});
