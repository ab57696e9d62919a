/** The contract year: monthly records and their import, KPI and fee settings, decisions, scorecards, the agreement PDF. */
import type { Fmt } from '../message';
import { m, text } from '../message';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A value from a file or a pattern, as a message quotes it. */
const q = (s: string) => `"${s}"`;

/** What the monthly CSV's columns hold, as a sentence names them (`tunggakan_3` → arrears of 3 months). */
const COLUMN_NOUNS: Record<string, { id: string; en: string }> = {
  keluarga_binaan: { id: 'Jumlah keluarga binaan', en: 'Fostered families' },
  keluarga_dikunjungi: { id: 'Jumlah keluarga dikunjungi', en: 'Families visited' },
  kunjungan: { id: 'Jumlah kunjungan', en: 'Visits' },
  rapat_diadakan: { id: 'Jumlah rapat evaluasi diadakan', en: 'Meetings held' },
  rapat_dihadiri: { id: 'Jumlah rapat dihadiri', en: 'Meetings attended' },
  tanggal_laporan: { id: 'Tanggal laporan', en: 'The report date' },
  bulan: { id: 'Bulan', en: 'The month' },
  nomor_pks: { id: 'Nomor PKS', en: 'The agreement number' },
};
function columnNoun(column: string, f: Fmt): string {
  const known = COLUMN_NOUNS[column];
  if (known) return known[f.lang];
  if (column === 'tunggakan_25_lebih') return f.lang === 'id' ? 'Iuran tunggakan di atas 24 bulan' : 'Arrears over 24 months';
  const months = /^tunggakan_(\d+)$/.exec(column)?.[1];
  if (months) {
    const n = Number(months);
    return f.lang === 'id' ? `Iuran tunggakan ${n} bulan` : `Arrears of ${f.plural(n, { one: '# month', other: '# months' })}`;
  }
  return column;
}

const MONTH_HINT = {
  id: 'tulis bulan sebagai MM/YYYY, mis. 03/2026 (atau 2026-03)',
  en: 'write the month as MM/YYYY, e.g. 03/2026 (or 2026-03)',
};
const DATE_HINT = {
  id: 'tulis tanggal sebagai dd/mm/yyyy, mis. 03/04/2026',
  en: 'write the date as dd/mm/yyyy, e.g. 03/04/2026',
};

/** What is wrong with an agreement-number pattern (`{seq:3}` …), one phrase per problem. */
const AGREEMENT_PATTERN_PROBLEMS = [
  'EMPTY',
  'TOO_LONG',
  'STRAY_CLOSE',
  'UNCLOSED',
  'CONTROL_CHARACTER',
  'SEQUENCE_WIDTH',
  'UNKNOWN_TOKEN',
  'NO_SEQUENCE',
  'SEVERAL_SEQUENCES',
  'NUMBER_TOO_SHORT',
  'NUMBER_TOO_LONG',
] as const;
type PatternProblem = (typeof AGREEMENT_PATTERN_PROBLEMS)[number];
/**
 * One problem: `n` is the position (1-based), the length or the count it is about, `token` the
 * placeholder as written, `limit` the bound it breaks; what a problem does not use is 0 or ''.
 */
type AgreementPatternIssue = { problem: string; n: number; token: string; limit: number };
const KNOWN_TOKENS = '{seq}, {seq:N}, {kode}, {yyyy}, {yy}, {mm}, {romawi}';

