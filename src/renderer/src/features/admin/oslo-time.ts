import { ORGANISATION_TIME_ZONE } from '@core/index';
import { DateTime } from 'luxon';

/**
 * The administration's date and time inputs speak Oslo time, whatever the machine's zone (as
 * every time the apps show): a notice scheduled for 08:00 starts at 08:00 in Norway.
 */

/** `YYYY-MM-DDTHH:mm` in Oslo, for a datetime-local input. */
export function osloInputValue(iso: string): string {
  return DateTime.fromISO(iso).setZone(ORGANISATION_TIME_ZONE).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** A datetime-local value read as Oslo time, as an instant; the text as typed if it is none. */
export function instantFromOslo(local: string): string {
  const d = DateTime.fromISO(local, { zone: ORGANISATION_TIME_ZONE });
  return d.isValid ? d.toUTC().toISO()! : local;
}

/** The instant an Oslo day (`YYYY-MM-DD`) starts, `addDays` later; undefined if none. */
export function osloDayStart(date: string, addDays = 0): string | undefined {
  if (!date) return undefined;
  const d = DateTime.fromISO(date, { zone: ORGANISATION_TIME_ZONE });
  return d.isValid ? d.startOf('day').plus({ days: addDays }).toUTC().toISO()! : undefined;
}
