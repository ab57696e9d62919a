/**
 * The engine section: events/s through `sendApplicationEvent` in-process against raw
 * better-sqlite3 doing the same storage work, at synchronous=FULL (the product's) and NORMAL, and
 * the pure machine step alone. Limit and Kader rounds are interleaved (the order turns round each
 * round) and the median is reported, every round's value beside it.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cell, median, perCommand, rate } from './figures';
import type { Section, SectionRun } from './section';
import { copyOf, kaderRound, removeCopy, limitRound, machineRound, seedTemplate, type Sync, storedSnapshots } from './workloads';

export const engineSizes = (smoke: boolean) =>
  smoke
    ? { applications: 20, limitEvents: 400, kaderEvents: 80, machineSteps: 400, rounds: 1, warmup: 0, untimed: 40 }
    : { applications: 200, limitEvents: 10_000, kaderEvents: 1_500, machineSteps: 10_000, rounds: 5, warmup: 1, untimed: 400 };

/** The seeded template and a way to run a round on a fresh copy of it (removed afterwards). */
export function engineTemplate(dir: string, applications: number) {
  const template = join(dir, 'template.db');
  const seedStart = performance.now();
  seedTemplate(template, applications);
  console.log(`engine: seeded ${applications} applications in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  let copies = 0;
  const onCopy = <T>(round: (file: string) => T): T => {
    const file = copyOf(template, join(dir, `round-${++copies}.db`));
    try {
      return round(file);
    } finally {
      removeCopy(file);
    }
  };
  return { template, onCopy };
}

function runEngine({ smoke, dir }: SectionRun) {
  const SIZES = engineSizes(smoke);
  const { template, onCopy } = engineTemplate(dir, SIZES.applications);
  const snapshots = storedSnapshots(template);
  for (let w = 0; w < SIZES.warmup; w++) {
    onCopy((file) => limitRound(file, 'FULL', SIZES.limitEvents / 10));
    onCopy((file) => kaderRound(file, 'FULL', SIZES.kaderEvents / 10));
    // a whole round: the machine step keeps getting faster for a while (JIT), and costs ~1 s
    machineRound(snapshots, SIZES.machineSteps);
  }
  const limit: Record<Sync, number[]> = { FULL: [], NORMAL: [] };
  const kader: Record<Sync, number[]> = { FULL: [], NORMAL: [] };
  const machine: number[] = [];
  // both sides time steady state: the copy's WAL already past its first checkpoint (workloads.ts)
  const untimed = { untimed: SIZES.untimed };
  const steps: (() => void)[] = [
    () => limit.FULL.push(onCopy((file) => limitRound(file, 'FULL', SIZES.limitEvents, untimed))),
    () => kader.FULL.push(onCopy((file) => kaderRound(file, 'FULL', SIZES.kaderEvents, untimed))),
    () => machine.push(machineRound(snapshots, SIZES.machineSteps)),
    () => limit.NORMAL.push(onCopy((file) => limitRound(file, 'NORMAL', SIZES.limitEvents, untimed))),
    () => kader.NORMAL.push(onCopy((file) => kaderRound(file, 'NORMAL', SIZES.kaderEvents, untimed))),
  ];
  for (let r = 0; r < SIZES.rounds; r++) {
    // odd rounds run backwards, so neither side always runs first (warm caches, a checkpoint due)
    for (const step of r % 2 ? [...steps].reverse() : steps) step();
    console.log(
      `engine round ${r + 1}/${SIZES.rounds}: limit ${rate(limit.FULL[r]!)} FULL, ${rate(limit.NORMAL[r]!)} NORMAL; ` +
        `Kader ${rate(kader.FULL[r]!)} FULL, ${rate(kader.NORMAL[r]!)} NORMAL; machine step ${rate(machine[r]!)}`,
    );
  }

  const ratio = (s: Sync) => (median(kader[s]) / median(limit[s])).toFixed(3);
  const share = (s: Sync) => `${((100 * median(kader[s])) / median(machine)).toFixed(1)}%`;
  return {
    rows: [
      ...(['FULL', 'NORMAL'] as const).map(
        (s) =>
          `| events/s through \`sendApplicationEvent\`, in-process, synchronous=${s} | ${cell(limit[s], perCommand)} | ${cell(kader[s], perCommand)} | ${ratio(s)} |`,
      ),
      `| the pure machine step alone (restore + transition + persist) | — | ${cell(machine, perCommand)} | — |`,
      `| the machine step's share of a command | — | ${share('FULL')} at FULL, ${share('NORMAL')} at NORMAL | — |`,
    ],
    notes: [
      `engine: each round on a fresh copy of one seeded file in ${tmpdir()}; ${SIZES.applications} applications in the administrative check (one branch, one period); each event verifies or un-verifies the KTP, pass after pass`,
      `engine, per round: ${SIZES.limitEvents.toLocaleString('en-US')} limit transactions, ${SIZES.kaderEvents.toLocaleString('en-US')} Kader sends, ${SIZES.machineSteps.toLocaleString('en-US')} machine steps; ${SIZES.rounds} round(s), interleaved, median reported`,
      `engine, steady state: each side sends ${SIZES.untimed} untimed events on its copy before the clock starts (at full size enough to take the WAL past its first checkpoint, so it is reused as in a running server; until then each commit at FULL grows the file and costs more: workloads.ts)`,
      'engine limit: raw better-sqlite3, statements prepared once, one BEGIN IMMEDIATE transaction: select the application row, update it, insert its audit row (same schema and triggers, with the chain hash they require)',
      'engine Kader: `sendApplicationEvent` as a request calls it (parse, access, restore, transition, checks, write, audit, answer)',
      "machine step: `recruitmentEngine` restore + apply + persist on parsed snapshots, no I/O; its share is Kader's time per command spent in it",
    ],
  };
}

export const engine: Section = { name: 'engine', run: runEngine };
