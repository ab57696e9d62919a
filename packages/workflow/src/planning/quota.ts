/**
 * A branch's cadre places for a year. The server parses `periods.setQuota` with this schema; the
 * admin's quota form checks the same schema in the browser. Messages are catalogue ids.
 */
import { z } from 'zod';
import { type FieldMessage, fieldMsg } from '../text/catalogue';

/** The Kader JKN programme began in 2017: no quota before. */
export const QUOTA_FIRST_YEAR = 2017;
const QUOTA_LAST_YEAR = 2100;
/** More than this in one branch and year is a typo. */
const QUOTA_MAX = 10_000;

export const setQuotaSchema = z.object({
  branchId: z.number({ error: 'BRANCH_CHOOSE' }).int().positive(),
  year: z.number().int().min(QUOTA_FIRST_YEAR, 'QUOTA_YEAR_FROM').max(QUOTA_LAST_YEAR),
  quota: z.number().int().min(0, 'QUOTA_NEGATIVE').max(QUOTA_MAX),
});
export type SetQuotaInput = z.output<typeof setQuotaSchema>;

/**
 * A quota is never set below the places already taken that year (signed agreements and renewals
 * hold theirs): the refusal on the `quota` field, or null when the quota fits.
 */
export function quotaBelowTaken(input: { year: number; quota: number }, taken: number): FieldMessage | null {
  return input.quota < taken ? fieldMsg('quota', 'QUOTA_BELOW_TAKEN', { taken, year: input.year }) : null;
}
