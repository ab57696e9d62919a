import { correctCandidateSchema, registerCandidateSchema } from '@kader/workflow';
import { correctCandidate } from '../services/correctCandidate';
import { registerCandidate } from '../services/registerCandidate';
import { revealNik, revealNikSchema } from '../services/revealNik';
import { rolesProcedure, router } from '../trpc';

export const candidatesRouter = router({
  register: rolesProcedure('recruiter', 'supervisor')
    .input(registerCandidateSchema)
    .mutation(({ ctx, input }) => registerCandidate({ ctx, input })),
  update: rolesProcedure('supervisor')
    .input(correctCandidateSchema)
    .mutation(({ ctx, input }) => correctCandidate({ ctx, input })),
  // A mutation, not a query: it writes the view log, and must never be refetched or cached.
  revealNik: rolesProcedure('recruiter', 'supervisor')
    .input(revealNikSchema)
    .mutation(({ ctx, input }) => revealNik({ ctx, input })),
});
