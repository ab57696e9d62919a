/**
 * Why a contract ended early. Like recruitment's lists, each is versioned: reports count by code,
 * so a code is never renamed or reused; a new list gets a new version and old contracts keep theirs.
 */
export const RESIGNATION_REASONS = [
  'OTHER_JOB',
  'PERSONAL_OR_FAMILY',
  'MOVED_AWAY',
  'HEALTH',
  'FEE_NOT_SUITABLE',
  'OTHER',
] as const;

/** Ended by the supervisor. ASKED_FOR_CASH: cadres may not take cash; participants pay at official channels (domain B2). */
export const TERMINATION_REASONS = [
  'POOR_PERFORMANCE',
  'MISCONDUCT',
  'ASKED_FOR_CASH',
  'ABSENT_WITHOUT_NOTICE',
  'OTHER',
] as const;

export const CONTRACT_REASON_CODES_VERSION = 1;
export type ResignationReason = (typeof RESIGNATION_REASONS)[number];
export type TerminationReason = (typeof TERMINATION_REASONS)[number];
