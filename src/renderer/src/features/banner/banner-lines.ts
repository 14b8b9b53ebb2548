import { holidayNames, type ServiceCalendar, statusAt } from '@core/calendar/index';
import type { Locale } from '@core/config/localized-text';
import { formatNextOpening, formatTime } from '../../i18n/format';
import type { Translate } from '../../i18n/translate';

/** One sentence of the live banner; `kind` picks its icon and colour. */
export interface BannerLine {
  kind: 'support' | 'onCall' | 'next' | 'nobody' | 'holiday';
  text: string;
}

/**
 * What the banner says at `now`: who answers the phone, on which number, and when support
 * opens next. Computed from the service calendar alone, so it is right offline too. In the
 * 15:30–16:00 overlap both support and on-call lines are shown.
 */
export function bannerLines(
  calendar: ServiceCalendar,
  now: number,
  locale: Locale,
  t: Translate,
): BannerLine[] {
  const status = statusAt(calendar, now);
  const phones = calendar.config.phoneNumbers;
  const lines: BannerLine[] = [];
  // Two holidays can share a date (17 May 2027 is also Whit Monday): one line names both.
  const closed = calendar.dayPlanAt(now).closedDays;
  if (closed.length > 0) {
    const name = closed.map((d) => (d.key ? holidayNames[d.key][locale] : d.name)).join(', ');
    lines.push({ kind: 'holiday', text: t('banner.holiday', { name }) });
  }
  if (status.supportOpen && status.supportClosesAt) {
    lines.push({
      kind: 'support',
      text: t('banner.supportOpen', {
        time: formatTime(status.supportClosesAt, locale),
        phone: phones.support,
      }),
    });
  }
  if (status.onCallStaffed) {
    lines.push({ kind: 'onCall', text: t('banner.onCall', { phone: phones.onCall }) });
  }
  if (!status.supportOpen) {
    if (!status.onCallStaffed) lines.push({ kind: 'nobody', text: t('banner.nobody') });
    lines.push({
      kind: 'next',
      text: t('banner.nextOpening', {
        when: formatNextOpening(status.nextSupportOpening, now, locale),
      }),
    });
  }
  return lines;
}
