import { type Message, msg } from '../text/catalogue';
import { roundHalfUp } from '../text/format';
import type { RenewalChoice } from './events';
import { isCadreArrears, reportOnTime, type MonthlyRecord } from './monthly';
import { FEE_MAX_ARREARS_MONTHS, FEE_MIN_ARREARS_MONTHS, KPI_KEYS, type KpiKey, type KpiSettings } from './settings';

const round2 = (x: number) => roundHalfUp(x, 2);

/**
 * The year's scorecard from the monthly records, and the recommendation the supervisor sees
 * before deciding. Targets are per month, pro-rated to the months reported:
 *   visits      Σ familiesVisited        vs Σ familiesAssigned × familiesVisitedShare
 *   collection  Σ collected, arrears 2–24 vs collectionPerMonth × months
 *   reports     months on time            vs months
 *   attendance  Σ min(attended, target)   vs meetingsPerMonth × months (a month's extra meetings
 *               do not make up for another month's missed ones)
 * Each KPI's ratio is capped at 1; its points are ratio × weight; the total is the sum (0–100).
 * Renewal is recommended when the total is at least the threshold and no KPI is under its floor
 * (a floor is a percentage of the KPI's target).
 *
 * Rounding: percentages and points are rounded half up to two decimals, the total is the sum of
 * the rounded points, and the recommendation is made on these rounded figures, the ones shown.
 */
export type KpiLine = {
  key: KpiKey;
  actual: number;
  target: number;
  /** actual / target, capped at 1 */
  ratio: number;
  /** actual / target in percent, not capped (153 means 153% of target), two decimals */
  percentOfTarget: number;
  weight: number;
  /** ratio × weight, two decimals */
  points: number;
  /** the KPI's floor in percent of target, or null when it has none */
  floor: number | null;
  passedFloor: boolean;
};

export type KpiExplanation = {
  key: KpiKey;
  /** false only when the KPI is under its floor: then renewal is not recommended */
  passed: boolean;
  percentOfTarget: number;
  floor: number | null;
  /** percentage points under the floor (0 when passed or no floor) */
  shortOfFloor: number;
  /** percentage points under 100% of target (0 when met) */
  shortOfTarget: number;
  points: number;
  weight: number;
  /** the KPI in one sentence (SCORECARD_KPI), rendered in the reader's language */
  sentence: Message;
};

export type ScorecardExplanation = {
  passedThreshold: boolean;
  /** points under the threshold (0 when passed) */
  shortOfThreshold: number;
  /** KPIs under their floor */
  belowFloor: KpiKey[];
  kpis: KpiExplanation[];
  /** the recommendation in one sentence (SCORECARD_SUMMARY, or SCORECARD_NO_DATA) */
  summary: Message;
};

export type Scorecard = {
  /** the months reported, in order */
  months: string[];
  kpis: KpiLine[];
  total: number;
  threshold: number;
  /** null when no month was reported: there is nothing to recommend on */
  recommendation: RenewalChoice | null;
  explanation: ScorecardExplanation;
};

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function actualsAndTargets(months: MonthlyRecord[], s: KpiSettings): Record<KpiKey, { actual: number; target: number }> {
  const n = months.length;
  const t = s.targets;
  return {
    visits: {
      actual: sum(months.map((m) => m.familiesVisited)),
      target: sum(months.map((m) => m.familiesAssigned)) * t.familiesVisitedShare,
    },
    collection: {
      actual: sum(months.flatMap((m) => m.collections.filter((c) => isCadreArrears(c.arrearsMonths)).map((c) => c.amount))),
      target: t.collectionPerMonth * n,
    },
    reports: { actual: months.filter((m) => reportOnTime(m, t.reportDueDay)).length, target: n },
    attendance: {
      actual: sum(months.map((m) => Math.min(m.meetingsAttended, t.meetingsPerMonth))),
      target: t.meetingsPerMonth * n,
    },
  };
}

