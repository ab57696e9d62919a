import { z } from 'zod';
import { educationSchema } from './education';
import { normalizeNik, parseNik } from './nik';
import { normalizePhone } from './phone';
import { channelSchema } from './planning/channels';
import type { MessageId } from './text/catalogue';

/** A required line of text: its own message when missing, the generic one when too long unless told. */
const required = (message: MessageId, max = 200, tooLong?: MessageId) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, tooLong ? { error: tooLong } : undefined);

/** The NIK as typed: spaces allowed; checked for 16 digits and a real birth date (domain B7). */
export const nikSchema = z
  .string({ error: 'NIK_REQUIRED' })
  .transform(normalizeNik)
  .superRefine((nik, ctx) => {
    const parsed = parseNik(nik, new Date().toISOString().slice(0, 10));
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem.reason, params: parsed.problem.params });
  });

export const phoneSchema = z.string({ error: 'PHONE_REQUIRED' }).transform((raw, ctx) => {
  const e164 = normalizePhone(raw);
  if (!e164) {
    ctx.addIssue({ code: 'custom', message: 'PHONE_INVALID' });
    return z.NEVER;
  }
  return e164;
});

/** A village's Kemendagri code: province, regency/city, district and village, dotted (`35.77.01.1001`). */
const VILLAGE_CODE_PATTERN = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

export const addressSchema = z.object({
  street: required('ADDRESS_STREET_REQUIRED'),
  rtRw: z
    .string()
    .trim()
    .regex(/^\d{1,3}\/\d{1,3}$/, 'RT_RW_FORMAT'),
  village: required('ADDRESS_VILLAGE_REQUIRED'),
  district: required('ADDRESS_DISTRICT_REQUIRED'),
  regency: required('ADDRESS_REGENCY_REQUIRED'),
  /**
   * The Kemendagri village code when the address was picked from the region data: the server then
   * stores the codes of its district, regency and province and takes the names from the data.
   * Absent for a free-text address (and older ones), which stays valid.
   */
  villageCode: z.string().trim().regex(VILLAGE_CODE_PATTERN, 'VILLAGE_CODE_FORMAT').optional(),
});

const nameSchema = required('CANDIDATE_NAME_REQUIRED', 120, 'CANDIDATE_NAME_TOO_LONG');

export const candidateSchema = z.object({
  nik: nikSchema,
  name: nameSchema,
  phone: phoneSchema,
  education: educationSchema,
  address: addressSchema,
});

/** Input of `candidates.register`: one candidate applying in one recruitment period. */
export const registerCandidateSchema = z.object({
  periodId: z.number().int().positive(),
  workAreaId: z.number({ error: 'WORK_AREA_REQUIRED' }).int().positive(),
  candidate: candidateSchema,
  /** Where the candidate heard of the recruitment ("Tahu dari mana?"): optional, a code of the channel list. */
  heardFrom: channelSchema.optional(),
});
export type RegisterCandidateInput = z.input<typeof registerCandidateSchema>;

/** A correction needs a reason of at least this many characters; the history keeps it. */
export const CORRECTION_REASON_MIN_LENGTH = 5;

/**
 * Input of `candidates.update`: a supervisor corrects a candidate's own data (as the registration
 * checks it), with the reason the history keeps, against the revision they saw. The admin's form
 * checks with this same schema.
 */
export const correctCandidateSchema = candidateSchema.pick({ nik: true, name: true, phone: true, address: true }).extend({
  id: z.number().int().positive(),
  revision: z.number().int().min(1),
  reason: z
    .string({ error: 'CHANGE_REASON_REQUIRED' })
    .trim()
    .min(CORRECTION_REASON_MIN_LENGTH, 'CHANGE_REASON_TOO_SHORT')
    .max(1000),
});
export type CorrectCandidateInput = z.input<typeof correctCandidateSchema>;
