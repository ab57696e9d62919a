/**
 * "Cadres per year" as CSV files, written in the browser from the answer shown (docs/reports.md
 * "CSV"): `;` between cells, CRLF, a byte-order mark for Excel (`@kader/workflow`'s `text/csv.ts`),
 * snake_case titles, whole numbers `1.250`, dates `dd/mm/yyyy`. Pure.
 */
import { csvLine, formatDateNumeric, formatNumber, UTF8_BOM } from '@kader/workflow/display';
import type { CadresAnswer } from './CadresReport';

const FIGURE_COLUMNS = [
  'pks_dibuat',
  'rekrutmen_baru',
  'kader_lama_kembali',
  'perpanjangan',
  'diperpanjang_ke_tahun_berikut',
  'tidak_diperpanjang',
  'mengundurkan_diri',
  'diberhentikan',
  'berakhir_tanpa_keputusan',
  'masih_berjalan',
] as const;

type Figures = CadresAnswer['years'][number];
const whole = (n: number) => formatNumber(n, 'id');
const figures = (f: Figures) =>
  [f.made, f.recruited, f.returners, f.renewed, f.renewedOn, f.dropped, f.resigned, f.terminated, f.lapsed, f.running].map(whole);

/**
 * The years table then the per-area table, one line each, in one shape: a year's total has no
 * branch or area (empty cells), an area's line names its branch code, area and region code.
 */
export function cadresCsv(report: Pick<CadresAnswer, 'years' | 'areas'>): string {
  let text = UTF8_BOM + csvLine(['tahun_pks', 'kantor_cabang', 'wilayah_kerja', 'kode_wilayah', ...FIGURE_COLUMNS]);
  for (const y of report.years) text += csvLine([String(y.year), '', '', '', ...figures(y)]);
  for (const a of report.areas) {
    text += csvLine([String(a.year), a.branchCode, a.areaName, a.regionCode ?? '', ...figures(a)]);
  }
  return text;
}

/** Under agreement on a day, one line per work area: the day each branch was counted on. */
export function underAgreementCsv(areas: CadresAnswer['underAgreement']['areas']): string {
  let text = UTF8_BOM + csvLine(['tanggal', 'kantor_cabang', 'wilayah_kerja', 'kode_wilayah', 'kader_terikat_pks']);
  for (const a of areas) {
    text += csvLine([formatDateNumeric(a.date), a.branchCode, a.areaName, a.regionCode ?? '', whole(a.n)]);
  }
  return text;
}

/** `kader-per-tahun-2017-2020.csv` */
export function cadresCsvFilename(fromYear: number, toYear: number): string {
  return `kader-per-tahun-${fromYear === toYear ? fromYear : `${fromYear}-${toYear}`}.csv`;
}

/** `kader-terikat-pks-2020-06-30.csv` (`hari-ini` when each branch counted its own today and those differ) */
export function underAgreementCsvFilename(date: string | null): string {
  return `kader-terikat-pks-${date ?? 'hari-ini'}.csv`;
}
