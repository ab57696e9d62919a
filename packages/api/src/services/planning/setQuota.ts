import { appendAudit, findPeriod, getBranch, getPeriod, insertPeriod, listAreaQuotas, setPeriodQuota } from '@kader/db';
import {
  DEFAULT_RECRUITMENT_RULES,
  defaultWindow,
  msg,
  quotaBelowSplit,
  quotaBelowTaken,
  type SetQuotaInput,
  splitSum,
} from '@kader/workflow';
import type { Context } from '../../context';
import { DomainError } from '../../errors';
import { placesTaken } from '../quota';
import { periodPlanningView } from '../periods';

/**
 * Head office sets a branch's cadre places for a year: opens the year's recruitment period (with
 * the programme's default rules and registration window) or changes its quota — never below the
 * places already taken, nor below the places its work areas were given (`setAreaQuotas`).
 */
export function setQuota({ ctx, input }: { ctx: Context; input: SetQuotaInput }) {
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction(
    (tx) => {
      if (!getBranch(tx, input.branchId)) {
        throw new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'branch', id: input.branchId }));
      }
      const existing = findPeriod(tx, { branchId: input.branchId, year: input.year });
      let periodId: number;
      if (existing) {
        // never below the places taken, nor below what the branch has given its work areas
        const below =
          quotaBelowTaken(input, placesTaken(tx, input.branchId, input.year)) ??
          quotaBelowSplit(input.quota, splitSum(listAreaQuotas(tx, existing.id)));
        if (below) throw new DomainError('VALIDATION', below, { fields: [below] });
        setPeriodQuota(tx, { periodId: existing.id, quota: input.quota });
        periodId = existing.id;
      } else {
        const window = defaultWindow(input.year);
        periodId = insertPeriod(tx, {
          ...input,
          rules: DEFAULT_RECRUITMENT_RULES,
          registrationOpensOn: window.opensOn,
          registrationClosesOn: window.closesOn,
        }).id;
      }
      appendAudit(tx, {
        entityType: 'period',
        entityId: periodId,
        type: 'QUOTA_SET',
        payload: { year: input.year, quota: input.quota, before: existing?.quota ?? null },
        actor: ctx.principal?.username ?? 'sistem',
        at,
      });
      return periodPlanningView(tx, getPeriod(tx, periodId)!);
    },
    { behavior: 'immediate' },
  );
}
