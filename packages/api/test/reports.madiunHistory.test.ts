/**
 * The Madiun history (demo/history.ts) read through the reports themselves: the study's figures
 * (domain.md section A; demo/madiunStudy.ts) must come out of the same services the Laporan pages
 * call, not only out of demoHistory.test.ts's pure sums over the stored rows. Read as the system,
 * as head office and as KC Madiun's head (a viewer of the branch), who gets the same answers and
 * cannot see KC Bogor.
 *
 * The history is seeded once for the file (thousands of commands through the services, ~15 s of
 * CPU); the run's shared templates (demoTemplate.ts) hold today's demo only, so that every other
 * file does not pay for it.
 */
import { findUserByUsername } from '@kader/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context';
import { createCaller } from '../src/index';
import { STUDY_CADRES_2020_BY_AREA, STUDY_CADRES_PER_YEAR, STUDY_TARGETS_ACHIEVED } from '../src/services/demo/madiunStudy';
import { seedDemo } from '../src/services/seedDemo';
import { TEMPLATE_DAY } from './demoTemplate';
import { contextFor, tempDatabase, userContext } from './helpers';

let db: ReturnType<typeof tempDatabase>;
let madiunId: number;
let bogorId: number;
/** The history's years: the study's four agreement years. */
const YEARS = { fromYear: 2017, toYear: 2020 };
const now = () => new Date(`${TEMPLATE_DAY}T03:00:00.000Z`);
const system = (): Context => contextFor(db.handle, now);
const head = (): Context => userContext(db.handle, 'pimpinan.madiun', now);
const headOffice = (): Context => userContext(db.handle, 'admin.pusat', now);
const branchId = (code: string) =>
  (db.handle.sqlite.prepare('SELECT id FROM branches WHERE code = ?').get(code) as { id: number }).id;
const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

beforeAll(async () => {
  db = tempDatabase();
  const { seeded } = await seedDemo(db.handle, { today: TEMPLATE_DAY, history: true });
  expect(seeded).toBe(true);
  madiunId = branchId('KC-MDN');
  bogorId = branchId('KC-BGR');
}, 300_000);
afterAll(() => db?.cleanup());

describe('cadres per year of KC Madiun', () => {
  it('counts the study’s agreements made each year, recruited and renewed as the seed made them', async () => {
    const r = await createCaller(system()).reports.cadres({ branchId: madiunId, ...YEARS });
    expect(r.years.map((y) => [y.year, y.made, y.recruited, y.renewed])).toEqual([
      [2017, 12, 12, 0],
      // the additional recruitment: the 12 of 2017 renewed, 40 recruited
      [2018, 52, 40, 12],
      [2019, 34, 0, 34],
      [2020, 15, 0, 15],
    ]);
    expect(Object.fromEntries(r.years.map((y) => [y.year, y.made]))).toEqual(STUDY_CADRES_PER_YEAR);
  });

  it('ends each year as the study did: every one renewed on, dropped or resigned, nothing lapsed or running', async () => {
    const r = await createCaller(system()).reports.cadres({ branchId: madiunId, ...YEARS });
    expect(r.years.map((y) => [y.year, y.renewedOn, y.dropped, y.resigned, y.terminated, y.lapsed, y.running])).toEqual([
      [2017, 12, 0, 0, 0, 0, 0],
      // 52 = 34 renewed into 2019 + 15 dropped + 3 resigned
      [2018, 34, 15, 3, 0, 0, 0],
      // 34 = 15 into 2020 + 17 dropped + 2 resigned
      [2019, 15, 17, 2, 0, 0, 0],
      // the programme ended: the 15 dropped in March 2021
      [2020, 0, 15, 0, 0, 0, 0],
    ]);
  });

  it('splits the 15 of 2020 by work area as the study’s table', async () => {
    const r = await createCaller(system()).reports.cadres({ branchId: madiunId, fromYear: 2020, toYear: 2020 });
    expect(Object.fromEntries(r.areas.filter((a) => a.year === 2020).map((a) => [a.areaName, a.made]))).toEqual(
      STUDY_CADRES_2020_BY_AREA,
    );
    expect(STUDY_CADRES_2020_BY_AREA).toEqual({
      'Kota Madiun': 3,
      'Kabupaten Madiun': 4,
      'Kabupaten Magetan': 2,
      'Kabupaten Ponorogo': 4,
      'Kabupaten Ngawi': 2,
    });
  });

  it('narrows to one regency by its region code: Kabupaten Ponorogo (35.02) alone', async () => {
    const r = await createCaller(system()).reports.cadres({ branchId: madiunId, regionCode: '35.02', ...YEARS });
    const areas = new Set(r.areas.map((a) => a.areaName));
    expect([...areas]).toEqual(['Kabupaten Ponorogo']);
    expect(r.years.find((y) => y.year === 2020)!.made).toBe(4);
  });
});

