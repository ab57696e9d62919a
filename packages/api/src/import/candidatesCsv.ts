/**
 * The CSV import of candidates (calon kader): one row per person applying in one recruitment
 * period, in the register form's fields. Pure: each row's cells become the register form's input
 * and are checked by the same schema (`registerCandidateSchema`), the work area is found by name
 * among the period's branch's areas (given), and a NIK twice in the file is reported; whether a
 * NIK is already registered is the service's to find (services/importCandidates.ts).
 */
import {
  ANNOUNCEMENT_CHANNELS,
  csvLine,
  EDUCATION_LEVELS,
  issueFields,
  labelOf,
  type Message,
  msg,
  type registerCandidateSchema,
  registerCandidateSchema as schema,
} from '@kader/workflow';
import type { z } from 'zod';
import { quoted } from './cells';
import { readCsvTable, type RowError } from './csvTable';

export type { RowError };
type RegisterInput = z.output<typeof registerCandidateSchema>;
/** A row that passed every check of the file: the registration it asks for. */
export type CandidateRow = { row: number; input: RegisterInput };
export type CandidatesCsvResult = {
  /** The rows with no problem, in file order (none when the header is wrong). */
  rows: CandidateRow[];
  /** Every problem, by row then column. */
  errors: RowError[];
  /** Data rows in the file (blank lines aside). */
  dataRows: number;
  /** A column as the file's header writes it (`NIK` for `nik`), for problems found after the parse. */
  columnName: (name: string) => string;
  /**
   * The row number of the last data row: how far a caller reading the file in parts goes. 0 when
   * no row can be used (none, too many, or a wrong header): the file's problems are then all there is.
   */
  lastRow: number;
};

/** The columns in the template's order; `kode_kelurahan` and `sumber_informasi` may be left out. */
export const CANDIDATE_CSV_COLUMNS: readonly string[] = [
  'nik',
  'nama',
  'telepon',
  'pendidikan',
  'jalan',
  'rt_rw',
  'kelurahan',
  'kecamatan',
  'kabupaten_kota',
  'wilayah_kerja',
  'kode_kelurahan',
  'sumber_informasi',
];
const OPTIONAL_COLUMNS = new Set(['kode_kelurahan', 'sumber_informasi']);
const REQUIRED_COLUMNS = CANDIDATE_CSV_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c));

/** The column of each field of the register form's input (paths as the schema names them). */
const COLUMN_OF_PATH: Record<string, string> = {
  'candidate.nik': 'nik',
  'candidate.name': 'nama',
  'candidate.phone': 'telepon',
  'candidate.education': 'pendidikan',
  'candidate.address.street': 'jalan',
  'candidate.address.rtRw': 'rt_rw',
  'candidate.address.village': 'kelurahan',
  'candidate.address.district': 'kecamatan',
  'candidate.address.regency': 'kabupaten_kota',
  'candidate.address.villageCode': 'kode_kelurahan',
  workAreaId: 'wilayah_kerja',
  heardFrom: 'sumber_informasi',
};
/** The CSV column a registration's field path is written in (`candidate.nik` → `nik`); undefined for the period. */
export const columnOfPath = (path: string): string | undefined => COLUMN_OF_PATH[path];

/**
 * The import's limits, one constant for every place that enforces them: the parser (rows), the
 * `candidates.importCsv` schema (bytes of the file's text as UTF-8) and apps/server's limit on
 * request bodies (the largest import's). A row of the template is about 200 bytes, so 2,000 rows
 * (a large branch's whole campaign) fit in half the bytes.
 */
export const CANDIDATE_IMPORT_LIMIT = { rows: 2_000, bytes: 1024 * 1024 } as const;
/** What a file over the limits is answered with. */
export const CANDIDATE_IMPORT_TOO_LARGE = msg('REQUEST_TOO_LARGE', {
  megabytes: CANDIDATE_IMPORT_LIMIT.bytes / (1024 * 1024),
  rows: CANDIDATE_IMPORT_LIMIT.rows,
});

/** `Paket C`, `paket-c`, `PAKET_C` alike. */
const key = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** A code read from its code or its name in either language (`SMA`, `Spanduk`, `Banner`). */
function codeReader<C extends string>(codes: readonly C[], kind: 'edu' | 'channel') {
  const byKey = new Map<string, C>();
  for (const code of codes) {
    for (const name of [code, labelOf('id', kind, code), labelOf('en', kind, code)]) byKey.set(key(name), code);
  }
  const shown = codes.map((c) => labelOf('id', kind, c));
  return (column: string, raw: string): { ok: true; value: C } | { ok: false; problem: Message } => {
    const code = byKey.get(key(raw));
    if (code) return { ok: true, value: code };
    return { ok: false, problem: msg('IMPORT_CELL_CHOOSE', { column, value: quoted(raw), allowed: shown }) };
  };
}
const readEducation = codeReader(EDUCATION_LEVELS, 'edu');
const readChannel = codeReader(ANNOUNCEMENT_CHANNELS, 'channel');

/** Where the file's rows register: the period and its branch's work areas. */
export type ImportTarget = {
  periodId: number;
  branchName: string;
  workAreas: readonly { id: number; name: string; regionCode?: string | null }[];
};

/**
 * Reads a CSV of candidates for `target`'s period. `rows` holds the rows with no problem (for
 * "impor baris yang valid"); `errors` every problem. When the header is wrong `rows` is empty:
 * every row is still checked, so all problems are listed at once.
 */
