/**
 * Targets and achievement (docs/reports.md) on hand-made histories: two cadres of KC Madiun
 * recruited through the real services, their months recorded by the real form's service (one month
 * recorded and then corrected), head office's KPI version added through its service; each figure
 * below is worked out by hand from these records.
 *
 * KPI versions: V1 the defaults (from 2017-01-01: visit share 1, Rp 10.000.000 a month, 2 meetings,
 * report due the 5th); V2 from 2027-03-01 (share 0,5, Rp 4.000.000, 3 meetings, due the 10th).
 * The scorecard judges an agreement year by the version in force on its evaluation date:
 *   A  Kota Madiun (35.77), 2026-04-01 .. 2027-03-31, evaluation 2027-03-01 → V2 for every month
 *   B  Kabupaten Ngawi (35.21), 2026-03-25 .. 2027-03-24, evaluation 2027-02-22 → V1
 *
 *   month    cadre assigned visited  collected (2–24 months)      report      attended  (target)
 *   2026-11  A     500      100       2.000.000 (+500.000 at 1)    10 Dec: on time  4 → 3   (3)
 *   2026-12  A     400      300       6.000.000 (+1.000.000 at 25) 11 Jan: late     2        (3)
 *   2027-01  A     500      250       0                            none: late       1        (3)
 *   2026-12  B     500      200      12.000.000                    5 Jan: on time   2        (2)
 *            (first recorded 50 visited, 1.000.000, 20 Jan, 0 attended; corrected: counted once, as corrected)
 *   2027-02  B     500      500      10.000.000                    5 Mar: on time   3 → 2    (2)
 *
 * Targets: visits A 250, 200, 250 (× 0,5); B 500, 500. Collection A 4.000.000 a month, B 10.000.000.
 *   2026  visits 600 / 950 = 63,16 %   dues 20.000.000 / 18.000.000 = 111,11 %   reports 2/3 = 66,67 %
 *         attendance (3 + 2 + 2) / (3 + 3 + 2) = 7/8 = 87,5 %
 *   2027  visits 750 / 750 = 100 %     dues 10.000.000 / 14.000.000 = 71,43 %    reports 1/2 = 50 %
 *         attendance (1 + 2) / (3 + 2) = 60 %
 */
import { insertBranch, insertWorkArea } from '@kader/db';
import { DEFAULT_KPI_SETTINGS, monthlyFigures, monthlyRecordSchema, reportOnTime } from '@kader/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context';
import { DomainError } from '../src/errors';
import { addSetting } from '../src/services/contracts/addSetting';
import { getContractDetail } from '../src/services/contracts/getContractDetail';
import { recordMonth } from '../src/services/contracts/recordMonth';
import { type TargetFigures, type TargetsReportInput, targetsReport, targetsReportSchema } from '../src/services/reports/targets';
import { contextFor, fixedClock, recruitCadre, seedBranch, tempDatabase } from './helpers';

let db: ReturnType<typeof tempDatabase>;
let ids: ReturnType<typeof seedBranch>;
let otherBranchId: number;
const contractIds = { a: 0, b: 0 };

const record = (
  month: string,
  r: {
    assigned?: number;
    visited: number;
    collections: [number, number][];
    delivered: string | null;
    held: number;
    attended: number;
  },
) => ({
  month,
  familiesAssigned: r.assigned ?? 500,
  familiesVisited: r.visited,
  visits: r.visited,
  collections: r.collections.map(([arrearsMonths, amount]) => ({ arrearsMonths, amount })),
  reportDeliveredOn: r.delivered,
  meetingsHeld: r.held,
  meetingsAttended: r.attended,
});

