/**
 * The fee payout (docs/reports.md "Fee payout") on hand-made histories: cadres recruited and their
 * months recorded through the real services with a clock, each figure worked out by hand below.
 *
 * Schedules: the default until July 2026 (2–6 months 7 %, 7–12 months 10 %, 13–24 months 15 %);
 * head office adds, on 25 March, a tiered one from 15 July 2026 (2–12 months 20 %, 13–20 months
 * 25 %; 21–24 months in no tier). A version starting mid-month applies from the next month: July
 * is paid on the default, August on the new one. Each line's fee is rounded down to the rupiah.
 *
 *   A  KC Madiun, Kota Madiun   July: 3 mo 1.234.567 → 86.419 (86.419,69) · 8 mo 500.000 → 50.000 ·
 *                               1 mo 200.000 UNDER_2 · 30 mo 100.000 OVER_24          fee 136.419
 *                               Aug: 3 mo 1.234.567 → 20 % 246.913 (246.913,4) · 22 mo 80.000
 *                               NO_TIER · 1 mo 50.000 UNDER_2                         fee 246.913
 *   B  KC Madiun, Kota Madiun   July reported twice: first 13 mo 1.000.000 (150.000), then
 *                               13 mo 2.000.000 → 300.000 · 5 mo 300.000 → 21.000    fee 321.000
 *   C  KC Madiun, Kab. Ngawi    July: 24 mo 400.000 → 60.000 · 2 mo 100.000 → 7.000  fee 67.000
 *                               Aug: 13 mo 333.333 → 25 % 83.333 (83.333,25)          fee 83.333
 *   D  KC Bogor, Kota Bogor     July: 6 mo 1.000.000 → 70.000                         fee 70.000
 */
import { findContractByApplication, insertBranch, insertPeriod, insertWorkArea } from '@kader/db';
import { DEFAULT_RECRUITMENT_RULES } from '@kader/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context';
import { DomainError } from '../src/errors';
import { createCaller } from '../src/index';
import { addSetting } from '../src/services/contracts/addSetting';
import { recordMonth } from '../src/services/contracts/recordMonth';
import { feePayout, type FeesInput, feesInputSchema } from '../src/services/reports/fees';
import { contextFor, fixedClock, recordedOnAt, seedBranch, tempDatabase, toSigningStage } from './helpers';

let db: ReturnType<typeof tempDatabase>;
let ids: ReturnType<typeof seedBranch>;
let bogorId: number;
const contract: Record<'A' | 'B' | 'C' | 'D', number> = { A: 0, B: 0, C: 0, D: 0 };
const clock = fixedClock('2026-03-01T02:00:00.000Z');

/** A cadre signed on 20 March, debriefed on the 25th, under agreement from 1 April 2026 for a year. */
function cadre(ctx: Context, periodId: number, workAreaId: number, nik: string, branchCode: string): number {
  const { id, send } = toSigningStage(ctx, periodId, workAreaId, nik);
  send({
    type: 'SIGN_AGREEMENT',
    agreementNumber: `PKS/${nik.slice(-3)}/${branchCode}/2026`,
    signedOn: recordedOnAt(clock, '2026-03-20'),
    startDate: '2026-04-01',
  });
  send({ type: 'COMPLETE_DEBRIEFING', debriefedOn: recordedOnAt(clock, '2026-03-25') });
  return findContractByApplication(db.handle.db, id)!.id;
}

const month = (m: string, collections: { arrearsMonths: number; amount: number }[]) => ({
  month: m,
  familiesVisited: 100,
  visits: 120,
  collections,
  meetingsHeld: 2,
  meetingsAttended: 2,
});

