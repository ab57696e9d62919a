import { and, asc, eq, gte, inArray, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { branches, candidates, contracts, monthlyReports, programSettings, workAreas } from '../schema';
import type { DbOrTx } from '../types';
import { prepared } from './prepared';
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
  /** the branches to read; undefined reads every branch (no condition, so no index is ruled out) */
  branchIds?: number[] | undefined;
  workAreaId?: number | undefined;
  states?: readonly string[] | undefined;
  endingBefore?: string | undefined;
  search?: string | undefined;
};

/** Where the next page of a list in (end_date, id) order starts: the last row shown. */
export type ContractCursor = { endDate: string; id: number };

/** A list's count stops here: past it the page shows "1.000+" instead of counting on. */
export const CONTRACT_COUNT_LIMIT = 1000;

function searchTerm(f: ContractFilter): string | undefined {
  const term = f.search?.trim().replace(/[\\%_]/g, '');
  return term ? `%${term}%` : undefined;
}

function inOrEq(column: typeof contracts.branchId | typeof contracts.state, values: readonly (string | number)[]): SQL {
  // one value is an equality, which an index's leading column serves with its order intact
  if (values.length === 1) return eq(column, values[0] as never);
  return inArray(column, values.length ? [...values] : [-1]) as SQL;
}

function contractWhere(f: ContractFilter, after?: ContractCursor | null): SQL | undefined {
  const parts: SQL[] = [];
  if (f.branchIds) parts.push(inOrEq(contracts.branchId, f.branchIds));
  if (f.workAreaId !== undefined) parts.push(eq(contracts.workAreaId, f.workAreaId));
  if (f.states) parts.push(inOrEq(contracts.state, f.states));
  if (f.endingBefore) parts.push(sql`${contracts.endDate} <= ${f.endingBefore}`);
  const term = searchTerm(f);
  if (term) parts.push(like(candidates.name, term));
  if (after) parts.push(sql`(${contracts.endDate}, ${contracts.id}) > (${after.endDate}, ${after.id})`);
  return parts.length ? and(...parts) : undefined;
}

/**
 * What a list shows of one agreement year, with the names beside it: only the columns its card
 * needs, the supervisor's decision taken from the snapshot by SQLite, so a page neither maps whole
 * rows nor parses every snapshot.
 */
export type ContractListItem = {
  contract: Pick<ContractRow, 'id' | 'revision' | 'state' | 'agreementNumber' | 'startDate' | 'endDate' | 'evaluationDueOn'> & {
    decision: string | null;
  };
  candidateName: string;
  nik: string;
  workArea: string;
  branch: { id: number; name: string; timeZone: string };
};

const decisionOfSnapshot = sql<string | null>`json_extract(${contracts.snapshot}, '$.context.decision.decision')`;

function listItemSelect(db: DbOrTx) {
  return db
    .select({
      contract: {
        id: contracts.id,
        revision: contracts.revision,
        state: contracts.state,
        agreementNumber: contracts.agreementNumber,
        startDate: contracts.startDate,
        endDate: contracts.endDate,
        evaluationDueOn: contracts.evaluationDueOn,
        decision: decisionOfSnapshot,
      },
      candidateName: candidates.name,
      nik: candidates.nik,
      workArea: workAreas.name,
      branch: { id: branches.id, name: branches.name, timeZone: branches.timeZone },
    })
    .from(contracts)
    .innerJoin(candidates, eq(candidates.id, contracts.candidateId))
    .innerJoin(workAreas, eq(workAreas.id, contracts.workAreaId))
    .innerJoin(branches, eq(branches.id, contracts.branchId));
}

/**
 * One page of contracts with the names a list shows, soonest end first, after `after` (the last
 * row of the page before): SQLite walks an index in (end_date, id) order — `contracts_end`, or
 * `contracts_{branch,area,state,branch_state}_end` for a filter — and stops at `limit` rows.
 */
export function contractsPageQuery(
  db: DbOrTx,
  { filter, after, limit }: { filter: ContractFilter; after: ContractCursor | null; limit: number },
) {
  return listItemSelect(db).where(contractWhere(filter, after)).orderBy(asc(contracts.endDate), asc(contracts.id)).limit(limit);
}

