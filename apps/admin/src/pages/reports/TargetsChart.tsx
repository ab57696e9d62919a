import { formatFigure } from '@kader/workflow/display';
import { useI18n } from '../../i18n';

/** One KPI's line: its percentages in the order of the points (null: no month reported there). */
export type TargetLine = { key: 'visits' | 'collection' | 'reports' | 'attendance'; label: string; values: (number | null)[] };

const WIDTH = 680;
const HEIGHT = 320;
const LEFT = 48;
const RIGHT = 100;
const TOP = 16;
const BOTTOM = 40;

/**
 * Each line told apart without colour (printed in black and white): its own dash pattern and its
 * own marker, named in the legend below by the same line. Stroke black; the 100 % target a thick
 * grey band with its words.
 */
const STYLE: Record<TargetLine['key'], { dash: string; marker: 'circle' | 'square' | 'triangle' | 'diamond' }> = {
  visits: { dash: '', marker: 'circle' },
  collection: { dash: '10 5', marker: 'square' },
  reports: { dash: '2 4', marker: 'triangle' },
  attendance: { dash: '12 4 3 4', marker: 'diamond' },
};

/**
 * The labels' heights moved apart (at least `gap` px, keeping their order): KPIs at nearly the same
 * percentage would otherwise print their values over each other.
 */
function spread(ys: number[], gap = 13): number[] {
  const out = [...ys];
  let previous = Number.NEGATIVE_INFINITY;
  for (const { y, i } of ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y)) {
    out[i] = Math.max(y, previous + gap);
    previous = out[i]!;
  }
  return out;
}

function Marker({ kind, x, y }: { kind: (typeof STYLE)[TargetLine['key']]['marker']; x: number; y: number }) {
  switch (kind) {
    case 'circle':
      return <circle cx={x} cy={y} r={4.5} fill="#000" />;
    case 'square':
      return <rect x={x - 4.5} y={y - 4.5} width={9} height={9} fill="#fff" stroke="#000" strokeWidth={2} />;
    case 'triangle':
      return <path d={`M${x},${y - 6} L${x + 5.5},${y + 4} L${x - 5.5},${y + 4} Z`} fill="#000" />;
    case 'diamond':
      return (
        <path d={`M${x},${y - 6} L${x + 6},${y} L${x},${y + 6} L${x - 6},${y} Z`} fill="#fff" stroke="#000" strokeWidth={2} />
      );
  }
}

/**
 * A line per KPI over the points (years, or the months of a chosen year) against the 100 % target
 * line. Plain SVG (no chart library): one named image (`role="img"`); the tables below carry the
 * same figures for a screen reader. Values are written beside the points when there are few (years);
 * with twelve months only each line's last value, to stay readable.
 */
export function TargetsChart({ title, points, lines }: { title: string; points: string[]; lines: TargetLine[] }) {
  const { t, lang } = useI18n();
  const values = lines.flatMap((l) => l.values.filter((v): v is number => v !== null));
  // the axis reaches 100 % at least, and above it in steps of 50 when a KPI went beyond (dues 153 %)
  const top = Math.max(100, Math.ceil(Math.max(0, ...values) / 50) * 50);
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (i: number) => LEFT + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const ticks = Array.from({ length: top / 25 + 1 }, (_, i) => i * 25).filter((v) => v % (top > 200 ? 50 : 25) === 0);
  const pct = (v: number) => `${formatFigure(v, lang, 1)}%`;
  const labelEvery = points.length <= 6;
  // where each value's label goes: beside every point (years), or at each line's last point (months)
  const labelY = new Map<string, number>();
  const place = (items: { key: string; y: number }[]) => {
    const ys = spread(items.map((it) => it.y));
    items.forEach((it, k) => labelY.set(it.key, ys[k]!));
  };
  if (labelEvery) {
    points.forEach((_, i) =>
      place(
        lines.flatMap((l) => {
          const v = l.values[i];
          return v === null || v === undefined ? [] : [{ key: `${l.key}:${i}`, y: y(v) - 7 }];
        }),
      ),
    );
  } else {
    place([
      { key: 'target', y: y(100) + 4 },
      ...lines.flatMap((l) => {
        const end = l.values.findLastIndex((v) => v !== null);
        return end < 0 ? [] : [{ key: `${l.key}:end`, y: y(l.values[end]!) + 4 }];
      }),
    ]);
  }
  return (
    <figure className="targets-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} data-testid="targets-chart">
        <title>{title}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={LEFT + plotW} y1={y(v)} y2={y(v)} stroke="#bbb" strokeWidth={0.5} />
            <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" className="targets-axis">
              {`${v}%`}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={LEFT + plotW} y1={y(100)} y2={y(100)} stroke="#777" strokeWidth={5} opacity={0.6} />
        <text
          x={LEFT + plotW + 8}
          y={labelY.get('target') ?? y(100) + 4}
          className="targets-label"
          data-testid="targets-chart-target"
        >
          {t('reports.targets.chart.target')}
        </text>
        {points.map((p, i) => (
          <text key={p} x={x(i)} y={HEIGHT - BOTTOM + 18} textAnchor="middle" className="targets-axis">
            {p}
          </text>
        ))}
        {lines.map((line) => {
          const style = STYLE[line.key];
          // a point without months breaks the line rather than dropping it to zero
          const segments: { i: number; v: number }[][] = [];
          line.values.forEach((v, i) => {
            if (v === null) return;
            const last = segments[segments.length - 1];
            if (last && last[last.length - 1]!.i === i - 1) last.push({ i, v });
            else segments.push([{ i, v }]);
          });
          const end = segments.flat().at(-1);
          return (
            <g key={line.key} data-kpi={line.key}>
              {segments.map((seg) => (
                <polyline
                  key={seg[0]!.i}
                  points={seg.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')}
                  fill="none"
                  stroke="#000"
                  strokeWidth={2}
                  strokeDasharray={style.dash || undefined}
                />
              ))}
              {segments.flat().map((p) => (
                <g key={p.i}>
                  <Marker kind={style.marker} x={x(p.i)} y={y(p.v)} />
                  {labelEvery && (
                    <text x={x(p.i) + 7} y={labelY.get(`${line.key}:${p.i}`)} className="targets-value">
                      {pct(p.v)}
                    </text>
                  )}
                </g>
              ))}
              {end && !labelEvery && (
                <text x={LEFT + plotW + 8} y={labelY.get(`${line.key}:end`)} className="targets-label">
                  {pct(end.v)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="targets-legend" aria-hidden="true">
        {lines.map((line) => (
          <li key={line.key}>
            <svg width="56" height="14" viewBox="0 0 56 14" aria-hidden="true">
              <line
                x1="2"
                x2="54"
                y1="7"
                y2="7"
                stroke="#000"
                strokeWidth={2}
                strokeDasharray={STYLE[line.key].dash || undefined}
              />
              <Marker kind={STYLE[line.key].marker} x={28} y={7} />
            </svg>
            {line.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
