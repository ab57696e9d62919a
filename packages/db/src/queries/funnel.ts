import type { DbOrTx } from '../types';
import { prepared } from './prepared';
import { IN_REGION, type ReportSpan, regionParams } from './reportScope';

/**
 * The selection funnel's figures (docs/reports.md), aggregated by SQLite, one statement per kind of
 * figure, each starting from the periods in the filter (`periods_branch_year`). The report reads
 * the trigger-kept read model (`FUNNEL_READ_MODEL_SQL`: per period and area, the histograms of
 * furthest stages and days in a stage, the counts by state and channel, the outcomes; schema
 * `funnel*`, migrations 0017 and 0019), a few rows per period and area. The statements that compute
 * the same figures from the records (`FUNNEL_SQL`: each application's audit rows by
 * `audit_entity_seq`, the applications by `applications_board`) stay, for verify-audit to check the
 * read model against. Plans checked by EXPLAIN QUERY PLAN in db/test/funnel*.test.ts.
 */
export type FunnelFilter = ReportSpan & {
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
  ...regionParams(f.regionCode),
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
    WHERE ${IN_REGION}
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

// The periods asked about, and whether a work area is in the chosen region (all when none is).
const READ_PERIODS = `
  periods AS (
    SELECT p.id AS period_id FROM recruitment_periods p
    WHERE p.year BETWEEN @fromYear AND @toYear AND (@branchId IS NULL OR p.branch_id = @branchId)
  )`;

/**
 * The stages' figures from the read model, the same rows as `FUNNEL_SQL.stages` gives from the log.
 * The days being whole, the histogram is the samples themselves: a bucket of n applications at
 * `days` holds the ranks [first, first + n − 1] in ascending order, so the value at rank r is the
 * days of the bucket holding r, and the median and p90 interpolate between ranks ⌊(n − 1)·p⌋ and
 * the next exactly as the log-based statement does (same expressions, same answers).
 */
export const FUNNEL_READ_MODEL_SQL = {
  stages: `WITH ${READ_PERIODS},
     hist AS (
       SELECT h.period_id, h.stage, h.days, sum(h.n) AS n
       FROM periods
       CROSS JOIN funnel_stage_days h ON h.period_id = periods.period_id
       JOIN work_areas w ON w.id = h.work_area_id
       WHERE h.n > 0 AND ${IN_REGION}
       GROUP BY h.period_id, h.stage, h.days
     ),
     ranked AS (
       SELECT period_id, stage, days,
         sum(n) OVER (PARTITION BY period_id, stage ORDER BY days ROWS UNBOUNDED PRECEDING) - n AS first,
         sum(n) OVER (PARTITION BY period_id, stage ORDER BY days ROWS UNBOUNDED PRECEDING) - 1 AS last,
         sum(n) OVER (PARTITION BY period_id, stage) AS n
       FROM hist
     ),
     ranks AS (
       SELECT period_id, stage, days, first, last, n,
         cast((n - 1) * 0.5 AS INTEGER) AS m, (n - 1) * 0.5 - cast((n - 1) * 0.5 AS INTEGER) AS mf,
         cast((n - 1) * 0.9 AS INTEGER) AS q, (n - 1) * 0.9 - cast((n - 1) * 0.9 AS INTEGER) AS qf
       FROM ranked
     )
     SELECT 'days' AS kind, period_id AS periodId, stage AS state, n,
       sum(CASE WHEN m BETWEEN first AND last THEN days * (1 - mf) ELSE 0 END
         + CASE WHEN m + 1 BETWEEN first AND last THEN days * mf ELSE 0 END) AS median,
       sum(CASE WHEN q BETWEEN first AND last THEN days * (1 - qf) ELSE 0 END
         + CASE WHEN q + 1 BETWEEN first AND last THEN days * qf ELSE 0 END) AS p90
     FROM ranks GROUP BY period_id, stage
     UNION ALL
     SELECT 'furthest', h.period_id, h.furthest, sum(h.n), NULL, NULL
     FROM periods
     CROSS JOIN funnel_furthest h ON h.period_id = periods.period_id
     JOIN work_areas w ON w.id = h.work_area_id
     WHERE h.n > 0 AND ${IN_REGION}
     GROUP BY h.period_id, h.furthest`,
  // per period, state now and channel (schema funnelCounts; '' there: not recorded)
  counts: `WITH ${READ_PERIODS}
     SELECT c.period_id AS periodId, c.state, nullif(c.channel, '') AS channel, sum(c.n) AS n
     FROM periods
     CROSS JOIN funnel_counts c ON c.period_id = periods.period_id
     JOIN work_areas w ON w.id = c.work_area_id
     WHERE c.n > 0 AND ${IN_REGION}
     GROUP BY c.period_id, c.state, c.channel`,
  // rejected or withdrawn now, by the outcome's stage and reason (schema funnelOutcomes)
  outcomes: `WITH ${READ_PERIODS}
     SELECT o.period_id AS periodId, o.state AS kind, nullif(o.stage, '') AS stage, nullif(o.reason_code, '') AS reasonCode,
       sum(o.n) AS n
     FROM periods
     CROSS JOIN funnel_outcomes o ON o.period_id = periods.period_id
     JOIN work_areas w ON w.id = o.work_area_id
     WHERE o.n > 0 AND ${IN_REGION}
     GROUP BY o.period_id, o.state, o.stage, o.reason_code`,
};

type FunnelPeriodRow = { periodId: number; branchId: number; year: number };
export type FunnelStageRow =
  | { kind: 'days'; periodId: number; state: string; n: number; median: number; p90: number }
  | { kind: 'furthest'; periodId: number; state: number; n: number; median: null; p90: null };
type FunnelCountRow = { periodId: number; state: string; channel: string | null; n: number };
type FunnelOutcomeRow = { periodId: number; kind: 'rejected' | 'withdrawn'; stage: string; reasonCode: string; n: number };

/** The periods in the filter, with or without applications, by year then branch. */
export function funnelPeriods(db: DbOrTx, f: FunnelFilter): FunnelPeriodRow[] {
  return prepared(db, FUNNEL_SQL.periods).all(funnelParams(f)) as FunnelPeriodRow[];
}

/**
 * How far the applications went (`furthest`: reaching stage i = furthest ≥ i, passing it =
 * furthest > i) and the days in each stage (`days`): per application the sum of its stays there
 * (branch-zone calendar days), for applications that have left the stage and are not back in it,
 * then per period and stage the median and 90th percentile by linear interpolation between the
 * closest ranks (position (n − 1)·p in ascending order); `toActive`, the days from the registration
 * to entering active, likewise. Read from the read model (a few rows per period, area and stage).
 */
export function funnelStages(db: DbOrTx, f: FunnelFilter): FunnelStageRow[] {
  return prepared(db, FUNNEL_READ_MODEL_SQL.stages).all(funnelParams(f)) as FunnelStageRow[];
}

/**
 * The same rows as `funnelStages`, computed from the stage entries in the audit log (every
 * application's rows, LEAD by seq): the definition itself, slower (seconds for 50,000
 * applications); verify-audit compares the two.
 */
export function funnelStagesFromLog(db: DbOrTx, f: FunnelFilter): FunnelStageRow[] {
  return prepared(db, FUNNEL_SQL.stages).all(funnelParams(f)) as FunnelStageRow[];
}

/** Applications per period, state now and channel (`heard_from`; null: not asked or not answered), from the read model. */
export function funnelCounts(db: DbOrTx, f: FunnelFilter): FunnelCountRow[] {
  return prepared(db, FUNNEL_READ_MODEL_SQL.counts).all(funnelParams(f)) as FunnelCountRow[];
}

/** The same rows as `funnelCounts`, from the applications themselves (verify-audit compares the two). */
export function funnelCountsFromApplications(db: DbOrTx, f: FunnelFilter): FunnelCountRow[] {
  return prepared(db, FUNNEL_SQL.counts).all(funnelParams(f)) as FunnelCountRow[];
}

/**
 * Applications that ended rejected or withdrawn (now: a reopened one is not counted), by the stage
 * they left and the reason code, both as the machine recorded them in the outcome; from the read model.
 */
export function funnelOutcomes(db: DbOrTx, f: FunnelFilter): FunnelOutcomeRow[] {
  return prepared(db, FUNNEL_READ_MODEL_SQL.outcomes).all(funnelParams(f)) as FunnelOutcomeRow[];
}

/** The same rows as `funnelOutcomes`, from the applications' snapshots (verify-audit compares the two). */
export function funnelOutcomesFromApplications(db: DbOrTx, f: FunnelFilter): FunnelOutcomeRow[] {
  return prepared(db, FUNNEL_SQL.outcomes).all(funnelParams(f)) as FunnelOutcomeRow[];
}

// The branch calendar's day of an audit row's time, as the trigger counts it (migration 0017).
const ZONE_DAY = `CAST(julianday(date(e.at, CASE b.time_zone WHEN 'Asia/Jakarta' THEN '+420 minutes'
  WHEN 'Asia/Makassar' THEN '+480 minutes' WHEN 'Asia/Jayapura' THEN '+540 minutes' ELSE '+0 minutes' END)) AS INTEGER)`;

/**
 * The funnel's read model recomputed from what it is kept from, and every difference from the
 * stored rows, for verify-audit (api/services/verify/readModels.ts). One pass over the application
 * audit rows that change state (applications by id, each one's rows by `audit_entity_seq`, LEAD by
 * seq without a sort) and one GROUP BY application give each application's `funnel_applications`
 * row and, a column per stage, its `funnel_application_stages` rows, as the triggers keep them.
 * The histograms are GROUP BYs of those recomputed rows, placed in the application's period and
 * area; the counts and outcomes GROUP BYs of `applications`; each is compared with its table by
 * EXCEPT both ways (a bucket at zero is no row). The per-application rows are compared by key
 * instead (each recomputed row looked up by primary key; the stored side's EXCEPT runs only when
 * some row was not found or the counts differ: otherwise the sets are equal). A row only the store
 * has is side `model`, one only the recomputation has side `log`; `kind` `application` names the
 * application, `period` the period. The period and area stored on `funnel_applications` are
 * compared with the application's by `FUNNEL_PLACE_CHECK_SQL`. No percentiles: the report computes
 * its figures from these rows, so equal rows give equal figures. ~4 s of CPU at 100,000 applications
 * (the log-based report statements over every period: ~8 s).
 */
export const FUNNEL_CHECK_SQL = `WITH
  moves AS (
    SELECT app, period_id, work_area_id, state, day, lead(day) OVER w - day AS stay,
      lead(seq) OVER w IS NULL AS last, lead(seq, 2) OVER w IS NULL AS last_two
    FROM (
      SELECT a.id AS app, a.period_id, a.work_area_id, e.seq, e.to_state AS state, ${ZONE_DAY} AS day
      FROM applications a
      JOIN recruitment_periods p ON p.id = a.period_id
      JOIN branches b ON b.id = p.branch_id
      CROSS JOIN audit_events e ON e.entity_type = 'application' AND e.entity_id = a.id
      WHERE e.to_state IS NOT NULL AND e.from_state IS NOT e.to_state
    )
    WINDOW w AS (PARTITION BY app ORDER BY seq)
  ),
  -- one row per application: its row of funnel_applications, and per stage the days of its ended stays
  -- (null: never left), a column each, so that one GROUP BY gives both tables' rows
  apps AS MATERIALIZED (
    SELECT app AS application_id, period_id, work_area_id,
      max(CASE WHEN last THEN state END) AS state, max(CASE WHEN last THEN day END) AS entered_day,
      max(CASE WHEN last_two AND NOT last THEN state END) AS left_state,
      max(CASE WHEN last_two AND NOT last THEN day END) AS left_day,
      min(day) AS registered_day, max(CASE WHEN state = 'active' THEN day END) AS active_day,
      max(${STAGE_INDEX}) AS furthest, max(CASE WHEN state = 'active' THEN day END) - min(day) AS to_active_days,
      sum(CASE WHEN state = 'registered' THEN stay END) AS d0, sum(CASE WHEN state = 'administrativeCheck' THEN stay END) AS d1,
      sum(CASE WHEN state = 'writtenTest' THEN stay END) AS d2, sum(CASE WHEN state = 'interview' THEN stay END) AS d3,
      sum(CASE WHEN state = 'agreementSigning' THEN stay END) AS d4, sum(CASE WHEN state = 'debriefing' THEN stay END) AS d5
    FROM moves GROUP BY app
  ),
  stage_names (i, stage) AS (
    VALUES (0, 'registered'), (1, 'administrativeCheck'), (2, 'writtenTest'), (3, 'interview'), (4, 'agreementSigning'),
      (5, 'debriefing')
  ),
  stages AS MATERIALIZED (
    SELECT application_id, period_id, work_area_id, stage, days, stage = state AS now_in FROM (
      SELECT apps.*, k.stage, CASE k.i WHEN 0 THEN d0 WHEN 1 THEN d1 WHEN 2 THEN d2 WHEN 3 THEN d3 WHEN 4 THEN d4
        ELSE d5 END AS days
      FROM apps CROSS JOIN stage_names k
    ) WHERE days IS NOT NULL
  ),
  app_rows AS (
    SELECT application_id, state, entered_day, left_state, left_day, registered_day, active_day, furthest, to_active_days FROM apps
  ),
  stored_app_rows AS (
    SELECT application_id, state, entered_day, left_state, left_day, registered_day, active_day, furthest, to_active_days
    FROM funnel_applications
  ),
  stage_rows AS (SELECT application_id, stage, days FROM stages),
  -- the recomputed rows the store lacks, each looked up by its key; when there is none and the
  -- store holds as many rows (keys are unique on both sides), the two sets are equal and the
  -- other way (stored rows not recomputed, by EXCEPT) is not run
  app_log AS MATERIALIZED (
    SELECT * FROM app_rows r WHERE NOT EXISTS (
      SELECT 1 FROM funnel_applications f WHERE f.application_id = r.application_id AND f.state IS r.state
        AND f.entered_day IS r.entered_day AND f.left_state IS r.left_state AND f.left_day IS r.left_day
        AND f.registered_day IS r.registered_day AND f.active_day IS r.active_day AND f.furthest IS r.furthest
        AND f.to_active_days IS r.to_active_days)
  ),
  stage_log AS MATERIALIZED (
    SELECT * FROM stage_rows r WHERE NOT EXISTS (
      SELECT 1 FROM funnel_application_stages s WHERE s.application_id = r.application_id AND s.stage = r.stage
        AND s.days IS r.days)
  ),
  stage_days AS (
    SELECT period_id, work_area_id, stage, days, count(*) AS n FROM stages WHERE NOT now_in
    GROUP BY period_id, work_area_id, stage, days
    UNION ALL
    SELECT period_id, work_area_id, 'toActive', to_active_days, count(*) FROM apps WHERE to_active_days IS NOT NULL
    GROUP BY period_id, work_area_id, to_active_days
  ),
  furthest AS (
    SELECT period_id, work_area_id, furthest, count(*) AS n FROM apps WHERE furthest IS NOT NULL
    GROUP BY period_id, work_area_id, furthest
  ),
  counts AS (
    SELECT period_id, work_area_id, state, coalesce(heard_from, '') AS channel, count(*) AS n FROM applications
    GROUP BY period_id, work_area_id, state, coalesce(heard_from, '')
  ),
  outcomes AS (
    SELECT period_id, work_area_id, state, stage, reason_code, count(*) AS n FROM (
      SELECT period_id, work_area_id, state,
        coalesce(json_extract(CASE WHEN json_valid(snapshot) THEN snapshot END, '$.context.outcome.stage'), '') AS stage,
        coalesce(json_extract(CASE WHEN json_valid(snapshot) THEN snapshot END, '$.context.outcome.reasonCode'), '') AS reason_code
      FROM applications WHERE state IN ('rejected', 'withdrawn')
    ) GROUP BY period_id, work_area_id, state, stage, reason_code
  ),
  differences (kind, id, side, sort, text) AS (
    SELECT 'application', application_id, side, 0, 'in ' || state || ' since day ' || entered_day || ', before in '
      || coalesce(left_state || ' since day ' || left_day, 'none') || ', registered day ' || registered_day
      || ', active day ' || coalesce(active_day, 'none') || ', furthest stage ' || coalesce(furthest, 'none')
      || ', days to active ' || coalesce(to_active_days, 'none')
    FROM (SELECT 'log' AS side, * FROM app_log
          UNION ALL SELECT 'model', * FROM (SELECT * FROM stored_app_rows EXCEPT SELECT * FROM app_rows)
          WHERE EXISTS (SELECT 1 FROM app_log)
            OR (SELECT count(*) FROM funnel_applications) <> (SELECT count(*) FROM apps))
    UNION ALL
    SELECT 'application', application_id, side, 1, days || ' days in ' || stage
    FROM (SELECT 'log' AS side, * FROM stage_log
          UNION ALL SELECT 'model', * FROM (SELECT * FROM funnel_application_stages EXCEPT SELECT * FROM stage_rows)
          WHERE EXISTS (SELECT 1 FROM stage_log)
            OR (SELECT count(*) FROM funnel_application_stages) <> (SELECT count(*) FROM stages))
    UNION ALL
    SELECT 'period', period_id, side, 2, stage || ' n ' || n || ' at ' || days || ' days in work area ' || work_area_id
    FROM (SELECT 'log' AS side, * FROM (SELECT * FROM stage_days
            EXCEPT SELECT period_id, work_area_id, stage, days, n FROM funnel_stage_days WHERE n <> 0)
          UNION ALL SELECT 'model', * FROM (SELECT period_id, work_area_id, stage, days, n FROM funnel_stage_days WHERE n <> 0
            EXCEPT SELECT * FROM stage_days))
    UNION ALL
    SELECT 'period', period_id, side, 3, n || ' went furthest to stage ' || furthest || ' in work area ' || work_area_id
    FROM (SELECT 'log' AS side, * FROM (SELECT * FROM furthest
            EXCEPT SELECT period_id, work_area_id, furthest, n FROM funnel_furthest WHERE n <> 0)
          UNION ALL SELECT 'model', * FROM (SELECT period_id, work_area_id, furthest, n FROM funnel_furthest WHERE n <> 0
            EXCEPT SELECT * FROM furthest))
    UNION ALL
    SELECT 'period', period_id, side, 4, n || ' ' || state || ' heard from ' || coalesce(nullif(channel, ''), 'not recorded')
      || ' in work area ' || work_area_id
    FROM (SELECT 'log' AS side, * FROM (SELECT * FROM counts
            EXCEPT SELECT period_id, work_area_id, state, channel, n FROM funnel_counts WHERE n <> 0)
          UNION ALL SELECT 'model', * FROM (SELECT period_id, work_area_id, state, channel, n FROM funnel_counts WHERE n <> 0
            EXCEPT SELECT * FROM counts))
    UNION ALL
    SELECT 'period', period_id, side, 5, n || ' ' || state || ' at ' || coalesce(nullif(stage, ''), 'no stage') || ' for '
      || coalesce(nullif(reason_code, ''), 'no reason') || ' in work area ' || work_area_id
    FROM (SELECT 'log' AS side, * FROM (SELECT * FROM outcomes
            EXCEPT SELECT period_id, work_area_id, state, stage, reason_code, n FROM funnel_outcomes WHERE n <> 0)
          UNION ALL SELECT 'model', * FROM (SELECT period_id, work_area_id, state, stage, reason_code, n FROM funnel_outcomes
            WHERE n <> 0 EXCEPT SELECT * FROM outcomes))
  )
  SELECT kind, id, side, text FROM differences ORDER BY kind, id, side, sort, text`;

/** Applications whose read-model row stands in another period or work area than the application. */
export const FUNNEL_PLACE_CHECK_SQL = `SELECT a.id FROM applications a JOIN funnel_applications f ON f.application_id = a.id
  WHERE f.period_id IS NOT a.period_id OR f.work_area_id IS NOT a.work_area_id ORDER BY a.id`;

export type FunnelDifference = { kind: 'application' | 'period'; id: number; side: 'model' | 'log'; text: string };

/** Every difference between the funnel's read model and its recomputation from the records (`FUNNEL_CHECK_SQL`). */
export function funnelReadModelDifferences(db: DbOrTx): FunnelDifference[] {
  return prepared(db, FUNNEL_CHECK_SQL).all() as FunnelDifference[];
}

/** Applications counted by the read model in another period or work area than their own. */
export function funnelMisplacedApplications(db: DbOrTx): number[] {
  return prepared(db, FUNNEL_PLACE_CHECK_SQL).pluck().all() as number[];
}
