import { z } from 'zod';
import { isoDate } from '../recruitment/events';

/**
 * Rules the sources disagree on are versioned data with an effective date, set by head office
 * (domain.md C, B9): a version applies from its `effectiveFrom` until a later one starts.
 */
export type Effective = { effectiveFrom: string };

/**
 * The version in force on `date` (`YYYY-MM-DD`): the latest with `effectiveFrom` ≤ `date`. Throws
 * when none has started yet, or when two versions start on that same day (which one is meant?).
 */
export function effectiveAt<T extends Effective>(versions: readonly T[], date: string): T {
  let best: T | undefined;
  for (const v of versions) {
    if (v.effectiveFrom > date) continue;
    if (best && v.effectiveFrom === best.effectiveFrom) {
      throw new Error(`two versions take effect on ${v.effectiveFrom}: which one applies is ambiguous`);
    }
    if (!best || v.effectiveFrom > best.effectiveFrom) best = v;
  }
  if (!best) throw new Error(`no version in force on ${date}`);
  return best;
}

/**
 * The version that applies to a month (`YYYY-MM`): the one in force on its first day. A month is
 * judged and paid by one set of rules, so a version starting mid-month applies from the next month.
 */
export function effectiveForMonth<T extends Effective>(versions: readonly T[], month: string): T {
  return effectiveAt(versions, `${month}-01`);
}

// ---------------------------------------------------------------------------------------------
// KPI settings

export const KPI_KEYS = ['visits', 'collection', 'reports', 'attendance'] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

// Messages are catalogue ids (text/messages/contract.ts); a plain bound or type says what the
// generic one says ("Paling besar 100"), next to the field it is about.
const percent = () => z.number().min(0).max(100);
const weight = () => z.number().int().min(0).max(100);

export const kpiSettingsSchema = z.object({
  effectiveFrom: isoDate,
  targets: z.object({
    /** share of the assigned families to visit each month (1 = every family once) */
    familiesVisitedShare: z.number().gt(0, 'VALUE_MORE_THAN_ZERO').max(1),
    /** rupiah of arrears (2–24 months old) collected per month */
    collectionPerMonth: z.number().int().positive('VALUE_MORE_THAN_ZERO'),
    meetingsPerMonth: z.number().int().min(1).max(31),
    /** a month's report is on time when delivered by this day of the following month (28: every month has it) */
    reportDueDay: z.number().int().min(1).max(28),
  }),
  weights: z
    .object({ visits: weight(), collection: weight(), reports: weight(), attendance: weight() })
    .refine((w) => w.visits + w.collection + w.reports + w.attendance === 100, { message: 'WEIGHTS_SUM_100' }),
  /** the total (0–100) at or above which renewal is recommended */
  threshold: percent(),
  /** minimum achievement of a KPI, in percent of its target, below which renewal is not recommended */
  floors: z
    .object({
      visits: percent().optional(),
      collection: percent().optional(),
      reports: percent().optional(),
      attendance: percent().optional(),
    })
    .default({}),
});
export type KpiSettings = z.output<typeof kpiSettingsSchema>;

/** Defaults from domain.md section C: examples a deployment changes, not facts. */
export const DEFAULT_KPI_SETTINGS: KpiSettings = {
  effectiveFrom: '2017-01-01',
  targets: { familiesVisitedShare: 1, collectionPerMonth: 10_000_000, meetingsPerMonth: 2, reportDueDay: 5 },
  weights: { visits: 30, collection: 30, reports: 20, attendance: 20 },
  threshold: 60,
  floors: { collection: 40 },
};

// ---------------------------------------------------------------------------------------------
// Fee (imbal jasa) schedules

/** Arrears ages (whole months) a fee can be paid for: under 2 is not a cadre's, over 24 is not billed. */
export const FEE_MIN_ARREARS_MONTHS = 2;
export const FEE_MAX_ARREARS_MONTHS = 24;

