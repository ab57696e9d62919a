import type { DbOrTx } from '../types';
import { prepared } from './prepared';
import { IN_REGION, type ReportArea, regionParams } from './reportScope';

/**
 * The fee payout's rows (docs/reports.md "Fee payout"): the monthly records of the agreements in
 * the filter, read for the fee statement (`@kader/workflow`'s `feeStatementFor`, applied by the
 * service: the fee rule is never written again in SQL). The month's table reads only the
 * collections (`json_extract`), so the rest of a record is never parsed; the years' chart sums the
 * fee figures each record's writer stored (`monthlyFeeFigures`), so no record is parsed at all.
 *
 * One branch's statements start from its agreements covering the months asked (a month's record
 * always lies inside its agreement: `checkMonthlyRecord`) by `contracts_branch_end`, and reach each
 * one's records through an index on (contract_id, month); every branch's walk the months' records
 * by `monthly_fees_by_month` (checked by EXPLAIN QUERY PLAN in db/test/reportFees.test.ts).
 */
export type FeesFilter = ReportArea;

/** The named parameters every fee statement takes, for the months `fromMonth`..`toMonth` (`YYYY-MM`). */
export const feesParams = (f: FeesFilter, fromMonth: string, toMonth: string) => ({
  branchId: f.branchId,
  ...regionParams(f.regionCode),
  fromMonth,
  toMonth,
  // an agreement covers a month when it starts on or before its last day and ends on or after its first
  // (one branch's statements find its agreements so)
  firstDay: `${fromMonth}-01`,
  lastDay: `${toMonth}-31`,
});

// One branch walks its agreements covering the months by `contracts_branch_end`, and each one's
// months by an index on (contract_id, month). Every branch walks the months' records in
// `monthly_fees_by_month` order instead (no agreement is probed for a month it has no record of),
// then finds each record's agreement by its key: a record always lies inside its agreement
// (`checkMonthlyRecord`), so the month alone says the agreement covers it. (`@branchId IS NULL OR …`
// in one text would keep SQLite from using either index.)
const contractsIn = (branch: 'one' | 'all', join = '', index?: string) =>
  branch === 'one'
    ? `
  FROM contracts c
  JOIN work_areas w ON w.id = c.work_area_id
  ${index ? `CROSS JOIN monthly_reports m INDEXED BY ${index}` : 'JOIN monthly_reports m'} ON m.contract_id = c.id AND m.month BETWEEN @fromMonth AND @toMonth${join}
  WHERE c.branch_id = @branchId AND c.end_date >= @firstDay AND c.start_date <= @lastDay AND ${IN_REGION}`
    : `
  FROM monthly_reports m INDEXED BY monthly_fees_by_month
  CROSS JOIN contracts c ON c.id = m.contract_id
  JOIN work_areas w ON w.id = c.work_area_id${join}
  WHERE m.month BETWEEN @fromMonth AND @toMonth AND ${IN_REGION}`;

const monthSql = (branch: 'one' | 'all') => `
  SELECT c.id AS contractId, c.branch_id AS branchId, c.work_area_id AS workAreaId, w.name AS workArea,
    c.agreement_number AS agreementNumber, k.name AS name, m.month, m.revision,
    json_extract(m.record, '$.collections') AS collections
  ${contractsIn(branch, '\n  JOIN candidates k ON k.id = c.candidate_id')}
  ORDER BY c.branch_id, w.name, k.name, c.agreement_number`;

// The chart's months: the stored fee figures (workflow `monthlyFeeFigures`, written with each
// record) summed per month and per schedule they were worked out under, from a covering index
// alone: no record is read or parsed. (Parsing each record's collections and applying the fee rule
// in JS took 0.6-0.9 s for a year over every branch; docs/architecture.md "Reports".) Every
// branch: a range of `monthly_fees_by_month`, grouped in the order it lies (no sort), the region's
// agreements looked up once when a region is asked.
const yearSql = (branch: 'one' | 'all') =>
  branch === 'one'
    ? `
  SELECT m.month, m.fee_schedule_from AS scheduleFrom, count(*) AS cadres,
    sum(m.collected_total) AS collected, sum(m.fee) AS fee
  ${contractsIn(branch, '', 'monthly_fees')}
  GROUP BY m.month, m.fee_schedule_from`
    : `
  SELECT m.month, m.fee_schedule_from AS scheduleFrom, count(*) AS cadres,
    sum(m.collected_total) AS collected, sum(m.fee) AS fee
  FROM monthly_reports m INDEXED BY monthly_fees_by_month
  WHERE m.month BETWEEN @fromMonth AND @toMonth
    AND (@regionCode IS NULL OR m.contract_id IN (
      SELECT c.id FROM work_areas w JOIN contracts c ON c.work_area_id = w.id
      WHERE w.region_code = @regionCode OR w.region_code LIKE @regionPrefix))
  GROUP BY m.month, m.fee_schedule_from`;

// The collections of one month's records whose stored fee was worked out under another schedule
// than the one now in force for it (or none: written before the fee columns): the service works
// their fee out again, so the chart never shows a stale fee.
const staleSql = (branch: 'one' | 'all') => `
  SELECT json_extract(m.record, '$.collections') AS collections
  ${contractsIn(branch)}
    AND m.fee_schedule_from IS @scheduleFrom`;

/** The statements' texts, for the plans test (db/test/reportFees.test.ts) as for the functions below. */
export const FEES_SQL = {
  month: { one: monthSql('one'), all: monthSql('all') },
  year: { one: yearSql('one'), all: yearSql('all') },
  stale: { one: staleSql('one'), all: staleSql('all') },
};

export type FeesMonthRow = {
  contractId: number;
  branchId: number;
  workAreaId: number;
  workArea: string;
  agreementNumber: string;
  name: string;
  month: string;
  revision: number;
  /** the record's collections as stored (JSON text of `[{ arrearsMonths, amount }]`); null when the record has none */
  collections: string | null;
};
const branchOf = (f: FeesFilter) => (f.branchId === null ? 'all' : 'one');

/**
 * One month's records, one row per agreement with a record for that month (a record replaced by a
 * later report or import is the one row the table holds: `monthly_contract_month` is unique), by
 * branch, area, name.
 */
export function feesMonthRows(db: DbOrTx, f: FeesFilter, month: string): FeesMonthRow[] {
  return prepared(db, FEES_SQL.month[branchOf(f)]).all(feesParams(f, month, month)) as FeesMonthRow[];
}

/** One month's stored fee figures, summed over the records worked out under one schedule. */
export type FeesMonthSums = {
  month: string;
  /** the schedule's effective date the records' fees were worked out under; null: not worked out */
  scheduleFrom: string | null;
  cadres: number;
  collected: number;
  /** null when `scheduleFrom` is null */
  fee: number | null;
};

/** The months `fromMonth`..`toMonth` (`YYYY-MM`): per month and schedule, the records' stored fee figures summed. */
export function feesMonthSums(db: DbOrTx, f: FeesFilter, fromMonth: string, toMonth: string): FeesMonthSums[] {
  return prepared(db, FEES_SQL.year[branchOf(f)]).all(feesParams(f, fromMonth, toMonth)) as FeesMonthSums[];
}

/** The collections (JSON text or null) of one month's records whose fee was stored under `scheduleFrom`. */
export function feesStaleCollections(db: DbOrTx, f: FeesFilter, month: string, scheduleFrom: string | null): (string | null)[] {
  return prepared(db, FEES_SQL.stale[branchOf(f)])
    .pluck()
    .all({ ...feesParams(f, month, month), scheduleFrom }) as (string | null)[];
}
