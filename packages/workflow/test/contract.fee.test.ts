import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FEE_SCHEDULE,
  feeStatement,
  feeStatementFor,
  FLAT_25_PERCENT_FEE_SCHEDULE,
  lineFee,
  type FeeSchedule,
} from '../src/index';

const record = (month: string, collections: { arrearsMonths: number; amount: number }[]) => ({ month, collections });

describe('fee statement: tiers by arrears age', () => {
  it.each([
    // arrears months, rate (bp), fee on Rp 1.000.000, flag
    [0, 0, 0, 'UNDER_2_MONTHS'],
    [1, 0, 0, 'UNDER_2_MONTHS'],
    [2, 700, 70_000, null],
    [6, 700, 70_000, null],
    [7, 1000, 100_000, null],
    [12, 1000, 100_000, null],
    [13, 1500, 150_000, null],
    [24, 1500, 150_000, null],
    [25, 0, 0, 'OVER_24_MONTHS'],
    [120, 0, 0, 'OVER_24_MONTHS'],
  ] as const)('default tiers: %i months -> %i bp, Rp %i, flag %s', (arrearsMonths, rateBasisPoints, fee, flag) => {
    const s = feeStatement(record('2027-01', [{ arrearsMonths, amount: 1_000_000 }]), DEFAULT_FEE_SCHEDULE);
    expect(s.lines).toEqual([{ arrearsMonths, amount: 1_000_000, rateBasisPoints, fee, flag }]);
  });

  it.each([
    [1, 0, 'UNDER_2_MONTHS'],
    [2, 2_500_000, null],
    [13, 2_500_000, null],
    [24, 2_500_000, null],
    [25, 0, 'OVER_24_MONTHS'],
  ] as const)('the 2019 flat 25%%: %i months on Rp 10 juta -> Rp %i', (arrearsMonths, fee, flag) => {
    const s = feeStatement(record('2019-10', [{ arrearsMonths, amount: 10_000_000 }]), FLAT_25_PERCENT_FEE_SCHEDULE);
    expect(s.lines[0]).toEqual({ arrearsMonths, amount: 10_000_000, rateBasisPoints: flag ? 0 : 2500, fee, flag });
  });

  it('an age no tier covers earns nothing and says NO_TIER (a schedule for 12–24 months only)', () => {
    const surakarta: FeeSchedule = {
      effectiveFrom: '2022-01-01',
      kind: 'tiered',
      tiers: [{ fromMonths: 12, toMonths: 24, rateBasisPoints: 1500 }],
    };
    const s = feeStatement(
      record('2022-05', [
        { arrearsMonths: 11, amount: 500_000 },
        { arrearsMonths: 12, amount: 500_000 },
      ]),
      surakarta,
    );
    expect(s.lines.map((l) => [l.flag, l.fee])).toEqual([
      ['NO_TIER', 0],
      [null, 75_000],
    ]);
    expect(s.totals).toEqual({ collected: 1_000_000, eligible: 500_000, fee: 75_000 });
  });
});

describe('fee statement: rounding down to the whole rupiah per line', () => {
  it('Rp 1.234.567 at 7% is Rp 86.419, not 86.420', () => {
    expect(lineFee(1_234_567, 700)).toBe(86_419);
    const s = feeStatement(record('2027-01', [{ arrearsMonths: 4, amount: 1_234_567 }]), DEFAULT_FEE_SCHEDULE);
    expect(s.lines[0]!.fee).toBe(86_419);
  });

  it('per line, not on the total: two such lines are 172.838, where the total would round to 172.839', () => {
    const s = feeStatement(
      record('2027-01', [
        { arrearsMonths: 4, amount: 1_234_567 },
        { arrearsMonths: 5, amount: 1_234_567 },
      ]),
      DEFAULT_FEE_SCHEDULE,
    );
    expect(s.totals.fee).toBe(172_838);
    expect(Math.floor((2 * 1_234_567 * 700) / 10_000)).toBe(172_839);
  });

  it('exact at any size, and never up', () => {
    expect(lineFee(1, 9_999)).toBe(0);
    expect(lineFee(3, 3_333)).toBe(0);
    expect(lineFee(10_000, 1)).toBe(1);
    expect(lineFee(9_999, 1)).toBe(0);
    expect(lineFee(1_000_000_000, 1_500)).toBe(150_000_000);
    expect(lineFee(Number.MAX_SAFE_INTEGER, 9_999)).toBe(Number((BigInt(Number.MAX_SAFE_INTEGER) * 9_999n) / 10_000n));
    expect(() => lineFee(1.5, 700)).toThrow();
    expect(() => lineFee(100, 10_001)).toThrow();
  });
});

describe('fee statement: totals and the schedule in force', () => {
  const collections = [
    { arrearsMonths: 1, amount: 35_000 },
    { arrearsMonths: 3, amount: 420_000 },
    { arrearsMonths: 9, amount: 1_050_000 },
    { arrearsMonths: 18, amount: 2_700_000 },
    { arrearsMonths: 30, amount: 900_000 },
  ];

  it('collected is everything, eligible only the lines that earn, the fee their sum', () => {
    const s = feeStatement(record('2026-12', collections), DEFAULT_FEE_SCHEDULE);
    expect(s.totals).toEqual({ collected: 5_105_000, eligible: 4_170_000, fee: 29_400 + 105_000 + 405_000 });
    expect(s.month).toBe('2026-12');
    expect(s.scheduleEffectiveFrom).toBe('2017-01-01');
    expect(feeStatement(record('2027-01', []), DEFAULT_FEE_SCHEDULE).totals).toEqual({ collected: 0, eligible: 0, fee: 0 });
  });

  it('a schedule effective 2027-01-01 does not apply to December 2026', () => {
    const raise: FeeSchedule = {
      ...DEFAULT_FEE_SCHEDULE,
      effectiveFrom: '2027-01-01',
      tiers: [{ fromMonths: 2, toMonths: 24, rateBasisPoints: 2000 }],
      kind: 'flat',
    };
    const schedules = [DEFAULT_FEE_SCHEDULE, raise];
    expect(feeStatementFor(record('2026-12', collections), schedules).totals.fee).toBe(539_400);
    expect(feeStatementFor(record('2027-01', collections), schedules)).toMatchObject({
      scheduleEffectiveFrom: '2027-01-01',
      totals: { fee: 834_000 },
    });
    expect(() => feeStatement(record('2026-12', collections), raise)).toThrow(
      /takes effect on 2027-01-01, not for the month 2026-12/,
    );
    expect(() => feeStatementFor(record('2016-12', collections), schedules)).toThrow(/no version in force/);
  });
});
