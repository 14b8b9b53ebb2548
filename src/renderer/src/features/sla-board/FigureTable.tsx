import type { ReactNode } from 'react';

/**
 * A figure's table: a caption, one header row of column headings (when given), and the body
 * rows it is given. The caption is hidden visually unless the whole table is.
 */
export function FigureTable(props: {
  className: string;
  caption: ReactNode;
  /** Hide the caption visually (when the table itself is shown). */
  hideCaption?: boolean;
  columns?: readonly string[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <table className={props.className} data-testid={props.testId}>
      <caption className={props.hideCaption ? 'visually-hidden' : undefined}>
        {props.caption}
      </caption>
      {props.columns ? (
        <thead>
          <tr>
            {props.columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed, in order
              <th scope="col" key={i}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody>{props.children}</tbody>
    </table>
  );
}

/** A table cell naming a case: its number (or a dash) and its title. */
export function CaseCell(props: { number: string | null | undefined; title: string }) {
  return (
    <td>
      <span className="sla-risk__number">{props.number ?? '—'}</span> {props.title}
    </td>
  );
}
