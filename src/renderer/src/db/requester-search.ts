import type { Requester } from '@core/case/index';

/**
 * Earlier requesters whose name contains `query` (case-insensitive), one per person
 * (name + municipality), most recent case first, at most `limit`.
 */
export function findRequesters(
  cases: Iterable<{ requester: Requester; updatedAt: string }>,
  query: string,
  limit = 8,
): Requester[] {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const sorted = Array.from(cases)
    .filter((c) => c.requester.name.toLowerCase().includes(q))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const seen = new Set<string>();
  const found: Requester[] = [];
  for (const c of sorted) {
    const key = `${c.requester.name.toLowerCase()}|${c.requester.municipalityId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(c.requester);
    if (found.length >= limit) break;
  }
  return found;
}
