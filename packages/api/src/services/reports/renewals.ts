import { type RenewalsGroupRow, type RenewalsOverrideRow, renewalsOutcomes } from '@kader/db';
import { DECISION_REASON_MIN_LENGTH, dateInZone, type RenewalChoice } from '@kader/workflow';
import type { Context } from '../../context';
import { type ReportFilterInput, resolveReportFilter } from './filter';

/** At most this many overrides are listed per year (their count is always whole). */
export const RENEWAL_OVERRIDES_LISTED = 50;

/**
 * One set of renewal figures (docs/reports.md "Renewal outcomes"). For agreements:
 * agreements = decided + stillLapsed + pending + endedEarly.
 */
export type RenewalFigures = {
  /** agreements ending in the year */
  agreements: number;
  /** with a decision (the latest counts), in time or late */
  decided: number;
  renewed: number;
  dropped: number;
  /** the decision was the recommendation the supervisor was shown */
  followed: number;
  /** renewed against a drop recommendation */
  overriddenToRenew: number;
  /** dropped against a renew recommendation */
  overriddenToDrop: number;
  /** decisions with a written reason (at least DECISION_REASON_MIN_LENGTH characters) */
  justified: number;
  /** overrides with a written reason */
  overridesJustified: number;
  /** reached the end date undecided: lapsed now, or decided late since */
  lapsed: number;
  decidedLate: number;
  stillLapsed: number;
  /** no decision yet and the end date not reached (active, evaluation due) */
  pending: number;
  /** resigned or terminated before any decision */
  endedEarly: number;
};

export type RenewalArea = RenewalFigures & {
  branchId: number;
  branchCode: string;
  workAreaId: number;
  name: string;
  regionCode: string | null;
};
export type RenewalSupervisor = RenewalFigures & { username: string; name: string | null };
/** Decisions whose score at decision time fell in [from, to) (the last bin takes 100). */
export type ScoreBin = { from: number; to: number; renew: number; drop: number };
export type RenewalOverride = {
  contractId: number;
  agreementNumber: string;
  branchCode: string;
  area: string;
  decision: RenewalChoice;
  recommendation: RenewalChoice;
  reason: string;
  score: number | null;
  by: string;
  at: string;
  /** the day of `at` on the branch's calendar */
  date: string;
  late: boolean;
};
export type RenewalYear = {
  year: number;
  figures: RenewalFigures;
  areas: RenewalArea[];
  supervisors: RenewalSupervisor[];
  scores: {
    bins: ScoreBin[];
    /** decisions made with no month reported: no score */
    noScore: { renew: number; drop: number };
    /** the renewal thresholds the decisions were shown (one, unless the KPI settings changed) */
    thresholds: number[];
  };
  /** the latest overrides, at most RENEWAL_OVERRIDES_LISTED; the figures count them all */
  overrides: RenewalOverride[];
};
export type RenewalsReport = { years: RenewalYear[] };

const zero = (): RenewalFigures => ({
  agreements: 0,
  decided: 0,
  renewed: 0,
  dropped: 0,
  followed: 0,
  overriddenToRenew: 0,
  overriddenToDrop: 0,
  justified: 0,
  overridesJustified: 0,
  lapsed: 0,
  decidedLate: 0,
  stillLapsed: 0,
  pending: 0,
  endedEarly: 0,
});

/** Adds one group of agreements (`r.n` of them, alike in every column) to the figures. */
function add(f: RenewalFigures, r: RenewalsGroupRow) {
  const n = r.n;
  f.agreements += n;
  if (r.decision !== null) {
    f.decided += n;
    if (r.decision === 'renew') f.renewed += n;
    else f.dropped += n;
    const overridden = r.decision !== r.recommendation;
    if (!overridden) f.followed += n;
    else if (r.decision === 'renew') f.overriddenToRenew += n;
    else f.overriddenToDrop += n;
    if (r.justified) {
      f.justified += n;
      if (overridden) f.overridesJustified += n;
    }
    if (r.late) {
      f.lapsed += n;
      f.decidedLate += n;
    }
  } else if (r.state === 'lapsed') {
    f.lapsed += n;
    f.stillLapsed += n;
  } else if (r.state === 'active' || r.state === 'evaluationDue') {
    f.pending += n;
  } else if (r.state === 'resigned' || r.state === 'terminated') {
    f.endedEarly += n;
  }
}

