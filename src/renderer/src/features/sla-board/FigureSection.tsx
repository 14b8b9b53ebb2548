import type { FigureId, FigureRows, SlaBoardReport } from '@core/reports/index';
import type { ReactNode } from 'react';
import { ExportCsvButton } from './csv-download';
import type { SlaTranslate } from './sla-board-messages';
import { useScrollsSideways } from './use-scroll-focus';

/** What every section of the board is given. */
export type SectionProps = {
  report: SlaBoardReport;
  t: SlaTranslate;
  nameOf: (id: string | null) => string;
};

/**
 * One figure on the board: its heading, "Download CSV" of the rows behind it, the chart and
 * table it is given, and "and N more" when the table shows only part of the rows.
 */
export function FigureSection<F extends FigureId>(props: {
  figure: F;
  title: string;
  /** The rows behind the figure, as exported to CSV. */
  rows: readonly FigureRows[F][];
  now: number;
  /** Added to the CSV file name, e.g. the period shown. */
  suffix?: string;
  className?: string;
  /** How many rows the table leaves out; "and N more" is shown when above 0. */
  hidden?: number;
  /** Offer "Download CSV" (not on the wall, where there is nothing to click). */
  exportable?: boolean;
  t: SlaTranslate;
  children: ReactNode;
}) {
  const { figure, title, hidden = 0, exportable = true, t } = props;
  const [ref, scrolls] = useScrollsSideways<HTMLElement>();
  return (
    <section
      ref={ref}
      className={`sla-card ${props.className ?? ''}`}
      aria-labelledby={`${figure}-title`}
      data-testid={`figure-${figure}`}
      // A card whose table is wider than the screen scrolls: reachable from the keyboard.
      tabIndex={scrolls ? 0 : undefined}
    >
      <div className="sla-card__head">
        <h2 id={`${figure}-title`}>{title}</h2>
        {exportable ? (
          <div className="sla-card__actions">
            <ExportCsvButton
              figure={figure}
              label={title}
              rows={props.rows}
              now={props.now}
              suffix={props.suffix}
            />
          </div>
        ) : null}
      </div>
      {props.children}
      {hidden > 0 ? <p className="sla-more">{t('board.more', { count: hidden })}</p> : null}
    </section>
  );
}
