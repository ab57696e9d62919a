import { countPlacesTaken, findPeriod, type DbOrTx } from '@kader/db';
import { QUOTA_HOLDING_STATES } from '@kader/workflow';

/** A cadre who left early gives the place back. */
export const LEFT_EARLY = ['resigned', 'terminated'];

/**
 * The places a branch has taken in a year: agreements signed through that year's recruitment
 * (debriefing or active), and renewals into that year (carried out or decided). One count for
 * every check, so a signing and a renewal can never both take the last place.
 */
export function placesTaken(db: DbOrTx, branchId: number, year: number): number {
  return countPlacesTaken(db, { branchId, year, holdingStates: QUOTA_HOLDING_STATES, leftEarlyStates: LEFT_EARLY });
}

/** The year's quota and use, or null when head office has not set a quota for that year. */
export function quotaFor(db: DbOrTx, branchId: number, year: number): { quota: number; used: number } | null {
  const period = findPeriod(db, { branchId, year });
  return period ? { quota: period.quota, used: placesTaken(db, branchId, year) } : null;
}