const BIN_COUNT = 10;
const BIN_WIDTH = 10;

/**
 * The renewal outcomes per year of end date (docs/reports.md "Renewal outcomes"): decisions
 * against recommendations, late decisions, the scores decided on. Read-only; SQLite aggregates
 * (db `queries/reportRenewals.ts`), this sums the groups per year, area and supervisor.
 */
export function renewalOutcomes({ ctx, input }: { ctx: Context; input: ReportFilterInput }): RenewalsReport {
  const { db } = ctx.handle;
  const filter = resolveReportFilter(ctx, input);
  const query = { ...filter, minReason: DECISION_REASON_MIN_LENGTH, listLimit: RENEWAL_OVERRIDES_LISTED };
  const all = renewalsOutcomes(db, query);
  const rows = all.filter((r): r is RenewalsGroupRow => r.kind === 'group');
  const overrides = all
    .filter((r): r is RenewalsOverrideRow => r.kind === 'override')
    .sort((a, b) => b.at.localeCompare(a.at) || b.contractId - a.contractId);
  const branchCode = (id: number) => filter.branches.get(id)?.code ?? String(id);

  const years: RenewalYear[] = [];
  for (let year = filter.fromYear; year <= filter.toYear; year++) {
    const figures = zero();
    const areas = new Map<string, RenewalArea>();
    const supervisors = new Map<string, RenewalSupervisor>();
    const bins: ScoreBin[] = Array.from({ length: BIN_COUNT }, (_, i) => ({
      from: i * BIN_WIDTH,
      to: (i + 1) * BIN_WIDTH,
      renew: 0,
      drop: 0,
    }));
    const noScore = { renew: 0, drop: 0 };
    const thresholds = new Set<number>();
    for (const r of rows.filter((x) => x.year === year)) {
      add(figures, r);
      const areaKey = `${r.branchId}:${r.workAreaId}`;
      const area = areas.get(areaKey) ?? {
        ...zero(),
        branchId: r.branchId,
        branchCode: branchCode(r.branchId),
        workAreaId: r.workAreaId,
        name: r.areaName,
        regionCode: r.regionCode,
      };
      add(area, r);
      areas.set(areaKey, area);
      if (r.decision === null) continue;
      if (r.actor !== null) {
        const who = supervisors.get(r.actor) ?? { ...zero(), username: r.actor, name: r.actorName };
        add(who, r);
        supervisors.set(r.actor, who);
      }
      const bin = r.bin === null ? noScore : bins[r.bin]!;
      bin[r.decision] += r.n;
      if (r.threshold !== null) thresholds.add(r.threshold);
    }
    years.push({
      year,
      figures,
      areas: [...areas.values()].sort(
        (a, b) => a.branchCode.localeCompare(b.branchCode) || a.name.localeCompare(b.name) || a.workAreaId - b.workAreaId,
      ),
      supervisors: [...supervisors.values()].sort((a, b) => b.decided - a.decided || a.username.localeCompare(b.username)),
      scores: { bins, noScore, thresholds: [...thresholds].sort((a, b) => a - b) },
      overrides: overrides
        .filter((o) => o.year === year)
        .map((o) => ({
          contractId: o.contractId,
          agreementNumber: o.agreementNumber,
          branchCode: branchCode(o.branchId),
          area: o.areaName,
          decision: o.decision,
          recommendation: o.recommendation,
          reason: o.reason,
          score: o.score,
          by: o.actor,
          at: o.at,
          date: dateInZone(new Date(o.at), filter.branches.get(o.branchId)?.timeZone ?? 'Asia/Jakarta'),
          late: o.late === 1,
        })),
    });
  }
  return { years };
}
