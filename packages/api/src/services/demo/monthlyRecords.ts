/**
 * The cadres' monthly records of the demo history: every cadre-month varies with the cadre, the
 * season and the noise of a real month, while each calendar year's totals give exactly the
 * "targets achieved" asked for (visits and dues in percent of target, targetsAchieved.ts).
 * Pure and seeded: the same months and seed give the same records.
 */
import { type Collection, type KpiSettings, type MonthlyRecordInput, nextMonth } from '@kader/workflow';
import type { Random } from '../bulk/random';

export type CadreMonth = {
  /** the cadre's skill, about 0.3-1.8: a better cadre visits and collects more and reports on time */
  talent: number;
  /** `YYYY-MM` */
  month: string;
  /** 0 for the first month of an agreement year: a new cadre starts slowly */
  monthOfYear: number;
};

/** Percent of target per calendar year; a year of months without goals is an error. */
export type YearGoals = Record<number, { visits: number; dues: number }>;

export type MonthTargets = Pick<KpiSettings['targets'], 'familiesVisitedShare' | 'collectionPerMonth'>;

/** A month with Lebaran (Idul Fitri) in it: a week or more of little work. */
const LEBARAN = new Set(['2017-06', '2018-06', '2019-06', '2020-05', '2021-05']);

/**
 * `total` whole units split by `weights`, none over `cap`: the largest remainders round up, and any
 * share over the cap is held at it and the rest shared again among the others.
 */
export function distribute(total: number, weights: readonly number[], cap: number): number[] {
  if (total > cap * weights.length) throw new Error(`cannot give out ${total} with at most ${cap} each to ${weights.length}`);
  const out = weights.map(() => 0);
  let open = weights.map((_, i) => i).filter((i) => weights[i]! > 0);
  let left = total;
  if (open.length === 0 && left > 0) open = weights.map((_, i) => i);
  for (;;) {
    const sum = open.reduce((s, i) => s + (weights[i]! > 0 ? weights[i]! : 1), 0);
    const exact = open.map((i) => ({ i, x: (left * (weights[i]! > 0 ? weights[i]! : 1)) / sum }));
    const over = exact.filter((e) => e.x > cap);
    if (over.length > 0) {
      for (const { i } of over) out[i] = cap;
      left -= cap * over.length;
      open = open.filter((i) => out[i] !== cap);
      continue;
    }
    for (const { i, x } of exact) out[i] = Math.floor(x);
    let rest = left - exact.reduce((s, { x }) => s + Math.floor(x), 0);
    for (const { i } of [...exact].sort((a, b) => (b.x % 1) - (a.x % 1) || a.i - b.i)) {
      if (rest-- <= 0) break;
      out[i]! += 1;
    }
    return out;
  }
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The arrears age of one payment: most are recent, fewer the older they are (2-24 months). */
function arrearsAge(rng: Random): number {
  if (rng.chance(0.5)) return rng.int(2, 6);
  return rng.chance(0.6) ? rng.int(7, 12) : rng.int(13, 24);
}

/** `units` thousands of rupiah as one to four payments of different arrears ages. */
function payments(rng: Random, units: number): Collection[] {
  if (units === 0) return [];
  const parts = Math.min(units, units < 2000 ? rng.int(1, 2) : rng.int(2, 4));
  const shares = distribute(
    units - parts,
    Array.from({ length: parts }, () => 0.5 + rng.next()),
    units,
  ).map((n) => n + 1);
  const byAge = new Map<number, number>();
  for (const share of shares) {
    const age = arrearsAge(rng);
    byAge.set(age, (byAge.get(age) ?? 0) + share * 1000);
  }
  return [...byAge.entries()].sort(([a], [b]) => a - b).map(([arrearsMonths, amount]) => ({ arrearsMonths, amount }));
}

/**
 * One record per cadre-month, in the order given. `familiesAssigned` is the contract's (the
 * default 500), `targets` the KPI targets the months are judged by.
 */
export function demoMonths(
  rng: Random,
  months: readonly CadreMonth[],
  goals: YearGoals,
  targets: MonthTargets,
  familiesAssigned: number,
): MonthlyRecordInput[] {
  const visited = months.map(() => 0);
  const collected = months.map(() => 0);
  const byYear = new Map<number, number[]>();
  months.forEach((m, i) => {
    const y = Number(m.month.slice(0, 4));
    byYear.set(y, [...(byYear.get(y) ?? []), i]);
  });
  for (const [year, idx] of [...byYear.entries()].sort(([a], [b]) => a - b)) {
    const goal = goals[year];
    if (!goal) throw new Error(`no goals for the months of ${year}`);
    const weight = (i: number, spread: number) => {
      const m = months[i]!;
      const season = LEBARAN.has(m.month) ? 0.7 : m.month.endsWith('-12') ? 0.85 : 1;
      const learning = 0.6 + 0.4 * Math.min(1, m.monthOfYear / 3);
      return m.talent * season * learning * (1 - spread + 2 * spread * rng.next());
    };
    const visitTarget = idx.length * familiesAssigned * targets.familiesVisitedShare;
    const visits = distribute(
      Math.round((goal.visits / 100) * visitTarget),
      idx.map((i) => weight(i, 0.25)),
      familiesAssigned,
    );
    // A weak cadre now and then collects nothing in a month; the others make up the year's total.
    const dueWeights = idx.map((i) => (months[i]!.talent < 0.6 && rng.chance(0.25) ? 0 : weight(i, 0.4)));
    const dueUnits = Math.round((goal.dues / 100) * targets.collectionPerMonth * idx.length) / 1000;
    const dues = distribute(Math.round(dueUnits), dueWeights, Number.MAX_SAFE_INTEGER);
    idx.forEach((i, k) => {
      visited[i] = visits[k]!;
      collected[i] = dues[k]!;
    });
  }
  return months.map((m, i) => {
    const year = Number(m.month.slice(0, 4));
    const collections = payments(rng, collected[i]!);
    // Now and then a payment the cadre is not measured on: arrears under 2 or over 24 months.
    if (year >= 2018 && rng.chance(0.08)) {
      collections.push({ arrearsMonths: rng.chance(0.5) ? 1 : rng.int(25, 30), amount: rng.int(5, 30) * 10_000 });
    }
    const onTime = rng.chance(clamp(0.35 + 0.4 * m.talent, 0.3, 0.97));
    const day = onTime ? rng.int(1, 5) : rng.int(6, 14);
    const meetingsHeld = rng.chance(0.85) ? 2 : rng.pick([1, 3]);
    let meetingsAttended = 0;
    for (let k = 0; k < meetingsHeld; k++) if (rng.chance(clamp(0.5 + 0.3 * m.talent, 0.4, 0.98))) meetingsAttended++;
    const familiesVisited = visited[i]!;
    return {
      month: m.month,
      familiesAssigned,
      familiesVisited,
      visits: familiesVisited + Math.round(familiesVisited * (0.05 + 0.25 * rng.next())),
      collections,
      reportDeliveredOn: `${nextMonth(m.month)}-${String(day).padStart(2, '0')}`,
      meetingsHeld,
      meetingsAttended,
    };
  });
}
