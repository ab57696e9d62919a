import { and, asc, eq, inArray, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { applications, branches, candidates, contracts, monthlyReports, programSettings, workAreas } from '../schema';
import type { DbOrTx } from '../types';
import { type RevisionWrite, updateIfRevision } from './revision';

export type ContractRow = typeof contracts.$inferSelect;
export type MonthlyRow = typeof monthlyReports.$inferSelect;

export function insertContract(db: DbOrTx, values: typeof contracts.$inferInsert): ContractRow {
  return db.insert(contracts).values(values).returning().get();
}

export function getContract(db: DbOrTx, id: number): ContractRow | undefined {
  return db.select().from(contracts).where(eq(contracts.id, id)).get();
}

export function findContractByNumber(db: DbOrTx, agreementNumber: string): ContractRow | undefined {
  return db.select().from(contracts).where(eq(contracts.agreementNumber, agreementNumber)).get();
}

export function findContractByApplication(db: DbOrTx, applicationId: number): ContractRow | undefined {
  return db.select().from(contracts).where(eq(contracts.applicationId, applicationId)).get();
}

export function findRenewalOf(db: DbOrTx, previousContractId: number): ContractRow | undefined {
  return db.select().from(contracts).where(eq(contracts.previousContractId, previousContractId)).get();
}

/** Same optimistic-concurrency write as applications: only from the revision the caller saw. */
export function updateContractIfRevision(
  db: DbOrTx,
  write: RevisionWrite<Pick<ContractRow, 'state' | 'snapshot' | 'machineVersion' | 'stateEnteredAt' | 'updatedAt'>>,
): boolean {
  return updateIfRevision(db, contracts, write);
}

export type ContractFilter = {
  branchIds?: number[] | undefined;
  workAreaId?: number | undefined;
  states?: readonly string[] | undefined;
  endingBefore?: string | undefined;
  search?: string | undefined;
};

function contractWhere(f: ContractFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.branchIds) parts.push(inArray(contracts.branchId, f.branchIds.length ? f.branchIds : [-1]));
  if (f.workAreaId !== undefined) parts.push(eq(contracts.workAreaId, f.workAreaId));
  if (f.states) parts.push(inArray(contracts.state, [...f.states]));
  if (f.endingBefore) parts.push(sql`${contracts.endDate} <= ${f.endingBefore}`);
  if (f.search?.trim()) parts.push(like(candidates.name, `%${f.search.trim().replace(/[\\%_]/g, '')}%`));
  return parts.length ? and(...parts) : undefined;
}

/** Contracts with the names a list shows, soonest end first. */
export function listContracts(
  db: DbOrTx,
  { filter, page = 0, pageSize = 50 }: { filter: ContractFilter; page?: number | undefined; pageSize?: number | undefined },
) {
  const where = contractWhere(filter);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(contracts)
      .innerJoin(candidates, eq(candidates.id, contracts.candidateId))
      .where(where)
      .get()?.n ?? 0;
  const items = db
    .select({
      contract: contracts,
      candidateName: candidates.name,
      nik: candidates.nik,
      workArea: workAreas.name,
      branch: branches,
    })
    .from(contracts)
    .innerJoin(candidates, eq(candidates.id, contracts.candidateId))
    .innerJoin(workAreas, eq(workAreas.id, contracts.workAreaId))
    .innerJoin(branches, eq(branches.id, contracts.branchId))
    .where(where)
    .orderBy(asc(contracts.endDate), asc(contracts.id))
    .limit(pageSize)
    .offset(page * pageSize)
    .all();
  return { total, items };
}

/** Every contract the scheduler may have to move: open ones, with their branch's zone. */
/**
 * The contracts that may owe the scheduler an event by `today`: active ones whose evaluation date
 * has come, and open ones whose end date has passed. `today` is the latest date among the branches'
 * zones, so this is a superset; the scheduler decides each one on its branch's own date. Both
 * terms use an index (`contracts_state_evaluation`, `contracts_end`): a tick reads what is due,
 * not every open contract.
 */
export function contractsDueQuery(
  db: DbOrTx,
  { openStates, awaitingEvaluation, today }: { openStates: readonly string[]; awaitingEvaluation: string; today: string },
) {
  return db
    .select({ id: contracts.id, timeZone: branches.timeZone })
    .from(contracts)
    .innerJoin(branches, eq(branches.id, contracts.branchId))
    .where(
      or(
        and(eq(contracts.state, awaitingEvaluation), lte(contracts.evaluationDueOn, today)),
        and(inArray(contracts.state, [...openStates]), lt(contracts.endDate, today)),
      ),
    )
    .orderBy(asc(contracts.endDate));
}