beforeAll(() => {
  db = tempDatabase();
  ids = seedBranch(db.handle, 5);
  const bogor = insertBranch(db.handle.db, { code: 'KC-BGR', name: 'KC Bogor', timeZone: 'Asia/Jakarta' });
  const bogorArea = insertWorkArea(db.handle.db, { branchId: bogor.id, name: 'Kota Bogor', regionCode: '32.71' });
  const bogorPeriod = insertPeriod(db.handle.db, { branchId: bogor.id, year: 2026, quota: 3, rules: DEFAULT_RECRUITMENT_RULES });
  bogorId = bogor.id;

  const ctx = contextFor(db.handle, clock.now, 'penyelia-uji');
  contract.A = cadre(ctx, ids.period.id, ids.area.id, '3577015208900001', 'KC-MDN');
  contract.B = cadre(ctx, ids.period.id, ids.area.id, '3577015208900002', 'KC-MDN');
  contract.C = cadre(ctx, ids.period.id, ids.other.id, '3577015208900003', 'KC-MDN');
  contract.D = cadre(ctx, bogorPeriod.id, bogorArea.id, '3271015208900004', 'KC-BGR');

  // head office's new schedule, added before it starts (a version must start after today)
  addSetting({
    ctx,
    input: {
      kind: 'fee',
      value: {
        effectiveFrom: '2026-07-15',
        kind: 'tiered',
        tiers: [
          { fromMonths: 2, toMonths: 12, rateBasisPoints: 2000 },
          { fromMonths: 13, toMonths: 20, rateBasisPoints: 2500 },
        ],
      },
    },
  });

  const record = (contractId: number, record: ReturnType<typeof month>, revision: number | null = null) =>
    recordMonth({ ctx, input: { contractId, revision, record } });
  clock.advance(Date.parse('2026-08-03T02:00:00.000Z') - clock.now().getTime());
  record(
    contract.A,
    month('2026-07', [
      { arrearsMonths: 3, amount: 1_234_567 },
      { arrearsMonths: 8, amount: 500_000 },
      { arrearsMonths: 1, amount: 200_000 },
      { arrearsMonths: 30, amount: 100_000 },
    ]),
  );
  record(contract.B, month('2026-07', [{ arrearsMonths: 13, amount: 1_000_000 }]));
  record(
    contract.C,
    month('2026-07', [
      { arrearsMonths: 24, amount: 400_000 },
      { arrearsMonths: 2, amount: 100_000 },
    ]),
  );
  record(contract.D, month('2026-07', [{ arrearsMonths: 6, amount: 1_000_000 }]));
  // B's July reported again a week later: the latest record counts
  clock.advance(7 * 86_400_000);
  record(
    contract.B,
    month('2026-07', [
      { arrearsMonths: 13, amount: 2_000_000 },
      { arrearsMonths: 5, amount: 300_000 },
    ]),
    1,
  );
  clock.advance(Date.parse('2026-09-02T02:00:00.000Z') - clock.now().getTime());
  record(
    contract.A,
    month('2026-08', [
      { arrearsMonths: 3, amount: 1_234_567 },
      { arrearsMonths: 22, amount: 80_000 },
      { arrearsMonths: 1, amount: 50_000 },
    ]),
  );
  record(contract.C, month('2026-08', [{ arrearsMonths: 13, amount: 333_333 }]));
});
afterAll(() => db.cleanup());

const system = (now = '2026-09-10T02:00:00.000Z') => contextFor(db.handle, () => new Date(now));
const payout = (input: FeesInput, ctx = system()) => feePayout({ ctx, input: feesInputSchema.parse(input) });
const madiun = (m: string) => payout({ branchId: ids.branch.id, fromYear: 2026, toYear: 2026, month: m });

