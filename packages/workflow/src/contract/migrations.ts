import { CONTRACT_MACHINE_VERSION } from './machine';

/**
 * Snapshot migrations between contract definition versions: `steps[v]` turns a persisted snapshot
 * written by version v into one version v + 1 can resolve.
 */
type Step = (persisted: Record<string, unknown>) => Record<string, unknown>;
const steps: Record<number, Step> = {
  // v1 -> v2: v2 only adds a transition out of `lapsed` (DECIDE_LATE); the states and the context
  // are the same, and a late decision is kept in the `decision` v1 already has. Nothing to change.
  1: (persisted) => ({ ...persisted }),
};

/** Migrates to `toVersion`, the current version unless told (a replay stops at the next event's version). */
export function migrateContractSnapshot(
  fromVersion: number,
  persisted: unknown,
  toVersion: number = CONTRACT_MACHINE_VERSION,
): unknown {
  if (!Number.isInteger(fromVersion) || fromVersion < 1) throw new Error(`not a contract snapshot version: ${fromVersion}`);
  if (fromVersion > CONTRACT_MACHINE_VERSION || toVersion > CONTRACT_MACHINE_VERSION) {
    throw new Error(`snapshot version ${Math.max(fromVersion, toVersion)} is newer than this code (${CONTRACT_MACHINE_VERSION})`);
  }
  if (toVersion < fromVersion) throw new Error(`cannot migrate a v${fromVersion} snapshot back to the older v${toVersion}`);
  let current = persisted as Record<string, unknown>;
  for (let v = fromVersion; v < toVersion; v++) {
    const step = steps[v];
    if (!step) throw new Error(`no migration from contract v${v} to v${v + 1}`);
    current = step(current);
  }
  return current;
}
