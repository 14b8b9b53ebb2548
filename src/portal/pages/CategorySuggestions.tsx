import type { ProblemCategory } from '@core/config';
import { compareNotices, faqForCategory } from '@core/content';
import { NoticeCard } from '@web/components/NoticeCard';
import { useEffect, useState } from 'react';
import type { FaqArticle, Notice } from '../api/portal-api';
import { usePortal } from '../app/portal-context';
import { FaqItem, noticeWords } from './HomePage';

/**
 * While a user fills in the report form: the notices in force about the chosen category (a
 * known fault) and the FAQ articles written for it, so the answer may be found before the
 * case is sent.
 */
export function CategorySuggestions({ category }: { category: ProblemCategory }) {
  const { t, api, locale, contentVersion } = usePortal();
  const [articles, setArticles] = useState<FaqArticle[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fetched again when content changes
  useEffect(() => {
    let stopped = false;
    api.faq('').then(
      (all) => !stopped && setArticles(faqForCategory(all, category.id)),
      () => {},
    );
    api.notices().then(
      (all) =>
        !stopped &&
        setNotices(all.filter((n) => n.categoryIds.includes(category.id)).sort(compareNotices)),
      () => {},
    );
    return () => {
      stopped = true;
    };
  }, [api, category.id, contentVersion]);
  if (articles.length === 0 && notices.length === 0) return null;
  return (
    <section
      className="card suggestions"
      aria-labelledby="suggestions-heading"
      data-testid="suggestions"
    >
      <h2 id="suggestions-heading">{t('suggest.heading')}</h2>
      {notices.length > 0 && (
        <>
          <h3>{t('suggest.notices')}</h3>
          <ul className="notices">
            {notices.map((n) => (
              <NoticeCard
                key={n.id}
                notice={n}
                locale={locale}
                words={noticeWords(t)}
                headingLevel={4}
              />
            ))}
          </ul>
        </>
      )}
      {articles.length > 0 && (
        <>
          <h3>{t('suggest.faq', { category: category.name[locale] })}</h3>
          <ul className="faq">
            {articles.map((a) => (
              <FaqItem key={a.id} article={a} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
