import { chainBreaksInOrder, type DbHandle } from '@kader/db';
import { historyPages, REPLAYED_KINDS, replayRowCount } from './histories';
import {
  chainBreakMismatch,
  chainNotChecked,
  READ_MODEL_CHECK_NAMES,
  runTask,
  type TaskResult,
  type VerifyProgress,
  type VerifyReport,
  type VerifyTask,
} from './tasks';

/** Audit row ids per seal task: big enough that a task's setup is noise, small enough to balance. */
const SEAL_SPAN = 16_384;

/**
 * The tasks of one check. The report tables' checks come first: each is one long task (the funnel's
 * ~0.6 s of CPU at 12,000 applications), which the workers take from the start of the plan while
 * the thread that hands out the tasks goes through the short ones from its end (parallel.ts); taken
 * last, a long one would run alone after the others. Then the seq numbering, the seals by id and
 * the replays by entity id. The results are put together by kind (`reportOf`), whatever the order
 * they were run in.
 */
export function plan(sqlite: DbHandle['sqlite']): VerifyTask[] {
  const { lo, hi } = sqlite.prepare('SELECT min(id) AS lo, max(id) AS hi FROM audit_events').get() as {
    lo: number | null;
    hi: number | null;
  };
  const tasks: VerifyTask[] = READ_MODEL_CHECK_NAMES.map((check) => ({ kind: 'readModel', check }));
  tasks.push({ kind: 'seq' });
  if (lo !== null && hi !== null) {
    for (let from = lo; from <= hi; from += SEAL_SPAN)
      tasks.push({ kind: 'seal', fromId: from, toId: Math.min(from + SEAL_SPAN - 1, hi) });
  }
  for (const entity of REPLAYED_KINDS)
    for (const page of historyPages(sqlite, entity)) tasks.push({ kind: 'replay', entity, ...page });
  return tasks;
}

/**
 * A task's result, or what a chain task that cannot run gives (a database without the hash
 * column): the chain reported as not checked, as one thread reports it. Any other failure is thrown.
 */
export function settled(task: VerifyTask, error: unknown): TaskResult {
  if (task.kind !== 'seq' && task.kind !== 'seal') throw error;
  return { kind: 'chain', seq: [], content: [], links: [], rows: 0, notChecked: error };
}

/** Counts each result into its phase's progress and tells `onProgress` (totals read once, up front). */
export function progressOf(handle: DbHandle, onProgress?: (p: VerifyProgress) => void): (result: TaskResult) => void {
  if (!onProgress) return () => {};
  const totals = {
    chain: handle.sqlite.prepare('SELECT count(*) FROM audit_events').pluck().get() as number,
    replay: replayRowCount(handle.sqlite),
    readModels: READ_MODEL_CHECK_NAMES.length,
  };
  const done = { chain: 0, replay: 0, readModels: 0 };
  return ({ kind: phase, rows }) => {
    done[phase] += rows;
    onProgress({ phase, done: done[phase], total: Math.max(done[phase], totals[phase]) });
  };
}

/**
 * The results put together, in the report's order: the chain's breaks by audit row id (within a
 * row its seq break, its content break, its link break), then the replays' mismatches by entity,
 * then the report tables'.
 */
export function reportOf(results: TaskResult[]): VerifyReport {
  const chains = results.flatMap((r) => (r.kind === 'chain' ? [r] : []));
  const failed = chains.find((r) => r.notChecked !== undefined);
  const content = results.flatMap((r) => (r.kind === 'chain' || r.kind === 'replay' ? r.content : []));
  const chain = failed
    ? [chainNotChecked(failed.notChecked)]
    : chainBreaksInOrder(
        chains.flatMap((r) => r.seq),
        content,
        chains.flatMap((r) => r.links),
      ).map(chainBreakMismatch);
  const found = (kind: 'replay' | 'readModels') => results.flatMap((r) => (r.kind === kind ? r.mismatches : []));
  const checked = results.reduce((n, r) => n + (r.kind === 'replay' ? r.checked : 0), 0);
  return { checked, mismatches: [...chain, ...found('replay'), ...found('readModels')] };
}

/** The whole check in this thread: every task of the plan in turn. */
export function verifyInThisThread(handle: DbHandle, onProgress?: (p: VerifyProgress) => void): VerifyReport {
  const count = progressOf(handle, onProgress);
  return reportOf(
    plan(handle.sqlite).map((task) => {
      let result: TaskResult;
      try {
        result = runTask(handle, task);
      } catch (error) {
        result = settled(task, error);
      }
      count(result);
      return result;
    }),
  );
}
