// CSV for spreadsheets (RFC 4180): every field quoted, quotes doubled, lines
// ended with CRLF, and a byte-order mark so spreadsheet programs read the
// file as UTF-8. What residents wrote is data, never a formula: text starting
// with = + - @ (or a tab or carriage return, which some programs skip before
// one) gets a leading apostrophe, as OWASP advises against CSV injection.

export type Cell = string | number | boolean | null | undefined;

const formulaStart = /^[\s]*[=+\-@]|^[\t\r]/;

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '""';
  // Numbers the workspace writes itself (counts, coordinates) stay numbers.
  const text = typeof value === 'string' && formulaStart.test(value) ? `'${value}` : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** A header row and its rows as one CSV text. */
export function toCsv(rows: ReadonlyArray<readonly Cell[]>): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
