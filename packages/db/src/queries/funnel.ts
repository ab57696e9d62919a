import type { DbOrTx } from '../types';
import { prepared } from './prepared';

/**
 * The selection funnel's figures (docs/reports.md), aggregated by SQLite from the applications and
 * their audit rows, one statement per kind of figure. Each statement starts from the periods in
 * the filter (`periods_branch_year`), reaches their applications through `applications_board`
 * (period first) and each application's audit rows through `audit_entity_seq`, so the work grows
 * with the applications asked about, not with the whole log (checked by EXPLAIN QUERY PLAN in
 * db/test/funnel.test.ts).
 */
export type FunnelFilter = {
  /** null: every branch (head office) */
  branchId: number | null;
  /** a work area's Kemendagri code (`35.77`) or a province's (`35`): areas with that code or under it */
  regionCode: string | null;
  fromYear: number;
  toYear: number;
  /**
   * Each branch's shift from UTC to its calendar, as an SQLite date modifier (`+420 minutes`),
   * keyed by branch id: a stage's days are counted between the branch-zone dates. Indonesia's
   * zones keep one offset all year, so one modifier per branch is exact.
   */
  shifts: Record<number, string>;
};

/** The named parameters every funnel statement takes. */
export const funnelParams = (f: FunnelFilter) => ({
  branchId: f.branchId,
  regionCode: f.regionCode,
  regionPrefix: f.regionCode === null ? null : `${f.regionCode}.%`,
  fromYear: f.fromYear,
  toYear: f.toYear,
  shifts: JSON.stringify(f.shifts),
});

// The applications asked about, with the modifier of their branch's calendar.
const APPS = `
  periods AS (
    SELECT p.id AS period_id, p.branch_id, coalesce(json_extract(@shifts, '$."' || p.branch_id || '"'), '+0 minutes') AS shift
    FROM recruitment_periods p
    WHERE p.year BETWEEN @fromYear AND @toYear AND (@branchId IS NULL OR p.branch_id = @branchId)
  ),
  apps AS (
    SELECT a.id, a.period_id, a.state, a.heard_from, pe.shift
    FROM periods pe
    CROSS JOIN applications a ON a.period_id = pe.period_id
    JOIN work_areas w ON w.id = a.work_area_id
    WHERE @regionCode IS NULL OR w.region_code = @regionCode OR w.region_code LIKE @regionPrefix
  )`;

// Every change of state is a stay in the state entered, which ends at the application's next
// change of state (LEAD): an event that keeps the state (a document verified, a passing score
// corrected) is not a stay's end, and a reopening starts a second stay in the same stage.
const STAYS = `
  moves AS MATERIALIZED (
    SELECT apps.id AS app, apps.period_id, apps.shift, e.to_state AS state, e.at,
      lead(e.at) OVER (PARTITION BY e.entity_id ORDER BY e.seq) AS left_at
    -- CROSS JOIN keeps this order: the applications asked about first, then each one's rows by
    -- audit_entity_seq, never the whole log (which the planner otherwise prefers to walk)
    FROM apps
    CROSS JOIN audit_events e ON e.entity_type = 'application' AND e.entity_id = apps.id
    WHERE e.to_state IS NOT NULL AND e.from_state IS NOT e.to_state
  ),
  stays AS MATERIALIZED (
    SELECT app, period_id, state,
      sum(julianday(date(left_at, shift)) - julianday(date(at, shift))) AS days,
      max(left_at IS NULL) AS still_there
    FROM moves
    GROUP BY app, period_id, state
  )`;

const STAGE_INDEX = `CASE state WHEN 'registered' THEN 0 WHEN 'administrativeCheck' THEN 1 WHEN 'writtenTest' THEN 2
  WHEN 'interview' THEN 3 WHEN 'agreementSigning' THEN 4 WHEN 'debriefing' THEN 5 WHEN 'active' THEN 6 END`;

