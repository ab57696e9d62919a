import type { MigrationSteps } from '../machine/engine';

/**
 * Snapshot migrations between contract definition versions: `steps[v]` turns a persisted snapshot
 * written by version v into one version v + 1 can resolve.
 */
export const contractMigrations: MigrationSteps = {
  // v1 -> v2: v2 only adds a transition out of `lapsed` (DECIDE_LATE); the states and the context
  // are the same, and a late decision is kept in the `decision` v1 already has. Nothing to change.
  1: (persisted) => ({ ...persisted }),
};
