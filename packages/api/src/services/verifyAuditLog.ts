import type { DbHandle } from '@kader/db';
import { replayRowCount } from './verify/histories';
import { verifyInWorkers } from './verify/parallel';
import { verifyInThisThread } from './verify/plan';
import type { VerifyProgress, VerifyReport } from './verify/tasks';
import { verifyWorkerScript } from './verify/workerScript';

export { type AuditMismatch, REPLAY as replayFromStart } from './verify/replayEntity';
export type { VerifyProgress, VerifyReport } from './verify/tasks';

/**
 * Checks the audit log two ways. The hash chain over every row (any entity: branches, periods,
 * users, candidates have no machine to replay) shows a row changed, removed or slipped in after it
 * was written. Then every application's and contract's events are replayed from their recorded
 * starting input and compared with what is stored: the snapshot, the state column and the
 * revision (one per machine event). Then the report tables, against what each is kept from. The
 * check is cut into tasks (verify/plan.ts), each one pass over prepared statements in the order of
 * an index; a row the replay reads has its seal checked there, not read a second time. In this
 * thread, the tasks in turn; `verifyAuditLogInParallel` spreads them over threads.
 */
export function verifyAuditLog(
  handle: DbHandle,
  { onProgress }: { onProgress?: (p: VerifyProgress) => void } = {},
): VerifyReport {
  return verifyInThisThread(handle, onProgress);
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
