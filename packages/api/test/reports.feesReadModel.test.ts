/**
 * The fee payout's read model (the fee figures each monthly record's writer stores beside it:
 * workflow `monthlyFeeFigures`) on a hand-made history through the real services with a clock, and
 * verify-audit's check of it (services/verify/monthlyFigures.ts).
 *
 * One cadre of KC Madiun under agreement from 1 April 2026. The default schedule (2–6 months 7 %,
 * 7–12 months 10 %, 13–24 months 15 %) is the only one until head office adds, on 4 August, a
 * tiered one from 1 October 2026 (2–12 months 20 %).
 *
 *   July, recorded 3 August:    3 mo 1.234.567 → 7 % 86.419 (86.419,69) · 30 mo 100.000 OVER_24 ·
 *                               1 mo 50.000 UNDER_2       collected 1.384.567, fee 86.419, 2 flagged
 *   November, recorded early on 3 August (before the new schedule): 8 mo 500.000 → 10 % 50.000,
 *                               stored under the default; once the October schedule is added it is
 *                               paid 20 % = 100.000, which the chart must show (the stored fee is stale)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSetting } from '../src/services/contracts/addSetting';
import { recordMonth } from '../src/services/contracts/recordMonth';
import { feePayout, feesInputSchema } from '../src/services/reports/fees';
import { monthlyFigureMismatches } from '../src/services/verify/monthlyFigures';
import { contextFor, fixedClock, recruitCadre, seedBranch, tempDatabase } from './helpers';

let db: ReturnType<typeof tempDatabase>;
let ids: ReturnType<typeof seedBranch>;
let contractId = 0;
const clock = fixedClock('2026-03-01T02:00:00.000Z');

const month = (m: string, collections: { arrearsMonths: number; amount: number }[]) => ({
  month: m,
  familiesVisited: 100,
  visits: 120,
  collections,
  meetingsHeld: 2,
  meetingsAttended: 2,
});

type FeeColumns = { collectedTotal: number; fee: number | null; feeFlaggedLines: number | null; feeScheduleFrom: string | null };
const stored = (m: string) =>
  db.handle.sqlite
    .prepare(
      `SELECT collected_total AS collectedTotal, fee, fee_flagged_lines AS feeFlaggedLines, fee_schedule_from AS feeScheduleFrom
       FROM monthly_reports WHERE contract_id = ? AND month = ?`,
    )
    .get(contractId, m) as FeeColumns;

beforeAll(() => {
  db = tempDatabase();
  ids = seedBranch(db.handle, 5);
  const ctx = contextFor(db.handle, clock.now, 'penyelia-uji');
  contractId = recruitCadre(db.handle, ctx, clock, ids).id;

  clock.advance(Date.parse('2026-08-03T02:00:00.000Z') - clock.now().getTime());
  const record = (m: ReturnType<typeof month>) => recordMonth({ ctx, input: { contractId, revision: null, record: m } });
  record(
    month('2026-07', [
      { arrearsMonths: 3, amount: 1_234_567 },
      { arrearsMonths: 30, amount: 100_000 },
      { arrearsMonths: 1, amount: 50_000 },
    ]),
  );
  record(month('2026-11', [{ arrearsMonths: 8, amount: 500_000 }]));
  clock.advance(86_400_000);
  addSetting({
    ctx,
    input: {
      kind: 'fee',
      value: { effectiveFrom: '2026-10-01', kind: 'tiered', tiers: [{ fromMonths: 2, toMonths: 12, rateBasisPoints: 2000 }] },
    },
  });
});
afterAll(() => db.cleanup());

const chart = () => {
  const ctx = contextFor(db.handle, () => new Date('2026-12-10T02:00:00.000Z'));
  const r = feePayout({
    ctx,
    input: feesInputSchema.parse({ branchId: ids.branch.id, fromYear: 2026, toYear: 2026, month: '2026-07' }),
  });
  return new Map(r.years[0]!.months.map((m) => [m.month, m]));
};

describe('the fee payout’s read model', () => {
  it('is written with the record: the statement under the schedule in force for the month', () => {
    expect(stored('2026-07')).toEqual({
      collectedTotal: 1_384_567,
      fee: 86_419,
      feeFlaggedLines: 2,
      feeScheduleFrom: '2017-01-01',
    });
    // recorded before the October schedule existed: worked out under the default then
    expect(stored('2026-11')).toEqual({
      collectedTotal: 500_000,
      fee: 50_000,
      feeFlaggedLines: 0,
      feeScheduleFrom: '2017-01-01',
    });
  });

  it('gives the chart each month’s fee, working out again a fee stored under a schedule no longer in force', () => {
    const months = chart();
    expect(months.get('2026-07')).toEqual({ month: '2026-07', cadres: 1, collected: 1_384_567, fee: 86_419 });
    expect(months.get('2026-11')).toEqual({ month: '2026-11', cadres: 1, collected: 500_000, fee: 100_000 });
    expect(months.get('2026-08')).toEqual({ month: '2026-08', cadres: 0, collected: 0, fee: 0 });
  });

  it('works out a record written before the fee columns (no fee stored) from its collections', () => {
    db.handle.sqlite
      .prepare(
        'UPDATE monthly_reports SET fee = NULL, fee_flagged_lines = NULL, fee_schedule_from = NULL WHERE contract_id = ? AND month = ?',
      )
      .run(contractId, '2026-07');
    expect(chart().get('2026-07')).toEqual({ month: '2026-07', cadres: 1, collected: 1_384_567, fee: 86_419 });
  });

  it('is checked by verify-audit against each record: a stale schedule is no mismatch, a wrong figure is', () => {
    expect(monthlyFigureMismatches(db.handle)).toEqual([]);
    db.handle.sqlite
      .prepare('UPDATE monthly_reports SET fee = 50001, collected = 7 WHERE contract_id = ? AND month = ?')
      .run(contractId, '2026-11');
    db.handle.sqlite
      .prepare("UPDATE monthly_reports SET fee = 1, fee_schedule_from = '2026-01-01' WHERE contract_id = ? AND month = ?")
      .run(contractId, '2026-07');
    expect(monthlyFigureMismatches(db.handle)).toEqual([
      {
        kind: 'contract',
        id: contractId,
        reason: 'monthly record 2026-07: fee worked out under a schedule from 2026-01-01, which head office never had',
      },
      {
        kind: 'contract',
        id: contractId,
        reason: 'monthly record 2026-11: collected stored 7, from the record 500000; fee stored 50001, from the record 50000',
      },
    ]);
  });
});
