import { describe, expect, it } from 'vitest';
import { listBoard, seedDemo, verifyAuditLog } from '../src/index';
import { contextFor, madiun2026, tempDatabase } from './helpers';

/** Each contract's start year and state, by the year of the period its cadre was recruited in. */
function contractsByPeriodYear(handle: ReturnType<typeof tempDatabase>['handle']) {
  return handle.sqlite
    .prepare(
      `select p.year, c.start_date startDate, c.state from contracts c
       join applications a on a.id = c.application_id join recruitment_periods p on p.id = a.period_id
       order by c.id`,
    )
    .all() as { year: number; startDate: string; state: string }[];
}

describe('demo seed', () => {
  it('seeds through the service verbs once, and every application replays to its stored snapshot', async () => {
    const db = tempDatabase();
    try {
      expect(await seedDemo(db.handle, { today: '2026-11-23' })).toEqual({ seeded: true });
      expect(await seedDemo(db.handle, { today: '2026-11-23' })).toEqual({ seeded: false });
      const report = verifyAuditLog(db.handle);
      expect(report.checked).toBeGreaterThan(15);
      expect(report.mismatches).toEqual([]);
      const ctx = contextFor(db.handle, () => new Date());
      const board = listBoard({ ctx, input: { periodId: madiun2026(db.handle) } });
      const count = (s: string) => board.columns.find((c) => c.state === s)?.total;
      expect(count('active')).toBe(3);
      expect(count('rejected')).toBe(1);
      expect(count('withdrawn')).toBe(1);
    } finally {
      db.cleanup();
    }
  });

  // The date rules refuse a signing after the day it is recorded and an agreement starting outside
  // its period's year: the seed's story must be possible on the days where that bites.
  it.each([
    ['2027-01-01', 'evaluationDue'],
    ['2027-01-02', 'evaluationDue'],
    ['2028-02-29', 'evaluationDue'],
    ['2027-12-20', 'evaluationDue'],
    // Every agreement starting in last year has ended by 30 December: it waits for a late decision.
    ['2027-12-31', 'lapsed'],
  ])('seeds a possible story on %s: agreements start in their period year, last year’s are %s', async (today, lastYears) => {
    const db = tempDatabase();
    try {
      expect(await seedDemo(db.handle, { today })).toEqual({ seeded: true });
      expect(verifyAuditLog(db.handle).mismatches).toEqual([]);
      const year = Number(today.slice(0, 4));
      const contracts = contractsByPeriodYear(db.handle);
      expect(contracts.map((c) => [c.year, c.state])).toEqual([
        [year, 'active'],
        [year, 'active'],
        [year, 'active'],
        [year - 1, lastYears],
        [year - 1, lastYears],
        [year - 1, lastYears],
      ]);
      for (const c of contracts) expect(c.startDate.slice(0, 4)).toBe(String(c.year));
    } finally {
      db.cleanup();
    }
  });
});
