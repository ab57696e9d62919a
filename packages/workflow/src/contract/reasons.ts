/**
 * Why a contract ended early. Like recruitment's lists, each is versioned: reports count by code,
 * so a code is never renamed or reused; a new list gets a new version and old contracts keep theirs.
 */
import { WITHDRAWAL_REASONS } from '../recruitment/rules';

/** A cadre resigns for the same reasons a candidate withdraws: one list, so reports line up. */
export const RESIGNATION_REASONS = WITHDRAWAL_REASONS;

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
