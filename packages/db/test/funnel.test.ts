import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbHandle, FUNNEL_SQL, funnelParams } from '../src';
import { tempDatabase } from './tempDatabase';

let handle: DbHandle;
let cleanup = () => {};

beforeAll(() => {
  ({ handle, cleanup } = tempDatabase('kader-funnel-plans-'));
});
afterAll(() => cleanup());

const ONE_BRANCH = funnelParams({
  branchId: 1,
  regionCode: '35.77',
  fromYear: 2025,
  toYear: 2026,
  shifts: { 1: '+420 minutes' },
});

function planOf(sql: string): string[] {
  return (handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(ONE_BRANCH) as { detail: string }[]).map((r) => r.detail);
}

describe('the selection funnel reads through indexes', () => {
  it.each(Object.entries(FUNNEL_SQL).filter(([name]) => name !== 'periods'))(
    '%s: applications by period, never a scan of applications or the audit log',
    (_, sql) => {
      const plan = planOf(sql);
      const text = plan.join('\n');
      expect(
        plan.filter((step) => /^SCAN (a|e|applications|audit_events)\b/.test(step)),
        text,
      ).toEqual([]);
      expect(text).toMatch(/SEARCH a USING (COVERING )?INDEX applications_board(_area)? \(period_id=\?/);
    },
  );

  it('lists the periods by periods_branch_year', () => {
    expect(planOf(FUNNEL_SQL.periods).join('\n')).toMatch(/periods_branch_year/);
  });

  it('reaches each application’s stage entries by audit_entity_seq, not by walking the whole log', () => {
    expect(planOf(FUNNEL_SQL.stages).join('\n')).toMatch(
      /SEARCH e USING INDEX audit_entity_seq \(entity_type=\? AND entity_id=\?\)/,
    );
  });
});
