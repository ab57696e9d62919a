import { checkAuditChain, type DbHandle } from '@kader/db';
import { histories, REPLAYED_KINDS, replayRowCount } from './verify/histories';
import { verifyInWorkers } from './verify/parallel';
import { type AuditMismatch, replayedMismatch } from './verify/replayEntity';
import {
  chainBreakMismatch,
  chainNotChecked,
  READ_MODEL_CHECK_NAMES,
  READ_MODEL_CHECKS,
  type VerifyProgress,
  type VerifyReport,
} from './verify/tasks';
import { verifyWorkerScript } from './verify/workerScript';

export type { AuditMismatch } from './verify/replayEntity';
export type { VerifyProgress, VerifyReport } from './verify/tasks';

const PROGRESS_EVERY = 4096;

/** Every break in the hash chain, named by the entity whose audit row it is in. */
function chainMismatches(handle: DbHandle, onProgress?: (p: VerifyProgress) => void): AuditMismatch[] {
  try {
    return checkAuditChain(handle.sqlite, onProgress && ((done, total) => onProgress({ phase: 'chain', done, total }))).map(
      chainBreakMismatch,
    );
  } catch (error) {
    return [chainNotChecked(error)];
  }
}

/**
 * Checks the audit log two ways. The hash chain over every row (any entity: branches, periods,
 * users, candidates have no machine to replay) shows a row changed, removed or slipped in after it
 * was written. Then every application's and contract's events are replayed from their recorded
 * starting input and compared with what is stored: the snapshot, the state column and the
 * revision (one per machine event). Each is one pass over prepared statements in the order of an
 * index (the chain by id, the histories by entity and seq, a page of entities per query), the
 * replay entity by entity as its rows arrive. In this thread; `verifyAuditLogInParallel` spreads
 * the same work over worker threads.
 */
/** The report tables' checks (verify/tasks.ts), after the log's, with their own line of progress: ~4 s of CPU at 100,000 applications. */
function readModelsChecked(handle: DbHandle, onProgress?: (p: VerifyProgress) => void) {
  const total = READ_MODEL_CHECK_NAMES.length;
  onProgress?.({ phase: 'readModels', done: 0, total });
  return READ_MODEL_CHECK_NAMES.flatMap((check, n) => {
    const found = READ_MODEL_CHECKS[check](handle);
    onProgress?.({ phase: 'readModels', done: n + 1, total });
    return found;
  });
}

export function verifyAuditLog(
  handle: DbHandle,
  { onProgress }: { onProgress?: (p: VerifyProgress) => void } = {},
): VerifyReport {
  const mismatches = chainMismatches(handle, onProgress);
  const total = onProgress ? replayRowCount(handle.sqlite) : 0;
  let done = 0;
  let reported = 0;
  let checked = 0;
  for (const kind of REPLAYED_KINDS) {
    for (const history of histories(handle.sqlite, kind)) {
      const m = replayedMismatch(kind, history);
      if (m) mismatches.push(m);
      checked++;
      done += history.rows.length;
      if (onProgress && done - reported >= PROGRESS_EVERY) {
        onProgress({ phase: 'replay', done, total });
        reported = done;
      }
    }
  }
  onProgress?.({ phase: 'replay', done, total: Math.max(done, total) });
  return { checked, mismatches: [...mismatches, ...readModelsChecked(handle, onProgress)] };
}

/**
 * Starting a worker costs its module load (measured 1-3 s of CPU under tsx on this 2-core machine,
 * less from a bundle): a log with fewer rows to replay than this takes about that in one thread.
 */
const WORKERS_FROM_ROWS = 50_000;

/**
 * The same check and report over threads (`threads`, two by default: the machine's cores): this
 * one and worker threads, each with its own connection to the database file. Runs in this thread
 * alone when the log is small (fewer rows to replay than `workersFrom`), when there is no file (an
 * in-memory database) or no worker this process can start (see verify/workerScript.ts). `worker`
 * names a bundled worker script to start (apps/server's dist/verify-worker.js) when this process
 * has none beside its entry script; `onWorkerFailure` hears of a worker that could not start or
 * stopped (the check goes on in the other threads).
 */
export async function verifyAuditLogInParallel(
  handle: DbHandle,
  {
    onProgress,
    threads = 2,
    workersFrom = WORKERS_FROM_ROWS,
    worker,
    onWorkerFailure,
  }: {
    onProgress?: (p: VerifyProgress) => void;
    threads?: number;
    workersFrom?: number;
    worker?: string;
    onWorkerFailure?: (error: Error) => void;
  } = {},
): Promise<VerifyReport> {
  const large = () => replayRowCount(handle.sqlite) >= workersFrom;
  const script = handle.file !== ':memory:' && threads >= 2 && large() ? verifyWorkerScript(worker) : null;
  if (!script) return verifyAuditLog(handle, { onProgress });
  return verifyInWorkers(handle, script, { onProgress, threads, onWorkerFailure });
}
