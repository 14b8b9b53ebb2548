import type { OnCallNow as OnCallNowBody, RotaAssignmentView } from '@core/api';
import { formatDateTime } from '@web/i18n/format';
import { useLanguageStore } from '../../i18n/language-store';
import { type OnCallTranslate, useOnCallT } from './oncall-messages';

/** "Onsdag 4. mars 15:30 – torsdag 08:00 (kveld og natt)" */
export function periodText(
  t: OnCallTranslate,
  a: Pick<RotaAssignmentView, 'period'>,
  locale: 'nn' | 'nb' | 'en',
): string {
  return `${formatDateTime(a.period.start, locale)} – ${formatDateTime(a.period.end, locale)} (${t(`kind.${a.period.kind}`)})`;
}

function Shift({ a, heading }: { a: RotaAssignmentView | null; heading: string }) {
  const t = useOnCallT();
  const locale = useLanguageStore((s) => s.locale);
  return (
    <div className="oncall-shift">
      <h3>{heading}</h3>
      {a ? (
        <>
          <p className="oncall-who">{a.primary?.name ?? t('rota.nobody')}</p>
          <p>{periodText(t, a, locale)}</p>
          {a.backup ? <p>{t('now.backup', { name: a.backup.name })}</p> : null}
        </>
      ) : (
        <p>{t('now.notStaffed')}</p>
      )}
    </div>
  );
}

/** Who is on call now and next: for everyone on staff. */
export function OnCallNow({ now }: { now: OnCallNowBody }) {
  const t = useOnCallT();
  return (
    <section aria-labelledby="oncall-now-heading" className="oncall-section">
      <h2 id="oncall-now-heading">{t('now.heading')}</h2>
      <div className="oncall-now">
        <Shift a={now.now} heading={t('now.onCall')} />
        <Shift a={now.next} heading={t('now.next')} />
      </div>
      {now.now && !now.now.primary ? (
        <p role="status">{t('now.nobody', { phone: now.onCallPhone })}</p>
      ) : null}
      <p>{t('now.phone', { phone: now.onCallPhone })}</p>
    </section>
  );
}
