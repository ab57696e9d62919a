/**
 * The recruitment rules head office sets for a period (`periods.setRules`): the rules' own schema
 * (`recruitmentRulesSchema`, which registrations copy into each application) plus what a new
 * setting must also satisfy — passing grades with at most one decimal, at least one required
 * document — and the messages the rules form shows. The server parses with it; the admin's rules
 * form checks the same schema.
 */
import { z } from 'zod';
import { recruitmentRulesSchema, type RecruitmentRules } from '../recruitment/rules';

const base = recruitmentRulesSchema.shape;
const gradeBounds = base.passingGrades.shape.writtenTest;

/** A passing grade within the rules' bounds (0-100), with at most one decimal. */
const passingGrade = z
  .number()
  .min(gradeBounds.minValue ?? 0, 'RULES_GRADE_RANGE')
  .max(gradeBounds.maxValue ?? 100, 'RULES_GRADE_RANGE')
  .multipleOf(0.1, 'RULES_GRADE_DECIMALS');

/** Whether any document is required: an administrative check with none would check nothing. */
export function hasRequiredDocument(documents: readonly { required: boolean }[]): boolean {
  return documents.some((d) => d.required);
}

export const periodRulesSchema = recruitmentRulesSchema.extend({
  passingGrades: z.object({ writtenTest: passingGrade, interview: passingGrade }),
  documents: base.documents.refine(hasRequiredDocument, 'RULES_REQUIRED_DOCUMENT'),
  eligibility: base.eligibility.extend({
    // the rules' positive whole number, said as one sentence
    maxAge: z.number().int('RULES_MAX_AGE').positive('RULES_MAX_AGE'),
  }),
}) satisfies z.ZodType<RecruitmentRules>;

export const setPeriodRulesSchema = z.object({ periodId: z.number().int().positive(), rules: periodRulesSchema });
export type SetPeriodRulesInput = z.output<typeof setPeriodRulesSchema>;
