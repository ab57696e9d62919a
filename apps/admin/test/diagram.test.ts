import { recruitmentMachine, RECRUITMENT_STATES } from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import {
  layoutDiagram,
  machineGraph,
  splitStates,
  takenEdges,
  visitedStates,
  wrapText,
  type MachineLike,
} from '../src/diagram/geometry';

const machine = recruitmentMachine as unknown as MachineLike;
const graph = machineGraph(machine);
const diagram = layoutDiagram(graph);

/** Every (state, event, target) the machine defines, read independently through `node.on`. */
function machineTransitions(): string[] {
  const out: string[] = [];
  for (const [key, node] of Object.entries(recruitmentMachine.root.states)) {
    for (const [event, defs] of Object.entries(node.on)) {
      for (const def of defs ?? []) {
        const targets = def.target?.length ? def.target.map((t) => t.key) : [key];
        for (const to of targets) out.push(`${key} -${event}-> ${to}`);
      }
    }
  }
  return [...new Set(out)].sort();
}

describe('machine graph', () => {
  it('has every state of the machine', () => {
    expect(graph.states.sort()).toEqual([...RECRUITMENT_STATES].sort());
    expect(graph.initial).toBe('registered');
  });

  it('has every transition of the machine', () => {
    const ours = [...new Set(graph.transitions.map((t) => `${t.from} -${t.event}-> ${t.to}`))].sort();
    expect(ours).toEqual(machineTransitions());
    expect(ours.length).toBeGreaterThan(20);
  });

  it('keeps both branches of a guarded score (pass → next stage, fail → rejected)', () => {
    const score = graph.transitions.filter((t) => t.event === 'RECORD_WRITTEN_TEST_SCORE');
    expect(score.map((t) => [t.to, t.guarded])).toEqual([
      ['interview', true],
      ['rejected', false],
    ]);
  });
});

describe('layout', () => {
  it('puts the stages in a line, in order, and the two exits below', () => {
    expect(splitStates(graph)).toEqual({
      mainLine: ['registered', 'administrativeCheck', 'writtenTest', 'interview', 'agreementSigning', 'debriefing', 'active'],
      exits: ['rejected', 'withdrawn'],
    });
    const node = (id: string) => diagram.nodes.find((n) => n.id === id)!;
    for (let i = 1; i < diagram.mainLine.length; i++) {
      const a = node(diagram.mainLine[i - 1]!);
      const b = node(diagram.mainLine[i]!);
      expect(b.y).toBe(a.y);
      expect(b.x).toBeGreaterThan(a.x + a.w);
    }
    for (const exit of ['rejected', 'withdrawn'])
      expect(node(exit).y).toBeGreaterThan(node('registered').y + node('registered').h);
  });

  it('draws a node for every state, inside the picture, without overlaps', () => {
    expect(diagram.nodes.map((n) => n.id).sort()).toEqual([...RECRUITMENT_STATES].sort());
    for (const n of diagram.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.w).toBeLessThanOrEqual(diagram.width);
      expect(n.y + n.h).toBeLessThanOrEqual(diagram.height);
    }
    for (const a of diagram.nodes)
      for (const b of diagram.nodes) {
        if (a === b) continue;
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
  });

  it('carries every transition on exactly one edge between the right boxes', () => {
    for (const t of graph.transitions) {
      const edges = diagram.edges.filter((e) => e.from === t.from && e.to === t.to && e.events.includes(t.event));
      expect(edges, `${t.from} -${t.event}-> ${t.to}`).toHaveLength(1);
    }
    const pairs = new Set(graph.transitions.map((t) => `${t.from}->${t.to}`));
    expect(diagram.edges.map((e) => e.id).sort()).toEqual([...pairs].sort());
  });

  it('classifies the edges: forward along the line, loops for data-only events, exits below', () => {
    const kind = (id: string) => diagram.edges.find((e) => e.id === id)?.kind;
    expect(kind('registered->administrativeCheck')).toBe('forward');
    expect(kind('debriefing->active')).toBe('forward');
    expect(kind('administrativeCheck->administrativeCheck')).toBe('loop');
    expect(diagram.edges.find((e) => e.id === 'administrativeCheck->administrativeCheck')?.events).toEqual([
      'VERIFY_DOCUMENT',
      'UNVERIFY_DOCUMENT',
    ]);
    expect(kind('writtenTest->rejected')).toBe('exit');
    expect(diagram.edges.filter((e) => e.kind === 'exit')).toHaveLength(12);
  });

  it('draws the ways back from an exit (REOPEN, corrections) as returns to the stage left', () => {
    const kind = (id: string) => diagram.edges.find((e) => e.id === id)?.kind;
    const returns = diagram.edges.filter((e) => e.kind === 'return');
    // back from rejected and from withdrawn to each of the six stages before active
    expect(returns).toHaveLength(12);
    for (const e of returns) {
      expect(['rejected', 'withdrawn']).toContain(e.from);
      expect(e.events).toContain('REOPEN');
    }
    expect(kind('rejected->registered')).toBe('return');
    expect(diagram.edges.find((e) => e.id === 'rejected->interview')?.events).toEqual(['REOPEN', 'CORRECT_WRITTEN_TEST_SCORE']);
    expect(diagram.edges.find((e) => e.id === 'rejected->agreementSigning')?.events).toEqual([
      'REOPEN',
      'CORRECT_INTERVIEW_SCORE',
    ]);
    expect(kind('rejected->rejected')).toBe('loop');
  });

  it('starts every arrow on its source box and ends it on its target box', () => {
    const box = new Map(diagram.nodes.map((n) => [n.id, n]));
    const within = (x: number, y: number, id: string) => {
      const n = box.get(id)!;
      return x >= n.x - 0.5 && x <= n.x + n.w + 0.5 && y >= n.y - 0.5 && y <= n.y + n.h + 0.5;
    };
    for (const e of diagram.edges) {
      const nums = e.path.match(/-?\d+(\.\d+)?/g)!.map(Number);
      expect(within(nums[0]!, nums[1]!, e.from), `${e.id} start`).toBe(true);
      expect(within(nums[nums.length - 2]!, nums[nums.length - 1]!, e.to), `${e.id} end`).toBe(true);
    }
  });

  it('writes the events every exit shares once (REJECT, WITHDRAW) and the rest on their edge', () => {
    expect(diagram.exitCaptions.map((c) => c.events)).toEqual([['REJECT'], ['WITHDRAW']]);
    expect(diagram.edges.find((e) => e.id === 'writtenTest->rejected')?.label?.events).toEqual(['RECORD_WRITTEN_TEST_SCORE']);
    expect(diagram.edges.find((e) => e.id === 'registered->rejected')?.label).toBeNull();
  });
});

