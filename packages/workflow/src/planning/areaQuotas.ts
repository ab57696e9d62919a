/**
 * A period's places split by work area: head office sets the branch's total (`quota.ts`), the
 * branch shares it out. An area without places of its own (null) draws on the branch total alone.
 * The sum of the areas' places never exceeds the total, and neither the total nor an area's places
 * are set below what is already taken. The server parses `periods.setAreaQuotas` with this schema
 * and checks `splitProblems` in its transaction; the quota page's split form checks the same.
 */
import { z } from 'zod';
import { type FieldMessage, fieldMsg } from '../text/catalogue';

const AREA_QUOTA_MAX = 10_000;

export const setAreaQuotasSchema = z.object({
  periodId: z.number().int().positive(),
  revision: z.number().int().min(1),
  areas: z
    .array(
      z.object({
        workAreaId: z.number().int().positive(),
        quota: z.number().int('AREA_QUOTA_WHOLE').min(0, 'QUOTA_NEGATIVE').max(AREA_QUOTA_MAX).nullable(),
      }),
    )
    .refine((areas) => new Set(areas.map((a) => a.workAreaId)).size === areas.length, 'AREA_QUOTA_TWICE'),
});
export type SetAreaQuotasInput = z.output<typeof setAreaQuotasSchema>;
export type AreaQuota = { workAreaId: number; quota: number | null };

/** The places the split gives out: the areas with places of their own. */
export function splitSum(areas: readonly AreaQuota[]): number {
  return areas.reduce((sum, a) => sum + (a.quota ?? 0), 0);
}

/**
 * What is wrong with a split of `total` places (empty: it fits): the sum above the total (on the
 * `areas` field, naming both numbers), or an area below the places it has taken (on its row,
 * naming the area). `areas` lists each area with its name and places taken.
 */
export function splitProblems(total: number, areas: readonly (AreaQuota & { name: string; taken: number })[]): FieldMessage[] {
  const problems: FieldMessage[] = [];
  const sum = splitSum(areas);
  if (sum > total) problems.push(fieldMsg('areas', 'AREA_SPLIT_OVER_TOTAL', { sum, total }));
  areas.forEach((a, i) => {
    if (a.quota !== null && a.quota < a.taken) {
      problems.push(fieldMsg(`areas.${i}.quota`, 'AREA_QUOTA_BELOW_TAKEN', { area: a.name, taken: a.taken }));
    }
  });
  return problems;
}

/** A branch total set below the places its areas were given: the refusal on `quota`, or null. */
export function quotaBelowSplit(quota: number, split: number): FieldMessage | null {
  return quota < split ? fieldMsg('quota', 'QUOTA_BELOW_AREA_SPLIT', { sum: split, quota }) : null;
}