beforeAll(() => {
  db = tempDatabase();
  const clock = fixedClock('2026-03-01T02:00:00.000Z');
  const ctx = contextFor(db.handle, clock.now, 'penyelia-uji');
  ids = seedBranch(db.handle, 5);
  const other = insertBranch(db.handle.db, { code: 'KC-BGR', name: 'KC Bogor', timeZone: 'Asia/Jakarta' });
  insertWorkArea(db.handle.db, { branchId: other.id, name: 'Kota Bogor', regionCode: '32.71' });
  otherBranchId = other.id;

  addSetting({
    ctx,
    input: {
      kind: 'kpi',
      value: {
        ...DEFAULT_KPI_SETTINGS,
        effectiveFrom: '2027-03-01',
        targets: { familiesVisitedShare: 0.5, collectionPerMonth: 4_000_000, meetingsPerMonth: 3, reportDueDay: 10 },
      },
    },
  });

  const a = recruitCadre(db.handle, ctx, clock, ids, '3577015208900001', '2026-04-01');
  const b = recruitCadre(db.handle, ctx, clock, { ...ids, area: ids.other }, '3577015208900002', '2026-03-25');
  expect([a.evaluationDueOn, b.evaluationDueOn]).toEqual(['2027-03-01', '2027-02-22']);
  contractIds.a = a.id;
  contractIds.b = b.id;

  const put = (contractId: number, rec: ReturnType<typeof record>, revision: number | null = null) =>
    recordMonth({ ctx, input: { contractId, revision, record: rec } });
  put(
    a.id,
    record('2026-11', {
      visited: 100,
      collections: [
        [3, 2_000_000],
        [1, 500_000],
      ],
      delivered: '2026-12-10',
      held: 4,
      attended: 4,
    }),
  );
  put(
    a.id,
    record('2026-12', {
      assigned: 400,
      visited: 300,
      collections: [
        [24, 6_000_000],
        [25, 1_000_000],
      ],
      delivered: '2027-01-11',
      held: 2,
      attended: 2,
    }),
  );
  put(a.id, record('2027-01', { visited: 250, collections: [], delivered: null, held: 3, attended: 1 }));
  put(b.id, record('2026-12', { visited: 50, collections: [[5, 1_000_000]], delivered: '2027-01-20', held: 2, attended: 0 }));
  put(
    b.id,
    record('2026-12', { visited: 200, collections: [[5, 12_000_000]], delivered: '2027-01-05', held: 2, attended: 2 }),
    1,
  );
  put(b.id, record('2027-02', { visited: 500, collections: [[2, 10_000_000]], delivered: '2027-03-05', held: 3, attended: 3 }));
});
afterAll(() => db.cleanup());

const system = (): Context => contextFor(db.handle, () => new Date('2027-04-05T02:00:00.000Z'));
const report = (input: TargetsReportInput, ctx = system()) => targetsReport({ ctx, input: targetsReportSchema.parse(input) });
const percents = (f: TargetFigures) => [f.visits.percent, f.collection.percent, f.reports.percent, f.attendance.percent];

