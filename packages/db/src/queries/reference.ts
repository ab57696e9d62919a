import { and, eq, inArray, sql } from 'drizzle-orm';
import { applications, branches, recruitmentPeriods, workAreas } from '../schema';
import type { DbOrTx } from '../types';

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

export function getPeriod(db: DbOrTx, periodId: number) {
  const row = db
    .select({ period: recruitmentPeriods, branch: branches })
    .from(recruitmentPeriods)
    .innerJoin(branches, eq(branches.id, recruitmentPeriods.branchId))
    .where(eq(recruitmentPeriods.id, periodId))
    .get();
  if (!row) return undefined;
  const areas = db.select().from(workAreas).where(eq(workAreas.branchId, row.branch.id)).orderBy(workAreas.name).all();
  return { ...row.period, branch: row.branch, workAreas: areas };
}

export function getWorkArea(db: DbOrTx, workAreaId: number) {
  return db.select().from(workAreas).where(eq(workAreas.id, workAreaId)).get();
}

/** Applications of the period in the states that hold a place (the workflow says which). */
export function countQuotaUsed(
  db: DbOrTx,
  { periodId, holdingStates }: { periodId: number; holdingStates: readonly string[] },
): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(applications)
    .where(and(eq(applications.periodId, periodId), inArray(applications.state, [...holdingStates])))
    .get();
  return row?.n ?? 0;
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

export function findPeriod(db: DbOrTx, { branchId, year }: { branchId: number; year: number }) {
  return db
    .select()
    .from(recruitmentPeriods)
    .where(and(eq(recruitmentPeriods.branchId, branchId), eq(recruitmentPeriods.year, year)))
    .get();
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
