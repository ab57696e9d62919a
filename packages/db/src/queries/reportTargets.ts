import type { DbOrTx } from '../types';
import { prepared } from './prepared';
import { IN_REGION, type ReportSpan, regionParams } from './reportScope';

/**
 * The targets report's sums (docs/reports.md "Targets and achievement"), aggregated by SQLite from
 * the monthly records' figure columns (written with each record: workflow `monthlyFigures`), never
 * from their JSON. Each agreement year is judged by the KPI version the scorecard uses for it: the
 * one in force on its evaluation date. The statements start from the branches' agreement years by
 * `contracts_branch_start` (start dates from the year before the first year: an agreement runs one
 * year) and read each one's sums per calendar year from `target_year_figures` (kept by the monthly
 * writer: db `refreshTargetYears`), or, for an agreement whose rows are missing or name another KPI
 * version than the one in force for it now, its months in the range from the covering index
 * `monthly_figures`; no record row is read (EXPLAIN QUERY PLAN checks in db/test/reportTargets.test.ts).
 */
export type TargetsFilter = ReportSpan & {
  /** the year the areas, cadres and total are for; null: every year of the filter */
  year: number | null;
  /** head office's KPI versions (the targets), any order */
  versions: readonly TargetVersion[];
};

/** What the report needs of one KPI settings version. */
export type TargetVersion = {
  effectiveFrom: string;
  familiesVisitedShare: number;
  collectionPerMonth: number;
  meetingsPerMonth: number;
  reportDueDay: number;
};

/** The sums of one group of cadre-months: each KPI's actual and target, as the scorecard counts them. */
export type TargetSums = {
  /** cadre-months reported */
  months: number;
  visited: number;
  visitsTarget: number;
  collected: number;
  collectionTarget: number;
  reportsOnTime: number;
  attended: number;
  meetingsTarget: number;
};

/** The keys of TargetSums, in its order: the service adds the sums up by them, verify-audit names them. */
export const TARGET_SUM_KEYS = [
  'months',
  'visited',
  'visitsTarget',
  'collected',
  'collectionTarget',
  'reportsOnTime',
  'attended',
  'meetingsTarget',
] as const satisfies readonly (keyof TargetSums)[];

/** The sums of one month in one work area: the service adds them up per year, month, area and in total. */
export type TargetCellRow = TargetSums & { month: string; workAreaId: number };

/** How many cadres with a month reported: per year of the filter, per area (of their latest agreement year in the scope), in the scope. */
export type TargetCounts = { years: [number, number][]; areas: [number, number][]; total: number };

/** The sums of one calendar year in one work area (every year of the filter). */
export type TargetYearCellRow = TargetSums & { year: number; workAreaId: number };

export type TargetCadreRow = TargetSums & {
  /** the row's place in the page (the page is read in this order) */
  position: number;
  candidateId: number;
  name: string;
  /** the area and agreement number of the cadre's latest agreement year in the scope */
  workAreaId: number;
  agreementNumber: string;
};

/** How the cadres' page is ordered: by name, or lowest achievement of one KPI first. */
export type TargetCadreOrder = 'name' | 'visits' | 'collection' | 'reports' | 'attendance';

const params = (f: TargetsFilter) => ({
  branchId: f.branchId,
  ...regionParams(f.regionCode),
  fromYear: f.fromYear,
  toYear: f.toYear,
  fromStart: `${f.fromYear - 1}-01-01`,
  toStart: `${f.toYear}-12-31`,
  fromMonth: `${f.fromYear}-01`,
  toMonth: `${f.toYear}-12`,
  scopeFromYear: f.year ?? f.fromYear,
  scopeToYear: f.year ?? f.toYear,
  versions: JSON.stringify(f.versions),
});

