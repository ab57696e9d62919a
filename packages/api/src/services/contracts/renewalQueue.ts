import { listContracts as listContractRows } from '@kader/db';
import { addDays, dateInZone } from '@kader/workflow';
import { requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { readableBranches } from './shared';
import { contractCard } from './views';

/**
 * The supervisor's queue: agreements due for evaluation or decided, those whose evaluation falls
 * due within 30 days (so nothing expires unnoticed), and — flagged for head office and the branch
 * — agreements that lapsed without a decision in the last 60 days. Soonest end first.
 */
export function renewalQueue({ ctx, input }: { ctx: Context; input: { branchId?: number | undefined } }) {
  const p = requirePrincipal(ctx);
  const { db } = ctx.handle;
  const branchIds = readableBranches(db, p, input.branchId);
  const due = listContractRows(db, { filter: { branchIds, states: ['evaluationDue', 'decided'] }, page: 0, pageSize: 500 }).items;
  const soon = listContractRows(db, { filter: { branchIds, states: ['active'] }, page: 0, pageSize: 500 }).items.filter(
    (i) => addDays(dateInZone(ctx.now(), i.branch.timeZone), 30) >= i.contract.evaluationDueOn,
  );
  const lapsed = listContractRows(db, { filter: { branchIds, states: ['lapsed'] }, page: 0, pageSize: 500 }).items.filter(
    (i) => addDays(i.contract.endDate, 60) >= dateInZone(ctx.now(), i.branch.timeZone),
  );
  return [...due, ...soon, ...lapsed]
    .sort((a, b) => a.contract.endDate.localeCompare(b.contract.endDate) || a.contract.id - b.contract.id)
    .map((i) => contractCard(db, i));
}
