import { listOtherApplications, type ContractRow, type DbOrTx } from '@kader/db';
import {
  CLOSED_STATES,
  decisionJustified,
  DECISION_REASON_MIN_LENGTH,
  fieldMsg,
  lateDecisionJustified,
  msg,
  recommendationForDecision,
  RENEWAL_DECISIONS,
} from '@kader/workflow';
import { z } from 'zod';
import { assertCanCorrect, requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { DomainError } from '../../errors';
import { applyToContract } from './lifecycle';
import { mustGetContract } from './shared';
import { contractDetail, scorecardOf } from './views';

export const decideSchema = z.object({
  id: z.number().int().positive(),
  revision: z.number().int().min(1),
  decision: z.enum(RENEWAL_DECISIONS, { error: 'DECISION_CHOOSE' }),
  reason: z.string().trim().max(1000).optional().default(''),
});

/** An application of the same person in a later period that has not ended in a rejection or withdrawal. */
function openLaterApplication(tx: DbOrTx, row: ContractRow) {
  const startYear = Number(row.startDate.slice(0, 4));
  return listOtherApplications(tx, { candidateId: row.candidateId, exceptId: -1 }).find(
    (a) => a.year > startYear && !CLOSED_STATES.includes(a.state),
  );
}

/** A decision without the written reason it needs, refused on the `reason` field. */
function reasonNeeded(kind: 'drop' | 'againstRecommendation' | 'late'): DomainError {
  const params = { kind, minimum: DECISION_REASON_MIN_LENGTH };
  return new DomainError('VALIDATION', msg('WRITE_DECISION_REASON', params), {
    fields: [fieldMsg('reason', 'WRITE_DECISION_REASON', params)],
  });
}

/**
 * The supervisor's yearly decision. The server, not the browser, puts the scorecard's
 * recommendation into the event, so the audit log records what the supervisor was shown.
 * On a lapsed agreement it is the late decision (`DECIDE_LATE`): renew (next year, a quota
 * place) or drop, with a written reason either way.
 */
export function decideRenewal({ ctx, input }: { ctx: Context; input: z.output<typeof decideSchema> }) {
  const p = requirePrincipal(ctx);
  const { db } = ctx.handle;
  return db.transaction(
    (tx) => {
      const row = mustGetContract(tx, input.id);
      assertCanCorrect(p, row.branchId, { entity: 'contract', id: row.id });
      const { kpi, card } = scorecardOf(tx, row);
      const recommendation = recommendationForDecision(card ?? { recommendation: null });
      const decision = { decision: input.decision, reason: input.reason, recommendation };
      // The score the supervisor was shown, kept in the audit row: a month corrected later changes
      // the scorecard, not what this decision was made on (docs/reports.md "Renewal outcomes").
      const meta = { score: card?.total ?? null, threshold: kpi.threshold };
      // An agreement that lapsed undecided is decided late (contract v2), always with a reason;
      // the revision check in applyToContract makes sure this is the state the supervisor saw.
      if (row.state === 'lapsed') {
        if (!lateDecisionJustified(decision)) throw reasonNeeded('late');
        // A former cadre may have applied again since the agreement lapsed: renewing the old one too
        // would make two paths to the same work. Dropping it stays possible.
        const reapplied = input.decision === 'renew' ? openLaterApplication(tx, row) : undefined;
        if (reapplied) {
          const params = { year: reapplied.year, branch: reapplied.branchName };
          throw new DomainError('VALIDATION', msg('REAPPLIED_SINCE_LAPSE', params), {
            fields: [fieldMsg('decision', 'REAPPLIED_SINCE_LAPSE', params)],
          });
        }
        applyToContract(tx, {
          row,
          revision: input.revision,
          event: { type: 'DECIDE_LATE', ...decision },
          meta,
          actor: p.username,
          at: ctx.now().toISOString(),
        });
        return contractDetail(tx, mustGetContract(tx, row.id), p, ctx.now());
      }
      if (!decisionJustified(decision)) throw reasonNeeded(input.decision === 'drop' ? 'drop' : 'againstRecommendation');
      applyToContract(tx, {
        row,
        revision: input.revision,
        event: { type: 'DECIDE_RENEWAL', ...decision },
        meta,
        actor: p.username,
        at: ctx.now().toISOString(),
      });
      return contractDetail(tx, mustGetContract(tx, row.id), p, ctx.now());
    },
    { behavior: 'immediate' },
  );
}