describe('fee payout on hand-made histories', () => {
  it('gives each cadre’s July by the default schedule’s tiers, the latest record of a month reported twice', () => {
    const r = madiun('2026-07');
    expect(r.schedule?.effectiveFrom).toBe('2017-01-01');
    expect(
      r.cadres?.map((c) => [c.agreementNumber, c.workArea, c.revision, c.totals.tiers, c.totals.collected, c.totals.fee]),
    ).toEqual([
      // by area name (Kabupaten Ngawi before Kota Madiun), then name and agreement number
      [
        'PKS/003/KC-MDN/2026',
        'Kabupaten Ngawi',
        1,
        [
          { collected: 100_000, fee: 7_000 },
          { collected: 0, fee: 0 },
          { collected: 400_000, fee: 60_000 },
        ],
        500_000,
        67_000,
      ],
      [
        'PKS/001/KC-MDN/2026',
        'Kota Madiun',
        1,
        [
          { collected: 1_234_567, fee: 86_419 },
          { collected: 500_000, fee: 50_000 },
          { collected: 0, fee: 0 },
        ],
        2_034_567,
        136_419,
      ],
      // B: 2.000.000 at 15 % + 300.000 at 7 %, not the first report's 1.000.000
      [
        'PKS/002/KC-MDN/2026',
        'Kota Madiun',
        2,
        [
          { collected: 300_000, fee: 21_000 },
          { collected: 0, fee: 0 },
          { collected: 2_000_000, fee: 300_000 },
        ],
        2_300_000,
        321_000,
      ],
    ]);
  });

  it('shows and counts the flagged lines, which earn nothing but are in the collected total', () => {
    const a = madiun('2026-07').cadres!.find((c) => c.contractId === contract.A)!;
    expect(a.flaggedLines).toEqual([
      { arrearsMonths: 1, amount: 200_000, flag: 'UNDER_2_MONTHS' },
      { arrearsMonths: 30, amount: 100_000, flag: 'OVER_24_MONTHS' },
    ]);
    expect(a.totals.flagged).toEqual({ lines: 2, amount: 300_000 });
    // August's schedule leaves 21–24 months in no tier
    const aug = madiun('2026-08').cadres!.find((c) => c.contractId === contract.A)!;
    expect(aug.flaggedLines).toEqual([
      { arrearsMonths: 22, amount: 80_000, flag: 'NO_TIER' },
      { arrearsMonths: 1, amount: 50_000, flag: 'UNDER_2_MONTHS' },
    ]);
    expect([aug.totals.flagged, aug.totals.collected, aug.totals.fee]).toEqual([
      { lines: 2, amount: 130_000 },
      1_364_567,
      246_913,
    ]);
  });

  it('pays August by the schedule that changed mid-July (in force on the month’s first day), its tiers as columns', () => {
    const r = madiun('2026-08');
    expect(r.schedule?.effectiveFrom).toBe('2026-07-15');
    expect(r.totals).toEqual({
      cadres: 2,
      // A 1.234.567 at 20 %; C 333.333 at 25 %
      tiers: [
        { collected: 1_234_567, fee: 246_913 },
        { collected: 333_333, fee: 83_333 },
      ],
      flagged: { lines: 2, amount: 130_000 },
      collected: 1_697_900,
      fee: 330_246,
    });
  });

  it('totals per area and for the branch', () => {
    const r = madiun('2026-07');
    expect(r.branches).toHaveLength(1);
    const branch = r.branches[0]!;
    expect(branch.areas.map((a) => [a.name, a.totals.cadres, a.totals.collected, a.totals.fee])).toEqual([
      ['Kabupaten Ngawi', 1, 500_000, 67_000],
      ['Kota Madiun', 2, 4_334_567, 457_419],
    ]);
    // tiers: 7 % A 1.234.567 + B 300.000 + C 100.000; 10 % A 500.000; 15 % B 2.000.000 + C 400.000
    expect(branch.totals).toEqual({
      cadres: 3,
      tiers: [
        { collected: 1_634_567, fee: 114_419 },
        { collected: 500_000, fee: 50_000 },
        { collected: 2_400_000, fee: 360_000 },
      ],
      flagged: { lines: 2, amount: 300_000 },
      collected: 4_834_567,
      fee: 524_419,
    });
    expect(r.totals).toEqual(branch.totals);
  });

  it('gives the same fee for a cadre-month as the statement on the cadre’s page', async () => {
    const caller = createCaller(system());
    for (const m of ['2026-07', '2026-08']) {
      for (const c of madiun(m).cadres!) {
        const detail = await caller.contracts.get({ id: c.contractId });
        const statement = detail.months.find((x) => x.month === m)!.fee;
        expect([c.totals.collected, c.totals.fee]).toEqual([statement.totals.collected, statement.totals.fee]);
      }
    }
  });

  it('charts each year’s monthly fee totals, the same as the month’s table', () => {
    const r = madiun('2026-07');
    expect(r.years.map((y) => y.year)).toEqual([2026]);
    const months = r.years[0]!.months;
    expect(months).toHaveLength(12);
    expect(months.filter((m) => m.cadres > 0)).toEqual([
      { month: '2026-07', cadres: 3, collected: 4_834_567, fee: 524_419 },
      { month: '2026-08', cadres: 2, collected: 1_697_900, fee: 330_246 },
    ]);
    expect(months.find((m) => m.month === '2026-06')).toEqual({ month: '2026-06', cadres: 0, collected: 0, fee: 0 });
  });

  it('defaults to last month on the branch’s calendar', () => {
    // 1 September 01.00 WIB is still 31 August in UTC: last month is August on the branch's calendar
    const r = payout({ branchId: ids.branch.id, fromYear: 2026, toYear: 2026 }, system('2026-08-31T18:00:00.000Z'));
    expect(r.month).toBe('2026-08');
  });

  it('narrows to a work area by its region code', () => {
    const r = payout({ branchId: ids.branch.id, regionCode: '35.21', fromYear: 2026, toYear: 2026, month: '2026-07' });
    expect(r.cadres?.map((c) => c.contractId)).toEqual([contract.C]);
    expect(r.totals.fee).toBe(67_000);
  });

  it('gives head office every branch’s totals first (no cadre lines), one branch’s cadres when chosen', () => {
    const all = payout({ fromYear: 2026, toYear: 2026, month: '2026-07' });
    expect(all.cadres).toBeNull();
    expect(all.branches.map((b) => [b.code, b.totals.cadres, b.totals.fee])).toEqual([
      ['KC-MDN', 3, 524_419],
      ['KC-BGR', 1, 70_000],
    ]);
    expect(all.totals.fee).toBe(594_419);
    expect(all.years[0]!.months.find((m) => m.month === '2026-07')?.fee).toBe(594_419);
    const bogor = payout({ branchId: bogorId, fromYear: 2026, toYear: 2026, month: '2026-07' });
    expect(bogor.cadres?.map((c) => [c.agreementNumber, c.totals.fee])).toEqual([['PKS/004/KC-BGR/2026', 70_000]]);
  });

  it('never shows a branch user another branch’s cadres; asking for that branch is not found', () => {
    const viewer: Context = {
      ...system(),
      principal: { kind: 'user', id: 99, username: 'viewer.mdn', name: 'V', role: 'viewer', branchId: ids.branch.id },
    };
    const own = payout({ fromYear: 2026, toYear: 2026, month: '2026-07' }, viewer);
    expect(own.branches.map((b) => b.code)).toEqual(['KC-MDN']);
    expect(own.cadres?.map((c) => c.contractId)).not.toContain(contract.D);
    expect(own.totals.fee).toBe(524_419);
    expect(() => payout({ branchId: bogorId, fromYear: 2026, toYear: 2026, month: '2026-07' }, viewer)).toThrow(DomainError);
  });

  it('refuses a month that is not one, naming the field', () => {
    const parsed = feesInputSchema.safeParse({ fromYear: 2026, toYear: 2026, month: '2026-13' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['month', 'MONTH_FORMAT']]);
  });
});
