/**
 * Reading a CSV file as a table of named columns, for every import (monthly reports, candidates):
 * the separator a spreadsheet used, the header checked against the import's columns, each data
 * row with its spreadsheet row number and the problems of its shape (quotes, cells without a
 * column), and the file's own limits. Pure; what a cell means is each import's business.
 */
import Papa from 'papaparse';
import { type Message, msg } from '@kader/workflow';
import { quoted } from './cells';

/**
 * One problem, as a catalogue message. `column` is the header as written in the file; a missing
 * column is named as the format names it; empty when the problem is the whole row or the whole
 * file, or a cell outside the named columns (its message says which: `kolom ke-N`).
 */
export type RowError = { row: number; column: string } & Message;

/** A data row: `row` is the number a spreadsheet shows (the header is row 1 when it is the first line). */
export type CsvRow = {
  row: number;
  /** The trimmed cell of a column (by its canonical name); undefined when the file has no such column. */
  cell: (name: string) => string | undefined;
  /** Problems of the row's shape: a broken quote, data in a column without a title. */
  problems: RowError[];
};

export type CsvTable = {
  /** Problems of the header (unknown, repeated, missing columns): when any, no row can be trusted. */
  headerErrors: RowError[];
  rows: CsvRow[];
  /** Problems of the whole file: empty, no data rows, too many rows (then `rows` is empty). */
  fileErrors: RowError[];
  /** The column as the file's header writes it (`Nomor PKS` for `nomor_pks`). */
  columnName: (name: string) => string;
  /** Whether the header has the column. */
  has: (name: string) => boolean;
  /** Where an error sorts within its row: the whole row first, then the columns left to right. */
  columnOrder: (e: RowError) => number;
};

/** `Nomor PKS`, `NOMOR-PKS`, ` nomor_pks ` all name `nomor_pks`. */
const normalizeHeader = (h: string): string =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** `;` (the Indonesian locale's list separator), `,` or a tab: whichever the header line uses most. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const count = (d: string) => outsideQuotes.split(d).length - 1;
  const candidates = [';', ',', '\t'];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ';');
}

/** Papa Parse's quote problems: a quote left open, or any other misplaced quote. */
const quoteProblem = (code: string): Message => msg(code === 'MissingQuotes' ? 'CSV_UNCLOSED_QUOTE' : 'CSV_STRAY_QUOTE');

/**
 * Reads `text` as a table whose header names some of `columns` (case, spaces and dashes aside) and
 * all of `required`. Blank lines are skipped; more than `maxRows` data rows refuses the file.
 */
export function readCsvTable(
  text: string,
  format: { columns: readonly string[]; required: readonly string[]; maxRows: number },
): CsvTable {
  const source = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(source, { delimiter: detectDelimiter(source), header: false, skipEmptyLines: false });
  const data = parsed.data.map((cells) => (Array.isArray(cells) ? cells.map((c) => String(c ?? '')) : []));

  const columnAt = new Map<string, number>(); // canonical name → cell index
  const shownAs = new Map<string, string>(); // canonical name → header as written
  const headerErrors: RowError[] = [];
  const table = (rows: CsvRow[], fileErrors: RowError[], headerCells: string[] = []): CsvTable => ({
    headerErrors,
    rows,
    fileErrors,
    columnName: (name) => shownAs.get(name) ?? name,
    has: (name) => columnAt.has(name),
    columnOrder: (e) => {
      if (e.reason === 'CSV_CELL_WITHOUT_HEADER') return e.params.position - 1;
      return e.column === '' ? -1 : headerCells.indexOf(e.column);
    },
  });

  const headerIndex = data.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) return table([], [{ row: 1, column: '', ...msg('CSV_EMPTY') }]);
  const headerRow = headerIndex + 1;

  // ---- header
  const headerCells = data[headerIndex]!.map((h) => h.trim());
  headerCells.forEach((written, index) => {
    if (written === '') return; // an unnamed column: only an error if a row puts data in it
    const name = normalizeHeader(written);
    if (!format.columns.includes(name)) {
      headerErrors.push({ row: headerRow, column: written, ...msg('CSV_UNKNOWN_COLUMN', { column: quoted(written) }) });
    } else if (columnAt.has(name)) {
      headerErrors.push({ row: headerRow, column: written, ...msg('CSV_DUPLICATE_COLUMN', { column: name }) });
    } else {
      columnAt.set(name, index);
      shownAs.set(name, written);
    }
  });
  for (const name of format.required) {
    if (!columnAt.has(name)) headerErrors.push({ row: headerRow, column: name, ...msg('CSV_MISSING_COLUMN', { column: name }) });
  }

  // ---- rows
  const quoteProblems = new Map<number, Message>(); // data index → message
  for (const e of parsed.errors) {
    if (e.type === 'Quotes' && e.row !== undefined) quoteProblems.set(e.row, quoteProblem(e.code));
  }
  const rows: CsvRow[] = [];
  for (let index = headerIndex + 1; index < data.length; index++) {
    const cells = data[index]!;
    if (isBlank(cells) && !quoteProblems.has(index)) continue;
    const row = index + 1;
    if (rows.length === format.maxRows) {
      headerErrors.length = 0; // the file is refused whole: nothing else about it matters yet
      return table([], [{ row, column: '', ...msg('CSV_TOO_MANY_ROWS', { maximum: format.maxRows }) }], headerCells);
    }
    const problems: RowError[] = [];
    const quote = quoteProblems.get(index);
    if (quote) problems.push({ row, column: '', ...quote });
    cells.forEach((value, i) => {
      if (value.trim() !== '' && (headerCells[i] ?? '') === '') {
        problems.push({ row, column: '', ...msg('CSV_CELL_WITHOUT_HEADER', { position: i + 1, value: quoted(value) }) });
      }
    });
    rows.push({
      row,
      problems,
      cell: (name) => {
        const i = columnAt.get(name);
        return i === undefined ? undefined : (cells[i] ?? '').trim();
      },
    });
  }
  const fileErrors: RowError[] = rows.length === 0 ? [{ row: headerRow + 1, column: '', ...msg('CSV_NO_DATA_ROWS') }] : [];
  return table(rows, fileErrors, headerCells);
}