/** A page of `pageSize` rows and where the next one starts (null on the last page). */
export function listContracts(
  db: DbOrTx,
  { filter, after = null, pageSize = 50 }: { filter: ContractFilter; after?: ContractCursor | null; pageSize?: number },
): { items: ContractListItem[]; next: ContractCursor | null } {
  // one row more than the page says whether another page follows, without counting
  const rows = contractsPageQuery(db, { filter, after, limit: pageSize + 1 }).all();
  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  return { items, next: rows.length > pageSize && last ? { endDate: last.contract.endDate, id: last.contract.id } : null };
}

/**
 * How many contracts a filter matches, counting at most `CONTRACT_COUNT_LIMIT` (+1 to know it
 * was passed): a count of everything would read every matching row. Joins candidates only for a
 * name search.
 */
export function contractsCountQuery(db: DbOrTx, filter: ContractFilter) {
  const matches = searchTerm(filter)
    ? db
        .select({ one: sql`1`.as('one') })
        .from(contracts)
        .innerJoin(candidates, eq(candidates.id, contracts.candidateId))
    : db.select({ one: sql`1`.as('one') }).from(contracts);
  const sub = matches
    .where(contractWhere(filter))
    .limit(CONTRACT_COUNT_LIMIT + 1)
    .as('matches');
  return db.select({ n: sql<number>`count(*)` }).from(sub);
}

export function countContracts(db: DbOrTx, filter: ContractFilter): { n: number; capped: boolean } {
  const n = contractsCountQuery(db, filter).get()?.n ?? 0;
  return { n: Math.min(n, CONTRACT_COUNT_LIMIT), capped: n > CONTRACT_COUNT_LIMIT };
}

/** Every contract of a branch, all years and states (a running number of a pattern without a year). */
export function countContractsOfBranch(db: DbOrTx, branchId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(contracts).where(eq(contracts.branchId, branchId)).get()?.n ?? 0;
}

/**
 * The parts of the renewal queue, each one index range walked in (end_date, id) order from
 * `after`, so each costs `limit` rows however many contracts there are; the caller merges them.
 * `due`: a state read whole (evaluationDue, decided). `endedSince`: lapsed ones ended on or after
 * a date. `evaluationBy`: active ones whose evaluation falls due by a date — read through
 * `contracts_state_evaluation`, so the rows read are that window's (a month of agreements of every
 * branch), sorted by end date; walking active ones by end date instead would read every active
 * agreement whenever the window holds less than a page. The unary `+` on its other columns keeps
 * SQLite from choosing an end-date or branch index for that part. A part reads only the keys
 * (id, end date): the caller merges the parts, keeps one page and reads the rows of that page
 * alone (`contractListItems`), so the rows the merge drops are never joined nor mapped.
 */
export type RenewalPart =
  | { kind: 'due'; state: string }
  | { kind: 'endedSince'; state: string; since: string }
  | { kind: 'evaluationBy'; state: string; by: string };

export function renewalPartQuery(
  db: DbOrTx,
  {
    part,
    branchIds,
    after,
    limit,
  }: { part: RenewalPart; branchIds: number[] | undefined; after: ContractCursor | null; limit: number },
) {
  const byEvaluation = part.kind === 'evaluationBy';
  const endDate = byEvaluation ? sql`+${contracts.endDate}` : sql`${contracts.endDate}`;
  const parts: SQL[] = [eq(contracts.state, part.state)];
  if (branchIds && byEvaluation) parts.push(sql`+${contracts.branchId} in ${branchIds.length ? branchIds : [-1]}`);
  else if (branchIds) parts.push(inOrEq(contracts.branchId, branchIds));
  if (part.kind === 'endedSince') parts.push(gte(contracts.endDate, part.since));
  if (byEvaluation) parts.push(lte(contracts.evaluationDueOn, part.by));
  if (after) parts.push(sql`(${endDate}, ${contracts.id}) > (${after.endDate}, ${after.id})`);
  return db
    .select({ id: contracts.id, endDate: contracts.endDate })
    .from(contracts)
    .where(and(...parts))
    .orderBy(asc(endDate), asc(contracts.id))
    .limit(limit);
}

/**
 * The rows a list shows for these contracts (a page the caller chose), soonest end first: one
 * statement prepared once per connection whatever the page (the ids go in as one JSON array).
 */
