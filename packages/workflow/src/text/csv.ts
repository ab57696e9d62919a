/**
 * How Kader writes a CSV file, in one place for every file it writes (the import templates, the
 * list exports, the reports' tables): what a spreadsheet in the Indonesian locale writes and reads
 * back — `;` between cells (the comma is the decimal mark there), CRLF line ends, a cell quoted
 * (its quotes doubled) only when it holds `;`, a quote or a line break. Pure.
 */
export const CSV_SEPARATOR = ';';
export const CSV_LINE_END = '\r\n';

/**
 * The byte-order mark a downloaded file starts with: without it Excel on Windows, the branches'
 * usual spreadsheet, reads UTF-8 as the local code page and garbles the masked NIK's `•` and names
 * typed with curly quotes. Kader's imports skip it, so such a file still reads back.
 */
export const UTF8_BOM = '\uFEFF';

export function csvCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One line of cells, with its line end. */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(CSV_SEPARATOR) + CSV_LINE_END;
}
