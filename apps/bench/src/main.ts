/**
 * Kader's speed beside the storage limit, measured side by side in one run (issue 10): events/s
 * through `sendApplicationEvent` in-process against raw better-sqlite3 doing the same storage work,
 * at synchronous=FULL (the product's) and NORMAL, and the pure machine step alone. Limit and Kader
 * rounds are interleaved (the order turns round each round) and the median is reported, every
 * round's value beside it. Writes bench/RESULTS.md.
 *
 *   pnpm bench             full size (~2 minutes on 2 cores), writes bench/RESULTS.md
 *   pnpm bench --smoke     tiny sizes, one round, prints only (CI: so it cannot rot)
 *   pnpm bench --profile   one Kader round under the CPU profiler: top functions by self time
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { profileKader } from './profile';
import { copyOf, kaderRound, limitRound, machineRound, seedTemplate, type Sync, sqliteFacts, storedSnapshots } from './workloads';

const USAGE = 'usage: pnpm bench [--smoke] [--profile]';
const args = process.argv.slice(2);
for (const a of args) {
  if (a !== '--smoke' && a !== '--profile') {
    console.error(`unknown argument ${a}\n${USAGE}`);
    process.exit(2);
  }
}
const smoke = args.includes('--smoke');
const profile = args.includes('--profile');

const SIZES = smoke
  ? { applications: 20, limitEvents: 400, kaderEvents: 80, machineSteps: 400, rounds: 1, warmup: 0 }
  : { applications: 200, limitEvents: 10_000, kaderEvents: 1_500, machineSteps: 10_000, rounds: 5, warmup: 1 };

const RESULTS = fileURLToPath(new URL('../../../bench/RESULTS.md', import.meta.url));

const rate = (r: number) => `${Math.round(r).toLocaleString('en-US')}/s`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** The median in bold, each round's value (in run order) after it. */
const cell = (xs: number[], each: (r: number) => string) =>
  xs.length === 1
    ? `**${rate(xs[0]!)}** (${each(xs[0]!)})`
    : `**${rate(median(xs))}** (${each(median(xs))}; rounds ${xs.map((x) => Math.round(x).toLocaleString('en-US')).join(' · ')})`;
const perCommand = (r: number) => (r >= 1000 ? `${(1e6 / r).toFixed(0)} µs each` : `${(1000 / r).toFixed(2)} ms each`);

const dir = mkdtempSync(join(tmpdir(), 'kader-bench-'));
const started = performance.now();
try {
  const template = join(dir, 'template.db');
  const seedStart = performance.now();
  seedTemplate(template, SIZES.applications);
  console.log(`seeded ${SIZES.applications} applications in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  let copies = 0;
  /** Runs one round on a fresh copy of the template, removed afterwards. */
  const onCopy = <T>(round: (file: string) => T): T => {
    const file = copyOf(template, join(dir, `round-${++copies}.db`));
    try {
      return round(file);
    } finally {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    }
  };

  if (profile) {
    onCopy((file) => kaderRound(file, 'FULL', Math.min(200, SIZES.kaderEvents))); // warm-up: JIT, not profiled
    const out = join(tmpdir(), `kader-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    const file = copyOf(template, join(dir, 'profiled.db'));
    console.log(await profileKader(file, SIZES.kaderEvents, out));
  } else {
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
    const steps: (() => void)[] = [
      () => limit.FULL.push(onCopy((file) => limitRound(file, 'FULL', SIZES.limitEvents))),
      () => kader.FULL.push(onCopy((file) => kaderRound(file, 'FULL', SIZES.kaderEvents))),
      () => machine.push(machineRound(snapshots, SIZES.machineSteps)),
      () => limit.NORMAL.push(onCopy((file) => limitRound(file, 'NORMAL', SIZES.limitEvents))),
      () => kader.NORMAL.push(onCopy((file) => kaderRound(file, 'NORMAL', SIZES.kaderEvents))),
    ];
    for (let r = 0; r < SIZES.rounds; r++) {
      // odd rounds run backwards, so neither side always runs first (warm caches, a checkpoint due)
      for (const step of r % 2 ? [...steps].reverse() : steps) step();
      console.log(
        `round ${r + 1}/${SIZES.rounds}: limit ${rate(limit.FULL[r]!)} FULL, ${rate(limit.NORMAL[r]!)} NORMAL; ` +
          `Kader ${rate(kader.FULL[r]!)} FULL, ${rate(kader.NORMAL[r]!)} NORMAL; machine step ${rate(machine[r]!)}`,
      );
    }

    const ratio = (s: Sync) => (median(kader[s]) / median(limit[s])).toFixed(3);
    const share = (s: Sync) => `${((100 * median(kader[s])) / median(machine)).toFixed(1)}%`;
    const sqlite = sqliteFacts(template);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const command = smoke ? 'pnpm bench --smoke' : 'pnpm bench';
    const cpu = cpus();
    const table = [
      '| figure | limit, same run | Kader | ratio |',
      '| --- | --- | --- | --- |',
      ...(['FULL', 'NORMAL'] as const).map(
        (s) =>
          `| events/s through \`sendApplicationEvent\`, in-process, synchronous=${s} | ${cell(limit[s], perCommand)} | ${cell(kader[s], perCommand)} | ${ratio(s)} |`,
      ),
      `| the pure machine step alone (restore + transition + persist) | — | ${cell(machine, perCommand)} | — |`,
      `| the machine step's share of a command | — | ${share('FULL')} at FULL, ${share('NORMAL')} at NORMAL | — |`,
    ].join('\n');
    const report = [
      table,
      '',
      `- machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, SQLite ${sqlite.version}`,
      `- connection: the product's \`openDatabase\` (${sqlite.pragmas}); each round on a fresh copy of one seeded file in ${tmpdir()}`,
      `- data: ${SIZES.applications} applications in the administrative check (one branch, one period); each event verifies or un-verifies the KTP, pass after pass`,
      `- per round: ${SIZES.limitEvents.toLocaleString('en-US')} limit transactions, ${SIZES.kaderEvents.toLocaleString('en-US')} Kader sends, ${SIZES.machineSteps.toLocaleString('en-US')} machine steps; ${SIZES.rounds} round(s), interleaved, median reported`,
      '- limit: raw better-sqlite3, statements prepared once, one BEGIN IMMEDIATE transaction: select the application row, update it, insert its audit row (same schema and triggers, with the chain hash they require)',
      '- Kader: `sendApplicationEvent` as a request calls it (parse, access, restore, transition, checks, write, audit, answer)',
      "- machine step: `recruitmentEngine` restore + apply + persist on parsed snapshots, no I/O; its share is Kader's time per command spent in it",
      `- run took ${seconds} s`,
    ].join('\n');
    console.log(report);
    if (smoke) {
      console.log('smoke run: bench/RESULTS.md left as it was');
    } else {
      const header = [
        '# Benchmark results',
        '',
        `Regenerated by \`pnpm bench\` (\`npx pnpm@10 bench\` without a global pnpm); do not edit by hand.`,
        `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${command}\`.`,
      ].join('\n');
      writeFileSync(RESULTS, `${header}\n\n${report}\n`);
      console.log(`written to ${RESULTS}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