export const feeTierSchema = z.object({
  fromMonths: z.number().int().min(FEE_MIN_ARREARS_MONTHS).max(FEE_MAX_ARREARS_MONTHS),
  toMonths: z.number().int().min(FEE_MIN_ARREARS_MONTHS).max(FEE_MAX_ARREARS_MONTHS),
  /** 700 = 7% */
  rateBasisPoints: z.number().int('RATE_WHOLE_BASIS_POINTS').min(0).max(10_000, 'RATE_TOO_BIG'),
});
export type FeeTier = z.output<typeof feeTierSchema>;

/**
 * Tiers are ranges of whole months, both ends included, inside 2..24, that do not overlap. They
 * need not cover every age: an age in no tier earns nothing and its statement line says NO_TIER.
 * A flat schedule is one tier.
 */
export const feeScheduleSchema = z
  .object({
    effectiveFrom: isoDate,
    kind: z.enum(['tiered', 'flat']),
    tiers: z.array(feeTierSchema).min(1, 'FEE_TIERS_REQUIRED'),
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'flat' && s.tiers.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'FLAT_ONE_TIER' });
    }
    s.tiers.forEach((t, i) => {
      if (t.fromMonths > t.toMonths) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'toMonths'], message: 'TIER_END_BEFORE_START' });
      }
    });
    const order = s.tiers.map((t, i) => ({ ...t, i })).sort((a, b) => a.fromMonths - b.fromMonths);
    for (let k = 1; k < order.length; k++) {
      const prev = order[k - 1]!;
      const cur = order[k]!;
      if (cur.fromMonths <= prev.toMonths) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', cur.i, 'fromMonths'],
          message: 'TIERS_OVERLAP',
          params: { from: cur.fromMonths, to: cur.toMonths, otherFrom: prev.fromMonths, otherTo: prev.toMonths },
        });
      }
    }
  });
export type FeeSchedule = z.output<typeof feeScheduleSchema>;

/** Default (domain.md C): inside the Madiun study's 7–15% by arrears age 2–24 months. */
export const DEFAULT_FEE_SCHEDULE: FeeSchedule = {
  effectiveFrom: '2017-01-01',
  kind: 'tiered',
  tiers: [
    { fromMonths: 2, toMonths: 6, rateBasisPoints: 700 },
    { fromMonths: 7, toMonths: 12, rateBasisPoints: 1000 },
    { fromMonths: 13, toMonths: 24, rateBasisPoints: 1500 },
  ],
};

/**
 * The 2019 public statement (25% of the arrears collected), as a flat schedule. Its effective date
 * is not known: 2019-09-01 is the month of the statement, an example a deployment changes.
 */
export const FLAT_25_PERCENT_FEE_SCHEDULE: FeeSchedule = {
  effectiveFrom: '2019-09-01',
  kind: 'flat',
  tiers: [{ fromMonths: 2, toMonths: 24, rateBasisPoints: 2500 }],
};

/** Versions for a new deployment: just the defaults. Head office adds versions with later dates. */
export const DEFAULT_KPI_SETTINGS_VERSIONS: readonly KpiSettings[] = [DEFAULT_KPI_SETTINGS];
export const DEFAULT_FEE_SCHEDULE_VERSIONS: readonly FeeSchedule[] = [DEFAULT_FEE_SCHEDULE];

/** A list of versions: each valid, and no two taking effect on the same day. */
export const versionsSchema = <S extends z.ZodType<Effective>>(schema: S) =>
  z.array(schema).superRefine((versions, ctx) => {
    const seen = new Map<string, number>();
    versions.forEach((v, i) => {
      const first = seen.get(v.effectiveFrom);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'effectiveFrom'],
          message: 'SETTINGS_VERSION_DUPLICATE',
          params: { date: v.effectiveFrom, version: first + 1 },
        });
      } else seen.set(v.effectiveFrom, i);
    });
  });
