import { listBranches as listBranchRows } from '@kader/db';
import type { Context } from '../../context';

/** The branches the user may see: their own, or every branch for head office. */
export function listBranches({ ctx }: { ctx: Context }) {
  const p = ctx.principal;
  const branches = listBranchRows(ctx.handle.db).map((b) => ({ id: b.id, code: b.code, name: b.name, timeZone: b.timeZone }));
  return p?.kind === 'user' && p.branchId !== null ? branches.filter((b) => b.id === p.branchId) : branches;
}
