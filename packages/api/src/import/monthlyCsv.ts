/**
 * The CSV import of cadres' monthly reports (laporan bulanan): one row per cadre per month, named
 * by the agreement number (nomor PKS). Pure: it reads text and returns validated records and the
 * errors by row and column; looking up the agreements and saving is the caller's.
 *
 * The format is described for users in docs/monthly-import.md.
 */
import {
  ARREARS_COLUMNS,
  ARREARS_OVER_24_COLUMN,
  ARREARS_OVER_24_MONTHS,
  type Collection,
  CSV_COLUMNS,
  type Message,
  type MonthlyRecordInput,
  msg,
  parseMonthlyRecord,
} from '@kader/workflow';
import { parseDateCell, parseMonthCell, parseWholeNumber, quoted, type CellResult } from './cells';
import { readCsvTable, type RowError } from './csvTable';

/** A row that passed every check. `row` is the row number a spreadsheet shows (the header is row 1). */
export type ParsedRow = { row: number; agreementNumber: string; record: MonthlyRecordInput };
export type { RowError };
export type MonthlyCsvResult = { rows: ParsedRow[]; errors: RowError[] };

/** Columns a file must have (a cell may still be empty where the format allows: `tanggal_laporan`). */
export const REQUIRED_CSV_COLUMNS: readonly string[] = [
  'nomor_pks',
  'bulan',
  'keluarga_dikunjungi',
  'kunjungan',
  'tanggal_laporan',
  'rapat_diadakan',
  'rapat_dihadiri',
];
/**
 * The import's limits, one constant for every place that enforces them: the parser (rows), the
 * `contracts.importMonths` schema (bytes of the file's text as UTF-8) and apps/server's limit on
 * request bodies, which is sized so that any file within these limits fits once JSON-encoded.
 * A branch's year of monthly reports is far below both.
 */
export const MONTHLY_IMPORT_LIMIT = { rows: 10_000, bytes: 5 * 1024 * 1024 } as const;
/** More data rows than this and the file is refused. */
export const MAX_CSV_ROWS = MONTHLY_IMPORT_LIMIT.rows;
/** What a file, or a request body, over the limits is answered with (the HTTP layer's REQUEST_TOO_LARGE). */
export const MONTHLY_IMPORT_TOO_LARGE = msg('REQUEST_TOO_LARGE', {
  megabytes: MONTHLY_IMPORT_LIMIT.bytes / (1024 * 1024),
  rows: MONTHLY_IMPORT_LIMIT.rows,
});

/** The arrears age a collection column stands for: `tunggakan_3` → 3, `tunggakan_25_lebih` → 25. */
export function arrearsMonthsOfColumn(column: string): number | undefined {
  if (column === ARREARS_OVER_24_COLUMN) return ARREARS_OVER_24_MONTHS;
  const m = /^tunggakan_(\d+)$/.exec(column);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 24 ? n : undefined;
}

/** The record field each plain column fills (collections come from the `tunggakan_*` columns). */
export const FIELD_COLUMN: Record<string, string> = {
  month: 'bulan',
  familiesAssigned: 'keluarga_binaan',
  familiesVisited: 'keluarga_dikunjungi',
  visits: 'kunjungan',
  reportDeliveredOn: 'tanggal_laporan',
  meetingsHeld: 'rapat_diadakan',
  meetingsAttended: 'rapat_dihadiri',
};

const COUNT_COLUMNS: { column: string; field: string; required: boolean }[] = [
  { column: 'keluarga_binaan', field: 'familiesAssigned', required: false },
  { column: 'keluarga_dikunjungi', field: 'familiesVisited', required: true },
  { column: 'kunjungan', field: 'visits', required: true },
  { column: 'rapat_diadakan', field: 'meetingsHeld', required: true },
  { column: 'rapat_dihadiri', field: 'meetingsAttended', required: true },
];

const AGREEMENT_NUMBER_MIN = 3;
const AGREEMENT_NUMBER_MAX = 100;

/**
 * Reads a CSV of monthly reports. `rows` holds the rows with no error (for "impor baris yang
 * valid saja"); `errors` every problem, in row order. When the header is wrong (missing, unknown
 * or repeated columns) `rows` is empty: the rows are still checked, so every problem is listed at
 * once, but none can be trusted. Nothing here knows whether an agreement number exists.
 */
