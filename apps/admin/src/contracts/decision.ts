/**
 * The renewal decision's written-reason rule, as the contract machine's guard judges it: the same
 * `decisionJustified` from @kader/workflow, not a copy. Pure; tested in test/decision.test.ts.
 */
import {
  DECISION_REASON_MIN_LENGTH,
  decisionJustified,
  type FieldMessage,
  fieldMsg,
  lateDecisionJustified,
  recommendationForDecision,
  type RenewalChoice,
} from '@kader/workflow';

export { DECISION_REASON_MIN_LENGTH };

/**
 * The recommendation the server records with the decision: the scorecard's, or `drop` when there
 * is none yet (no monthly data), so renewing without data needs a justification.
 */
export function recordedRecommendation(recommendation: RenewalChoice | null | undefined): RenewalChoice {
  return recommendationForDecision({ recommendation: recommendation ?? null });
}

/** Must a reason be written for this decision (a drop; a renewal against the recommendation)? */
export function reasonRequired(decision: RenewalChoice, recommendation: RenewalChoice | null | undefined): boolean {
  return !decisionJustified({ decision, reason: '', recommendation: recordedRecommendation(recommendation) });
}

/**
 * What keeps the dialog from sending, on the field it is about (`decision` or `reason`), as the
 * very message the server answers with (DECISION_CHOOSE, WRITE_DECISION_REASON); null when the
 * server's guard will accept it. A late decision (a lapsed agreement) always needs its reason.
 */
export function decisionProblem(
  decision: RenewalChoice | null,
  reason: string,
  recommendation: RenewalChoice | null | undefined,
  late = false,
): FieldMessage | null {
  if (decision === null) return fieldMsg('decision', 'DECISION_CHOOSE');
  const minimum = DECISION_REASON_MIN_LENGTH;
  if (late)
    return lateDecisionJustified({ reason }) ? null : fieldMsg('reason', 'WRITE_DECISION_REASON', { kind: 'late', minimum });
  if (decisionJustified({ decision, reason, recommendation: recordedRecommendation(recommendation) })) return null;
  const kind = decision === 'drop' ? 'drop' : 'againstRecommendation';
  return fieldMsg('reason', 'WRITE_DECISION_REASON', { kind, minimum });
}
