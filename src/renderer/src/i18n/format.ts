import type { Translate } from './translate';

/**
 * Dates and times as users read them, always in Europe/Oslo: the workstation and the portal
 * share one set of functions (src/web/i18n/format.ts); the workstation's own is below.
 */
export {
  formatBytes,
  formatDateTime,
  formatNextOpening,
  formatOpening,
  formatTime,
  formatTimeWithDay,
  formatWeekday,
} from '@web/i18n/format';

/** A span of minutes for humans: '45 min', '2 t 5 min', '3 d 4 t'. */
export function formatMinutes(minutes: number, t: Translate): string {
  const total = Math.max(0, Math.round(Math.abs(minutes)));
  if (total < 60) return t('duration.minutes', { m: total });
  if (total < 24 * 60) return t('duration.hours', { h: Math.floor(total / 60), m: total % 60 });
  const hours = Math.floor(total / 60);
  return t('duration.days', { d: Math.floor(hours / 24), h: hours % 24 });
}
