import { initialTransition, transition } from 'xstate';
import type { RecordedEvent, ReplayResult } from '../recruitment/replay';
import { parseContractEvent } from './events';
import { buildContractMachine, contractMachine, type ContractInput } from './machine';
import { migrateContractSnapshot } from './migrations';

/**
 * Every contract definition that ever wrote a stored snapshot stays here, so an old event replays
 * through the version it was recorded under. A new version adds an entry and a step in migrations.ts.
 */
export const CONTRACT_MACHINES: Record<number, typeof contractMachine> = {
  1: buildContractMachine(1),
  2: contractMachine,
};

function machineFor(version: number) {
  const m = CONTRACT_MACHINES[version];
  if (!m) throw new Error(`unknown contract machine version ${version}`);
  return m;
}

/**
 * Rebuilds a contract from its audit events alone: the recorded machine input, then each event
 * through the version it was recorded under, migrating at version boundaries. The events carry
 * everything (a decision carries the recommendation the server filled in), so nothing is recomputed.
 */
export function replayContract(start: { input: ContractInput; machineVersion: number }, events: RecordedEvent[]): ReplayResult {
  let version = start.machineVersion;
  let machine = machineFor(version);
  let snapshot = initialTransition(machine, start.input)[0];
  for (const recorded of events) {
    if (recorded.machineVersion < version) {
      return { ok: false, seq: recorded.seq, reason: `recorded under v${recorded.machineVersion} after an event of v${version}` };
    }
    if (recorded.machineVersion !== version) {
      // Only up to the event's own version: the code of that version migrated, applied and stored it.
      const persisted = migrateContractSnapshot(version, machine.getPersistedSnapshot(snapshot), recorded.machineVersion);
      version = recorded.machineVersion;
      machine = machineFor(version);
      snapshot = machine.resolveState(persisted as Parameters<typeof machine.resolveState>[0]);
    }
    const parsed = parseContractEvent({ ...(recorded.payload as object), type: recorded.type });
    if (!parsed.ok) return { ok: false, seq: recorded.seq, reason: `payload no longer valid: ${parsed.fields[0]?.message}` };
    const [next] = transition(machine, snapshot, parsed.event);
    if (next === snapshot) return { ok: false, seq: recorded.seq, reason: `event ${recorded.type} refused on replay` };
    snapshot = next;
  }
  return { ok: true, persisted: machine.getPersistedSnapshot(snapshot), machineVersion: version, state: String(snapshot.value) };
}
