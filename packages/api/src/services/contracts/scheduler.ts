import { getContract, listContractsDue, type DbHandle } from '@kader/db';
import { CONTRACT_OPEN_STATES, contractDueEvents, dateInZone, restoreContract } from '@kader/workflow';
import { applyToContract } from './lifecycle';
import { branchTodays } from './shared';

/** A contract the run could not act on (a damaged row, a refused event): the others go on. */
export type SchedulerFailure = { contractId: number; error: string };

export type SchedulerRun = {
  checked: number;
  sent: { contractId: number; type: string; to: string }[];
  failures: SchedulerFailure[];
};

/** The scheduler acts as the system, under this name in the audit log. */
export const SCHEDULER_ACTOR = 'penjadwal';

/**
 * Sends the date-driven events (EVALUATION_DUE, AGREEMENT_ENDED) whose dates have passed in each
 * branch's own zone. Deadlines are columns, not timers, so this is safe to run at any time and as
 * often as wanted: it acts on the state it finds (idempotent), and after a restart or downtime
 * one run catches up everything that fell due meanwhile. Only contracts with a date reached are
 * read (by index), each then decided on its branch's own date. Each event is its own transaction.
 * A contract that throws is rolled back alone and listed in `failures`: one bad row must not keep
 * every contract after it from its deadlines. The caller logs them; the next run tries again.
 */
export function runContractScheduler(handle: DbHandle, now: Date): SchedulerRun {
  const run: SchedulerRun = { checked: 0, sent: [], failures: [] };
  // The latest "today" among the branches' zones: what is due anywhere is due by then.
  // (no branch: nothing is due)
  const latestToday = branchTodays(handle.db, now).at(-1) ?? '';
  const due = listContractsDue(handle.db, { openStates: CONTRACT_OPEN_STATES, awaitingEvaluation: 'active', today: latestToday });
  for (const { id, timeZone } of due) {
    run.checked += 1;
    try {
      sendDueEvents(handle, id, dateInZone(now, timeZone), now, run.sent);
    } catch (error) {
      run.failures.push({ contractId: id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return run;
}

/**
 * Sends everything one contract owes on `today`, each event in its own transaction, pushing each
 * into `sent` as it commits (so an event sent before a later one throws is still reported).
 */
function sendDueEvents(handle: DbHandle, id: number, today: string, now: Date, sent: SchedulerRun['sent']): void {
  // A contract can owe more than one event after downtime (due, then ended): repeat until none.
  for (let guard = 0; guard < 3; guard++) {
    const done = handle.db.transaction(
      (tx) => {
        const row = getContract(tx, id);
        if (!row) return null;
        const [event] = contractDueEvents(restoreContract({ version: row.machineVersion, persisted: row.snapshot }), today);
        if (!event) return null;
        const after = applyToContract(tx, {
          row,
          revision: row.revision,
          event,
          actor: SCHEDULER_ACTOR,
          at: now.toISOString(),
        });
        return { contractId: id, type: event.type, to: after.state };
      },
      { behavior: 'immediate' },
    );
    if (!done) return;
    sent.push(done);
  }
}
