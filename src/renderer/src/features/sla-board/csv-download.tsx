import { ORGANISATION_TIME_ZONE } from '../../../../core/index';
import {
  type FigureId,
  type FigureRows,
  figureCsvColumns,
  toCsv,
} from '../../../../core/reports/index';
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

const columns = figureCsvColumns(ORGANISATION_TIME_ZONE);

/** The CSV of the rows behind a figure: `;`-separated, decimal comma, UTF-8 with BOM. */
export function figureCsv<F extends FigureId>(figure: F, rows: readonly FigureRows[F][]): string {
  return toCsv(columns[figure], rows);
}

/** "Download CSV" of the rows behind one figure. */
export function ExportCsvButton<F extends FigureId>(props: {
  figure: F;
  label: string;
  rows: readonly FigureRows[F][];
  now: number;
  suffix?: string;
}) {
  const t = useSlaT();
  const stamp = new Date(props.now).toISOString().slice(0, 16).replace(/[:T]/g, '');
  const name = `saksbord-${props.figure}${props.suffix ? `-${props.suffix}` : ''}-${stamp}.csv`;
  return (
    <button
      type="button"
      className="sla-export"
      data-testid={`export-${props.figure}`}
      aria-label={t('board.exportCsvOf', { figure: props.label })}
      onClick={() => downloadText(name, figureCsv(props.figure, props.rows))}
    >
      <span aria-hidden="true">⤓ </span>
      {t('board.exportCsv')}
      <span className="sla-export__count"> ({props.rows.length})</span>
    </button>
  );
}
