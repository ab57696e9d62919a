import { funnelCounts, funnelOutcomes, funnelPeriods, funnelStages } from '@kader/db';
import { RECRUITMENT_STAGES, type RecruitmentStage } from '@kader/workflow';
import type { Context } from '../../context';
import { type ReportFilterInput, resolveReportFilter } from './filter';

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
export type FunnelReport = { periods: FunnelPeriod[] };

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
export function selectionFunnel({ ctx, input }: { ctx: Context; input: ReportFilterInput }): FunnelReport {
  const { db } = ctx.handle;
  // periods by their year
  const filter = resolveReportFilter(ctx, input);
  const branchById = filter.branches;

  const stageRows = funnelStages(db, filter);
  const reach = keyed(
    stageRows.filter((r) => r.kind === 'furthest').map((r) => ({ periodId: r.periodId, furthest: r.state, n: r.n })),
  );
  const days = keyed(stageRows.filter((r) => r.kind === 'days'));
  const counts = keyed(funnelCounts(db, filter));
  const outcomes = keyed(funnelOutcomes(db, filter));

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
  return { periods };
}
