/**
 * The state diagram's geometry, derived from the machine definition itself (design.md: no layout
 * engine). Two pure steps, both tested in test/diagram.test.ts:
 *   machineGraph(machine)  — states and transitions read off `machine.root.states[*].transitions`
 *   layoutDiagram(graph)   — boxes and arrows: the main line of stages left to right, the exits
 *                            (states entered from several stages: rejected, withdrawn) below, and
 *                            the ways back from an exit (a supervisor's REOPEN or correction).
 */

/** The part of an xstate machine this module reads (keeps it testable with a hand-made machine). */
export type MachineLike = {
  root: {
    config: { initial?: unknown };
    states: Record<
      string,
      {
        key: string;
        transitions: Map<string, ReadonlyArray<{ target?: ReadonlyArray<{ key: string }> | undefined; guard?: unknown }>>;
      }
    >;
  };
};

export type GraphTransition = {
  from: string;
  event: string;
  /** the target state; the source itself for a transition without a target (it only updates data) */
  to: string;
  guarded: boolean;
};

export type MachineGraph = { initial: string; states: string[]; transitions: GraphTransition[] };

export function machineGraph(machine: MachineLike): MachineGraph {
  const states = Object.keys(machine.root.states);
  const initial = typeof machine.root.config.initial === 'string' ? machine.root.config.initial : states[0]!;
  const transitions: GraphTransition[] = [];
  for (const key of states) {
    const node = machine.root.states[key]!;
    for (const [event, defs] of node.transitions) {
      for (const def of defs) {
        const targets = def.target && def.target.length > 0 ? def.target.map((t) => t.key) : [key];
        for (const to of targets) transitions.push({ from: key, event, to, guarded: def.guard !== undefined });
      }
    }
  }
  return { initial, states, transitions };
}

export type NodeRole = 'stage' | 'exit';
export type DiagramNode = { id: string; role: NodeRole; x: number; y: number; w: number; h: number };

export type EdgeKind = 'forward' | 'loop' | 'skip' | 'back' | 'exit' | 'return';

export type DiagramLabel = {
  /** event types shown at this spot */
  events: string[];
  x: number;
  y: number;
  /** the text block grows upwards from y ('above') or downwards ('below') */
  grow: 'above' | 'below';
};

export type DiagramEdge = {
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** every event type that moves `from` → `to` (in machine order) */
  events: string[];
  guarded: boolean;
  /** SVG path data, ending at the arrow head's tip */
  path: string;
  /** where its events are written; an exit edge writes only the events it does not share with the
   *  other edges into the same exit (those are written once, under the exit: `DiagramNode` caption) */
  label: DiagramLabel | null;
};

export type Diagram = {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** per exit: the events every edge into it shares, written once under the exit's box */
  exitCaptions: DiagramLabel[];
  mainLine: string[];
  exits: string[];
};

export type LayoutOptions = { nodeW: number; nodeH: number; gapX: number; margin: number; loopSpace: number; exitDrop: number };
export const DEFAULT_LAYOUT: LayoutOptions = { nodeW: 108, nodeH: 48, gapX: 88, margin: 16, loopSpace: 92, exitDrop: 140 };

/**
 * Exits are the states one event reaches from at least half of the machine's states (REJECT →
 * rejected, WITHDRAW → withdrawn). The main line is then the longest chain of distinct other
 * states from the initial one (registered → … → active); among equally long chains, the one
 * ending in the state entered from the fewest others. Whatever is on neither is an exit too.
 */
export function splitStates(graph: MachineGraph): { mainLine: string[]; exits: string[] } {
  const reachedBy = new Map<string, Set<string>>(); // "event→target" → sources
  for (const t of graph.transitions) {
    if (t.from === t.to) continue;
    const key = `${t.event}\u0000${t.to}`;
    if (!reachedBy.has(key)) reachedBy.set(key, new Set());
    reachedBy.get(key)!.add(t.from);
  }
  const exitSet = new Set<string>();
  for (const [key, from] of reachedBy) {
    const to = key.split('\u0000')[1]!;
    if (to !== graph.initial && from.size >= graph.states.length / 2) exitSet.add(to);
  }
  const sources = new Map<string, Set<string>>();
  const next = new Map<string, string[]>();
  for (const t of graph.transitions) {
    if (t.from === t.to || exitSet.has(t.from) || exitSet.has(t.to)) continue;
    if (!sources.has(t.to)) sources.set(t.to, new Set());
    sources.get(t.to)!.add(t.from);
    const list = next.get(t.from) ?? [];
    if (!list.includes(t.to)) list.push(t.to);
    next.set(t.from, list);
  }
  const inDegree = (s: string) => sources.get(s)?.size ?? 0;
  let best: string[] = [graph.initial];
  const better = (a: string[], b: string[]) =>
    a.length > b.length || (a.length === b.length && inDegree(a[a.length - 1]!) < inDegree(b[b.length - 1]!));
  const walk = (path: string[]) => {
    if (better(path, best)) best = [...path];
    for (const to of next.get(path[path.length - 1]!) ?? []) {
      if (!path.includes(to)) walk([...path, to]);
    }
  };
  walk([graph.initial]);
  const onLine = new Set(best);
  return { mainLine: best, exits: graph.states.filter((s) => !onLine.has(s)) };
}

