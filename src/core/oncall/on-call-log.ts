/**
 * The on-call log: per on-call period, each critical case that paged someone, when, whom, by
 * which channel, when it was acknowledged, the response minutes and the time worked — what
 * on-call pay is computed from. Pure: the server hands in the stored pages and cases.
 */
import { DateTime } from 'luxon';
import { type CsvColumn, type CsvOptions, toCsv } from '../reports/csv';

/** One delivery attempt of one page, as stored. */
export interface PageDelivery {
  caseId: string;
  step: number;
  /** 'user:<id>' or 'tel:<digits>'. */
  target: string;
  /** The person's name or the number's label, for the report. */
  targetName: string;
  channel: 'push' | 'sms' | 'email';
  /** When the page was made (queued). */
  pagedAt: number;
  outcome: 'queued' | 'sent' | 'failed';
}

export interface LoggedCase {
  caseId: string;
  number: string | null;
  title: string;
  /** When the case became critical (the paging started). */
  criticalAt: number;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  /** Worklog minutes on the case entered for the period's time (all lines). */
  workedMinutes: number;
}

export interface OnCallLogRow {
  caseId: string;
  number: string | null;
  title: string;
  criticalAt: number;
  firstPagedAt: number | null;
  /** Who was paged, in order, with their channels: "Kari Vakt (push, sms)". */
  pagedTo: string[];
  channels: string[];
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  /** Minutes from critical to acknowledged (null while unacknowledged). */
  responseMinutes: number | null;
  escalated: boolean;
  workedMinutes: number;
}

export function onCallLogRows(
  cases: readonly LoggedCase[],
  deliveries: readonly PageDelivery[],
): OnCallLogRow[] {
  const byCase = new Map<string, PageDelivery[]>();
  for (const d of deliveries) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d]);
  return [...cases]
    .sort((a, b) => a.criticalAt - b.criticalAt)
    .map((c) => {
      const pages = (byCase.get(c.caseId) ?? []).slice().sort((a, b) => a.pagedAt - b.pagedAt);
      const names: string[] = [];
      const channelsOf = new Map<string, Set<string>>();
      for (const p of pages) {
        if (!channelsOf.has(p.targetName)) {
          names.push(p.targetName);
          channelsOf.set(p.targetName, new Set());
        }
        channelsOf.get(p.targetName)!.add(p.channel);
      }
      return {
        caseId: c.caseId,
        number: c.number,
        title: c.title,
        criticalAt: c.criticalAt,
        firstPagedAt: pages[0]?.pagedAt ?? null,
        pagedTo: names.map((n) => `${n} (${[...channelsOf.get(n)!].join(', ')})`),
        channels: [...new Set(pages.map((p) => p.channel))],
        acknowledgedAt: c.acknowledgedAt,
        acknowledgedBy: c.acknowledgedBy,
        responseMinutes:
          c.acknowledgedAt === null
            ? null
            : Math.round(((c.acknowledgedAt - c.criticalAt) / 60_000) * 10) / 10,
        escalated: pages.some((p) => p.step > 0),
        workedMinutes: c.workedMinutes,
      };
    });
}

const oslo = (timeZone: string) => (ms: number | null) =>
  ms === null ? '' : DateTime.fromMillis(ms, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm');

/** The log as CSV for Norwegian Excel (`;`, decimal comma, BOM), times in the service's zone. */
export function onCallLogCsv(
  rows: readonly OnCallLogRow[],
  timeZone: string,
  options: CsvOptions = {},
): string {
  const at = oslo(timeZone);
  const columns: CsvColumn<OnCallLogRow>[] = [
    { key: 'case', value: (r) => r.number ?? r.caseId },
    { key: 'title', value: (r) => r.title },
    { key: 'criticalAt', value: (r) => at(r.criticalAt) },
    { key: 'pagedAt', value: (r) => at(r.firstPagedAt) },
    { key: 'pagedTo', value: (r) => r.pagedTo.join('; ') },
    { key: 'channels', value: (r) => r.channels.join(', ') },
    { key: 'acknowledgedAt', value: (r) => at(r.acknowledgedAt) },
    { key: 'acknowledgedBy', value: (r) => r.acknowledgedBy ?? '' },
    { key: 'responseMinutes', value: (r) => r.responseMinutes },
    { key: 'escalated', value: (r) => (r.escalated ? 'ja' : 'nei') },
    { key: 'workedMinutes', value: (r) => r.workedMinutes },
  ];
  return toCsv(columns, rows, options);
}
