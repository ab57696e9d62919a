import { appendAudit, getPeriod, setPeriodRules as writePeriodRules } from '@kader/db';
import { msg, type SetPeriodRulesInput } from '@kader/workflow';
import type { Context } from '../../context';
import { DomainError } from '../../errors';
import { periodPlanningView } from '../periods';

/**
 * Head office sets a period's passing grades, required documents and eligibility (checked by
 * `periodRulesSchema`). Applications already registered keep the rules they started under (they
 * are in their machine context); only later registrations use the new ones.
 */
export function setPeriodRules({ ctx, input }: { ctx: Context; input: SetPeriodRulesInput }) {
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    const period = getPeriod(tx, input.periodId);
    if (!period) throw new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'period', id: input.periodId }));
    writePeriodRules(tx, { periodId: period.id, rules: input.rules });
    appendAudit(tx, {
      entityType: 'period',
      entityId: period.id,
      type: 'RULES_SET',
      payload: { rules: input.rules, before: period.rules },
      actor: ctx.principal?.username ?? 'sistem',
      at,
    });
    return periodPlanningView(tx, getPeriod(tx, period.id)!);
  });
}
