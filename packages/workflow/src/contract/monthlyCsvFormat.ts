/**
 * The monthly-report CSV's columns and the template users download (docs/monthly-import.md): one
 * format for the server's parser and template and the admin's copy of the template.
 */
import { DEFAULT_FAMILIES_ASSIGNED } from './monthly';

export const MONTHLY_CSV_TEMPLATE_FILENAME = 'template-laporan-bulanan.csv';

/** Collections by arrears age: `tunggakan_1` … `tunggakan_24`, then everything older. */
export const ARREARS_OVER_24_COLUMN = 'tunggakan_25_lebih';
export const ARREARS_COLUMNS: readonly string[] = [
  ...Array.from({ length: 24 }, (_, i) => `tunggakan_${i + 1}`),
  ARREARS_OVER_24_COLUMN,
];
/** Arrears age recorded for `tunggakan_25_lebih`: over 24 months (flagged by the workflow, earns no fee). */
export const ARREARS_OVER_24_MONTHS = 25;

/** Every column, in the template's order. Headers are matched case-insensitively. */
export const CSV_COLUMNS: readonly string[] = [
  'nomor_pks',
  'bulan',
  'keluarga_binaan',
  'keluarga_dikunjungi',
  'kunjungan',
  'tanggal_laporan',
  'rapat_diadakan',
  'rapat_dihadiri',
  ...ARREARS_COLUMNS,
];

const TEMPLATE_EXAMPLES: Record<string, string>[] = [
  {
    nomor_pks: 'PKS/0901/2026/001',
    bulan: '03/2026',
    keluarga_binaan: String(DEFAULT_FAMILIES_ASSIGNED),
    keluarga_dikunjungi: '480',
    kunjungan: '1.012',
    tanggal_laporan: '03/04/2026',
    rapat_diadakan: '2',
    rapat_dihadiri: '2',
    tunggakan_3: '350.000',
    tunggakan_12: '1.250.000',
    tunggakan_18: '2.100.000',
  },
  {
    nomor_pks: 'PKS/0901/2026/002',
    bulan: '03/2026',
    keluarga_binaan: '',
    keluarga_dikunjungi: '455',
    kunjungan: '455',
    tanggal_laporan: '07/04/2026',
    rapat_diadakan: '2',
    rapat_dihadiri: '1',
    tunggakan_6: '175.000',
    tunggakan_24: '840.000',
  },
];

/**
 * The template users download: the header and two example rows, `;`-separated, numbers and dates
 * as a spreadsheet in the Indonesian locale writes them, CRLF line ends. ASCII only.
 */
export function monthlyCsvTemplate(): string {
  const lines = [
    CSV_COLUMNS.join(';'),
    ...TEMPLATE_EXAMPLES.map((example) => CSV_COLUMNS.map((c) => example[c] ?? '').join(';')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
