/**
 * Branch offices: code, name, time zone and work areas (regencies and cities, or named groups of
 * their districts, each with the Kemendagri code chosen for it). The server parses `branches.create`
 * and `branches.setWorkAreaRegion` with these schemas; the admin's forms check the same ones in the
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

/** A regency's or city's Kemendagri code: two dotted parts, `35.77` (a province is one, a district three). */
export const REGENCY_CODE_PATTERN = /^\d{2}\.\d{2}$/;

/**
 * One work area: its name and, when one was chosen from Kemendagri's data, its regency/city code
 * (a named group of districts may carry its regency's code, or none). A plain string is the name
 * alone, as callers wrote it before codes were chosen. A code of another level is refused naming
 * the area; whether the code exists is the server's check (the region data is not in the bundle).
 */
export const workAreaInputSchema = z
  .union([z.string(), z.object({ name: z.string(), regionCode: z.string().optional() })])
  .transform((v) => (typeof v === 'string' ? { name: v } : v))
  .pipe(
    z.object({ name: placeName(), regionCode: z.string().trim().optional() }).superRefine((area, ctx) => {
      if (area.regionCode === undefined || REGENCY_CODE_PATTERN.test(area.regionCode)) return;
      ctx.addIssue({
        code: 'custom',
        path: ['regionCode'],
        message: 'WORK_AREA_REGION_NOT_REGENCY',
        params: { area: area.name, code: area.regionCode },
      });
    }),
  );
export type WorkAreaInput = z.output<typeof workAreaInputSchema>;

/**
 * `branches.create`. The agreement-number pattern is a string here; the server also parses it
 * (`parseAgreementNumberPattern` in the api's documents) before it keeps it.
 */
export const createBranchSchema = z.object({
  code: branchCodeSchema,
  name: placeName(),
  timeZone: z.enum(BRANCH_TIME_ZONES, { error: 'BRANCH_ZONE_CHOOSE' }),
  workAreas: z.array(workAreaInputSchema).min(1, 'BRANCH_WORK_AREA_REQUIRED'),
  agreementNumberPattern: z.string().trim().optional(),
});

/**
 * `branches.setWorkAreaRegion`: head office sets (or, with null, clears) the code of an existing
 * work area, over the revision it saw.
 */
export const setWorkAreaRegionSchema = z.object({
  workAreaId: z.number().int().positive(),
  revision: z.number().int().min(0),
  regionCode: z.string().trim().regex(REGENCY_CODE_PATTERN, 'REGENCY_CODE_FORMAT').nullable(),
});
export type SetWorkAreaRegionInput = z.output<typeof setWorkAreaRegionSchema>;
