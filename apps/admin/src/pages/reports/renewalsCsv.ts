/**
 * The renewal outcomes as a CSV file, written in the browser from the answer shown (docs/reports.md
 * "Renewal outcomes"): per year a line for the whole, one per work area and one per supervisor who
 * decided, then the score bins, in the conventions of the import templates (`;`, CRLF, a byte-order
 * mark for Excel, snake_case titles, whole numbers `1.250`). Pure.
 */
import type { inferRouterOutputs } from '@trpc/server';
import { csvLine, formatNumber, UTF8_BOM } from '@kader/workflow/display';
import type { AppRouter } from '../../api/router';

export type RenewalYear = inferRouterOutputs<AppRouter>['reports']['renewals']['years'][number];
type Figures = RenewalYear['figures'];

/** The figures in the order of the table and the file. */
export const RENEWAL_FIGURES = [
  'agreements',
  'decided',
  'renewed',
  'dropped',
  'followed',
  'overriddenToRenew',
  'overriddenToDrop',
  'justified',
  'overridesJustified',
  'lapsed',
  'decidedLate',
  'stillLapsed',
  'pending',
  'endedEarly',
] as const satisfies readonly (keyof Figures)[];

const FIGURE_COLUMNS: Record<(typeof RENEWAL_FIGURES)[number], string> = {
  agreements: 'pks_berakhir',
  decided: 'diputuskan',
  renewed: 'diperpanjang',
  dropped: 'tidak_diperpanjang',
  followed: 'sesuai_rekomendasi',
  overriddenToRenew: 'menyimpang_diperpanjang',
  overriddenToDrop: 'menyimpang_tidak_diperpanjang',
  justified: 'dengan_alasan',
  overridesJustified: 'menyimpang_dengan_alasan',
  lapsed: 'lewat_waktu',
  decidedLate: 'diputuskan_terlambat',
  stillLapsed: 'masih_lewat_waktu',
  pending: 'belum_diputuskan',
  endedEarly: 'berhenti_sebelum_keputusan',
};

const whole = (n: number) => formatNumber(n, 'id');

/**
 * `jenis` says what a line counts: `total` (the year), `wilayah` (a work area: its branch, name and
 * region code), `penyelia` (a supervisor: username and name), `nilai` (a score bin `60-70`, or
 * `tanpa_nilai`; only its renewed and dropped cells are filled).
 */
export function renewalsCsv(years: readonly RenewalYear[]): string {
  let text =
    UTF8_BOM + csvLine(['tahun', 'jenis', 'kantor_cabang', 'nama', 'kode', ...RENEWAL_FIGURES.map((f) => FIGURE_COLUMNS[f])]);
  const line = (year: number, kind: string, branch: string, name: string, code: string, f: Partial<Figures>) => {
    text += csvLine([
      String(year),
      kind,
      branch,
      name,
      code,
      ...RENEWAL_FIGURES.map((k) => (f[k] === undefined ? '' : whole(f[k]))),
    ]);
  };
  for (const y of years) {
    line(y.year, 'total', '', '', '', y.figures);
    for (const a of y.areas) line(y.year, 'wilayah', a.branchCode, a.name, a.regionCode ?? '', a);
    for (const s of y.supervisors) line(y.year, 'penyelia', '', s.name ?? '', s.username, s);
    for (const b of y.scores.bins) {
      line(y.year, 'nilai', '', `${b.from}-${b.to}`, '', { renewed: b.renew, dropped: b.drop });
    }
    line(y.year, 'nilai', '', 'tanpa_nilai', '', { renewed: y.scores.noScore.renew, dropped: y.scores.noScore.drop });
  }
  return text;
}

/** `kader-hasil-perpanjangan-2019-2020.csv` */
export function renewalsCsvFilename(fromYear: number, toYear: number): string {
  return `kader-hasil-perpanjangan-${fromYear === toYear ? fromYear : `${fromYear}-${toYear}`}.csv`;
}
