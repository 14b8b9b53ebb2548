import { ORGANISATION_TIME_ZONE } from '@core/index';
import {
  type CsvWords,
  csvFileName,
  type FigureId,
  type FigureRows,
  figureCsv,
} from '@core/reports/index';
import { useLanguageStore } from '../../i18n/language-store';
import { useDirectoryStore } from '../../stores/directory-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { csvFileParts, csvWords } from './csv-words';
import { useSlaT } from './sla-board-messages';

/** Saves text as a file through a Blob and a temporary object URL (works offline, no server). */
export function downloadText(
  fileName: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * "Download CSV" of the rows behind one figure, in the user's language: translated headers
 * and values, people by name, cases by number, Oslo wall-clock times, and a file name such as
 * `sla-tavle-i-faresona-og-brote-2026-11-30-1020.csv`. For Excel in a Norwegian locale the
 * file is `;`-separated with decimal commas and UTF-8 with a byte-order mark (core csv.ts),
 * whatever the UI language: the separator follows the machine's Excel, not the words.
 */
export function ExportCsvButton<F extends FigureId>(props: {
  figure: F;
  label: string;
  rows: readonly FigureRows[F][];
  now: number;
  suffix?: string;
}) {
  const t = useSlaT();
  const locale = useLanguageStore((s) => s.locale);
  const { db, session } = useWorkstation();
  const staff = useDirectoryStore((s) => s.staff);

  async function download() {
    // The worklog rows know only case ids: their numbers come from the local store.
    const ids = props.rows.flatMap((r) =>
      'caseId' in r && !('number' in r && r.number) ? [r.caseId] : [],
    );
    const found = ids.length > 0 ? await db.cases.bulkGet([...new Set(ids)]) : [];
    const numbers = new Map(
      found.flatMap((c) => (c ? [[c.id, c.number ?? c.provisionalNumber ?? null] as const] : [])),
    );
    const user = session.row.user;
    const words: CsvWords = csvWords(
      locale,
      (id) =>
        id === user.id ? user.displayName : (staff.find((s) => s.id === id)?.displayName ?? null),
      (id) => numbers.get(id) ?? null,
    );
    const name = csvFileName(
      csvFileParts(locale, props.figure, props.suffix),
      props.now,
      ORGANISATION_TIME_ZONE,
    );
    downloadText(name, figureCsv(props.figure, props.rows, ORGANISATION_TIME_ZONE, words));
  }

  return (
    <button
      type="button"
      className="sla-export"
      data-testid={`export-${props.figure}`}
      aria-label={t('board.exportCsvOf', { figure: props.label })}
      onClick={() => void download()}
    >
      <span aria-hidden="true">⤓ </span>
      {t('board.exportCsv')}
      <span className="sla-export__count"> ({props.rows.length})</span>
    </button>
  );
}
