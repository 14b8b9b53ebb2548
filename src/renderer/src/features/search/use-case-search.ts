import { type CaseSearchResult, searchCases } from '@core/api/index';
import type { CaseRecord } from '@core/case/index';
import type { SearchFilters } from '@core/search/index';
import { useEffect, useMemo, useState } from 'react';
import { useCaseSearchIndex } from '../../db/case-search-index';
import { useNetworkStore } from '../../stores/network-store';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { slaOfRecord } from '../board/case-sla';

/** Which answer is shown: the server's, or the local store's (and why). */
export type SearchSource =
  | { kind: 'server'; engine: 'postgresql' | 'sqlite' }
  | { kind: 'local'; why: 'offline' | 'waiting' | 'serverFailed' };

export interface CaseSearchState {
  result: Pick<CaseSearchResult, 'hits' | 'total' | 'totalCapped'>;
  source: SearchSource;
}

/** How long typing pauses before the server is asked (the local answer shows at once). */
const SERVER_DELAY_MS = 150;

function serverQuery(query: string, filters: SearchFilters, limit: number) {
  return {
    q: query,
    limit,
    ...(filters.line ? { line: [...filters.line] } : {}),
    ...(filters.status ? { status: [...filters.status] } : {}),
    ...(filters.priority ? { priority: [...filters.priority] } : {}),
    ...(filters.municipality ? { municipality: [...filters.municipality] } : {}),
    ...(filters.category ? { category: [...filters.category] } : {}),
    ...(filters.assignee ? { assignee: [...filters.assignee] } : {}),
    ...(filters.sla ? { sla: [...filters.sla] } : {}),
    ...(filters.createdFrom ? { createdFrom: filters.createdFrom } : {}),
    ...(filters.createdTo ? { createdTo: filters.createdTo } : {}),
    ...(filters.changedFrom ? { changedFrom: filters.changedFrom } : {}),
    ...(filters.changedTo ? { changedTo: filters.changedTo } : {}),
  };
}

/**
 * Search as the user types: the local store answers at once (every keystroke, a few ms), and
 * when online the server is asked after a short pause and its answer (every case the user
 * may read, not only those this client holds) replaces the local one. The state says which
 * answer is shown, so the screen can say so.
 */
export function useCaseSearch(
  query: string,
  filters: SearchFilters,
  limit: number,
): CaseSearchState {
  const ws = useWorkstation();
  const index = useCaseSearchIndex(ws.db);
  const online = useNetworkStore((s) => s.online);
  const calendar = useServiceConfigStore((s) => s.calendar);
  const slaConfig = useServiceConfigStore((s) => s.config.sla);
  const staff = ws.actor.role !== 'requester';
  // Filters are compared by value (a new object each render), through their JSON.
  const filterKey = JSON.stringify(filters);
  const version = index.version();

  const local = useMemo(() => {
    void version; // the index changed: search again
    const now = Date.now();
    const slaOf = (record: CaseRecord) => slaOfRecord(record, calendar, slaConfig, now);
    const parsed = JSON.parse(filterKey) as SearchFilters;
    return index.search(query, parsed, { staff, slaOf, limit });
  }, [index, version, query, filterKey, staff, limit, calendar, slaConfig]);

  const [server, setServer] = useState<{ key: string; result: CaseSearchResult } | 'failed' | null>(
    null,
  );
  const key = `${query}\u0000${filterKey}\u0000${limit}`;
  useEffect(() => {
    if (!online) return;
    let cancelled = false;
    const parsed = JSON.parse(filterKey) as SearchFilters;
    const timer = setTimeout(() => {
      ws.api
        .call(searchCases, { query: serverQuery(query, parsed, limit) })
        .then((result) => {
          if (!cancelled) setServer({ key, result });
        })
        .catch(() => {
          if (!cancelled) setServer('failed');
        });
    }, SERVER_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [ws.api, online, key, query, filterKey, limit]);

  if (online && server !== null && server !== 'failed' && server.key === key) {
    const engine = server.result.engine === 'local' ? 'sqlite' : server.result.engine;
    return { result: server.result, source: { kind: 'server', engine } };
  }
  const why = !online ? 'offline' : server === 'failed' ? 'serverFailed' : 'waiting';
  return { result: { ...local, totalCapped: false }, source: { kind: 'local', why } };
}
