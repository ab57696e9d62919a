import { registerCandidateSchema } from '@kader/workflow';
import { correctCandidate, correctCandidateSchema } from '../services/correctCandidate';
import { registerCandidate } from '../services/registerCandidate';
import { rolesProcedure, router } from '../trpc';

export const candidatesRouter = router({
  register: rolesProcedure('recruiter', 'supervisor')
    .input(registerCandidateSchema)
    .mutation(({ ctx, input }) => registerCandidate({ ctx, input })),
  update: rolesProcedure('supervisor')
    .input(correctCandidateSchema)
    .mutation(({ ctx, input }) => correctCandidate({ ctx, input })),
});