export function parseMonthlyCsv(text: string): MonthlyCsvResult {
  const table = readCsvTable(text, { columns: CSV_COLUMNS, required: REQUIRED_CSV_COLUMNS, maxRows: MAX_CSV_ROWS });
  const { headerErrors, columnName } = table;
  const errors: RowError[] = [...headerErrors];
  if (table.rows.length === 0) return { rows: [], errors: [...errors, ...table.fileErrors] };

  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>(); // agreement + month → first row
  for (const { row, cell, problems } of table.rows) {
    const rowErrors: RowError[] = [...problems];
    const failedColumns = new Set<string>(); // canonical names with a cell error
    const fail = (name: string, problem: Message) => {
      failedColumns.add(name);
      rowErrors.push({ row, column: columnName(name), ...problem });
    };
    const take = <T>(name: string, result: CellResult<T>): T | undefined => {
      if (result.ok) return result.value;
      fail(name, result.problem);
      return undefined;
    };

    const input: Record<string, unknown> = {};

    const agreementNumber = cell('nomor_pks');
    if (agreementNumber === '') fail('nomor_pks', msg('CSV_AGREEMENT_REQUIRED'));
    else if (agreementNumber !== undefined && agreementNumber.length < AGREEMENT_NUMBER_MIN) {
      fail('nomor_pks', msg('CSV_AGREEMENT_TOO_SHORT', { value: quoted(agreementNumber), minimum: AGREEMENT_NUMBER_MIN }));
    } else if (agreementNumber !== undefined && agreementNumber.length > AGREEMENT_NUMBER_MAX) {
      fail('nomor_pks', msg('CSV_AGREEMENT_TOO_LONG', { maximum: AGREEMENT_NUMBER_MAX }));
    }

    const monthText = cell('bulan');
    if (monthText === '') fail('bulan', msg('CSV_MONTH_REQUIRED'));
    else if (monthText !== undefined) input.month = take('bulan', parseMonthCell(monthText));

    for (const { column, field, required } of COUNT_COLUMNS) {
      const value = cell(column);
      if (value === undefined) continue;
      if (value === '') {
        if (required) fail(column, msg('CSV_COUNT_REQUIRED', { column }));
        continue; // keluarga_binaan: the record's default (DEFAULT_FAMILIES_ASSIGNED)
      }
      input[field] = take(column, parseWholeNumber(value, column));
    }

    const reportText = cell('tanggal_laporan');
    if (reportText === '')
      input.reportDeliveredOn = null; // not delivered
    else if (reportText !== undefined)
      input.reportDeliveredOn = take('tanggal_laporan', parseDateCell(reportText, 'tanggal_laporan'));

    const collections: Collection[] = [];
    const collectionColumns: string[] = []; // canonical column of each collection, by index
    for (const column of ARREARS_COLUMNS) {
      const value = cell(column);
      if (value === undefined || value === '') continue;
      const months = arrearsMonthsOfColumn(column)!;
      const amount = take(column, parseWholeNumber(value, column, true));
      if (amount === undefined || amount === 0) continue; // 0 = nothing collected at this age
      collections.push({ arrearsMonths: months, amount });
      collectionColumns.push(column);
    }
    input.collections = collections;

    // Cells that failed to read are left out of `input`; the record's own check would only repeat
    // them ("harus berupa angka"), as it would for a column missing from the header.
    const checked = parseMonthlyRecord(input);
    if (!checked.ok) {
      for (const { path, ...message } of checked.fields) {
        const [field, position] = path.split('.');
        const name = field === 'collections' ? collectionColumns[Number(position)] : FIELD_COLUMN[field ?? ''];
        if (name === undefined) {
          rowErrors.push({ row, column: '', ...message });
          continue;
        }
        if (failedColumns.has(name) || !table.has(name)) continue;
        rowErrors.push({ row, column: columnName(name), ...message });
      }
    }

    // One row per agreement per month.
    const month = typeof input.month === 'string' ? input.month : undefined;
    if (agreementNumber && month && !failedColumns.has('nomor_pks')) {
      const key = `${agreementNumber.toUpperCase()}|${month}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, row);
      else {
        rowErrors.unshift({
          row,
          column: columnName('nomor_pks'),
          ...msg('CSV_DUPLICATE_ROW', { agreementNumber, month, firstRow: first }),
        });
      }
    }

    rowErrors.sort((a, b) => table.columnOrder(a) - table.columnOrder(b));
    errors.push(...rowErrors);
    if (rowErrors.length === 0 && checked.ok && agreementNumber) {
      rows.push({ row, agreementNumber, record: checked.record });
    }
  }

  return { rows: headerErrors.length > 0 ? [] : rows, errors };
}
