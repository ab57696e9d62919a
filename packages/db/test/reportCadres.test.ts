import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CADRES_SQL, cadresYearParams, type DbHandle, underAgreementParams } from '../src';
import { tempDatabase } from './tempDatabase';

let handle: DbHandle;
let cleanup = () => {};

beforeAll(() => {
  ({ handle, cleanup } = tempDatabase('kader-cadres-plans-'));
});
afterAll(() => cleanup());

const YEARS = cadresYearParams({ branchId: 1, regionCode: '35.77', fromYear: 2017, toYear: 2020 });
const ON_A_DAY = underAgreementParams({ branchId: null, regionCode: '35', dates: { 1: '2019-06-30', 2: '2019-06-30' } });

function planOf(sql: string, params: object): string {
  return (handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

describe('cadres per year reads through indexes', () => {
  it('years: each branch’s agreements by a range of start dates from a covering index, never a scan of contracts', () => {
    const plan = planOf(CADRES_SQL.years, YEARS);
    expect(plan, plan).not.toMatch(/SCAN (c|e|contracts)\b/);
    expect(plan).toMatch(
      /SEARCH c USING COVERING INDEX contracts_branch_start \(branch_id=\? AND start_date>\? AND start_date<\?\)/,
    );
    // a recruit's earlier agreements: the candidate's own, by contracts_candidate
    expect(plan).toMatch(/SEARCH e USING COVERING INDEX contracts_candidate \(candidate_id=\? AND rowid<\?\)/);
  });

  it('under agreement: per work area, the agreements ending on or after the day, never a scan of contracts', () => {
    const plan = planOf(CADRES_SQL.underAgreement, ON_A_DAY);
    expect(plan, plan).not.toMatch(/SCAN (c|contracts)\b/);
    // the agreements covering the day counted from the index alone; only early ends read their row
    expect(plan).toMatch(/SEARCH c USING COVERING INDEX contracts_area_term \(work_area_id=\? AND end_date>\?\)/);
    expect(plan).toMatch(/SEARCH x USING INDEX contracts_area_(end|term) \(work_area_id=\? AND end_date>\?\)/);
  });
});
