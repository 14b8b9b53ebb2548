/** The state of a counting clock as a countdown shows it. */
export type CountdownStatus = 'running' | 'atRisk' | 'breached';

/** A risk row as the second-by-second view shows it. */
export interface Countdown {
  /** Milliseconds to the deadline; negative once passed. */
  msLeft: number;
  /** `breached` as soon as the deadline has passed, even between two recomputations. */
  status: CountdownStatus;
}

/**
 * The per-second part of the board: only `dueAt - now` per row, no SLA clock. The rows come
 * from the last full computation (on a data change or each minute).
 */
export function countdownOf(
  row: { dueAt: number; slaStatus: CountdownStatus },
  now: number,
): Countdown {
  const msLeft = row.dueAt - now;
  return { msLeft, status: msLeft <= 0 ? 'breached' : row.slaStatus };
}

/**
 * A countdown as `h:mm:ss` (or `d d h:mm:ss` from a day): `1:04:09`, `2 d 3:00:00`. Once
 * passed it says so in words when `overdue` is given ("0:00:12 over fristen": no minus as well
 * as "over"), else with a minus sign (`-0:00:12`). The words are passed in so views translate.
 */
export function formatCountdown(msLeft: number, dayUnit = 'd', overdue?: string): string {
  const passed = msLeft < 0;
  let s = Math.floor(Math.abs(msLeft) / 1000);
  const days = Math.floor(s / 86_400);
  s -= days * 86_400;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const clock = `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
  const time = days > 0 ? `${days} ${dayUnit} ${clock}` : clock;
  if (!passed) return time;
  return overdue === undefined ? `-${time}` : `${time} ${overdue}`;
}
