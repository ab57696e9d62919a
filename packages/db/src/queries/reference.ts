import { eq, sql } from 'drizzle-orm';
import { branches, periodAreaQuotas, recruitmentPeriods, workAreas } from '../schema';
import type { DbOrTx } from '../types';
import { prepared } from './prepared';
import { type RevisionWrite, updateIfRevision } from './revision';

export function listPeriods(db: DbOrTx) {
  const rows = db
    .select({ period: recruitmentPeriods, branch: branches })
    .from(recruitmentPeriods)
    .innerJoin(branches, eq(branches.id, recruitmentPeriods.branchId))
    .orderBy(sql`${recruitmentPeriods.year} desc`, branches.id)
    .all();
  const areas = db.select().from(workAreas).orderBy(workAreas.name).all();
  return rows.map(({ period, branch }) => ({
    ...period,
    branch,
    workAreas: areas.filter((a) => a.branchId === branch.id),
  }));
}

type BranchRow = typeof branches.$inferSelect;
type WorkAreaRow = typeof workAreas.$inferSelect;
type PeriodRow = typeof recruitmentPeriods.$inferSelect;
/** A period row as SQLite gives it: the JSON columns still text. */
type StoredPeriod = Omit<PeriodRow, 'rules' | 'channels'> & { rules: string; channels: string };

/** The campaign's columns of a period (window, channels, revision), named as drizzle names them. */
const PERIOD_CAMPAIGN_COLUMNS = `p.registration_opens_on AS registrationOpensOn, p.registration_closes_on AS registrationClosesOn,
            p.channels, p.channels_version AS channelsVersion, p.revision`;

function parsePeriod(row: StoredPeriod): PeriodRow {
  return { ...row, rules: JSON.parse(row.rules) as unknown, channels: JSON.parse(row.channels) as unknown };
}

/**
 * A period with its branch and the branch's work areas (by name). Every send reads it: two
 * statements prepared once per connection, rows named as drizzle names them, `rules` parsed.
 */
export function getPeriod(db: DbOrTx, periodId: number) {
  const row = prepared(
    db,
    `SELECT p.id, p.branch_id AS branchId, p.year, p.quota, p.rules, ${PERIOD_CAMPAIGN_COLUMNS},
            b.code, b.name, b.time_zone AS timeZone, b.agreement_number_pattern AS agreementNumberPattern
     FROM recruitment_periods p JOIN branches b ON b.id = p.branch_id
     WHERE p.id = ?`,
  ).get(periodId) as (StoredPeriod & Omit<BranchRow, 'id'>) | undefined;
  if (!row) return undefined;
  const branch: BranchRow = {
    id: row.branchId,
    code: row.code,
    name: row.name,
    timeZone: row.timeZone,
    agreementNumberPattern: row.agreementNumberPattern,
  };
  const areas = listWorkAreasOfBranch(db, branch.id);
  const period: PeriodRow = {
    id: row.id,
    branchId: row.branchId,
    year: row.year,
    quota: row.quota,
    rules: JSON.parse(row.rules) as unknown,
    registrationOpensOn: row.registrationOpensOn,
    registrationClosesOn: row.registrationClosesOn,
    channels: JSON.parse(row.channels) as unknown,
    channelsVersion: row.channelsVersion,
    revision: row.revision,
  };
  return { ...period, branch, workAreas: areas };
}

/** A branch's work areas by name. */
export function listWorkAreasOfBranch(db: DbOrTx, branchId: number): WorkAreaRow[] {
  return prepared(
    db,
    'SELECT id, branch_id AS branchId, name, region_code AS regionCode, revision FROM work_areas WHERE branch_id = ? ORDER BY name',
  ).all(branchId) as WorkAreaRow[];
}

export function getWorkArea(db: DbOrTx, workAreaId: number): WorkAreaRow | undefined {
  return prepared(
    db,
    'SELECT id, branch_id AS branchId, name, region_code AS regionCode, revision FROM work_areas WHERE id = ?',
  ).get(workAreaId) as WorkAreaRow | undefined;
}

/** A work area's Kemendagri code (null: none), only over the revision the caller saw. */
export function updateWorkAreaIfRevision(db: DbOrTx, write: RevisionWrite<Pick<WorkAreaRow, 'regionCode'>>): boolean {
  return updateIfRevision(db, workAreas, write);
}

export function insertBranch(db: DbOrTx, values: typeof branches.$inferInsert) {
  return db.insert(branches).values(values).returning().get();
}

