import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { MIN_QUERY_LENGTH, useCaseSearchIndex } from '../../db/case-search-index';
import type { LocalCase } from '../../db/local-records';
import { useT } from '../../i18n/use-t';
import { routeHash } from '../../stores/route-store';
import { useToastStore } from '../../stores/toast-store';
import { useApplyChange } from '../../workstation/use-apply-change';
import { useWorkstation } from '../../workstation/workstation-context';
import { displayNumber } from '../board/CaseCard';

/** Links related cases, or merges this case into another as a duplicate. */
export function LinkPanel({ record: c }: { record: LocalCase }) {
  const t = useT();
  const { db } = useWorkstation();
  const applyChange = useApplyChange();
  const showToast = useToastStore((s) => s.show);
  const searchId = useId();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const search = useCaseSearchIndex(db);
  const matchIds = search
    .findCases(query, { excludeId: c.id })
    .map((m) => m.id)
    .join(',');
  // The query travels with its matches, so the list says which query it shows (data-query:
  // tests and the search benchmark wait for it).
  const shown = useLiveQuery(
    async () => ({
      query,
      cases: matchIds
        ? (await db.cases.bulkGet(matchIds.split(','))).filter((m) => m !== undefined)
        : [],
    }),
    [db, matchIds, query],
  );
  const matches = shown?.cases;
  const linked = useLiveQuery(() => db.cases.bulkGet(c.linkedCaseIds), [db, c.linkedCaseIds]);
  const mergedInto = useLiveQuery(
    async () => (c.mergedIntoId ? ((await db.cases.get(c.mergedIntoId)) ?? null) : null),
    [db, c.mergedIntoId],
  );

  async function run(change: Parameters<typeof applyChange>[1]) {
    const refused = await applyChange(c.id, change);
    if (refused) showToast(refused, 'error');
    else setQuery('');
  }

  const caseLink = (o: LocalCase) => (
    <a href={routeHash({ name: 'case', caseId: o.id })}>
      {displayNumber(o)} {o.title}
    </a>
  );
  return (
    <section className="panel" aria-labelledby="link-title">
      <h2 id="link-title">{t('link.title')}</h2>
      {mergedInto ? <p>{t('link.mergedInto', { number: displayNumber(mergedInto) })}</p> : null}
      {linked?.some(Boolean) ? (
        <>
          <h3>{t('link.linked')}</h3>
          <ul>
            {linked
              .filter((o): o is LocalCase => !!o)
              .map((o) => (
                <li key={o.id}>{caseLink(o)}</li>
              ))}
          </ul>
        </>
      ) : null}
      <div className="field">
        <label htmlFor={searchId}>{t('link.search')}</label>
        <input
          id={searchId}
          type="search"
          data-testid="link-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {q.length >= MIN_QUERY_LENGTH && matches?.length === 0 ? <p>{t('link.noMatch')}</p> : null}
      <ul className="feed" data-testid="link-matches" data-query={shown?.query}>
        {matches?.map((o) => (
          <li key={o.id}>
            {caseLink(o)}
            <div className="row">
              <button type="button" onClick={() => void run({ type: 'linked', otherCaseId: o.id })}>
                {t('link.link')}
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => void run({ type: 'merged', intoCaseId: o.id })}
              >
                {t('link.merge', { number: displayNumber(o) })}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
