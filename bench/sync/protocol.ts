/** What the benchmark (Node) and its browser harness (bench/sync/harness.ts) pass each other. */

export interface SaksbordInitialArgs {
  token: string;
  /** The server's newest sequence: the sync is done when the local cursor reaches it. */
  head: number;
  pullLimit?: number;
}

export interface SaksbordInitialResult {
  ms: number;
  cursor: number;
  cases: number;
  events: number;
  pages: number;
  /**
   * Time inside `transport.pull` (request, response, JSON parse, schema check), added up; the
   * engine fetches the next page while it writes one, so this overlaps the IndexedDB work.
   */
  pullMs: number;
  /** Time from one pull request to the next: one page's cycle. */
  pageMs: number[];
}

export interface OfflineArgs {
  count: number;
  /** Saksbord only: the signed-in user (the actor of local edits). */
  userId?: string;
}

export interface OfflineResult {
  ms: number;
  /** How long making the edits locally took (not part of `ms`). */
  editMs: number;
  /** Saksbord: outbox items left after the sync (0 = all acknowledged and pulled back). */
  left: number;
  rejected: number;
  conflicts: number;
  /** Time inside `transport.push` and `transport.pull` (Saksbord), the rest is local work. */
  pushMs?: number;
  pullMs?: number;
  /** Saksbord: requests and the local work between them (ms), in order. */
  timeline?: string;
  /** PouchDB: documents the replication wrote to the server. */
  written?: number;
}

export interface PouchInitialArgs {
  remote: string;
  batchSize?: number;
}

export interface PouchInitialResult {
  ms: number;
  docs: number;
  written: number;
}

export interface SyncBenchApi {
  saksbordInitial(args: SaksbordInitialArgs): Promise<SaksbordInitialResult>;
  saksbordOffline(args: OfflineArgs): Promise<OfflineResult>;
  /** Times each step of pulling and applying `pages` pages of 1,000 (profiling only). */
  saksbordProfile(args: { token: string; pages: number }): Promise<Record<string, number>>;
  pouchInitial(args: PouchInitialArgs): Promise<PouchInitialResult>;
  pouchOffline(args: OfflineArgs & { remote: string }): Promise<OfflineResult>;
}
