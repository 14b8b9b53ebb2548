/**
 * The calendar part of a service's configuration: when support is open, when on-call is
 * staffed, which extra days are closed, and the numbers to call. The full service
 * configuration embeds {@link calendarConfigSchema} as its `calendar` field.
 *
 * Hours are wall-clock times in `timeZone`, given per weekday as lists of intervals
 * within that day. A window that crosses midnight (on-call Monday 15:30 – Tuesday 08:00)
 * is written as two pieces, 15:30–24:00 on Monday and 00:00–08:00 on Tuesday, so that
 * every day can be decided on its own: that is what makes a holiday in mid-week simply
 * "use the publicHolidays hours today" without asking what yesterday's window meant.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { parseIsoDate } from './civil-date';

/** Weekday keys in ISO order (index 0 = Monday). */
export const weekdays = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

export type Weekday = (typeof weekdays)[number];

const timeOfDayPattern = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes since midnight of an 'HH:mm' time that the schema has accepted ('24:00' = 1440). */
export function minutesOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const timeOfDay = (field: string) =>
  z.string({ error: `${field} must be a time of day 'HH:mm'` }).regex(timeOfDayPattern, {
    error: `${field} must be a time of day 'HH:mm' from 00:00 to 24:00`,
  });

/** One open (or staffed) stretch within a day; `to` may be '24:00' for the end of the day. */
export const openingIntervalSchema = z
  .object({ from: timeOfDay('from'), to: timeOfDay('to') })
  .refine((iv) => minutesOfTime(iv.from) < minutesOfTime(iv.to), {
    error:
      "to must be later than from; split a window that crosses midnight into '…–24:00' and '00:00–…'",
    path: ['to'],
  });

export type OpeningInterval = z.infer<typeof openingIntervalSchema>;

/** The intervals of one day, in order and not overlapping (so that minutes are not counted twice). */
const dayIntervals = (field: string) =>
  z
    .array(openingIntervalSchema, { error: `${field} must be a list of {from, to} intervals` })
    .superRefine((list, ctx) => {
      for (let i = 1; i < list.length; i++) {
        if (minutesOfTime(list[i]!.from) < minutesOfTime(list[i - 1]!.to)) {
          ctx.addIssue({
            code: 'custom',
            message: `${field} intervals must be in time order and must not overlap`,
            path: [i, 'from'],
          });
        }
      }
    })
    .default([]);

const weeklyHours = (field: string) =>
  z.object(
    Object.fromEntries(weekdays.map((day) => [day, dayIntervals(`${field}.${day}`)])) as {
      [D in Weekday]: ReturnType<typeof dayIntervals>;
    },
    { error: `${field} must be an object with a list of intervals per weekday` },
  );

const allDay = (): OpeningInterval[] => [{ from: '00:00', to: '24:00' }];
const officeHours = (): OpeningInterval[] => [{ from: '08:00', to: '16:00' }];
// On-call on a working day: the tail of last night's shift, then from 15:30 (seed).
const onCallWorkingDay = (): OpeningInterval[] => [
  { from: '00:00', to: '08:00' },
  { from: '15:30', to: '24:00' },
];

const defaultSupportHours = () => ({
  monday: officeHours(),
  tuesday: officeHours(),
  wednesday: officeHours(),
  thursday: officeHours(),
  friday: officeHours(),
  saturday: [],
  sunday: [],
});

const defaultOnCall = () => ({
  monday: onCallWorkingDay(),
  tuesday: onCallWorkingDay(),
  wednesday: onCallWorkingDay(),
  thursday: onCallWorkingDay(),
  friday: onCallWorkingDay(),
  saturday: allDay(),
  sunday: allDay(),
  publicHolidays: allDay(),
});

/** A day the service closes on top of the public holidays (for example Christmas Eve). */
export const extraClosedDaySchema = z.object({
  date: z
    .string({ error: "date must be a date 'YYYY-MM-DD'" })
    .refine((text) => parseIsoDate(text) !== undefined, {
      error: "date must be a real calendar date 'YYYY-MM-DD'",
    }),
  name: z
    .string({ error: 'name must be a text' })
    .trim()
    .min(1, { error: 'name must not be empty' }),
});

export type ExtraClosedDay = z.infer<typeof extraClosedDaySchema>;

const phoneNumber = (field: string) =>
  z
    .string({ error: `${field} must be a text` })
    .trim()
    .min(1, { error: `${field} must not be empty` });

/** Schema of the calendar configuration; every field has the seed's value as its default. */
export const calendarConfigSchema = z.object({
  /** IANA zone the hours are given in. */
  timeZone: z
    .string({ error: 'timeZone must be a text' })
    .refine((zone) => IANAZone.isValidZone(zone), {
      error: "timeZone must be an IANA time zone such as 'Europe/Oslo'",
    })
    .default('Europe/Oslo'),
  /** When user support is open, per weekday. Public holidays and extra closed days close it. */
  supportHours: weeklyHours('supportHours')
    .refine((week) => weekdays.some((day) => week[day].length > 0), {
      error: 'supportHours must open on at least one weekday',
    })
    .default(defaultSupportHours),
  /** When on-call is staffed, per weekday; `publicHolidays` replaces the weekday's hours on
   *  public holidays and extra closed days. */
  onCall: weeklyHours('onCall')
    .extend({ publicHolidays: dayIntervals('onCall.publicHolidays') })
    .default(defaultOnCall),
  /** Days the service closes besides the public holidays. */
  extraClosedDays: z
    .array(extraClosedDaySchema, { error: 'extraClosedDays must be a list of {date, name}' })
    .default([]),
  /** Numbers users are told to call: support while open, on-call (critical only) otherwise. */
  phoneNumbers: z
    .object(
      { support: phoneNumber('phoneNumbers.support'), onCall: phoneNumber('phoneNumbers.onCall') },
      { error: 'phoneNumbers must be an object {support, onCall}' },
    )
    .default({ support: '70 16 29 99', onCall: '70 16 24 46' }),
});

/** A parsed, valid calendar configuration. */
export type CalendarConfig = z.infer<typeof calendarConfigSchema>;
/** What a configuration file may contain (every field optional). */
export type CalendarConfigInput = z.input<typeof calendarConfigSchema>;

/** The seed's calendar: support Mon–Fri 08:00–16:00, on-call Mon–Fri 15:30–08:00 and all day
 *  on Saturdays, Sundays and public holidays, no extra closed days. */
export const defaultCalendarConfig: CalendarConfig = calendarConfigSchema.parse({});