describe('targets achieved by KC Madiun', () => {
  it('gives the study’s visits and dues percentages per year, to one decimal', async () => {
    const r = await createCaller(system()).reports.targets({ branchId: madiunId, ...YEARS });
    expect(
      Object.fromEntries(
        r.years.map((y) => [y.year, { visits: oneDecimal(y.visits.percent), dues: oneDecimal(y.collection.percent) }]),
      ),
    ).toEqual(STUDY_TARGETS_ACHIEVED);
    expect(STUDY_TARGETS_ACHIEVED).toEqual({
      2017: { visits: 9.7, dues: 0 },
      2018: { visits: 12.7, dues: 70.9 },
      2019: { visits: 14, dues: 67.9 },
      2020: { visits: 46.9, dues: 153 },
    });
    // every cadre-month of 2017 reported: twelve cadres, April to December
    expect(r.years[0]!.months).toBe(12 * 9);
    expect(r.years[0]!.cadres).toBe(12);
  });

  it('gives a chosen year’s months summing to the year', async () => {
    const r = await createCaller(system()).reports.targets({ branchId: madiunId, ...YEARS, year: 2019 });
    expect(r.months).toHaveLength(12);
    const year = r.years.find((y) => y.year === 2019)!;
    expect(r.months.reduce((s, m) => s + m.visits.actual, 0)).toBe(year.visits.actual);
    expect(r.months.reduce((s, m) => s + m.collection.actual, 0)).toBe(year.collection.actual);
    expect(r.total.visits.actual).toBe(year.visits.actual);
  });
});

describe('renewal outcomes of KC Madiun', () => {
  it('decides every agreement ending 2018-2021, nothing lapsed or pending, decided = renewed + dropped', async () => {
    // agreements are counted by the year of their end date: the 2017 ones end in March 2018
    const r = await createCaller(system()).reports.renewals({ branchId: madiunId, fromYear: 2018, toYear: 2021 });
    const rows = r.years.map((y) => ({
      year: y.year,
      agreements: y.figures.agreements,
      decided: y.figures.decided,
      renewed: y.figures.renewed,
      dropped: y.figures.dropped,
      endedEarly: y.figures.endedEarly,
      lapsed: y.figures.lapsed,
      pending: y.figures.pending,
    }));
    expect(rows).toEqual([
      { year: 2018, agreements: 12, decided: 12, renewed: 12, dropped: 0, endedEarly: 0, lapsed: 0, pending: 0 },
      { year: 2019, agreements: 52, decided: 49, renewed: 34, dropped: 15, endedEarly: 3, lapsed: 0, pending: 0 },
      { year: 2020, agreements: 34, decided: 32, renewed: 15, dropped: 17, endedEarly: 2, lapsed: 0, pending: 0 },
      { year: 2021, agreements: 15, decided: 15, renewed: 0, dropped: 15, endedEarly: 0, lapsed: 0, pending: 0 },
    ]);
    for (const y of r.years) {
      const f = y.figures;
      expect(f.followed + f.overriddenToRenew + f.overriddenToDrop, `${y.year}`).toBe(f.decided);
      // a decision's score is kept with it: every one made over reported months has one
      const scored = y.scores.bins.reduce((s, b) => s + b.renew + b.drop, 0);
      expect(scored + y.scores.noScore.renew + y.scores.noScore.drop, `${y.year}`).toBe(f.decided);
    }
  });
});

describe('the selection funnel of KC Madiun', () => {
  it('loses candidates at every stage in 2017 and 2018, and adds up at every stage', async () => {
    const r = await createCaller(system()).reports.funnel({ branchId: madiunId, fromYear: 2017, toYear: 2018 });
    const periods = r.periods.filter((p) => p.branchId === madiunId);
    expect(periods.map((p) => [p.year, p.registered])).toEqual([
      [2017, 38],
      [2018, 117],
    ]);
    for (const p of periods) {
      for (const s of p.stages) {
        // nobody of 2017 or 2018 stands in a stage now: every one ended active, rejected or withdrawn
        expect(s.inStage, `${p.year} ${s.stage}`).toBe(0);
        expect(s.reached, `${p.year} ${s.stage}`).toBe(s.passed + s.inStage + s.rejected + s.withdrawn);
      }
      // people leave at each stage from the administrative check to the debriefing
      const left = p.stages.filter((s) => s.rejected + s.withdrawn > 0).map((s) => s.stage);
      expect(left, `${p.year}`).toEqual(
        expect.arrayContaining(['administrativeCheck', 'writtenTest', 'interview', 'agreementSigning', 'debriefing']),
      );
      expect(p.stages.some((s) => s.withdrawn > 0)).toBe(true);
      expect(p.channels.length).toBeGreaterThan(3);
    }
    // 12 active in 2017, 40 recruited in 2018: the agreements of the cadres report
    expect(periods.map((p) => p.active)).toEqual([12, 40]);
  });
});

