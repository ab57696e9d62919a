/**
 * Geometry of the cadre page's monthly chart: one bar per month of the agreement (families visited,
 * or arrears collected) against that month's target, drawn as a stepped line. Hand-drawn SVG, no
 * chart library. Pure; tested in test/chart.test.ts.
 */
import { formatMonth, type Lang, MONTH_NAMES } from '@kader/workflow';

const MONTH = /^(\d{4})-(\d{2})$/;

/** `2026-11` → `Nov` (`withYear`: `Nov 2026`); `long`: `November 2026` (the shared `formatMonth`). */
export function monthLabel(month: string, lang: Lang, opts: { withYear?: boolean; long?: boolean } = {}): string {
  if (opts.long) return formatMonth(month, lang, 'long');
  if (opts.withYear) return formatMonth(month, lang, 'short');
  const m = MONTH.exec(month);
  return (m && MONTH_NAMES[lang].short[Number(m[2]) - 1]) || month;
}

/** `2026-12` → `2027-01`. */
export function addMonth(month: string, n = 1): string {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The calendar months an agreement touches, first to last: 2026-11-22 … 2027-11-21 → 13 months. */
export function agreementMonths(startDate: string, endDate: string): string[] {
  const first = startDate.slice(0, 7);
  const last = endDate.slice(0, 7);
  if (!MONTH.test(first) || !MONTH.test(last) || last < first) return [];
  const out: string[] = [];
  for (let m = first; m <= last && out.length < 60; m = addMonth(m)) out.push(m);
  return out;
}

/** A round axis maximum at or above `x`: 1, 2, 2,5 or 5 times a power of ten (0 → 1). */
export function niceMax(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    if (candidate >= x - 1e-9 * power) return candidate;
  }
  return 10 * power;
}

/** One month: what was achieved (null = not reported) and the month's target (null = none). */
export type ChartPoint = { month: string; value: number | null; target: number | null };

export type ChartBar = {
  month: string;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  target: number | null;
  /** value at or above the month's target */
  met: boolean;
};
export type TargetStep = { month: string; x1: number; x2: number; y: number; target: number };

export type ChartGeometry = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** the value at the top of the axis */
  max: number;
  bars: ChartBar[];
  /** one horizontal step per month that has a target, drawn as one path */
  targets: TargetStep[];
  targetPath: string;
  yTicks: { value: number; y: number }[];
  /** one per month; the year is written under January and under the first month */
  xLabels: { month: string; x: number; label: string; year: string | null }[];
};

export type ChartOptions = { width?: number; height?: number; lang: Lang; ticks?: number };

const round = (n: number) => Math.round(n * 10) / 10;

export function chartGeometry(points: readonly ChartPoint[], opts: ChartOptions): ChartGeometry {
  const width = opts.width ?? 640;
  const height = opts.height ?? 220;
  const plot = { left: 64, top: 12, right: width - 8, bottom: height - 36 };
  const highest = Math.max(0, ...points.map((p) => Math.max(p.value ?? 0, p.target ?? 0)));
  const max = niceMax(highest);
  const yOf = (v: number) => round(plot.bottom - (Math.max(0, Math.min(v, max)) / max) * (plot.bottom - plot.top));
  const slot = points.length ? (plot.right - plot.left) / points.length : 0;
  const barWidth = round(Math.max(2, slot * 0.6));

  const bars: ChartBar[] = [];
  const targets: TargetStep[] = [];
  const xLabels: ChartGeometry['xLabels'] = [];
  points.forEach((p, i) => {
    const x0 = plot.left + i * slot;
    const center = round(x0 + slot / 2);
    if (p.value !== null) {
      const y = yOf(p.value);
      bars.push({
        month: p.month,
        x: round(center - barWidth / 2),
        y,
        width: barWidth,
        height: round(plot.bottom - y),
        value: p.value,
        target: p.target,
        met: p.target === null || p.value >= p.target,
      });
    }
    if (p.target !== null)
      targets.push({ month: p.month, x1: round(x0), x2: round(x0 + slot), y: yOf(p.target), target: p.target });
    const isJanuary = p.month.endsWith('-01');
    xLabels.push({
      month: p.month,
      x: center,
      label: monthLabel(p.month, opts.lang),
      year: i === 0 || isJanuary ? p.month.slice(0, 4) : null,
    });
  });

  // a stepped line: joined where consecutive months both have targets, broken across a gap
  let targetPath = '';
  targets.forEach((t, i) => {
    const prev = targets[i - 1];
    const joined = prev !== undefined && prev.x2 === t.x1;
    if (!joined) targetPath += `${targetPath ? ' ' : ''}M${t.x1} ${t.y} L${t.x2} ${t.y}`;
    else targetPath += prev.y === t.y ? ` L${t.x2} ${t.y}` : ` L${t.x1} ${t.y} L${t.x2} ${t.y}`;
  });

  const n = opts.ticks ?? 4;
  const yTicks = Array.from({ length: n + 1 }, (_, k) => {
    const value = (max * k) / n;
    return { value, y: yOf(value) };
  });

  return { width, height, plot, max, bars, targets, targetPath, yTicks, xLabels };
}

/** What the chart needs of a contract (a structural slice of `contracts.get`). */
export type ChartSource = {
  startDate: string;
  endDate: string;
  familiesAssigned: number;
  kpiSettings: { targets: { familiesVisitedShare: number; collectionPerMonth: number } };
  months: {
    month: string;
    record: { familiesAssigned: number; familiesVisited: number };
    fee: { totals: { eligible: number } };
  }[];
};

/**
 * The two series over the agreement's months. Visits: families visited against families assigned
 * × the visited share. Collection: arrears 2–24 months old collected (what the KPI counts, the fee
 * statement's `eligible`) against the monthly target. A month not reported has no bar, but its
 * target still shows, so gaps are visible.
 */
export function chartSeries(c: ChartSource): { visits: ChartPoint[]; collection: ChartPoint[] } {
  const byMonth = new Map(c.months.map((m) => [m.month, m]));
  const months = agreementMonths(c.startDate, c.endDate);
  // months reported outside the agreement's calendar (should not happen) still show
  for (const m of byMonth.keys()) if (!months.includes(m)) months.push(m);
  months.sort();
  const share = c.kpiSettings.targets.familiesVisitedShare;
  return {
    visits: months.map((month) => {
      const m = byMonth.get(month);
      const assigned = m ? m.record.familiesAssigned : c.familiesAssigned;
      return { month, value: m ? m.record.familiesVisited : null, target: Math.round(assigned * share * 100) / 100 };
    }),
    collection: months.map((month) => {
      const m = byMonth.get(month);
      return { month, value: m ? m.fee.totals.eligible : null, target: c.kpiSettings.targets.collectionPerMonth };
    }),
  };
}
