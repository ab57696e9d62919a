import { useMemo } from 'react';
import { chartGeometry, monthLabel, type ChartPoint } from '../../contracts/chart';
import { formatNumber, formatRupiah } from '@kader/workflow';
import { type I18n, useI18n } from '../../i18n';

/** Axis numbers kept short: 10 jt / 500 rb for rupiah in Indonesian, 10M / 500k in English. */
function shortAmount(v: number, rupiah: boolean, { t, lang }: Pick<I18n, 't' | 'lang'>): string {
  if (!rupiah) return formatNumber(v, lang);
  if (v >= 1_000_000) return t('chart.millions', { n: formatNumber(v / 1_000_000, lang, v % 1_000_000 === 0 ? 0 : 1) });
  if (v >= 1_000) return t('chart.thousands', { n: formatNumber(v / 1_000, lang) });
  return formatNumber(v, lang);
}

/**
 * Bars per month (what was achieved) against the month's target (a stepped line), months on the
 * x axis in the UI's language. Hand-drawn SVG: no chart library in the bundle.
 */
export function MonthlyChart(props: { points: ChartPoint[]; title: string; rupiah?: boolean; testId: string }) {
  const { points, title, rupiah = false, testId } = props;
  const { t, lang } = useI18n();
  const g = useMemo(() => chartGeometry(points, { lang, width: 760, height: 210 }), [points, lang]);
  const value = (v: number) => (rupiah ? formatRupiah(v, lang) : formatNumber(v, lang));
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        <strong>{title}</strong>
        <span className="legend">
          <span className="legend-bar" /> {t('chart.actual')} <span className="legend-target" /> {t('chart.target')}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="img"
        aria-label={title}
        className="chart-svg"
        preserveAspectRatio="xMidYMid meet"
      >
        {g.yTicks.map((tick) => (
          <g key={tick.value} className="tick">
            <line x1={g.plot.left} x2={g.plot.right} y1={tick.y} y2={tick.y} />
            <text x={g.plot.left - 6} y={tick.y + 4} textAnchor="end">
              {shortAmount(tick.value, rupiah, { t, lang })}
            </text>
          </g>
        ))}
        {g.bars.map((b) => (
          <rect
            key={b.month}
            className={`bar ${b.met ? 'bar-met' : 'bar-short'}`}
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
            data-testid={`${testId}-bar-${b.month}`}
            data-value={b.value}
            data-target={b.target ?? ''}
            data-met={b.met}
          >
            <title>
              {t('chart.barTitle', {
                month: monthLabel(b.month, lang, { long: true }),
                value: value(b.value),
                target: b.target === null ? '—' : value(b.target),
              })}
            </title>
          </rect>
        ))}
        {g.targetPath && <path className="target-line" d={g.targetPath} data-testid={`${testId}-target`} />}
        <line className="axis" x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} />
        {g.xLabels.map((l) => (
          <text key={l.month} className="x-label" x={l.x} y={g.plot.bottom + 14} textAnchor="middle" data-month={l.month}>
            {l.label}
            {l.year && (
              <tspan x={l.x} dy={13} className="x-year">
                {l.year}
              </tspan>
            )}
          </text>
        ))}
      </svg>
    </figure>
  );
}
