/**
 * The targets report's rows per agreement year (`target_year_figures`, written by `writeMonth` with
 * each month) on a hand-made history through the real services with a clock: the report reads them
 * when they name the version in force, and sums the months itself when they are missing (written
 * before migration 0021) or name another version; verify-audit's check of them.
 *
 * One cadre of KC Madiun under agreement from 1 April 2026 (default KPI targets). April: 120 of
 * 500 families visited, Rp 300.000 on 3-month arrears, reported on 3 May, 2 meetings attended;
 * May: 200 visited, Rp 150.000 on 1-month arrears (not counted), not reported, 1 meeting; June
 * reported twice (the latest counts): 250 visited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMonth } from '../src/services/contracts/recordMonth';
import { targetsReport, targetsReportSchema } from '../src/services/reports/targets';
import { targetYearMismatches } from '../src/services/verify/monthlyFigures';
import { contextFor, fixedClock, recruitCadre, seedBranch, tempDatabase } from './helpers';

let db: ReturnType<typeof tempDatabase>;
let ids: ReturnType<typeof seedBranch>;
let contractId = 0;
const clock = fixedClock('2026-03-01T02:00:00.000Z');

const month = (
  m: string,
  visited: number,
  collections: { arrearsMonths: number; amount: number }[],
  deliveredOn: string | null,
  attended: number,
) => ({
  month: m,
  familiesVisited: visited,
  visits: visited,
  collections,
  reportDeliveredOn: deliveredOn,
  meetingsHeld: 2,
  meetingsAttended: attended,
});

beforeAll(() => {
  db = tempDatabase();
  ids = seedBranch(db.handle, 5);
  const ctx = contextFor(db.handle, clock.now, 'penyelia-uji');
  contractId = recruitCadre(db.handle, ctx, clock, ids).id;
  clock.advance(Date.parse('2026-07-03T02:00:00.000Z') - clock.now().getTime());
  const record = (m: ReturnType<typeof month>, revision: number | null = null) =>
    recordMonth({ ctx, input: { contractId, revision, record: m } });
  record(month('2026-04', 120, [{ arrearsMonths: 3, amount: 300_000 }], '2026-05-03', 2));
  record(month('2026-05', 200, [{ arrearsMonths: 1, amount: 150_000 }], null, 1));
  record(month('2026-06', 100, [], '2026-07-02', 2));
  record(month('2026-06', 250, [], '2026-07-02', 2), 1);
});
afterAll(() => db.cleanup());

const report = () =>
  targetsReport({
    ctx: contextFor(db.handle, () => new Date('2026-07-10T02:00:00.000Z')),
    input: targetsReportSchema.parse({ branchId: ids.branch.id, fromYear: 2026, toYear: 2026, year: 2026 }),
  });
const rows = () =>
  db.handle.sqlite
    .prepare('SELECT year, kpi_from AS kpiFrom, months, visited FROM target_year_figures WHERE contract_id = ?')
    .all(contractId);

describe('the targets report’s rows per agreement year', () => {
  let before: ReturnType<typeof report>;
  it('are written with each month: one row per calendar year, the latest record of a month reported twice', () => {
    expect(rows()).toEqual([{ year: 2026, kpiFrom: expect.any(String), months: 3, visited: 120 + 200 + 250 }]);
    before = report();
    expect(before.total.months).toBe(3);
    expect(before.total.visits.actual).toBe(570);
    expect(before.total.collection.actual).toBe(300_000);
    expect(before.total.reports.actual).toBe(2);
    expect(before.total.attendance.actual).toBe(5);
  });

  it('are checked by verify-audit against the months: none differ, a changed sum is named', () => {
    expect(targetYearMismatches(db.handle)).toEqual([]);
    db.handle.sqlite.prepare('UPDATE target_year_figures SET visited = visited + 1 WHERE contract_id = ?').run(contractId);
    const found = targetYearMismatches(db.handle);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'contract', id: contractId });
    expect(found[0]!.reason).toContain('target year 2026: stored months 3, visited 571');
    expect(found[0]!.reason).toContain('from the months months 3, visited 570');
  });

  it('naming a version not in force for the agreement: the report sums its months instead, same answer', () => {
    db.handle.sqlite.prepare("UPDATE target_year_figures SET kpi_from = '2001-01-01' WHERE contract_id = ?").run(contractId);
    expect(report()).toEqual(before);
  });

  it('missing (months recorded before the table): the report sums its months, same answer', () => {
    db.handle.sqlite.prepare('DELETE FROM target_year_figures WHERE contract_id = ?').run(contractId);
    expect(report()).toEqual(before);
  });
});
