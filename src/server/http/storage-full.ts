/**
 * A full disk (or a database out of room) is a condition of the server, not a bug: the
 * request gets 507 Insufficient Storage with the cause in the log, and `/readyz` answers
 * 503 "storage full" for a minute after, so a load balancer stops sending traffic.
 */
import type { ServerContext } from '../server-context';

/** SQLite's SQLITE_FULL, PostgreSQL's disk_full (53100), and the file system's. */
export function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC' || code === 'EDQUOT';
}

const lastFull = new WeakMap<ServerContext, number>();

export function noteStorageFull(ctx: ServerContext): void {
  lastFull.set(ctx, ctx.now().getTime());
}

/** A write failed for want of room within the last minute. */
export function storageRecentlyFull(ctx: ServerContext): boolean {
  const at = lastFull.get(ctx);
  return at !== undefined && ctx.now().getTime() - at < 60_000;
}
