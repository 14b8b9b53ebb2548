import type { EntryFacts } from './timeline-facts';

/** One worklog entry as the worklog panel lists it. */
export interface WorklogEntry {
  key: string;
  actorId: string;
  at: string;
  minutes: number;
  line: number;
  note: string;
  /** Logged here and not yet on the server. */
  pending: boolean;
}

/**
 * The worklog entries of a history, oldest first (as they were logged): who, when, how long,
 * on which line and the note. An entry the server refused is left out, as it was not logged.
 */
export function worklogEntries(facts: readonly EntryFacts[]): WorklogEntry[] {
  return facts
    .flatMap((e) =>
      e.change.type === 'worklogAdded' && e.rejectionReason === null
        ? [
            {
              key: e.key,
              actorId: e.actorId,
              at: e.at,
              minutes: e.change.minutes,
              line: e.change.line,
              note: e.change.note,
              pending: e.pending,
            },
          ]
        : [],
    )
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
