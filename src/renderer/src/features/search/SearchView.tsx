import { type CaseStatus, caseStatuses, type Priority, priorities } from '@core/case/index';
import { priorityName } from '@core/priority/index';
import { type SearchFilters, type SlaFilterState, slaFilterStates } from '@core/search/index';
import { useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { useLocale, useT } from '../../i18n/use-t';
import { routeHash, useRouteStore } from '../../stores/route-store';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { type SearchTranslate, useSearchT } from './search-messages';
import { type SearchSource, useCaseSearch } from './use-case-search';
import './search.css';

const PAGE = 25;

function sourceText(st: SearchTranslate, source: SearchSource): string {
  if (source.kind === 'server') return st(`search.engine.${source.engine}`);
  if (source.why === 'offline') return st('search.engine.localOffline');
  if (source.why === 'waiting') return st('search.engine.localWaiting');
  return st('search.engine.local');
}

/** A one-choice filter as a select: '' is "all". */
function FilterSelect<T extends string>({
  label,
  value,
  options,
  onChange,
  all,
}: {
  label: string;
  value: T | '';
  options: readonly { value: T; label: string }[];
  onChange: (value: T | '') => void;
  all: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Full-text search over every case (Ctrl+K / Ctrl+F from anywhere): results follow each
 * keystroke from the local store, and the server's answer replaces them when online; the
 * screen says which answered. Matching words are marked in the snippets.
 */
export default function SearchView({ initialQuery = '' }: { initialQuery?: string }) {
  const t = useT();
  const st = useSearchT();
  const locale = useLocale();
  const navigate = useRouteStore((s) => s.navigate);
  const municipalities = useServiceConfigStore((s) => s.config.municipalities);
  const [query, setQuery] = useState(initialQuery);
  const deferred = useDeferredValue(query);
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [priority, setPriority] = useState<Priority | ''>('');
  const [line, setLine] = useState<'1' | '2' | '3' | ''>('');
  const [municipality, setMunicipality] = useState('');
  const [sla, setSla] = useState<SlaFilterState | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { q: useId(), help: useId(), results: useId() };

  // The words field takes focus once the shell has moved focus to the new screen's region
  // (its effect runs after this one), so Ctrl+K and typing follow each other at once.
  useEffect(() => {
    const timer = setTimeout(() => {
      inputRef.current?.focus();
      inputRef.current?.select();
    }, 0);
    return () => clearTimeout(timer);
  }, []);

  const filters: SearchFilters = {
    ...(status ? { status: [status] } : {}),
    ...(priority ? { priority: [priority] } : {}),
    ...(line ? { line: [Number(line) as 1 | 2 | 3] } : {}),
    ...(municipality ? { municipality: [municipality] } : {}),
    ...(sla ? { sla: [sla] } : {}),
  };
  const { result, source } = useCaseSearch(deferred, filters, limit);
  const count = result.totalCapped
    ? st('search.countCapped', { count: result.total })
    : result.total === 1
      ? st('search.countOne')
      : st('search.count', { count: result.total });

  return (
    <section className="search-view" aria-labelledby={`${ids.q}-title`}>
      <h1 id={`${ids.q}-title`}>{st('search.title')}</h1>
      <search className="search-view__form">
        <div className="field search-view__query">
          <label htmlFor={ids.q}>{st('search.query')}</label>
          <input
            ref={inputRef}
            id={ids.q}
            type="search"
            value={query}
            aria-describedby={ids.help}
            aria-controls={ids.results}
            autoComplete="off"
            data-testid="search-input"
            onChange={(e) => {
              setQuery(e.target.value);
              setLimit(PAGE);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                document.querySelector<HTMLAnchorElement>('.search-hit a')?.focus();
              }
            }}
          />
          <p id={ids.help} className="field__help">
            {st('search.help')}
          </p>
        </div>
        <fieldset className="search-view__filters">
          <legend>{st('search.filters')}</legend>
          <FilterSelect
            label={st('search.status')}
            all={st('search.all')}
            value={status}
            onChange={setStatus}
            options={caseStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <FilterSelect
            label={st('search.priority')}
            all={st('search.all')}
            value={priority}
            onChange={setPriority}
            options={priorities.map((p) => ({ value: p, label: priorityName(p, locale) }))}
          />
          <FilterSelect
            label={st('search.line')}
            all={st('search.all')}
            value={line}
            onChange={setLine}
            options={(['1', '2', '3'] as const).map((l) => ({
              value: l,
              label: t('line.name', { line: l }),
            }))}
          />
          <FilterSelect
            label={st('search.municipality')}
            all={st('search.all')}
            value={municipality}
            onChange={setMunicipality}
            options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
          />
          <FilterSelect
            label={st('search.sla')}
            all={st('search.all')}
            value={sla}
            onChange={setSla}
            options={slaFilterStates.map((s) => ({ value: s, label: st(`sla.${s}`) }))}
          />
        </fieldset>
      </search>
      <p className="search-view__status" role="status" data-testid="search-status">
        <span data-testid="search-count">{count}</span> ·{' '}
        <span data-testid="search-source" data-source={source.kind}>
          {sourceText(st, source)}
        </span>
      </p>
      <ol
        id={ids.results}
        className="search-hits"
        aria-label={st('search.results')}
        data-query={deferred}
      >
        {result.hits.map((hit) => (
          <li key={hit.case.id} className="search-hit" data-testid="search-hit">
            <div className="search-hit__top">
              <a
                href={routeHash({ name: 'case', caseId: hit.case.id })}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ name: 'case', caseId: hit.case.id });
                }}
                onKeyDown={(e) => {
                  const item = (e.currentTarget as HTMLElement).closest('li');
                  const next =
                    e.key === 'ArrowDown'
                      ? item?.nextElementSibling
                      : e.key === 'ArrowUp'
                        ? item?.previousElementSibling
                        : null;
                  if (next) {
                    e.preventDefault();
                    next.querySelector<HTMLAnchorElement>('a')?.focus();
                  } else if (e.key === 'ArrowUp') {
                    e.preventDefault();
                    inputRef.current?.focus();
                  }
                }}
              >
                <span className="search-hit__number">{hit.case.number ?? ''}</span> {hit.case.title}
              </a>
              <span className="search-hit__facts">
                {t(`status.${hit.case.status}`)} · {priorityName(hit.case.priority, locale)} ·{' '}
                {t('line.name', { line: hit.case.line })}
              </span>
            </div>
            {hit.snippets.map((snippet) => (
              <p
                key={`${snippet.field}:${snippet.pieces.map((p) => p.text).join('')}`}
                className="search-hit__snippet"
              >
                <span className="search-hit__field">{st(`search.field.${snippet.field}`)}:</span>{' '}
                {snippet.pieces.map((piece, j) =>
                  piece.hit ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: pieces never move
                    <mark key={j}>{piece.text}</mark>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: pieces never move
                    <span key={j}>{piece.text}</span>
                  ),
                )}
              </p>
            ))}
          </li>
        ))}
      </ol>
      {result.hits.length === 0 ? <p>{st('search.none')}</p> : null}
      {result.total > result.hits.length ? (
        <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
          {st('search.more')}
        </button>
      ) : null}
    </section>
  );
}
