import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbHandle, RENEWALS_SQL, renewalsParams } from '../src';
import { tempDatabase } from './tempDatabase';

let handle: DbHandle;
let cleanup = () => {};

beforeAll(() => {
  ({ handle, cleanup } = tempDatabase('kader-renewals-plans-'));
});
afterAll(() => cleanup());

const filter = (branchId: number | null) =>
  renewalsParams({ branchId, regionCode: '35.77', fromYear: 2019, toYear: 2020, minReason: 5, listLimit: 50 });

function planOf(sql: string, branchId: number | null): string {
  return (handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(filter(branchId)) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
}

describe('the renewal outcomes read through indexes', () => {
  it.each([1, null])(
    'branch %s: agreements by branch and end date, decisions by audit_entity_seq, never a scan of either',
    (branchId) => {
      const plan = planOf(RENEWALS_SQL.outcomes, branchId);
      expect(plan).not.toMatch(/^\s*SCAN (c|e|contracts|audit_events)\b/m);
      expect(plan).toMatch(/SEARCH c USING INDEX contracts_branch_end \(branch_id=\? AND end_date>\? AND end_date<\?\)/);
      // the latest decision: walked backwards from the agreement's last row, then fetched by its seq
      expect(plan).toMatch(/SEARCH e USING INDEX audit_entity_seq \(entity_type=\? AND entity_id=\?\)/);
      expect(plan).toMatch(/SEARCH e USING INDEX audit_entity_seq \(entity_type=\? AND entity_id=\? AND seq=\?\)/);
      // the decisions are read once for both kinds of row (groups and the overrides listed)
      expect(plan.match(/SEARCH c USING INDEX contracts_branch_end/g)).toHaveLength(1);
    },
  );
});
