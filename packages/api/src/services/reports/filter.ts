import { type FunnelFilter, schema } from '@kader/db';
import { msg, partsInZone } from '@kader/workflow';
import { z } from 'zod';
import { requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { DomainError } from '../../errors';

const YEAR = z.number().int().min(2000).max(2100);

/**
 * Every report's filter (docs/reports.md "Common filter"). Head office: every branch (`branchId`
 * left out) or one; a branch user's report is their own branch's, whatever they ask (another
 * branch is NOT_FOUND). `regionCode` is a work area's Kemendagri code (`35.77`) or a province's
 * (`35`). Years are the reports' years (a period's year, an agreement's year, a month's year).
 */
export const reportFilterSchema = z
  .object({
    branchId: z.number().int().positive().nullish(),
    regionCode: z
      .string()
      .regex(/^\d{2}(\.\d{2})?$/, 'FIELD_INVALID')
      .nullish(),
    fromYear: YEAR,
    toYear: YEAR,
  })
  .superRefine((f, ctx) => {
    if (f.toYear < f.fromYear) {
      ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'NUMBER_TOO_SMALL', params: { minimum: f.fromYear } });
    } else if (f.toYear - f.fromYear >= 20) {
      // a bound on one answer's size: twenty years is more than the programme has lived
      ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'NUMBER_TOO_BIG', params: { maximum: f.fromYear + 19 } });
    }
  });
export type ReportFilterInput = z.infer<typeof reportFilterSchema>;

type Branch = typeof schema.branches.$inferSelect;

/** The filter as the queries take it: the branch narrowed to what the user may read. */
export type ReportFilter = FunnelFilter & {
  /** the branches the report may show (one for a branch user or a chosen branch) */
  branches: Map<number, Branch>;
};

/** `+420 minutes` for WIB: the zone's shift from UTC (Indonesia's zones have no daylight saving). */
export function shiftOf(timeZone: string): string {
  const probe = new Date(Date.UTC(2020, 0, 1, 12));
  const p = partsInZone(probe, timeZone);
  const minutes = (Date.parse(`${p.date}T${p.hour}:${p.minute}:00.000Z`) - probe.getTime()) / 60_000;
  return `${minutes >= 0 ? '+' : ''}${minutes} minutes`;
}

/** Narrows the asked filter to what the signed-in user may read; an unknown or foreign branch is NOT_FOUND. */
export function resolveReportFilter(ctx: Context, input: ReportFilterInput): ReportFilter {
  const principal = requirePrincipal(ctx);
  const all = ctx.handle.db.select().from(schema.branches).all();
  const ownBranch = principal.kind === 'user' ? principal.branchId : null;
  const asked = input.branchId ?? null;
  const notFound = (id: number) => new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'branch', id }));
  if (ownBranch !== null && asked !== null && asked !== ownBranch) throw notFound(asked);
  if (asked !== null && !all.some((b) => b.id === asked)) throw notFound(asked);
  const branchId = ownBranch ?? asked;
  const branches = all.filter((b) => branchId === null || b.id === branchId);
  return {
    branchId,
    regionCode: input.regionCode ?? null,
    fromYear: input.fromYear,
    toYear: input.toYear,
    shifts: Object.fromEntries(branches.map((b) => [b.id, shiftOf(b.timeZone)])),
    branches: new Map(branches.map((b) => [b.id, b])),
  };
}

/** The work areas a report may narrow to (those with a region code), for the page's choice. */
export type ReportArea = { branchId: number; name: string; regionCode: string };

export const reportAreasInputSchema = z.object({ branchId: z.number().int().positive().nullish() });

/** The work areas with a region code in the branches the user may read (or the one chosen). */
export function reportAreas({ ctx, input }: { ctx: Context; input: z.infer<typeof reportAreasInputSchema> }): ReportArea[] {
  const filter = resolveReportFilter(ctx, { branchId: input.branchId, fromYear: 2000, toYear: 2000 });
  return ctx.handle.db
    .select()
    .from(schema.workAreas)
    .all()
    .filter((a): a is typeof a & { regionCode: string } => a.regionCode !== null && filter.branches.has(a.branchId))
    .map((a) => ({ branchId: a.branchId, name: a.name, regionCode: a.regionCode }))
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name));
}
