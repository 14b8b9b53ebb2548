import { type CountdownStatus, countdownOf, formatCountdown } from '@core/reports/index';
import { useNow } from '../../stores/clock-store';
import { useSlaT } from './sla-board-messages';

const icons: Record<CountdownStatus, string> = { running: '◷ ', atRisk: '⚠ ', breached: '✖ ' };

/**
 * One deadline ticking every second. Only this small component re-renders per tick, and it
 * only subtracts and formats: due times were computed once, when the data last changed.
 */
export function Countdown({ dueAt, status }: { dueAt: number; status: CountdownStatus }) {
  const now = useNow();
  const t = useSlaT();
  const c = countdownOf({ dueAt, slaStatus: status }, now);
  return (
    <span className={`countdown countdown--${c.status}`} data-status={c.status}>
      <span aria-hidden="true">{icons[c.status]}</span>
      <span className="countdown__time">
        {formatCountdown(c.msLeft, t('countdown.day'), t('countdown.overdue'))}
      </span>
    </span>
  );
}