function patternProblem(p: AgreementPatternIssue, f: Fmt): string {
  const id = f.lang === 'id';
  switch (p.problem as PatternProblem) {
    case 'EMPTY':
      return id ? 'pola nomor PKS kosong' : 'the pattern is empty';
    case 'TOO_LONG':
      return id
        ? `pola nomor PKS paling panjang ${p.limit} karakter (sekarang ${p.n})`
        : `the pattern has at most ${p.limit} characters (now ${p.n})`;
    case 'STRAY_CLOSE':
      return id ? `tanda "}" pada posisi ${p.n} tanpa "{" pembuka` : `the "}" at position ${p.n} has no opening "{"`;
    case 'UNCLOSED':
      return id ? `tanda "{" pada posisi ${p.n} tidak ditutup dengan "}"` : `the "{" at position ${p.n} is not closed with "}"`;
    case 'CONTROL_CHARACTER':
      return id
        ? `karakter kendali pada posisi ${p.n} tidak boleh dipakai`
        : `the control character at position ${p.n} cannot be used`;
    case 'SEQUENCE_WIDTH':
      return id
        ? `lebar nomor urut pada ${p.token} harus angka 1-${p.limit}, misalnya {seq:3}`
        : `the running number's width in ${p.token} must be a number 1-${p.limit}, e.g. {seq:3}`;
    case 'UNKNOWN_TOKEN':
      return id
        ? `token ${p.token} tidak dikenal; yang dikenal: ${KNOWN_TOKENS}`
        : `the token ${p.token} is unknown; known tokens: ${KNOWN_TOKENS}`;
    case 'NO_SEQUENCE':
      return id
        ? 'pola harus memuat satu nomor urut {seq} atau {seq:N}, agar setiap nomor berbeda'
        : 'the pattern needs one running number {seq} or {seq:N}, so that every number differs';
    case 'SEVERAL_SEQUENCES':
      return id
        ? `pola memuat ${p.n} nomor urut {seq}; hanya boleh satu`
        : `the pattern has ${p.n} running numbers {seq}; only one is allowed`;
    case 'NUMBER_TOO_SHORT':
      return id
        ? `nomor dari pola ini bisa hanya ${p.n} karakter; nomor PKS paling sedikit ${p.limit} karakter`
        : `a number from this pattern can be only ${p.n} characters; an agreement number has at least ${p.limit}`;
    case 'NUMBER_TOO_LONG':
      return id
        ? `nomor dari pola ini bisa sampai ${p.n} karakter; nomor PKS paling banyak ${p.limit} karakter`
        : `a number from this pattern can reach ${p.n} characters; an agreement number has at most ${p.limit}`;
  }
  return p.problem;
}

/** The problems of a pattern as parallel lists (params are flat JSON), back to one list of phrases. */
function patternProblems(
  p: { problems: readonly string[]; ns: readonly number[]; tokens: readonly string[]; limits: readonly number[] },
  f: Fmt,
): string {
  return p.problems
    .map((problem, i) => patternProblem({ problem, n: p.ns[i] ?? 0, token: p.tokens[i] ?? '', limit: p.limits[i] ?? 0 }, f))
    .join('; ');
}

/** What is wrong with a document handed to the PDF renderer (a bug upstream, never a person's input). */
const DOCUMENT_PROBLEMS: Record<string, { id: string; en: string }> = {
  PAPER: { id: 'ukuran kertas tidak dikenal', en: 'unknown paper size' },
  SIGNED_ON_MISSING: { id: 'PKS final memerlukan tanggal penandatanganan', en: 'a final agreement needs its signing date' },
  NUMBER_MISSING: { id: 'PKS final memerlukan nomor PKS', en: 'a final agreement needs its number' },
  START_DATE: { id: 'tanggal mulai tidak valid', en: 'the start date is not valid' },
  END_DATE: { id: 'tanggal berakhir tidak valid', en: 'the end date is not valid' },
  BIRTH_DATE: { id: 'tanggal lahir tidak valid', en: 'the birth date is not valid' },
  SIGNED_ON: { id: 'tanggal penandatanganan tidak valid', en: 'the signing date is not valid' },
  END_BEFORE_START: { id: 'tanggal berakhir sebelum tanggal mulai', en: 'the end date is before the start date' },
  FAMILIES: { id: 'jumlah keluarga binaan tidak valid', en: 'the number of fostered families is not valid' },
  CADRE_NAME: { id: 'nama kader kosong', en: 'the cadre’s name is empty' },
  FUNCTIONS: { id: 'daftar fungsi kader kosong', en: 'the list of cadre functions is empty' },
  FEE_TABLE: { id: 'tabel imbal jasa kosong', en: 'the fee table is empty' },
  FEE_TIER: { id: 'tingkat imbal jasa tidak valid', en: 'a fee tier is not valid' },
  FEE_RATE: { id: 'persentase imbal jasa tidak valid', en: 'a fee rate is not valid' },
};

const DECISION_REASON = {
  drop: {
    id: (n: number) => `Keputusan tidak diperpanjang wajib disertai alasan tertulis (paling sedikit ${n} karakter).`,
    en: (n: number) => `A decision not to renew needs a written reason (at least ${n} characters).`,
  },
  againstRecommendation: {
    id: (n: number) =>
      `Perpanjangan yang tidak sesuai rekomendasi (tidak diperpanjang) wajib disertai alasan tertulis (paling sedikit ${n} karakter).`,
    en: (n: number) => `A renewal against the recommendation (do not renew) needs a written reason (at least ${n} characters).`,
  },
  late: {
    id: (n: number) => `Keputusan terlambat wajib disertai alasan tertulis (paling sedikit ${n} karakter).`,
    en: (n: number) => `A late decision needs a written reason (at least ${n} characters).`,
  },
};
type DecisionReasonKind = keyof typeof DECISION_REASON;
const decisionKind = (k: string): DecisionReasonKind => (k in DECISION_REASON ? (k as DecisionReasonKind) : 'drop');

