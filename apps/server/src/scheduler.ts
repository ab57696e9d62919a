import { runContractScheduler } from '@kader/api';
import { deleteLoginFailuresBefore, LOGIN_FAILURE_WINDOW_MS, type DbHandle } from '@kader/db';

/**
 * Runs the contract scheduler once at start (catching up whatever fell due while the server was
 * down) and then every `intervalMs`. Deadlines live in the database as dates, so a missed tick
 * costs nothing: the next one acts on the same dates. An error is logged and the next tick tries again.
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
    } catch (err) {
      log(`scheduler: tick failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    try {
      deleteLoginFailuresBefore(handle.db, new Date(at.getTime() - LOGIN_FAILURE_WINDOW_MS).toISOString());
    } catch (err) {
      log(`scheduler: pruning sign-in failures failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  tick();
  const timer = setInterval(tick, opts.intervalMs ?? 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