function explainKpi(line: KpiLine, s: KpiSettings): KpiExplanation {
  const shortOfFloor = line.floor !== null && !line.passedFloor ? round2(line.floor - line.percentOfTarget) : 0;
  const shortOfTarget = line.percentOfTarget >= 100 ? 0 : round2(100 - line.percentOfTarget);
  const sentence = msg('SCORECARD_KPI', {
    kpi: line.key,
    percent: line.percentOfTarget,
    floor: line.floor,
    passedFloor: line.passedFloor,
    shortOfFloor,
    actual: line.actual,
    target: line.target,
    points: line.points,
    weight: line.weight,
    reportDueDay: s.targets.reportDueDay,
    arrearsFrom: FEE_MIN_ARREARS_MONTHS,
    arrearsTo: FEE_MAX_ARREARS_MONTHS,
  });
  return {
    key: line.key,
    passed: line.passedFloor,
    percentOfTarget: line.percentOfTarget,
    floor: line.floor,
    shortOfFloor,
    shortOfTarget,
    points: line.points,
    weight: line.weight,
    sentence,
  };
}

/**
 * The scorecard of the months given (normally the agreement year's months so far), judged by one
 * version of the KPI settings (normally the one in force on the evaluation date). Throws when a
 * month appears twice.
 */
export function scorecard(months: readonly MonthlyRecord[], settings: KpiSettings): Scorecard {
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.month === sorted[i - 1]!.month) throw new Error(`month ${sorted[i]!.month} recorded twice`);
  }
  const at = actualsAndTargets(sorted, settings);
  const kpis: KpiLine[] = KPI_KEYS.map((key) => {
    const { actual, target } = at[key];
    const exact = target > 0 ? actual / target : 0;
    const ratio = Math.min(1, exact);
    const percentOfTarget = round2(exact * 100);
    const floor = settings.floors[key] ?? null;
    return {
      key,
      actual,
      target,
      ratio,
      percentOfTarget,
      weight: settings.weights[key],
      points: round2(ratio * settings.weights[key]),
      floor,
      passedFloor: floor === null || percentOfTarget >= floor,
    };
  });
  const total = round2(sum(kpis.map((k) => k.points)));
  const threshold = settings.threshold;

  if (sorted.length === 0) {
    return {
      months: [],
      kpis: [],
      total: 0,
      threshold,
      recommendation: null,
      explanation: {
        passedThreshold: false,
        shortOfThreshold: threshold,
        belowFloor: [],
        kpis: [],
        summary: msg('SCORECARD_NO_DATA'),
      },
    };
  }

  const passedThreshold = total >= threshold;
  const belowFloor = kpis.filter((k) => !k.passedFloor).map((k) => k.key);
  const recommendation: RenewalChoice = passedThreshold && belowFloor.length === 0 ? 'renew' : 'drop';
  const shortOfThreshold = passedThreshold ? 0 : round2(threshold - total);

  const below = kpis.filter((k) => !k.passedFloor);
  const summary = msg('SCORECARD_SUMMARY', {
    recommendation,
    months: sorted.length,
    first: sorted[0]!.month,
    last: sorted[sorted.length - 1]!.month,
    total,
    threshold,
    passedThreshold,
    shortOfThreshold,
    belowKpis: below.map((k) => k.key),
    belowPercents: below.map((k) => k.percentOfTarget),
    belowFloors: below.map((k) => k.floor ?? 0),
  });

  return {
    months: sorted.map((m) => m.month),
    kpis,
    total,
    threshold,
    recommendation,
    explanation: {
      passedThreshold,
      shortOfThreshold,
      belowFloor,
      kpis: kpis.map((k) => explainKpi(k, settings)),
      summary,
    },
  };
}

/**
 * The recommendation the server records with a DECIDE_RENEWAL event. With no monthly data there is
 * no recommendation; it is recorded as `drop`, so that renewing a cadre without any data needs a
 * written justification.
 */
export function recommendationForDecision(card: Pick<Scorecard, 'recommendation'>): RenewalChoice {
  return card.recommendation ?? 'drop';
}
