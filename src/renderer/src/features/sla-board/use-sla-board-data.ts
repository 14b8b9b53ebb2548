import { openStatuses } from '@core/case/index';
import {
  type SlaBoardReport,
  slaBoardReport,
  type WorklogEntry,
  worklogEntriesOf,
} from '@core/reports/index';
import { useLiveQuery } from 'dexie-react-hooks';
import { DateTime } from 'luxon';
import { useMemo } from 'react';
import { caseIdsInStatuses } from '../../db/case-queries';
import { worklogEventsSince } from '../../db/event-log';
import type { LocalCase } from '../../db/local-records';
import type { SaksbordDb } from '../../db/saksbord-db';
import { useStoreQuery } from '../../db/use-store-query';
import { useNowMinute } from '../../stores/clock-store';
import { useServiceConfigStore } from '../../stores/service-config-store';

const DAY_MS = 86_400_000;

/** Cases the board needs: every open case, and every case changed in the last 31 days
 *  (a clock met or run out in the 30-day window changed its case then). Of the open ones only
 *  the keys are read with the recent ones, then the few records not among those, so no case
 *  is read twice. */
async function boardCases(db: SaksbordDb, since: string): Promise<LocalCase[]> {
  const [recent, openIds] = await Promise.all([
    db.cases.where('updatedAt').aboveOrEqual(since).toArray(),
    caseIdsInStatuses(db, openStatuses),
  ]);
  const have = new Set(recent.map((c) => c.id));
  const olderOpen = openIds.filter((id) => !have.has(id));
  if (olderOpen.length === 0) return recent;
  const older = await db.cases.bulkGet(olderOpen);
  return [...recent, ...older.filter((c) => c !== undefined)];
}

/** Worklog entries among the server events of the last 31 days. */
async function recentWorklogs(db: SaksbordDb, since: string): Promise<WorklogEntry[]> {
  return worklogEntriesOf(await worklogEventsSince(db, since));
}

export interface SlaBoardData {
  report: SlaBoardReport | null;
  /** Server's last successful sync (from the local store: survives restarts), ISO or null. */
  lastSyncedAt: string | null;
}

/**
 * The board's figures from the local store. Dexie live queries re-run when a sync or a local
 * edit touches the tables, so the board follows within moments of a change reaching this
 * client; the report is recomputed on each such change and once a minute (statuses move
 * with time), never per second — countdowns tick on their own (see Countdown.tsx).
 */
export function useSlaBoardData(db: SaksbordDb): SlaBoardData {
  const minute = useNowMinute();
  const calendar = useServiceConfigStore((s) => s.calendar);
  const slaConfig = useServiceConfigStore((s) => s.config.sla);
  // The window moves once a day; a stable key keeps the live queries from restarting.
  const sinceDay = Math.floor(minute / DAY_MS) - 31;
  const since = useMemo(
    () => DateTime.fromMillis(sinceDay * DAY_MS, { zone: 'utc' }).toISO()!,
    [sinceDay],
  );
  // Throttled while a sync writes page after page: each run reads a month of cases.
  const cases = useStoreQuery(db, ['cases'], () => boardCases(db, since), [since]);
  const worklogs = useStoreQuery(db, ['eventChunks'], () => recentWorklogs(db, since), [since]);
  const syncState = useLiveQuery(() => db.syncState.get('main'), [db]);

  const report = useMemo(
    () =>
      cases && worklogs
        ? slaBoardReport({ cases, worklogs, calendar, slaConfig, now: minute })
        : null,
    [cases, worklogs, calendar, slaConfig, minute],
  );
  return { report, lastSyncedAt: syncState?.lastSuccessAt ?? null };
}
