import type { DbOrTx } from '../types';
import { prepared } from './prepared';

/** What a branch has of the first steps head office takes for it (work areas, periods, staff). */
export type BranchSetupRow = {
  id: number;
  code: string;
  name: string;
  timeZone: string;
  /** how many work areas it has */
  workAreas: number;
  /** the latest year of a period with both registration dates, or null when it has none */
  latestDatedYear: number | null;
  /** enabled recruiters and supervisors */
  recruiters: number;
  supervisors: number;
};

// One row per branch, each count a subquery: the whole checklist is one statement however many
// branches there are. Work areas and periods are counted through their (branch_id, …) unique indexes.
const BRANCH_SETUP_SQL = `SELECT b.id, b.code, b.name, b.time_zone AS timeZone,
    (SELECT count(*) FROM work_areas w WHERE w.branch_id = b.id) AS workAreas,
    (SELECT max(p.year) FROM recruitment_periods p
      WHERE p.branch_id = b.id AND p.registration_opens_on IS NOT NULL AND p.registration_closes_on IS NOT NULL) AS latestDatedYear,
    (SELECT count(*) FROM users u WHERE u.branch_id = b.id AND u.role = 'recruiter' AND u.disabled_at IS NULL) AS recruiters,
    (SELECT count(*) FROM users u WHERE u.branch_id = b.id AND u.role = 'supervisor' AND u.disabled_at IS NULL) AS supervisors
  FROM branches b`;

/** Every branch's setup counts, in the order the branches were opened. */
export function listBranchSetup(db: DbOrTx): BranchSetupRow[] {
  return prepared(db, `${BRANCH_SETUP_SQL} ORDER BY b.id`).all() as BranchSetupRow[];
}

/** One branch's setup counts (a branch user's own). */
export function getBranchSetup(db: DbOrTx, branchId: number): BranchSetupRow | undefined {
  return prepared(db, `${BRANCH_SETUP_SQL} WHERE b.id = ?`).get(branchId) as BranchSetupRow | undefined;
}

/** At most this many head-office admins are named to a branch user who has no period. */
const ADMINS_NAMED = 10;

/**
 * The names of the enabled head-office admins (whom a branch asks for a period): names only, no
 * user name, contact or anything else of theirs.
 */
export function listAdminNames(db: DbOrTx): string[] {
  const rows = prepared(
    db,
    `SELECT name FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY name LIMIT ${ADMINS_NAMED}`,
  ).all() as { name: string }[];
  return rows.map((r) => r.name);
}