/** The statements' texts, for the plans test (db/test/funnel.test.ts) as for the functions below. */
export const FUNNEL_SQL = {
  periods: `SELECT p.id AS periodId, p.branch_id AS branchId, p.year
     FROM recruitment_periods p
     WHERE p.year BETWEEN @fromYear AND @toYear AND (@branchId IS NULL OR p.branch_id = @branchId)
     ORDER BY p.year, p.branch_id`,
  // One pass over the stage entries (moves, stays: materialized once) gives both kinds of row:
  // 'furthest' — per period how many applications went furthest to stage index `state` (0
  // registered … 6 active); 'days' — per period and stage (and `toActive`) n, median and p90.
  stages: `WITH ${APPS}, ${STAYS},
     samples AS (
       SELECT period_id, state, days FROM stays WHERE still_there = 0 AND state NOT IN ('active', 'rejected', 'withdrawn')
       UNION ALL
       SELECT period_id, 'toActive', julianday(date(max(CASE WHEN state = 'active' THEN at END), shift))
         - julianday(date(min(at), shift))
       FROM moves GROUP BY app, period_id HAVING max(state = 'active') = 1
     ),
     ranked AS (
       SELECT period_id, state, days,
         row_number() OVER (PARTITION BY period_id, state ORDER BY days) - 1 AS r,
         count(*) OVER (PARTITION BY period_id, state) AS n
       FROM samples
     ),
     furthest AS (
       SELECT period_id, app, max(${STAGE_INDEX}) AS furthest FROM stays
       WHERE state NOT IN ('rejected', 'withdrawn') GROUP BY period_id, app
     )
     SELECT 'days' AS kind, period_id AS periodId, state, n,
       sum(CASE WHEN r = cast((n - 1) * 0.5 AS INTEGER) THEN days * (1 - ((n - 1) * 0.5 - cast((n - 1) * 0.5 AS INTEGER)))
                WHEN r = cast((n - 1) * 0.5 AS INTEGER) + 1 THEN days * ((n - 1) * 0.5 - cast((n - 1) * 0.5 AS INTEGER))
                ELSE 0 END) AS median,
       sum(CASE WHEN r = cast((n - 1) * 0.9 AS INTEGER) THEN days * (1 - ((n - 1) * 0.9 - cast((n - 1) * 0.9 AS INTEGER)))
                WHEN r = cast((n - 1) * 0.9 AS INTEGER) + 1 THEN days * ((n - 1) * 0.9 - cast((n - 1) * 0.9 AS INTEGER))
                ELSE 0 END) AS p90
     FROM ranked GROUP BY period_id, state
     UNION ALL
     SELECT 'furthest', period_id, furthest, count(*), NULL, NULL FROM furthest GROUP BY period_id, furthest`,
  // per period, state and channel: registered, in each state now, by channel, from one scan
  counts: `WITH ${APPS}
     SELECT period_id AS periodId, state, heard_from AS channel, count(*) AS n FROM apps GROUP BY period_id, state, heard_from`,
  outcomes: `WITH ${APPS}
     SELECT apps.period_id AS periodId, apps.state AS kind,
       json_extract(a.snapshot, '$.context.outcome.stage') AS stage,
       json_extract(a.snapshot, '$.context.outcome.reasonCode') AS reasonCode,
       count(*) AS n
     FROM apps JOIN applications a ON a.id = apps.id
     WHERE apps.state IN ('rejected', 'withdrawn')
     GROUP BY apps.period_id, kind, stage, reasonCode`,
};

type FunnelPeriodRow = { periodId: number; branchId: number; year: number };
type FunnelStageRow =
  | { kind: 'days'; periodId: number; state: string; n: number; median: number; p90: number }
  | { kind: 'furthest'; periodId: number; state: number; n: number; median: null; p90: null };
type FunnelCountRow = { periodId: number; state: string; channel: string | null; n: number };
type FunnelOutcomeRow = { periodId: number; kind: 'rejected' | 'withdrawn'; stage: string; reasonCode: string; n: number };

/** The periods in the filter, with or without applications, by year then branch. */
export function funnelPeriods(db: DbOrTx, f: FunnelFilter): FunnelPeriodRow[] {
  return prepared(db, FUNNEL_SQL.periods).all(funnelParams(f)) as FunnelPeriodRow[];
}

/**
 * From the stage entries, in one statement: how far the applications went (`furthest`: reaching
 * stage i = furthest ≥ i, passing it = furthest > i) and the days in each stage (`days`): per
 * application the sum of its stays there (branch-zone calendar days), for applications that have
 * left the stage and are not back in it, then per period and stage the median and 90th percentile
 * by linear interpolation between the closest ranks (position (n − 1)·p in ascending order);
 * `toActive`, the days from the registration to entering active, likewise.
 */
export function funnelStages(db: DbOrTx, f: FunnelFilter): FunnelStageRow[] {
  return prepared(db, FUNNEL_SQL.stages).all(funnelParams(f)) as FunnelStageRow[];
}

/** Applications per period, state now and channel (`heard_from`; null: not asked or not answered). */
export function funnelCounts(db: DbOrTx, f: FunnelFilter): FunnelCountRow[] {
  return prepared(db, FUNNEL_SQL.counts).all(funnelParams(f)) as FunnelCountRow[];
}

/**
 * Applications that ended rejected or withdrawn (now: a reopened one is not counted), by the stage
 * they left and the reason code, both as the machine recorded them in the outcome.
 */
export function funnelOutcomes(db: DbOrTx, f: FunnelFilter): FunnelOutcomeRow[] {
  return prepared(db, FUNNEL_SQL.outcomes).all(funnelParams(f)) as FunnelOutcomeRow[];
}
