import { listContracts as listContractRows } from '@kader/db';
import { CONTRACT_STATES, isoDate } from '@kader/workflow';
import { z } from 'zod';
import { requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { readableBranches } from './shared';
import { contractCard } from './views';

const id = z.number().int().positive();

export const listContractsSchema = z.object({
  branchId: id.optional(),
  workAreaId: id.optional(),
  state: z.enum(CONTRACT_STATES).optional(),
  /** a real calendar date (`2026-02-30` is refused, naming the field) */
  endingBefore: isoDate.optional(),
  search: z.string().max(100).optional(),
  page: z.number().int().min(0).optional(),
  pageSize: z.number().int().min(1).max(100).optional(),
});

/** Agreement years this person may read, filtered and paged. */
export function listContracts({ ctx, input }: { ctx: Context; input: z.output<typeof listContractsSchema> }) {
  const p = requirePrincipal(ctx);
  const { db } = ctx.handle;
  const { total, items } = listContractRows(db, {
    filter: {
      branchIds: readableBranches(db, p, input.branchId),
      workAreaId: input.workAreaId,
      states: input.state ? [input.state] : undefined,
      endingBefore: input.endingBefore,
      search: input.search,
    },
    page: input.page ?? 0,
    pageSize: input.pageSize ?? 50,
  });
  return { total, items: items.map((i) => contractCard(db, i)) };
}
