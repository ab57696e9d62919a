/**
 * The verify-audit section: `kader verify-audit` beside its limit, the pure replay of the same
 * events (validation + machine step, events already parsed in memory, no I/O), side by side in one
 * run on one database from the bulk generator. Counted in events: the audit rows of the
 * applications and contracts, which both sides go through (the check also hashes every row of the
 * log). The raw read of the event table is measured too, as context. Rounds interleaved (the order
 * turns round each round), median reported.
 */
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { verifyAuditLog, verifyAuditLogInParallel } from '@kader/api';
import { type DbHandle, openDatabase } from '@kader/db';
import { bulkDatabase } from './bulkData';
import { cell, median, perCommand, rate } from './figures';
import { runToEnd } from './http/processes';
import type { Section, SectionRun } from './section';
import type { LimitReady, LimitRound } from './verifyLimit';

const SERVER_DIR = fileURLToPath(new URL('../../server', import.meta.url));

/**
 * `kader verify-audit` runs from the server's bundle and starts its worker threads from the bundled
 * worker beside it (apps/server/build.ts); built here from the current sources, so the check's
 * workers start as the product's do, not through tsx (~1.5 s of CPU each to load the sources). Under
 * apps/server/dist, as the product's: the bundle finds better-sqlite3 (left out of it) from where it
 * lies. Built under /tmp it could not, and every round ran in one thread.
 */
async function builtWorker(): Promise<string> {
  const dir = join(SERVER_DIR, 'dist', 'bench');
  await runToEnd(process.execPath, ['--import', 'tsx', 'build.ts', join(dir, 'cli.js')], SERVER_DIR);
  return join(dir, 'verify-worker.js');
}

// the smoke size is under the check's worker threshold: `workersFrom: 0` still takes the threads' path
const verifySizes = (smoke: boolean) =>
  smoke ? { applications: 300, rounds: 1, workersFrom: 0 } : { applications: 12_000, rounds: 3, workersFrom: undefined };

/** CPU seconds of this process (every thread) since `from`: the second view when other work shares the cores. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(from);
  return (user + system) / 1e6;
};

type Measured = { rate: number; cpuSeconds: number };

/**
 * The limit in a process of its own (verifyLimit.ts says why), loaded once: a round asked for is
 * answered with its figures.
 */
async function limitProcess(file: string): Promise<{ rows: number; round: () => Promise<Measured>; stop: () => void }> {
  const child = fork(fileURLToPath(new URL('./verifyLimit.ts', import.meta.url)), [file], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the pure replay's process exited (code ${code})`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        resolve(m as T);
      });
    });
  const { rows } = await next<LimitReady>();
  return {
    rows,
    round: () => {
      const answer = next<LimitRound>();
      child.send('round');
      return answer;
    },
    stop: () => {
      if (child.connected) child.send('stop');
    },
  };
}

/** Kader: the check as `kader verify-audit` runs it. Returns events/s, the CPU seconds of every thread and CPU time over wall time (threads at work). */
async function kaderVerify(
  handle: DbHandle,
  rows: number,
  inParallel: { workersFrom?: number | undefined; worker: string } | false,
): Promise<Measured & { cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const failed: Error[] = [];
  const report = inParallel
    ? await verifyAuditLogInParallel(handle, { ...inParallel, onWorkerFailure: (e) => failed.push(e) })
    : verifyAuditLog(handle);
  const wall = performance.now() - t0;
  // a worker that does not start leaves its tasks to this thread: the figure would be one thread's
  if (failed[0]) throw new Error(`a verify-audit worker thread stopped: ${failed[0].message}`);
  const cpuSeconds = cpuSince(cpu0);
  if (report.mismatches.length > 0)
    throw new Error(`verify-audit found ${report.mismatches.length} mismatch(es) in generated data`);
  return { rate: rows / (wall / 1000), cpuSeconds, cpu: (cpuSeconds * 1000) / wall };
}

/** Context: every column of every audit row, in id order, as stored. Returns rows/s. */
function rawRead(handle: DbHandle): number {
  const t0 = performance.now();
  let n = 0;
  for (const _row of handle.sqlite.prepare('SELECT * FROM audit_events ORDER BY id').raw().iterate()) n++;
  return n / ((performance.now() - t0) / 1000);
}

