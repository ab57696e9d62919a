import { describe, expect, it } from 'vitest';
import {
  ARREARS_COLUMNS,
  CSV_COLUMNS,
  monthlyCsvTemplate,
  monthlyRecordFlags,
  parseMonthlyRecord,
  render,
} from '@kader/workflow';
import { MAX_CSV_ROWS, REQUIRED_CSV_COLUMNS, parseMonthlyCsv as parseRaw, type RowError } from '../src/import/monthlyCsv';

/** The parse with each problem as the Indonesian sentence a user reads (`reason`/`params` asserted apart). */
function parseMonthlyCsv(text: string) {
  const r = parseRaw(text);
  return { rows: r.rows, errors: r.errors.map((e) => ({ row: e.row, column: e.column, message: render('id', e) })) };
}

const BASE = [
  'nomor_pks',
  'bulan',
  'keluarga_binaan',
  'keluarga_dikunjungi',
  'kunjungan',
  'tanggal_laporan',
  'rapat_diadakan',
  'rapat_dihadiri',
];

/** A file from a header and rows given as column → cell text. */
function csv(header: string[], rows: Record<string, string>[], { sep = ';', eol = '\r\n', bom = false } = {}): string {
  const cell = (v: string) => (v.includes(sep) || v.includes('"') || /[\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [header.join(sep), ...rows.map((r) => header.map((h) => cell(r[h] ?? '')).join(sep))];
  return `${bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}

const good = (over: Record<string, string> = {}): Record<string, string> => ({
  nomor_pks: 'PKS/0901/2026/001',
  bulan: '03/2026',
  keluarga_binaan: '500',
  keluarga_dikunjungi: '480',
  kunjungan: '612',
  tanggal_laporan: '03/04/2026',
  rapat_diadakan: '2',
  rapat_dihadiri: '2',
  ...over,
});

const at = (errors: Pick<RowError, 'row' | 'column'>[]) => errors.map((e) => `${e.row}:${e.column}`);

describe('a good file from a spreadsheet in the Indonesian locale', () => {
  // As Excel (id-ID) saves "CSV": BOM, CRLF, `;`, 1.250.000, dd/mm/yyyy, an empty row of `;` and blank lines at the end.
  const header = [...BASE, 'tunggakan_3', 'tunggakan_12', 'tunggakan_18', 'tunggakan_24'];
  const rows = [
    good({ tunggakan_3: '350.000', tunggakan_12: 'Rp 1.250.000', tunggakan_18: '1.250.000,00', tunggakan_24: '0' }),
    good({
      nomor_pks: 'PKS/0901/2026/002',
      bulan: '3/2026',
      keluarga_binaan: '1.500',
      keluarga_dikunjungi: '1.200',
      kunjungan: '1.450',
      tanggal_laporan: '',
      rapat_dihadiri: '1',
      tunggakan_3: 'Rp1.250.000',
      tunggakan_24: 'Rp -',
    }),
    good({ nomor_pks: 'PKS/0901/2026/003', bulan: '2026-03', keluarga_binaan: '', tanggal_laporan: '2026-04-07' }),
  ];
  const text = `${csv(header, rows, { bom: true })};;;;;;;;;;;;\r\n\r\n\r\n`;

  it('reads every row into a monthly record, with the spreadsheet row numbers', () => {
    const { rows: parsed, errors } = parseMonthlyCsv(text);
    expect(errors).toEqual([]);
    expect(parsed.map((r) => [r.row, r.agreementNumber])).toEqual([
      [2, 'PKS/0901/2026/001'],
      [3, 'PKS/0901/2026/002'],
      [4, 'PKS/0901/2026/003'],
    ]);
    expect(parsed[0]!.record).toEqual({
      month: '2026-03',
      familiesAssigned: 500,
      familiesVisited: 480,
      visits: 612,
      reportDeliveredOn: '2026-04-03',
      meetingsHeld: 2,
      meetingsAttended: 2,
      collections: [
        { arrearsMonths: 3, amount: 350_000 },
        { arrearsMonths: 12, amount: 1_250_000 },
        { arrearsMonths: 18, amount: 1_250_000 },
      ],
    });
    // 1.200 is twelve hundred; an empty report date is "not delivered"; `Rp -` is nothing collected.
    expect(parsed[1]!.record).toMatchObject({
      familiesAssigned: 1500,
      familiesVisited: 1200,
      visits: 1450,
      reportDeliveredOn: null,
      meetingsAttended: 1,
      collections: [{ arrearsMonths: 3, amount: 1_250_000 }],
    });
    // An empty keluarga_binaan is the default 500.
    expect(parsed[2]!.record).toMatchObject({ familiesAssigned: 500, reportDeliveredOn: '2026-04-07', collections: [] });
    // Each record is one the workflow's own check accepts.
    for (const r of parsed) expect(parseMonthlyRecord(r.record).ok).toBe(true);
  });

  it('reads the same rows separated by commas, without BOM or CR, to the same records', () => {
    const comma = csv(header, rows, { sep: ',', eol: '\n' });
    expect(comma).toContain(',"1.250.000,00",'); // quoted by the spreadsheet: it holds the separator
    const result = parseMonthlyCsv(comma);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual(parseMonthlyCsv(text).rows);
  });

  it('matches headers whatever their case or spacing, and keeps them as written in errors', () => {
    const header2 = [
      'Nomor PKS',
      'BULAN',
      'Keluarga_Dikunjungi',
      'kunjungan',
      'Tanggal Laporan',
      'rapat_diadakan',
      'rapat_dihadiri',
      'Tunggakan_5',
    ];
    const text2 = `${header2.join(';')}\nPKS/1/2026;03/2026;10;x;;2;2;-5.000\n`;
    const { rows, errors } = parseMonthlyCsv(text2);
    expect(rows).toEqual([]);
    expect(at(errors)).toEqual(['2:kunjungan', '2:Tunggakan_5']);
    expect(errors[1]!.message).toContain('tidak boleh negatif');
  });

  it('reads a cell with the delimiter or a line break inside quotes as one cell', () => {
    const text2 = `${BASE.join(';')}\r\n"PKS/0901;2026/001";03/2026;;1;1;;0;0\r\n"PKS/0901/2026/002\r\n";03/2026;;1;1;;0;0\r\n`;
    const { rows, errors } = parseMonthlyCsv(text2);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.row, r.agreementNumber])).toEqual([
      [2, 'PKS/0901;2026/001'],
      [3, 'PKS/0901/2026/002'],
    ]);
  });
});

describe('errors by row and column', () => {
  const header = [...BASE, 'tunggakan_2', 'tunggakan_7'];

  it('lists every problem of a bad file at its row and column, and keeps the good rows apart', () => {
    const text = csv(header, [
      good(), // row 2: fine
      good({ nomor_pks: '', bulan: '13/2026', kunjungan: '12,5' }), // row 3
      good({ nomor_pks: 'PKS/0901/2026/003', keluarga_dikunjungi: '', tanggal_laporan: '31/02/2026', tunggakan_2: '1,250,000' }), // row 4
      good({ nomor_pks: 'PKS/0901/2026/004', rapat_diadakan: '1', rapat_dihadiri: '3', tunggakan_7: '150.000,50' }), // row 5
      good({ nomor_pks: 'PKS/0901/2026/005', kunjungan: '-3', tanggal_laporan: '28/02/2026', tunggakan_2: '2.000.000.000' }), // row 6
      good({ nomor_pks: 'PKS/0901/2026/006', keluarga_dikunjungi: '501', rapat_diadakan: '32' }), // row 7
      good({ nomor_pks: 'PKS/0901/2026/007', keluarga_binaan: '0', keluarga_dikunjungi: '0', kunjungan: '0' }), // row 8
      good({ nomor_pks: 'PKS/0901/2026/008' }), // row 9: fine
    ]);
    const { rows, errors } = parseMonthlyCsv(text);
    expect(rows.map((r) => r.row)).toEqual([2, 9]);
    expect(errors.map((e) => `${e.row}:${e.column}: ${e.message}`)).toEqual([
      '3:nomor_pks: Nomor PKS wajib diisi',
      '3:bulan: Bulan "13/2026": nomor bulan harus 01 sampai 12; tulis bulan sebagai MM/YYYY, mis. 03/2026 (atau 2026-03)',
      '3:kunjungan: Jumlah kunjungan "12,5" harus bilangan bulat',
      '4:keluarga_dikunjungi: Jumlah keluarga dikunjungi wajib diisi; tulis 0 bila tidak ada',
      '4:tanggal_laporan: Tanggal laporan "31/02/2026" tidak ada di kalender; tulis tanggal sebagai dd/mm/yyyy, mis. 03/04/2026',
      '4:tunggakan_2: Iuran tunggakan 2 bulan "1,250,000" bukan angka yang dikenali; tulis angka bulat dengan titik sebagai pemisah ribuan (mis. 1.250.000 atau 1250000)',
      '5:rapat_dihadiri: Rapat dihadiri tidak boleh melebihi rapat yang diadakan',
      '5:tunggakan_7: Iuran tunggakan 7 bulan "150.000,50" harus bilangan bulat (rupiah tanpa sen)',
      '6:kunjungan: Jumlah kunjungan tidak boleh negatif ("-3")',
      '6:tanggal_laporan: Laporan tidak mungkin diserahkan sebelum bulan laporannya dimulai',
      '6:tunggakan_2: Jumlah iuran paling besar Rp 1.000.000.000 per pembayaran',
      '7:keluarga_dikunjungi: Keluarga dikunjungi tidak boleh melebihi jumlah keluarga binaan',
      '7:rapat_diadakan: Paling besar 31',
      '8:keluarga_binaan: Paling kecil 1',
    ]);
  });

  it('carries each problem as a catalogue id with its parameters, so the admin can write it in English', () => {
    const text = csv(header, [good({ kunjungan: '-3', rapat_diadakan: '32', tunggakan_2: '1,250,000' })]);
    const { errors } = parseRaw(text);
    expect(errors).toEqual([
      { row: 2, column: 'kunjungan', reason: 'CELL_NEGATIVE', params: { column: 'kunjungan', value: '-3' } },
      { row: 2, column: 'rapat_diadakan', reason: 'NUMBER_TOO_BIG', params: { maximum: 31 } },
      {
        row: 2,
        column: 'tunggakan_2',
        reason: 'CELL_NOT_A_NUMBER',
        params: { column: 'tunggakan_2', value: '1,250,000', money: true },
      },
    ]);
    expect(render('en', errors[2]!)).toBe(
      'Arrears of 2 months "1,250,000" is not a number; write a whole number with dots between thousands (e.g. 1.250.000 or 1250000)',
    );
  });

  it('maps a collection error to its own tunggakan column, not the n-th one', () => {
    const text = csv(header, [good({ tunggakan_2: '', tunggakan_7: '1.500.000.000' })]);
    expect(parseMonthlyCsv(text).errors).toEqual([
      { row: 2, column: 'tunggakan_7', message: 'Jumlah iuran paling besar Rp 1.000.000.000 per pembayaran' },
    ]);
  });

  it('counts rows as the spreadsheet shows them, blank rows included', () => {
    const text = `${BASE.join(';')}\r\n\r\n;;;;;;;\r\n${Object.values(good({ kunjungan: 'dua' })).join(';')}\r\n`;
    expect(parseMonthlyCsv(text).errors).toEqual([
      {
        row: 4,
        column: 'kunjungan',
        message:
          'Jumlah kunjungan "dua" bukan angka yang dikenali; tulis angka bulat dengan titik sebagai pemisah ribuan (mis. 480 atau 1.200)',
      },
    ]);
  });

  it('refuses data in a column without a header, and ignores empty trailing columns', () => {
    const text = `${BASE.join(';')};;\r\n${Object.values(good()).join(';')};;\r\n${Object.values(good({ nomor_pks: 'PKS/2' + '/x' })).join(';')};;catatan\r\n`;
    const { rows, errors } = parseMonthlyCsv(text);
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(errors).toEqual([
      {
        row: 3,
        column: '',
        message: 'Sel di kolom ke-10 berisi "catatan" tetapi kolom itu tidak berjudul; hapus isinya atau beri judul kolom',
      },
    ]);
  });

  it('reports an unclosed quote on its row', () => {
    const text = `${BASE.join(';')}\n${Object.values(good()).join(';')}\n"PKS/0901/2026/002;03/2026;;1;1;;0;0\n`;
    const { rows, errors } = parseMonthlyCsv(text);
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(errors.some((e) => e.row === 3 && e.column === '' && e.message.includes('tidak ditutup'))).toBe(true);
  });

  it('refuses an empty file and a file with a header only', () => {
    expect(parseMonthlyCsv('')).toEqual({
      rows: [],
      errors: [{ row: 1, column: '', message: expect.stringContaining('Berkas kosong') }],
    });
    expect(parseMonthlyCsv('\uFEFF\r\n\r\n').errors).toHaveLength(1);
    expect(parseMonthlyCsv(`${BASE.join(';')}\r\n\r\n`)).toEqual({
      rows: [],
      errors: [{ row: 2, column: '', message: 'Tidak ada baris data di bawah baris judul' }],
    });
  });

  it(`refuses more than ${MAX_CSV_ROWS} data rows`, () => {
    const line = Object.values(good()).join(';');
    const text = `${BASE.join(';')}\n${Array.from({ length: MAX_CSV_ROWS + 1 }, () => line).join('\n')}`;
    const { rows, errors } = parseMonthlyCsv(text);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { row: MAX_CSV_ROWS + 2, column: '', message: expect.stringContaining('paling banyak 10.000 baris') },
    ]);
  });
});