describe('targets and achievement on hand-made histories', () => {
  it('per year: each KPI’s actual against target as the scorecard counts them, not capped at 100 %', () => {
    const r = report({ branchId: ids.branch.id, fromYear: 2025, toYear: 2027 });
    expect(r.years.map((y) => [y.year, y.cadres, y.months, ...percents(y)])).toEqual([
      [2025, 0, 0, null, null, null, null],
      [2026, 2, 3, 63.16, 111.11, 66.67, 87.5],
      [2027, 2, 2, 100, 71.43, 50, 60],
    ]);
    const y2026 = r.years[1]!;
    expect(y2026.visits).toEqual({ actual: 600, target: 950, percent: 63.16 });
    // 1.000.000 at 25 months and 500.000 at 1 month are not a cadre's arrears; B's first 1.000.000 was corrected away
    expect(y2026.collection).toEqual({ actual: 20_000_000, target: 18_000_000, percent: 111.11 });
    expect(y2026.reports).toEqual({ actual: 2, target: 3, percent: 66.67 });
    // A's 4 meetings in November count as 3: a month's extra meetings do not make up for another's
    expect(y2026.attendance).toEqual({ actual: 7, target: 8, percent: 87.5 });
    expect(r.months).toEqual([]);
    // every year of the filter: 5 months reported by 2 cadres
    expect([r.total.cadres, r.total.months]).toEqual([2, 5]);
  });

  it('a month reported twice counts once, as last recorded', () => {
    const r = report({ branchId: ids.branch.id, fromYear: 2026, toYear: 2026, year: 2026 });
    const december = r.months.find((m) => m.month === '2026-12')!;
    // A 300 + B 200 (not 50) of 400 × 0,5 + 500; A 6.000.000 + B 12.000.000 of 4.000.000 + 10.000.000
    expect([december.cadres, december.months]).toEqual([2, 2]);
    expect(december.visits).toEqual({ actual: 500, target: 700, percent: 71.43 });
    expect(december.collection).toEqual({ actual: 18_000_000, target: 14_000_000, percent: 128.57 });
    expect(december.reports).toEqual({ actual: 1, target: 2, percent: 50 });
    expect(december.attendance).toEqual({ actual: 4, target: 5, percent: 80 });
  });

  it('per month of a chosen year: twelve months, those without records empty', () => {
    const r = report({ branchId: ids.branch.id, fromYear: 2025, toYear: 2027, year: 2026 });
    expect(r.months.map((m) => m.month)).toHaveLength(12);
    expect(r.months.filter((m) => m.months > 0).map((m) => [m.month, ...percents(m)])).toEqual([
      ['2026-11', 40, 50, 100, 100],
      ['2026-12', 71.43, 128.57, 50, 80],
    ]);
    expect(r.months[0]).toMatchObject({ month: '2026-01', cadres: 0, months: 0, visits: { percent: null } });
    // the areas, cadres and total are the chosen year's
    expect([r.total.months, ...percents(r.total)]).toEqual([3, 63.16, 111.11, 66.67, 87.5]);
  });

  it('per area and per cadre, each agreement year with the KPI version in force on its evaluation date', () => {
    const r = report({ branchId: ids.branch.id, fromYear: 2026, toYear: 2027 });
    // Kabupaten Ngawi = B: visits 700/1000, dues 22.000.000/20.000.000, reports 2/2, attendance 4/4
    // Kota Madiun = A: visits 650/700, dues 8.000.000/12.000.000, reports 1/3, attendance 6/9
    expect(r.areas.map((a) => [a.name, a.regionCode, a.cadres, a.months, ...percents(a)])).toEqual([
      ['Kabupaten Ngawi', '35.21', 1, 2, 70, 110, 100, 100],
      ['Kota Madiun', '35.77', 1, 3, 92.86, 66.67, 33.33, 66.67],
    ]);
    const byCollection = report({ branchId: ids.branch.id, fromYear: 2026, toYear: 2027, cadreOrder: 'collection' }).cadres;
    expect(byCollection.rows.map((c) => [c.agreementNumber, c.workArea, c.months, c.collection.percent])).toEqual([
      ['PKS/001/KC-MDN/2026', 'Kota Madiun', 3, 66.67],
      ['PKS/002/KC-MDN/2026', 'Kabupaten Ngawi', 2, 110],
    ]);
  });

  it('agrees with the renewal scorecard of the same agreement year (the same definitions and version)', () => {
    const card = getContractDetail({ ctx: system(), input: { id: contractIds.a } }).scorecard!;
    const row = report({ branchId: ids.branch.id, fromYear: 2026, toYear: 2027 }).cadres.rows.find(
      (c) => c.agreementNumber === 'PKS/001/KC-MDN/2026',
    )!;
    expect(card.kpis.map((k) => [k.key, k.actual, k.target, k.percentOfTarget])).toEqual(
      (['visits', 'collection', 'reports', 'attendance'] as const).map((k) => [k, row[k].actual, row[k].target, row[k].percent]),
    );
  });

  it('pages the cadres: their count over every page, one page at a time', () => {
    const first = report({ branchId: ids.branch.id, fromYear: 2026, toYear: 2027, cadrePageSize: 1 }).cadres;
    const second = report({ branchId: ids.branch.id, fromYear: 2026, toYear: 2027, cadrePageSize: 1, cadrePage: 1 }).cadres;
    const third = report({ branchId: ids.branch.id, fromYear: 2026, toYear: 2027, cadrePageSize: 1, cadrePage: 2 }).cadres;
    expect([first.count, first.rows.length, second.rows.length, third.rows.length]).toEqual([2, 1, 1, 0]);
    expect(first.rows[0]!.candidateId).not.toBe(second.rows[0]!.candidateId);
  });

  it('narrows to a region code, and by the month’s calendar year', () => {
    const ngawi = report({ branchId: ids.branch.id, regionCode: '35.21', fromYear: 2027, toYear: 2027 });
    // only B's February: 500/500, 10.000.000/10.000.000, 1/1, 2/2
    expect([ngawi.total.cadres, ngawi.total.months, ...percents(ngawi.total)]).toEqual([1, 1, 100, 100, 100, 100]);
    expect(report({ regionCode: '35', fromYear: 2026, toYear: 2027 }).total.months).toBe(5);
    expect(report({ regionCode: '32', fromYear: 2026, toYear: 2027 }).total.months).toBe(0);
  });

  it('gives a branch user their own branch only; another branch is not found', () => {
    const viewer: Context = {
      ...system(),
      principal: { kind: 'user', id: 99, username: 'viewer.mdn', name: 'V', role: 'viewer', branchId: ids.branch.id },
    };
    expect(report({ fromYear: 2026, toYear: 2027 }, viewer).total.months).toBe(5);
    expect(() => report({ branchId: otherBranchId, fromYear: 2026, toYear: 2027 }, viewer)).toThrow(DomainError);
    // head office reading the other branch sees its (empty) figures
    expect(report({ branchId: otherBranchId, fromYear: 2026, toYear: 2027 }).total).toMatchObject({ cadres: 0, months: 0 });
  });

  it('refuses a chosen year outside the filter’s years, naming the field', () => {
    const parsed = targetsReportSchema.safeParse({ fromYear: 2026, toYear: 2027, year: 2028 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['year', 'NUMBER_TOO_BIG']]);
  });
});

