/**
 * The fee payout for finance as a CSV file, written in the browser from the answer shown
 * (docs/reports.md "Fee payout"): one line per cadre-month of one branch — the agreement number
 * finance pays by, never a NIK — with the conventions of every Kader file (`@kader/workflow`'s
 * `text/csv.ts`: `;`, CRLF, a byte-order mark for Excel) and whole rupiah grouped `1.250.000`.
 * The month is written `mm/yyyy` (`07/2026`). Pure.
 */
import { csvLine, formatNumber, UTF8_BOM } from '@kader/workflow/display';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../api/router';

export type FeeReport = inferRouterOutputs<AppRouter>['reports']['fees'];
export type FeeTotals = FeeReport['totals'];
export type FeeCadre = NonNullable<FeeReport['cadres']>[number];
type Tier = NonNullable<FeeReport['schedule']>['tiers'][number];

const rupiah = (n: number) => formatNumber(n, 'id');

/** `2026-07` → `07/2026` */
export const monthCell = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** `2_6_bulan`: a tier's range in a column title */
const tierName = (t: Tier) => `${t.fromMonths}_${t.toMonths}_bulan`;

/** One line per cadre of the branch shown, with a column pair per tier of the month's schedule. */
export function feesCsv(report: FeeReport, branchCode: string): string {
  const tiers = report.schedule?.tiers ?? [];
  const columns = [
    'kantor_cabang',
    'bulan',
    'nomor_pks',
    'nama',
    'wilayah_kerja',
    ...tiers.flatMap((t) => [`terkumpul_${tierName(t)}`, `imbal_jasa_${tierName(t)}`]),
    'baris_ditandai',
    'terkumpul_ditandai',
    'jumlah_terkumpul',
    'jumlah_imbal_jasa',
  ];
  let text = UTF8_BOM + csvLine(columns);
  for (const c of report.cadres ?? []) {
    text += csvLine([
      branchCode,
      monthCell(report.month),
      c.agreementNumber,
      c.name,
      c.workArea,
      ...c.totals.tiers.flatMap((t) => [rupiah(t.collected), rupiah(t.fee)]),
      String(c.totals.flagged.lines),
      rupiah(c.totals.flagged.amount),
      rupiah(c.totals.collected),
      rupiah(c.totals.fee),
    ]);
  }
  return text;
}

/** `kader-imbal-jasa-KC-MDN-2026-07.csv` */
export function feesCsvFilename(branchCode: string, month: string): string {
  return `kader-imbal-jasa-${branchCode}-${month}.csv`;
}
