/**
 * The "Atur syarat" form on the quota page: a period's recruitment rules (passing grades,
 * documents, eligibility) ↔ the form's values, checked in the browser with the same
 * `recruitmentRulesSchema` the server uses (`periods.setRules`; it answers on `rules.<path>`).
 * Pure; tested in test/rulesForm.test.ts.
 */
import {
  DEFAULT_RECRUITMENT_RULES,
  DOCUMENT_CODES,
  EDUCATION_LEVELS,
  recruitmentRulesSchema,
  type DocumentCode,
  type Education,
  type RecruitmentRules,
} from '@kader/workflow';
import { parseDecimal, type FieldErrors } from '../settings/settingsForms';

export type RulesForm = {
  writtenTest: string;
  interview: string;
  /** every document code, in DOCUMENT_CODES order, with its "wajib" box */
  documents: { code: DocumentCode; required: boolean }[];
  maxAge: string;
  educationLevels: Education[];
};

export const GRADE_REQUIRED = 'Nilai batas wajib diisi';
export const GRADE_NUMBER = 'Nilai batas harus berupa angka';
export const GRADE_RANGE = 'Nilai batas antara 0 dan 100';
export const GRADE_DECIMALS = 'Nilai batas paling banyak satu desimal';
export const MAX_AGE = 'Usia maksimal harus bilangan bulat lebih dari 0';
export const EDUCATION_MIN = 'Pilih paling sedikit satu tingkat pendidikan';
export const ONE_REQUIRED_DOCUMENT = 'Paling sedikit satu berkas wajib';

/** 62.5 → `62,5` (id) / `62.5` (en). */
export function gradeText(n: number, lang: 'id' | 'en' = 'id'): string {
  const s = String(n);
  return lang === 'id' ? s.replace('.', ',') : s;
}

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
export function rulesFormFrom(rules: RecruitmentRules, lang: 'id' | 'en' = 'id'): RulesForm {
  const required = new Map(rules.documents.map((d) => [d.code, d.required]));
  return {
    writtenTest: gradeText(rules.passingGrades.writtenTest, lang),
    interview: gradeText(rules.passingGrades.interview, lang),
    documents: DOCUMENT_CODES.map((code) => ({ code, required: required.get(code) ?? false })),
    maxAge: String(rules.eligibility.maxAge),
    educationLevels: EDUCATION_LEVELS.filter((e) => rules.eligibility.educationLevels.includes(e)),
  };
}

function grade(raw: string): { value?: number; error?: string } {
  const n = parseDecimal(raw);
  if (n === undefined) return { error: GRADE_REQUIRED };
  if (Number.isNaN(n)) return { error: GRADE_NUMBER };
  if (n < 0 || n > 100) return { value: n, error: GRADE_RANGE };
  if (!/^-?\d+(?:[.,]\d)?$/.test(raw.trim())) return { value: n, error: GRADE_DECIMALS };
  return { value: n };
}

/** Form values → rules for `periods.setRules`, or the errors by path (`passingGrades.writtenTest`…). */
export function checkRulesForm(f: RulesForm): { ok: true; rules: RecruitmentRules } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const written = grade(f.writtenTest);
  const interview = grade(f.interview);
  if (written.error) errors['passingGrades.writtenTest'] = written.error;
  if (interview.error) errors['passingGrades.interview'] = interview.error;
  const age = parseDecimal(f.maxAge);
  const raw = {
    passingGrades: { writtenTest: written.value, interview: interview.value },
    documents: f.documents.map((d) => ({ code: d.code, required: d.required })),
    eligibility: {
      maxAge: age,
      educationLevels: EDUCATION_LEVELS.filter((e) => f.educationLevels.includes(e)),
    },
  };
  const parsed = recruitmentRulesSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const message = path.startsWith('passingGrades.')
        ? GRADE_RANGE
        : path === 'eligibility.maxAge'
          ? MAX_AGE
          : path.startsWith('eligibility.educationLevels')
            ? EDUCATION_MIN
            : issue.message;
      const key = path.startsWith('eligibility.educationLevels') ? 'eligibility.educationLevels' : path;
      if (!(key in errors)) errors[key] = message;
    }
  }
  if (!raw.documents.some((d) => d.required) && !errors.documents) errors.documents = ONE_REQUIRED_DOCUMENT;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, rules: parsed.data };
}

/** The server's field errors (`rules.passingGrades.writtenTest`, `rules.documents`) on the form's paths. */
export function rulesServerErrors(fields: readonly { path: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const f of fields) {
    let path = f.path.startsWith('rules.') ? f.path.slice('rules.'.length) : f.path;
    if (path.startsWith('eligibility.educationLevels')) path = 'eligibility.educationLevels';
    if (!(path in out)) out[path] = f.message;
  }
  return out;
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
