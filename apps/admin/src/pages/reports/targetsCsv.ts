/**
 * The targets report's tables as one CSV file, written in the browser from the answer shown
 * (docs/reports.md "CSV"): `;` between cells, CRLF, a byte-order mark, snake_case titles, whole
 * numbers `1.250.000`, percentages with a decimal comma (`153,2`), not capped. One line per year
 * (or per month of the chosen year), per work area and per cadre of the page shown; `bagian` says
 * which table a line belongs to, by a code that reads the same in either language. Pure.
 */
import { csvLine, formatFigure, formatNumber, UTF8_BOM } from '@kader/workflow/display';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../api/router';

export type TargetsAnswer = inferRouterOutputs<AppRouter>['reports']['targets'];
export type TargetFiguresRow = TargetsAnswer['total'];

const COLUMNS = [
  'bagian',
  'periode',
  'kantor_cabang',
  'wilayah_kerja',
  'kode_wilayah',
  'kader',
  'nomor_pks',
  'jumlah_kader',
  'bulan_dilaporkan',
  'keluarga_dikunjungi',
  'target_kunjungan',
  'kunjungan_persen',
  'iuran_terkumpul',
  'target_iuran',
  'iuran_persen',
  'laporan_tepat_waktu',
  'laporan_target',
  'laporan_persen',
  'kehadiran_rapat',
  'target_kehadiran',
  'kehadiran_persen',
] as const;

const whole = (n: number) => formatNumber(n, 'id');
const figure = (n: number) => formatFigure(n, 'id', 2);
const percent = (n: number | null) => (n === null ? '' : figure(n));

function figureCells(f: TargetFiguresRow): string[] {
  return [
    whole(f.cadres),
    whole(f.months),
    whole(f.visits.actual),
    figure(f.visits.target),
    percent(f.visits.percent),
    whole(f.collection.actual),
    whole(f.collection.target),
    percent(f.collection.percent),
    whole(f.reports.actual),
    whole(f.reports.target),
    percent(f.reports.percent),
    whole(f.attendance.actual),
    whole(f.attendance.target),
    percent(f.attendance.percent),
  ];
}

/** The periods (years, or the chosen year's months as `2026-11`), the areas and the cadres of the page shown. */
export function targetsCsv(answer: TargetsAnswer): string {
  let text = UTF8_BOM + csvLine(COLUMNS);
  const scope = answer.year === null ? '' : String(answer.year);
  const periods =
    answer.year === null
      ? answer.years.map((y) => ({ kind: 'tahun', period: String(y.year), f: y }))
      : answer.months.map((m) => ({ kind: 'bulan', period: m.month, f: m }));
  for (const p of periods) text += csvLine([p.kind, p.period, '', '', '', '', '', ...figureCells(p.f)]);
  for (const a of answer.areas) {
    text += csvLine(['wilayah', scope, a.branchCode, a.name, a.regionCode ?? '', '', '', ...figureCells(a)]);
  }
  for (const c of answer.cadres.rows) {
    text += csvLine(['kader', scope, '', c.workArea, '', c.name, c.agreementNumber, ...figureCells(c)]);
  }
  text += csvLine(['jumlah', scope, '', '', '', '', '', ...figureCells(answer.total)]);
  return text;
}

/** `kader-target-capaian-2017-2020.csv`, `kader-target-capaian-2020.csv` */
export function targetsCsvFilename(fromYear: number, toYear: number, year: number | null): string {
  const span = year !== null ? String(year) : fromYear === toYear ? String(fromYear) : `${fromYear}-${toYear}`;
  return `kader-target-capaian-${span}.csv`;
}
