import type { DbOrTx } from '../types';
import { prepared } from './prepared';

/** What an application page lists of a former cadre's agreement years. */
export type CandidateAgreement = {
  id: number;
  branchId: number;
  agreementNumber: string;
  startDate: string;
  endDate: string;
  state: string;
};

/**
 * The agreement years of one candidate, oldest first, as much of each as an application page
 * shows: part of every send's answer, so prepared once per connection rather than built by drizzle.
 */
export function listCandidateAgreements(db: DbOrTx, candidateId: number): CandidateAgreement[] {
  return prepared(
    db,
    `SELECT id, branch_id AS branchId, agreement_number AS agreementNumber, start_date AS startDate, end_date AS endDate, state
     FROM contracts WHERE candidate_id = ? ORDER BY start_date`,
  ).all(candidateId) as CandidateAgreement[];
}
