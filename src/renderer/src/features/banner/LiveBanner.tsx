import { useMemo } from 'react';
import { useLocale, useT } from '../../i18n/use-t';
import { useNowMinute } from '../../stores/clock-store';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { bannerLines } from './banner-lines';
import { NoticeList } from './NoticeList';

const icons: Record<string, string> = {
  support: '☎',
  onCall: '⚠',
  next: '→',
  nobody: '✖',
  holiday: '★',
};

/**
 * Always visible: who answers the phone right now and on which number. It re-renders only
 * when the minute changes (status changes happen on whole minutes), and announces changes
 * politely through its live region.
 */
export function LiveBanner() {
  const t = useT();
  const locale = useLocale();
  const minute = useNowMinute();
  const calendar = useServiceConfigStore((s) => s.calendar);
  const lines = useMemo(
    () => bannerLines(calendar, minute, locale, t),
    [calendar, minute, locale, t],
  );
  return (
    <section className="live-banner" aria-label={t('banner.label')}>
      <p className="live-banner__lines" aria-live="polite" aria-atomic="true" data-testid="banner">
        {lines.map((line) => (
          <span key={line.kind} className={`live-banner__line live-banner__line--${line.kind}`}>
            <span aria-hidden="true" className="live-banner__icon">
              {icons[line.kind]}
            </span>
            {line.text}
          </span>
        ))}
      </p>
      <NoticeList />
    </section>
  );
}
