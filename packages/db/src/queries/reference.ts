import { eq, sql } from 'drizzle-orm';
import { branches, recruitmentPeriods, workAreas } from '../schema';
import type { DbOrTx } from '../types';
import { prepared } from './prepared';

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

/**
 * A period with its branch and the branch's work areas (by name). Every send reads it: two
 * statements prepared once per connection, rows named as drizzle names them, `rules` parsed.
 */
export function getPeriod(db: DbOrTx, periodId: number) {
  const row = prepared(
    db,
    `SELECT p.id, p.branch_id AS branchId, p.year, p.quota, p.rules,
            b.code, b.name, b.time_zone AS timeZone, b.agreement_number_pattern AS agreementNumberPattern
     FROM recruitment_periods p JOIN branches b ON b.id = p.branch_id
     WHERE p.id = ?`,
  ).get(periodId) as (Omit<PeriodRow, 'rules'> & { rules: string } & Omit<BranchRow, 'id'>) | undefined;
  if (!row) return undefined;
  const branch: BranchRow = {
    id: row.branchId,
    code: row.code,
    name: row.name,
    timeZone: row.timeZone,
    agreementNumberPattern: row.agreementNumberPattern,
  };
  const areas = prepared(
    db,
    'SELECT id, branch_id AS branchId, name, region_code AS regionCode FROM work_areas WHERE branch_id = ? ORDER BY name',
  ).all(branch.id) as WorkAreaRow[];
  const period: PeriodRow = {
    id: row.id,
    branchId: row.branchId,
    year: row.year,
    quota: row.quota,
    rules: JSON.parse(row.rules) as unknown,
  };
  return { ...period, branch, workAreas: areas };
}

export function getWorkArea(db: DbOrTx, workAreaId: number): WorkAreaRow | undefined {
  return prepared(db, 'SELECT id, branch_id AS branchId, name, region_code AS regionCode FROM work_areas WHERE id = ?').get(
    workAreaId,
  ) as WorkAreaRow | undefined;
}

export function insertBranch(db: DbOrTx, values: typeof branches.$inferInsert) {
  return db.insert(branches).values(values).returning().get();
}

export function insertWorkArea(db: DbOrTx, values: typeof workAreas.$inferInsert) {
  return db.insert(workAreas).values(values).returning().get();
}

export function insertPeriod(db: DbOrTx, values: typeof recruitmentPeriods.$inferInsert) {
  return db.insert(recruitmentPeriods).values(values).returning().get();
}

export function countBranches(db: DbOrTx): number {
  return db.select({ n: sql<number>`count(*)` }).from(branches).get()?.n ?? 0;
}

export function findPeriod(db: DbOrTx, { branchId, year }: { branchId: number; year: number }): PeriodRow | undefined {
  // every quota check starts here: prepared once per connection, by the (branch_id, year) unique index
  const row = prepared(
    db,
    'SELECT id, branch_id AS branchId, year, quota, rules FROM recruitment_periods WHERE branch_id = ? AND year = ?',
  ).get(branchId, year) as (Omit<PeriodRow, 'rules'> & { rules: string }) | undefined;
  return row && { ...row, rules: JSON.parse(row.rules) as unknown };
}

export function setPeriodQuota(db: DbOrTx, { periodId, quota }: { periodId: number; quota: number }): void {
  db.update(recruitmentPeriods).set({ quota }).where(eq(recruitmentPeriods.id, periodId)).run();
}

export function findBranchByCode(db: DbOrTx, code: string) {
  return db.select().from(branches).where(eq(branches.code, code)).get();
}

export function setPeriodRules(db: DbOrTx, { periodId, rules }: { periodId: number; rules: unknown }): void {
  db.update(recruitmentPeriods).set({ rules }).where(eq(recruitmentPeriods.id, periodId)).run();
}
