import type { RecruitmentEventType } from '@kader/workflow';
import { canCorrect, canRunSelection, type Principal } from './principal';

/** Corrections change what was decided: a supervisor's, never a recruiter's. */
const CORRECTIONS: readonly string[] = ['REOPEN', 'CORRECT_WRITTEN_TEST_SCORE', 'CORRECT_INTERVIEW_SCORE'];

export function isCorrection(type: string): boolean {
  return CORRECTIONS.includes(type);
}

/** The events the machine allows now, less those this person may not send. */
export function eventsFor(p: Principal, branchId: number, allowed: RecruitmentEventType[]): RecruitmentEventType[] {
  return allowed.filter((type) => (isCorrection(type) ? canCorrect(p, branchId) : canRunSelection(p, branchId)));
}
