import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbHandle, FEES_SQL, feesParams } from '../src';
import { tempDatabase } from './tempDatabase';

let handle: DbHandle;
let cleanup = () => {};

beforeAll(() => {
  ({ handle, cleanup } = tempDatabase('kader-fees-plans-'));
});
afterAll(() => cleanup());

function planOf(sql: string, branchId: number | null): string {
  const params = { ...feesParams({ branchId, regionCode: '35.77' }, '2026-01', '2026-12'), scheduleFrom: '2026-01-01' };
  return (handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

const statements = Object.entries(FEES_SQL).flatMap(([name, byBranch]) =>
  (['one', 'all'] as const).map((branch) => [`${name} (${branch})`, byBranch[branch], branch === 'one' ? 1 : null] as const),
);

describe('the fee payout reads through indexes', () => {
  it.each(statements)('%s: one branch’s agreements by end date, every branch’s records by month', (_, sql, branchId) => {
    const plan = planOf(sql, branchId);
    // never a walk of every monthly record, nor of every contract (but once for the chart's region)
    expect(plan).not.toMatch(sql === FEES_SQL.year.all ? /SCAN m\b/ : /SCAN (c|m)\b/);
    if (branchId === null) {
      // the months' records in one range of monthly_fees_by_month; each one's agreement by its key
      expect(plan).toMatch(
        sql === FEES_SQL.year.all
          ? /SEARCH m USING COVERING INDEX monthly_fees_by_month \(month>\? AND month<\?\)/
          : /SEARCH m USING (COVERING )?INDEX monthly_fees_by_month \(month[>=]\?/,
      );
      expect(plan).not.toMatch(/SEARCH c USING (COVERING )?INDEX/);
      // the chart's sums grouped in the order the index gives them: no sort of 120,000 rows
      if (sql === FEES_SQL.year.all) expect(plan).not.toMatch(/TEMP B-TREE FOR GROUP BY/);
      return;
    }
    expect(plan).toMatch(/SEARCH c USING INDEX contracts_branch_(start|end) \(branch_id=\? AND (start_date<|end_date>)\?\)/);
    // an index on (contract_id, month): the year's sums from the covering monthly_fees alone (no
    // record read), the records' collections by whichever one the planner takes
    expect(plan).toMatch(
      sql === FEES_SQL.year.one
        ? /SEARCH m USING COVERING INDEX monthly_fees \(contract_id=\? AND month>\? AND month<\?\)/
        : /SEARCH m USING (COVERING )?INDEX monthly_(contract_month|figures|fees) \(contract_id=\? AND month[>=]\?/,
    );
  });
});
