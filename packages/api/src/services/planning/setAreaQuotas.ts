import { appendAudit, getPeriod, listAreaQuotas, updatePeriodIfRevision, writeAreaQuotas } from '@kader/db';
import { fieldMsg, msg, type SetAreaQuotasInput, splitProblems } from '@kader/workflow';
import { requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { DomainError } from '../../errors';
import { periodPlanningView, periodToPlan } from '../periods';
import { placesTakenByArea } from './areaPlaces';

/**
 * The branch (its recruiters and supervisors) or head office splits the period's total by work area.
 * In one transaction over the revision the caller saw: every area must be the branch's, the split
 * may not exceed the total (naming both numbers) nor an area go below the places it has taken
 * (naming the area); then written and audited with the split before. Areas not named keep theirs.
 */
export function setAreaQuotas({ ctx, input }: { ctx: Context; input: SetAreaQuotasInput }) {
  const principal = requirePrincipal(ctx);
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction(
    (tx) => {
      const period = periodToPlan(tx, principal, input.periodId);
      if (period.revision !== input.revision) throw new DomainError('CONFLICT', msg('CONFLICT'));
      const branch = period.branch.name;
      const foreign = input.areas.findIndex((a) => !period.workAreas.some((w) => w.id === a.workAreaId));
      if (foreign >= 0) {
        throw new DomainError('VALIDATION', msg('WORK_AREA_NOT_IN_BRANCH', { branch }), {
          fields: [fieldMsg(`areas.${foreign}.workAreaId`, 'WORK_AREA_CHOOSE_OF_BRANCH', { branch })],
        });
      }
      const before = listAreaQuotas(tx, period.id);
      const taken = placesTakenByArea(tx, period.branchId, period.year);
      const named = new Map(input.areas.map((a) => [a.workAreaId, a.quota]));
      // the whole split after this change, in the input's order first (its fields are named by index)
      const after = [...input.areas, ...before.filter((b) => !named.has(b.workAreaId))].map((a) => ({
        ...a,
        name: period.workAreas.find((w) => w.id === a.workAreaId)!.name,
        taken: taken.get(a.workAreaId) ?? 0,
      }));
      const problems = splitProblems(period.quota, after).filter(
        (p) => p.path === 'areas' || Number(p.path.split('.')[1]) < input.areas.length,
      );
      if (problems.length) throw new DomainError('VALIDATION', problems[0]!, { fields: problems });
      if (!updatePeriodIfRevision(tx, { id: period.id, expectedRevision: input.revision, values: {} })) {
        throw new DomainError('CONFLICT', msg('CONFLICT'));
      }
      writeAreaQuotas(tx, { periodId: period.id, areas: input.areas });
      appendAudit(tx, {
        entityType: 'period',
        entityId: period.id,
        type: 'AREA_QUOTAS_SET',
        payload: { total: period.quota, areas: input.areas, before },
        actor: principal.username,
        at,
      });
      return periodPlanningView(tx, getPeriod(tx, period.id)!);
    },
    { behavior: 'immediate' },
  );
}
