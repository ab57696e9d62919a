import { listPeriods as listPeriodRows } from '@kader/db';
import { requirePrincipal } from '../auth/guard';
import { canReadBranch } from '../auth/principal';
import type { Context } from '../context';
import { periodView } from './views';

/** The periods the user may see: their branch's, or every branch's for head office. */
export function listPeriods({ ctx }: { ctx: Context }) {
  const principal = requirePrincipal(ctx);
  return listPeriodRows(ctx.handle.db)
    .filter((p) => canReadBranch(principal, p.branchId))
    .map((p) => periodView(ctx.handle.db, p));
}
