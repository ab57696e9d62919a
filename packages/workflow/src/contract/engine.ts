import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { StoredSnapshot } from '../recruitment/engine';
import { DECISION_REASON_MIN_LENGTH, type ContractEvent, type ContractEventType } from './events';
import {
  CONTRACT_MACHINE_VERSION,
  CONTRACT_STATE_LABELS,
  contractMachine,
  decisionJustified,
  lateDecisionJustified,
  type ContractInput,
  type ContractState,
} from './machine';
import { migrateContractSnapshot } from './migrations';

/**
 * The pure face of the contract machine for the server: start, restore, apply an event. Nothing
 * here reads a clock or a database: the scheduler passes `today` in (`contractDueEvents`), and the
 * server fills a decision's recommendation from the scorecard before recording the event.
 */
export type ContractSnapshot = SnapshotFrom<typeof contractMachine>;
/** What is stored: JSON of the persisted snapshot plus the definition version that wrote it. */
export type StoredContractSnapshot = StoredSnapshot;

export function startContract(input: ContractInput): ContractSnapshot {
  return initialTransition(contractMachine, input)[0];
}

export function persistContract(snapshot: ContractSnapshot): unknown {
  return contractMachine.getPersistedSnapshot(snapshot);
}

/** Rebuilds a stored snapshot, migrating it first when an older definition wrote it. */
export function restoreContract(stored: StoredContractSnapshot): ContractSnapshot {
  const persisted = migrateContractSnapshot(stored.version, stored.persisted);
  return contractMachine.resolveState(persisted as Parameters<typeof contractMachine.resolveState>[0]);
}

export function contractStateOf(snapshot: ContractSnapshot): ContractState {
  return snapshot.value as ContractState;
}

/** Event types the current state handles (a guard may still refuse one: see `explainContractRefusal`). */
export function contractAllowedEvents(snapshot: ContractSnapshot): ContractEventType[] {
  const node = contractMachine.root.states[contractStateOf(snapshot)];
  return node ? ([...node.ownEvents] as ContractEventType[]) : [];
}

export type ContractApplied =
  | { ok: true; snapshot: ContractSnapshot; from: ContractState; to: ContractState }
  | { ok: false; reason: string; allowedEvents: ContractEventType[] };

export function applyContractEvent(snapshot: ContractSnapshot, event: ContractEvent): ContractApplied {
  const [next] = transition(contractMachine, snapshot, event);
  // xstate hands back the very same object when no transition was taken: an unhandled event and
  // a failed guard look alike, which is exactly when nothing must be written.
  if (next === snapshot) {
    return { ok: false, reason: explainContractRefusal(snapshot, event), allowedEvents: contractAllowedEvents(snapshot) };
  }
  return { ok: true, snapshot: next, from: contractStateOf(snapshot), to: contractStateOf(next) };
}

/** Indonesian names of the actions, for sentences and screens. */
export const CONTRACT_EVENT_LABELS: Record<ContractEventType, string> = {
  EVALUATION_DUE: 'evaluasi jatuh tempo',
  DECIDE_RENEWAL: 'keputusan perpanjangan',
  AGREEMENT_ENDED: 'akhir masa PKS',
  DECIDE_LATE: 'keputusan terlambat',
  RESIGN: 'pengunduran diri',
  TERMINATE: 'pemutusan kerja sama',
};

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A sentence a supervisor can act on, for a refused event. */
export function explainContractRefusal(snapshot: ContractSnapshot, event: ContractEvent): string {
  const ctx = snapshot.context;
  const state = contractStateOf(snapshot);
  const label = CONTRACT_STATE_LABELS[state];
  if (!contractAllowedEvents(snapshot).includes(event.type)) {
    if (event.type === 'DECIDE_RENEWAL' && state === 'active') {
      return `Keputusan perpanjangan baru dapat dibuat setelah evaluasi jatuh tempo (${ctx.evaluationDueOn}).`;
    }
    if ((event.type === 'RESIGN' || event.type === 'TERMINATE') && state === 'decided') {
      return `${capitalized(CONTRACT_EVENT_LABELS[event.type])} tidak dapat dicatat: keputusan perpanjangan sudah dibuat.`;
    }
    return `${capitalized(CONTRACT_EVENT_LABELS[event.type])} tidak berlaku pada kontrak berstatus ${label}.`;
  }
  switch (event.type) {
    case 'DECIDE_RENEWAL':
      if (decisionJustified(event)) break;
      return event.decision === 'drop'
        ? `Keputusan tidak diperpanjang wajib disertai alasan tertulis (paling sedikit ${DECISION_REASON_MIN_LENGTH} karakter).`
        : `Perpanjangan yang tidak sesuai rekomendasi (tidak diperpanjang) wajib disertai alasan tertulis (paling sedikit ${DECISION_REASON_MIN_LENGTH} karakter).`;
    case 'DECIDE_LATE':
      if (lateDecisionJustified(event)) break;
      return `Keputusan terlambat wajib disertai alasan tertulis (paling sedikit ${DECISION_REASON_MIN_LENGTH} karakter).`;
    case 'RESIGN':
    case 'TERMINATE': {
      const what = event.type === 'RESIGN' ? 'pengunduran diri' : 'pemutusan kerja sama';
      return `Tanggal ${what} (${event.date}) harus di dalam masa PKS (${ctx.startDate} s.d. ${ctx.endDate}).`;
    }
  }
  return `${capitalized(CONTRACT_EVENT_LABELS[event.type])} ditolak pada kontrak berstatus ${label}.`;
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
