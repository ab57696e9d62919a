import { useI18n } from '../../i18n';
import type { FunnelPeriod } from './types';
import { Hatch } from './Hatch';

const BAR_HEIGHT = 28;
const GAP = 10;
const LABEL_WIDTH = 170;
const BAR_WIDTH = 360;
const NUMBER_WIDTH = 90;

/**
 * Funnel bars of one period: per stage a hatched bar for those who reached it and a black one
 * inside it for those who passed, each with its number written beside it, so the picture reads
 * printed in black and white (patterns and labels, not colour). Plain SVG: no chart library, and
 * the table beside it carries the same figures for a screen reader (the SVG is one named image,
 * `role="img"`, whose parts a screen reader does not walk).
 */
export function FunnelChart({ period }: { period: FunnelPeriod }) {
  const { t, td } = useI18n();
  const max = Math.max(1, period.registered);
  const rows = period.stages.map((s) => ({ key: s.stage, reached: s.reached, passed: s.passed }));
  const height = rows.length * (BAR_HEIGHT + GAP) + 30;
  const width = LABEL_WIDTH + BAR_WIDTH + NUMBER_WIDTH;
  const patternId = `hatch-${period.periodId}`;
  const title = t('reports.chart.title', { branch: period.branchName, year: period.year });
  return (
    <figure className="funnel-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} data-testid={`funnel-chart-${period.periodId}`}>
        <title>{title}</title>
        <defs>
          <Hatch id={patternId} />
        </defs>
        {rows.map((r, i) => {
          const y = i * (BAR_HEIGHT + GAP);
          const reached = (r.reached / max) * BAR_WIDTH;
          const passed = (r.passed / max) * BAR_WIDTH;
          return (
            <g key={r.key}>
              <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2 + 5} textAnchor="end" className="funnel-label">
                {td(`state.${r.key}`, r.key)}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={reached} height={BAR_HEIGHT} fill={`url(#${patternId})`} stroke="#000" />
              <rect x={LABEL_WIDTH} y={y + 8} width={passed} height={BAR_HEIGHT - 16} fill="#000" />
              <text x={LABEL_WIDTH + reached + 6} y={y + BAR_HEIGHT / 2 + 5} className="funnel-number">
                {`${r.reached} / ${r.passed}`}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${LABEL_WIDTH}, ${rows.length * (BAR_HEIGHT + GAP) + 4})`}>
          <rect width="14" height="14" fill={`url(#${patternId})`} stroke="#000" />
          <text x="20" y="12" className="funnel-legend">
            {t('reports.chart.reached')}
          </text>
          <rect x="180" width="14" height="14" fill="#000" />
          <text x="200" y="12" className="funnel-legend">
            {t('reports.chart.passed')}
          </text>
        </g>
      </svg>
    </figure>
  );
}
