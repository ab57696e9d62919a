import type { SnapshotFrom } from 'xstate';
import { machineEngine } from '../machine/engine';
import { type Message, msg } from '../text/catalogue';
import { DECISION_REASON_MIN_LENGTH, type ContractEvent, parseContractEvent } from './events';
import {
  buildContractMachine,
  CONTRACT_MACHINE_VERSION,
  contractMachine,
  decisionJustified,
  lateDecisionJustified,
  type ContractState,
} from './machine';
import { contractMigrations } from './migrations';

/**
 * The contract machine's engine (start, restore, apply, replay: `machine/engine.ts`, the same shape
 * as the recruitment's), with why an event was refused. Nothing here reads a clock or a database:
 * the scheduler passes `today` in (`contractDueEvents`), and the server fills a decision's
 * recommendation from the scorecard before recording the event.
 */
export type ContractSnapshot = SnapshotFrom<typeof contractMachine>;

/**
 * Every contract definition that ever wrote a stored snapshot stays here, so an old event replays
 * through the version it was recorded under. A new version adds an entry and a step in migrations.ts.
 */
export const CONTRACT_MACHINES: Record<number, typeof contractMachine> = {
  1: buildContractMachine(1),
  2: contractMachine,
};

export const contractEngine = machineEngine<typeof contractMachine, ContractEvent, ContractState>({
  name: 'contract',
  versions: CONTRACT_MACHINES,
  migrations: contractMigrations,
  parseEvent: parseContractEvent,
  explainRefusal: explainContractRefusal,
});

export const startContract = contractEngine.start;
export const persistContract = contractEngine.persist;
export const restoreContract = contractEngine.restore;
export const contractStateOf = contractEngine.stateOf;
/** Event types the current state handles (a guard may still refuse one: see `explainContractRefusal`). */
export const contractAllowedEvents = contractEngine.allowedEvents;
export const applyContractEvent = contractEngine.apply;
/**
 * Rebuilds a contract from its audit events alone. The events carry everything (a decision carries
 * the recommendation the server filled in), so nothing is recomputed.
 */
export const replayContract = contractEngine.replay;
export const migrateContractSnapshot = contractEngine.migrate;
export type ContractApplied = ReturnType<typeof applyContractEvent>;

/** Why a refused event was refused, as a message a supervisor can act on. */
export function explainContractRefusal(snapshot: ContractSnapshot, event: ContractEvent): Message {
  const ctx = snapshot.context;
  const state = contractStateOf(snapshot);
  if (!contractAllowedEvents(snapshot).includes(event.type)) {
    if (event.type === 'DECIDE_RENEWAL' && state === 'active') {
      return msg('DECISION_BEFORE_EVALUATION', { evaluationDueOn: ctx.evaluationDueOn });
    }
    if ((event.type === 'RESIGN' || event.type === 'TERMINATE') && state === 'decided') {
      return msg('CONTRACT_EXIT_AFTER_DECISION', { event: event.type });
    }
    return msg('EVENT_NOT_ALLOWED', { event: event.type, state, machine: 'contract' });
  }
  switch (event.type) {
    case 'DECIDE_RENEWAL':
      if (decisionJustified(event)) break;
      return msg('DECISION_NEEDS_REASON', {
        kind: event.decision === 'drop' ? 'drop' : 'againstRecommendation',
        minimum: DECISION_REASON_MIN_LENGTH,
      });
    case 'DECIDE_LATE':
      if (lateDecisionJustified(event)) break;
      return msg('DECISION_NEEDS_REASON', { kind: 'late', minimum: DECISION_REASON_MIN_LENGTH });
    case 'RESIGN':
    case 'TERMINATE':
      return msg('CONTRACT_EXIT_DATE_OUTSIDE', {
        event: event.type,
        date: event.date,
        startDate: ctx.startDate,
        endDate: ctx.endDate,
      });
  }
  return msg('CONTRACT_EVENT_REFUSED', { event: event.type, state });
}

/**
 * The scheduler's events that are due on `today` (`YYYY-MM-DD`, the branch's date), in order:
 * EVALUATION_DUE once the evaluation date is reached, AGREEMENT_ENDED once the end date is over
 * (the end date is the agreement's last day). A contract past its end only needs AGREEMENT_ENDED.
 */
export function contractDueEvents(snapshot: ContractSnapshot, today: string): ContractEvent[] {
  const ctx = snapshot.context;
  const state = contractStateOf(snapshot);
  const open = state === 'active' || state === 'evaluationDue' || state === 'decided';
  if (open && today > ctx.endDate) return [{ type: 'AGREEMENT_ENDED' }];
  if (state === 'active' && today >= ctx.evaluationDueOn) return [{ type: 'EVALUATION_DUE' }];
  return [];
}

export { CONTRACT_MACHINE_VERSION };
