import { faqText } from '@core/content';
import { NoticeCard } from '@web/components/NoticeCard';
import { type FormEvent, useEffect, useState } from 'react';
import type { FaqArticle, Notice } from '../api/portal-api';
import { PortalLink } from '../app/PortalLink';
import { usePortal } from '../app/portal-context';

/** The front page, in the seed's order: operational notices, then the FAQ, then "Meld ei sak". */
export function HomePage() {
  const { t, navigate } = usePortal();
  return (
    <>
      <h1 tabIndex={-1}>{t('home.heading')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <Notices />
      <Faq />
      <section className="card card--report" aria-labelledby="report-heading">
        <h2 id="report-heading">{t('home.reportHeading')}</h2>
        <p>{t('home.reportText')}</p>
        <p className="actions">
          <PortalLink to={{ name: 'report' }} navigate={navigate} className="button">
            {t('home.reportButton')}
          </PortalLink>
          <PortalLink to={{ name: 'cases' }} navigate={navigate} className="button button--quiet">
            {t('nav.myCases')}
          </PortalLink>
        </p>
        <p className="hint">{t('home.myCasesText')}</p>
      </section>
    </>
  );
}

function Notices() {
  const { t, api, locale, contentVersion } = usePortal();
  const [notices, setNotices] = useState<Notice[] | null>(null);
  const [failed, setFailed] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fetched again when content changes
  useEffect(() => {
    api
      .notices()
      .then(setNotices)
      .catch(() => setFailed(true));
  }, [api, contentVersion]);
  return (
    <section aria-labelledby="notices-heading" className="section">
      <h2 id="notices-heading">{t('notices.heading')}</h2>
      {failed && <p className="alert alert--error">{t('notices.failed')}</p>}
      {notices === null && !failed && <p role="status">{t('app.loading')}</p>}
      {notices?.length === 0 && <p className="muted">{t('notices.none')}</p>}
      {notices && notices.length > 0 && (
        <ul className="notices">
          {notices.map((n) => (
            <NoticeCard key={n.id} notice={n} locale={locale} words={noticeWords(t)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Faq() {
  const { t, api, contentVersion } = usePortal();
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [articles, setArticles] = useState<FaqArticle[] | null>(null);
  const [failed, setFailed] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fetched again when content changes
  useEffect(() => {
    api
      .faq(searched)
      .then((list) => {
        setArticles(list);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [api, searched, contentVersion]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearched(query);
  };
  return (
    <section aria-labelledby="faq-heading" className="section">
      <h2 id="faq-heading">{t('faq.heading')}</h2>
      <search>
        <form className="search" onSubmit={submit}>
          <label htmlFor="faq-search">{t('faq.search')}</label>
          <div className="search__row">
            <input
              id="faq-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <button type="submit" className="button">
              {t('faq.searchButton')}
            </button>
          </div>
        </form>
      </search>
      {failed && <p className="alert alert--error">{t('faq.failed')}</p>}
      <div aria-live="polite">
        {searched.trim() !== '' && articles && articles.length > 0 && (
          <p className="muted">{t('faq.results', { count: articles.length })}</p>
        )}
        {articles?.length === 0 && (
          <p className="muted">
            {searched.trim() ? t('faq.noMatch', { query: searched.trim() }) : t('faq.none')}
          </p>
        )}
      </div>
      {articles && articles.length > 0 && (
        <ul className="faq">
          {articles.map((a) => (
            <FaqItem key={a.id} article={a} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The portal's words around a notice card. */
export function noticeWords(t: ReturnType<typeof usePortal>['t']) {
  return {
    severity: {
      info: t('notices.severity.info'),
      warning: t('notices.severity.warning'),
      critical: t('notices.severity.critical'),
    },
    validTo: (time: string) => t('notices.validTo', { time }),
    fallback: t('content.fallback'),
  };
}

/** One article, opened and closed in place, in the reader's language (or Nynorsk, said so). */
export function FaqItem({ article }: { article: FaqArticle }) {
  const { t, locale } = usePortal();
  const text = faqText(article, locale);
  return (
    <li>
      <details>
        <summary lang={text.locale}>{text.value.question}</summary>
        <p className="faq__answer" lang={text.locale}>
          {text.value.answer}
        </p>
        {text.fallback && <p className="muted">{t('content.fallback')}</p>}
      </details>
    </li>
  );
}