const WRITE_REASON = {
  drop: {
    id: (n: number) => `Tuliskan alasan tidak diperpanjang (paling sedikit ${n} karakter).`,
    en: (n: number) => `Write why the agreement is not renewed (at least ${n} characters).`,
  },
  againstRecommendation: {
    id: (n: number) => `Rekomendasi: tidak diperpanjang. Tuliskan alasan memperpanjang (paling sedikit ${n} karakter).`,
    en: (n: number) => `Recommendation: do not renew. Write why you renew (at least ${n} characters).`,
  },
  late: {
    id: (n: number) => `Tuliskan alasan keputusan terlambat (paling sedikit ${n} karakter).`,
    en: (n: number) => `Write why the decision is late (at least ${n} characters).`,
  },
};

const SCORECARD_KPI_SAMPLE = {
  kpi: 'collection',
  percent: 38,
  floor: 40 as number | null,
  passedFloor: false,
  shortOfFloor: 2,
  actual: 11_400_000,
  target: 30_000_000,
  points: 11.4,
  weight: 30,
  reportDueDay: 5,
  arrearsFrom: 2,
  arrearsTo: 24,
};
type ScorecardKpiParams = typeof SCORECARD_KPI_SAMPLE;

function kpiDetail(p: ScorecardKpiParams, f: Fmt): string {
  const id = f.lang === 'id';
  const of = id ? 'dari' : 'of';
  switch (p.kpi) {
    case 'visits':
      return `${f.number(p.actual)} ${of} ${f.number(p.target)} ${id ? 'keluarga' : 'families'}`;
    case 'collection':
      return id
        ? `${f.rupiah(p.actual)} dari ${f.rupiah(p.target)} (tunggakan ${p.arrearsFrom}-${p.arrearsTo} bulan)`
        : `${f.rupiah(p.actual)} of ${f.rupiah(p.target)} (arrears of ${p.arrearsFrom}-${p.arrearsTo} months)`;
    case 'reports':
      return id
        ? `${f.number(p.actual)} dari ${f.number(p.target)} bulan, batas tanggal ${p.reportDueDay} bulan berikutnya`
        : `${f.number(p.actual)} of ${f.number(p.target)} months, due by day ${p.reportDueDay} of the following month`;
    default:
      return `${f.number(p.actual)} ${of} ${f.number(p.target)} ${id ? 'rapat' : 'meetings'}`;
  }
}

const SUMMARY_SAMPLE = {
  recommendation: 'drop',
  months: 3,
  first: '2027-01',
  last: '2027-03',
  total: 61.74,
  threshold: 60,
  passedThreshold: true,
  shortOfThreshold: 0,
  belowKpis: ['collection'] as readonly string[],
  belowPercents: [38] as readonly number[],
  belowFloors: [40] as readonly number[],
};
type SummaryParams = typeof SUMMARY_SAMPLE;

function summary(p: SummaryParams, f: Fmt): string {
  const id = f.lang === 'id';
  const span = p.months > 1 ? `${f.month(p.first)} ${id ? 's.d.' : 'to'} ${f.month(p.last)}` : f.month(p.first);
  const period = `${id ? `${p.months} bulan` : f.plural(p.months, { one: '# month', other: '# months' })} (${span})`;
  const total = id
    ? p.passedThreshold
      ? `nilai total ${f.number(p.total)} dari 100 memenuhi ambang ${f.number(p.threshold)}`
      : `nilai total ${f.number(p.total)} dari 100 di bawah ambang ${f.number(p.threshold)} (kurang ${f.number(p.shortOfThreshold)} poin)`
    : p.passedThreshold
      ? `the total of ${f.number(p.total)} out of 100 meets the threshold of ${f.number(p.threshold)}`
      : `the total of ${f.number(p.total)} out of 100 is below the threshold of ${f.number(p.threshold)} (${f.number(p.shortOfThreshold)} points short)`;
  if (p.recommendation === 'renew') {
    return id
      ? `Rekomendasi: diperpanjang. Selama ${period}, ${total} dan semua batas minimal terpenuhi.`
      : `Recommendation: renew. Over ${period}, ${total} and every floor is met.`;
  }
  const below = p.belowKpis
    .map((k, i) => {
      const name = f.label('kpi', k).toLowerCase();
      const pct = f.number(p.belowPercents[i] ?? 0);
      const floor = f.number(p.belowFloors[i] ?? 0);
      return id ? `${name} (${pct}% dari target, batas ${floor}%)` : `${name} (${pct}% of target, floor ${floor}%)`;
    })
    .join(', ');
  const floors = below
    ? id
      ? `${p.passedThreshold ? ', tetapi' : '; juga'} di bawah batas minimal: ${below}`
      : `${p.passedThreshold ? ', but' : '; also'} below the floor: ${below}`
    : '';
  return id
    ? `Rekomendasi: tidak diperpanjang. Selama ${period}, ${total}${floors}.`
    : `Recommendation: do not renew. Over ${period}, ${total}${floors}.`;
}