describe('the header', () => {
  it('names each missing required column on row 1, and imports nothing', () => {
    const header = ['nomor_pks', 'bulan', 'kunjungan', 'rapat_diadakan'];
    const { rows, errors } = parseMonthlyCsv(csv(header, [good()]));
    expect(rows).toEqual([]);
    expect(errors).toEqual(
      ['keluarga_dikunjungi', 'tanggal_laporan', 'rapat_dihadiri'].map((column) => ({
        row: 1,
        column,
        message: `Kolom ${column} wajib ada tetapi tidak ditemukan di baris judul`,
      })),
    );
  });

  it('names unknown and repeated columns, still checks the rows, and imports nothing', () => {
    const header = [...BASE, 'tunggakan_26', 'Tungakan_5', 'catatan', 'Bulan'];
    const { rows, errors } = parseMonthlyCsv(csv(header, [good(), good({ nomor_pks: 'PKS/2/2026', kunjungan: 'x' })]));
    expect(rows).toEqual([]);
    expect(at(errors)).toEqual(['1:tunggakan_26', '1:Tungakan_5', '1:catatan', '1:Bulan', '3:kunjungan']);
    expect(errors[0]!.message).toBe(
      'Kolom "tunggakan_26" tidak dikenal; hapus kolom ini atau perbaiki judulnya (kolom yang dikenal ada di templat)',
    );
    expect(errors[3]!.message).toBe('Kolom bulan muncul lebih dari sekali; sisakan satu');
  });

  it('needs only the required columns: keluarga_binaan and each tunggakan column may be left out', () => {
    const { rows, errors } = parseMonthlyCsv(csv([...REQUIRED_CSV_COLUMNS], [good()]));
    expect(errors).toEqual([]);
    expect(rows[0]!.record).toMatchObject({ familiesAssigned: 500, collections: [] });
  });
});

