import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type AuditChainBreak, chainBreaksInOrder, type DbHandle } from '@kader/db';
import { historyPages, REPLAYED_KINDS, replayRowCount } from './histories';
import type { AuditMismatch } from './replayEntity';
import {
  chainBreakMismatch,
  chainNotChecked,
  runTask,
  type TaskResult,
  type VerifyProgress,
  type VerifyReport,
  type VerifyTask,
} from './tasks';
import type { WorkerRequest } from './worker';
import type { WorkerScript } from './workerScript';

/** Audit row ids per seal task: big enough that a task's setup is noise, small enough to balance. */
const SEAL_SPAN = 16_384;

/**
 * Runs tasks somewhere: in this thread, or in a worker thread once it is `ready` (loaded, its
 * connection open); a runner whose start fails takes no task. `inFlight` tasks are handed to it at
 * a time (one unless told): a worker is handed its next task before it answers the last, because
 * its answer waits until this thread is between two tasks of its own, and the worker would idle.
 */
export type TaskRunner = { ready?: Promise<void>; inFlight?: number; run: (task: VerifyTask) => Promise<TaskResult> };

/** The tasks of one check, in the order their results are put together: seq, seals by id, replays by id. */
function plan(sqlite: DbHandle['sqlite']): VerifyTask[] {
  const { lo, hi } = sqlite.prepare('SELECT min(id) AS lo, max(id) AS hi FROM audit_events').get() as {
    lo: number | null;
    hi: number | null;
  };
  const tasks: VerifyTask[] = [{ kind: 'seq' }];
  if (lo !== null && hi !== null) {
    for (let from = lo; from <= hi; from += SEAL_SPAN)
      tasks.push({ kind: 'seal', fromId: from, toId: Math.min(from + SEAL_SPAN - 1, hi) });
  }
  for (const entity of REPLAYED_KINDS)
    for (const page of historyPages(sqlite, entity)) tasks.push({ kind: 'replay', entity, ...page });
  return tasks;
}

/** The seq task's breaks (the first task) and the seal tasks' breaks in range order. */
function splitBreaks([seq, ...rest]: TaskResult[]): [AuditChainBreak[], AuditChainBreak[]] {
  return [seq?.kind === 'chain' ? seq.breaks : [], rest.flatMap((r) => (r.kind === 'chain' ? r.breaks : []))];
}

/**
 * The check cut into tasks, each runner taking the next task when it finishes one, and the results
 * put back together in plan order: the same report, in the same order, as `verifyAuditLog` in one
 * thread. `handle` only plans (ids and counts).
 */
export async function verifyByTasks(
  handle: DbHandle,
  runners: TaskRunner[],
  onProgress?: (p: VerifyProgress) => void,
): Promise<VerifyReport> {
  const tasks = plan(handle.sqlite);
  const totals = {
    chain: handle.sqlite.prepare('SELECT count(*) FROM audit_events').pluck().get() as number,
    replay: replayRowCount(handle.sqlite),
  };
  const done = { chain: 0, replay: 0 };
  const results: TaskResult[] = new Array(tasks.length);
  const chainErrors: unknown[] = [];
  let next = 0;
  let allTaken = () => {};
  const exhausted = new Promise<void>((resolve) => {
    allTaken = resolve;
  });
  if (tasks.length === 0) allTaken();
  const lanes = runners.flatMap((runner) => Array.from({ length: runner.inFlight ?? 1 }, () => runner));
  await Promise.all(
    lanes.map(async ({ ready, run }) => {
      // a worker still loading when every task is taken (a small log) is not waited for
      const started = await Promise.race([(ready ?? Promise.resolve()).then(() => true), exhausted.then(() => false)]).catch(
        () => false,
      );
      while (started && next < tasks.length) {
        const n = next++;
        if (next === tasks.length) allTaken();
        const task = tasks[n]!;
        try {
          results[n] = await run(task);
        } catch (error) {
          // a chain task that cannot run (a database without the hash column) is reported as in one thread
          if (task.kind === 'replay') throw error;
          chainErrors.push(error);
          results[n] = { kind: 'chain', breaks: [], rows: 0 };
        }
        const { kind: phase, rows } = results[n]!;
        done[phase] += rows;
        onProgress?.({ phase, done: done[phase], total: Math.max(done[phase], totals[phase]) });
      }
    }),
  );
  const chain: AuditMismatch[] = chainErrors.length
    ? [chainNotChecked(chainErrors[0])]
    : chainBreaksInOrder(...splitBreaks(results)).map(chainBreakMismatch);
  const replayed = results.flatMap((r) => (r.kind === 'replay' ? r.mismatches : []));
  const checked = results.reduce((n, r) => n + (r.kind === 'replay' ? r.checked : 0), 0);
  return { checked, mismatches: [...chain, ...replayed] };
}

type Reply = { ready: true } | { n: number; result: TaskResult } | { n: number; error: string };

/** Tasks handed to a worker at a time: the one it runs and the next, waiting in its queue. */
const WORKER_IN_FLIGHT = 2;

/** A worker thread as a runner: ready when it says so, answers matched to requests by number, its failure every waiting request's. */
function workerRunner(worker: Worker): TaskRunner & { isReady: () => boolean } {
  const pending = new Map<number, { resolve: (r: TaskResult) => void; reject: (e: Error) => void }>();
  let sent = 0;
  let isReady = false;
  let markReady = () => {};
  let failStart: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failStart = reject;
  });
  ready.catch(() => {}); // a worker that never starts only means fewer threads
  let stopped: Error | null = null;
  const fail = (error: Error) => {
    stopped ??= error;
    failStart(error);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    if ('ready' in reply) {
      isReady = true;
      return markReady();
    }
    const p = pending.get(reply.n);
    pending.delete(reply.n);
    if ('error' in reply) p?.reject(new Error(reply.error));
    else p?.resolve(reply.result);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`verify worker stopped (exit code ${code})`)));
  return {
    ready,
    inFlight: WORKER_IN_FLIGHT,
    isReady: () => isReady,
    run: (task) =>
      new Promise<TaskResult>((resolve, reject) => {
        if (stopped) return reject(stopped); // a stopped worker would never answer
        const n = sent++;
        pending.set(n, { resolve, reject });
        worker.postMessage({ n, task } satisfies WorkerRequest);
      }),
  };
}

/** This thread as a runner; between tasks it lets the workers' replies in. */
function inThisThread(sqlite: DbHandle['sqlite']): TaskRunner {
  return {
    run: async (task) => {
      await new Promise((resolve) => setImmediate(resolve));
      return runTask(sqlite, task);
    },
  };
}

/**
 * verify-audit over `threads` threads (at most one per core): this one, which starts at once, and
 * worker threads, each on its own connection to `handle.file`, which join in when they have loaded.
 */
export async function verifyInWorkers(
  handle: DbHandle,
  script: WorkerScript,
  { onProgress, threads }: { onProgress?: (p: VerifyProgress) => void; threads: number },
): Promise<VerifyReport> {
  const count = Math.max(0, Math.min(threads, availableParallelism()) - 1);
  const workers = Array.from(
    { length: count },
    () => new Worker(script.script, { ...script.options, workerData: { file: handle.file } }),
  );
  const runners = workers.map(workerRunner);
  try {
    return await verifyByTasks(handle, [inThisThread(handle.sqlite), ...runners], onProgress);
  } finally {
    workers.forEach((worker, i) => {
      if (runners[i]!.isReady()) worker.postMessage({ n: null } satisfies WorkerRequest);
      else void worker.terminate();
    });
  }
}
