import type { DbOrTx } from '../types';
import { prepared } from './prepared';
import { IN_REGION, type ReportArea, type ReportSpan, regionParams } from './reportScope';

/**
 * "Cadres per year" (docs/reports.md): the agreements (contract years) by the year they start, and
 * the agreements running on a chosen date, aggregated by SQLite. Each statement starts from the
 * branches asked about and reaches their contracts through an index range — by start date
 * (`contracts_branch_start`) for the years, by end date per work area (`contracts_area_term`) for a
 * date, both covering — so the work grows with the agreements asked about, not with the table (checked by EXPLAIN
 * QUERY PLAN in db/test/reportCadres.test.ts).
 */
export type CadresFilter = ReportSpan;

export type UnderAgreementFilter = ReportArea & {
  /**
   * The day asked about (`YYYY-MM-DD`) per branch id: the date chosen, or each branch's today in its
   * own zone when none was.
   */
  dates: Record<number, string>;
};

/** The named parameters of the years statement. */
export const cadresYearParams = (f: CadresFilter) => ({
  branchId: f.branchId,
  ...regionParams(f.regionCode),
  // start dates are `YYYY-MM-DD` text: a year is the half-open range [Y-01-01, Y+1-01-01)
  fromDate: `${f.fromYear}-01-01`,
  untilDate: `${f.toYear + 1}-01-01`,
});

/** The named parameters of the under-agreement statement. */
export const underAgreementParams = (f: UnderAgreementFilter) => ({
  branchId: f.branchId,
  ...regionParams(f.regionCode),
  dates: JSON.stringify(f.dates),
});

/** The statements' texts, for the plans test (db/test/reportCadres.test.ts) as for the functions below. */
export const CADRES_SQL = {
  // Per branch, work area and agreement year (the start date's year): the agreements made, how
  // they were made (a first agreement: recruited, and of those returning — the candidate had an
  // agreement before; a renewal: previous_contract_id set) and where each stands now.
  years: `SELECT c.branch_id AS branchId, c.work_area_id AS workAreaId, cast(substr(c.start_date, 1, 4) AS INTEGER) AS year,
       count(*) AS made,
       sum(c.previous_contract_id IS NULL) AS recruited,
       sum(c.previous_contract_id IS NULL AND EXISTS (
         -- written before this one: the candidate's earlier agreements (a person applies again only
         -- after their last agreement ended, so every earlier agreement has a smaller id); the
         -- candidate's index alone answers it
         SELECT 1 FROM contracts e WHERE e.candidate_id = c.candidate_id AND e.id < c.id
       )) AS returners,
       sum(c.previous_contract_id IS NOT NULL) AS renewed,
       sum(c.state = 'renewed') AS renewedOn,
       sum(c.state = 'dropped') AS dropped,
       sum(c.state = 'resigned') AS resigned,
       sum(c.state = 'terminated') AS terminated,
       sum(c.state = 'lapsed') AS lapsed,
       sum(c.state IN ('active', 'evaluationDue', 'decided')) AS running
     FROM branches b
     -- CROSS JOIN keeps this order: each branch's agreements by a range of start dates of
     -- contracts_branch_start, which carries every column counted (no contract row is read)
     CROSS JOIN contracts c ON c.branch_id = b.id AND c.start_date >= @fromDate AND c.start_date < @untilDate
     JOIN work_areas w ON w.id = c.work_area_id
     WHERE (@branchId IS NULL OR b.id = @branchId) AND ${IN_REGION}
     GROUP BY c.branch_id, c.work_area_id, year
     ORDER BY year, c.branch_id, c.work_area_id`,
  // Per work area of the branches asked about (every area, none left out for having no agreement):
  // the agreements whose term covers the branch's day (start ≤ day ≤ end) and that had not ended
  // early before it (a resignation's or termination's date is the cadre's last day under it).
  underAgreement: `WITH days AS (
       SELECT b.id AS branch_id, json_extract(@dates, '$."' || b.id || '"') AS day FROM branches b
       WHERE (@branchId IS NULL OR b.id = @branchId)
     )
     SELECT d.branch_id AS branchId, w.id AS workAreaId, d.day AS date,
       -- every agreement whose term covers the day, less those that ended early before it: the
       -- first count from contracts_area_term alone, the second reads only the early ends' rows
       (SELECT count(*) FROM contracts c
         WHERE c.work_area_id = w.id AND c.end_date >= d.day AND c.start_date <= d.day)
       - (SELECT count(*) FROM contracts x
         WHERE x.work_area_id = w.id AND x.end_date >= d.day AND x.start_date <= d.day
           AND x.state IN ('resigned', 'terminated') AND json_extract(x.snapshot, '$.context.exit.date') < d.day
       ) AS n
     FROM days d
     JOIN work_areas w ON w.branch_id = d.branch_id
     WHERE d.day IS NOT NULL AND ${IN_REGION}
     ORDER BY d.branch_id, w.id`,
};

export type CadresYearRow = {
  branchId: number;
  workAreaId: number;
  year: number;
  /** agreements starting in the year: recruited + renewed */
  made: number;
  /** first agreements (no agreement before it in the chain): a recruitment */
  recruited: number;
  /** of the recruited, candidates who had an agreement before (a return, after a gap or not) */
  returners: number;
  /** renewals into the year (the agreement extends one of the year before) */
  renewed: number;
  /** how the year's agreements ended: renewed into the next year, or not */
  renewedOn: number;
  dropped: number;
  resigned: number;
  terminated: number;
  lapsed: number;
  /** not ended yet (active, evaluation due, decided and waiting for the end date) */
  running: number;
};
export type UnderAgreementRow = { branchId: number; workAreaId: number; date: string; n: number };

/** The agreements starting in the filter's years, per branch, work area and year (only those with any). */
export function cadresByYear(db: DbOrTx, f: CadresFilter): CadresYearRow[] {
  return prepared(db, CADRES_SQL.years).all(cadresYearParams(f)) as CadresYearRow[];
}

/** The agreements running on each branch's day, per work area (every area of the branches asked about). */
export function underAgreementByArea(db: DbOrTx, f: UnderAgreementFilter): UnderAgreementRow[] {
  return prepared(db, CADRES_SQL.underAgreement).all(underAgreementParams(f)) as UnderAgreementRow[];
}