describe('one row per agreement per month', () => {
  it('refuses the second row of the same nomor_pks and bulan, however the month is written', () => {
    const text = csv(BASE, [
      good(),
      good({ nomor_pks: 'PKS/0901/2026/002' }),
      good({ bulan: '04/2026', tanggal_laporan: '04/05/2026' }),
      good({ bulan: '2026-03', kunjungan: '700' }),
      good({ nomor_pks: ' pks/0901/2026/002 ', bulan: 'Mar-26' }),
    ]);
    const { rows, errors } = parseMonthlyCsv(text);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(errors).toEqual([
      {
        row: 5,
        column: 'nomor_pks',
        message: 'Nomor PKS PKS/0901/2026/001 untuk bulan Maret 2026 sudah ada di baris 2; satu kader hanya satu baris per bulan',
      },
      {
        row: 6,
        column: 'nomor_pks',
        message: 'Nomor PKS pks/0901/2026/002 untuk bulan Maret 2026 sudah ada di baris 3; satu kader hanya satu baris per bulan',
      },
    ]);
  });
});

describe('collections outside a cadre’s 2–24 months', () => {
  it('passes tunggakan_1 and tunggakan_25_lebih through as collections the workflow flags', () => {
    const header = [...BASE, 'tunggakan_1', 'tunggakan_2', 'tunggakan_24', 'tunggakan_25_lebih'];
    const text = csv(header, [
      good({ tunggakan_1: '75.000', tunggakan_2: '100.000', tunggakan_24: '200.000', tunggakan_25_lebih: 'Rp 3.000.000' }),
    ]);
    const { rows, errors } = parseMonthlyCsv(text);
    expect(errors).toEqual([]);
    const record = parseMonthlyRecord(rows[0]!.record);
    if (!record.ok) throw new Error('record refused');
    expect(record.record.collections).toEqual([
      { arrearsMonths: 1, amount: 75_000 },
      { arrearsMonths: 2, amount: 100_000 },
      { arrearsMonths: 24, amount: 200_000 },
      { arrearsMonths: 25, amount: 3_000_000 },
    ]);
    expect(monthlyRecordFlags(record.record).map((f) => [f.arrearsMonths, f.flag])).toEqual([
      [1, 'UNDER_2_MONTHS'],
      [25, 'OVER_24_MONTHS'],
    ]);
  });
});

