import { z } from 'zod';
import { AT_LEAST_SMA, educationSchema, type Education } from '../education';

/**
 * The rules an application is judged by. They are copied into the machine's context at
 * registration, so a later change of the period's settings never rewrites an application's past
 * and a replay of its events is deterministic.
 */
export const DOCUMENT_CODES = ['KTP', 'KK', 'IJAZAH', 'SIM', 'PAS_FOTO', 'SURAT_LAMARAN', 'KARTU_AGEN_PPOB'] as const;
export const documentCodeSchema = z.enum(DOCUMENT_CODES);
export type DocumentCode = z.infer<typeof documentCodeSchema>;

export const recruitmentRulesSchema = z.object({
  passingGrades: z.object({
    writtenTest: z.number().min(0).max(100),
    interview: z.number().min(0).max(100),
  }),
  documents: z.array(z.object({ code: documentCodeSchema, required: z.boolean() })).min(1),
  eligibility: z.object({
    maxAge: z.number().int().positive(),
    educationLevels: z.array(educationSchema).min(1),
  }),
});
export type RecruitmentRules = z.infer<typeof recruitmentRulesSchema>;

/** Defaults from domain.md section C: examples a deployment changes, not facts. */
export const DEFAULT_RECRUITMENT_RULES: RecruitmentRules = {
  passingGrades: { writtenTest: 60, interview: 60 },
  documents: [
    { code: 'KTP', required: true },
    { code: 'KK', required: true },
    { code: 'IJAZAH', required: true },
    { code: 'SIM', required: true },
    { code: 'PAS_FOTO', required: true },
    { code: 'SURAT_LAMARAN', required: true },
    // PPOB payment agents are preferred, not required (domain B1).
    { code: 'KARTU_AGEN_PPOB', required: false },
  ],
  eligibility: { maxAge: 60, educationLevels: AT_LEAST_SMA },
};

/**
 * Reason codes are a versioned list: reports count by code, so a code is never renamed or reused;
 * a new list gets a new version and old applications keep theirs.
 */
export const REJECTION_REASONS = [
  'DOCUMENTS_INCOMPLETE',
  'NOT_ELIGIBLE_AGE',
  'NOT_ELIGIBLE_EDUCATION',
  'WRITTEN_TEST_BELOW_GRADE',
  'INTERVIEW_BELOW_GRADE',
  'ABSENT',
  'AGREEMENT_NOT_SIGNED',
  'DEBRIEFING_NOT_COMPLETED',
  'OTHER',
] as const;
export const WITHDRAWAL_REASONS = [
  'OTHER_JOB',
  'PERSONAL_OR_FAMILY',
  'MOVED_AWAY',
  'HEALTH',
  'FEE_NOT_SUITABLE',
  'OTHER',
] as const;
export const REASON_CODES_VERSION = 1;
export type RejectionReason = (typeof REJECTION_REASONS)[number];
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

export type Applicant = { ageAtRegistration: number; education: Education };

export type Eligibility = {
  age: { ok: boolean; value: number; max: number };
  education: { ok: boolean; value: Education };
};

export function checkEligibility(rules: RecruitmentRules, applicant: Applicant): Eligibility {
  return {
    age: {
      ok: applicant.ageAtRegistration <= rules.eligibility.maxAge,
      value: applicant.ageAtRegistration,
      max: rules.eligibility.maxAge,
    },
    education: {
      ok: rules.eligibility.educationLevels.includes(applicant.education),
      value: applicant.education,
    },
  };
}

/** A score passes when it is at least the grade: equal passes. */
export function passes(score: number, grade: number): boolean {
  return score >= grade;
}