// Each agreement year of the branches and areas asked about, with the targets of its KPI version:
// the latest in force on its evaluation date (workflow `effectiveAt`, as `scorecardOf` uses), the
// earliest when none was yet (the scorecard would have none to judge by). Then each of its months
// in the filter's years with the month's actual and target of every KPI. (A cadre has one agreement
// year in a month: a renewal starts the day after the year it extends ends.)
const ROWS = `
  versions AS MATERIALIZED (
    SELECT json_extract(value, '$.effectiveFrom') AS effective_from,
      json_extract(value, '$.familiesVisitedShare') AS share,
      json_extract(value, '$.collectionPerMonth') AS per_month,
      json_extract(value, '$.meetingsPerMonth') AS meetings,
      json_extract(value, '$.reportDueDay') AS due_day
    FROM json_each(@versions)
  ),
  -- the targets go into this small table once per agreement year, so a month reads plain columns
  years AS MATERIALIZED (
    SELECT c.id, c.candidate_id, c.work_area_id, c.start_date, c.agreement_number,
      v.share, v.per_month, v.meetings, v.due_day,
      -- its sums per calendar year are read from target_year_figures when every row there names
      -- this version, or it has neither rows nor months; otherwise summed from its months here
      CASE
        WHEN EXISTS (SELECT 1 FROM target_year_figures f WHERE f.contract_id = c.id AND f.kpi_from IS NOT v.effective_from) THEN 0
        WHEN EXISTS (SELECT 1 FROM target_year_figures f WHERE f.contract_id = c.id) THEN 1
        WHEN EXISTS (SELECT 1 FROM monthly_reports m WHERE m.contract_id = c.id) THEN 0
        ELSE 1
      END AS fresh
    FROM branches b
    -- CROSS JOIN keeps this order: each branch's agreement years by contracts_branch_start
    CROSS JOIN contracts c ON c.branch_id = b.id AND c.start_date BETWEEN @fromStart AND @toStart
    JOIN work_areas w ON w.id = c.work_area_id
    JOIN versions v ON v.effective_from = coalesce(
      (SELECT max(effective_from) FROM versions WHERE effective_from <= c.evaluation_due_on),
      (SELECT min(effective_from) FROM versions))
    WHERE (@branchId IS NULL OR b.id = @branchId)
      AND ${IN_REGION}
  ),
  rows AS (
    SELECT y.id AS contract_id, y.fresh, y.candidate_id, y.work_area_id, y.start_date, y.agreement_number, m.month,
      m.families_visited AS visited,
      m.families_assigned * y.share AS visits_target,
      m.collected,
      y.per_month AS collection_target,
      coalesce(m.report_days_after_month <= y.due_day, 0) AS on_time,
      min(m.meetings_attended, y.meetings) AS attended,
      y.meetings AS meetings_target
    FROM years y
    -- the figures from the covering index alone (the planner may otherwise take the unique index
    -- and read every record's row, JSON and all)
    CROSS JOIN monthly_reports m INDEXED BY monthly_figures
      ON m.contract_id = y.id AND m.month BETWEEN @fromMonth AND @toMonth
  )`;

const SUMS = `count(*) AS months, sum(visited) AS visited, sum(visits_target) AS visitsTarget,
  sum(collected) AS collected, sum(collection_target) AS collectionTarget,
  sum(on_time) AS reportsOnTime, sum(attended) AS attended, sum(meetings_target) AS meetingsTarget`;

// the same sums over the scope's years only (the chosen year, or every year of the filter)
const inScope = (x: string) => `sum(CASE WHEN year BETWEEN @scopeFromYear AND @scopeToYear THEN ${x} END)`;
const SCOPE_SUMS = `${inScope('months')} AS months, ${inScope('visited')} AS visited, ${inScope('visits_target')} AS visitsTarget,
  ${inScope('collected')} AS collected, ${inScope('collection_target')} AS collectionTarget,
  ${inScope('on_time')} AS reportsOnTime, ${inScope('attended')} AS attended, ${inScope('meetings_target')} AS meetingsTarget`;

const ratio = (actual: string, target: string) => `${actual} * 1.0 / nullif(${target}, 0)`;

// Per cadre over the filter's years, in two steps: each agreement year's sums per calendar year
// (`target_year_figures`, written with each month: ~2 rows per agreement instead of its 12 months
// grouped and sorted, docs/architecture.md "Reports"; the months of an agreement whose rows are
// stale or missing, summed here), then per cadre those few rows: the scope's sums, and the area and
// number of the latest agreement year in the scope (SQLite gives bare columns the values of the row
// that max() picked). The cadres per year are counted from the first step's rows.
const PER_CADRE = `
  per_year AS MATERIALIZED (
    SELECT f.contract_id, y.candidate_id, y.work_area_id, y.start_date, y.agreement_number, f.year, f.months, f.visited, f.visits_target, f.collected,
      f.collection_target, f.reports_on_time AS on_time, f.attended, f.meetings_target
    -- CROSS JOIN keeps this order: the agreement years asked, each one's rows by its key
    FROM years y CROSS JOIN target_year_figures f ON f.contract_id = y.id AND f.year BETWEEN @fromYear AND @toYear
    WHERE y.fresh = 1
    UNION ALL
    SELECT contract_id, candidate_id, work_area_id, start_date, agreement_number,
      CAST(substr(month, 1, 4) AS INTEGER) AS year, count(*) AS months,
      sum(visited) AS visited, sum(visits_target) AS visits_target, sum(collected) AS collected,
      sum(collection_target) AS collection_target, sum(on_time) AS on_time, sum(attended) AS attended,
      sum(meetings_target) AS meetings_target
    FROM rows WHERE fresh = 0 GROUP BY contract_id, year
  ),
  per AS MATERIALIZED (
    SELECT candidate_id, max(CASE WHEN year BETWEEN @scopeFromYear AND @scopeToYear THEN start_date END) AS latest,
      work_area_id, agreement_number, ${SCOPE_SUMS}
    FROM per_year GROUP BY candidate_id
  )`;

