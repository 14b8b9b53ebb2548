/** The service calendar: public holidays, opening hours, on-call, business-time arithmetic. */
export {
  type CalendarConfig,
  type CalendarConfigInput,
  calendarConfigSchema,
  defaultCalendarConfig,
  type ExtraClosedDay,
  extraClosedDaySchema,
  type OpeningInterval,
  openingIntervalSchema,
  type Weekday,
  weekdays,
} from './calendar-config';
export {
  assertHolidayYear,
  easterSunday,
  type HolidayKey,
  type HolidayLanguage,
  holidayKeys,
  holidayNames,
  MAX_HOLIDAY_YEAR,
  MIN_HOLIDAY_YEAR,
  type NorwegianHoliday,
  norwegianHolidays,
} from './norwegian-holidays';
export {
  addOpenMinutes,
  addOpenMs,
  type CalendarKind,
  type Instant,
  openMinutesBetween,
  openMsBetween,
  toEpochMs,
} from './open-time';
export * from './phone-advice';
export {
  type ClosedDay,
  createServiceCalendar,
  type DayPlan,
  dayNumberOf,
  holidaysBetween,
  isWorkingDay,
  type ScheduleKind,
  type ServiceCalendar,
} from './service-calendar';
export {
  formatInstant,
  nextOpening,
  type ServiceStatus,
  type StatusChange,
  statusAt,
} from './service-status';
