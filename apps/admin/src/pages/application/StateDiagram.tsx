import { recruitmentMachine } from '@kader/workflow';
import {
  layoutDiagram,
  machineGraph,
  takenEdges,
  visitedStates,
  wrapText,
  type DiagramLabel,
  type MachineLike,
} from '../../diagram/geometry';
import { useI18n } from '../../i18n';

/** Drawn from the machine definition the server runs (same package), not from a copy of it. */
const diagram = layoutDiagram(machineGraph(recruitmentMachine as unknown as MachineLike));
const exits = new Set(diagram.exits);

/**
 * The ways out of an exit (REOPEN, a correction on a rejected application) are drawn only where
 * they matter: when the application is in that exit now, or went along one before.
 */
export function edgeShown(e: { from: string; kind: string; id: string }, state: string, taken: ReadonlySet<string>): boolean {
  if (!exits.has(e.from)) return true;
  if (e.kind !== 'return' && e.kind !== 'loop') return true;
  return e.from === state || taken.has(e.id);
}

const LINE = 12;

function Label({ label, lines, className }: { label: DiagramLabel; lines: string[]; className: string }) {
  const y0 = label.grow === 'above' ? label.y - (lines.length - 1) * LINE : label.y;
  return (
    <text className={className} x={label.x} y={y0} textAnchor="middle">
      {lines.map((line, i) => (
        <tspan key={i} x={label.x} dy={i === 0 ? 0 : LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * `path`: the distinct steps the application has taken (`applications.path`: event, from, to), as
 * many as the machine has edges however long the history; empty until it loads.
 */
export function StateDiagram(props: {
  state: string;
  path: ReadonlyArray<{ type: string; fromState: string | null; toState: string | null }>;
}) {
  const { t, td } = useI18n();
  const visited = visitedStates(props.path);
  const taken = takenEdges(diagram, props.path);
  const eventLines = (events: string[], width: number) => events.flatMap((e) => wrapText(td(`event.${e}`, e), width));
  const edges = diagram.edges.filter((e) => edgeShown(e, props.state, taken));

  return (
    <div className="diagram-wrap">
      <svg
        className="diagram"
        data-testid="state-diagram"
        viewBox={`0 0 ${diagram.width} ${diagram.height}`}
        style={{ maxWidth: diagram.width }}
        role="img"
        aria-label={t('app.diagram')}
      >
        <defs>
          {/* one arrow head for the machine's transitions, one for those this application took */}
          {(
            [
              ['arrow', 'arrow-head'],
              ['arrow-taken', 'arrow-head taken'],
            ] as const
          ).map(([id, className]) => (
            <marker
              key={id}
              id={id}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="8"
              markerHeight="8"
              markerUnits="userSpaceOnUse"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className={className} />
            </marker>
          ))}
        </defs>

        {edges.map((e) => (
          <path
            key={e.id}
            d={e.path}
            className={`edge edge-${e.kind}${taken.has(e.id) ? ' taken' : ''}`}
            markerEnd={`url(#${taken.has(e.id) ? 'arrow-taken' : 'arrow'})`}
            data-edge={e.id}
            data-events={e.events.join(' ')}
          >
            <title>
              {`${td(`state.${e.from}`, e.from)} → ${td(`state.${e.to}`, e.to)}: ${e.events
                .map((ev) => td(`event.${ev}`, ev))
                .join(', ')}`}
            </title>
          </path>
        ))}

        {edges.map((e) =>
          e.label ? (
            <Label
              key={`l-${e.id}`}
              label={e.label}
              lines={eventLines(e.label.events, e.kind === 'loop' ? 30 : 15)}
              className={`edge-label edge-label-${e.kind}`}
            />
          ) : null,
        )}
        {diagram.exitCaptions.map((c, i) => (
          <Label key={`c-${i}`} label={c} lines={eventLines(c.events, 24)} className="edge-label exit-caption" />
        ))}

        {diagram.nodes.map((n) => {
          const current = n.id === props.state;
          const cls = [
            'node',
            `node-${n.role}`,
            `node-${n.id}`,
            current ? 'current' : '',
            visited.has(n.id) && !current ? 'visited' : '',
          ]
            .filter(Boolean)
            .join(' ');
          const lines = wrapText(td(`state.${n.id}`, n.id), 14);
          const cx = n.x + n.w / 2;
          const cy = n.y + n.h / 2 - ((lines.length - 1) * 13) / 2;
          return (
            <g key={n.id} className={cls} data-testid={`diagram-node-${n.id}`} data-current={current || undefined}>
              <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={8} />
              <text x={cx} y={cy} textAnchor="middle" dominantBaseline="middle">
                {lines.map((line, i) => (
                  <tspan key={i} x={cx} dy={i === 0 ? 0 : 13}>
                    {line}
                  </tspan>
                ))}
              </text>
              {visited.has(n.id) && !current && (
                // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG text takes no focus; the tick repeats what the node's label says
                <text x={n.x + n.w - 9} y={n.y + 12} textAnchor="middle" className="tick" aria-hidden="true">
                  ✓
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p className="legend">
        <span className="legend-current" /> {t('app.diagramCurrent')} <span className="legend-visited" />{' '}
        {t('app.diagramVisited')}
      </p>
    </div>
  );
}
