/**
 * The programme settings page's helpers (`/pengaturan`): percent ↔ basis points, the weight sum,
 * which version is in force, and the two "add a version" forms checked in the browser with the
 * same schemas the server uses (it answers on the same paths, prefixed `value.`). Pure; tested in
 * test/settingsForms.test.ts.
 */
import {
  effectiveAt,
  FEE_MAX_ARREARS_MONTHS,
  FEE_MIN_ARREARS_MONTHS,
  feeScheduleSchema,
  issueMessage,
  KPI_KEYS,
  kpiSettingsSchema,
  msg,
  type Effective,
  type FeeSchedule,
  type KpiKey,
  type KpiSettings,
  type Params,
} from '@kader/workflow';
import type { z } from 'zod';
import type { Checked } from '../../components/schemaCheck';
import { formatRupiahInput, parseRupiahInput } from '../../contracts/rupiah';

/**
 * A percentage as typed (`7`, `12,5`, `12.5`, `7 %`) → basis points (700, 1250). Empty →
 * `undefined` (the schema says "required"); not a number → NaN; more than two decimals stays
 * fractional (the schema says "whole basis points").
 */
export function percentToBasisPoints(raw: string): number | undefined {
  const n = parseDecimal(raw.replace(/%\s*$/, ''));
  if (n === undefined || Number.isNaN(n)) return n;
  return Math.round(n * 100 * 1e6) / 1e6;
}

/** 700 → `7`, 1250 → `12,5` (id) / `12.5` (en): what a percent input shows. */
export function basisPointsToPercent(bp: number, lang: 'id' | 'en' = 'id'): string {
  const s = String(Math.round(bp) / 100);
  return lang === 'id' ? s.replace('.', ',') : s;
}

/** A decimal as typed, comma or dot: `12,5` → 12.5; empty → undefined; anything else → NaN. */
export function parseDecimal(raw: string): number | undefined {
  const s = raw.trim().replace(/\s/g, '');
  if (s === '') return undefined;
  if (!/^-?\d+(?:[.,]\d+)?$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

/** The sum of the weights as typed; a blank or unreadable one counts as 0. */
export function weightSum(weights: Readonly<Record<KpiKey, string | number>>): number {
  let sum = 0;
  for (const k of KPI_KEYS) {
    const v = weights[k];
    const n = typeof v === 'number' ? v : parseDecimal(v);
    if (n !== undefined && Number.isFinite(n)) sum += n;
  }
  return Math.round(sum * 1e6) / 1e6;
}

export type VersionStatus = 'current' | 'future' | 'past';

/** The version in force on `today` (`effectiveAt` of @kader/workflow), or null when none is. */
export function inForce<T extends Effective>(versions: readonly T[], today: string): T | null {
  try {
    return effectiveAt(versions, today);
  } catch {
    return null;
  }
}

/** Each version's status on `today`: in force now, still to come, or replaced. */
export function versionStatus<T extends Effective>(versions: readonly T[], today: string): Map<T, VersionStatus> {
  const current = inForce(versions, today);
  const out = new Map<T, VersionStatus>();
  for (const v of versions) out.set(v, v === current ? 'current' : v.effectiveFrom > today ? 'future' : 'past');
  return out;
}

/** `2026-05-17` → `2026-06-01`: the default start of a new version (after today, a whole month). */
export function firstOfNextMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  return `${next.y}-${String(next.m).padStart(2, '0')}-01`;
}

/** A field's problem: a catalogue message (found here or sent by the server), rendered with `tmsg`. */
export type FieldProblem = { reason: string; params: Params };
export type FieldErrors = Record<string, FieldProblem>;

/** Schema issues keyed by path (`weights.visits`, `tiers.1.rateBasisPoints`); the first per path wins. */
export function issuesByPath(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in out)) out[path] = issueMessage(issue);
  }
  return out;
}

/** The server's field messages (`value.tiers.1.rateBasisPoints`) on the form's paths. */
export function serverFieldErrors(fields: readonly (FieldProblem & { path: string })[]): FieldErrors {
  const out: FieldErrors = {};
  for (const { path: full, ...problem } of fields) {
    const path = full.startsWith('value.') ? full.slice('value.'.length) : full === 'value' ? '' : full;
    if (!(path in out)) out[path] = problem;
  }
  return out;
}

/** What the server says of a version that does not start after today, said before sending. */
export const AFTER_TODAY = msg('EFFECTIVE_DATE_NOT_FUTURE');

// ---------------------------------------------------------------------------------------------
// KPI form

export type KpiForm = {
  effectiveFrom: string;
  weights: Record<KpiKey, string>;
  /** percent of the assigned families (100 = each once) */
  familiesVisitedPercent: string;
  /** rupiah as typed: `10.000.000` */
  collectionPerMonth: string;
  meetingsPerMonth: string;
  reportDueDay: string;
  threshold: string;
  /** percent of target; blank = no floor */
  floors: Record<KpiKey, string>;
};

