/**
 * CSV of the rows behind a figure, as Excel in Norway opens it by double-click:
 * RFC 4180 quoting and CRLF line ends, but `;` between fields (Norwegian Excel uses the comma
 * as decimal separator, so it expects semicolons) and decimal commas in numbers, with a UTF-8
 * byte-order mark so æ, ø and å survive. `separator: ','` with `decimal: '.'` gives plain
 * RFC 4180 for other tools.
 */

/** A cell value; instants should be formatted by the column (see `isoInOslo` in views). */
export type CsvValue = string | number | boolean | null | undefined;

/** One column: a stable key (the default header) and how to read the cell from a row. */
export interface CsvColumn<R> {
  key: string;
  value: (row: R) => CsvValue;
}

export interface CsvOptions {
  /** Field separator; default `;`. */
  separator?: ';' | ',' | '\t';
  /** Decimal mark of numbers; default `,` with `;`, `.` otherwise. */
  decimal?: ',' | '.';
  /** Prefix a UTF-8 byte-order mark (default true: Excel reads UTF-8 only with it). */
  bom?: boolean;
  /** Header text of a column (translated by the view); default the column key. */
  header?: (key: string) => string;
}

const BOM = '\uFEFF';

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a
 * leading apostrophe: a case title typed by an end user must never become a formula
 * (OWASP "CSV injection"). Numbers are not touched, so negative minutes stay numbers.
 */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cellText(value: CsvValue, decimal: ',' | '.'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(Math.round(value * 1000) / 1000);
    return decimal === ',' ? text.replace('.', ',') : text;
  }
  return neutralise(value);
}

/** RFC 4180: a field with the separator, a quote, CR or LF is quoted, quotes doubled. */
export function quoteCsvField(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<R>(
  columns: readonly CsvColumn<R>[],
  rows: readonly R[],
  options: CsvOptions = {},
): string {
  const separator = options.separator ?? ';';
  const decimal = options.decimal ?? (separator === ';' ? ',' : '.');
  const header = options.header ?? ((key: string) => key);
  const lines = [columns.map((c) => quoteCsvField(header(c.key), separator)).join(separator)];
  for (const row of rows) {
    lines.push(
      columns.map((c) => quoteCsvField(cellText(c.value(row), decimal), separator)).join(separator),
    );
  }
  return `${(options.bom === false ? '' : BOM) + lines.join('\r\n')}\r\n`;
}
