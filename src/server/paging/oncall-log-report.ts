/** The on-call log for a range: paged incidents with their deliveries and the time worked. */

import type { CaseEvent } from '@core/case';
import { type LoggedCase, onCallLogRows, type PageDelivery } from '@core/oncall';
import type { ServerContext } from '../server-context';

export async function onCallLog(ctx: ServerContext, fromMs: number, toMs: number) {
  const from = new Date(fromMs).toISOString();
  const to = new Date(toMs).toISOString();
  const incidents = await ctx.db
    .selectFrom('paging_incidents')
    .selectAll()
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .where('mode', '=', 'onCall')
    .orderBy('started_at')
    .execute();
  const cases: LoggedCase[] = [];
  const deliveries: PageDelivery[] = [];
  for (const incident of incidents) {
    const row = await ctx.db
      .selectFrom('cases')
      .select(['number', 'record'])
      .where('id', '=', incident.case_id)
      .executeTakeFirst();
    const record = row ? (JSON.parse(row.record) as { title: string }) : { title: '' };
    const events = await ctx.db
      .selectFrom('case_events')
      .select(['change', 'at'])
      .where('case_id', '=', incident.case_id)
      .where('change_type', '=', 'worklogAdded')
      .where('at', '>=', incident.started_at)
      .where('at', '<', to)
      .execute();
    const worked = events.reduce(
      (sum, e) =>
        sum +
        ((JSON.parse(e.change) as Extract<CaseEvent['change'], { type: 'worklogAdded' }>).minutes ??
          0),
      0,
    );
    cases.push({
      caseId: incident.case_id,
      number: row?.number ?? null,
      title: record.title,
      criticalAt: Date.parse(incident.started_at),
      acknowledgedAt: incident.acknowledged_at ? Date.parse(incident.acknowledged_at) : null,
      acknowledgedBy: incident.acknowledged_by,
      workedMinutes: worked,
    });
    const pages = await ctx.db
      .selectFrom('paging_log')
      .selectAll()
      .where('incident_id', '=', incident.id)
      .where('kind', '=', 'paged')
      .execute();
    for (const p of pages) {
      deliveries.push({
        caseId: incident.case_id,
        step: p.step ?? 0,
        target: p.target ?? '',
        targetName: p.target_name ?? '',
        channel: (p.channel ?? 'sms') as PageDelivery['channel'],
        pagedAt: Date.parse(p.at),
        outcome: 'queued',
      });
    }
  }
  return onCallLogRows(cases, deliveries);
}
