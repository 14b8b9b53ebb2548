/**
 * `saksbord calendar …`: the service calendar from the command line.
 *
 *   saksbord calendar holidays <from-year> [<to-year>] [--json] [--config <file>]
 *       JSON: [{"date": "YYYY-MM-DD", "name": "…"}] — public holidays and extra closed days.
 *   saksbord calendar status <ISO-8601 instant>... [--json] [--config <file>]
 *       JSON: one ServiceStatus per instant, in the order given. An instant without an
 *       offset is read as Europe/Oslo wall-clock time.
 *
 * The JSON shapes are a stable contract for scripts; the tables are for people (Nynorsk).
 */

import {
  type CalendarConfig,
  createServiceCalendar,
  defaultCalendarConfig,
  holidaysBetween,
  MAX_HOLIDAY_YEAR,
  MIN_HOLIDAY_YEAR,
  type ServiceCalendar,
  type ServiceStatus,
  statusAt,
} from '@core/calendar/index';
import { DateTime } from 'luxon';
import { loadServiceConfig } from '../config-file';
import { type CliCommand, type CliIo, CliUsageError, EXIT_OK, parseArgs } from './cli-command';
import { messages, weekdayNames } from './cli-messages';

export interface CalendarCommandOptions {
  /** Where the calendar configuration comes from; the default calendar until `--config` exists. */
  loadConfig?: () => CalendarConfig | Promise<CalendarConfig>;
}

function parseYear(argument: string, value: string): number {
  const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(year >= MIN_HOLIDAY_YEAR && year <= MAX_HOLIDAY_YEAR)) {
    throw new CliUsageError(messages.badYear(argument, value));
  }
  return year;
}

/** Parses one instant argument; numbering is 1-based as the user counts them. */
function parseInstant(value: string, index: number, zone: string): number {
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw new CliUsageError(messages.badInstant(index, value));
  }
  const local = parsed.setZone(zone);
  // Without an offset the text is Oslo wall-clock time; luxon moves a time in the skipped
  // spring-forward hour (02:30) silently, so such a time is reported as not existing.
  const wallClock = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})(?::[\d.]+)?$/.exec(value);
  if (wallClock && (local.hour !== Number(wallClock[1]) || local.minute !== Number(wallClock[2]))) {
    throw new CliUsageError(messages.instantDoesNotExist(index, value, zone));
  }
  if (local.year < MIN_HOLIDAY_YEAR || local.year > MAX_HOLIDAY_YEAR) {
    throw new CliUsageError(messages.instantOutOfRange(index, value));
  }
  return parsed.toMillis();
}

/** 'fredag 06.03.2026 kl. 15:45' — readable, and still unambiguous within one zone. */
function readable(iso: string, zone: string): string {
  const at = DateTime.fromISO(iso, { zone });
  return `${weekdayNames[at.weekday - 1]} ${at.toFormat("dd.MM.yyyy 'kl.' HH:mm")}`;
}

function holidaysTable(rows: ReadonlyArray<{ date: string; name: string }>, zone: string): string {
  if (rows.length === 0) return messages.noHolidays;
  const days = rows.map((r) => weekdayNames[DateTime.fromISO(r.date, { zone }).weekday - 1]!);
  const width = Math.max(messages.holidayColumns[1].length, ...days.map((d) => d.length));
  const [date, day, name] = messages.holidayColumns;
  const lines = [`${date.padEnd(10)}  ${day.padEnd(width)}  ${name}`];
  rows.forEach((r, i) => {
    lines.push(`${r.date}  ${days[i]!.padEnd(width)}  ${r.name}`);
  });
  return lines.join('\n');
}

