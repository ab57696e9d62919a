import type { DbOrTx } from '../types';
import { yearRange } from './agreementNumbers';
import { prepared } from './prepared';

/**
 * The places a branch has taken in a year, in one statement (every quota check and every
 * application page, so every send's answer, reads it): the year's recruitment in the states that
 * hold a place, renewed years starting that year (unless the cadre left early), and renewals
 * decided but not yet carried out whose next year starts then. Each term stays small however much
 * history there is: the recruitment's from `board_counts` (kept by triggers, one row per area and
 * state, where counting the applications themselves read thousands of index entries at 100k), the
 * renewed years from the covering `contracts_branch_start` (no row read per contract), the decided
 * ones by an end-date range of `contracts_branch_state_end`. Prepared once per connection for each
 * number of states.
 */
export function countPlacesTaken(
  db: DbOrTx,
  {
    branchId,
    year,
    holdingStates,
    leftEarlyStates,
  }: { branchId: number; year: number; holdingStates: readonly string[]; leftEarlyStates: readonly string[] },
): number {
  const [from, to] = yearRange(year);
  // a decided renewal's next year starts the day after its end date: [from, to) shifted back a day,
  // as a plain range on end_date that the index can serve (date(end_date, '+1 day') could not)
  const [endFrom, endTo] = [`${String(year - 1).padStart(4, '0')}-12-31`, `${String(year).padStart(4, '0')}-12-31`];
  const marks = (states: readonly string[]) => states.map(() => '?').join(', ');
  const row = prepared(
    db,
    `SELECT
       (SELECT coalesce(sum(n), 0) FROM board_counts
        WHERE period_id = (SELECT id FROM recruitment_periods WHERE branch_id = ? AND year = ?)
          AND state IN (${marks(holdingStates)}))
     + (SELECT count(*) FROM contracts
        WHERE branch_id = ? AND start_date >= ? AND start_date < ? AND previous_contract_id IS NOT NULL
          AND state NOT IN (${marks(leftEarlyStates)}))
     + (SELECT count(*) FROM contracts
        WHERE branch_id = ? AND state = 'decided' AND end_date >= ? AND end_date < ?
          AND json_extract(snapshot, '$.context.decision.decision') = 'renew') AS n`,
  ).get(branchId, year, ...holdingStates, branchId, from, to, ...leftEarlyStates, branchId, endFrom, endTo) as { n: number };
  return row.n;
}

/**
 * The places each work area of a branch has taken in a year, by the same three terms as
 * `countPlacesTaken` restricted to the area (a recruitment's place is its application's area, a
 * renewal's its contract's): one statement for every area (the quota page), or for one area when
 * `workAreaId` is given (a signing or a renewal, inside the transaction that checks the branch's).
 * The renewal terms read the contract row for its area after the branch's index range: a branch's
 * renewals of one year, a few hundred rows at most.
 */
export function countPlacesTakenByArea(
  db: DbOrTx,
  {
    branchId,
    year,
    holdingStates,
    leftEarlyStates,
    workAreaId = null,
  }: {
    branchId: number;
    year: number;
    holdingStates: readonly string[];
    leftEarlyStates: readonly string[];
    workAreaId?: number | null;
  },
): Map<number, number> {
  const [from, to] = yearRange(year);
  const [endFrom, endTo] = [`${String(year - 1).padStart(4, '0')}-12-31`, `${String(year).padStart(4, '0')}-12-31`];
  // named parameters: the area's condition and the branch appear in every term; the states as
  // @h0, @h1 … and @l0, @l1 …
  const named = (states: readonly string[], prefix: string) => states.map((_, i) => `@${prefix}${i}`).join(', ');
  const params: Record<string, string | number | null> = { branchId, year, from, to, workAreaId, endFrom, endTo };
  holdingStates.forEach((s, i) => (params[`h${i}`] = s));
  leftEarlyStates.forEach((s, i) => (params[`l${i}`] = s));
  // `@workAreaId IS NULL OR …`: one statement serves both the page and the one-area check
  const rows = prepared(
    db,
    `SELECT area, sum(n) AS n FROM (
       SELECT work_area_id AS area, n FROM board_counts
       WHERE period_id = (SELECT id FROM recruitment_periods WHERE branch_id = @branchId AND year = @year)
         AND (@workAreaId IS NULL OR work_area_id = @workAreaId) AND state IN (${named(holdingStates, 'h')})
       UNION ALL
       SELECT work_area_id, 1 FROM contracts
       WHERE branch_id = @branchId AND start_date >= @from AND start_date < @to AND previous_contract_id IS NOT NULL
         AND (@workAreaId IS NULL OR work_area_id = @workAreaId) AND state NOT IN (${named(leftEarlyStates, 'l')})
       UNION ALL
       SELECT work_area_id, 1 FROM contracts
       WHERE branch_id = @branchId AND state = 'decided' AND end_date >= @endFrom AND end_date < @endTo
         AND (@workAreaId IS NULL OR work_area_id = @workAreaId)
         AND json_extract(snapshot, '$.context.decision.decision') = 'renew'
     ) GROUP BY area`,
  ).all(params) as { area: number; n: number }[];
  return new Map(rows.map((r) => [r.area, r.n]));
}
