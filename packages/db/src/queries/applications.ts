import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { applications, branches, candidates, recruitmentPeriods, workAreas } from '../schema';
import type { DbOrTx } from '../types';
import { type RevisionWrite, updateIfRevision } from './revision';

export type ApplicationRow = typeof applications.$inferSelect;

export function insertApplication(db: DbOrTx, values: typeof applications.$inferInsert): ApplicationRow {
  return db.insert(applications).values(values).returning().get();
}

export function getApplication(db: DbOrTx, id: number): ApplicationRow | undefined {
  return db.select().from(applications).where(eq(applications.id, id)).get();
}

export function findApplication(
  db: DbOrTx,
  { candidateId, periodId }: { candidateId: number; periodId: number },
): ApplicationRow | undefined {
  return db
    .select()
    .from(applications)
    .where(and(eq(applications.candidateId, candidateId), eq(applications.periodId, periodId)))
    .get();
}

/**
 * Writes the new snapshot only if the row still has the revision the caller saw. Returns false
 * when another command got there first: the caller turns that into a CONFLICT.
 */
export function updateApplicationIfRevision(
  db: DbOrTx,
  write: RevisionWrite<Pick<ApplicationRow, 'state' | 'snapshot' | 'machineVersion' | 'stateEnteredAt' | 'updatedAt'>>,
): boolean {
  return updateIfRevision(db, applications, write);
}

export function listApplicationIds(db: DbOrTx): number[] {
  return db
    .select({ id: applications.id })
    .from(applications)
    .orderBy(asc(applications.id))
    .all()
    .map((r) => r.id);
}

/** Other applications of the same candidate (earlier or later periods), newest first. */
export function listOtherApplications(db: DbOrTx, { candidateId, exceptId }: { candidateId: number; exceptId: number }) {
  return db
    .select({
      id: applications.id,
      state: applications.state,
      year: recruitmentPeriods.year,
      branchName: branches.name,
      branchId: branches.id,
    })
    .from(applications)
    .innerJoin(recruitmentPeriods, eq(recruitmentPeriods.id, applications.periodId))
    .innerJoin(branches, eq(branches.id, recruitmentPeriods.branchId))
    .where(and(eq(applications.candidateId, candidateId), ne(applications.id, exceptId)))
    .orderBy(desc(recruitmentPeriods.year))
    .all();
}

export type BoardFilter = {
  periodId: number;
  workAreaId?: number | undefined;
  search?: string | undefined;
  /**
   * 'partial' finds a NIK by any run of its digits; 'exact' only by all 16. Whoever sees NIKs
   * masked gets 'exact', or a few dozen searches would rebuild the hidden digits one by one.
   */
  nikMatch?: 'partial' | 'exact';
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function boardWhere(filter: BoardFilter, state: string): SQL {
  const parts: SQL[] = [eq(applications.periodId, filter.periodId), eq(applications.state, state)];
  if (filter.workAreaId !== undefined) parts.push(eq(applications.workAreaId, filter.workAreaId));
  const term = filter.search?.trim();
  if (term) {
    const digits = term.replace(/[\s.-]/g, '');
    // A search of digits is a NIK (or part of one); anything else is a name.
    const cond = !/^\d+$/.test(digits)
      ? sql`${candidates.name} like ${`%${escapeLike(term)}%`} escape '\\'`
      : filter.nikMatch === 'exact'
        ? eq(candidates.nik, digits)
        : sql`${candidates.nik} like ${`%${escapeLike(digits)}%`} escape '\\'`;
    parts.push(cond);
  }
  return and(...parts) as SQL;
}

/** One column of the board: the count and one page of cards for a state. */
export function boardColumn(
  db: DbOrTx,
  { filter, state, page, pageSize }: { filter: BoardFilter; state: string; page: number; pageSize: number },
) {
  const where = boardWhere(filter, state);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(applications)
      .innerJoin(candidates, eq(candidates.id, applications.candidateId))
      .where(where)
      .get()?.n ?? 0;
  const items = db
    .select({
      id: applications.id,
      state: applications.state,
      stateEnteredAt: applications.stateEnteredAt,
      snapshot: applications.snapshot,
      candidateName: candidates.name,
      nik: candidates.nik,
      workArea: workAreas.name,
    })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(workAreas, eq(workAreas.id, applications.workAreaId))
    .where(where)
    .orderBy(asc(applications.stateEnteredAt), asc(applications.id))
    .limit(pageSize)
    .offset(page * pageSize)
    .all();
  return { total, items };
}
