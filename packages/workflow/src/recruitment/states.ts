/**
 * The recruitment's state names, apart from the machine so that a screen listing them (the board's
 * columns) does not load xstate (issue 10, `display.ts`). machine.ts re-exports them.
 */

/** Stages in order, then the three ends. Active is the goal; rejected and withdrawn can be reopened later. */
export const RECRUITMENT_STAGES = [
  'registered',
  'administrativeCheck',
  'writtenTest',
  'interview',
  'agreementSigning',
  'debriefing',
] as const;
export const RECRUITMENT_ENDS = ['active', 'rejected', 'withdrawn'] as const;
export const RECRUITMENT_STATES = [...RECRUITMENT_STAGES, ...RECRUITMENT_ENDS] as const;
export type RecruitmentStage = (typeof RECRUITMENT_STAGES)[number];
export type RecruitmentState = (typeof RECRUITMENT_STATES)[number];