export function contractListItems(db: DbOrTx, ids: readonly number[]): ContractListItem[] {
  if (ids.length === 0) return [];
  const rows = prepared(db, LIST_ITEMS_BY_ID).raw().all(JSON.stringify(ids)) as ListItemColumns[];
  return rows.map(
    ([
      id,
      revision,
      state,
      agreementNumber,
      startDate,
      endDate,
      evaluationDueOn,
      decision,
      candidateName,
      nik,
      workArea,
      branchId,
      branchName,
      timeZone,
    ]) => ({
      contract: { id, revision, state, agreementNumber, startDate, endDate, evaluationDueOn, decision },
      candidateName,
      nik,
      workArea,
      branch: { id: branchId, name: branchName, timeZone },
    }),
  );
}

/** A row of `LIST_ITEMS_BY_ID`, read as an array (cheaper than an object per row). */
type ListItemColumns = [
  id: number,
  revision: number,
  state: string,
  agreementNumber: string,
  startDate: string,
  endDate: string,
  evaluationDueOn: string,
  decision: string | null,
  candidateName: string,
  nik: string,
  workArea: string,
  branchId: number,
  branchName: string,
  timeZone: string,
];

const LIST_ITEMS_BY_ID = `SELECT c.id, c.revision, c.state, c.agreement_number, c.start_date, c.end_date, c.evaluation_due_on,
    json_extract(c.snapshot, '$.context.decision.decision'), ca.name, ca.nik, w.name, b.id, b.name, b.time_zone
  FROM contracts c
  JOIN candidates ca ON ca.id = c.candidate_id
  JOIN work_areas w ON w.id = c.work_area_id
  JOIN branches b ON b.id = c.branch_id
  WHERE c.id IN (SELECT value FROM json_each(?))
  ORDER BY c.end_date, c.id`;

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
  return prepared(db, 'SELECT DISTINCT time_zone FROM branches').pluck().all() as string[];
}

/** The agreement years of one cadre (candidate), oldest first. */
export function listContractsOfCandidate(db: DbOrTx, candidateId: number): ContractRow[] {
  return db.select().from(contracts).where(eq(contracts.candidateId, candidateId)).orderBy(asc(contracts.startDate)).all();
}

export function listMonthly(db: DbOrTx, contractId: number): MonthlyRow[] {
  return db
    .select()
    .from(monthlyReports)
    .where(eq(monthlyReports.contractId, contractId))
    .orderBy(asc(monthlyReports.month))
    .all();
}

/**
 * The monthly records of several contracts (a list's page) in one statement, each contract's
 * oldest month first: a list's card needs only the records (its scorecard), so only they are read,
 * as arrays rather than row objects. The ids go in as one JSON array, so the SQL text is the same
 * for any page and is prepared once per connection; each id is one `monthly_contract_month` range.
 * A list used to read each row's months on its own drizzle query, compiled afresh every time.
 */
export function listMonthlyRecordsOf(db: DbOrTx, contractIds: readonly number[]): Map<number, unknown[]> {
  const byContract = new Map<number, unknown[]>();
  if (contractIds.length === 0) return byContract;
  const rows = prepared(db, MONTHLY_RECORDS_OF).raw().all(JSON.stringify(contractIds)) as [number, string][];
  for (const [contractId, text] of rows) {
    const record = JSON.parse(text) as unknown;
    const records = byContract.get(contractId);
    if (records) records.push(record);
    else byContract.set(contractId, [record]);
  }
  return byContract;
}

export const MONTHLY_RECORDS_OF = `SELECT contract_id, record FROM monthly_reports
  WHERE contract_id IN (SELECT value FROM json_each(?)) ORDER BY contract_id, month`;

export function getMonthly(db: DbOrTx, { contractId, month }: { contractId: number; month: string }): MonthlyRow | undefined {
  return db
    .select()
    .from(monthlyReports)
    .where(and(eq(monthlyReports.contractId, contractId), eq(monthlyReports.month, month)))
    .get();
}

/**
 * The month's figures the targets report sums (workflow `monthlyFigures` of the record): required
 * by both writers, so a record is never stored without them (the columns' defaults are only for
 * the migration that added them).
 */
export type MonthlyFigureColumns = Pick<
  MonthlyRow,
  'familiesAssigned' | 'familiesVisited' | 'collected' | 'reportDaysAfterMonth' | 'meetingsAttended'
> &
  // and the fee payout's (workflow `monthlyFeeFigures`: the fee under the schedule in force for the month)
  Pick<MonthlyRow, 'collectedTotal' | 'fee' | 'feeFlaggedLines' | 'feeScheduleFrom'>;

