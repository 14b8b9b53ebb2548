/**
 * The audit log for team leaders and admins: a page at a time, filtered by who, what and
 * when, and the same filter as CSV. Read-only: the log is append-only (audit/audit-log.ts).
 */
import { exportAuditLog, listAuditLog } from '@core/api';
import type { Locale } from '@core/config';
import { type AuditCsvColumn, type AuditQuery, auditCsv } from '@core/content';
import { type AuditFilter, listAudit } from '../audit/audit-log';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import type { ServerContext } from '../server-context';

const csvHeaders: Record<Locale, Record<AuditCsvColumn, string>> = {
  nn: {
    at: 'Tidspunkt (UTC)',
    actor: 'Kven',
    actorId: 'Brukar-id',
    action: 'Handling',
    targetType: 'Type',
    targetId: 'Id',
    summary: 'Samandrag',
    details: 'Detaljar',
    device: 'Eining',
    address: 'Adresse',
  },
  nb: {
    at: 'Tidspunkt (UTC)',
    actor: 'Hvem',
    actorId: 'Bruker-id',
    action: 'Handling',
    targetType: 'Type',
    targetId: 'Id',
    summary: 'Sammendrag',
    details: 'Detaljer',
    device: 'Enhet',
    address: 'Adresse',
  },
  en: {
    at: 'Time (UTC)',
    actor: 'Who',
    actorId: 'User id',
    action: 'Action',
    targetType: 'Type',
    targetId: 'Id',
    summary: 'Summary',
    details: 'Details',
    device: 'Device',
    address: 'Address',
  },
};

function filterOf(query: Omit<AuditQuery, 'limit'> & { limit: number }): AuditFilter {
  const [at, id] = query.before?.split('|') ?? [];
  return {
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.from ? { from: new Date(query.from).toISOString() } : {}),
    ...(query.to ? { to: new Date(query.to).toISOString() } : {}),
    ...(at && id ? { before: { at, id } } : {}),
    limit: query.limit,
  };
}

export function mountAuditRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, listAuditLog, async ({ query, reply }) => {
    // One more than asked for, to know whether there is a next page.
    const rows = await listAudit(ctx.db, { ...filterOf(query), limit: query.limit + 1 });
    const entries = rows.slice(0, query.limit);
    const last = entries.at(-1);
    const next = rows.length > query.limit && last ? `${last.at}|${last.id}` : null;
    return reply(200, { entries, next });
  });

  mountRoute(app, ctx, exportAuditLog, async ({ c, query }) => {
    const entries = await listAudit(ctx.db, filterOf(query));
    const csv = auditCsv(entries, (column) => csvHeaders[query.lang][column]);
    const day = ctx.now().toISOString().slice(0, 10);
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="saksbord-revisjonslogg-${day}.csv"`,
    });
  });
}
