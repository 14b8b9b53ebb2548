import type { Locale } from '@core/config/localized-text';
import { type Notice, type NoticeSeverity, noticeText } from '@core/content';
import { formatDateTime } from '../i18n/format';

/** The app's own words around a notice (from its catalogue). */
export interface NoticeCardWords {
  severity: Readonly<Record<NoticeSeverity, string>>;
  /** "Gjeld til {time}" with the time filled in. */
  validTo(time: string): string;
  /** "Ikkje skrive på bokmål: nynorsk blir vist." when the notice falls back, else shown nothing. */
  fallback: string;
}

/**
 * One operational notice as the portal shows it, in the reader's language or in Nynorsk with
 * a line saying so; the administration's preview shows the same card.
 */
export function NoticeCard(props: {
  notice: Pick<Notice, 'severity' | 'title' | 'body' | 'validTo' | 'translations'>;
  locale: Locale;
  words: NoticeCardWords;
  /** The heading level of the title (3 on the portal's front page). */
  headingLevel?: 3 | 4;
}) {
  const { notice, locale, words } = props;
  const text = noticeText(notice, locale);
  const Heading = props.headingLevel === 4 ? 'h4' : 'h3';
  return (
    <li className={`notice notice--${notice.severity}`}>
      <p className="notice__severity">{words.severity[notice.severity]}</p>
      <Heading className="notice__title" lang={text.locale}>
        {text.value.title}
      </Heading>
      {text.value.body ? (
        <p className="notice__body" lang={text.locale}>
          {text.value.body}
        </p>
      ) : null}
      {text.fallback ? <p className="notice__fallback">{words.fallback}</p> : null}
      {notice.validTo ? (
        <p className="notice__time">{words.validTo(formatDateTime(notice.validTo, locale))}</p>
      ) : null}
    </li>
  );
}
