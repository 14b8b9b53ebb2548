import type { Locale } from '@core/config/localized-text';
import {
  type CsvHeaderKey,
  type CsvWords,
  type FigureId,
  reportPeriods,
} from '@core/reports/index';
import { translatorFor } from '../../i18n/translate';
import { type SlaMessageKey, slaTranslator } from './sla-board-messages';

/** The header of each export column: the board's own column words where it has them. */
const headerKeys: Record<CsvHeaderKey, SlaMessageKey> = {
  case: 'col.case',
  title: 'col.title',
  line: 'col.line',
  priority: 'col.priority',
  status: 'col.status',
  assignee: 'col.assignee',
  slaStatus: 'csv.slaStatus',
  clock: 'col.clock',
  dueAt: 'col.due',
  leftMinutes: 'csv.leftMinutes',
  targetMinutes: 'csv.targetMinutes',
  outcome: 'csv.outcome',
  at: 'csv.at',
  stillOpen: 'csv.stillOpen',
  usedMinutes: 'csv.usedMinutes',
  loggedAt: 'csv.loggedAt',
  minutes: 'col.minutes',
  loggedBy: 'csv.loggedBy',
  note: 'csv.note',
  open: 'col.open',
  critical: 'priority.critical',
  high: 'priority.high',
  medium: 'priority.medium',
  low: 'priority.low',
  waiting: 'kpi.waiting',
  atRisk: 'status.atRisk',
  breached: 'status.breached',
  reason: 'col.reason',
  since: 'col.since',
  criticalAt: 'col.criticalAt',
  answeredAt: 'csv.answeredAt',
  answerMinutes: 'csv.answerMinutes',
  responseStatus: 'csv.responseStatus',
};

/**
 * The words of a CSV export in `locale`: headers and values as the board shows them, staff by
 * name (`staffName` gives null for someone not in the directory: "Kollega 1a2b3c4d"), and
 * cases by number.
 */
export function csvWords(
  locale: Locale,
  staffName: (id: string) => string | null,
  caseNumber: (caseId: string) => string | null,
): CsvWords {
  const t = slaTranslator(locale);
  const appT = translatorFor(locale);
  return {
    header: (key) => t(headerKeys[key]),
    priority: (p) => t(`priority.${p}`),
    caseStatus: (s) => appT(`status.${s}`),
    slaStatus: (s) => t(`status.${s}`),
    clock: (c) => t(`clock.${c}`),
    waitingReason: (r) => t(r === null ? 'waiting.unknown' : `waiting.${r}`),
    yesNo: (b) => t(b ? 'csv.yes' : 'csv.no'),
    person: (id) =>
      id === null
        ? t('agent.unassigned')
        : (staffName(id) ?? t('agent.other', { id: id.slice(0, 8) })),
    caseNumber: (id) => caseNumber(id) ?? `${t('csv.unknownCase')} ${id.slice(0, 8)}`,
  };
}

/** The words of an export's file name: the board, the figure and the period shown, if any. */
export function csvFileParts(locale: Locale, figure: FigureId, period?: string): string[] {
  const t = slaTranslator(locale);
  const shown = reportPeriods.find((p) => p === period);
  return [t('csv.file.board'), t(`csv.file.${figure}`), ...(shown ? [t(`period.${shown}`)] : [])];
}
