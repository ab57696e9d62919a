import { cadresByYear, type CadresYearRow, schema, underAgreementByArea } from '@kader/db';
import { dateInZone, isoDate } from '@kader/workflow';
import type { z } from 'zod';
import type { Context } from '../../context';
import { reportFilterSchema, resolveReportFilter } from './filter';

/** The common filter, and the day "under agreement" is counted on (none: each branch's today). */
export const cadresInputSchema = reportFilterSchema.safeExtend({ onDate: isoDate.nullish() });
export type CadresInput = z.infer<typeof cadresInputSchema>;

/** What the agreements of one agreement year (the start date's year) were and where they stand now. */
/** A year's (or an area's year's) figures: the query's row without its keys. */
export type CadresFigures = Omit<CadresYearRow, 'branchId' | 'workAreaId' | 'year'>;
export type CadresYear = { year: number } & CadresFigures;
export type CadresArea = {
  branchId: number;
  branchCode: string;
  branchName: string;
  workAreaId: number;
  areaName: string;
  regionCode: string | null;
};
export type CadresAreaYear = CadresArea & { year: number } & CadresFigures;
export type UnderAgreementArea = CadresArea & { date: string; n: number };
export type CadresReport = {
  /** every year of the filter, in order, the branches and areas asked about added together */
  years: CadresYear[];
  /** per year, branch and work area, for the areas with an agreement that year */
  areas: CadresAreaYear[];
  underAgreement: {
    /** the day counted: the one asked, or today when every branch asked about has the same today; null when their todays differ */
    date: string | null;
    total: number;
    /** every work area of the branches asked about (in the chosen region), with none too */
    areas: UnderAgreementArea[];
  };
};

const FIGURES = [
  'made',
  'recruited',
  'returners',
  'renewed',
  'renewedOn',
  'dropped',
  'resigned',
  'terminated',
  'lapsed',
  'running',
] as const satisfies readonly (keyof CadresFigures)[];

const zero = (): CadresFigures => Object.fromEntries(FIGURES.map((k) => [k, 0])) as CadresFigures;
const figuresOf = (r: CadresYearRow): CadresFigures => Object.fromEntries(FIGURES.map((k) => [k, r[k]])) as CadresFigures;

/**
 * Cadres per year (docs/reports.md "Cadres per year"): the agreements by the year they start, per
 * year and per work area, and the agreements running on a day per work area. Read-only; SQLite
 * aggregates (db `queries/reportCadres.ts`), this adds the years up and names branches and areas.
 */
export function cadresPerYear({ ctx, input }: { ctx: Context; input: CadresInput }): CadresReport {
  const { db } = ctx.handle;
  const filter = resolveReportFilter(ctx, input);
  const areaById = new Map(
    db
      .select()
      .from(schema.workAreas)
      .all()
      .filter((a) => filter.branches.has(a.branchId))
      .map((a) => {
        const b = filter.branches.get(a.branchId)!;
        const area: CadresArea = {
          branchId: b.id,
          branchCode: b.code,
          branchName: b.name,
          workAreaId: a.id,
          areaName: a.name,
          regionCode: a.regionCode,
        };
        return [a.id, area];
      }),
  );

  const rows = cadresByYear(db, filter);
  const years: CadresYear[] = [];
  for (let year = filter.fromYear; year <= filter.toYear; year++) {
    const total = zero();
    for (const r of rows) if (r.year === year) for (const k of FIGURES) total[k] += r[k];
    years.push({ year, ...total });
  }
  const areas = rows.map((r): CadresAreaYear => ({ ...areaById.get(r.workAreaId)!, year: r.year, ...figuresOf(r) }));

  // "today" is each branch's own: a head-office report across zones counts each on its calendar
  const dates = Object.fromEntries(
    [...filter.branches.values()].map((b) => [b.id, input.onDate ?? dateInZone(ctx.now(), b.timeZone)]),
  );
  const running = underAgreementByArea(db, { branchId: filter.branchId, regionCode: filter.regionCode, dates }).map(
    (r): UnderAgreementArea => ({ ...areaById.get(r.workAreaId)!, date: r.date, n: r.n }),
  );
  const distinct = new Set(Object.values(dates));
  return {
    years,
    areas,
    underAgreement: {
      date: input.onDate ?? (distinct.size === 1 ? [...distinct][0]! : null),
      total: running.reduce((s, r) => s + r.n, 0),
      areas: running,
    },
  };
}
