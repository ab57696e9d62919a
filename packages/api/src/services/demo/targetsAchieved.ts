/**
 * The study's "targets achieved" per calendar year, from monthly records (docs/reports.md, the same
 * sums as the scorecard in workflow's contract/scorecard.ts): visits achieved = Σ familiesVisited ÷
 * Σ (familiesAssigned × familiesVisitedShare); dues = Σ collected on arrears 2-24 months ÷
 * Σ collectionPerMonth, over the months of that year, each month judged by its contract's targets.
 * Pure: the demo history checks what it generates with it, and its test asserts the study's figures.
 */
import { isCadreArrears, type KpiSettings, type MonthlyRecord } from '@kader/workflow';

export type AchievementMonth = {
  record: Pick<MonthlyRecord, 'month' | 'familiesAssigned' | 'familiesVisited' | 'collections'>;
  targets: Pick<KpiSettings['targets'], 'familiesVisitedShare' | 'collectionPerMonth'>;
};

export type YearAchievement = {
  year: number;
  /** cadre-months reported in the year */
  months: number;
  visits: { actual: number; target: number; percent: number };
  dues: { actual: number; target: number; percent: number };
};

const percent = (actual: number, target: number) => (target > 0 ? (100 * actual) / target : 0);

/** One line per calendar year that has months, in year order; percentages unrounded. */
export function targetsAchievedByYear(months: readonly AchievementMonth[]): YearAchievement[] {
  const years = new Map<number, { months: number; visited: number; visitTarget: number; dues: number; duesTarget: number }>();
  for (const { record, targets } of months) {
    const year = Number(record.month.slice(0, 4));
    const y = years.get(year) ?? { months: 0, visited: 0, visitTarget: 0, dues: 0, duesTarget: 0 };
    y.months += 1;
    y.visited += record.familiesVisited;
    y.visitTarget += record.familiesAssigned * targets.familiesVisitedShare;
    for (const c of record.collections) if (isCadreArrears(c.arrearsMonths)) y.dues += c.amount;
    y.duesTarget += targets.collectionPerMonth;
    years.set(year, y);
  }
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, y]) => ({
      year,
      months: y.months,
      visits: { actual: y.visited, target: y.visitTarget, percent: percent(y.visited, y.visitTarget) },
      dues: { actual: y.dues, target: y.duesTarget, percent: percent(y.dues, y.duesTarget) },
    }));
}
