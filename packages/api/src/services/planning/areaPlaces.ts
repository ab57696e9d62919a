import { areaQuotaOf, countPlacesTakenByArea, type DbOrTx } from '@kader/db';
import { QUOTA_HOLDING_STATES } from '@kader/workflow';
import { LEFT_EARLY } from '../quota';

/** The places each work area of a branch has taken in a year (the same count as `placesTaken`, by area). */
export function placesTakenByArea(db: DbOrTx, branchId: number, year: number): Map<number, number> {
  return countPlacesTakenByArea(db, { branchId, year, holdingStates: QUOTA_HOLDING_STATES, leftEarlyStates: LEFT_EARLY });
}

/**
 * A work area's own places in a period and how many it has taken, or null when the branch has not
 * given it places of its own (the branch total alone applies). Asked by a signing and a renewal in
 * the transaction that checks the branch's places, after that check.
 */
export function areaPlaces(
  db: DbOrTx,
  { periodId, branchId, year, workAreaId }: { periodId: number; branchId: number; year: number; workAreaId: number },
): { quota: number; used: number } | null {
  const quota = areaQuotaOf(db, { periodId, workAreaId });
  if (quota === null) return null;
  const used =
    countPlacesTakenByArea(db, {
      branchId,
      year,
      holdingStates: QUOTA_HOLDING_STATES,
      leftEarlyStates: LEFT_EARLY,
      workAreaId,
    }).get(workAreaId) ?? 0;
  return { quota, used };
}
