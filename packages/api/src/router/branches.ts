import { createBranch, createBranchSchema } from '../services/planning/createBranch';
import { listBranches } from '../services/planning/listBranches';
import { rolesProcedure, router, signedInProcedure } from '../trpc';

export const branchesRouter = router({
  list: signedInProcedure.query(({ ctx }) => listBranches({ ctx })),
  /** Head office opens a branch office with its work area. */
  create: rolesProcedure('admin')
    .input(createBranchSchema)
    .mutation(({ ctx, input }) => createBranch({ ctx, input })),
});