export function parseCandidatesCsv(text: string, target: ImportTarget): CandidatesCsvResult {
  const table = readCsvTable(text, {
    columns: CANDIDATE_CSV_COLUMNS,
    required: REQUIRED_COLUMNS,
    maxRows: CANDIDATE_IMPORT_LIMIT.rows,
  });
  const { headerErrors, columnName } = table;
  const errors: RowError[] = [...headerErrors];
  if (table.rows.length === 0) return { rows: [], errors: [...errors, ...table.fileErrors], dataRows: 0, lastRow: 0, columnName };

  // a work area by its name (case and spacing aside) or its region code (`35.77`)
  const areaByKey = new Map<string, number>();
  for (const a of target.workAreas) {
    areaByKey.set(key(a.name), a.id);
    if (a.regionCode) areaByKey.set(key(a.regionCode), a.id);
  }
  const areaNames = target.workAreas.map((a) => a.name);

  const rows: CandidateRow[] = [];
  const firstRowOfNik = new Map<string, number>();
  for (const { row, cell, problems } of table.rows) {
    const rowErrors: RowError[] = [...problems];
    const failed = new Set<string>(); // columns whose cell could not be read
    const fail = (column: string, problem: Message) => {
      failed.add(column);
      rowErrors.push({ row, column: columnName(column), ...problem });
    };
    /** A cell left empty is absent from the input (the schema then says what is required). */
    const text = (column: string): string | undefined => {
      const value = cell(column);
      return value === '' ? undefined : value;
    };

    const educationText = text('pendidikan');
    let education: string | undefined;
    if (educationText !== undefined) {
      const read = readEducation(columnName('pendidikan'), educationText);
      if (read.ok) education = read.value;
      else fail('pendidikan', read.problem);
    }
    const channelText = text('sumber_informasi');
    let heardFrom: string | undefined;
    if (channelText !== undefined) {
      const read = readChannel(columnName('sumber_informasi'), channelText);
      if (read.ok) heardFrom = read.value;
      else fail('sumber_informasi', read.problem);
    }
    const areaText = text('wilayah_kerja');
    let workAreaId: number | undefined;
    if (areaText !== undefined) {
      workAreaId = areaByKey.get(key(areaText));
      if (workAreaId === undefined) {
        fail(
          'wilayah_kerja',
          msg('IMPORT_WORK_AREA_UNKNOWN', { value: quoted(areaText), branch: target.branchName, areas: areaNames }),
        );
      }
    }

    const villageCode = text('kode_kelurahan');
    const input = {
      periodId: target.periodId,
      workAreaId,
      candidate: {
        nik: text('nik'),
        name: cell('nama'),
        phone: text('telepon'),
        education,
        address: {
          street: cell('jalan'),
          rtRw: cell('rt_rw'),
          village: cell('kelurahan'),
          district: cell('kecamatan'),
          regency: cell('kabupaten_kota'),
          ...(villageCode === undefined ? {} : { villageCode }),
        },
      },
      ...(heardFrom === undefined ? {} : { heardFrom }),
    };
    // The register form's own check; a cell that failed to read above is not reported twice.
    const checked = schema.safeParse(input);
    if (!checked.success) {
      for (const { path, ...message } of issueFields(checked.error.issues)) {
        const column = COLUMN_OF_PATH[path];
        if (column === undefined) rowErrors.push({ row, column: '', ...message });
        else if (!failed.has(column) && table.has(column)) rowErrors.push({ row, column: columnName(column), ...message });
      }
    }

    // One row per person: a NIK seen earlier in the file is this row's error, naming that row.
    if (checked.success) {
      const nik = checked.data.candidate.nik;
      const first = firstRowOfNik.get(nik);
      if (first === undefined) firstRowOfNik.set(nik, row);
      else rowErrors.push({ row, column: columnName('nik'), ...msg('IMPORT_NIK_REPEATED', { firstRow: first }) });
    }

    rowErrors.sort((a, b) => table.columnOrder(a) - table.columnOrder(b));
    errors.push(...rowErrors);
    if (rowErrors.length === 0 && checked.success) rows.push({ row, input: checked.data });
  }
  return {
    rows: headerErrors.length > 0 ? [] : rows,
    errors,
    dataRows: table.rows.length,
    columnName,
    lastRow: headerErrors.length > 0 ? 0 : (table.rows.at(-1)?.row ?? 0),
  };
}

/** The example row of the template; its work area is the period's first. */
const EXAMPLE: Record<string, string> = {
  nik: '3577015208990001',
  nama: 'Sri Wahyuni',
  telepon: '0812-3456-7890',
  pendidikan: 'SMA',
  jalan: 'Jl. Pahlawan No. 12',
  rt_rw: '003/005',
  kelurahan: 'Kartoharjo',
  kecamatan: 'Kartoharjo',
  kabupaten_kota: 'Kota Madiun',
  kode_kelurahan: '',
  sumber_informasi: 'Spanduk',
};

export const CANDIDATE_CSV_TEMPLATE_FILENAME = 'template-calon-kader.csv';

/**
 * The template users download: the header and one example row, `;`-separated as a spreadsheet in
 * the Indonesian locale writes it, CRLF line ends.
 */
export function candidatesCsvTemplate(workAreaName: string): string {
  const example: Record<string, string> = { ...EXAMPLE, wilayah_kerja: workAreaName };
  return csvLine(CANDIDATE_CSV_COLUMNS) + csvLine(CANDIDATE_CSV_COLUMNS.map((c) => example[c] ?? ''));
}
