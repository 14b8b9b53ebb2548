import type { CaseStatus } from '@core/case/index';
import type { SlaState } from '@core/sla/index';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LocalCase } from '../../db/local-records';
import { useNowMinute } from '../../stores/clock-store';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { subscribeBoardCases } from './board-case-cache';
import { currentFilter, useBoardFilterStore } from './board-filter-store';
import {
  type BoardGroups,
  type BoardSlaCounts,
  groupBoard,
  searchTextOf,
  sortCases,
} from './board-selectors';
import { slaOfRecord } from './case-sla';
import { useSavedViews } from './saved-views-store';

const openStatuses: CaseStatus[] = ['new', 'inProgress', 'waiting', 'resolved', 'reopened'];
const withClosed: CaseStatus[] = [...openStatuses, 'closed'];

export interface BoardData {
  groups: BoardGroups;
  shown: number;
  total: number;
  /** At risk and breached among the shown cases, once SLA sorting is on and ready. */
  slaCounts: BoardSlaCounts | null;
  slaOf: (c: LocalCase) => SlaState | null;
  loading: boolean;
  /** Every loaded case by id (for drag events); rebuilt when cases change, not per keystroke. */
  byId: ReadonlyMap<string, LocalCase>;
}

// Per-object caches: an unchanged case keeps its object (see board-case-cache.ts), so its
// search text and (within a minute) its SLA state are computed once, not per keystroke.
const searchTexts = new WeakMap<LocalCase, string>();
function cachedSearchText(c: LocalCase): string {
  let text = searchTexts.get(c);
  if (text === undefined) {
    text = searchTextOf(c);
    searchTexts.set(c, text);
  }
  return text;
}

/**
 * The board's cases, filtered, grouped and sorted. Cases are kept in memory and updated one
 * by one; SLA states are computed once per case per minute; the order is computed when
 * cases or the minute change, so a filter keystroke only filters; and the free text is
 * deferred so typing never waits for the board.
 */
export function useBoardData(): BoardData {
  const { db, actor } = useWorkstation();
  const filter = useBoardFilterStore(useShallow(currentFilter));
  const deferredText = useDeferredValue(filter.text);
  const minute = useNowMinute();
  const calendar = useServiceConfigStore((s) => s.calendar);
  const slaConfig = useServiceConfigStore((s) => s.config.sla);
  const [cases, setCases] = useState<LocalCase[] | undefined>(undefined);

  useEffect(
    () => subscribeBoardCases(db, filter.showClosed ? withClosed : openStatuses, setCases),
    [db, filter.showClosed],
  );

  const slaOf = useMemo(() => {
    const states = new WeakMap<LocalCase, SlaState | null>();
    return (c: LocalCase) => {
      let state = states.get(c);
      if (state === undefined) {
        state = slaOfRecord(c, calendar, slaConfig, minute);
        states.set(c, state);
      }
      return state;
    };
  }, [calendar, slaConfig, minute]);

  // Cold start: show the board at once in priority order (cards compute their own SLA as
  // they scroll into view), then order by SLA, which needs every case's SLA state, a moment
  // later. The first frame no longer waits for 10,000 SLA clocks.
  const [slaReady, setSlaReady] = useState(false);
  const loaded = cases !== undefined;
  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(() => setSlaReady(true), 50);
    return () => clearTimeout(timer);
  }, [loaded]);
  const sorted = useMemo(
    () => sortCases(cases ?? [], filter.sortBySla && slaReady, slaOf),
    [cases, filter.sortBySla, slaReady, slaOf],
  );

  const { mine, municipalityId, priority, sortBySla, showClosed } = filter;
  const view = useSavedViews((s) => s.activeFilters());
  const slaSorted = sortBySla && slaReady;
  const { groups, shown, slaCounts } = useMemo(
    () =>
      groupBoard(
        sorted,
        {
          mine,
          municipalityId,
          priority,
          sortBySla: slaSorted,
          showClosed,
          text: deferredText,
          view,
        },
        actor.id,
        slaOf,
        true,
        cachedSearchText,
      ),
    [
      sorted,
      mine,
      municipalityId,
      priority,
      slaSorted,
      showClosed,
      deferredText,
      actor.id,
      slaOf,
      view,
    ],
  );
  const byId = useMemo(() => new Map((cases ?? []).map((c) => [c.id, c])), [cases]);
  return {
    groups,
    shown,
    total: cases?.length ?? 0,
    slaCounts,
    slaOf,
    loading: cases === undefined,
    byId,
  };
}
