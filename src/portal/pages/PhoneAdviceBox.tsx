import type { PhoneAdvice } from '../../core/calendar';
import type { Priority } from '../../core/case';
import { priorityLabels } from '../../core/priority';
import { usePortal } from '../app/portal-context';
import { formatOpening } from '../i18n/format';

/** Which number to call right now, and why; nothing when the portal alone is right. */
export function PhoneAdviceBox({ advice, priority }: { advice: PhoneAdvice; priority: Priority }) {
  const { t, locale } = usePortal();
  if (advice.kind === 'none') return null;
  const reasons = advice.reasons.map((r) =>
    r === 'priority'
      ? t('phone.reasonPriority', { priority: priorityLabels[locale][priority] })
      : t('phone.reasonNetwork'),
  );
  const urgent = advice.kind !== 'waitForOpening';
  return (
    <section
      className={`phone-advice ${urgent ? 'phone-advice--call' : 'phone-advice--wait'}`}
      aria-labelledby="phone-advice-heading"
      data-testid="phone-advice"
    >
      <h2 id="phone-advice-heading">
        {advice.kind === 'callSupport' && t('phone.supportHeading', { phone: advice.phone })}
        {advice.kind === 'callOnCall' && t('phone.onCallHeading', { phone: advice.phone })}
        {advice.kind === 'waitForOpening' && t('phone.closedHeading')}
      </h2>
      <p>{reasons.join(' ')}</p>
      <p>
        {advice.kind === 'callSupport' && t('phone.support', { phone: advice.phone })}
        {advice.kind === 'callOnCall' && t('phone.onCall', { phone: advice.phone })}
        {advice.kind === 'waitForOpening' &&
          t('phone.closed', { time: formatOpening(advice.opensAt, locale) })}
      </p>
      {urgent && (
        <p>
          <a className="phone-link" href={`tel:${advice.phone.replace(/\s+/g, '')}`}>
            {advice.phone}
          </a>
        </p>
      )}
    </section>
  );
}
