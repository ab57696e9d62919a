import { feesMonthRows, feesMonthSums, feesStaleCollections } from '@kader/db';
import {
  type Collection,
  dateInZone,
  effectiveForMonth,
  type FeeLineFlag,
  type FeeSchedule,
  feeStatementFor,
  yearMonth,
} from '@kader/workflow';
import type { z } from 'zod';
import type { Context } from '../../context';
import { feeVersions } from '../contracts/settings';
import { reportFilterSchema, resolveReportFilter } from './filter';

/** The common filter and the month paid (`YYYY-MM`; left out: last month in the branch's zone). */
export const feesInputSchema = reportFilterSchema.safeExtend({ month: yearMonth.nullish() });
export type FeesInput = z.input<typeof feesInputSchema>;

export type FeeAmounts = { collected: number; fee: number };
/** What a cadre, an area, a branch or the whole answer adds up to in the month. */
export type FeeTotals = {
  /** agreements with a record for the month */
  cadres: number;
  /** per tier of the month's schedule, in its order: collected on the lines in that tier, and their fee */
  tiers: FeeAmounts[];
  /** lines that earn nothing (under 2 months, over 24, no tier): how many, and what they collected */
  flagged: { lines: number; amount: number };
  /** everything collected in the month */
  collected: number;
  fee: number;
};
export type FeeFlaggedLine = { arrearsMonths: number; amount: number; flag: Exclude<FeeLineFlag, null> };
export type FeeCadre = {
  contractId: number;
  agreementNumber: string;
  name: string;
  workAreaId: number;
  workArea: string;
  /** the record's revision: above 1 when the month was reported again (the latest record counts) */
  revision: number;
  totals: FeeTotals;
  flaggedLines: FeeFlaggedLine[];
};
export type FeeArea = { workAreaId: number; name: string; totals: FeeTotals };
export type FeeBranch = { branchId: number; code: string; name: string; totals: FeeTotals; areas: FeeArea[] };
export type FeeMonthTotal = { month: string; cadres: number; collected: number; fee: number };
export type FeeReport = {
  month: string;
  /** the fee schedule in force on the month's first day (its tiers are the table's columns); null: none yet */
  schedule: FeeSchedule | null;
  totals: FeeTotals;
  /** every branch in the filter, with its areas that have records, totals first */
  branches: FeeBranch[];
  /** one branch's cadres, by area then name; null when the answer spans every branch (choose one) */
  cadres: FeeCadre[] | null;
  /** per year of the filter, its twelve months' totals (the chart) */
  years: { year: number; months: FeeMonthTotal[] }[];
};

const emptyTotals = (tiers: number): FeeTotals => ({
  cadres: 0,
  tiers: Array.from({ length: tiers }, () => ({ collected: 0, fee: 0 })),
  flagged: { lines: 0, amount: 0 },
  collected: 0,
  fee: 0,
});

function addInto(into: FeeTotals, t: FeeTotals) {
  into.cadres += t.cadres;
  t.tiers.forEach((tier, i) => {
    into.tiers[i]!.collected += tier.collected;
    into.tiers[i]!.fee += tier.fee;
  });
  into.flagged.lines += t.flagged.lines;
  into.flagged.amount += t.flagged.amount;
  into.collected += t.collected;
  into.fee += t.fee;
}

/** `2026-01` → `2025-12`. */
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The schedule in force for `month`, or null before the first version (no month is paid then). */
function scheduleFor(schedules: readonly FeeSchedule[], month: string): FeeSchedule | null {
  return schedules.some((s) => s.effectiveFrom <= `${month}-01`) ? effectiveForMonth(schedules, month) : null;
}

/**
 * One cadre-month as the cadre page's statement gives it (`feeStatementFor`, the same function and
 * versions), its lines put in the columns of the schedule's tiers.
 */
function cadreTotals(month: string, collections: Collection[], schedules: readonly FeeSchedule[], schedule: FeeSchedule) {
  const statement = feeStatementFor({ month, collections }, schedules);
  const totals = emptyTotals(schedule.tiers.length);
  const flaggedLines: FeeFlaggedLine[] = [];
  totals.cadres = 1;
  totals.collected = statement.totals.collected;
  totals.fee = statement.totals.fee;
  for (const line of statement.lines) {
    if (line.flag !== null) {
      totals.flagged.lines += 1;
      totals.flagged.amount += line.amount;
      flaggedLines.push({ arrearsMonths: line.arrearsMonths, amount: line.amount, flag: line.flag });
      continue;
    }
    // an unflagged line lies in exactly one tier (tiers do not overlap): the column it is shown in
    const i = schedule.tiers.findIndex((t) => line.arrearsMonths >= t.fromMonths && line.arrearsMonths <= t.toMonths);
    totals.tiers[i]!.collected += line.amount;
    totals.tiers[i]!.fee += line.fee;
  }
  return { totals, flaggedLines };
}