describe('the fee payout of KC Madiun', () => {
  it('pays for a month the sum of its cadres’ statements on their pages', async () => {
    const caller = createCaller(system());
    const month = '2019-08';
    const r = await caller.reports.fees({ branchId: madiunId, ...YEARS, month });
    const cadres = r.cadres!;
    // the 34 agreements of 2019, less any resigned before August
    expect(cadres.length).toBeGreaterThan(30);
    let fee = 0;
    let collected = 0;
    for (const c of cadres) {
      const detail = await caller.contracts.get({ id: c.contractId });
      const statement = detail.months.find((m) => m.month === month)!.fee;
      expect([c.totals.collected, c.totals.fee], c.agreementNumber).toEqual([statement.totals.collected, statement.totals.fee]);
      fee += statement.totals.fee;
      collected += statement.totals.collected;
    }
    expect(r.totals.fee).toBe(fee);
    expect(r.totals.collected).toBe(collected);
    expect(r.totals.cadres).toBe(cadres.length);
    // the chart's month is the month's table
    const chart = r.years.find((y) => y.year === 2019)!.months.find((m) => m.month === month)!;
    expect(chart).toEqual({ month, cadres: cadres.length, collected, fee });
  });
});

describe('as KC Madiun’s head (a viewer of the branch)', () => {
  it('is a viewer of KC Madiun', () => {
    const user = findUserByUsername(db.handle.db, 'pimpinan.madiun')!;
    expect([user.role, user.branchId]).toEqual(['viewer', madiunId]);
  });

  it('gets the same answers as asked for KC Madiun, with or without naming the branch', async () => {
    const asSystem = createCaller(system()).reports;
    const asHead = createCaller(head()).reports;
    const filter = { branchId: madiunId, ...YEARS };
    expect(await asHead.cadres({ ...YEARS, onDate: '2020-06-01' })).toEqual(
      await asSystem.cadres({ ...filter, onDate: '2020-06-01' }),
    );
    expect(await asHead.targets(YEARS)).toEqual(await asSystem.targets(filter));
    expect(await asHead.renewals(filter)).toEqual(await asSystem.renewals(filter));
    expect(await asHead.funnel(YEARS)).toEqual(await asSystem.funnel(filter));
    expect(await asHead.fees({ ...YEARS, month: '2019-08' })).toEqual(await asSystem.fees({ ...filter, month: '2019-08' }));
    expect(await asHead.areas({})).toEqual(await asSystem.areas({ branchId: madiunId }));
  });

  it('never sees KC Bogor: asking for it is not found, and no answer holds it', async () => {
    const asHead = createCaller(head()).reports;
    const bogor = { branchId: bogorId, fromYear: 2019, toYear: 2020 };
    for (const ask of [
      () => asHead.cadres(bogor),
      () => asHead.targets(bogor),
      () => asHead.renewals(bogor),
      () => asHead.funnel(bogor),
      () => asHead.fees({ ...bogor, month: '2019-08' }),
    ]) {
      await expect(ask()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const funnel = await asHead.funnel({ fromYear: 2019, toYear: 2020 });
    expect(funnel.periods.every((p) => p.branchId === madiunId)).toBe(true);
    const cadres = await asHead.cadres({ fromYear: 2019, toYear: 2020 });
    expect(cadres.underAgreement.areas.every((a) => a.branchId === madiunId)).toBe(true);
    expect((await asHead.areas({})).every((a) => a.branchId === madiunId)).toBe(true);
  });

  it('while head office sees KC Bogor’s 2019 recruitment: 8 cadres, 5 renewed into 2020', async () => {
    const r = await createCaller(headOffice()).reports.cadres({ branchId: bogorId, fromYear: 2019, toYear: 2020 });
    expect(r.years.map((y) => [y.year, y.made, y.recruited, y.renewed])).toEqual([
      [2019, 8, 8, 0],
      [2020, 5, 0, 5],
    ]);
    // every branch together: KC Madiun's and KC Bogor's agreements added
    const all = await createCaller(headOffice()).reports.cadres({ fromYear: 2019, toYear: 2019 });
    expect(all.years[0]!.made).toBe(34 + 8);
  });
});