describe('what history marks', () => {
  const history = [
    { type: 'REGISTER', fromState: null, toState: 'registered' },
    { type: 'BEGIN_ADMIN_CHECK', fromState: 'registered', toState: 'administrativeCheck' },
    { type: 'VERIFY_DOCUMENT', fromState: 'administrativeCheck', toState: 'administrativeCheck' },
    { type: 'REJECT', fromState: 'administrativeCheck', toState: 'rejected' },
  ];
  it('visited states', () => {
    expect([...visitedStates(history)].sort()).toEqual(['administrativeCheck', 'registered', 'rejected']);
  });
  it('taken edges', () => {
    expect([...takenEdges(diagram, history)].sort()).toEqual([
      'administrativeCheck->administrativeCheck',
      'administrativeCheck->rejected',
      'registered->administrativeCheck',
    ]);
  });
});

describe('a different machine', () => {
  it('lays out whatever states it is given (a skip and an exit)', () => {
    const node = (key: string, on: Record<string, string[]>) => ({
      key,
      transitions: new Map(Object.entries(on).map(([ev, ts]) => [ev, ts.map((t) => ({ target: [{ key: t }] }))])),
    });
    const m: MachineLike = {
      root: {
        config: { initial: 'a' },
        states: {
          a: node('a', { NEXT: ['b'], JUMP: ['c'], QUIT: ['x'] }),
          b: node('b', { NEXT: ['c'], QUIT: ['x'] }),
          c: node('c', {}),
          x: node('x', {}),
        },
      },
    };
    const d = layoutDiagram(machineGraph(m));
    expect(d.mainLine).toEqual(['a', 'b', 'c']);
    expect(d.exits).toEqual(['x']);
    expect(d.edges.find((e) => e.id === 'a->c')?.kind).toBe('skip');
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width', () => {
    expect(wrapText('Selesaikan seleksi administrasi', 15)).toEqual(['Selesaikan', 'seleksi', 'administrasi']);
    expect(wrapText('Mulai seleksi administrasi', 15)).toEqual(['Mulai seleksi', 'administrasi']);
    expect(wrapText('Tolak', 15)).toEqual(['Tolak']);
  });
});

describe('what the page draws', () => {
  it('shows the ways back only from the exit the application is in, or once taken', async () => {
    const { edgeShown } = await import('../src/pages/application/StateDiagram');
    const back = diagram.edges.find((e) => e.id === 'rejected->writtenTest')!;
    const loop = diagram.edges.find((e) => e.id === 'rejected->rejected')!;
    const forward = diagram.edges.find((e) => e.id === 'registered->administrativeCheck')!;
    expect(edgeShown(forward, 'interview', new Set())).toBe(true);
    expect(edgeShown(back, 'interview', new Set())).toBe(false);
    expect(edgeShown(loop, 'interview', new Set())).toBe(false);
    expect(edgeShown(back, 'rejected', new Set())).toBe(true);
    expect(edgeShown(loop, 'rejected', new Set())).toBe(true);
    expect(edgeShown(back, 'writtenTest', new Set([back.id]))).toBe(true);
  });
});
