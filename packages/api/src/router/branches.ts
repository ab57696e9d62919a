import { setWorkAreaRegionSchema } from '@kader/workflow';
import { createBranch, createBranchSchema } from '../services/planning/createBranch';
import { listBranches } from '../services/planning/listBranches';
import { setWorkAreaRegion } from '../services/planning/setWorkAreaRegion';
import { branchWorkAreas, branchWorkAreasSchema } from '../services/planning/workAreas';
import { rolesProcedure, router, signedInProcedure } from '../trpc';

export const branchesRouter = router({
  list: signedInProcedure.query(({ ctx }) => listBranches({ ctx })),
  /** Head office opens a branch office with its work area. */
  create: rolesProcedure('admin')
    .input(createBranchSchema)
    .mutation(({ ctx, input }) => createBranch({ ctx, input })),
  /** A branch's work areas with their region codes (head office, or the branch's own users). */
  workAreas: signedInProcedure.input(branchWorkAreasSchema).query(({ ctx, input }) => branchWorkAreas({ ctx, input })),
  /** Head office sets or clears the regency/city code of an existing work area (revision-checked, audited). */
  setWorkAreaRegion: rolesProcedure('admin')
    .input(setWorkAreaRegionSchema)
    .mutation(({ ctx, input }) => setWorkAreaRegion({ ctx, input })),
});