const r = (n: number) => Math.round(n * 10) / 10;

export function layoutDiagram(graph: MachineGraph, opts: LayoutOptions = DEFAULT_LAYOUT): Diagram {
  const { nodeW, nodeH, gapX, margin, loopSpace, exitDrop } = opts;
  const { mainLine, exits } = splitStates(graph);
  const lineY = margin + loopSpace;
  const width = margin * 2 + mainLine.length * nodeW + Math.max(0, mainLine.length - 1) * gapX;
  const exitY = lineY + nodeH + exitDrop;
  const height = exitY + nodeH + margin + 40;

  const nodes: DiagramNode[] = mainLine.map((id, i) => ({
    id,
    role: 'stage',
    x: margin + i * (nodeW + gapX),
    y: lineY,
    w: nodeW,
    h: nodeH,
  }));
  // exits spread evenly under the line
  exits.forEach((id, i) => {
    const cx = margin + ((i + 1) * (width - 2 * margin)) / (exits.length + 1);
    nodes.push({ id, role: 'exit', x: r(cx - nodeW / 2), y: exitY, w: nodeW, h: nodeH });
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const indexInLine = new Map(mainLine.map((s, i) => [s, i]));

  // one edge per (from, to) pair, carrying every event between them
  const grouped = new Map<string, { from: string; to: string; events: string[]; guarded: boolean }>();
  for (const t of graph.transitions) {
    const id = `${t.from}->${t.to}`;
    const g = grouped.get(id) ?? { from: t.from, to: t.to, events: [], guarded: false };
    if (!g.events.includes(t.event)) g.events.push(t.event);
    g.guarded ||= t.guarded;
    grouped.set(id, g);
  }

  // events shared by every edge into an exit are written once, under it
  const common = new Map<string, string[]>();
  for (const exit of exits) {
    const into = [...grouped.values()].filter((g) => g.to === exit && g.from !== exit);
    const first = into[0]?.events ?? [];
    common.set(
      exit,
      first.filter((e) => into.every((g) => g.events.includes(e))),
    );
  }
  const exitSources = new Map<string, string[]>();
  for (const g of grouped.values()) {
    if (exits.includes(g.to) && g.from !== g.to) {
      exitSources.set(g.to, [...(exitSources.get(g.to) ?? []), g.from]);
    }
  }
  for (const list of exitSources.values()) list.sort((a, b) => (indexInLine.get(a) ?? 99) - (indexInLine.get(b) ?? 99));

  const edges: DiagramEdge[] = [];
  for (const g of grouped.values()) {
    const a = byId.get(g.from)!;
    const b = byId.get(g.to)!;
    const id = `${g.from}->${g.to}`;
    const base = { id, from: g.from, to: g.to, events: g.events, guarded: g.guarded };
    if (g.from === g.to) {
      const cx = a.x + a.w / 2;
      const top = a.y;
      edges.push({
        ...base,
        kind: 'loop',
        path: `M ${r(cx - 16)} ${top} C ${r(cx - 34)} ${top - 40}, ${r(cx + 34)} ${top - 40}, ${r(cx + 16)} ${top}`,
        label: { events: g.events, x: r(cx), y: top - 36, grow: 'above' },
      });
      continue;
    }
    if (b.role === 'exit') {
      const sources = exitSources.get(g.to) ?? [g.from];
      const k = sources.indexOf(g.from);
      const exitIndex = exits.indexOf(g.to);
      // leave the source's bottom left of centre for the first exit, right for the second, …
      const sx = a.x + (a.w * (exitIndex + 1)) / (exits.length + 1);
      const sy = a.y + a.h;
      const tx = b.x + (b.w * (k + 1)) / (sources.length + 1);
      const ty = b.y;
      const midY = (sy + ty) / 2;
      const extra = g.events.filter((e) => !(common.get(g.to) ?? []).includes(e));
      if (a.role === 'exit') {
        // one exit into another: straight across, below the line
        const y = b.y + b.h / 2;
        const [x1, x2] = a.x < b.x ? [a.x + a.w, b.x] : [a.x, b.x + b.w];
        edges.push({ ...base, kind: 'exit', path: `M ${r(x1)} ${r(y)} L ${r(x2)} ${r(y)}`, label: null });
        continue;
      }
      edges.push({
        ...base,
        kind: 'exit',
        path: `M ${r(sx)} ${sy} C ${r(sx)} ${r(midY)}, ${r(tx)} ${r(midY)}, ${r(tx)} ${ty}`,
        label: extra.length ? { events: extra, x: r(a.x + a.w / 2), y: sy + 14, grow: 'below' } : null,
      });
      continue;
    }
    if (a.role === 'exit') {
      // back from an exit to the stage it left (REOPEN, a corrected score): from the exit's top to
      // the stage's bottom, beside the arrows going down
      const exitIndex = exits.indexOf(g.from);
      const side = exitIndex < exits.length / 2 ? -1 : 1;
      const sources = exitSources.get(g.from) ?? [];
      const k = Math.max(0, sources.indexOf(g.to));
      const sx = a.x + (a.w * (k + 1)) / (sources.length + 1) + side * 5;
      const sy = a.y;
      const tx = b.x + (b.w * (exitIndex + 1)) / (exits.length + 1) + side * 12;
      const ty = b.y + b.h;
      const midY = (sy + ty) / 2;
      edges.push({
        ...base,
        kind: 'return',
        path: `M ${r(sx)} ${sy} C ${r(sx)} ${r(midY)}, ${r(tx)} ${r(midY)}, ${r(tx)} ${ty}`,
        label: null,
      });
      continue;
    }
    const ia = indexInLine.get(g.from) ?? 0;
    const ib = indexInLine.get(g.to) ?? 0;
    const y = a.y + a.h / 2;
    if (ib === ia + 1) {
      const x1 = a.x + a.w;
      const x2 = b.x;
      edges.push({
        ...base,
        kind: 'forward',
        path: `M ${x1} ${y} L ${x2} ${y}`,
        label: { events: g.events, x: r((x1 + x2) / 2), y: y - 8, grow: 'above' },
      });
    } else {
      // a jump along the line (forward or back): an arc over the boxes
      const forward = ib > ia;
      const x1 = a.x + a.w / 2 + (forward ? 12 : -12);
      const x2 = b.x + b.w / 2 + (forward ? -12 : 12);
      const lift = 40 + 12 * Math.abs(ib - ia);
      const top = a.y - lift;
      edges.push({
        ...base,
        kind: forward ? 'skip' : 'back',
        path: `M ${r(x1)} ${a.y} C ${r(x1)} ${top}, ${r(x2)} ${top}, ${r(x2)} ${b.y}`,
        label: { events: g.events, x: r((x1 + x2) / 2), y: top + 8, grow: 'above' },
      });
    }
  }

  const exitCaptions: DiagramLabel[] = exits
    .map((exit) => {
      const n = byId.get(exit)!;
      return { events: common.get(exit) ?? [], x: r(n.x + n.w / 2), y: n.y + n.h + 16, grow: 'below' as const };
    })
    .filter((c) => c.events.length > 0);

  return { width, height, nodes, edges, exitCaptions, mainLine, exits };
}

/** States an application has been in, read from its history (`fromState`/`toState`). */
export function visitedStates(history: ReadonlyArray<{ fromState: string | null; toState: string | null }>): Set<string> {
  const out = new Set<string>();
  for (const h of history) {
    if (h.fromState) out.add(h.fromState);
    if (h.toState) out.add(h.toState);
  }
  return out;
}

/** Edges an application went along: a history entry whose event and states match the edge. */
export function takenEdges(
  diagram: Diagram,
  history: ReadonlyArray<{ type: string; fromState: string | null; toState: string | null }>,
): Set<string> {
  const out = new Set<string>();
  for (const e of diagram.edges) {
    if (history.some((h) => h.fromState === e.from && h.toState === e.to && e.events.includes(h.type))) out.add(e.id);
  }
  return out;
}

/** Splits a label into lines of at most `max` characters, at spaces. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
