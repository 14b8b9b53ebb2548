import type { SlaState } from '@core/sla/index';
import { formatMinutes } from '../../i18n/format';
import { useT } from '../../i18n/use-t';

const icons = {
  running: '◷',
  atRisk: '⚠',
  breached: '✖',
  paused: '‖',
  met: '✔',
  breachedMet: '✔',
} as const;

/**
 * The SLA countdown of the clock that matters most: the response clock until someone
 * responded, then resolution. Colour, an icon and words all say the state.
 */
export function SlaBadge({ sla }: { sla: SlaState | null }) {
  const t = useT();
  if (!sla) return null;
  const clock =
    sla.response.status === 'met' || sla.response.status === 'breachedMet'
      ? sla.resolution
      : sla.response;
  const status = clock.status;
  const time = formatMinutes(clock.leftMinutes, t);
  const text =
    status === 'running'
      ? t('sla.running', { time })
      : status === 'atRisk'
        ? t('sla.atRisk', { time })
        : status === 'breached'
          ? t('sla.breached', { time })
          : t(`sla.${status}`);
  const which = clock === sla.response ? t('sla.response') : t('sla.resolution');
  return (
    <span className={`sla sla--${status}`} data-sla={status} title={which}>
      <span aria-hidden="true">{icons[status]}</span>
      <span className="visually-hidden">{which}: </span>
      {text}
    </span>
  );
}
