// CSV as spreadsheets read it safely: every cell quoted, formulas neutralised, CRLF line ends.

/** One CSV cell: always quoted; a leading =, +, -, @, tab or CR is prefixed so no spreadsheet runs it. */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Rows of cells as one CSV text. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