/** The statements' texts, for the plans test (db/test/reportTargets.test.ts) as for the functions below. */
export const TARGETS_SQL = {
  // the sums per month and work area (the service asks only a chosen year's: its months table)
  cells: `WITH ${ROWS}
    SELECT month, work_area_id AS workAreaId, ${SUMS} FROM rows GROUP BY month, work_area_id`,
  // One page of the cadres with months in the scope, how many cadres there are per year, per area
  // (of their latest agreement year in the scope) and in the scope, and the sums per year and area,
  // from the same pass (grouping 120,000 months is most of the cost: done once). The counts and
  // sums ride on every row as one JSON value; a page past the end is one row with them and no cadre.
  cadres: `WITH ${ROWS}, ${PER_CADRE},
    page AS (
      SELECT row_number() OVER (ORDER BY CASE @order
          WHEN 'visits' THEN ${ratio('visited', 'visitsTarget')}
          WHEN 'collection' THEN ${ratio('collected', 'collectionTarget')}
          WHEN 'reports' THEN ${ratio('reportsOnTime', 'months')}
          WHEN 'attendance' THEN ${ratio('attended', 'meetingsTarget')}
        END, ca.name, per.candidate_id) AS position,
        per.candidate_id AS candidateId, ca.name, per.work_area_id AS workAreaId,
        per.agreement_number AS agreementNumber, months, visited, visitsTarget, collected,
        collectionTarget, reportsOnTime, attended, meetingsTarget
      FROM per JOIN candidates ca ON ca.id = per.candidate_id
      WHERE months > 0
      ORDER BY position
      LIMIT @limit OFFSET @offset
    ),
    counts AS (
      SELECT json_object(
        'years', (SELECT json_group_array(json_array(year, n)) FROM
          (SELECT year, count(DISTINCT candidate_id) AS n FROM per_year GROUP BY year)),
        'areas', (SELECT json_group_array(json_array(work_area_id, n)) FROM
          (SELECT work_area_id, count(*) AS n FROM per WHERE months > 0 GROUP BY work_area_id)),
        'total', (SELECT count(*) FROM per WHERE months > 0),
        -- the sums per calendar year and work area, from the same per-agreement-year pass
        'cells', (SELECT json_group_array(json_array(year, work_area_id, months, visited, visits_target, collected,
            collection_target, on_time, attended, meetings_target)) FROM
          (SELECT year, work_area_id, sum(months) AS months, sum(visited) AS visited,
            sum(visits_target) AS visits_target, sum(collected) AS collected,
            sum(collection_target) AS collection_target, sum(on_time) AS on_time,
            sum(attended) AS attended, sum(meetings_target) AS meetings_target
          FROM per_year GROUP BY year, work_area_id))) AS counts
    )
    SELECT counts.counts, page.* FROM counts LEFT JOIN page ON 1 ORDER BY page.position`,
};

/** Each KPI's sums per month and work area of the filter's years. */
export function targetCells(db: DbOrTx, f: TargetsFilter): TargetCellRow[] {
  return prepared(db, TARGETS_SQL.cells).all(params(f)) as TargetCellRow[];
}

/**
 * One page of the cadres with months in the scope, by name or by one KPI's achievement, lowest first
 * (then name), the cadres' counts (a cadre who moved counts once per area, where they are now), and
 * each KPI's sums per calendar year and work area of the filter's years.
 */
export function targetCadres(
  db: DbOrTx,
  f: TargetsFilter & { order: TargetCadreOrder; limit: number; offset: number },
): { counts: TargetCounts; yearCells: TargetYearCellRow[]; rows: TargetCadreRow[] } {
  const rows = prepared(db, TARGETS_SQL.cadres).all({
    ...params(f),
    order: f.order,
    limit: f.limit,
    offset: f.offset,
  }) as ({ counts: string } & (TargetCadreRow | { [K in keyof TargetCadreRow]: null }))[];
  const { cells, ...counts } = JSON.parse(rows[0]!.counts) as TargetCounts & { cells: number[][] };
  const yearCells = cells.map(
    ([year, workAreaId, months, visited, visitsTarget, collected, collectionTarget, reportsOnTime, attended, meetingsTarget]) =>
      ({
        year,
        workAreaId,
        months,
        visited,
        visitsTarget,
        collected,
        collectionTarget,
        reportsOnTime,
        attended,
        meetingsTarget,
      }) as TargetYearCellRow,
  );
  return {
    counts,
    yearCells,
    rows: rows.filter((r): r is { counts: string } & TargetCadreRow => r.position !== null).map(({ counts: _, ...r }) => r),
  };
}
