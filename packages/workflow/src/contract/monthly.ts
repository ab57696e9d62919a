import { z } from 'zod';
import { isIsoDate } from '../calendar';
import { type FieldMessage, issueFields } from '../text/catalogue';
import { FEE_MAX_ARREARS_MONTHS, FEE_MIN_ARREARS_MONTHS } from './settings';

/**
 * One cadre's month: the families looked after and visited, the arrears collected (each payment
 * with the age of the arrears it settled), the monthly report, and the evaluation meetings.
 */
export const DEFAULT_FAMILIES_ASSIGNED = 500;
/** A sanity ceiling for one collected payment (Rp 1 miliar): far above any PBPU family's 24 months. */
export const MAX_COLLECTION_AMOUNT = 1_000_000_000;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const isYearMonth = (s: string): boolean => MONTH.test(s);

// Messages are catalogue ids (text/messages/contract.ts); a plain bound or type says what the
// generic one says ("Paling kecil 0"), next to the field or the CSV column it is about.
export const yearMonth = z.string().regex(MONTH, 'MONTH_FORMAT').meta({ kind: 'month' });

const int = () => z.number().int();

export const collectionSchema = z.object({
  arrearsMonths: int().min(0).max(120),
  amount: int().positive('AMOUNT_NOT_POSITIVE').max(MAX_COLLECTION_AMOUNT, 'AMOUNT_TOO_BIG'),
});
export type Collection = z.output<typeof collectionSchema>;

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
// Cross-field checks run even when another field is out of range, so a form shows every problem at
// once; each compares only values that are themselves valid. (zod still holds them back after a
// wrong type or a number that is not whole, until that is fixed.)
const always = { when: () => true };

export const monthlyRecordSchema = z
  .object({
    month: yearMonth,
    familiesAssigned: int().min(1).max(5000).default(DEFAULT_FAMILIES_ASSIGNED),
    familiesVisited: int().min(0),
    visits: int().min(0),
    collections: z.array(collectionSchema).default([]),
    reportDeliveredOn: z.string().refine(isIsoDate, 'DATE_INVALID').meta({ kind: 'date' }).nullable().default(null),
    meetingsHeld: int().min(0).max(31),
    meetingsAttended: int().min(0),
  })
  .refine((r) => !isInt(r.familiesVisited) || !isInt(r.familiesAssigned) || r.familiesVisited <= r.familiesAssigned, {
    message: 'VISITED_OVER_ASSIGNED',
    path: ['familiesVisited'],
    ...always,
  })
  .refine((r) => !isInt(r.visits) || !isInt(r.familiesVisited) || r.visits >= r.familiesVisited, {
    message: 'VISITS_UNDER_FAMILIES',
    path: ['visits'],
    ...always,
  })
  .refine((r) => !isInt(r.meetingsAttended) || !isInt(r.meetingsHeld) || r.meetingsAttended <= r.meetingsHeld, {
    message: 'ATTENDED_OVER_HELD',
    path: ['meetingsAttended'],
    ...always,
  })
  .refine(
    (r) =>
      typeof r.month !== 'string' ||
      !isYearMonth(r.month) ||
      typeof r.reportDeliveredOn !== 'string' ||
      !isIsoDate(r.reportDeliveredOn) ||
      r.reportDeliveredOn >= `${r.month}-01`,
    { message: 'REPORT_BEFORE_MONTH', path: ['reportDeliveredOn'], ...always },
  );
export type MonthlyRecord = z.output<typeof monthlyRecordSchema>;
export type MonthlyRecordInput = z.input<typeof monthlyRecordSchema>;

export type ParsedMonthlyRecord = { ok: true; record: MonthlyRecord } | { ok: false; fields: FieldMessage[] };

