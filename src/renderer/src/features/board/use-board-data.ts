import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CaseStatus } from '../../../../core/case/index';
import type { SlaState } from '../../../../core/sla/index';
import { useWorkstation } from '../../app/workstation-context';
import type { LocalCase } from '../../db/local-records';
import { useNowMinute } from '../../stores/clock-store';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { currentFilter, useBoardFilterStore } from './board-filter-store';
import { type BoardGroups, groupBoard } from './board-selectors';
import { slaOfRecord } from './case-sla';

const shownStatuses: CaseStatus[] = ['new', 'inProgress', 'waiting', 'resolved', 'reopened'];

export interface BoardData {
  groups: BoardGroups;
  shown: number;
  total: number;
  slaOf: (c: LocalCase) => SlaState | null;
  loading: boolean;
}

/**
 * The board's cases from the local store, filtered, grouped and sorted. SLA states are
 * computed once per minute for all cases (cheap with the calendar's day cache), and the
 * free-text filter is deferred so typing never waits for a regroup of 10,000 cases.
 */
export function useBoardData(): BoardData {
  const { db, actor } = useWorkstation();
  const filter = useBoardFilterStore(useShallow(currentFilter));
  const deferredText = useDeferredValue(filter.text);
  const minute = useNowMinute();
  const calendar = useServiceConfigStore((s) => s.calendar);
  const slaConfig = useServiceConfigStore((s) => s.config.sla);

  const cases = useLiveQuery(
    () =>
      db.cases
        .where('status')
        .anyOf(filter.showClosed ? [...shownStatuses, 'closed'] : shownStatuses)
        .toArray(),
    [db, filter.showClosed],
  );

  const slaMap = useMemo(() => {
    const map = new Map<string, SlaState | null>();
    for (const c of cases ?? []) map.set(c.id, slaOfRecord(c, calendar, slaConfig, minute));
    return map;
  }, [cases, calendar, slaConfig, minute]);

  const slaOf = useMemo(() => (c: LocalCase) => slaMap.get(c.id) ?? null, [slaMap]);

  const { mine, municipalityId, priority, sortBySla, showClosed } = filter;
  const { groups, shown } = useMemo(
    () =>
      groupBoard(
        cases ?? [],
        { mine, municipalityId, priority, sortBySla, showClosed, text: deferredText },
        actor.id,
        slaOf,
      ),
    [cases, mine, municipalityId, priority, sortBySla, showClosed, deferredText, actor.id, slaOf],
  );
  return { groups, shown, total: cases?.length ?? 0, slaOf, loading: cases === undefined };
}
