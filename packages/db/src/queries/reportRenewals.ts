import type { DbOrTx } from '../types';
import { prepared } from './prepared';
import { IN_REGION, type ReportSpan, regionParams } from './reportScope';

/**
 * The renewal outcomes' figures (docs/reports.md "Renewal outcomes"), aggregated by SQLite from the
 * agreements and each one's latest decision row in the audit log. An agreement belongs to the year
 * of its end date (the year its decision falls due). Each statement starts from the branches in
 * the filter, reaches their agreements by `contracts_branch_end` (a range of end dates) and each
 * decided agreement's latest decision by walking `audit_entity_seq` backwards from its last row, so
 * the work grows with the agreements asked about, not with the log (db/test/reportRenewals.test.ts).
 */
export type RenewalsFilter = ReportSpan & {
  /** a reason at least this long (trimmed) is a written justification (workflow DECISION_REASON_MIN_LENGTH) */
  minReason: number;
  /** at most this many overrides listed per year (the counts are never bounded) */
  listLimit: number;
};

/** The named parameters every renewals statement takes. */
export const renewalsParams = (f: RenewalsFilter) => ({
  branchId: f.branchId,
  ...regionParams(f.regionCode),
  fromDate: `${f.fromYear}-01-01`,
  toDate: `${f.toYear}-12-31`,
  minReason: f.minReason,
  listLimit: f.listLimit,
});

// The agreements asked about, each with the seq of its latest decision row. Only an agreement in a
// decided state has one (decided, renewed, dropped: a decision may be changed until the end date,
// the latest counts); reading its rows backwards from the last stops at the first decision found.
const DECIDED = `
  agreements AS (
    SELECT c.id, c.branch_id, c.work_area_id, c.state, c.agreement_number,
      cast(substr(c.end_date, 1, 4) AS INTEGER) AS year, w.name AS area_name, w.region_code
    FROM branches b
    CROSS JOIN contracts c ON c.branch_id = b.id AND c.end_date BETWEEN @fromDate AND @toDate
    JOIN work_areas w ON w.id = c.work_area_id
    WHERE (@branchId IS NULL OR b.id = @branchId)
      AND ${IN_REGION}
  ),
  decided AS (
    SELECT ag.*, CASE WHEN ag.state IN ('decided', 'renewed', 'dropped') THEN (
        SELECT e.seq FROM audit_events e
        WHERE e.entity_type = 'contract' AND e.entity_id = ag.id AND e.type IN ('DECIDE_RENEWAL', 'DECIDE_LATE')
        ORDER BY e.seq DESC LIMIT 1
      ) END AS decision_seq
    FROM agreements ag
  ),
  decisions AS MATERIALIZED (
    SELECT d.*, e.type AS decision_type, e.actor, e.at,
      json_extract(e.payload, '$.decision') AS decision,
      json_extract(e.payload, '$.recommendation') AS recommendation,
      trim(coalesce(json_extract(e.payload, '$.reason'), '')) AS reason,
      json_extract(e.meta, '$.score') AS score,
      json_extract(e.meta, '$.threshold') AS threshold
    FROM decided d
    LEFT JOIN audit_events e ON e.entity_type = 'contract' AND e.entity_id = d.id AND e.seq = d.decision_seq
  )`;

/** The statement's text, for the plans test as for the function below. */
export const RENEWALS_SQL = {
  // One pass over the decisions (materialized once) gives both kinds of row: 'group' — agreements
  // per year, area, state now and (when decided) decision, recommendation, who decided, in time or
  // late, justified or not, and the score's 10-point bin (0 = 0–9.99 … 9 = 90–100); 'override' —
  // each decision against the recommendation with its justification, the latest `listLimit` per year.
  outcomes: `WITH ${DECIDED},
     listed AS (
       SELECT *, row_number() OVER (PARTITION BY year ORDER BY at DESC, id DESC) AS r
       FROM decisions WHERE decision IS NOT NULL AND decision IS NOT recommendation
     )
     SELECT 'group' AS kind, d.year, d.branch_id AS branchId, d.work_area_id AS workAreaId, d.area_name AS areaName,
       d.region_code AS regionCode, d.state, d.decision, d.recommendation, d.actor, u.name AS actorName,
       d.decision_type = 'DECIDE_LATE' AS late,
       length(d.reason) >= @minReason AS justified,
       CASE WHEN d.score IS NULL THEN NULL ELSE min(cast(d.score / 10 AS INTEGER), 9) END AS bin,
       d.threshold, count(*) AS n,
       NULL AS contractId, NULL AS agreementNumber, NULL AS reason, NULL AS score, NULL AS at
     FROM decisions d
     LEFT JOIN users u ON u.username = d.actor
     GROUP BY d.year, d.branch_id, d.work_area_id, d.state, d.decision, d.recommendation, d.actor, late, justified, bin,
       d.threshold
     UNION ALL
     SELECT 'override', year, branch_id, work_area_id, area_name, region_code, state, decision, recommendation, actor,
       NULL, decision_type = 'DECIDE_LATE', length(reason) >= @minReason, NULL, threshold, 1,
       id, agreement_number, reason, score, at
     FROM listed WHERE r <= @listLimit`,
};

type DecisionColumns = {
  year: number;
  branchId: number;
  workAreaId: number;
  areaName: string;
  regionCode: string | null;
  state: string;
  actor: string | null;
  threshold: number | null;
  n: number;
};

/** A group of agreements alike in every column (`n` of them); `decision` null when undecided. */
export type RenewalsGroupRow = DecisionColumns & {
  kind: 'group';
  decision: 'renew' | 'drop' | null;
  recommendation: 'renew' | 'drop' | null;
  actorName: string | null;
  late: 0 | 1 | null;
  justified: 0 | 1 | null;
  bin: number | null;
};

/** One decision against the recommendation (`n` = 1), with its justification. */
export type RenewalsOverrideRow = DecisionColumns & {
  kind: 'override';
  decision: 'renew' | 'drop';
  recommendation: 'renew' | 'drop';
  actor: string;
  late: 0 | 1;
  justified: 0 | 1;
  contractId: number;
  agreementNumber: string;
  reason: string;
  score: number | null;
  at: string;
};

/**
 * The agreements ending in the filter's years, grouped by everything a renewal figure counts, and
 * the overrides listed (bounded per year; their count is in the groups, never bounded).
 */
export function renewalsOutcomes(db: DbOrTx, f: RenewalsFilter): (RenewalsGroupRow | RenewalsOverrideRow)[] {
  return prepared(db, RENEWALS_SQL.outcomes).all(renewalsParams(f)) as (RenewalsGroupRow | RenewalsOverrideRow)[];
}
