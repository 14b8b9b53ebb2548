import type { SupportLine } from '@core/case/index';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseRepository, TimelineEntry } from './case-repository';
import type { ConflictRecord, LocalCase, OutboxItem } from './local-records';

/**
 * React hooks over the local store. Each re-renders when the data it read changes in
 * IndexedDB (from a local edit or a sync). `undefined` means "still loading".
 */

export function useOpenCasesByLine(
  repo: CaseRepository,
  line: SupportLine,
): LocalCase[] | undefined {
  return useLiveQuery(() => repo.openCasesByLine(line), [repo, line]);
}

export function useCase(repo: CaseRepository, caseId: string | null): LocalCase | null | undefined {
  return useLiveQuery(
    async () => (caseId ? ((await repo.caseById(caseId)) ?? null) : null),
    [repo, caseId],
  );
}

export function useCaseTimeline(repo: CaseRepository, caseId: string): TimelineEntry[] | undefined {
  return useLiveQuery(() => repo.eventsOf(caseId), [repo, caseId]);
}

export function useCaseConflicts(
  repo: CaseRepository,
  caseId: string,
): ConflictRecord[] | undefined {
  return useLiveQuery(() => repo.conflictsOf(caseId), [repo, caseId]);
}

export function usePendingCount(repo: CaseRepository): number | undefined {
  return useLiveQuery(() => repo.pendingCount(), [repo]);
}

export function useRejectedMutations(repo: CaseRepository): OutboxItem[] | undefined {
  return useLiveQuery(() => repo.rejectedMutations(), [repo]);
}