export function insertMonthly(db: DbOrTx, values: typeof monthlyReports.$inferInsert & MonthlyFigureColumns): MonthlyRow {
  return db.insert(monthlyReports).values(values).returning().get();
}

/** Re-recording a month replaces it (record and figures together), only from the revision the caller saw. */
export function updateMonthlyIfRevision(
  db: DbOrTx,
  write: RevisionWrite<Pick<MonthlyRow, 'record' | 'updatedAt'> & MonthlyFigureColumns>,
): boolean {
  return updateIfRevision(db, monthlyReports, write);
}

/** The targets of the KPI version an agreement year's scorecard uses, as the targets report needs them. */
export type TargetYearTargets = {
  /** the version's effective date (stored as `kpi_from`) */
  effectiveFrom: string;
  familiesVisitedShare: number;
  collectionPerMonth: number;
  meetingsPerMonth: number;
  reportDueDay: number;
};

// Every calendar year of one agreement's months, summed against the targets as the targets report
// counts them (db/queries/reportTargets.ts `rows`: the same expressions), replacing what was there:
// a year whose last month was removed keeps no row (the DELETE), and every row names one version.
const TARGET_YEARS_DELETE = 'DELETE FROM target_year_figures WHERE contract_id = @contractId';
export const TARGET_YEARS_OF = `
  SELECT contract_id AS contractId, CAST(substr(month, 1, 4) AS INTEGER) AS year, @effectiveFrom AS kpiFrom,
    count(*) AS months, sum(families_visited) AS visited, sum(families_assigned * @share) AS visitsTarget,
    sum(collected) AS collected, count(*) * @perMonth AS collectionTarget,
    sum(coalesce(report_days_after_month <= @dueDay, 0)) AS reportsOnTime,
    sum(min(meetings_attended, @meetings)) AS attended, count(*) * @meetings AS meetingsTarget
  FROM monthly_reports INDEXED BY monthly_figures WHERE contract_id = @contractId
  GROUP BY year`;
const TARGET_YEARS_INSERT = `INSERT INTO target_year_figures (contract_id, year, kpi_from, months, visited,
    visits_target, collected, collection_target, reports_on_time, attended, meetings_target)
  SELECT * FROM (${TARGET_YEARS_OF})`;

/** The parameters of TARGET_YEARS_OF for one agreement under one version's targets. */
export const targetYearsParams = (contractId: number, t: TargetYearTargets) => ({
  contractId,
  effectiveFrom: t.effectiveFrom,
  share: t.familiesVisitedShare,
  perMonth: t.collectionPerMonth,
  dueDay: t.reportDueDay,
  meetings: t.meetingsPerMonth,
});

/**
 * Rewrites the targets report's rows of one agreement (schema `targetYearFigures`) from its months,
 * under the targets of the version its scorecard uses. The monthly writer calls it after each month
 * written, in the same transaction.
 */
export function refreshTargetYears(db: DbOrTx, contractId: number, targets: TargetYearTargets): void {
  prepared(db, TARGET_YEARS_DELETE).run({ contractId });
  prepared(db, TARGET_YEARS_INSERT).run(targetYearsParams(contractId, targets));
}

export type ProgramSettingRow = typeof programSettings.$inferSelect;

/**
 * Head office's versions of one kind, oldest first. Every list page and contract page reads them
 * (the KPI versions score its cards), so the statement is prepared once per connection.
 */
export function listProgramSettings(db: DbOrTx, kind: 'kpi' | 'fee'): ProgramSettingRow[] {
  const rows = prepared(db, PROGRAM_SETTINGS_OF_KIND).all(kind) as (Omit<ProgramSettingRow, 'value'> & { value: string })[];
  return rows.map((r) => ({ ...r, value: JSON.parse(r.value) as unknown }));
}

const PROGRAM_SETTINGS_OF_KIND = `SELECT id, kind, effective_from AS effectiveFrom, value, created_at AS createdAt, created_by AS createdBy
  FROM program_settings WHERE kind = ? ORDER BY effective_from`;

export function insertProgramSetting(db: DbOrTx, values: typeof programSettings.$inferInsert) {
  return db.insert(programSettings).values(values).returning().get();
}

export function listContractIds(db: DbOrTx): number[] {
  return db
    .select({ id: contracts.id })
    .from(contracts)
    .orderBy(asc(contracts.id))
    .all()
    .map((r) => r.id);
}
