/**
 * Branch offices: code, name, time zone and work area (regencies and cities). The server parses
 * `branches.create` with this schema; the admin's branch form checks the same schema in the
 * browser. Messages are catalogue ids (text/messages/people.ts).
 */
import { z } from 'zod';

/** The zones Indonesia's branches are in: WIB, WITA, WIT. */
export const BRANCH_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type BranchTimeZone = (typeof BRANCH_TIME_ZONES)[number];

/** `KC-` and 2-10 capital letters or digits: `KC-MDN`. */
export const BRANCH_CODE_PATTERN = /^KC-[A-Z0-9]{2,10}$/;

const NAME_MIN_LENGTH = 3;
const NAME_MAX_LENGTH = 100;

/** A name: empty is "required", then at least 3 characters. */
const placeName = () => z.string().trim().min(1, { abort: true }).min(NAME_MIN_LENGTH).max(NAME_MAX_LENGTH);

export const branchCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, { abort: true })
  .regex(BRANCH_CODE_PATTERN, 'BRANCH_CODE_FORMAT');

/**
 * `branches.create`. The agreement-number pattern is a string here; the server also parses it
 * (`parseAgreementNumberPattern` in the api's documents) before it keeps it.
 */
export const createBranchSchema = z.object({
  code: branchCodeSchema,
  name: placeName(),
  timeZone: z.enum(BRANCH_TIME_ZONES, { error: 'BRANCH_ZONE_CHOOSE' }),
  workAreas: z.array(placeName()).min(1, 'BRANCH_WORK_AREA_REQUIRED'),
  agreementNumberPattern: z.string().trim().optional(),
});
