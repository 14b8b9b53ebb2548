/**
 * User Timing marks for the benchmarks (bench/board.bench.ts) and DevTools: cheap, and
 * nothing reads them in normal use.
 */
export const marks = {
  /** The board has rendered its cases for the first time. */
  boardInteractive: 'saksbord:board-interactive',
  /** A card was dropped (start of a move). */
  drop: 'saksbord:drop',
  /** From drop to the move stored in the local database (and its outbox). */
  dragPersisted: 'saksbord:drag-persisted',
} as const;

export function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

export function measureFrom(name: string, startMark: string): void {
  try {
    globalThis.performance?.measure?.(name, startMark);
  } catch {
    // The start mark is missing (e.g. a move from the case view): nothing to measure.
  }
}
