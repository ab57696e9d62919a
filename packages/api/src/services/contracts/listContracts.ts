import { countContracts, listContracts as listContractRows } from '@kader/db';
import { CONTRACT_STATES, isoDate } from '@kader/workflow';
import { z } from 'zod';
import { requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { branchScope } from './shared';
import { contractCards } from './views';

const id = z.number().int().positive();

export const listContractsSchema = z.object({
  branchId: id.optional(),
  workAreaId: id.optional(),
  state: z.enum(CONTRACT_STATES).optional(),
  /** a real calendar date (`2026-02-30` is refused, naming the field) */
  endingBefore: isoDate.optional(),
  search: z.string().max(100).optional(),
  /** the last row of the page before: this page starts after it (keyset, not an offset) */
  after: z.object({ endDate: isoDate, id }).optional(),
  pageSize: z.number().int().min(1).max(100).optional(),
});

/**
 * Agreement years this person may read, filtered, one page (soonest end first) after `after`; the
 * count stops at 1,000 (`totalCapped`), so neither costs more as the years pile up.
 */
export function listContracts({ ctx, input }: { ctx: Context; input: z.output<typeof listContractsSchema> }) {
  const p = requirePrincipal(ctx);
  const { db } = ctx.handle;
  const filter = {
    branchIds: branchScope(db, p, input.branchId),
    workAreaId: input.workAreaId,
    states: input.state ? [input.state] : undefined,
    endingBefore: input.endingBefore,
    search: input.search,
  };
  const { items, next } = listContractRows(db, { filter, after: input.after ?? null, pageSize: input.pageSize ?? 50 });
  const count = countContracts(db, filter);
  return { total: count.n, totalCapped: count.capped, next, items: contractCards(db, items) };
}
