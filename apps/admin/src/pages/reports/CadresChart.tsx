import { formatNumber } from '@kader/workflow/display';
import { niceMax } from '../../contracts/chart';
import { useI18n } from '../../i18n';
import { Hatch } from './Hatch';

/** How a series is drawn: a fill readable in black and white (black, hatching, dots, light grey). */
export type Fill = 'black' | 'hatch' | 'dots' | 'grey';
export type Segment = { series: number; value: number; x: number; y: number; width: number; height: number };
export type Column = { year: number; total: number; x: number; width: number; top: number; segments: Segment[] };

const PLOT = { left: 40, right: 10, top: 24, bottom: 30 };
/** a segment shorter than this has its number above the column's total instead of inside it */
export const MIN_LABELLED_HEIGHT = 16;

/**
 * Stacked columns, one per year, series bottom to top in the given order; the axis tops at a round
 * number (1, 2, 2.5 or 5 × 10^k). Pure: the tests check the geometry, the component draws it.
 */
export function stackedColumns(
  years: readonly { year: number; values: readonly number[] }[],
  { width = 560, height = 260 }: { width?: number; height?: number } = {},
) {
  const max = niceMax(Math.max(0, ...years.map((y) => y.values.reduce((s, v) => s + v, 0))));
  const plot = { left: PLOT.left, right: width - PLOT.right, top: PLOT.top, bottom: height - PLOT.bottom };
  const slot = (plot.right - plot.left) / Math.max(1, years.length);
  const barWidth = Math.min(60, slot * 0.6);
  const scale = (v: number) => (v / max) * (plot.bottom - plot.top);
  const columns: Column[] = years.map((y, i) => {
    const x = plot.left + i * slot + (slot - barWidth) / 2;
    let base = plot.bottom;
    const segments: Segment[] = [];
    y.values.forEach((value, series) => {
      if (value <= 0) return;
      const h = scale(value);
      base -= h;
      segments.push({ series, value, x, y: base, width: barWidth, height: h });
    });
    return { year: y.year, total: y.values.reduce((s, v) => s + v, 0), x, width: barWidth, top: base, segments };
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ value: max * f, y: plot.bottom - f * (plot.bottom - plot.top) }));
  return { width, height, plot, max, columns, ticks };
}

/**
 * The number above a column: its total, and the numbers of the segments too short to carry their
 * own (`52 (8)`) unless the column is that one segment alone.
 */
export function columnLabel(c: Column, number: (n: number) => string): string {
  const hidden = c.segments.filter((s) => s.height < MIN_LABELLED_HEIGHT);
  if (hidden.length === 0 || c.segments.length === 1) return number(c.total);
  return `${number(c.total)} (${hidden.map((s) => number(s.value)).join(' + ')})`;
}

/**
 * A year's columns drawn by hand in SVG (as the funnel's): each series a fill that prints in black
 * and white, its number written in the segment (or beside the total when too short), the total
 * above, a legend under. One named image (`role="img"`); the table beside it has the same figures.
 */
export function CadresChart({
  title,
  series,
  years,
  testId,
}: {
  title: string;
  series: readonly { label: string; fill: Fill }[];
  years: readonly { year: number; values: readonly number[] }[];
  testId: string;
}) {
  const { lang } = useI18n();
  const g = stackedColumns(years);
  const legendY = g.height + 8;
  const id = (fill: Fill) => `${testId}-${fill}`;
  const fillOf = (fill: Fill) => (fill === 'black' ? '#000' : fill === 'grey' ? '#ccc' : `url(#${id(fill)})`);
  const number = (n: number) => formatNumber(n, lang);
  return (
    <figure className="cadres-chart">
      <svg
        viewBox={`0 0 ${g.width} ${g.height + 16 + 22 * Math.ceil(series.length / 2)}`}
        role="img"
        aria-label={title}
        data-testid={testId}
      >
        <title>{title}</title>
        <defs>
          <Hatch id={id('hatch')} />
          <pattern id={id('dots')} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#fff" />
            <circle cx="3" cy="3" r="1.4" fill="#000" />
          </pattern>
        </defs>
        {g.ticks.map((t) => (
          <g key={t.value}>
            <line x1={g.plot.left} x2={g.plot.right} y1={t.y} y2={t.y} stroke="#999" strokeWidth="0.5" />
            <text x={g.plot.left - 4} y={t.y + 4} textAnchor="end" className="cadres-axis">
              {number(t.value)}
            </text>
          </g>
        ))}
        {g.columns.map((c) => (
          <g key={c.year} data-year={c.year}>
            {c.segments.map((s) => (
              <g key={s.series}>
                <rect x={s.x} y={s.y} width={s.width} height={s.height} fill={fillOf(series[s.series]!.fill)} stroke="#000" />
                {s.height >= MIN_LABELLED_HEIGHT && (
                  <text
                    x={s.x + s.width / 2}
                    y={s.y + s.height / 2 + 5}
                    textAnchor="middle"
                    className={series[s.series]!.fill === 'black' ? 'cadres-number on-black' : 'cadres-number on-light'}
                  >
                    {number(s.value)}
                  </text>
                )}
              </g>
            ))}
            <text x={c.x + c.width / 2} y={c.top - 6} textAnchor="middle" className="cadres-number">
              {columnLabel(c, number)}
            </text>
            <text x={c.x + c.width / 2} y={g.plot.bottom + 18} textAnchor="middle" className="cadres-axis">
              {c.year}
            </text>
          </g>
        ))}
        {series.map((s, i) => (
          <g key={s.label} transform={`translate(${g.plot.left + (i % 2) * 260}, ${legendY + Math.floor(i / 2) * 22})`}>
            <rect width="14" height="14" fill={fillOf(s.fill)} stroke="#000" />
            <text x="20" y="12" className="cadres-legend">
              {s.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
