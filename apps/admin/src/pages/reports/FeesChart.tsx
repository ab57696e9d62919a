import { formatFigure, MONTH_NAMES } from '@kader/workflow/display';
import { useI18n } from '../../i18n';
import type { FeeReport } from './feesCsv';
import { Hatch } from './Hatch';

const SLOT = 56;
const BAR = 40;
const PLOT_HEIGHT = 180;
const TOP = 22;
const LEFT = 8;

type Year = FeeReport['years'][number];

/**
 * One year's monthly fee totals as bars: hatched, the month shown in the table solid black, each
 * bar's amount written above it (`524 rb`, `1,2 jt`), so the picture reads printed in black and
 * white. Plain SVG, one named image (`role="img"`); the table beside it has the same figures.
 */
export function FeesChart({ year, chosenMonth }: { year: Year; chosenMonth: string }) {
  const { t, lang } = useI18n();
  const max = Math.max(1, ...year.months.map((m) => m.fee));
  const width = LEFT * 2 + SLOT * 12;
  const height = TOP + PLOT_HEIGHT + 48;
  const patternId = `fees-hatch-${year.year}`;
  const title = t('reports.fees.chart.title', { year: year.year });
  // a bar's label in thousands or millions: the full rupiah is in the table
  const compact = (n: number) =>
    n >= 1_000_000
      ? t('reports.fees.chart.millions', { n: formatFigure(n / 1_000_000, lang, 1) })
      : n >= 1_000
        ? t('reports.fees.chart.thousands', { n: formatFigure(Math.floor(n / 1_000), lang, 0) })
        : String(n);
  return (
    <figure className="fees-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} data-testid={`fees-chart-${year.year}`}>
        <title>{title}</title>
        <defs>
          <Hatch id={patternId} />
        </defs>
        <line x1={LEFT} x2={width - LEFT} y1={TOP + PLOT_HEIGHT} y2={TOP + PLOT_HEIGHT} stroke="#000" />
        {year.months.map((m, i) => {
          const h = (m.fee / max) * PLOT_HEIGHT;
          const x = LEFT + i * SLOT + (SLOT - BAR) / 2;
          const chosen = m.month === chosenMonth;
          return (
            <g key={m.month} data-month={m.month}>
              {m.fee > 0 && (
                <rect
                  x={x}
                  y={TOP + PLOT_HEIGHT - h}
                  width={BAR}
                  height={h}
                  fill={chosen ? '#000' : `url(#${patternId})`}
                  stroke="#000"
                />
              )}
              <text x={x + BAR / 2} y={TOP + PLOT_HEIGHT - h - 5} textAnchor="middle">
                {m.fee > 0 ? compact(m.fee) : '—'}
              </text>
              <text x={x + BAR / 2} y={TOP + PLOT_HEIGHT + 16} textAnchor="middle" fontWeight={chosen ? 700 : 400}>
                {MONTH_NAMES[lang].short[i]}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${LEFT}, ${TOP + PLOT_HEIGHT + 28})`}>
          <rect width="14" height="14" fill={`url(#${patternId})`} stroke="#000" />
          <text x="20" y="12">
            {t('reports.fees.chart.legend')}
          </text>
          <rect x="220" width="14" height="14" fill="#000" />
          <text x="240" y="12">
            {t('reports.fees.chart.chosen')}
          </text>
        </g>
      </svg>
    </figure>
  );
}