/**
 * The fee payout (docs/reports.md "Fee payout"): per branch and month every cadre's fee by
 * arrears-age tier, the flagged lines, totals per area and branch, and each year's monthly totals.
 * The fee of each cadre-month is the cadre page's statement (`feeStatementFor` with the versions in
 * program_settings); SQLite only finds the records (db `queries/reportFees.ts`).
 */
export function feePayout({ ctx, input }: { ctx: Context; input: z.output<typeof feesInputSchema> }): FeeReport {
  const { db } = ctx.handle;
  const filter = resolveReportFilter(ctx, input);
  const one = filter.branchId === null ? null : filter.branches.get(filter.branchId)!;
  // last month on the branch's calendar; head office over every branch counts in WIB, as it works
  const month = input.month ?? previousMonth(dateInZone(ctx.now(), one?.timeZone ?? 'Asia/Jakarta').slice(0, 7));
  const schedules = feeVersions(db);
  const schedule = scheduleFor(schedules, month);
  const tierCount = schedule?.tiers.length ?? 0;

  const totals = emptyTotals(tierCount);
  const branches = new Map<number, FeeBranch>(
    [...filter.branches.values()].map((b) => [
      b.id,
      { branchId: b.id, code: b.code, name: b.name, totals: emptyTotals(tierCount), areas: [] },
    ]),
  );
  const cadres: FeeCadre[] = [];
  for (const row of schedule ? feesMonthRows(db, filter, month) : []) {
    const collections = row.collections === null ? [] : (JSON.parse(row.collections) as Collection[]);
    const { totals: t, flaggedLines } = cadreTotals(month, collections, schedules, schedule!);
    const branch = branches.get(row.branchId)!;
    let area = branch.areas.find((a) => a.workAreaId === row.workAreaId);
    if (!area) {
      area = { workAreaId: row.workAreaId, name: row.workArea, totals: emptyTotals(tierCount) };
      branch.areas.push(area);
    }
    addInto(area.totals, t);
    addInto(branch.totals, t);
    addInto(totals, t);
    if (one) {
      cadres.push({
        contractId: row.contractId,
        agreementNumber: row.agreementNumber,
        name: row.name,
        workAreaId: row.workAreaId,
        workArea: row.workArea,
        revision: row.revision,
        totals: t,
        flaggedLines,
      });
    }
  }

  return { month, schedule, totals, branches: [...branches.values()], cadres: one ? cadres : null, years: yearTotals() };

  /**
   * Each filter year's months: every record's statement, as the month's table computes it, summed
   * per month. The statements were worked out when each record was written (the fee figures its
   * writer stores: `monthlyFeeFigures`); the records whose stored fee is under another schedule
   * than the one in force for their month now, or has none, are worked out again here.
   */
  function yearTotals(): FeeReport['years'] {
    const byMonth = new Map<string, FeeMonthTotal>();
    const at = (m: string) => {
      let found = byMonth.get(m);
      if (!found) byMonth.set(m, (found = { month: m, cadres: 0, collected: 0, fee: 0 }));
      return found;
    };
    for (const sums of feesMonthSums(db, filter, `${filter.fromYear}-01`, `${filter.toYear}-12`)) {
      const total = at(sums.month);
      if (sums.scheduleFrom !== null && sums.scheduleFrom === scheduleFor(schedules, sums.month)?.effectiveFrom) {
        total.cadres += sums.cadres;
        total.collected += sums.collected;
        total.fee += sums.fee ?? 0;
        continue;
      }
      for (const text of feesStaleCollections(db, filter, sums.month, sums.scheduleFrom)) {
        const collections = text === null ? [] : (JSON.parse(text) as Collection[]);
        const statement = feeStatementFor({ month: sums.month, collections }, schedules);
        total.cadres += 1;
        total.collected += statement.totals.collected;
        total.fee += statement.totals.fee;
      }
    }
    return Array.from({ length: filter.toYear - filter.fromYear + 1 }, (_, i) => {
      const year = filter.fromYear + i;
      const months = Array.from({ length: 12 }, (__, k) => at(`${year}-${String(k + 1).padStart(2, '0')}`));
      return { year, months };
    });
  }
}
