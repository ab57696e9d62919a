import { type DbOrTx, getPeriod, listAreaQuotas, listPeriods as listPeriodRows } from '@kader/db';
import { msg } from '@kader/workflow';
import { requirePrincipal } from '../auth/guard';
import { canReadBranch, canRunSelection, type Principal } from '../auth/principal';
import type { Context } from '../context';
import { DomainError } from '../errors';
import { placesTakenByArea } from './planning/areaPlaces';
import { periodView } from './views';

type Period = NonNullable<ReturnType<typeof getPeriod>>;

/**
 * A period as the quota page shows it: the period (with its window, channels and revision) and each
 * work area with its own places (null: none, the branch total alone applies) and the places taken.
 */
export function periodPlanningView(db: DbOrTx, period: Period) {
  const own = new Map(listAreaQuotas(db, period.id).map((a) => [a.workAreaId, a.quota]));
  const taken = placesTakenByArea(db, period.branchId, period.year);
  return {
    ...periodView(db, period),
    areaQuotas: period.workAreas.map((a) => ({
      workAreaId: a.id,
      name: a.name,
      quota: own.get(a.id) ?? null,
      taken: taken.get(a.id) ?? 0,
    })),
  };
}

/** The periods the user may see: their branch's, or every branch's for head office. */
export function listPeriods({ ctx }: { ctx: Context }) {
  const principal = requirePrincipal(ctx);
  const { db } = ctx.handle;
  return listPeriodRows(db)
    .filter((p) => canReadBranch(principal, p.branchId))
    .map((p) => periodPlanningView(db, p));
}

/**
 * A period to change, for someone who may plan it: the branch's own recruiters and supervisors, or
 * head office's admins. Another branch's period is NOT_FOUND (as every read of another branch).
 */
export function periodToPlan(db: DbOrTx, principal: Principal, periodId: number): Period {
  const period = getPeriod(db, periodId);
  if (!period || !canReadBranch(principal, period.branchId)) {
    throw new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'period', id: periodId }));
  }
  const headOffice = principal.kind === 'user' && principal.role === 'admin';
  if (!headOffice && !canRunSelection(principal, period.branchId)) {
    throw new DomainError('FORBIDDEN', msg('PERIOD_PLANNING_STAFF_ONLY'));
  }
  return period;
}
