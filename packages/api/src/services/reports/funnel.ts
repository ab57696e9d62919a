import { type FunnelFilter, funnelCounts, funnelOutcomes, funnelPeriods, funnelStages, schema } from '@kader/db';
import { msg, partsInZone, RECRUITMENT_STAGES, type RecruitmentStage } from '@kader/workflow';
import { z } from 'zod';
import { requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { DomainError } from '../../errors';

const YEAR = z.number().int().min(2000).max(2100);

/**
 * The report's filter. Head office: every branch (`branchId` left out) or one; a branch user's
 * report is their own branch's, whatever they ask (another branch is NOT_FOUND). `regionCode` is a
 * work area's Kemendagri code (`35.77`) or a province's (`35`). Years are the periods' years.
 */
export const funnelInputSchema = z
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
      // a bound on one answer's size: twenty years of periods is more than the programme has lived
      ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'NUMBER_TOO_BIG', params: { maximum: f.fromYear + 19 } });
    }
  });
export type FunnelInput = z.infer<typeof funnelInputSchema>;

export type Percentiles = { n: number; median: number; p90: number };
export type FunnelReason = { reasonCode: string; n: number };
export type FunnelStage = {
  stage: RecruitmentStage;
  /** entered this stage at least once */
  reached: number;
  /** went on to a later stage (or active) */
  passed: number;
  /** standing in it now */
  inStage: number;
  /** ended rejected or withdrawn from it (now) */
  rejected: number;
  withdrawn: number;
  /** passed ÷ (passed + rejected + withdrawn): of those decided here; null when none was */
  passRate: number | null;
  /** whole days in the stage per application that has left it (docs/reports.md) */
  days: Percentiles | null;
  rejections: FunnelReason[];
  withdrawals: FunnelReason[];
};
export type FunnelPeriod = {
  periodId: number;
  branchId: number;
  branchCode: string;
  branchName: string;
  year: number;
  registered: number;
  active: number;
  stages: FunnelStage[];
  /** days from registration to active, of those who became active */
  toActive: Percentiles | null;
  /** registrations by `heard_from` (null: not recorded), most first */
  channels: { channel: string | null; n: number }[];
};
/** The work areas the filter may narrow to (those with a region code), for the page's choice. */
export type FunnelArea = { branchId: number; name: string; regionCode: string };
export type FunnelReport = { periods: FunnelPeriod[]; areas: FunnelArea[] };

/** `+420 minutes` for WIB: the zone's shift from UTC (Indonesia's zones have no daylight saving). */
function shiftOf(timeZone: string): string {
  const probe = new Date(Date.UTC(2020, 0, 1, 12));
  const p = partsInZone(probe, timeZone);
  const wall = Date.parse(`${p.date}T${p.hour}:${p.minute}:00.000Z`);
  return `${(wall - probe.getTime()) / 60_000 >= 0 ? '+' : ''}${(wall - probe.getTime()) / 60_000} minutes`;
}

const byN = (a: { n: number }, b: { n: number }) => b.n - a.n;
const keyed = <T extends { periodId: number }>(rows: T[]) => {
  const map = new Map<number, T[]>();
  for (const r of rows) map.set(r.periodId, [...(map.get(r.periodId) ?? []), r]);
  return map;
};
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The selection funnel per period (docs/reports.md "Selection funnel"). Read-only; the figures are
 * aggregated by SQLite (db `queries/funnel.ts`), this shapes them per period and stage.
 */
export function selectionFunnel({ ctx, input }: { ctx: Context; input: FunnelInput }): FunnelReport {
  const principal = requirePrincipal(ctx);
  const { db } = ctx.handle;
  const branches = db.select().from(schema.branches).all();
  const ownBranch = principal.kind === 'user' ? principal.branchId : null;
  const asked = input.branchId ?? null;
  if (ownBranch !== null && asked !== null && asked !== ownBranch) {
    throw new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'branch', id: asked }));
  }
  if (asked !== null && !branches.some((b) => b.id === asked)) {
    throw new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'branch', id: asked }));
  }
  const filter: FunnelFilter = {
    branchId: ownBranch ?? asked,
    regionCode: input.regionCode ?? null,
    fromYear: input.fromYear,
    toYear: input.toYear,
    shifts: Object.fromEntries(branches.map((b) => [b.id, shiftOf(b.timeZone)])),
  };

  const stageRows = funnelStages(db, filter);
  const reach = keyed(
    stageRows.filter((r) => r.kind === 'furthest').map((r) => ({ periodId: r.periodId, furthest: r.state, n: r.n })),
  );
  const days = keyed(stageRows.filter((r) => r.kind === 'days'));
  const counts = keyed(funnelCounts(db, filter));
  const outcomes = keyed(funnelOutcomes(db, filter));
  const branchById = new Map(branches.map((b) => [b.id, b]));

  const periods = funnelPeriods(db, filter).map((p): FunnelPeriod => {
    const furthest = reach.get(p.periodId) ?? [];
    const atLeast = (i: number) => furthest.filter((r) => r.furthest >= i).reduce((s, r) => s + r.n, 0);
    const apps = counts.get(p.periodId) ?? [];
    const sumOf = (rows: { n: number }[]) => rows.reduce((s, r) => s + r.n, 0);
    const byChannel = new Map<string | null, number>();
    for (const r of apps) byChannel.set(r.channel, (byChannel.get(r.channel) ?? 0) + r.n);
    const ended = outcomes.get(p.periodId) ?? [];
    const percentiles = (state: string): Percentiles | null => {
      const row = days.get(p.periodId)?.find((d) => d.state === state);
      return row ? { n: row.n, median: round2(row.median), p90: round2(row.p90) } : null;
    };
    const stages = RECRUITMENT_STAGES.map((stage, i): FunnelStage => {
      const reasons = (kind: 'rejected' | 'withdrawn') =>
        ended
          .filter((o) => o.kind === kind && o.stage === stage)
          .map((o) => ({ reasonCode: o.reasonCode, n: o.n }))
          .sort(byN);
      const rejections = reasons('rejected');
      const withdrawals = reasons('withdrawn');
      const rejected = rejections.reduce((s, r) => s + r.n, 0);
      const withdrawn = withdrawals.reduce((s, r) => s + r.n, 0);
      const passed = atLeast(i + 1);
      const decided = passed + rejected + withdrawn;
      return {
        stage,
        reached: atLeast(i),
        passed,
        inStage: sumOf(apps.filter((r) => r.state === stage)),
        rejected,
        withdrawn,
        passRate: decided === 0 ? null : passed / decided,
        days: percentiles(stage),
        rejections,
        withdrawals,
      };
    });
    const branch = branchById.get(p.branchId)!;
    return {
      periodId: p.periodId,
      branchId: p.branchId,
      branchCode: branch.code,
      branchName: branch.name,
      year: p.year,
      registered: sumOf(apps),
      active: atLeast(RECRUITMENT_STAGES.length),
      stages,
      toActive: percentiles('toActive'),
      channels: [...byChannel].map(([channel, n]) => ({ channel, n })).sort(byN),
    };
  });
  const areas = db
    .select()
    .from(schema.workAreas)
    .all()
    .filter(
      (a): a is typeof a & { regionCode: string } =>
        a.regionCode !== null && (filter.branchId === null || a.branchId === filter.branchId),
    )
    .map((a) => ({ branchId: a.branchId, name: a.name, regionCode: a.regionCode }))
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  return { periods, areas };
}
