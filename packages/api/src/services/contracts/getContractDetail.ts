import { requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { mustGetContract } from './shared';
import { contractDetail } from './views';

/** One agreement year as this person may see it. */
export function getContractDetail({ ctx, input }: { ctx: Context; input: { id: number } }) {
  const p = requirePrincipal(ctx);
  return contractDetail(ctx.handle.db, mustGetContract(ctx.handle.db, input.id), p, ctx.now());
}