async function runVerify({ smoke, dir }: SectionRun) {
  const SIZES = verifySizes(smoke);
  const file = join(dir, 'verify.db');
  const summary = await bulkDatabase(file, SIZES.applications, { label: 'verify' });
  const inParallel = { workersFrom: SIZES.workersFrom, worker: await builtWorker() };
  const pure = await limitProcess(file);
  const handle = openDatabase(file);
  try {
    const rows = pure.rows;
    const allRows = handle.sqlite.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
    // warm-up: JIT for both sides, the file in the page cache
    await pure.round();
    await kaderVerify(handle, rows, inParallel);

    const limit: number[] = [];
    const parallel: number[] = [];
    const oneThread: number[] = [];
    const raw: number[] = [];
    const cpu: number[] = [];
    // CPU seconds per round: pure replay, verify-audit (all its threads), verify-audit in one thread
    const cpuSeconds = { limit: [] as number[], parallel: [] as number[], oneThread: [] as number[] };
    const load0 = loadavg()[0]!;
    const steps: (() => Promise<void> | void)[] = [
      async () => {
        const p = await pure.round();
        limit.push(p.rate);
        cpuSeconds.limit.push(p.cpuSeconds);
      },
      async () => {
        const k = await kaderVerify(handle, rows, inParallel);
        parallel.push(k.rate);
        cpu.push(k.cpu);
        cpuSeconds.parallel.push(k.cpuSeconds);
      },
      async () => {
        const k = await kaderVerify(handle, rows, false);
        oneThread.push(k.rate);
        cpuSeconds.oneThread.push(k.cpuSeconds);
      },
      () => void raw.push(rawRead(handle)),
    ];
    const s = (xs: number[], r: number) => `${xs[r]!.toFixed(2)} s`;
    for (let r = 0; r < SIZES.rounds; r++) {
      for (const step of r % 2 ? [...steps].reverse() : steps) await step();
      console.log(
        `verify round ${r + 1}/${SIZES.rounds}: pure replay ${rate(limit[r]!)}, verify-audit ${rate(parallel[r]!)} ` +
          `(one thread ${rate(oneThread[r]!)}), raw read ${rate(raw[r]!)}; CPU: pure replay ${s(cpuSeconds.limit, r)}, ` +
          `verify-audit ${s(cpuSeconds.parallel, r)}, one thread ${s(cpuSeconds.oneThread, r)}`,
      );
    }
    const ratio = (xs: number[]) => (median(xs) / median(limit)).toFixed(2);
    const cpuRatio = (xs: number[]) => (median(cpuSeconds.limit) / median(xs)).toFixed(2);
    return {
      rows: [
        `| verify-audit, events/s (\`verifyAuditLogInParallel\`, as \`kader verify-audit\`) vs the pure replay of the same events | ${cell(limit, perCommand)} | ${cell(parallel, perCommand)} | ${ratio(parallel)} |`,
        `| verify-audit in one thread (\`verifyAuditLog\`) | ${cell(limit, perCommand)} | ${cell(oneThread, perCommand)} | ${ratio(oneThread)} |`,
        `| a raw read of the event table (every column, id order; context) | ${cell(raw, perCommand)} | — | — |`,
      ],
      notes: [
        `verify: one database from the bulk generator, ${summary.applications.toLocaleString('en-US')} applications, ${summary.contracts.toLocaleString('en-US')} contracts, ${allRows.toLocaleString('en-US')} audit rows of which ${rows.toLocaleString('en-US')} are the applications' and contracts' (the events counted on both sides); ${SIZES.rounds} round(s), interleaved, median reported`,
        "verify limit: `replayRecruitment` / `replayContract` of every entity from its recorded start (zod validation + machine step + persist), events parsed in memory beforehand, one thread, in a process of its own (apps/bench/src/verifyLimit.ts: its 121k parsed events in the check's heap made the check's garbage collection dearer)",
        `verify Kader: the hash chain over every audit row, then every application and contract replayed and compared with its stored snapshot, state and revision, read from the file; in parallel over worker threads started from the bundled worker (\`apps/server/build.ts\`, as \`kader verify-audit\` starts them), CPU time / wall time ${median(cpu).toFixed(2)} (1 = one core busy)`,
        `verify CPU time (median seconds, every thread of the process measured): pure replay ${median(cpuSeconds.limit).toFixed(2)}, verify-audit ${median(cpuSeconds.parallel).toFixed(2)} (ratio ${cpuRatio(cpuSeconds.parallel)}), in one thread ${median(cpuSeconds.oneThread).toFixed(2)} (ratio ${cpuRatio(cpuSeconds.oneThread)}); load average ${load0.toFixed(1)} at the start of the rounds, ${loadavg()[0]!.toFixed(1)} at the end (other work on the cores slows the wall-time figures)`,
      ],
    };
  } finally {
    handle.close();
    pure.stop();
  }
}

export const verify: Section = { name: 'verify', run: runVerify };
