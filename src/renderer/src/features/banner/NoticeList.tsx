import { useLocale, useT } from '../../i18n/use-t';
import { useNoticeStore } from '../../stores/notice-store';

/** Active operational notices (driftsmeldingar) beside the banner; nothing when there are none. */
export function NoticeList() {
  const t = useT();
  const locale = useLocale();
  const notices = useNoticeStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-label={t('banner.notices')}>
      {notices.map((n) => (
        <li key={n.id} className={`notice notice--${n.severity ?? 'info'}`} data-testid="notice">
          <span aria-hidden="true">{n.severity === 'info' ? 'ℹ ' : '⚠ '}</span>
          <strong>{n.title[locale] ?? n.title.nn}</strong>
          {n.body?.[locale] ? <span> — {n.body[locale]}</span> : null}
        </li>
      ))}
    </ul>
  );
}
