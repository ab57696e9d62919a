import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DbHandle } from '@kader/db';
import { plan, progressOf, reportOf, settled } from './plan';
import { runTask, type TaskResult, type VerifyProgress, type VerifyReport, type VerifyTask } from './tasks';
import type { WorkerRequest } from './worker';
import type { WorkerScript } from './workerScript';

/**
 * Runs tasks somewhere: in this thread, or in a worker thread once it is `ready` (loaded, its
 * connection open); a runner whose start fails takes no task. `inFlight` tasks are handed to it at
 * a time (one unless told): a worker is handed its next task before it answers the last, because
 * its answer waits until this thread is between two tasks of its own, and the worker would idle.
 */
export type TaskRunner = {
  ready?: Promise<void>;
  inFlight?: number;
  /** takes its tasks from the end of the plan (this thread: see verifyByTasks) */
  fromTheEnd?: boolean;
  run: (task: VerifyTask) => Promise<TaskResult>;
};

/**
 * The check cut into tasks, each runner taking the next task when it finishes one, and the results
 * put back together: the same report, in the same order, as `verifyAuditLog` in one thread.
 * `handle` only plans (ids and counts).
 *
 * This thread hands the workers their tasks, and only between two tasks of its own: so it takes
 * its own from the end of the plan (short replay pages), and the workers take the long ones at the
 * start (the report tables' checks, ~0.6 s each at 12,000 applications). Taken here, a long one had
 * left a worker idle for as long (its answers and its next tasks waiting), a tenth of the check.
 */
export async function verifyByTasks(
  handle: DbHandle,
  runners: TaskRunner[],
  onProgress?: (p: VerifyProgress) => void,
): Promise<VerifyReport> {
  const tasks = plan(handle.sqlite);
  const count = progressOf(handle, onProgress);
  const results: TaskResult[] = new Array(tasks.length);
  let head = 0;
  let tail = tasks.length - 1;
  let allTaken = () => {};
  const exhausted = new Promise<void>((resolve) => {
    allTaken = resolve;
  });
  if (tasks.length === 0) allTaken();
  const lanes = runners.flatMap((runner) => Array.from({ length: runner.inFlight ?? 1 }, () => runner));
  await Promise.all(
    lanes.map(async ({ ready, run, fromTheEnd }) => {
      // a worker still loading when every task is taken (a small log) is not waited for
      const started = await Promise.race([(ready ?? Promise.resolve()).then(() => true), exhausted.then(() => false)]).catch(
        () => false,
      );
      while (started && head <= tail) {
        const n = fromTheEnd ? tail-- : head++;
        if (head > tail) allTaken();
        const task = tasks[n]!;
        try {
          results[n] = await run(task);
        } catch (error) {
          results[n] = settled(task, error);
        }
        count(results[n]!);
      }
    }),
  );
  return reportOf(results);
}

type Reply = { ready: true } | { n: number; result: TaskResult } | { n: number; error: string };

/** Tasks handed to a worker at a time: the one it runs and the next, waiting in its queue. */
const WORKER_IN_FLIGHT = 2;

/**
 * A worker thread as a runner: ready when it says so, answers matched to requests by number, its
 * failure every waiting request's and told to `onFailure` (unless it comes after `finish`, when
 * the worker is told to stop).
 */
function workerRunner(
  worker: Worker,
  onFailure: (error: Error) => void,
): TaskRunner & { ready: Promise<void>; isReady: () => boolean; finish: () => void } {
  let finished = false;
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
    if (!stopped && !finished) onFailure(error);
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
    finish: () => {
      finished = true;
    },
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
function inThisThread(handle: DbHandle): TaskRunner {
  return {
    fromTheEnd: true,
    run: async (task) => {
      await new Promise((resolve) => setImmediate(resolve));
      return runTask(handle, task);
    },
  };
}

/**
 * verify-audit over `threads` threads (at most one per core): this one, which starts at once, and
 * worker threads, each on its own connection to `handle.file`, which join in when they have loaded.
 * A worker that cannot start or stops (a bundle that cannot find better-sqlite3 from where it
 * lies) leaves its tasks to the others and is told to `onWorkerFailure`: the report is the same,
 * only slower, so the caller says so.
 */
export async function verifyInWorkers(
  handle: DbHandle,
  script: WorkerScript,
  {
    onProgress,
    threads,
    onWorkerFailure = () => {},
  }: { onProgress?: (p: VerifyProgress) => void; threads: number; onWorkerFailure?: (error: Error) => void },
): Promise<VerifyReport> {
  const count = Math.max(0, Math.min(threads, availableParallelism()) - 1);
  const workers = Array.from(
    { length: count },
    () => new Worker(script.script, { ...script.options, workerData: { file: handle.file } }),
  );
  const runners = workers.map((worker) => workerRunner(worker, onWorkerFailure));
  try {
    return await verifyByTasks(handle, [inThisThread(handle), ...runners], onProgress);
  } finally {
    // A worker still loading when the check is done (a log small for threads) is waited for, so that
    // one that cannot start is still told of: at the sizes threads are used for, it has long loaded.
    await Promise.all(runners.map((r) => r.ready.catch(() => {})));
    workers.forEach((worker, i) => {
      runners[i]!.finish();
      if (runners[i]!.isReady()) worker.postMessage({ n: null } satisfies WorkerRequest);
      else void worker.terminate();
    });
  }
}
