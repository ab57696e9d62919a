import { runContractScheduler } from '@kader/api';
import { deleteLoginFailuresBefore, LOGIN_FAILURE_WINDOW_MS, type DbHandle } from '@kader/db';

/**
 * What /health shows of the scheduler: when it last ran and how many contracts it could not act on.
 * `failures` counts contracts; a run that failed as a whole (e.g. the database) also sets `error`.
 */
export type SchedulerStatus = { lastRunAt: string; failures: number; error?: string };

// Keyed by the database handle: the scheduler and the server share it, and nothing else needs to be passed.
const lastRuns = new WeakMap<DbHandle, SchedulerStatus>();

/** The last run of the scheduler started on this database in this process, if any ran. */
export function lastSchedulerRun(handle: DbHandle): SchedulerStatus | undefined {
  return lastRuns.get(handle);
}

/**
 * Runs the contract scheduler once at start (catching up whatever fell due while the server was
 * down) and then every `intervalMs`. Deadlines live in the database as dates, so a missed tick
 * costs nothing: the next one acts on the same dates. A contract that fails is logged and skipped (the
 * others go on); an error of the whole run is logged; either way the next tick tries again.
 * Each tick also deletes failed sign-ins that have left the limit's window: a sign-in prunes only
 * its own account and address, so keys never tried again would otherwise stay for good.
 */
export function startScheduler(
  handle: DbHandle,
  opts: { intervalMs?: number; now?: () => Date; log?: (line: string) => void } = {},
): { stop(): void; tick(): void } {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((line: string) => console.log(line));
  const tick = () => {
    const at = now();
    try {
      const run = runContractScheduler(handle, at);
      for (const s of run.sent) log(`scheduler: contract ${s.contractId} ${s.type} -> ${s.to}`);
      for (const f of run.failures) log(`scheduler: contract ${f.contractId} failed: ${f.error}`);
      lastRuns.set(handle, { lastRunAt: at.toISOString(), failures: run.failures.length });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      log(`scheduler: tick failed: ${error}`);
      lastRuns.set(handle, { lastRunAt: at.toISOString(), failures: 0, error });
    }
    try {
      deleteLoginFailuresBefore(handle.db, { before: new Date(at.getTime() - LOGIN_FAILURE_WINDOW_MS).toISOString() });
    } catch (err) {
      log(`scheduler: pruning sign-in failures failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  tick();
  const timer = setInterval(tick, opts.intervalMs ?? 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
