import {
  schema,
  TARGET_SUM_KEYS,
  type TargetCadreOrder,
  targetCadres,
  targetCells,
  type TargetSums,
  type TargetsFilter,
  type TargetVersion,
} from '@kader/db';
import { type KpiKey, type KpiSettings, roundHalfUp } from '@kader/workflow';
import { z } from 'zod';
import type { Context } from '../../context';
import { kpiVersions } from '../contracts/settings';
import { reportFilterSchema, resolveReportFilter } from './filter';

/** Cadres are listed a page at a time: a branch can have thousands. */
export const TARGET_CADRES_PAGE_SIZE = 50;
const CADRE_ORDERS = ['name', 'visits', 'collection', 'reports', 'attendance'] as const satisfies TargetCadreOrder[];

/**
 * The common filter, plus the year whose months, areas and cadres are shown (none: the areas and
 * cadres over every year of the filter, no months), and which page of cadres in which order.
 */
export const targetsReportSchema = z
  .intersection(
    reportFilterSchema,
    z.object({
      year: z.number().int().min(2000).max(2100).nullish(),
      cadreOrder: z.enum(CADRE_ORDERS).default('name'),
      cadrePage: z.number().int().min(0).max(10_000).default(0),
      cadrePageSize: z.number().int().min(1).max(200).default(TARGET_CADRES_PAGE_SIZE),
    }),
  )
  .superRefine((f, ctx) => {
    // the chosen year narrows the filter's years: outside them it would show what the filter left out
    if (f.year == null) return;
    if (f.year < f.fromYear) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'NUMBER_TOO_SMALL', params: { minimum: f.fromYear } });
    } else if (f.year > f.toYear) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'NUMBER_TOO_BIG', params: { maximum: f.toYear } });
    }
  });
export type TargetsReportInput = z.input<typeof targetsReportSchema>;

/** One KPI of a group: actual against target, and the percentage (not capped; null without a target). */
export type KpiFigure = { actual: number; target: number; percent: number | null };
export type TargetFigures = {
  /** cadres with at least one month reported in the group */
  cadres: number;
  /** cadre-months reported */
  months: number;
} & Record<KpiKey, KpiFigure>;

export type TargetsReport = {
  year: number | null;
  /** every year of the filter, those without months included */
  years: ({ year: number } & TargetFigures)[];
  /** the chosen year's twelve months (none without a chosen year) */
  months: ({ month: string } & TargetFigures)[];
  /** work areas with months in the scope (the chosen year, or every year), by branch then name */
  areas: ({ workAreaId: number; name: string; regionCode: string | null; branchCode: string } & TargetFigures)[];
  /** the scope's total */
  total: TargetFigures;
  cadres: {
    rows: ({ candidateId: number; name: string; workArea: string; agreementNumber: string } & TargetFigures)[];
    /** cadres with months in the scope, over every page */
    count: number;
    page: number;
    pageSize: number;
    order: TargetCadreOrder;
  };
};

const percent = (actual: number, target: number) => (target > 0 ? roundHalfUp((actual / target) * 100, 2) : null);
const kpi = (actual: number | null, target: number | null): KpiFigure => {
  const a = actual ?? 0;
  const t = target ?? 0;
  // the percentage from the exact target, as the scorecard's; the visits target (families × a
  // share, summed in floating point) shown to two decimals rather than with the float's tail
  return { actual: a, target: roundHalfUp(t, 2), percent: percent(a, t) };
};

/** The sums of a group as the scorecard states them (workflow contract/scorecard.ts), with its cadres. */
export function figuresOf(s: TargetSums | null, cadres: number): TargetFigures {
  const months = s?.months ?? 0;
  return {
    cadres,
    months,
    visits: kpi(s?.visited ?? 0, s?.visitsTarget ?? 0),
    collection: kpi(s?.collected ?? 0, s?.collectionTarget ?? 0),
    reports: kpi(s?.reportsOnTime ?? 0, months),
    attendance: kpi(s?.attended ?? 0, s?.meetingsTarget ?? 0),
  };
}

/** Adds the cells' sums up by a key (a year, a month, an area); a cell the key skips (null) is left out. */
function sumBy<C extends TargetSums, K>(cells: readonly C[], keyOf: (c: C) => K | null) {
  const out = new Map<K, TargetSums>();
  for (const c of cells) {
    const key = keyOf(c);
    if (key === null) continue;
    const acc = out.get(key) ?? (Object.fromEntries(TARGET_SUM_KEYS.map((k) => [k, 0])) as TargetSums);
    for (const k of TARGET_SUM_KEYS) acc[k] += c[k] ?? 0;
    out.set(key, acc);
  }
  return out;
}