export const contractMessages = {
  // ---- the monthly record (monthlyRecordSchema) and its checks against the agreement
  MONTH_FORMAT: text('Bulan harus berformat YYYY-MM (01-12)', 'Enter the month as YYYY-MM (01-12)'),
  AMOUNT_NOT_POSITIVE: text('Jumlah iuran harus lebih dari Rp 0', 'The amount must be more than Rp 0'),
  AMOUNT_TOO_BIG: m({
    sample: { maximum: 1_000_000_000 },
    id: (p, f) => `Jumlah iuran paling besar ${f.rupiah(p.maximum)} per pembayaran`,
    en: (p, f) => `At most ${f.rupiah(p.maximum)} per payment`,
  }),
  VISITED_OVER_ASSIGNED: text(
    'Keluarga dikunjungi tidak boleh melebihi jumlah keluarga binaan',
    'Families visited cannot exceed fostered families',
  ),
  VISITS_UNDER_FAMILIES: text(
    'Jumlah kunjungan tidak boleh kurang dari keluarga dikunjungi (setiap keluarga paling sedikit satu kunjungan)',
    'Visits cannot be fewer than families visited (each family is visited at least once)',
  ),
  ATTENDED_OVER_HELD: text(
    'Rapat dihadiri tidak boleh melebihi rapat yang diadakan',
    'Meetings attended cannot exceed meetings held',
  ),
  REPORT_BEFORE_MONTH: text(
    'Laporan tidak mungkin diserahkan sebelum bulan laporannya dimulai',
    'A report cannot be delivered before its month begins',
  ),
  MONTH_OUTSIDE_AGREEMENT: m({
    sample: { first: '2026-12', last: '2027-11' },
    id: (p, f) => `Bulan di luar masa PKS (${f.month(p.first)} s.d. ${f.month(p.last)})`,
    en: (p, f) => `The month is outside the agreement (${f.month(p.first)} to ${f.month(p.last)})`,
  }),

  // ---- the monthly CSV import: cells, rows, the file
  CELL_NOT_A_NUMBER: m({
    sample: { column: 'tunggakan_2', value: '1,250,000', money: true as boolean },
    id: (p, f) =>
      `${columnNoun(p.column, f)} ${q(p.value)} bukan angka yang dikenali; tulis angka bulat dengan titik sebagai pemisah ribuan (${p.money ? 'mis. 1.250.000 atau 1250000' : 'mis. 480 atau 1.200'})`,
    en: (p, f) =>
      `${columnNoun(p.column, f)} ${q(p.value)} is not a number; write a whole number with dots between thousands (${p.money ? 'e.g. 1.250.000 or 1250000' : 'e.g. 480 or 1.200'})`,
  }),
  CELL_NOT_WHOLE: m({
    sample: { column: 'kunjungan', value: '12,5', money: false as boolean },
    id: (p, f) => `${columnNoun(p.column, f)} ${q(p.value)} harus bilangan bulat${p.money ? ' (rupiah tanpa sen)' : ''}`,
    en: (p, f) => `${columnNoun(p.column, f)} ${q(p.value)} must be a whole number${p.money ? ' (rupiah without cents)' : ''}`,
  }),
  CELL_TOO_BIG: m({
    sample: { column: 'kunjungan', value: '99999999999999999999' },
    id: (p, f) => `${columnNoun(p.column, f)} ${q(p.value)} terlalu besar`,
    en: (p, f) => `${columnNoun(p.column, f)} ${q(p.value)} is too large`,
  }),
  CELL_NEGATIVE: m({
    sample: { column: 'kunjungan', value: '-3' },
    id: (p, f) => `${columnNoun(p.column, f)} tidak boleh negatif (${q(p.value)})`,
    en: (p, f) => `${columnNoun(p.column, f)} cannot be negative (${q(p.value)})`,
  }),
  CELL_MONTH_UNKNOWN: m({
    sample: { value: 'Maret' },
    id: (p) => `Bulan ${q(p.value)} tidak dikenali; ${MONTH_HINT.id}`,
    en: (p) => `The month ${q(p.value)} is not recognised; ${MONTH_HINT.en}`,
  }),
  CELL_MONTH_NUMBER: m({
    sample: { value: '13/2026' },
    id: (p) => `Bulan ${q(p.value)}: nomor bulan harus 01 sampai 12; ${MONTH_HINT.id}`,
    en: (p) => `The month ${q(p.value)}: the month number must be 01 to 12; ${MONTH_HINT.en}`,
  }),
  CELL_DATE_UNKNOWN: m({
    sample: { column: 'tanggal_laporan', value: 'besok' },
    id: (p, f) => `${columnNoun(p.column, f)} ${q(p.value)} tidak dikenali; ${DATE_HINT.id}`,
    en: (p, f) => `${columnNoun(p.column, f)} ${q(p.value)} is not recognised; ${DATE_HINT.en}`,
  }),
  CELL_DATE_NOT_IN_CALENDAR: m({
    sample: { column: 'tanggal_laporan', value: '31/02/2026' },
    id: (p, f) => `${columnNoun(p.column, f)} ${q(p.value)} tidak ada di kalender; ${DATE_HINT.id}`,
    en: (p, f) => `${columnNoun(p.column, f)} ${q(p.value)} is not in the calendar; ${DATE_HINT.en}`,
  }),
  CELL_YEAR_RANGE: m({
    sample: { column: 'bulan', value: '03/1999', minimum: 2000, maximum: 2099 },
    id: (p, f) => `${columnNoun(p.column, f)} ${q(p.value)}: tahun harus antara ${p.minimum} dan ${p.maximum}`,
    en: (p, f) => `${columnNoun(p.column, f)} ${q(p.value)}: the year must be between ${p.minimum} and ${p.maximum}`,
  }),
  CSV_EMPTY: text(
    'Berkas kosong; isi judul kolom di baris 1 dan data mulai baris 2 (lihat templat)',
    'The file is empty; put the column titles in row 1 and the data from row 2 (see the template)',
  ),
  CSV_UNKNOWN_COLUMN: m({
    sample: { column: 'catatan' },
    id: (p) => `Kolom ${q(p.column)} tidak dikenal; hapus kolom ini atau perbaiki judulnya (kolom yang dikenal ada di templat)`,
    en: (p) => `The column ${q(p.column)} is unknown; delete it or correct its title (the known columns are in the template)`,
  }),
  CSV_DUPLICATE_COLUMN: m({
    sample: { column: 'bulan' },
    id: (p) => `Kolom ${p.column} muncul lebih dari sekali; sisakan satu`,
    en: (p) => `The column ${p.column} appears more than once; keep one`,
  }),
  CSV_MISSING_COLUMN: m({
    sample: { column: 'kunjungan' },
    id: (p) => `Kolom ${p.column} wajib ada tetapi tidak ditemukan di baris judul`,
    en: (p) => `The column ${p.column} is required but is not in the title row`,
  }),
  CSV_UNCLOSED_QUOTE: text(
    'Tanda kutip (") dibuka tetapi tidak ditutup; periksa isi baris ini',
    'A quotation mark (") is opened but not closed; check this row',
  ),
  CSV_STRAY_QUOTE: text(
    'Tanda kutip (") di tengah sel tidak sah; tulis kutip di dalam sel sebagai ""',
    'A quotation mark (") inside a cell is not allowed; write a quotation mark in a cell as ""',
  ),
  CSV_TOO_MANY_ROWS: m({
    sample: { maximum: 10_000 },
    id: (p, f) => `Berkas terlalu besar: paling banyak ${f.count(p.maximum)} baris data per impor; bagi menjadi beberapa berkas`,
    en: (p, f) => `The file is too large: at most ${f.count(p.maximum)} data rows per import; split it into several files`,
  }),
  CSV_CELL_WITHOUT_HEADER: m({
    sample: { position: 10, value: 'catatan' },
    id: (p) =>
      `Sel di kolom ke-${p.position} berisi ${q(p.value)} tetapi kolom itu tidak berjudul; hapus isinya atau beri judul kolom`,
    en: (p) =>
      `The cell in column ${p.position} holds ${q(p.value)} but the column has no title; clear it or give the column a title`,
  }),
  CSV_AGREEMENT_REQUIRED: text('Nomor PKS wajib diisi', 'The agreement number is required'),
  CSV_AGREEMENT_TOO_SHORT: m({
    sample: { value: 'PK', minimum: 3 },
    id: (p) => `Nomor PKS ${q(p.value)} terlalu pendek (paling sedikit ${p.minimum} karakter)`,
    en: (p) => `The agreement number ${q(p.value)} is too short (at least ${p.minimum} characters)`,
  }),
  CSV_AGREEMENT_TOO_LONG: m({
    sample: { maximum: 100 },
    id: (p) => `Nomor PKS terlalu panjang (paling banyak ${p.maximum} karakter)`,
    en: (p) => `The agreement number is too long (at most ${p.maximum} characters)`,
  }),
  CSV_MONTH_REQUIRED: text('Bulan wajib diisi (MM/YYYY, mis. 03/2026)', 'The month is required (MM/YYYY, e.g. 03/2026)'),
  CSV_COUNT_REQUIRED: m({
    sample: { column: 'kunjungan' },
    id: (p, f) => `${columnNoun(p.column, f)} wajib diisi; tulis 0 bila tidak ada`,
    en: (p, f) => `${columnNoun(p.column, f)} is required; write 0 for none`,
  }),
  CSV_DUPLICATE_ROW: m({
    sample: { agreementNumber: 'PKS/0901/2026/001', month: '2026-03', firstRow: 2 },
    id: (p, f) =>
      `Nomor PKS ${p.agreementNumber} untuk bulan ${f.month(p.month)} sudah ada di baris ${p.firstRow}; satu kader hanya satu baris per bulan`,
    en: (p, f) =>
      `Agreement ${p.agreementNumber} for ${f.month(p.month)} is already in row ${p.firstRow}; one row per cadre per month`,
  }),
  CSV_NO_DATA_ROWS: text('Tidak ada baris data di bawah baris judul', 'There are no data rows under the title row'),
  IMPORT_AGREEMENT_NOT_FOUND: m({
    sample: { agreementNumber: 'PKS/0901/2026/001' },
    id: (p) => `Nomor PKS ${p.agreementNumber} tidak ditemukan di kantor cabang ini`,
    en: (p) => `Agreement number ${p.agreementNumber} was not found in this branch office`,
  }),
  IMPORT_NO_VALID_ROWS: text('Tidak ada baris yang valid untuk diimpor.', 'There are no valid rows to import.'),

  // ---- KPI settings and fee schedules
  VALUE_MORE_THAN_ZERO: text('Harus lebih dari 0', 'Must be more than 0'),
  WEIGHTS_SUM_100: text('Jumlah bobot harus 100', 'The weights must add up to 100'),
  RATE_WHOLE_BASIS_POINTS: text('Tarif dalam basis poin bulat (700 = 7%)', 'The rate can have at most two decimals'),
  RATE_TOO_BIG: text('Tarif paling besar 10000 basis poin (100%)', 'The rate cannot be above 100%'),
  FEE_TIERS_REQUIRED: text('Paling sedikit satu tingkat tarif', 'At least one rate tier'),
  FLAT_ONE_TIER: text('Skema flat berisi tepat satu tingkat tarif', 'A flat schedule has exactly one tier'),
  TIER_END_BEFORE_START: text('Batas akhir tidak boleh sebelum batas awal', 'The last month cannot be before the first'),
  TIERS_OVERLAP: m({
    sample: { from: 7, to: 12, otherFrom: 2, otherTo: 7 },
    id: (p) => `Tingkat tarif tumpang tindih: ${p.from}-${p.to} bulan dengan ${p.otherFrom}-${p.otherTo} bulan`,
    en: (p) => `Rate tiers overlap: ${p.from}-${p.to} months with ${p.otherFrom}-${p.otherTo} months`,
  }),
  SETTINGS_VERSION_DUPLICATE: m({
    sample: { date: '2027-01-01', version: 2 },
    id: (p, f) => `Sudah ada versi yang berlaku mulai ${f.date(p.date)} (versi ke-${p.version})`,
    en: (p, f) => `Version ${p.version} already takes effect on ${f.date(p.date)}`,
  }),
  EFFECTIVE_DATE_NOT_FUTURE: text('Tanggal berlaku harus setelah hari ini', 'The effective date must be after today'),
  SETTINGS_VERSION_EXISTS: text('Sudah ada versi yang berlaku mulai tanggal ini', 'A version already takes effect on this date'),

  // ---- contract events, their refusals, decisions
  LATE_DECISION_REASON_SHORT: m({
    sample: { minimum: 5 },
    id: (p) => `Alasan keputusan terlambat wajib diisi (paling sedikit ${p.minimum} karakter)`,
    en: (p) => `The reason for a late decision is required (at least ${p.minimum} characters)`,
  }),
  DECISION_CHOOSE: text('Pilih perpanjang atau tidak diperpanjang', 'Choose renew or do not renew'),
  CONTRACT_END_BEFORE_START: text('Tanggal berakhir harus sesudah tanggal mulai', 'The end date must be after the start date'),
  EVALUATION_OUTSIDE_AGREEMENT: text(
    'Tanggal evaluasi harus di dalam masa PKS',
    'The evaluation date must fall within the agreement',
  ),
  DECISION_BEFORE_EVALUATION: m({
    sample: { evaluationDueOn: '2027-11-01' },
    id: (p, f) => `Keputusan perpanjangan baru dapat dibuat setelah evaluasi jatuh tempo (${f.date(p.evaluationDueOn)}).`,
    en: (p, f) => `A renewal decision can be made once the evaluation falls due (${f.date(p.evaluationDueOn)}).`,
  }),
  CONTRACT_EXIT_AFTER_DECISION: m({
    sample: { event: 'RESIGN' },
    id: (p) =>
      `${p.event === 'RESIGN' ? 'Pengunduran diri' : 'Pemutusan kerja sama'} tidak dapat dicatat: keputusan perpanjangan sudah dibuat.`,
    en: (p) =>
      `${p.event === 'RESIGN' ? 'A resignation' : 'A termination'} cannot be recorded: the renewal decision has been made.`,
  }),
  CONTRACT_EXIT_DATE_OUTSIDE: m({
    sample: { event: 'TERMINATE', date: '2028-01-02', startDate: '2026-12-01', endDate: '2027-11-30' },
    id: (p, f) =>
      `Tanggal ${p.event === 'RESIGN' ? 'pengunduran diri' : 'pemutusan kerja sama'} (${f.date(p.date)}) harus di dalam masa PKS (${f.date(p.startDate)} s.d. ${f.date(p.endDate)}).`,
    en: (p, f) =>
      `The date of the ${p.event === 'RESIGN' ? 'resignation' : 'termination'} (${f.date(p.date)}) must fall within the agreement (${f.date(p.startDate)} to ${f.date(p.endDate)}).`,
  }),
  CONTRACT_EVENT_REFUSED: m({
    sample: { event: 'DECIDE_RENEWAL', state: 'evaluationDue' },
    id: (p, f) =>
      `${f.label('contractEvent', p.event)} ditolak pada kontrak berstatus ${f.label('contractState', p.state).toLowerCase()}.`,
    en: (p, f) =>
      `${f.label('contractEvent', p.event)} was refused while the agreement is ${f.label('contractState', p.state).toLowerCase()}.`,
  }),
  /** The machine's explanation of a decision without the written reason it needs (`kind`: drop, againstRecommendation, late). */
  DECISION_NEEDS_REASON: m({
    sample: { kind: 'againstRecommendation', minimum: 5 },
    id: (p) => DECISION_REASON[decisionKind(p.kind)].id(p.minimum),
    en: (p) => DECISION_REASON[decisionKind(p.kind)].en(p.minimum),
  }),
  /** The decision form's field message for the same (`kind`: drop, againstRecommendation, late). */
  WRITE_DECISION_REASON: m({
    sample: { kind: 'late', minimum: 5 },
    id: (p) => WRITE_REASON[decisionKind(p.kind)].id(p.minimum),
    en: (p) => WRITE_REASON[decisionKind(p.kind)].en(p.minimum),
  }),
  REAPPLIED_SINCE_LAPSE: m({
    sample: { year: 2027, branch: 'KC Madiun' },
    id: (p) =>
      `Calon ini sudah melamar lagi (periode ${p.year}, ${p.branch}); selesaikan lamaran itu, bukan perpanjangan terlambat.`,
    en: (p) =>
      `This person has applied again (period ${p.year}, ${p.branch}); finish that application rather than a late renewal.`,
  }),
  CONTRACT_EVENT_BY_SYSTEM: text(
    'Aksi ini dijalankan oleh sistem atau lewat keputusan perpanjangan.',
    'This action is taken by the system or through the renewal decision.',
  ),
  RENEWAL_QUOTA_NOT_SET: m({
    sample: { year: 2027 },
    id: (p) => `Kuota tahun ${p.year} belum ditetapkan Kantor Pusat; perpanjangan belum dapat diputuskan.`,
    en: (p) => `Head office has not set the ${p.year} quota yet; the renewal cannot be decided.`,
  }),
  RENEWAL_QUOTA_FULL: m({
    sample: { year: 2027, used: 5, quota: 5 },
    id: (p, f) =>
      `Kuota tahun ${p.year} sudah penuh (${f.count(p.used)} dari ${f.count(p.quota)} tempat terisi). Perpanjangan tidak dapat diputuskan.`,
    en: (p, f) =>
      `The ${p.year} quota is full (${f.count(p.used)} of ${f.count(p.quota)} places taken). The renewal cannot be decided.`,
  }),

  // ---- scorecard (the recommendation's explanation)
  SCORECARD_KPI: m({
    sample: SCORECARD_KPI_SAMPLE,
    id: (p, f) => {
      let head = `${f.label('kpi', p.kpi)} ${f.number(p.percent)}% dari target`;
      if (p.floor !== null) {
        head += ` (batas minimal ${f.number(p.floor)}%)`;
        head += p.passedFloor ? ': memenuhi batas minimal' : `: kurang ${f.number(p.shortOfFloor)} poin persentase`;
      }
      return `${head}. ${kpiDetail(p, f)}; ${f.number(p.points)} dari ${f.number(p.weight)} poin.`;
    },
    en: (p, f) => {
      let head = `${f.label('kpi', p.kpi)} ${f.number(p.percent)}% of target`;
      if (p.floor !== null) {
        head += ` (floor ${f.number(p.floor)}%)`;
        head += p.passedFloor ? ': floor met' : `: ${f.number(p.shortOfFloor)} percentage points short`;
      }
      return `${head}. ${cap(kpiDetail(p, f))}; ${f.number(p.points)} of ${f.number(p.weight)} points.`;
    },
  }),
  SCORECARD_SUMMARY: m({ sample: SUMMARY_SAMPLE, id: summary, en: summary }),
  SCORECARD_NO_DATA: text(
    'Belum ada data kinerja bulanan: rekomendasi belum dapat dibuat.',
    'No monthly report yet: no recommendation can be made.',
  ),

  // ---- agreement numbers and the printed agreement
  /** One problem of a pattern typed into the branch form. */
  AGREEMENT_PATTERN_INVALID: m({
    sample: { problem: 'UNCLOSED', n: 5, token: '', limit: 0 } as AgreementPatternIssue,
    id: (p, f) => `Pola nomor PKS tidak valid: ${patternProblem(p, f)}`,
    en: (p, f) => `The agreement-number pattern is not valid: ${patternProblem(p, f)}`,
  }),
  /** A pattern stored before patterns were checked: every problem, parallel lists of the issues above. */
  AGREEMENT_PATTERN_BROKEN: m({
    sample: {
      branch: 'KC Madiun',
      pattern: 'PKS-{seq',
      // (a sample without the phrases that quote `{seq}`: the catalogue test reads braces as a leftover placeholder)
      problems: ['UNCLOSED', 'CONTROL_CHARACTER'] as readonly string[],
      ns: [5, 6] as readonly number[],
      tokens: ['', ''] as readonly string[],
      limits: [0, 0] as readonly number[],
    },
    id: (p, f) =>
      `Pola nomor PKS ${p.branch} (${q(p.pattern)}) tidak valid: ${patternProblems(p, f)}. Kantor Pusat perlu memperbaiki pola ini.`,
    en: (p, f) =>
      `The agreement-number pattern of ${p.branch} (${q(p.pattern)}) is not valid: ${patternProblems(p, f)}. Head office needs to correct it.`,
  }),
  NO_FREE_AGREEMENT_NUMBER: m({
    sample: { tries: 1000, branch: 'KC Madiun', pattern: 'TST-{seq:3}', first: 4 },
    id: (p, f) =>
      `Tidak ada nomor PKS yang bebas di antara ${f.count(p.tries)} nomor berikutnya menurut pola ${p.branch} (${q(p.pattern)}), mulai nomor urut ${p.first}. Periksa pola nomor PKS kantor cabang ini.`,
    en: (p, f) =>
      `No agreement number is free among the next ${f.count(p.tries)} numbers of the ${p.branch} pattern (${q(p.pattern)}), from running number ${p.first}. Check this branch office's agreement-number pattern.`,
  }),
  AGREEMENT_PRINT_TOO_EARLY: text(
    'PKS dicetak mulai tahap penandatanganan PKS.',
    'The agreement can be printed from the agreement-signing stage on.',
  ),
  AGREEMENT_PRINT_WHICH: text('Sebutkan lamaran atau kontrak.', 'Name an application or a contract.'),
  AGREEMENT_DOCUMENT_INVALID: m({
    sample: { problem: 'END_DATE', value: '2027-02-30' },
    id: (p) => `PKS tidak dapat dicetak: ${DOCUMENT_PROBLEMS[p.problem]?.id ?? p.problem}${p.value ? ` (${q(p.value)})` : ''}`,
    en: (p) =>
      `The agreement cannot be printed: ${DOCUMENT_PROBLEMS[p.problem]?.en ?? p.problem}${p.value ? ` (${q(p.value)})` : ''}`,
  }),
};
