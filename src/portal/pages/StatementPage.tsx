import type { Locale } from '@core/config';
import { paragraphsOf, type Statement, type StatementKind, statementText } from '@core/content';
import { formatDateTime } from '@web/i18n/format';
import { useEffect, useState } from 'react';
import { fetchStatement } from '../api/portal-api';
import type { Translate } from '../i18n/translate';

/**
 * The accessibility statement or the privacy statement, as the team leaders wrote it in the
 * app, in the reader's language (Nynorsk, said so, where it was not written). Public.
 */
export function StatementPage(props: { kind: StatementKind; locale: Locale; t: Translate }) {
  const { kind, locale, t } = props;
  const [statement, setStatement] = useState<Statement | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetchStatement(kind).then(setStatement, () => setFailed(true));
  }, [kind]);
  const text = statement ? statementText(statement, locale) : null;
  const written = statement?.updatedAt ? text : null;
  return (
    <article className="statement">
      <h1 tabIndex={-1} lang={written?.locale}>
        {written?.value.title || t(`statement.${kind}`)}
      </h1>
      {failed && <p className="alert alert--error">{t('statement.failed')}</p>}
      {!statement && !failed && <p role="status">{t('app.loading')}</p>}
      {statement && !written && <p>{t('statement.missing')}</p>}
      {written?.fallback && <p className="muted">{t('content.fallback')}</p>}
      {written && (
        <div lang={written.locale}>
          {paragraphsOf(written.value.body).map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have nothing else to key on
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
      {statement?.updatedAt && (
        <p className="muted">
          {t('statement.updated', { time: formatDateTime(statement.updatedAt, locale) })}
        </p>
      )}
      <p>
        <a href="/portal/">{t('statement.back')}</a>
      </p>
    </article>
  );
}