describe('the template', () => {
  const template = monthlyCsvTemplate();

  it('has every column, `;`-separated, and two example rows in the Indonesian formats', () => {
    const lines = template.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(';'));
    expect(lines.slice(1)).toHaveLength(3); // two rows and the final line end
    expect(lines[3]).toBe('');
    expect(template).toMatch(/;1\.250\.000;/);
    expect(template).toMatch(/;03\/04\/2026;/);
    expect(CSV_COLUMNS).toHaveLength(8 + 25);
    expect(ARREARS_COLUMNS.at(-1)).toBe('tunggakan_25_lebih');
    expect(/^[\x20-\x7e\r\n]*$/.test(template)).toBe(true);
  });

  it('parses without errors', () => {
    const { rows, errors } = parseMonthlyCsv(template);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(rows[0]!.record).toMatchObject({ month: '2026-03', familiesAssigned: 500, reportDeliveredOn: '2026-04-03' });
    expect(rows[1]!.record).toMatchObject({ familiesAssigned: 500, reportDeliveredOn: '2026-04-07', meetingsAttended: 1 });
  });

  it('still parses after a spreadsheet turned its months into dates and saved it with commas', () => {
    const resaved = template
      .replace(/;/g, ',')
      .replace(/03\/2026/g, 'Mar-26')
      .replace(/\.(?=\d{3})/g, '');
    const { rows, errors } = parseMonthlyCsv(resaved);
    expect(errors).toEqual([]);
    expect(rows).toEqual(parseMonthlyCsv(template).rows);
  });
});