describe('the stored figures of a month', () => {
  it('say a report is on time exactly when reportOnTime does, for every due day the settings allow', () => {
    const months = ['2026-01', '2026-02', '2028-02', '2026-04', '2026-12'];
    for (const month of months) {
      const [y, m] = month.split('-').map(Number) as [number, number];
      // from the month's first day to the end of the month after next
      for (let d = 0; d < 92; d++) {
        const delivered = new Date(Date.UTC(y, m - 1, 1 + d)).toISOString().slice(0, 10);
        const rec = monthlyRecordSchema.parse(record(month, { visited: 0, collections: [], delivered, held: 0, attended: 0 }));
        const days = monthlyFigures(rec).reportDaysAfterMonth!;
        const disagree = Array.from({ length: 28 }, (_, i) => i + 1).filter((due) => days <= due !== reportOnTime(rec, due));
        expect(disagree, `${month} delivered ${delivered}`).toEqual([]);
      }
    }
    const none = monthlyRecordSchema.parse(
      record('2026-01', { visited: 0, collections: [], delivered: null, held: 0, attended: 0 }),
    );
    expect(monthlyFigures(none).reportDaysAfterMonth).toBeNull();
  });

  it('are written with the record by the form, replaced with it on a correction', () => {
    const stored = db.handle.sqlite
      .prepare(
        `select month, families_assigned fa, families_visited fv, collected, report_days_after_month days, meetings_attended att
         from monthly_reports where contract_id = ? order by month`,
      )
      .all(contractIds.b);
    expect(stored).toEqual([
      { month: '2026-12', fa: 500, fv: 200, collected: 12_000_000, days: 5, att: 2 },
      { month: '2027-02', fa: 500, fv: 500, collected: 10_000_000, days: 5, att: 3 },
    ]);
  });
});
