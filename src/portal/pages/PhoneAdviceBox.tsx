import type { PhoneAdvice } from '@core/calendar';
import type { Priority } from '@core/case';
import { priorityLabels } from '@core/priority';
import { formatOpening } from '@web/i18n/format';
import { usePortal } from '../app/portal-context';

/**
 * Which number to call right now, and why; nothing when the portal alone is right. On the
 * receipt (`registered`) the case is already registered, and the words say so.
 */
export function PhoneAdviceBox({
  advice,
  priority,
  registered = false,
}: {
  advice: PhoneAdvice;
  priority: Priority;
  registered?: boolean;
}) {
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
        {advice.kind === 'callSupport' &&
          t(registered ? 'phone.supportRegistered' : 'phone.support', { phone: advice.phone })}
        {advice.kind === 'callOnCall' &&
          t(registered ? 'phone.onCallRegistered' : 'phone.onCall', { phone: advice.phone })}
        {advice.kind === 'waitForOpening' &&
          t(registered ? 'phone.closedRegistered' : 'phone.closed', {
            time: formatOpening(advice.opensAt, locale),
          })}
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
