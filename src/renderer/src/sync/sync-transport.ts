import type { LiveEvent, PullResponse, PushRequest, PushResponse } from '@core/sync/index';

/** How the sync engine talks to the server; `http-transport.ts` is the real one. */
export interface SyncTransport {
  /** Pushes outbox mutations. Idempotent by mutation id: pushing again is always safe. */
  push(request: PushRequest): Promise<PushResponse>;
  /** Changes after `after`, at most `limit` events. */
  pull(after: number, limit: number): Promise<PullResponse>;
  /**
   * Listens to live events until the returned function is called. `onConnection` reports
   * whether the stream is up (a reconnect means events may have been missed: pull).
   */
  subscribe(onEvent: (event: LiveEvent) => void, onConnection?: (up: boolean) => void): () => void;
}

/**
 * Why a request failed, which decides what the engine does next.
 * - `network`: no answer (offline, reset, timeout) — retry with backoff.
 * - `server`: 5xx, 408 or 429 — retry with backoff.
 * - `unauthorized`: 401/403 — stop and ask the user to sign in again; never drop anything.
 * - `tooLarge`: 413 — push smaller batches.
 * - `rejected`: another 4xx — the request itself is refused; for a single mutation it is
 *   marked rejected with the server's reason and never retried.
 */
export type TransportFailure = 'network' | 'server' | 'unauthorized' | 'tooLarge' | 'rejected';

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly kind: TransportFailure,
    message: string,
    readonly status: number | null = null,
    /** The server's explanation for the user (problem document `detail` or `title`). */
    readonly reason: string | null = null,
    /** Machine-readable rule id, when the server names one. */
    readonly rule: string | null = null,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server';
  }
}

/** The failure kind of an HTTP status that is not 2xx. */
export function failureOfStatus(status: number): TransportFailure {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 413) return 'tooLarge';
  if (status === 408 || status === 429 || status >= 500) return 'server';
  return 'rejected';
}
