import { decisionJustified, fieldMsg, render } from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import { decisionProblem, reasonRequired, recordedRecommendation } from '../src/contracts/decision';

describe('the reason a renewal decision needs (mirrors decisionJustified)', () => {
  it('a drop always needs a reason', () => {
    expect(reasonRequired('drop', 'drop')).toBe(true);
    expect(reasonRequired('drop', 'renew')).toBe(true);
    expect(reasonRequired('drop', null)).toBe(true);
  });
  it('a renewal needs one only against a drop recommendation, or without any data', () => {
    expect(reasonRequired('renew', 'renew')).toBe(false);
    expect(reasonRequired('renew', 'drop')).toBe(true);
    // no monthly data: the server records `drop`, so renewing needs a justification
    expect(recordedRecommendation(null)).toBe('drop');
    expect(reasonRequired('renew', null)).toBe(true);
  });
  it('names what keeps the dialog from sending, on its field, as the server would say it', () => {
    const drop = fieldMsg('reason', 'WRITE_DECISION_REASON', { kind: 'drop', minimum: 5 });
    expect(decisionProblem(null, '', 'renew')).toEqual(fieldMsg('decision', 'DECISION_CHOOSE'));
    expect(decisionProblem('drop', '', 'drop')).toEqual(drop);
    expect(decisionProblem('drop', ' abc ', 'drop')).toEqual(drop);
    expect(decisionProblem('drop', 'Target iuran tidak tercapai', 'drop')).toBeNull();
    expect(decisionProblem('renew', '', 'drop')).toEqual(
      fieldMsg('reason', 'WRITE_DECISION_REASON', { kind: 'againstRecommendation', minimum: 5 }),
    );
    expect(decisionProblem('renew', 'Wilayah baru, data belum lengkap', 'drop')).toBeNull();
    expect(decisionProblem('renew', '', 'renew')).toBeNull();
    // late: a reason whatever the recommendation
    expect(decisionProblem('renew', 'abcd', 'renew', true)).toEqual(
      fieldMsg('reason', 'WRITE_DECISION_REASON', { kind: 'late', minimum: 5 }),
    );
    expect(decisionProblem('renew', 'abcde', 'renew', true)).toBeNull();
    expect(render('en', drop)).toBe('Write why the agreement is not renewed (at least 5 characters).');
  });
  it('agrees with the machine’s guard on every combination', () => {
    for (const decision of ['renew', 'drop'] as const) {
      for (const recommendation of ['renew', 'drop', null] as const) {
        for (const reason of ['', '    ', 'abcd', 'abcde', '  abcde  ', 'alasan panjang sekali']) {
          const guard = decisionJustified({ decision, reason, recommendation: recommendation ?? 'drop' });
          expect(decisionProblem(decision, reason, recommendation) === null, `${decision}/${recommendation}/${reason}`).toBe(
            guard,
          );
        }
        expect(reasonRequired(decision, recommendation)).toBe(
          !decisionJustified({ decision, reason: '', recommendation: recommendation ?? 'drop' }),
        );
      }
    }
  });
});
