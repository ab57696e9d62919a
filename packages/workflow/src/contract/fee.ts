import { collectionFlag, type Collection, type MonthlyRecord } from './monthly';
import { effectiveForMonth, type FeeSchedule } from './settings';

/**
 * The monthly fee (imbal jasa) statement of one cadre: one line per collected payment.
 *
 * Rounding rule: each line's fee = floor(amount × rateBasisPoints / 10000), down to the whole
 * rupiah per line (domain.md C); the total fee is the sum of the lines. Rp 1.234.567 at 7% is
 * Rp 86.419 (86.419,69 rounded down), not Rp 86.420.
 *
 * Arrears under 2 months (not a fostered participant's) and over 24 months (not billed) earn
 * nothing and are flagged; an age in 2–24 that no tier covers earns nothing and is flagged NO_TIER.
 * A flagged line has rate 0 and fee 0.
 */
export type FeeLineFlag = null | 'UNDER_2_MONTHS' | 'OVER_24_MONTHS' | 'NO_TIER';

export type FeeLine = {
  arrearsMonths: number;
  amount: number;
  rateBasisPoints: number;
  fee: number;
  flag: FeeLineFlag;
};

export type FeeStatement = {
  month: string;
  /** the schedule's effective date, to show which version was applied */
  scheduleEffectiveFrom: string;
  lines: FeeLine[];
  totals: {
    /** everything collected in the month */
    collected: number;
    /** collected on lines that earn a fee (no flag) */
    eligible: number;
    fee: number;
  };
};

/** floor(amount × bp / 10000) in exact integer arithmetic (BigInt: no float error at any size). */
export function lineFee(amount: number, rateBasisPoints: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`amount must be whole rupiah: ${amount}`);
  if (!Number.isInteger(rateBasisPoints) || rateBasisPoints < 0 || rateBasisPoints > 10_000) {
    throw new Error(`rate must be 0..10000 basis points: ${rateBasisPoints}`);
  }
  return Number((BigInt(amount) * BigInt(rateBasisPoints)) / 10_000n);
}

export function feeLine(collection: Collection, schedule: FeeSchedule): FeeLine {
  const { arrearsMonths, amount } = collection;
  const flag = collectionFlag(arrearsMonths);
  if (flag) return { arrearsMonths, amount, rateBasisPoints: 0, fee: 0, flag };
  const tier = schedule.tiers.find((t) => arrearsMonths >= t.fromMonths && arrearsMonths <= t.toMonths);
  if (!tier) return { arrearsMonths, amount, rateBasisPoints: 0, fee: 0, flag: 'NO_TIER' };
  return { arrearsMonths, amount, rateBasisPoints: tier.rateBasisPoints, fee: lineFee(amount, tier.rateBasisPoints), flag: null };
}

/**
 * The statement of one month under one schedule. Throws when the schedule takes effect after the
 * month's first day: a schedule never applies to a month before it (use `feeStatementFor` to pick).
 */
export function feeStatement(record: Pick<MonthlyRecord, 'month' | 'collections'>, schedule: FeeSchedule): FeeStatement {
  if (schedule.effectiveFrom > `${record.month}-01`) {
    throw new Error(`the fee schedule takes effect on ${schedule.effectiveFrom}, not for the month ${record.month}`);
  }
  const lines = record.collections.map((c) => feeLine(c, schedule));
  const total = (ls: FeeLine[], pick: (l: FeeLine) => number) => ls.reduce((a, l) => a + pick(l), 0);
  return {
    month: record.month,
    scheduleEffectiveFrom: schedule.effectiveFrom,
    lines,
    totals: {
      collected: total(lines, (l) => l.amount),
      eligible: total(
        lines.filter((l) => l.flag === null),
        (l) => l.amount,
      ),
      fee: total(lines, (l) => l.fee),
    },
  };
}

/** The statement of one month under the schedule in force on the month's first day. */
export function feeStatementFor(
  record: Pick<MonthlyRecord, 'month' | 'collections'>,
  schedules: readonly FeeSchedule[],
): FeeStatement {
  return feeStatement(record, effectiveForMonth(schedules, record.month));
}

/**
 * The month's fee figures stored beside its record by the record's writer (the fee payout's read
 * model: its chart sums them instead of parsing every record): the statement under the schedule in
 * force on the month's first day, and which schedule that was. Before the first schedule no fee is
 * worked out (all null but what was collected).
 */
export function monthlyFeeFigures(record: Pick<MonthlyRecord, 'month' | 'collections'>, schedules: readonly FeeSchedule[]) {
  const collectedTotal = record.collections.reduce((s, c) => s + c.amount, 0);
  if (!schedules.some((s) => s.effectiveFrom <= `${record.month}-01`)) {
    return { collectedTotal, fee: null, feeFlaggedLines: null, feeScheduleFrom: null };
  }
  const statement = feeStatementFor(record, schedules);
  return {
    collectedTotal,
    fee: statement.totals.fee,
    feeFlaggedLines: statement.lines.filter((l) => l.flag !== null).length,
    feeScheduleFrom: statement.scheduleEffectiveFrom,
  };
}
export type MonthlyFeeFigures = ReturnType<typeof monthlyFeeFigures>;
