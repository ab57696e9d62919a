/**
 * The funnel table as a CSV file, written in the browser from the answer shown (docs/reports.md
 * "CSV"): the conventions of the import templates and the list exports (`@kader/workflow`'s
 * `text/csv.ts`: `;` between cells, CRLF, a byte-order mark for Excel), snake_case titles, whole numbers `1.250.000` and decimals with a comma from `@kader/workflow`'s formatting. Pure.
 */
import { csvLine, formatFigure, formatNumber, UTF8_BOM } from '@kader/workflow/display';
import type { FunnelPeriod } from './types';

const COLUMNS = [
  'kantor_cabang',
  'tahun',
  'tahap',
  'terdaftar',
  'mencapai',
  'lolos',
  'tingkat_lolos_persen',
  'sedang_di_tahap',
  'tidak_lolos',
  'mengundurkan_diri',
  'median_hari',
  'persentil_90_hari',
] as const;

const whole = (n: number) => formatNumber(n, 'id');
const figure = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatFigure(n, 'id', 1));

/** One line per period and stage; the stage is its code, so a file reads the same in either language. */
export function funnelCsv(periods: readonly FunnelPeriod[]): string {
  let text = UTF8_BOM + csvLine(COLUMNS);
  for (const p of periods) {
    for (const s of p.stages) {
      text += csvLine([
        p.branchCode,
        String(p.year),
        s.stage,
        whole(p.registered),
        whole(s.reached),
        whole(s.passed),
        s.passRate === null ? '' : figure(s.passRate * 100),
        whole(s.inStage),
        whole(s.rejected),
        whole(s.withdrawn),
        figure(s.days?.median),
        figure(s.days?.p90),
      ]);
    }
  }
  return text;
}

/** `kader-corong-seleksi-2025-2026.csv` */
export function funnelCsvFilename(fromYear: number, toYear: number): string {
  return `kader-corong-seleksi-${fromYear === toYear ? fromYear : `${fromYear}-${toYear}`}.csv`;
}
