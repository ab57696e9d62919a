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