export function insertWorkArea(db: DbOrTx, values: typeof workAreas.$inferInsert) {
  return db.insert(workAreas).values(values).returning().get();
}

/**
 * A new period, by default taking registrations from 1 July of the year before to the end of its
 * year (workflow `defaultWindow`: this package imports nothing of ours, so it is spelled here too).
 */
export function insertPeriod(db: DbOrTx, values: typeof recruitmentPeriods.$inferInsert) {
  const opensOn = `${String(values.year - 1).padStart(4, '0')}-07-01`;
  const closesOn = `${String(values.year).padStart(4, '0')}-12-31`;
  return db
    .insert(recruitmentPeriods)
    .values({ registrationOpensOn: opensOn, registrationClosesOn: closesOn, ...values })
    .returning()
    .get();
}

export function countBranches(db: DbOrTx): number {
  return db.select({ n: sql<number>`count(*)` }).from(branches).get()?.n ?? 0;
}

export function findPeriod(db: DbOrTx, { branchId, year }: { branchId: number; year: number }): PeriodRow | undefined {
  // every quota check starts here: prepared once per connection, by the (branch_id, year) unique index
  const row = prepared(
    db,
    `SELECT p.id, p.branch_id AS branchId, p.year, p.quota, p.rules, ${PERIOD_CAMPAIGN_COLUMNS}
     FROM recruitment_periods p WHERE p.branch_id = ? AND p.year = ?`,
  ).get(branchId, year) as StoredPeriod | undefined;
  return row && parsePeriod(row);
}

/** Head office's total (checked by the caller against places taken and the area split); moves the revision on. */
export function setPeriodQuota(db: DbOrTx, { periodId, quota }: { periodId: number; quota: number }): void {
  db.update(recruitmentPeriods)
    .set({ quota, revision: sql`${recruitmentPeriods.revision} + 1` })
    .where(eq(recruitmentPeriods.id, periodId))
    .run();
}

/** The campaign settings a form edits (window, channels), only over the revision the caller saw. */
export function updatePeriodIfRevision(
  db: DbOrTx,
  write: RevisionWrite<Partial<Pick<PeriodRow, 'registrationOpensOn' | 'registrationClosesOn' | 'channels' | 'channelsVersion'>>>,
): boolean {
  return updateIfRevision(db, recruitmentPeriods, write);
}

/** A period's places per work area (only the areas given a row; see `period_area_quotas`). */
export function listAreaQuotas(db: DbOrTx, periodId: number): { workAreaId: number; quota: number | null }[] {
  return prepared(
    db,
    'SELECT work_area_id AS workAreaId, quota FROM period_area_quotas WHERE period_id = ? ORDER BY work_area_id',
  ).all(periodId) as { workAreaId: number; quota: number | null }[];
}

/** One area's own places in a period (a signing asks): null when it has none (the branch total alone applies). */
export function areaQuotaOf(db: DbOrTx, { periodId, workAreaId }: { periodId: number; workAreaId: number }): number | null {
  const row = prepared(db, 'SELECT quota FROM period_area_quotas WHERE period_id = ? AND work_area_id = ?').get(
    periodId,
    workAreaId,
  ) as { quota: number | null } | undefined;
  return row?.quota ?? null;
}

/**
 * Writes each area's places (null clears an area's own places; the row stays, nothing is deleted).
 * The caller has checked the split and moved the period's revision on in the same transaction.
 */
export function writeAreaQuotas(
  db: DbOrTx,
  { periodId, areas }: { periodId: number; areas: readonly { workAreaId: number; quota: number | null }[] },
): void {
  for (const a of areas) {
    db.insert(periodAreaQuotas)
      .values({ periodId, workAreaId: a.workAreaId, quota: a.quota })
      .onConflictDoUpdate({ target: [periodAreaQuotas.periodId, periodAreaQuotas.workAreaId], set: { quota: a.quota } })
      .run();
  }
}

export function findBranchByCode(db: DbOrTx, code: string) {
  return db.select().from(branches).where(eq(branches.code, code)).get();
}

export function setPeriodRules(db: DbOrTx, { periodId, rules }: { periodId: number; rules: unknown }): void {
  db.update(recruitmentPeriods)
    .set({ rules, revision: sql`${recruitmentPeriods.revision} + 1` })
    .where(eq(recruitmentPeriods.id, periodId))
    .run();
}
