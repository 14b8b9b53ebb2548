/**
 * The CLI's user-facing text, in Nynorsk (the service's language), kept in one catalogue
 * so wording can be reviewed and translated without reading command code.
 */
import { MAX_HOLIDAY_YEAR, MIN_HOLIDAY_YEAR } from '@core/calendar/index';

/** Weekday names, index 0 = Monday (luxon's weekday 1). */
export const weekdayNames = [
  'måndag',
  'tysdag',
  'onsdag',
  'torsdag',
  'fredag',
  'laurdag',
  'søndag',
];

const years = `${MIN_HOLIDAY_YEAR}–${MAX_HOLIDAY_YEAR}`;

export const messages = {
  usage: 'bruk: saksbord <kommando> [argument]  (sjå saksbord --help)',
  helpHeading: 'Kommandoar:',
  unknownCommand: (name: string) => `ukjend kommando «${name}» (sjå saksbord --help)`,
  unknownFlag: (flag: string) => `ukjend val «${flag}»`,
  configFileMissing: 'manglar fil etter --config (skriv --config <fil>)',
  failed: (reason: string) => reason,

  calendarSummary:
    'calendar holidays <frå-år> [<til-år>] | calendar status <tidspunkt>...  [--json]',
  calendarUsage:
    'bruk: saksbord calendar holidays <frå-år> [<til-år>] [--json] [--config <fil>] | saksbord calendar status <tidspunkt>... [--json] [--config <fil>]',
  unknownCalendarSubcommand: (name: string) =>
    `ukjend underkommando «${name}» til calendar (bruk holidays eller status)`,
  missingFromYear: `argumentet <frå-år> manglar (eit årstal ${years})`,
  tooManyYears: (extra: string) => `for mange argument: «${extra}» (berre <frå-år> og <til-år>)`,
  badYear: (argument: string, value: string) =>
    `argumentet ${argument} «${value}» er ikkje eit årstal ${years}`,
  yearsReversed: (from: number, to: number) =>
    `argumentet <frå-år> (${from}) kan ikkje vere etter <til-år> (${to})`,
  missingInstant:
    'argumentet <tidspunkt> manglar (ISO-8601, t.d. 2026-03-06T15:45+01:00 eller 2026-03-06T14:45Z)',
  badInstant: (index: number, value: string) =>
    `argument ${index} <tidspunkt> «${value}» er ikkje eit gyldig tidspunkt (ISO-8601, t.d. 2026-03-06T15:45+01:00)`,
  instantOutOfRange: (index: number, value: string) =>
    `argument ${index} <tidspunkt> «${value}» er utanfor åra ${years}`,

  instantDoesNotExist: (index: number, value: string, zone: string) =>
    `argument ${index} <tidspunkt> «${value}» finst ikkje i ${zone} (klokka vart stilt fram den natta)`,
  statusOutOfRange: (index: number, value: string) =>
    `argument ${index} <tidspunkt> «${value}»: neste endring ligg etter år ${MAX_HOLIDAY_YEAR}, utanfor åra ${years}`,

  holidayColumns: ['Dato', 'Dag', 'Namn'] as const,
  noHolidays: 'Ingen heilagdagar eller stengde dagar i perioden.',

  statusAt: 'Tidspunkt',
  statusSupport: 'Brukarstøtte',
  statusOnCall: 'Vakt',
  statusCall: 'Ring',
  statusNextChange: 'Neste endring',
  statusNextOpening: 'Brukarstøtta opnar',
  supportOpen: (closesAt: string) => `open (stengjer ${closesAt})`,
  supportClosed: 'stengd',
  onCallStaffed: 'bemanna',
  onCallNotStaffed: 'ikkje bemanna',
  callAll: (number: string) => `${number} – brukarstøtte, alle saker`,
  callCritical: (number: string) => `${number} – vakttelefon, berre kritiske feil`,
  callNone: 'ingen er på vakt no',
  change: (at: string, supportOpen: boolean, onCallStaffed: boolean) =>
    `${at}: brukarstøtte ${supportOpen ? 'open' : 'stengd'}, vakt ${onCallStaffed ? 'bemanna' : 'ikkje bemanna'}`,
} as const;
