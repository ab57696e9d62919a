import type { DbOrTx } from '../types';
import { yearRange } from './agreementNumbers';
import { prepared } from './prepared';

/**
 * The places a branch has taken in a year, in one statement (every quota check and every
 * application page, so every send's answer, reads it): the year's recruitment in the states that
 * hold a place, renewed years starting that year (unless the cadre left early), and renewals
 * decided but not yet carried out whose next year starts then. Each term is a range of an index
 * (`periods_branch_year` then `applications_board*`, `contracts_branch_start`,
 * `contracts_branch_state_end`); prepared once per connection for each number of states.
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
  const marks = (states: readonly string[]) => states.map(() => '?').join(', ');
  const row = prepared(
    db,
    `SELECT
       (SELECT count(*) FROM applications
        WHERE period_id = (SELECT id FROM recruitment_periods WHERE branch_id = ? AND year = ?)
          AND state IN (${marks(holdingStates)}))
     + (SELECT count(*) FROM contracts
        WHERE branch_id = ? AND start_date >= ? AND start_date < ? AND previous_contract_id IS NOT NULL
          AND state NOT IN (${marks(leftEarlyStates)}))
     -- a decided renewal's next year starts the day after the end date
     + (SELECT count(*) FROM contracts
        WHERE branch_id = ? AND state = 'decided'
          AND json_extract(snapshot, '$.context.decision.decision') = 'renew'
          AND date(end_date, '+1 day') >= ? AND date(end_date, '+1 day') < ?) AS n`,
  ).get(branchId, year, ...holdingStates, branchId, from, to, ...leftEarlyStates, branchId, from, to) as { n: number };
  return row.n;
}
