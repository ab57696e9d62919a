import { initialTransition, transition } from 'xstate';
import { parseRecruitmentEvent } from './events';
import { buildRecruitmentMachine, recruitmentMachine, type RecruitmentInput } from './machine';
import { migrateRecruitmentSnapshot } from './migrations';

/**
 * Every definition that ever wrote a stored snapshot stays here, so an old event replays through
 * the version it was recorded under. A new version adds an entry and a step in migrations.ts.
 */
export const RECRUITMENT_MACHINES: Record<number, typeof recruitmentMachine> = {
  1: buildRecruitmentMachine(1),
  2: buildRecruitmentMachine(2),
  3: recruitmentMachine,
};

export type RecordedEvent = { seq: number; type: string; payload: unknown; machineVersion: number };

export type ReplayResult =
  | { ok: true; persisted: unknown; machineVersion: number; state: string }
  | { ok: false; seq: number; reason: string };

function machineFor(version: number) {
  const m = RECRUITMENT_MACHINES[version];
  if (!m) throw new Error(`unknown recruitment machine version ${version}`);
  return m;
}

/**
 * Rebuilds an application from its audit events alone: the registration's recorded machine input,
 * then each event through the version it was recorded under, migrating at version boundaries.
 */
export function replayRecruitment(
  registration: { input: RecruitmentInput; machineVersion: number },
  events: RecordedEvent[],
): ReplayResult {
  let version = registration.machineVersion;
  let machine = machineFor(version);
  let snapshot = initialTransition(machine, registration.input)[0];
  for (const recorded of events) {
    if (recorded.machineVersion < version) {
      return { ok: false, seq: recorded.seq, reason: `recorded under v${recorded.machineVersion} after an event of v${version}` };
    }
    if (recorded.machineVersion !== version) {
      // Only up to the event's own version: the code of that version migrated, applied and stored it.
      const persisted = migrateRecruitmentSnapshot(version, machine.getPersistedSnapshot(snapshot), recorded.machineVersion);
      version = recorded.machineVersion;
      machine = machineFor(version);
      snapshot = machine.resolveState(persisted as Parameters<typeof machine.resolveState>[0]);
    }
    const parsed = parseRecruitmentEvent({ ...(recorded.payload as object), type: recorded.type });
    if (!parsed.ok) return { ok: false, seq: recorded.seq, reason: `payload no longer valid: ${parsed.fields[0]?.message}` };
    const [next] = transition(machine, snapshot, parsed.event);
    if (next === snapshot) return { ok: false, seq: recorded.seq, reason: `event ${recorded.type} refused on replay` };
    snapshot = next;
  }
  return { ok: true, persisted: machine.getPersistedSnapshot(snapshot), machineVersion: version, state: String(snapshot.value) };
}

/** Key-order independent JSON, to compare a replayed snapshot with the stored one. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