export function listContractsDue(db: DbOrTx, params: Parameters<typeof contractsDueQuery>[1]) {
  return contractsDueQuery(db, params).all();
}

/** The zones the branches keep their dates in. */
export function listBranchZones(db: DbOrTx): string[] {
  return db
    .selectDistinct({ timeZone: branches.timeZone })
    .from(branches)
    .all()
    .map((r) => r.timeZone);
}

/** The agreement years of one cadre (candidate), oldest first. */
export function listContractsOfCandidate(db: DbOrTx, candidateId: number): ContractRow[] {
  return db.select().from(contracts).where(eq(contracts.candidateId, candidateId)).orderBy(asc(contracts.startDate)).all();
}

/**
 * Places a branch's renewals take in a year: renewed years starting that year (unless the cadre
 * left early), plus renewals decided but not yet carried out whose next year starts then.
 */
export function countRenewalPlaces(
  db: DbOrTx,
  { branchId, year, leftEarlyStates }: { branchId: number; year: number; leftEarlyStates: readonly string[] },
): number {
  const started =
    db
      .select({ n: sql<number>`count(*)` })
      .from(contracts)
      .where(
        and(
          eq(contracts.branchId, branchId),
          sql`${contracts.previousContractId} is not null`,
          sql`substr(${contracts.startDate}, 1, 4) = ${String(year)}`,
          sql`${contracts.state} not in (${sql.join(
            leftEarlyStates.map((s) => sql`${s}`),
            sql`, `,
          )})`,
        ),
      )
      .get()?.n ?? 0;
  const pending =
    db
      .select({ n: sql<number>`count(*)` })
      .from(contracts)
      .where(
        and(
          eq(contracts.branchId, branchId),
          eq(contracts.state, 'decided'),
          sql`json_extract(${contracts.snapshot}, '$.context.decision.decision') = 'renew'`,
          sql`substr(date(${contracts.endDate}, '+1 day'), 1, 4) = ${String(year)}`,
        ),
      )
      .get()?.n ?? 0;
  return started + pending;
}

export function countContractsNumbered(db: DbOrTx, { branchId, year }: { branchId: number; year: number }): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(contracts)
      .where(and(eq(contracts.branchId, branchId), sql`substr(${contracts.startDate}, 1, 4) = ${String(year)}`))
      .get()?.n ?? 0
  );
}

export function listMonthly(db: DbOrTx, contractId: number): MonthlyRow[] {
  return db
    .select()
    .from(monthlyReports)
    .where(eq(monthlyReports.contractId, contractId))
    .orderBy(asc(monthlyReports.month))
    .all();
}

export function getMonthly(db: DbOrTx, { contractId, month }: { contractId: number; month: string }): MonthlyRow | undefined {
  return db
    .select()
    .from(monthlyReports)
    .where(and(eq(monthlyReports.contractId, contractId), eq(monthlyReports.month, month)))
    .get();
}

export function insertMonthly(db: DbOrTx, values: typeof monthlyReports.$inferInsert): MonthlyRow {
  return db.insert(monthlyReports).values(values).returning().get();
}

/** Re-recording a month replaces it, only from the revision the caller saw. */
export function updateMonthlyIfRevision(db: DbOrTx, write: RevisionWrite<Pick<MonthlyRow, 'record' | 'updatedAt'>>): boolean {
  return updateIfRevision(db, monthlyReports, write);
}

export function listProgramSettings(db: DbOrTx, kind: 'kpi' | 'fee') {
  return db
    .select()
    .from(programSettings)
    .where(eq(programSettings.kind, kind))
    .orderBy(asc(programSettings.effectiveFrom))
    .all();
}

export function insertProgramSetting(db: DbOrTx, values: typeof programSettings.$inferInsert) {
  return db.insert(programSettings).values(values).returning().get();
}

/** Is an agreement number already used, by a contract or by a signed application? */
export function agreementNumberTaken(db: DbOrTx, agreementNumber: string): boolean {
  if (findContractByNumber(db, agreementNumber)) return true;
  const signed = db
    .select({ id: applications.id })
    .from(applications)
    .where(sql`json_extract(${applications.snapshot}, '$.context.agreement.number') = ${agreementNumber}`)
    .get();
  return signed !== undefined;
}

export function listContractIds(db: DbOrTx): number[] {
  return db
    .select({ id: contracts.id })
    .from(contracts)
    .orderBy(asc(contracts.id))
    .all()
    .map((r) => r.id);
}