const versionOf = (v: KpiSettings): TargetVersion => ({
  effectiveFrom: v.effectiveFrom,
  familiesVisitedShare: v.targets.familiesVisitedShare,
  collectionPerMonth: v.targets.collectionPerMonth,
  meetingsPerMonth: v.targets.meetingsPerMonth,
  reportDueDay: v.targets.reportDueDay,
});

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/**
 * Targets and achievement (docs/reports.md "Targets and achievement"): per calendar year of the
 * months reported, per month of a chosen year, per work area and per cadre (a page), each KPI's
 * actual against its target as the renewal scorecard counts them, with each agreement year's targets
 * from the KPI version its scorecard uses. Percentages are not capped. Read-only; SQLite sums
 * (db `queries/reportTargets.ts`), this shapes.
 */
export function targetsReport({ ctx, input }: { ctx: Context; input: z.output<typeof targetsReportSchema> }): TargetsReport {
  const { db } = ctx.handle;
  const filter = resolveReportFilter(ctx, input);
  const year = input.year ?? null;
  const query: TargetsFilter = {
    branchId: filter.branchId,
    regionCode: filter.regionCode,
    fromYear: filter.fromYear,
    toYear: filter.toYear,
    year,
    versions: kpiVersions(db).map(versionOf),
  };
  const page = targetCadres(db, {
    ...query,
    order: input.cadreOrder,
    limit: input.cadrePageSize,
    offset: input.cadrePage * input.cadrePageSize,
  });
  const yearCadres = new Map(page.counts.years);
  const areaCadres = new Map(page.counts.areas);
  // the years, areas and total from the sums per year and area (read with the cadres, in one pass);
  // the months only for a chosen year, from its own months alone
  const inScope = (c: { year: number }) => year === null || c.year === year;
  const byYear = sumBy(page.yearCells, (c) => c.year);
  const byMonth = sumBy(year === null ? [] : targetCells(db, { ...query, fromYear: year, toYear: year }), (c) => c.month);
  const byArea = sumBy(page.yearCells, (c) => (inScope(c) ? c.workAreaId : null));
  const total = figuresOf(sumBy(page.yearCells, (c) => (inScope(c) ? 'scope' : null)).get('scope') ?? null, page.counts.total);
  const years = Array.from({ length: filter.toYear - filter.fromYear + 1 }, (_, i) => filter.fromYear + i);

  const areaById = new Map(
    db
      .select()
      .from(schema.workAreas)
      .all()
      .filter((a) => filter.branches.has(a.branchId))
      .map((a) => [a.id, a]),
  );
  const areaName = (id: number) => areaById.get(id)?.name ?? String(id);
  const areas = [...byArea]
    .map(([workAreaId, sums]) => {
      const a = areaById.get(workAreaId);
      return {
        workAreaId,
        name: areaName(workAreaId),
        regionCode: a?.regionCode ?? null,
        branchCode: (a && filter.branches.get(a.branchId)?.code) ?? '',
        ...figuresOf(sums, areaCadres.get(workAreaId) ?? 0),
      };
    })
    .sort((x, y) => x.branchCode.localeCompare(y.branchCode) || x.name.localeCompare(y.name, 'id'));

  return {
    year,
    years: years.map((y) => ({ year: y, ...figuresOf(byYear.get(y) ?? null, yearCadres.get(y) ?? 0) })),
    months:
      year === null
        ? []
        : monthsOf(year).map((month) => {
            const sums = byMonth.get(month) ?? null;
            // one agreement year per cadre and month: the month's cadres are its cadre-months
            return { month, ...figuresOf(sums, sums?.months ?? 0) };
          }),
    areas,
    total,
    cadres: {
      rows: page.rows.map((r) => ({
        candidateId: r.candidateId,
        name: r.name,
        workArea: areaName(r.workAreaId),
        agreementNumber: r.agreementNumber,
        ...figuresOf(r, 1),
      })),
      count: total.cadres,
      page: input.cadrePage,
      pageSize: input.cadrePageSize,
      order: input.cadreOrder,
    },
  };
}
