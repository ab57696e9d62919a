import { formatNumber } from '@kader/workflow/display';
import { useI18n } from '../../i18n';
import type { RenewalYear } from './renewalsCsv';
import { Hatch } from './Hatch';

const PLOT_HEIGHT = 160;
const TOP = 24;
const LEFT = 10;
const GROUP = 52;
const BAR = 20;
const NO_SCORE_GAP = 24;
const AXIS_LABELS = 40;
const LEGEND = 44;

/**
 * The scores the year's decisions were made on, in 10-point bins (and the decisions made with no
 * score), each bin a black bar for renewals and a hatched one for drops with its number on top, and
 * the renewal threshold as a dashed line at its place on the score axis: readable printed in black
 * and white. Plain SVG, one named image (`role="img"`); the table beside it has the same figures.
 */
export function RenewalsChart({ year }: { year: RenewalYear }) {
  const { t, lang } = useI18n();
  const { bins, noScore, thresholds } = year.scores;
  const groups = [
    ...bins.map((b) => ({ key: `${b.from}`, label: `${b.from}–${b.to}`, renew: b.renew, drop: b.drop })),
    { key: 'none', label: t('reports.renewals.noScore'), renew: noScore.renew, drop: noScore.drop },
  ];
  const max = Math.max(1, ...groups.flatMap((g) => [g.renew, g.drop]));
  const groupX = (i: number) => LEFT + i * GROUP + (i === bins.length ? NO_SCORE_GAP : 0);
  const width = groupX(groups.length) + 10;
  const baseline = TOP + PLOT_HEIGHT;
  const height = baseline + AXIS_LABELS + LEGEND;
  const patternId = `renewals-hatch-${year.year}`;
  const title = t('reports.renewals.chart.title', { year: year.year });
  const bar = (i: number, offset: number, n: number, fill: string) => {
    const h = (n / max) * PLOT_HEIGHT;
    const x = groupX(i) + offset;
    return (
      <>
        <rect x={x} y={baseline - h} width={BAR} height={h} fill={fill} stroke="#000" />
        {n > 0 && (
          <text x={x + BAR / 2} y={baseline - h - 4} textAnchor="middle" className="renewals-chart-number">
            {formatNumber(n, lang)}
          </text>
        )}
      </>
    );
  };
  return (
    <figure className="renewals-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} data-testid={`renewals-chart-${year.year}`}>
        <title>{title}</title>
        <defs>
          <Hatch id={patternId} />
        </defs>
        <line x1={LEFT} x2={width - 10} y1={baseline} y2={baseline} stroke="#000" />
        {groups.map((g, i) => (
          <g key={g.key}>
            {bar(i, 4, g.renew, '#000')}
            {bar(i, 4 + BAR + 2, g.drop, `url(#${patternId})`)}
            <text x={groupX(i) + GROUP / 2} y={baseline + 16} textAnchor="middle" className="renewals-chart-label">
              {g.label}
            </text>
          </g>
        ))}
        {thresholds.map((th) => {
          // the score axis is linear over the ten bins: a threshold of 60 stands at the left edge of 60–70
          const x = LEFT + (th / 10) * GROUP;
          return (
            <g key={th}>
              <line x1={x} x2={x} y1={TOP - 8} y2={baseline} stroke="#000" strokeWidth="2" strokeDasharray="6 4" />
              <text x={x + 4} y={TOP - 10} className="renewals-chart-label">
                {t('reports.renewals.threshold', { threshold: formatNumber(th, lang, Number.isInteger(th) ? 0 : 2) })}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${LEFT}, ${baseline + AXIS_LABELS - 10})`} className="renewals-chart-legend">
          <rect width="14" height="14" fill="#000" />
          <text x="20" y="12">
            {t('reports.renewals.chart.renew')}
          </text>
          <rect x="200" width="14" height="14" fill={`url(#${patternId})`} stroke="#000" />
          <text x="220" y="12">
            {t('reports.renewals.chart.drop')}
          </text>
          {thresholds.length > 0 && (
            <>
              <line x1="0" x2="28" y1="30" y2="30" stroke="#000" strokeWidth="2" strokeDasharray="6 4" />
              <text x="34" y="34">
                {t('reports.renewals.chart.threshold', { threshold: thresholds.join(', ') })}
              </text>
            </>
          )}
        </g>
      </svg>
    </figure>
  );
}
