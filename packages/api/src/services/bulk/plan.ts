/**
 * The programme's plan: how many applications each (branch, year) period holds and where each
 * ends up, and the quotas that leave room for every place the stories take.
 */
import { apportion, type Random } from './random';
import { BRANCHES, CLOSED_OUTCOMES, CLOSED_YEARS, CURRENT_OUTCOMES, MAX_DEBRIEFING_PER_PERIOD, type Target } from './programme';

export const periodKey = (branchCode: string, year: number) => `${branchCode}:${year}`;

export type ProgrammePlan = {
  /** the years with applications: the closed ones, then the current one */
  years: number[];
  /** the years with a period: those, and next year's for renewals */
  periodYears: number[];
  /** KC Madiun's current year, holding the measured share */
  measuredKey: string;
  /** each period's applications by where they end up, in the order they are written */
  targets: Map<string, Target[]>;
  quotas: Map<string, number>;
};

/** The applications of one period by where they end up, in a shuffled order. */
function targetsOf(rng: Random, count: number, current: boolean): Target[] {
  const outcomes = current ? CURRENT_OUTCOMES : CLOSED_OUTCOMES;
  const counts = apportion(count, Object.fromEntries(Object.entries(outcomes).map(([k, o]) => [k, o.weight])));
  if (current && (counts.debriefing ?? 0) > MAX_DEBRIEFING_PER_PERIOD) {
    counts.agreementSigning = (counts.agreementSigning ?? 0) + counts.debriefing! - MAX_DEBRIEFING_PER_PERIOD;
    counts.debriefing = MAX_DEBRIEFING_PER_PERIOD;
  }
  const targets: Target[] = [];
  for (const [k, n] of Object.entries(counts)) for (let i = 0; i < n; i++) targets.push(outcomes[k]!.target);
  return rng.shuffle(targets);
}

/** Does this story sign an agreement (and so take a place in the year's quota)? */
const signs = (t: Target) =>
  t.state === 'active' ||
  t.state === 'debriefing' ||
  ((t.state === 'rejected' || t.state === 'withdrawn') && t.stage === 'debriefing');

/**
 * `measured` applications go to the measured period; the rest are spread over every other period
 * by the branch's size, the recent years a little fuller.
 */
export function planProgramme(
  rng: Random,
  { total, measured, year }: { total: number; measured: number; year: number },
): ProgrammePlan {
  const years = Array.from({ length: CLOSED_YEARS + 1 }, (_, i) => year - CLOSED_YEARS + i);
  const measuredKey = periodKey(BRANCHES[0]!.code, year);
  const weights: Record<string, number> = {};
  for (const b of BRANCHES) {
    for (const y of years) {
      const key = periodKey(b.code, y);
      if (key !== measuredKey) weights[key] = b.weight * (1 - 0.1 * (year - y));
    }
  }
  const counts: Record<string, number> = { ...apportion(total - measured, weights), [measuredKey]: measured };
  const targets = new Map<string, Target[]>();
  for (const b of BRANCHES) {
    for (const y of years) targets.set(periodKey(b.code, y), targetsOf(rng, counts[periodKey(b.code, y)] ?? 0, y === year));
  }

  // Room for every place a story takes: its signings, and renewals of every cadre of the year
  // before (an upper bound), plus a margin so the period still has free places.
  const periodYears = [...years, year + 1];
  const quotas = new Map<string, number>();
  for (const b of BRANCHES) {
    let cadresBefore = 0;
    for (const y of periodYears) {
      const ts = targets.get(periodKey(b.code, y)) ?? [];
      const signed = ts.filter(signs).length;
      quotas.set(periodKey(b.code, y), signed + cadresBefore + Math.max(20, Math.ceil(signed * 0.1)));
      cadresBefore += ts.filter((t) => t.state === 'active').length;
    }
  }
  return { years, periodYears, measuredKey, targets, quotas };
}
