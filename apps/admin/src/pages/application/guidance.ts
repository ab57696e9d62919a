import { isEligible, missingDocuments, passes, type DocumentCode, type RecruitmentContext } from '@kader/workflow';

/** What keeps "Selesaikan verifikasi" from passing: the required documents not yet verified, eligibility. */
export function adminCheckBlockers(ctx: RecruitmentContext): { missing: DocumentCode[]; eligible: boolean; ready: boolean } {
  const missing = missingDocuments(ctx);
  const eligible = isEligible(ctx);
  return { missing, eligible, ready: missing.length === 0 && eligible };
}

/** The events a refusal offers instead: never the one just refused. */
export function allowedAfterRefusal(allowed: readonly string[], refused: string | undefined): string[] {
  return allowed.filter((e) => e !== refused);
}

const SCORE_KEY: Record<string, 'writtenTest' | 'interview'> = {
  RECORD_WRITTEN_TEST_SCORE: 'writtenTest',
  CORRECT_WRITTEN_TEST_SCORE: 'writtenTest',
  RECORD_INTERVIEW_SCORE: 'interview',
  CORRECT_INTERVIEW_SCORE: 'interview',
};

/** The pass mark a score form checks against: the grade captured in the application's rules. */
export function passMark(ctx: RecruitmentContext, type: string): number | null {
  const key = SCORE_KEY[type];
  return key ? ctx.rules.passingGrades[key] : null;
}

/** The pass mark when the entered score is under it (the application would be rejected), else null. */
export function scoreBelowPassMark(ctx: RecruitmentContext, type: string, payload: Record<string, unknown>): number | null {
  const grade = passMark(ctx, type);
  const score = payload.score;
  if (grade === null || typeof score !== 'number' || !Number.isFinite(score)) return null;
  return passes(score, grade) ? null : grade;
}

/** How to report a sent event: an application that ended rejected is not a plain "saved". */
export function sentOutcome(_type: string, nextState: string): 'saved' | 'rejected' {
  return nextState === 'rejected' ? 'rejected' : 'saved';
}
