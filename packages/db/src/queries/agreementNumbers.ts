import type { DbOrTx } from '../types';
import { prepared } from './prepared';

/** `[first day of year, first day of the next)` as ISO dates: a range an index on a date column can serve. */
export function yearRange(year: number): [string, string] {
  return [`${String(year).padStart(4, '0')}-01-01`, `${String(year + 1).padStart(4, '0')}-01-01`];
}

/**
 * Is an agreement number already used, by a contract or by a signed application? Two index
 * lookups (the contracts' unique number, the applications' expression index on the number in the
 * snapshot, migration 0008: the expression here must be spelled as the index spells it), so a
 * signing costs the same however many applications there are.
 */
export function agreementNumberTaken(db: DbOrTx, agreementNumber: string): boolean {
  const row = prepared(
    db,
    `SELECT EXISTS (SELECT 1 FROM contracts WHERE agreement_number = ?)
         OR EXISTS (SELECT 1 FROM applications WHERE json_extract(snapshot, '$.context.agreement.number') = ?) AS taken`,
  ).get(agreementNumber, agreementNumber) as { taken: number };
  return row.taken === 1;
}

/** Agreement years of a branch starting in `year`: the sequence a yearly-restarting number pattern counts from. */
export function countContractsNumbered(db: DbOrTx, { branchId, year }: { branchId: number; year: number }): number {
  const [from, to] = yearRange(year);
  const row = prepared(db, 'SELECT count(*) AS n FROM contracts WHERE branch_id = ? AND start_date >= ? AND start_date < ?').get(
    branchId,
    from,
    to,
  ) as { n: number };
  return row.n;
}