function statusBlock(status: ServiceStatus, zone: string): string {
  const labels = [
    messages.statusAt,
    messages.statusSupport,
    messages.statusOnCall,
    messages.statusCall,
    messages.statusNextChange,
    messages.statusNextOpening,
  ];
  const width = Math.max(...labels.map((l) => l.length));
  const call =
    status.callFor === 'all'
      ? messages.callAll(status.callNumber!)
      : status.callFor === 'critical'
        ? messages.callCritical(status.callNumber!)
        : messages.callNone;
  const values = [
    `${readable(status.at, zone)} (${status.at})`,
    status.supportOpen && status.supportClosesAt
      ? messages.supportOpen(readable(status.supportClosesAt, zone))
      : messages.supportClosed,
    status.onCallStaffed ? messages.onCallStaffed : messages.onCallNotStaffed,
    call,
    messages.change(
      readable(status.nextChange.at, zone),
      status.nextChange.supportOpen,
      status.nextChange.onCallStaffed,
    ),
    readable(status.nextSupportOpening, zone),
  ];
  return labels.map((label, i) => `${label.padEnd(width)}  ${values[i]}`).join('\n');
}

function runHolidays(calendar: ServiceCalendar, args: readonly string[], json: boolean, io: CliIo) {
  const [fromArg, toArg, extra] = args;
  if (fromArg === undefined) throw new CliUsageError(messages.missingFromYear);
  if (extra !== undefined) throw new CliUsageError(messages.tooManyYears(extra));
  const from = parseYear('<frå-år>', fromArg);
  const to = toArg === undefined ? from : parseYear('<til-år>', toArg);
  if (from > to) throw new CliUsageError(messages.yearsReversed(from, to));
  const rows = holidaysBetween(calendar, from, to).map(({ date, name }) => ({ date, name }));
  io.out(json ? JSON.stringify(rows, null, 2) : holidaysTable(rows, calendar.config.timeZone));
}

function runStatus(calendar: ServiceCalendar, args: readonly string[], json: boolean, io: CliIo) {
  if (args.length === 0) throw new CliUsageError(messages.missingInstant);
  const zone = calendar.config.timeZone;
  // Parse every argument before printing anything, so bad input never gives half an answer.
  const instants = args.map((value, i) => parseInstant(value, i + 1, zone));
  const statuses = instants.map((ms, i) => {
    try {
      return statusAt(calendar, ms);
    } catch (error) {
      // The next change can lie past 2200 for the last hours of the supported range.
      if (error instanceof RangeError) throw new Error(messages.statusOutOfRange(i + 1, args[i]!));
      throw error;
    }
  });
  io.out(
    json
      ? JSON.stringify(statuses, null, 2)
      : statuses.map((s) => statusBlock(s, zone)).join('\n\n'),
  );
}

/** Splits `--config <file>` (or `--config=<file>`) off the arguments. */
function takeConfigOption(args: readonly string[]): { configFile?: string; rest: string[] } {
  const rest: string[] = [];
  let configFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--config') {
      configFile = args[++i];
      if (configFile === undefined) throw new CliUsageError(messages.configFileMissing);
    } else if (arg.startsWith('--config=')) {
      configFile = arg.slice('--config='.length);
    } else {
      rest.push(arg);
    }
  }
  return configFile === undefined ? { rest } : { configFile, rest };
}

/** Builds the `calendar` command; tests and the config work can hand in another config source. */
export function createCalendarCommand(options: CalendarCommandOptions = {}): CliCommand {
  return {
    name: 'calendar',
    summary: messages.calendarSummary,
    async run(args, io) {
      const { configFile, rest: remaining } = takeConfigOption(args);
      const { positionals, flags } = parseArgs(remaining, ['--json'], messages.unknownFlag);
      const [sub, ...rest] = positionals;
      const json = flags.has('--json');
      if (sub !== 'holidays' && sub !== 'status') {
        throw new CliUsageError(
          sub === undefined ? messages.calendarUsage : messages.unknownCalendarSubcommand(sub),
        );
      }
      const config = options.loadConfig
        ? await options.loadConfig()
        : configFile
          ? loadServiceConfig(configFile).calendar
          : defaultCalendarConfig;
      const calendar = createServiceCalendar(config);
      if (sub === 'holidays') runHolidays(calendar, rest, json, io);
      else runStatus(calendar, rest, json, io);
      return EXIT_OK;
    },
  };
}
