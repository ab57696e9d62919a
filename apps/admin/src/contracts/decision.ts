/**
 * The renewal decision's written-reason rule, as the contract machine's guard judges it: the same
 * `decisionJustified` from @kader/workflow, not a copy. Pure; tested in test/decision.test.ts.
 */
import { DECISION_REASON_MIN_LENGTH, decisionJustified, recommendationForDecision, type RenewalChoice } from '@kader/workflow';

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

export type DecisionProblem = null | 'chooseDecision' | 'reasonForDrop' | 'reasonAgainstRecommendation';

/** What keeps the dialog from sending, or null when the server's guard will accept it. */
export function decisionProblem(
  decision: RenewalChoice | null,
  reason: string,
  recommendation: RenewalChoice | null | undefined,
): DecisionProblem {
  if (decision === null) return 'chooseDecision';
  if (decisionJustified({ decision, reason, recommendation: recordedRecommendation(recommendation) })) return null;
  return decision === 'drop' ? 'reasonForDrop' : 'reasonAgainstRecommendation';
}
