/**
 * The "Atur syarat" form on the quota page: a period's recruitment rules (passing grades,
 * documents, eligibility) ↔ the form's values, checked in the browser with the same
 * `periodRulesSchema` the server parses `periods.setRules` with (it answers on `rules.<path>`).
 * Pure; tested in test/rulesForm.test.ts.
 */
import {
  DEFAULT_RECRUITMENT_RULES,
  DOCUMENT_CODES,
  EDUCATION_LEVELS,
  formatScore,
  type Lang,
  periodRulesSchema,
  recruitmentRulesSchema,
  type DocumentCode,
  type Education,
  type RecruitmentRules,
} from '@kader/workflow';
import { type Checked, checkWith, type FormMessages, messagesByPath } from '../../components/schemaCheck';
import { parseDecimal } from '../settings/settingsForms';

export type RulesForm = {
  writtenTest: string;
  interview: string;
  /** every document code, in DOCUMENT_CODES order, with its "wajib" box */
  documents: { code: DocumentCode; required: boolean }[];
  maxAge: string;
  educationLevels: Education[];
};

/**
 * The rules a period's form starts from: the period's own `rules` when its view carries valid ones;
 * otherwise the defaults (DEFAULT_RECRUITMENT_RULES) with the period's grades.
 */
export function periodRules(p: { writtenTestGrade?: number; interviewGrade?: number; rules?: unknown }): RecruitmentRules {
  const own = recruitmentRulesSchema.safeParse(p.rules);
  if (own.success) return own.data;
  return {
    ...DEFAULT_RECRUITMENT_RULES,
    passingGrades: {
      writtenTest: p.writtenTestGrade ?? DEFAULT_RECRUITMENT_RULES.passingGrades.writtenTest,
      interview: p.interviewGrade ?? DEFAULT_RECRUITMENT_RULES.passingGrades.interview,
    },
  };
}

/** Rules → form values: every document listed (one not in the rules is not required). */
export function rulesFormFrom(rules: RecruitmentRules, lang: Lang = 'id'): RulesForm {
  const required = new Map(rules.documents.map((d) => [d.code, d.required]));
  return {
    writtenTest: formatScore(rules.passingGrades.writtenTest, lang),
    interview: formatScore(rules.passingGrades.interview, lang),
    documents: DOCUMENT_CODES.map((code) => ({ code, required: required.get(code) ?? false })),
    maxAge: String(rules.eligibility.maxAge),
    educationLevels: EDUCATION_LEVELS.filter((e) => rules.eligibility.educationLevels.includes(e)),
  };
}

/** A path of the rules (`eligibility.educationLevels.2`, or the server's `rules.…`) → the form's. */
export function rulesFormPath(path: string): string {
  const own = path.startsWith('rules.') ? path.slice('rules.'.length) : path;
  return own.startsWith('eligibility.educationLevels') ? 'eligibility.educationLevels' : own;
}

/** Form values → rules for `periods.setRules`, or the messages by the form's paths. */
export function checkRulesForm(f: RulesForm): Checked<RecruitmentRules> {
  const input = {
    passingGrades: { writtenTest: parseDecimal(f.writtenTest), interview: parseDecimal(f.interview) },
    documents: f.documents.map((d) => ({ code: d.code, required: d.required })),
    eligibility: {
      maxAge: parseDecimal(f.maxAge),
      educationLevels: EDUCATION_LEVELS.filter((e) => f.educationLevels.includes(e)),
    },
  };
  return checkWith(periodRulesSchema, input, rulesFormPath);
}

/** The server's field messages (`rules.passingGrades.writtenTest`, `rules.documents`) on the form's paths. */
export function rulesServerErrors(fields: readonly (FormMessages[string] & { path: string })[]): FormMessages {
  return messagesByPath(fields, rulesFormPath);
}

/** Paths the form shows on a field; anything else is shown above the buttons. */
export const RULES_FIELD_PATHS: ReadonlySet<string> = new Set([
  'passingGrades.writtenTest',
  'passingGrades.interview',
  'documents',
  ...DOCUMENT_CODES.map((_, i) => `documents.${i}.required`),
  'eligibility.maxAge',
  'eligibility.educationLevels',
]);