/** Validates one cadre-month; paths are dotted (`familiesVisited`, `collections.2.amount`). */
export function parseMonthlyRecord(raw: unknown): ParsedMonthlyRecord {
  const parsed = monthlyRecordSchema.safeParse(raw);
  if (parsed.success) return { ok: true, record: parsed.data };
  return { ok: false, fields: issueFields(parsed.error.issues) };
}

/** `2026-12` → `2027-01`. */
export function nextMonth(month: string): string {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const [y, mo] = [Number(m[1]), Number(m[2])];
  return mo === 12 ? `${y + 1}-01` : `${m[1]}-${String(mo + 1).padStart(2, '0')}`;
}

function daysInMonth(month: string): number {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** The last day a month's report is on time: day `dueDay` of the following month (the month's last day if shorter). */
export function reportDueDate(month: string, dueDay: number): string {
  const next = nextMonth(month);
  const day = Math.min(Math.max(1, Math.trunc(dueDay)), daysInMonth(next));
  return `${next}-${String(day).padStart(2, '0')}`;
}

/** Delivered on or before day `dueDay` of the following month. Not delivered (null) counts as late. */
export function reportOnTime(record: Pick<MonthlyRecord, 'month' | 'reportDeliveredOn'>, dueDay: number): boolean {
  return record.reportDeliveredOn !== null && record.reportDeliveredOn <= reportDueDate(record.month, dueDay);
}

/**
 * A month's figures as the scorecard counts them, stored beside the record by its writer (the
 * targets report sums them for 120,000 months without parsing JSON; docs/reports.md): the
 * collection is the arrears 2–24 months old (`isCadreArrears`), and the report's delivery is kept
 * as days after the month's last day, so that `reportOnTime(record, d)` ⇔ `reportDaysAfterMonth ≤ d`
 * for every due day the settings allow (1–28: the next month always has day d, the month's last
 * day + d days). Not delivered: null (late whatever the due day).
 */
export function monthlyFigures(record: MonthlyRecord) {
  const lastDay = `${record.month}-${String(daysInMonth(record.month)).padStart(2, '0')}`;
  const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  return {
    familiesAssigned: record.familiesAssigned,
    familiesVisited: record.familiesVisited,
    collected: record.collections.filter((c) => isCadreArrears(c.arrearsMonths)).reduce((s, c) => s + c.amount, 0),
    reportDaysAfterMonth: record.reportDeliveredOn === null ? null : dayNumber(record.reportDeliveredOn) - dayNumber(lastDay),
    meetingsAttended: record.meetingsAttended,
  };
}
export type MonthlyFigures = ReturnType<typeof monthlyFigures>;

// ---------------------------------------------------------------------------------------------
// Flags on collections: not errors (the money was collected), but not a cadre's fee-earning arrears.

/** Named in text/labels.ts (`flag.*`), with the fee statement's NO_TIER. */
export type CollectionFlag = 'UNDER_2_MONTHS' | 'OVER_24_MONTHS';

/** Under 2 months is not a fostered participant's arrears; over 24 months is not billed (domain C). */
export function collectionFlag(arrearsMonths: number): CollectionFlag | null {
  if (arrearsMonths < FEE_MIN_ARREARS_MONTHS) return 'UNDER_2_MONTHS';
  if (arrearsMonths > FEE_MAX_ARREARS_MONTHS) return 'OVER_24_MONTHS';
  return null;
}

/** Arrears a cadre is measured and paid on: 2 to 24 months old. */
export const isCadreArrears = (arrearsMonths: number): boolean => collectionFlag(arrearsMonths) === null;

export type FlaggedCollection = Collection & { index: number; flag: CollectionFlag };

/** The collections of a month that are flagged, with their position in `collections`. */
export function monthlyRecordFlags(record: Pick<MonthlyRecord, 'collections'>): FlaggedCollection[] {
  return record.collections.flatMap((c, index) => {
    const flag = collectionFlag(c.arrearsMonths);
    return flag ? [{ ...c, index, flag }] : [];
  });
}
