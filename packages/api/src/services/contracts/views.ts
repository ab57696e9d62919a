import {
  getBranch,
  getCandidate,
  getWorkArea,
  listContractsOfCandidate,
  listMonthly,
  listMonthlyRecordsOf,
  type ContractListItem,
  type ContractRow,
  type DbOrTx,
  type MonthlyRow,
} from '@kader/db';
import {
  contractAllowedEvents,
  contractStateOf,
  dateInZone,
  effectiveAt,
  feeStatementFor,
  maskNik,
  monthlyRecordFlags,
  monthlyRecordSchema,
  reportOnTime,
  restoreContract,
  scorecard,
  type ContractContext,
  type ContractEventType,
  type ContractState,
  type KpiSettings,
  type MonthlyRecord,
  type Scorecard,
} from '@kader/workflow';
import { assertCanRead, personalDataFor } from '../../auth/guard';
import { canCorrect, canRunSelection, type Principal } from '../../auth/principal';
import { historyOf } from '../views';
import { feeVersions, kpiVersions } from './settings';

/** Who may send which contract event: the scheduler's two are never a person's to send. */
export function contractEventsFor(p: Principal, branchId: number, allowed: ContractEventType[]): ContractEventType[] {
  return allowed.filter((type) => {
    if (type === 'EVALUATION_DUE' || type === 'AGREEMENT_ENDED') return false;
    if (type === 'RESIGN') return canRunSelection(p, branchId);
    return canCorrect(p, branchId); // DECIDE_RENEWAL, TERMINATE: the supervisor's
  });
}

type Month = { row: MonthlyRow; record: MonthlyRecord };

const recordOf = (stored: unknown) => monthlyRecordSchema.parse(stored) as MonthlyRecord;

function monthsOf(db: DbOrTx, row: ContractRow): Month[] {
  return listMonthly(db, row.id).map((m) => ({ row: m, record: recordOf(m.record) }));
}

/** The scorecard of one agreement year from its months, with the KPI version in force at its evaluation date. */
function scorecardWith(
  versions: readonly KpiSettings[],
  row: Pick<ContractRow, 'evaluationDueOn'>,
  records: readonly MonthlyRecord[],
) {
  const kpi = effectiveAt(versions, row.evaluationDueOn);
  return { kpi, card: records.length ? scorecard(records, kpi) : null };
}

/** The scorecard of one agreement year, with the KPI settings in force at its evaluation date. */
export function scorecardOf(db: DbOrTx, row: ContractRow, months = monthsOf(db, row)) {
  return scorecardWith(
    kpiVersions(db),
    row,
    months.map((m) => m.record),
  );
}

/** What a list shows of one agreement year, given its scorecard (null before any month is reported). */
function cardOf(item: ContractListItem, card: Scorecard | null) {
  const c = item.contract;
  return {
    id: c.id,
    revision: c.revision,
    state: c.state as ContractState,
    candidateName: item.candidateName,
    nikMasked: maskNik(item.nik),
    workArea: item.workArea,
    branch: { id: item.branch.id, name: item.branch.name, timeZone: item.branch.timeZone },
    agreementNumber: c.agreementNumber,
    startDate: c.startDate,
    endDate: c.endDate,
    evaluationDueOn: c.evaluationDueOn,
    monthsReported: card?.months.length ?? 0,
    /** The supervisor's decision once made (null before): the queue shows which way. */
    decision: c.decision as 'renew' | 'drop' | null,
    recommendation: card?.recommendation ?? null,
    score: card?.total ?? null,
  };
}
export type ContractCard = ReturnType<typeof cardOf>;

/** The supervisor's decision in a stored snapshot (what a list reads with SQLite's json_extract). */
function decisionOf(row: ContractRow): string | null {
  return (row.snapshot as { context?: { decision?: { decision?: string } | null } }).context?.decision?.decision ?? null;
}

/**
 * The cards of one page (the cadres list, the renewal queue): the KPI settings and every row's
 * months are read once for the whole page, so a page costs a bounded number of queries whatever
 * its size (it used to read both again for each row).
 */
export function contractCards(db: DbOrTx, items: readonly ContractListItem[]): ContractCard[] {
  if (items.length === 0) return [];
  const versions = kpiVersions(db);
  const records = listMonthlyRecordsOf(
    db,
    items.map((i) => i.contract.id),
  );
  return items.map((i) => {
    const months = (records.get(i.contract.id) ?? []).map(recordOf);
    return cardOf(i, scorecardWith(versions, i.contract, months).card);
  });
}

/** One agreement year as this person may see it (personal data as in `applicationDetail`). */
export function contractDetail(db: DbOrTx, row: ContractRow, principal: Principal, now: Date) {
  assertCanRead(principal, row.branchId, { entity: 'contract', id: row.id });
  const candidate = getCandidate(db, row.candidateId);
  const branch = getBranch(db, row.branchId);
  const area = getWorkArea(db, row.workAreaId);
  if (!candidate || !branch || !area) throw new Error(`contract ${row.id} refers to missing rows`);
  const personal = personalDataFor(principal, row.branchId, candidate, dateInZone(now, branch.timeZone));
  const snapshot = restoreContract({ version: row.machineVersion, persisted: row.snapshot });
  const months = monthsOf(db, row);
  const { kpi, card } = scorecardOf(db, row, months);
  const fees = feeVersions(db);
  return {
    ...cardOf(
      {
        contract: { ...row, decision: decisionOf(row) },
        candidateName: candidate.name,
        nik: candidate.nik,
        workArea: area.name,
        branch,
      },
      card,
    ),
    state: contractStateOf(snapshot),
    candidate: { id: candidate.id, name: candidate.name, ...personal },
    familiesAssigned: row.familiesAssigned,
    context: snapshot.context as ContractContext,
    allowedEvents: contractEventsFor(principal, row.branchId, contractAllowedEvents(snapshot)) as string[],
    // A lapsed agreement is decided late (contract v2) through the same dialog.
    canDecide:
      canCorrect(principal, row.branchId) &&
      contractAllowedEvents(snapshot).some((e) => e === 'DECIDE_RENEWAL' || e === 'DECIDE_LATE'),
    canRecordMonths: canRunSelection(principal, row.branchId),
    chain: listContractsOfCandidate(db, row.candidateId).map((c) => ({
      id: c.id,
      agreementNumber: c.agreementNumber,
      startDate: c.startDate,
      endDate: c.endDate,
      state: c.state as ContractState,
    })),
    months: months.map(({ row: m, record }) => ({
      month: m.month,
      revision: m.revision,
      record,
      onTime: reportOnTime(record, kpi.targets.reportDueDay),
      flags: monthlyRecordFlags(record),
      fee: feeStatementFor(record, fees),
    })),
    scorecard: card,
    kpiSettings: kpi,
    feeSchedule: effectiveAt(fees, row.startDate),
    history: historyOf(db, 'contract', row.id),
  };
}
export type ContractDetail = ReturnType<typeof contractDetail>;