const num = (n: number | undefined, lang: 'id' | 'en' = 'id') =>
  n === undefined ? '' : lang === 'id' ? String(n).replace('.', ',') : String(n);

/** The form prefilled from a version (the one in force), with a new effective date. */
export function kpiFormFrom(s: KpiSettings, effectiveFrom: string): KpiForm {
  const per = <T>(f: (k: KpiKey) => T) => Object.fromEntries(KPI_KEYS.map((k) => [k, f(k)])) as Record<KpiKey, T>;
  return {
    effectiveFrom,
    weights: per((k) => String(s.weights[k])),
    familiesVisitedPercent: num(Math.round(s.targets.familiesVisitedShare * 100 * 1e6) / 1e6),
    collectionPerMonth: formatRupiahInput(s.targets.collectionPerMonth),
    meetingsPerMonth: String(s.targets.meetingsPerMonth),
    reportDueDay: String(s.targets.reportDueDay),
    threshold: num(s.threshold),
    floors: per((k) => num(s.floors[k])),
  };
}

/** The form → a value for `settings.add`, checked with `kpiSettingsSchema` and "after today". */
export function checkKpiForm(f: KpiForm, today: string): Checked<KpiSettings> {
  const share = parseDecimal(f.familiesVisitedPercent);
  const floors: Partial<Record<KpiKey, number>> = {};
  for (const k of KPI_KEYS) {
    const v = parseDecimal(f.floors[k]);
    if (v !== undefined) floors[k] = v;
  }
  const raw = {
    effectiveFrom: f.effectiveFrom.trim(),
    targets: {
      familiesVisitedShare: share === undefined ? undefined : Math.round((share / 100) * 1e8) / 1e8,
      collectionPerMonth: parseRupiahInput(f.collectionPerMonth),
      meetingsPerMonth: parseDecimal(f.meetingsPerMonth),
      reportDueDay: parseDecimal(f.reportDueDay),
    },
    weights: Object.fromEntries(KPI_KEYS.map((k) => [k, parseDecimal(f.weights[k])])),
    threshold: parseDecimal(f.threshold),
    floors,
  };
  const parsed = kpiSettingsSchema.safeParse(raw);
  const errors = parsed.success ? {} : issuesByPath(parsed.error);
  if (!errors.effectiveFrom && raw.effectiveFrom && raw.effectiveFrom <= today) errors.effectiveFrom = AFTER_TODAY;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

// ---------------------------------------------------------------------------------------------
// Fee form

export type TierForm = { fromMonths: string; toMonths: string; ratePercent: string };
export type FeeForm = { effectiveFrom: string; kind: FeeSchedule['kind']; tiers: TierForm[] };

export function feeFormFrom(s: FeeSchedule, effectiveFrom: string): FeeForm {
  return {
    effectiveFrom,
    kind: s.kind,
    tiers: s.tiers.map((t) => ({
      fromMonths: String(t.fromMonths),
      toMonths: String(t.toMonths),
      ratePercent: basisPointsToPercent(t.rateBasisPoints),
    })),
  };
}

/** "Tarif tetap 25%": one tier, 2–24 months, at 25% (the 2019 statement). */
export function flat25(effectiveFrom: string): FeeForm {
  return {
    effectiveFrom,
    kind: 'flat',
    tiers: [{ fromMonths: String(FEE_MIN_ARREARS_MONTHS), toMonths: String(FEE_MAX_ARREARS_MONTHS), ratePercent: '25' }],
  };
}

/** A blank row after the last: starting the month after the last row's end. */
export function nextTier(tiers: readonly TierForm[]): TierForm {
  const last = tiers[tiers.length - 1];
  const end = last ? parseDecimal(last.toMonths) : undefined;
  const from = end !== undefined && Number.isInteger(end) && end < FEE_MAX_ARREARS_MONTHS ? end + 1 : '';
  return { fromMonths: String(from), toMonths: from === '' ? '' : String(FEE_MAX_ARREARS_MONTHS), ratePercent: '' };
}

export function checkFeeForm(f: FeeForm, today: string): Checked<FeeSchedule> {
  const raw = {
    effectiveFrom: f.effectiveFrom.trim(),
    kind: f.kind,
    tiers: f.tiers.map((t) => ({
      fromMonths: parseDecimal(t.fromMonths),
      toMonths: parseDecimal(t.toMonths),
      rateBasisPoints: percentToBasisPoints(t.ratePercent),
    })),
  };
  const parsed = feeScheduleSchema.safeParse(raw);
  const errors = parsed.success ? {} : issuesByPath(parsed.error);
  if (!errors.effectiveFrom && raw.effectiveFrom && raw.effectiveFrom <= today) errors.effectiveFrom = AFTER_TODAY;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}
